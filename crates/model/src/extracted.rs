use serde::{Deserialize, Serialize};

use crate::{Block, Diagnostic, SourceFormat};

/// The running text of one input file, as ingest hands it to the rest of the pipeline.
///
/// `text` is NFC, uses `\n` line breaks, separates paragraphs with a blank line and holds
/// no page furniture. `errors` is non-empty when only part of the file could be read
/// (the document is then `partial`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    /// What kind of file the text came from.
    pub format: SourceFormat,
    /// The clean text.
    pub text: String,
    /// The structure the reader saw, in text order, each block covering lines of `text`.
    /// Empty when the reader saw none; later stages then find structure in the text itself.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Number of pages, for paged formats.
    pub pages: Option<u32>,
    /// What ingest changed or noticed (encoding fallback, removed page furniture, …).
    pub warnings: Vec<Diagnostic>,
    /// What ingest could not read although it recovered the rest.
    pub errors: Vec<Diagnostic>,
}
