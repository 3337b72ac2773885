//! Ingest: from the bytes of an input file to clean running text.
//!
//! [`ingest`] is the entry point: given a file's name (for its extension) and bytes, it returns
//! an [`Extracted`] (NFC text with `\n` line breaks, paragraphs separated by a blank line, plus
//! warnings) or an [`IngestError`] with a stable [`code`](IngestError::code).
//!
//! - Text files ([`text`]): UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 when the
//!   bytes are not UTF-8; CRLF and CR line ends; Unicode NFC.
//! - PDF files ([`pdf`]): text extracted page by page from glyph positions, lines and
//!   paragraphs rebuilt, page furniture removed, two-column layouts read column by column;
//!   encrypted files with an empty user password opened; damaged pages recovered when possible.
//!
//! Work per document is bounded by [`Limits`] ([`ingest_with_limits`]); [`check_size`] lets
//! a caller refuse an oversized file from its size alone, before reading it.
//!
//! This crate does not detect languages, find sections or read fields: it only produces text.
//! It is the only crate that links PDF libraries.

pub mod pdf;
pub mod structure;
pub mod text;

use std::path::Path;
use std::time::Duration;

use model::{Extracted, SourceFormat, codes};

/// Why an input could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// The file has no bytes, or no text once decoded.
    #[error("empty file ({0})")]
    Empty(String),
    /// Text bytes that decode in no supported encoding.
    #[error("unsupported text encoding: {0}")]
    UnsupportedEncoding(String),
    /// A `.pdf` whose bytes do not start like a PDF.
    #[error("not a PDF: {0}")]
    NotAPdf(String),
    /// A PDF whose structure could not be read.
    #[error("corrupt PDF: {0}")]
    CorruptPdf(String),
    /// A PDF that needs a password.
    #[error("encrypted PDF: {0}")]
    Encrypted(String),
    /// A PDF with pages but no text layer.
    #[error("no text layer: {0}")]
    NoTextLayer(String),
    /// A per-document limit was reached.
    #[error("limit exceeded: {0}")]
    LimitExceeded(String),
}

impl IngestError {
    /// The stable diagnostic code for this error (see [`model::codes`]).
    pub fn code(&self) -> &'static str {
        match self {
            IngestError::Empty(_) => codes::EMPTY,
            IngestError::UnsupportedEncoding(_) => codes::UNSUPPORTED_ENCODING,
            IngestError::NotAPdf(_) => codes::NOT_A_PDF,
            IngestError::CorruptPdf(_) => codes::CORRUPT_PDF,
            IngestError::Encrypted(_) => codes::ENCRYPTED,
            IngestError::NoTextLayer(_) => codes::NO_TEXT_LAYER,
            IngestError::LimitExceeded(_) => codes::LIMIT_EXCEEDED,
        }
    }
}

/// File extensions read as plain text (lowercase, without the dot).
const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];

/// The format of an input file, judged by its extension; `None` for files bitextract skips.
pub fn input_format(path: &Path) -> Option<SourceFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext == "pdf" {
        Some(SourceFormat::Pdf)
    } else if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Some(SourceFormat::Text)
    } else {
        None
    }
}

/// Bounds on the work spent on one document. Reaching one is a `limit-exceeded` error; the
/// document is partial when some text was read before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Pages read at most; later pages are skipped.
    pub max_pages: usize,
    /// Bytes decompressed at most, over all streams of page content (and per stream while
    /// loading the file).
    pub max_decompressed_bytes: usize,
    /// Time spent at most, checked between pages and, inside a page, every 1,024 content
    /// operators and every glyph pdf-extract draws.
    pub max_duration: Duration,
    /// Content-stream operators interpreted at most, over all pages and every time a Form
    /// XObject is drawn (a form drawn ten times counts ten times), so that forms drawing each
    /// other many times over end. Chosen by measurement: the bundled corpus's documents run
    /// at most 4,403 operators (1,000 dense pages would run about 2 million), and our drawer
    /// interprets 0.5 to 1 million operators a second on text-heavy pages and a few million on
    /// others, so the default leaves room for 5,000 such pages and ends a runaway document
    /// in seconds.
    pub max_operators: u64,
    /// Glyphs recorded at most, over all pages. Each costs some 250 to 300 bytes through
    /// layout (measured: one page of 4 million glyphs peaked at 1.0 to 1.2 GB), so the
    /// default bounds them to about 600 MB; the bundled corpus's largest document draws
    /// 29,570.
    pub max_glyphs: u64,
    /// Decompressed content of one page at most, in bytes. A page over it is drawn only by our
    /// streaming drawer (the other readers hold the whole parsed content in memory, some 50
    /// times its size); if that drawer declines it, its text is reported lost. The bundled
    /// corpus's largest page content is 22,779 bytes.
    pub max_page_content_bytes: usize,
    /// Size of a text file at most, in bytes; larger files are refused whole.
    pub max_text_bytes: usize,
    /// Size of a PDF file at most, in bytes; larger files are refused whole.
    pub max_pdf_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pages: 2_000,
            max_decompressed_bytes: 256 * 1024 * 1024,
            max_duration: Duration::from_secs(60),
            max_operators: 10_000_000,
            max_glyphs: 2_000_000,
            max_page_content_bytes: 8 * 1024 * 1024,
            max_text_bytes: 64 * 1024 * 1024,
            max_pdf_bytes: 512 * 1024 * 1024,
        }
    }
}

