use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An error or warning attached to a document: a stable machine-readable `code`
/// and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Stable kebab-case identifier, one of [`codes`] (consumers filter on it).
    pub code: String,
    /// Human-readable explanation, free to change between versions.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic with the given code and message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// The stable diagnostic codes. Codes are part of the dataset contract: never rename one.
pub mod codes {
    /// The input file has no bytes, or no text once decoded.
    pub const EMPTY: &str = "empty";
    /// The input could not be read from disk.
    pub const IO: &str = "io-error";
    /// Text bytes that are not in any supported encoding.
    pub const UNSUPPORTED_ENCODING: &str = "unsupported-encoding";
    /// Text decoded with a fallback encoding (Windows-1252) or with replaced bytes.
    pub const ENCODING_FALLBACK: &str = "encoding-fallback";
    /// A `.pdf` file without a `%PDF-` header.
    pub const NOT_A_PDF: &str = "not-a-pdf";
    /// A PDF whose structure could not be read.
    pub const CORRUPT_PDF: &str = "corrupt-pdf";
    /// A PDF that needs a password to be opened.
    pub const ENCRYPTED: &str = "encrypted";
    /// A PDF with pages but no extractable text (a scan).
    pub const NO_TEXT_LAYER: &str = "no-text-layer";
    /// An HTML page whose text is all site chrome (navigation, headers, footers, hidden
    /// text): no main content to read.
    pub const NO_MAIN_CONTENT: &str = "no-main-content";
    /// A DOCX file whose zip container or XML could not be read.
    pub const CORRUPT_DOCX: &str = "corrupt-docx";
    /// Some pages of a PDF could not be extracted.
    pub const PAGE_FAILED: &str = "page-failed";
    /// A per-document limit (time, bytes, pages, depth) was reached.
    pub const LIMIT_EXCEEDED: &str = "limit-exceeded";
    /// Running headers, footers or page numbers were removed from the text.
    pub const PAGE_FURNITURE_REMOVED: &str = "page-furniture-removed";
    /// An internal failure (a caught panic) while processing the document.
    pub const INTERNAL: &str = "internal-error";
    /// A field disagrees between the English and the French side.
    pub const METADATA_MISMATCH: &str = "metadata-mismatch";
    /// A section present in one language had no counterpart in the other.
    pub const UNPAIRED_SECTION: &str = "unpaired-section";
    /// Text in a language other than English and French was found and set aside.
    pub const OTHER_LANGUAGE: &str = "other-language";
    /// A file of one language had candidates in the other, but none clearly its own: it
    /// was left a monolingual document (the message names the candidates).
    pub const AMBIGUOUS_PAIR: &str = "ambiguous-pair";
}
