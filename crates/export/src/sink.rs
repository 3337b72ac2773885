//! The one interface every corpus-wide format is written through.
//!
//! [`crate::corpus`] reads the documents back in id order, folds duplicates and flags the
//! pairs, then tells each open format what it meets through the [`Sink`] methods: a
//! format implements those it needs. Adding a format is a module under `formats/` with a
//! type implementing [`Sink`], and a variant of [`crate::Format`].

use model::{Document, Section, SegmentPair};

use crate::ExportError;
use crate::flags::Flags;
use crate::pairs::{SectionPair, SegmentRef};

/// A corpus-wide format being written.
///
/// For each document in id order, [`Sink::document`] comes first, then [`Sink::section`]
/// for each section pair it is the representative of, then, for each segment pair it is the
/// representative of, [`Sink::segment`] when the pair passes the quality flags or
/// [`Sink::set_aside`] when it does not. [`Sink::finish`] comes once, at the end, and puts
/// the files in place; a sink dropped without it leaves nothing behind.
pub(crate) trait Sink {
    /// A document, with what became of each of its segment pairs.
    fn document(&mut self, _document: &DocumentRecord) -> Result<(), ExportError> {
        Ok(())
    }

    /// A distinct section pair.
    fn section(&mut self, _pair: &SectionRecord) -> Result<(), ExportError> {
        Ok(())
    }

    /// A distinct segment pair that passes the quality flags.
    fn segment(&mut self, _pair: &SegmentRecord) -> Result<(), ExportError> {
        Ok(())
    }

    /// A distinct segment pair with a quality flag.
    fn set_aside(&mut self, _pair: &SegmentRecord) -> Result<(), ExportError> {
        Ok(())
    }

    /// Completes the files and renames them into place.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// How many times a pair occurs in the corpus and where.
#[derive(Debug, Clone)]
pub(crate) struct Occurrences<'a> {
    /// Occurrences of the pair and its near duplicates.
    pub(crate) count: u32,
    /// Distinct exact forms among them.
    pub(crate) variants: u32,
    /// The documents holding them, in id order, each once.
    pub(crate) documents: Vec<&'a str>,
}

/// A section pair as written: the representative of its duplicates.
pub(crate) struct SectionRecord<'a> {
    /// Its document's id.
    pub(crate) doc: &'a str,
    /// The pair.
    pub(crate) pair: SectionPair<'a>,
    /// Its duplicates.
    pub(crate) occurrences: Occurrences<'a>,
}

/// A segment pair as written: the representative of its duplicates.
pub(crate) struct SegmentRecord<'a> {
    /// Its document's id.
    pub(crate) doc: &'a str,
    /// The pair and where it sits.
    pub(crate) seg: SegmentRef<'a>,
    /// Its quality flags.
    pub(crate) flags: Flags,
    /// Its duplicates.
    pub(crate) occurrences: Occurrences<'a>,
}

impl SegmentRecord<'_> {
    /// The pair's id across the formats: `<document>:<section index>:<segment number>`.
    pub(crate) fn id(&self) -> String {
        self.seg.id(self.doc)
    }

    /// The pair.
    pub(crate) fn pair(&self) -> &SegmentPair {
        self.seg.pair
    }
}

/// What became of one segment pair of a document in the corpus-wide files.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    /// Written to every format, as the representative of `count` occurrences.
    Exported {
        /// Occurrences it stands for.
        count: u32,
    },
    /// Written to `segments.jsonl` only, with its flags.
    SetAside,
    /// Folded into the pair of that id (an exact or near duplicate of it).
    Duplicate {
        /// The id of the pair written for it.
        of: String,
    },
    /// Left out of every corpus-wide file by `--min-confidence`.
    BelowThreshold,
}

/// One segment pair of a document with what became of it.
#[derive(Debug, Clone)]
pub(crate) struct PairOutcome {
    /// Its quality flags.
    pub(crate) flags: Flags,
    /// What became of it.
    pub(crate) outcome: Outcome,
}

/// A document as the corpus-wide files see it.
pub(crate) struct DocumentRecord<'a> {
    /// The document.
    pub(crate) doc: &'a Document,
    /// For each section of the document, in order, the outcome of each of its segment
    /// pairs (none for a one-sided section).
    pub(crate) outcomes: Vec<Vec<PairOutcome>>,
}

impl DocumentRecord<'_> {
    /// The sections with the outcomes of their segment pairs.
    pub(crate) fn sections(&self) -> impl Iterator<Item = (&Section, &[PairOutcome])> {
        self.doc
            .sections
            .iter()
            .zip(self.outcomes.iter().map(Vec::as_slice))
    }
}