/// Reads one input file's bytes as the given format, within the default [`Limits`].
pub fn ingest(format: SourceFormat, bytes: &[u8]) -> Result<Extracted, IngestError> {
    ingest_with_limits(format, bytes, &Limits::default())
}

/// Reads one input file's bytes as the given format, within the given limits.
pub fn ingest_with_limits(
    format: SourceFormat,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Extracted, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty("0 bytes".to_owned()));
    }
    check_size(format, bytes.len() as u64, limits)?;
    match format {
        SourceFormat::Text => text::extract(bytes),
        SourceFormat::Pdf => pdf::extract(bytes, limits),
    }
}

/// Checks the size of a file against the limits: a text file larger than
/// [`Limits::max_text_bytes`] or a PDF larger than [`Limits::max_pdf_bytes`] is refused whole
/// with `limit-exceeded`. Callers that know the size before reading the file (from its
/// metadata) call this first, so that an oversized file is never read into memory;
/// [`ingest_with_limits`] applies the same rule to the bytes it is given.
pub fn check_size(format: SourceFormat, bytes: u64, limits: &Limits) -> Result<(), IngestError> {
    let (kind, limit) = match format {
        SourceFormat::Text => ("text", limits.max_text_bytes),
        SourceFormat::Pdf => ("PDF", limits.max_pdf_bytes),
    };
    if bytes > limit as u64 {
        return Err(IngestError::LimitExceeded(format!(
            "a {kind} file of {bytes} bytes, more than the limit of {limit}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(input_format(Path::new("a/b.PDF")), Some(SourceFormat::Pdf));
        assert_eq!(
            input_format(Path::new("notice.txt")),
            Some(SourceFormat::Text)
        );
        assert_eq!(input_format(Path::new("MANIFEST.json")), None);
        assert_eq!(input_format(Path::new("README")), None);
    }

    #[test]
    fn a_text_file_over_the_size_limit_is_refused() {
        let limits = Limits {
            max_text_bytes: 10,
            ..Limits::default()
        };
        let err = ingest_with_limits(SourceFormat::Text, b"eleven byte", &limits).unwrap_err();
        assert_eq!(err.code(), codes::LIMIT_EXCEEDED);
        assert!(ingest_with_limits(SourceFormat::Text, b"ten bytes!", &limits).is_ok());
    }

    #[test]
    fn sizes_are_checked_per_format() {
        let limits = Limits {
            max_text_bytes: 10,
            max_pdf_bytes: 100,
            ..Limits::default()
        };
        assert!(check_size(SourceFormat::Text, 10, &limits).is_ok());
        let err = check_size(SourceFormat::Text, 11, &limits).unwrap_err();
        assert_eq!(err.code(), codes::LIMIT_EXCEEDED);
        assert!(err.to_string().contains("text file of 11 bytes"), "{err}");
        assert!(check_size(SourceFormat::Pdf, 100, &limits).is_ok());
        let err = check_size(SourceFormat::Pdf, 101, &limits).unwrap_err();
        assert_eq!(err.code(), codes::LIMIT_EXCEEDED);
        let err = ingest_with_limits(SourceFormat::Pdf, &[b'%'; 101], &limits).unwrap_err();
        assert_eq!(
            err.code(),
            codes::LIMIT_EXCEEDED,
            "the bytes given are checked too"
        );
    }

    #[test]
    fn empty_bytes_are_an_empty_error() {
        let err = ingest(SourceFormat::Pdf, b"").unwrap_err();
        assert_eq!(err.code(), codes::EMPTY);
        let err = ingest(SourceFormat::Text, b"").unwrap_err();
        assert_eq!(err.code(), codes::EMPTY);
    }
}
