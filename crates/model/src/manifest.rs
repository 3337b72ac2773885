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

/// What the corpus-wide files of a run (`sections.jsonl`, `segments.jsonl`, `bitext.*`) hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportSummary {
    /// The formats written besides `documents/` and `manifest.json`: "jsonl", "tmx", "moses".
    pub formats: Vec<String>,
    /// Pairs with a lower confidence were left out of the corpus-wide files (not of the documents).
    pub min_confidence: f64,
    /// Section pairs at or above the threshold: the lines of `sections.jsonl`.
    pub section_pairs: usize,
    /// Segment pairs at or above the threshold: the lines of `segments.jsonl` and of
    /// `bitext.en`/`bitext.fr`, the units of `bitext.tmx`.
    pub segment_pairs: usize,
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
