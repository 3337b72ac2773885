//! A whole corpus into a dataset: discovery, the shard's files processed on a pool of
//! worker threads, the join, the corpus-wide files.

use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use export::{Dataset, ExportOptions};
use model::{Document, Manifest, SkippedFile, Timings};
use pipeline::join::{self, Scope};
use rayon::prelude::*;

use crate::corpus::{self, InputFile};
use crate::ledger::{self, Entry, Ledger};
use crate::{BatchError, Progress, Shard, TOOL, VERSION};

/// Stack of each worker thread. The PDF parsers recurse; ingest bounds input nesting before
/// parsing, and this leaves a wide margin over what the bounded depth needs, since a stack
/// overflow aborts the whole run. It is address space, committed only as it is used.
const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// How a corpus is run.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// The corpus-wide files to write.
    pub export: ExportOptions,
    /// Process only this part of the corpus.
    pub shard: Option<Shard>,
    /// Replace the output even when the run read no file and the output holds documents.
    pub allow_empty: bool,
    /// Bounds on the work per document.
    pub limits: pipeline::Limits,
}

/// Runs the corpus under `corpus` into a dataset in `output`, and returns the manifest as
/// written. `progress` hears of every document as it is written.
///
/// Fails only when the run cannot happen: no corpus, an output that cannot be written or is
/// written by another run, or a run that read nothing and would replace a dataset holding
/// documents (unless [`ExtractOptions::allow_empty`]).
pub fn extract(
    corpus: &Path,
    output: &Path,
    options: &ExtractOptions,
    progress: &dyn Progress,
) -> Result<Manifest, BatchError> {
    let found = corpus::discover(corpus)?;
    extract_found(corpus, found, output, options, progress)
}

/// Runs inputs the caller found (a list of files given rather than a corpus walked) into a
/// dataset, as [`extract`] runs a corpus's: `corpus` names where they came from in errors,
/// `found` holds the inputs and the skipped entries, in path order.
pub fn extract_found(
    corpus: &Path,
    found: (Vec<InputFile>, Vec<SkippedFile>),
    output: &Path,
    options: &ExtractOptions,
    progress: &dyn Progress,
) -> Result<Manifest, BatchError> {
    let started = Instant::now();
    let (inputs, mut skipped) = found;
    let paths: Vec<&[u8]> = inputs.iter().map(|f| f.relative_bytes.as_slice()).collect();
    // Ids come from the whole corpus, so a document has the same id in any shard.
    let ids = pipeline::assign_ids(&paths);
    // A file goes to the shard of the pair its name says it belongs to, so that both files
    // of a pair are joined in one shard.
    let shard = options.shard;
    let (inputs, ids): (Vec<InputFile>, Vec<String>) = inputs
        .into_iter()
        .zip(ids)
        .filter(|(input, _)| shard.is_none_or(|s| s.holds(&join::shard_key(&input.relative))))
        .unzip();
    skipped.retain(|file| shard.is_none_or(|s| s.holds(&file.path)));
    let dataset =
        Dataset::create(output, options.export.clone()).map_err(|source| BatchError::Output {
            path: output.to_owned(),
            source,
        })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .stack_size(WORKER_STACK_BYTES)
        .build()
        .map_err(BatchError::Threads)?;

    progress.start(inputs.len());
    let entries: Vec<Entry> = pool.install(|| {
        inputs
            .par_iter()
            .zip(ids.par_iter())
            .map(|(input, id)| {
                let doc = process_file(input, id, &options.limits);
                ledger::write(&dataset, &doc)?;
                progress.advance();
                Ok(Entry::of(&doc))
            })
            .collect::<Result<_, BatchError>>()
    })?;
    progress.finish();
    let mut ledger = Ledger::default();
    entries.into_iter().for_each(|entry| ledger.add(entry));
    if !options.allow_empty && ledger.read_nothing() {
        let previous = dataset.previous_documents();
        if previous > 0 {
            return Err(BatchError::ReadNothing {
                corpus: corpus.to_owned(),
                inputs: ledger.inputs(),
                output: output.to_owned(),
                previous,
            });
        }
    }
    let scope = if shard.is_some() {
        Scope::Shard
    } else {
        Scope::Corpus
    };
    pool.install(|| ledger.join(&dataset, scope))?;

    let (records, counts) = ledger.finish(skipped.len());
    let manifest = Manifest {
        tool: TOOL.to_owned(),
        version: VERSION.to_owned(),
        shard: shard.map(|s| s.to_string()),
        counts,
        inputs: records,
        skipped,
        export: model::ExportSummary::default(),
        timings: Timings {
            started_unix: unix_seconds(SystemTime::now(), started.elapsed()),
            total_seconds: started.elapsed().as_secs_f64(),
            threads: pool.current_num_threads(),
        },
    };
    dataset.finish(manifest).map_err(BatchError::Finish)
}

/// One input file into its document, never failing: a file that cannot be read, or is
/// larger than the limits allow (checked before it is read), is a failed document.
pub fn process_file(input: &InputFile, id: &str, limits: &pipeline::Limits) -> Document {
    let size = match std::fs::metadata(&input.absolute) {
        // Found as a regular file; checked again so that one replaced since by a named pipe
        // is not opened, which could block.
        Ok(metadata) if !metadata.is_file() => {
            let reason = "it is no longer a regular file";
            return pipeline::unreadable(id, &input.relative, input.format, reason);
        }
        Ok(metadata) => metadata.len(),
        Err(err) => {
            return pipeline::unreadable(id, &input.relative, input.format, &err.to_string());
        }
    };
    // Checked before reading, so that an oversized file costs neither memory nor time.
    if let Some(refused) = pipeline::refuse_by_size(id, &input.relative, input.format, size, limits)
    {
        return refused;
    }
    match std::fs::read(&input.absolute) {
        Ok(bytes) => {
            pipeline::process_with_limits(id, &input.relative, input.format, &bytes, limits)
        }
        Err(err) => pipeline::unreadable(id, &input.relative, input.format, &err.to_string()),
    }
}

/// When a run that has lasted `elapsed` started, in seconds since the Unix epoch.
fn unix_seconds(now: SystemTime, elapsed: Duration) -> u64 {
    now.checked_sub(elapsed)
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs())
}
