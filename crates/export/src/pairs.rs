//! The EN/FR pairs a document contributes to the corpus-wide files.

use model::{Document, Section, SectionSide, SegmentPair};

/// A section with both sides, as exported.
pub(crate) struct SectionPair<'a> {
    /// The section.
    pub(crate) section: &'a Section,
    /// Its English side.
    pub(crate) en: &'a SectionSide,
    /// Its French side.
    pub(crate) fr: &'a SectionSide,
}

/// A segment pair with where it comes from.
pub(crate) struct SegmentRef<'a> {
    /// The section holding the segment.
    pub(crate) section: &'a Section,
    /// 1-based position of the segment in its section, counted before any filtering so
    /// that it names the same pair whatever the confidence threshold.
    pub(crate) number: usize,
    /// The pair.
    pub(crate) pair: &'a SegmentPair,
}

/// The document's section pairs whose confidence reaches `min_confidence`.
pub(crate) fn section_pairs(
    doc: &Document,
    min_confidence: f64,
) -> impl Iterator<Item = SectionPair<'_>> {
    doc.sections.iter().filter_map(move |section| {
        let (Some(en), Some(fr)) = (&section.en, &section.fr) else {
            return None;
        };
        (section.confidence >= min_confidence).then_some(SectionPair { section, en, fr })
    })
}

/// The document's segment pairs (inside two-sided sections) whose confidence reaches
/// `min_confidence`. A segment is judged on its own confidence, not its section's.
pub(crate) fn segment_pairs(
    doc: &Document,
    min_confidence: f64,
) -> impl Iterator<Item = SegmentRef<'_>> {
    doc.section_pairs().flat_map(move |section| {
        section
            .segments
            .iter()
            .enumerate()
            .filter(move |(_, pair)| pair.confidence >= min_confidence)
            .map(move |(k, pair)| SegmentRef {
                section,
                number: k + 1,
                pair,
            })
    })
}
