//! `bitextract extract`: a whole corpus into a dataset.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};
use export::{Dataset, ExportOptions, Format};
use indicatif::{ProgressBar, ProgressStyle};
use model::{Document, Manifest, Timings};
use pipeline::join::{self, Scope};
use rayon::prelude::*;

use crate::corpus::{self, InputFile};
use crate::ledger::{Entry, Ledger};
use crate::listed;
use crate::shard::Shard;
use crate::summary;

/// Stack of each worker thread. The PDF parsers recurse; ingest bounds input nesting before
/// parsing, and this leaves a wide margin over what the bounded depth needs, since a stack
/// overflow aborts the whole run. It is address space, committed only as it is used.
const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Arguments of `bitextract extract`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract extract                      corpus/ into dataset/
  bitextract extract notices -o out -j 2  two worker threads
  bitextract extract --formats tmx --min-confidence 0.8
  find notices -name '*.pdf' | bitextract extract - -o out   the files listed on standard input
  bitextract extract --shard 0/4 -o part0   one machine's quarter (see `bitextract merge`)

OUT is replaced as a whole at the end of the run, so it never mixes two runs. It must be
missing, empty or the output of an earlier run (it has a manifest.json). One run at a time
writes OUT: a second one fails at once. A run that reads nothing (an empty corpus, or no
file readable) does not replace a dataset holding documents, unless --allow-empty.")]
pub struct Args {
    /// Corpus directory, read recursively (*.pdf, *.txt, *.html, *.htm, *.md, *.markdown, *.docx);
    /// `-` reads the paths of the files to extract from standard input, one per line.
    #[arg(default_value = "corpus")]
    corpus: PathBuf,
    /// Output directory.
    #[arg(short, long, value_name = "OUT", default_value = "dataset")]
    output: PathBuf,
    /// Worker threads [default: one per core].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Corpus-wide formats to write, comma-separated: jsonl, translation, tmx, moses,
    /// parquet, csv, review, or all (documents/ and manifest.json are always written).
    #[arg(long, value_name = "LIST", default_value = "all", value_parser = parse_formats)]
    formats: BTreeSet<Format>,
    /// Write every occurrence of a pair to the corpus-wide files, rather than each distinct
    /// pair once with its count and documents (documents keep every pair either way).
    #[arg(long)]
    keep_duplicates: bool,
    /// Print the run's summary as JSON on standard output, for scripts.
    #[arg(long, conflicts_with = "quiet")]
    json: bool,
    /// Leave section and segment pairs below this confidence (0 to 1) out of the
    /// corpus-wide files; documents keep them all.
    #[arg(long, value_name = "C", default_value_t = 0.0, value_parser = parse_confidence)]
    min_confidence: f64,
    /// No progress bar and no summary; errors only.
    #[arg(short, long)]
    quiet: bool,
    /// Process only part I of N (0 <= I < N) of the corpus, to split a run across machines;
    /// `bitextract merge` joins the outputs. A file's part comes from a stable hash of its
    /// path, or of the pair its name says it belongs to ("x_en.pdf" with "x_fr.pdf").
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// Replace OUT even when this run read no file (an empty corpus, or none readable) and
    /// OUT holds documents: without it, such a run fails and leaves OUT as it was.
    #[arg(long)]
    allow_empty: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Per-document limits; a document reaching one fails or is partial with `limit-exceeded`.
#[derive(clap::Args)]
struct LimitArgs {
    /// Pages read per PDF at most.
    #[arg(long, value_name = "N", default_value_t = 2_000)]
    max_pages: usize,
    /// Seconds spent reading one PDF at most (checked between pages and inside them).
    #[arg(long, value_name = "S", default_value_t = 60)]
    max_seconds: u64,
    /// Megabytes decompressed per PDF or DOCX at most.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    max_decompressed_mb: usize,
    /// Megabytes per text file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = 64)]
    max_text_mb: usize,
    /// Megabytes per PDF file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = 512)]
    max_pdf_mb: usize,
    /// Megabytes per HTML or Markdown file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = 64)]
    max_markup_mb: usize,
    /// Megabytes per DOCX file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = 128)]
    max_docx_mb: usize,
}

impl LimitArgs {
    fn limits(&self) -> pipeline::Limits {
        const MB: usize = 1024 * 1024;
        pipeline::Limits {
            max_pages: self.max_pages,
            max_decompressed_bytes: self.max_decompressed_mb.saturating_mul(MB),
            max_duration: Duration::from_secs(self.max_seconds),
            max_text_bytes: self.max_text_mb.saturating_mul(MB),
            max_pdf_bytes: self.max_pdf_mb.saturating_mul(MB),
            max_markup_bytes: self.max_markup_mb.saturating_mul(MB),
            max_docx_bytes: self.max_docx_mb.saturating_mul(MB),
            ..pipeline::Limits::default()
        }
    }
}

fn parse_formats(list: &str) -> Result<BTreeSet<Format>, String> {
    Format::parse_list(list).map_err(|err| err.to_string())
}

pub(crate) fn parse_confidence(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("expected a number from 0 to 1, got {text:?}")),
    }
}

