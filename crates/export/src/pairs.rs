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

impl SectionPair<'_> {
    /// The parts that make two section pairs duplicates: headings and texts.
    pub(crate) fn parts(&self) -> [&str; 4] {
        [
            self.en.heading.as_deref().unwrap_or_default(),
            &self.en.text,
            self.fr.heading.as_deref().unwrap_or_default(),
            &self.fr.text,
        ]
    }
}

/// A segment pair with where it comes from.
#[derive(Clone, Copy)]
pub(crate) struct SegmentRef<'a> {
    /// The section holding the segment.
    pub(crate) section: &'a Section,
    /// 1-based position of the segment in its section, counted before any filtering so
    /// that it names the same pair whatever the options.
    pub(crate) number: usize,
    /// The pair.
    pub(crate) pair: &'a SegmentPair,
}

impl SegmentRef<'_> {
    /// The pair's id across the formats: `<document>:<section index>:<segment number>`.
    pub(crate) fn id(&self, doc: &str) -> String {
        segment_id(doc, self.section.index, self.number)
    }
}

/// The id of a segment pair: `<document>:<section index>:<segment number>`.
pub(crate) fn segment_id(doc: &str, section: usize, number: usize) -> String {
    format!("{doc}:{section}:{number}")
}

/// The document's section pairs (its sections with both sides).
pub(crate) fn section_pairs(doc: &Document) -> impl Iterator<Item = SectionPair<'_>> {
    doc.sections.iter().filter_map(|section| {
        let (Some(en), Some(fr)) = (&section.en, &section.fr) else {
            return None;
        };
        Some(SectionPair { section, en, fr })
    })
}

/// The document's segment pairs, inside its two-sided sections, in order.
pub(crate) fn segment_pairs(doc: &Document) -> impl Iterator<Item = SegmentRef<'_>> {
    doc.section_pairs().flat_map(|section| {
        section
            .segments
            .iter()
            .enumerate()
            .map(move |(k, pair)| SegmentRef {
                section,
                number: k + 1,
                pair,
            })
    })
}
