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
//! - HTML pages ([`html`]), Markdown ([`markdown`]) and Word documents ([`docx`]): the
//!   structure the markup states (headings and their levels, list items, label–value pairs)
//!   is kept as typed [`Block`](model::Block)s over the lines of the text, beside the text
//!   itself. A text file that holds an HTML page is read as HTML.
//!
//! Work per document is bounded by [`Limits`] ([`ingest_with_limits`]); [`check_size`] lets
//! a caller refuse an oversized file from its size alone, before reading it.
//!
//! This crate does not detect languages, find sections or read fields: it only produces text
//! and the blocks its readers saw. It is the only crate that links PDF libraries.
//!
//! ```
//! use model::{BlockKind, SourceFormat};
//!
//! let page = b"<html><body><nav>Home</nav><main><h2>Duties</h2><p>Draft briefs.</p></main></body></html>";
//! let extracted = ingest::ingest(SourceFormat::Html, page).expect("readable");
//! assert_eq!(extracted.text, "Duties\n\nDraft briefs.");
//! assert!(matches!(extracted.blocks[0].kind, BlockKind::Heading(_)));
//! ```

pub mod docx;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod structure;
pub mod text;
mod writer;

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
    /// A PDF that needs a password, or an encrypted Word document.
    #[error("encrypted: {0}")]
    Encrypted(String),
    /// A PDF with pages but no text layer.
    #[error("no text layer: {0}")]
    NoTextLayer(String),
    /// An HTML page with no main content: only navigation, headers, footers, hidden text.
    #[error("no main content: {0}")]
    NoMainContent(String),
    /// A DOCX file whose container or XML could not be read.
    #[error("corrupt DOCX: {0}")]
    CorruptDocx(String),
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
            IngestError::NoMainContent(_) => codes::NO_MAIN_CONTENT,
            IngestError::CorruptDocx(_) => codes::CORRUPT_DOCX,
            IngestError::LimitExceeded(_) => codes::LIMIT_EXCEEDED,
        }
    }
}

/// The file extensions of each format (lowercase, without the dot).
const EXTENSIONS: &[(SourceFormat, &[&str])] = &[
    (SourceFormat::Pdf, &["pdf"]),
    (SourceFormat::Text, &["txt", "text"]),
    (SourceFormat::Html, &["html", "htm", "xhtml"]),
    (SourceFormat::Markdown, &["md", "markdown"]),
    (SourceFormat::Docx, &["docx"]),
];

/// The extensions bitextract reads, for messages: ".pdf, .txt, …".
pub fn known_extensions() -> String {
    EXTENSIONS
        .iter()
        .flat_map(|(_, exts)| exts.iter())
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The format of an input file, judged by its extension; `None` for files bitextract skips.
/// A text file that holds an HTML page is told apart when it is read ([`ingest`]).
pub fn input_format(path: &Path) -> Option<SourceFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    EXTENSIONS
        .iter()
        .find(|(_, exts)| exts.contains(&ext.as_str()))
        .map(|(format, _)| *format)
}

/// How many first bytes [`sniff_format`] looks at.
pub const SNIFF_BYTES: usize = pdf::HEADER_WINDOW;

/// The format of bytes that come without a name saying it, from their first bytes (see
/// [`SNIFF_BYTES`]): a PDF when a `%PDF-` header opens them (where the PDF reader looks for
/// it), a DOCX when they open as a zip archive, an HTML page when they open like one, and
/// text otherwise (a Markdown file reads as text).
pub fn sniff_format(head: &[u8]) -> SourceFormat {
    if pdf::has_header(head) {
        SourceFormat::Pdf
    } else if head.starts_with(ZIP_SIGNATURE) {
        SourceFormat::Docx
    } else if html::looks_like_html(head) {
        SourceFormat::Html
    } else {
        SourceFormat::Text
    }
}

/// The first bytes of a zip archive's first local file header, which opens a DOCX file.
const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";

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
    /// Size of an HTML or Markdown file at most, in bytes; larger files are refused whole.
    pub max_markup_bytes: usize,
    /// Size of a DOCX file at most, in bytes; larger files are refused whole. What it
    /// holds once uncompressed is bounded by `max_decompressed_bytes`.
    pub max_docx_bytes: usize,
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
            // The largest real pages are a few hundred kilobytes; as for text files.
            max_markup_bytes: 64 * 1024 * 1024,
            // Word documents with images run to tens of megabytes; the text is a small part.
            max_docx_bytes: 128 * 1024 * 1024,
        }
    }
}

/// Reads one input file's bytes as the given format, within the default [`Limits`].
pub fn ingest(format: SourceFormat, bytes: &[u8]) -> Result<Extracted, IngestError> {
    ingest_with_limits(format, bytes, &Limits::default())
}

