use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Kind, SourceFormat, Status};

/// The record of one run: `manifest.json` in the dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always "bitextract".
    pub tool: String,
    /// The tool's version.
    pub version: String,
    /// The part of the corpus a sharded run processed (`"I/N"`, see `extract --shard`);
    /// absent for a run over the whole corpus and for a merged dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// Every input file, in path order.
    pub inputs: Vec<InputRecord>,
    /// Files under the corpus root that are not inputs, with the reason.
    pub skipped: Vec<SkippedFile>,
    /// Totals of the run.
    pub counts: Counts,
    /// What the corpus-wide files hold (formats, confidence threshold, pairs written).
    #[serde(default)]
    pub export: ExportSummary,
    /// Wall-clock figures; the only part of the dataset that changes between identical runs.
    pub timings: Timings,
}

/// One input file and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputRecord {
    /// Path relative to the corpus root.
    pub path: String,
    /// The document the file went into.
    pub id: String,
    /// Input format.
    pub format: SourceFormat,
    /// The document's status.
    pub status: Status,
    /// The document's kind, if known.
    pub kind: Option<Kind>,
    /// The document's errors.
    pub errors: Vec<Diagnostic>,
    /// How many warnings the document carries.
    pub warnings: usize,
}

/// A file that was not processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedFile {
    /// Path relative to the corpus root.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Totals of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Input files processed.
    pub inputs: usize,
    /// Files skipped.
    pub skipped: usize,
    /// Documents written.
    pub documents: usize,
    /// Documents with status ok.
    pub ok: usize,
    /// Documents with status partial.
    pub partial: usize,
    /// Documents with status failed.
    pub failed: usize,
    /// Bilingual documents.
    pub bilingual: usize,
    /// EN/FR section pairs.
    pub section_pairs: usize,
    /// EN/FR segment pairs.
    pub segment_pairs: usize,
}

/// What the corpus-wide files of a run (`sections.jsonl`, `segments.jsonl`, `bitext.*`,
/// Parquet, `notices.csv`, `review.html`) hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportSummary {
    /// The formats written besides `documents/` and `manifest.json`: "jsonl", "tmx", "moses"…
    pub formats: Vec<String>,
    /// Pairs with a lower confidence were left out of the corpus-wide files (not of the documents).
    pub min_confidence: f64,
    /// Whether duplicate pairs were kept (by default a pair is exported once, whatever the
    /// number of documents or places holding it).
    #[serde(default)]
    pub keep_duplicates: bool,
    /// Section pairs at or above the threshold, duplicates folded: the lines of
    /// `sections.jsonl`.
    pub section_pairs: usize,
    /// Segment pairs at or above the threshold, duplicates folded: the lines of
    /// `segments.jsonl`.
    pub segment_pairs: usize,
    /// Segment pairs at or above the threshold folded into another line as its exact or
    /// near duplicates: with `segment_pairs`, every segment pair at or above the threshold.
    #[serde(default)]
    pub duplicate_segment_pairs: usize,
    /// Section pairs folded into another line likewise.
    #[serde(default)]
    pub duplicate_section_pairs: usize,
    /// Lines of `segments.jsonl` set aside by a quality flag: kept there with their flags,
    /// left out of the files made for use (TMX, Moses, the translation layout, Parquet).
    #[serde(default)]
    pub set_aside_pairs: usize,
    /// How many lines of `segments.jsonl` carry each flag (a line may carry several).
    #[serde(default)]
    pub set_aside: BTreeMap<String, usize>,
    /// The segment pairs in the files made for use: the units of `bitext.tmx`, the lines of
    /// `bitext.en`/`bitext.fr` and `bitext.jsonl`, the rows of `segments.parquet`.
    #[serde(default)]
    pub exported_pairs: usize,
}

/// Wall-clock figures of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// When the run started, seconds since the Unix epoch.
    pub started_unix: u64,
    /// Total wall-clock seconds.
    pub total_seconds: f64,
    /// Worker threads used.
    pub threads: usize,
}
