//! PDF input.

use model::Extracted;

use crate::IngestError;

/// Extracts the running text of a PDF.
pub fn extract(bytes: &[u8]) -> Result<Extracted, IngestError> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(IngestError::NotAPdf("no %PDF- header".to_owned()));
    }
    Err(IngestError::CorruptPdf(
        "PDF reading is not implemented yet".to_owned(),
    ))
}
