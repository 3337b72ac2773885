//! Opening a PDF: structure, encryption, and, when a page needs it, a copy pdf-extract can draw.
//!
//! lopdf 0.47 reads the structure: it repairs damaged cross-reference data and decrypts
//! files whose user password is empty (RC4, AES-128, AES-256). pdf-extract draws glyphs with
//! its own, older lopdf, which does neither: when the file needed repair or decryption it is
//! given the repaired, decrypted document written back to bytes. Most pages are drawn by
//! [`super::draw`] on the structure alone, so pdf-extract's copy is loaded only when a page
//! first needs it.

use std::cell::OnceCell;

use lopdf::{DecompressError, LoadOptions};
use model::{Diagnostic, codes};

use super::repair;
use crate::{IngestError, Limits};

/// How far from the end of the file the `%%EOF` marker is looked for.
const EOF_MARKER_WINDOW: usize = 2048;

/// A PDF ready to be read page by page.
pub struct Opened<'b> {
    /// The document as lopdf 0.47 reads it (decrypted, repaired).
    pub structure: lopdf::Document,
    /// The file's bytes, for pdf-extract.
    bytes: &'b [u8],
    /// Whether `repair` changed the structure (pdf-extract must then get it rewritten).
    repaired: bool,
    /// The same document for pdf-extract, once loaded (`None` when its lopdf cannot load it).
    pub renderer: OnceCell<Option<pdf_extract::Document>>,
    /// What was repaired on the way.
    pub warnings: Vec<Diagnostic>,
    /// What is missing from the file (it is truncated).
    pub errors: Vec<Diagnostic>,
}

/// Loads a PDF's bytes.
pub fn open<'b>(bytes: &'b [u8], limits: &Limits) -> Result<Opened<'b>, IngestError> {
    let options = LoadOptions {
        max_decompressed_size: Some(limits.max_decompressed_bytes),
        ..LoadOptions::default()
    };
    let truncated = !has_eof_marker(bytes);
    let mut structure = lopdf::Document::load_mem_with_options(bytes, options)
        .map_err(|error| load_error(&error, truncated))?;
    if structure.is_encrypted() {
        return Err(IngestError::Encrypted(
            "the document needs a password to be opened".to_owned(),
        ));
    }
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    if truncated {
        errors.push(Diagnostic::new(
            codes::CORRUPT_PDF,
            "the file ends without a %%EOF marker: it is truncated and parts may be missing",
        ));
    }
    let repaired = structure.xref_recovery.is_some();
    if repaired {
        warnings.push(Diagnostic::new(
            codes::CORRUPT_PDF,
            "damaged cross-reference data was rebuilt",
        ));
    }
    let repairs = repair::repair(&mut structure, limits.max_decompressed_bytes);
    let structure_repaired = !repairs.is_empty();
    warnings.extend(repairs);
    Ok(Opened {
        structure,
        bytes,
        repaired: structure_repaired,
        renderer: OnceCell::new(),
        warnings,
        errors,
    })
}

impl Opened<'_> {
    /// pdf-extract's copy of the document, loaded the first time it is asked for.
    pub fn renderer(&self) -> Option<&pdf_extract::Document> {
        self.renderer
            .get_or_init(|| {
                let page_count = self.structure.get_pages().len();
                let loads_as_is = self.structure.xref_recovery.is_none()
                    && !self.structure.was_encrypted()
                    && !self.repaired;
                loads_as_is
                    .then(|| pdf_extract::Document::load_mem(self.bytes).ok())
                    .flatten()
                    .filter(|doc| doc.get_pages().len() == page_count)
                    .or_else(|| rewritten(&self.structure))
            })
            .as_ref()
    }
}

/// The document written back to bytes and loaded by pdf-extract's lopdf.
fn rewritten(structure: &lopdf::Document) -> Option<pdf_extract::Document> {
    let mut bytes = Vec::new();
    structure.clone().save_to(&mut bytes).ok()?;
    let doc = pdf_extract::Document::load_mem(&bytes).ok()?;
    (doc.get_pages().len() == structure.get_pages().len()).then_some(doc)
}

fn load_error(error: &lopdf::Error, truncated: bool) -> IngestError {
    match error {
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { limit }) => {
            IngestError::LimitExceeded(format!("a stream decompresses to more than {limit} bytes"))
        }
        lopdf::Error::InvalidPassword
        | lopdf::Error::Decryption(_)
        | lopdf::Error::UnsupportedSecurityHandler(_) => {
            IngestError::Encrypted(format!("the document cannot be decrypted ({error})"))
        }
        _ if truncated => IngestError::CorruptPdf(format!(
            "truncated: no %%EOF marker, and the structure cannot be read ({error})"
        )),
        _ => IngestError::CorruptPdf(error.to_string()),
    }
}

fn has_eof_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(EOF_MARKER_WINDOW)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}
