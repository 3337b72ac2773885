//! The shared vocabulary of bitextract.
//!
//! This crate holds the plain data types that flow between the pipeline stages:
//! [`Lang`], [`Extracted`] text from an input file, the finished [`Document`] with its
//! [`Section`]s, [`SegmentPair`]s and [`Metadata`], and the [`Diagnostic`]s that explain
//! what went wrong or what was changed.
//!
//! It does no work of its own: no I/O, no parsing, no heuristics. Every other crate
//! depends on it, and it depends on nothing but `serde`, so that the types serialize
//! exactly as the dataset contract spells them.

mod diagnostic;
mod document;
mod extracted;
mod manifest;
mod metadata;

pub use diagnostic::{Diagnostic, codes};
pub use document::{
    Document, Kind, Section, SectionSide, SegmentPair, Source, SourceFormat, Status,
};
pub use extracted::Extracted;
pub use manifest::{Counts, InputRecord, Manifest, SkippedFile, Timings};
pub use metadata::{Metadata, Salary};

use serde::{Deserialize, Serialize};

/// One of the two languages bitextract pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Both languages, English first: the order used everywhere in the output.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The ISO 639-1 code, as written in the dataset.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