/// Runs the extraction and prints the summary.
pub fn run(args: &Args) -> Result<()> {
    let started = Instant::now();
    let (inputs, mut skipped) = if args.corpus.as_os_str() == "-" {
        listed::read(std::io::stdin().lock())?
    } else {
        corpus::discover(&args.corpus)?
    };
    let paths: Vec<&[u8]> = inputs.iter().map(|f| f.relative_bytes.as_slice()).collect();
    // Ids come from the whole corpus, so a document has the same id in any shard.
    let ids = pipeline::assign_ids(&paths);
    // A file goes to the shard of the pair its name says it belongs to, so that both files
    // of a pair are joined in one shard.
    let (inputs, ids): (Vec<InputFile>, Vec<String>) = inputs
        .into_iter()
        .zip(ids)
        .filter(|(input, _)| {
            args.shard
                .is_none_or(|s| s.holds(&join::shard_key(&input.relative)))
        })
        .unzip();
    skipped.retain(|file| args.shard.is_none_or(|s| s.holds(&file.path)));
    let options = ExportOptions {
        formats: args.formats.clone(),
        min_confidence: args.min_confidence,
        keep_duplicates: args.keep_duplicates,
    };
    let dataset = Dataset::create(&args.output, options).with_context(|| {
        format!(
            "cannot prepare the output directory {}",
            args.output.display()
        )
    })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .stack_size(WORKER_STACK_BYTES)
        .build()
        .context("cannot start the worker threads")?;

    let limits = args.limits.limits();
    let progress = progress_bar(inputs.len() as u64, args.quiet);
    let entries: Vec<Entry> = pool.install(|| {
        inputs
            .par_iter()
            .zip(ids.par_iter())
            .map(|(input, id)| {
                let doc = process(input, id, &limits);
                dataset
                    .write_document(&doc)
                    .context("cannot write a document")?;
                progress.inc(1);
                Ok(Entry::of(&doc))
            })
            .collect::<Result<_>>()
    })?;
    progress.finish_and_clear();
    let mut ledger = Ledger::default();
    entries.into_iter().for_each(|entry| ledger.add(entry));
    if !args.allow_empty && ledger.read_nothing() {
        let previous = dataset.previous_documents();
        if previous > 0 {
            bail!(
                "the corpus {} held no readable file ({} inputs found, none could be read); \
                 refusing to replace the dataset in {}, which holds {previous} documents \
                 (pass --allow-empty to replace it anyway)",
                args.corpus.display(),
                ledger.inputs(),
                args.output.display()
            );
        }
    }
    let scope = if args.shard.is_some() {
        Scope::Shard
    } else {
        Scope::Corpus
    };
    pool.install(|| ledger.join(&dataset, scope))?;

    let (records, counts) = ledger.finish(skipped.len());
    let manifest = Manifest {
        tool: "bitextract".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        shard: args.shard.map(|s| s.to_string()),
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
    let manifest = dataset
        .finish(manifest)
        .context("cannot write the dataset files")?;
    summary::print(&manifest, &args.output, args.quiet, args.json);
    Ok(())
}

fn process(input: &InputFile, id: &str, limits: &pipeline::Limits) -> Document {
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

/// True when no input could be read at all: none were found, or every one failed to open.
/// A bar on a terminal; nothing when standard error is not one, or with `--quiet`.
fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} documents, {eta} left",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    let bar = ProgressBar::new(len).with_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// When a run that has lasted `elapsed` started, in seconds since the Unix epoch.
fn unix_seconds(now: SystemTime, elapsed: Duration) -> u64 {
    now.checked_sub(elapsed)
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_must_be_a_number_in_the_unit_interval() {
        assert_eq!(parse_confidence("0.75"), Ok(0.75));
        assert_eq!(parse_confidence("1"), Ok(1.0));
        assert!(parse_confidence("1.5").is_err());
        assert!(parse_confidence("-0.1").is_err());
        assert!(parse_confidence("NaN").is_err());
        assert!(parse_confidence("high").is_err());
    }
}