/// Reads one input file's bytes as the given format, within the given limits. A text file
/// whose bytes open like an HTML page (`<!DOCTYPE html` or `<html`) is read as HTML, and
/// the result's `format` says so.
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
        SourceFormat::Text if html::looks_like_html(bytes) => html::extract(bytes),
        SourceFormat::Text => text::extract(bytes),
        SourceFormat::Pdf => pdf::extract(bytes, limits),
        SourceFormat::Html => html::extract(bytes),
        SourceFormat::Markdown => markdown::extract(bytes),
        SourceFormat::Docx => docx::extract(bytes, limits),
    }
}

/// Checks the size of a file against the limit of its format ([`Limits::max_text_bytes`],
/// [`Limits::max_pdf_bytes`], [`Limits::max_markup_bytes`], [`Limits::max_docx_bytes`]): a
/// larger file is refused whole with `limit-exceeded`. Callers that know the size before reading the file (from its
/// metadata) call this first, so that an oversized file is never read into memory;
/// [`ingest_with_limits`] applies the same rule to the bytes it is given.
pub fn check_size(format: SourceFormat, bytes: u64, limits: &Limits) -> Result<(), IngestError> {
    let (kind, limit) = match format {
        SourceFormat::Text => ("text", limits.max_text_bytes),
        SourceFormat::Pdf => ("PDF", limits.max_pdf_bytes),
        SourceFormat::Html => ("HTML", limits.max_markup_bytes),
        SourceFormat::Markdown => ("Markdown", limits.max_markup_bytes),
        SourceFormat::Docx => ("DOCX", limits.max_docx_bytes),
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
    fn formats_by_first_bytes() {
        assert_eq!(sniff_format(b"%PDF-1.7\n%\xE2\xE3"), SourceFormat::Pdf);
        assert_eq!(sniff_format(b"junk before it %PDF-1.4"), SourceFormat::Pdf);
        assert_eq!(sniff_format(b"PK\x03\x04\x14\x00"), SourceFormat::Docx);
        assert_eq!(
            sniff_format(b"\n  <!DOCTYPE html><html>"),
            SourceFormat::Html
        );
        assert_eq!(sniff_format(b"# A notice\n\nText."), SourceFormat::Text);
        assert_eq!(sniff_format(b""), SourceFormat::Text);
        let late_header = [b" ".repeat(SNIFF_BYTES), b"%PDF-1.7".to_vec()].concat();
        assert_eq!(sniff_format(&late_header), SourceFormat::Text);
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(input_format(Path::new("a/b.PDF")), Some(SourceFormat::Pdf));
        assert_eq!(
            input_format(Path::new("notice.txt")),
            Some(SourceFormat::Text)
        );
        assert_eq!(input_format(Path::new("p.HTM")), Some(SourceFormat::Html));
        assert_eq!(
            input_format(Path::new("cds_1_fr.md")),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(input_format(Path::new("x.docx")), Some(SourceFormat::Docx));
        assert_eq!(input_format(Path::new("x.doc")), None);
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
    fn a_text_file_holding_a_page_is_read_as_html() {
        let page = b"\n<!DOCTYPE html><html><body><main><p>Hello there.</p></main></body></html>";
        let extracted = ingest(SourceFormat::Text, page).expect("readable");
        assert_eq!(extracted.format, SourceFormat::Html);
        assert_eq!(extracted.text, "Hello there.");
        let plain = ingest(SourceFormat::Text, b"<b> is a tag").expect("readable");
        assert_eq!(plain.format, SourceFormat::Text);
    }

    #[test]
    fn markup_and_docx_sizes_have_their_limits() {
        let limits = Limits {
            max_markup_bytes: 10,
            max_docx_bytes: 20,
            ..Limits::default()
        };
        for format in [SourceFormat::Html, SourceFormat::Markdown] {
            assert!(check_size(format, 10, &limits).is_ok());
            assert_eq!(
                check_size(format, 11, &limits).unwrap_err().code(),
                codes::LIMIT_EXCEEDED
            );
        }
        assert!(check_size(SourceFormat::Docx, 20, &limits).is_ok());
        assert!(check_size(SourceFormat::Docx, 21, &limits).is_err());
    }

    #[test]
    fn empty_bytes_are_an_empty_error() {
        let err = ingest(SourceFormat::Pdf, b"").unwrap_err();
        assert_eq!(err.code(), codes::EMPTY);
        let err = ingest(SourceFormat::Text, b"").unwrap_err();
        assert_eq!(err.code(), codes::EMPTY);
    }
}
