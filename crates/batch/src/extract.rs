//! A whole corpus into a dataset: discovery, the shard's files processed on a pool of
//! worker threads, the join, the corpus-wide files.

use std::path::Path;

use export::ExportOptions;
use model::Manifest;
use rayon::prelude::*;

use crate::{BatchError, Corpus, DatasetWriter, Progress, Shard, process_file};

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
    let corpus = Corpus::discover(corpus, options.shard)?;
    extract_corpus(&corpus, output, options, progress)
}

/// Runs the inputs of a corpus already found (walked by [`Corpus::discover`], or listed by
/// the caller: [`Corpus::listed`]) into a dataset in `output`, as [`extract`] does.
pub fn extract_corpus(
    corpus: &Corpus,
    output: &Path,
    options: &ExtractOptions,
    progress: &dyn Progress,
) -> Result<Manifest, BatchError> {
    let writer = DatasetWriter::create(output, options.export.clone(), options.jobs)?;
    progress.start(corpus.inputs.len());
    writer.install(|| {
        corpus.inputs.par_iter().try_for_each(|input| {
            writer.add(&process_file(input, &options.limits))?;
            progress.advance();
            Ok::<_, BatchError>(())
        })
    })?;
    progress.finish();
    writer.finish(corpus, options.allow_empty)
}
