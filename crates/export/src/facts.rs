//! What the corpus-wide pass reads of each pair of a document, derived once from its texts:
//! where the pair sits, its confidence, its duplicate key and, for a segment pair, its flags.
//!
//! Deriving them (normalising every text, hashing it, reading it for flags) is most of the
//! corpus-wide pass's own work and needs nothing but the document, so the pass derives them
//! for a batch of documents at a time on every worker thread, and keeps the sinks, which
//! must see the documents in order, for the one thread.

use model::{Document, SegmentPair};

use crate::duplicates::{PairKey, exact_form};
use crate::flags::Flags;
use crate::pairs;

/// The facts of one document's pairs.
#[derive(Debug)]
pub(crate) struct DocumentFacts {
    /// One per section pair, in [`pairs::section_pairs`] order.
    pub(crate) sections: Vec<SectionFacts>,
    /// One per segment pair, in [`pairs::segment_pairs`] order.
    pub(crate) segments: Vec<SegmentFacts>,
}

/// The facts of a section pair.
#[derive(Debug)]
pub(crate) struct SectionFacts {
    /// The section's index.
    pub(crate) section: usize,
    pub(crate) confidence: f64,
    pub(crate) key: PairKey,
}

/// The facts of a segment pair.
#[derive(Debug)]
pub(crate) struct SegmentFacts {
    /// The index of the section holding it.
    pub(crate) section: usize,
    /// Its 1-based position in the section.
    pub(crate) number: usize,
    pub(crate) confidence: f64,
    pub(crate) key: PairKey,
    pub(crate) flags: Flags,
}

impl DocumentFacts {
    /// Derives the facts of every pair of `doc`.
    pub(crate) fn of(doc: &Document) -> Self {
        DocumentFacts {
            sections: pairs::section_pairs(doc)
                .map(|pair| SectionFacts {
                    section: pair.section.index,
                    confidence: pair.section.confidence,
                    key: PairKey::of(&pair.parts()),
                })
                .collect(),
            segments: pairs::segment_pairs(doc)
                .map(|seg| {
                    let (key, flags) = key_and_flags(seg.pair);
                    SegmentFacts {
                        section: seg.section.index,
                        number: seg.number,
                        confidence: seg.pair.confidence,
                        key,
                        flags,
                    }
                })
                .collect(),
        }
    }
}

/// A segment pair's duplicate key and flags, from one normalisation of each side.
fn key_and_flags(pair: &SegmentPair) -> (PairKey, Flags) {
    let exact = [exact_form(&pair.en), exact_form(&pair.fr)];
    let [en, fr] = exact.each_ref().map(String::as_str);
    (
        PairKey::of_exact_forms(&[en, fr]),
        Flags::of(pair, [en, fr]),
    )
}
