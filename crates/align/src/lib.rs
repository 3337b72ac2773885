//! Align: sentence and bullet alignment inside one EN/FR section pair.
//!
//! Entry point: [`align_section`], which takes the clean text of the English and the French
//! side of a section and returns the aligned [`SegmentPair`]s.
//!
//! This crate does not find sections or pair them: it works inside a pair it is given.

use model::SegmentPair;

/// Aligns the segments of an English and a French section text.
pub fn align_section(_en: &str, _fr: &str) -> Vec<SegmentPair> {
    Vec::new()
}
