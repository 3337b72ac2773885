//! `bitextract extract`: a whole corpus into a dataset.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use export::{Dataset, ExportOptions, Format};
use indicatif::{ProgressBar, ProgressStyle};
use model::{Counts, Document, InputRecord, Kind, Manifest, Status, Timings};
use rayon::prelude::*;

use crate::corpus::{self, InputFile};
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
  bitextract extract --shard 0/4 -o part0   one machine's quarter (see `bitextract merge`)

OUT is replaced as a whole at the end of the run, so it never mixes two runs. It must be
missing, empty or the output of an earlier run (it has a manifest.json).")]
pub struct Args {
    /// Corpus directory, read recursively (*.pdf, *.txt, *.html, *.htm, *.md, *.markdown, *.docx).
    #[arg(default_value = "corpus")]
    corpus: PathBuf,
    /// Output directory.
    #[arg(short, long, value_name = "OUT", default_value = "dataset")]
    output: PathBuf,
    /// Worker threads [default: one per core].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Corpus-wide formats to write, comma-separated: jsonl, tmx, moses
    /// (documents/ and manifest.json are always written).
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "jsonl,tmx,moses"
    )]
    formats: Vec<Format>,
    /// Leave section and segment pairs below this confidence (0 to 1) out of the
    /// corpus-wide files; documents keep them all.
    #[arg(long, value_name = "C", default_value_t = 0.0, value_parser = parse_confidence)]
    min_confidence: f64,
    /// No progress bar and no summary; errors only.
    #[arg(short, long)]
    quiet: bool,
    /// Process only part I of N (0 <= I < N) of the corpus, chosen by a stable hash of each
    /// file's path, to split a run across machines; `bitextract merge` joins the outputs.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Per-document limits; a document reaching one fails or is partial with `limit-exceeded`.
#[derive(clap::Args)]
struct LimitArgs {
    /// Pages read per PDF at most.
    #[arg(long, value_name = "N", default_value_t = 2_000)]
    max_pages: usize,
    /// Seconds spent reading one PDF at most (checked between pages).
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
        }
    }
}

fn parse_confidence(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("expected a number from 0 to 1, got {text:?}")),
    }
}

/// Runs the extraction and prints the summary.
pub fn run(args: &Args) -> Result<()> {
    let started = Instant::now();
    let (inputs, mut skipped) = corpus::discover(&args.corpus)?;
    let paths: Vec<&str> = inputs.iter().map(|f| f.relative.as_str()).collect();
    // Ids come from the whole corpus, so a document has the same id in any shard.
    let ids = pipeline::assign_ids(&paths);
    let (inputs, ids): (Vec<InputFile>, Vec<String>) = inputs
        .into_iter()
        .zip(ids)
        .filter(|(input, _)| args.shard.is_none_or(|s| s.holds(&input.relative)))
        .unzip();
    skipped.retain(|file| args.shard.is_none_or(|s| s.holds(&file.path)));
    let options = ExportOptions {
        formats: args.formats.iter().copied().collect(),
        min_confidence: args.min_confidence,
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
    let mut outcomes: Vec<Outcome> = pool.install(|| {
        inputs
            .par_iter()
            .zip(ids.par_iter())
            .map(|(input, id)| {
                let doc = process(input, id, &limits);
                dataset
                    .write_document(&doc)
                    .context("cannot write a document")?;
                progress.inc(1);
                Ok(Outcome::of(&doc, &input.relative))
            })
            .collect::<Result<_>>()
    })?;
    progress.finish_and_clear();
    pool.install(|| join_language_files(&inputs, &mut outcomes, &dataset, &limits))?;

    let manifest = Manifest {
        tool: "bitextract".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        counts: count(&outcomes, inputs.len(), skipped.len()),
        inputs: outcomes.into_iter().map(|o| o.record).collect(),
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
    if !args.quiet {
        print!("{}", summary::render(&manifest, &args.output));
    }
    Ok(())
}

/// Merges the English and French files of one notice, published separately, into one
/// bilingual document (under the English file's id) in place of their two documents.
fn join_language_files(
    inputs: &[InputFile],
    outcomes: &mut [Outcome],
    dataset: &Dataset,
    limits: &pipeline::Limits,
) -> Result<()> {
    let (positions, signatures): (Vec<usize>, Vec<pipeline::Signature>) = outcomes
        .iter_mut()
        .enumerate()
        .filter_map(|(k, o)| o.signature.take().map(|s| (k, s)))
        .unzip();
    let pairs: Vec<(usize, usize)> = pipeline::pair_files(&signatures)
        .into_iter()
        .map(|(a, b)| (positions[a], positions[b]))
        .collect();
    let joined: Vec<Option<Document>> = pairs
        .par_iter()
        .map(|&(en, fr)| {
            let (en_bytes, fr_bytes) = match (
                std::fs::read(&inputs[en].absolute),
                std::fs::read(&inputs[fr].absolute),
            ) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return Ok(None),
            };
            let id = &outcomes[en].record.id;
            let doc = pipeline::process_pair_with_limits(
                id,
                &input_of(&inputs[en], &en_bytes),
                &input_of(&inputs[fr], &fr_bytes),
                limits,
            );
            if let Some(doc) = &doc {
                dataset
                    .write_document(doc)
                    .context("cannot write a document")?;
                dataset
                    .remove_document(&outcomes[fr].record.id)
                    .context("cannot remove a merged document")?;
            }
            Ok(doc)
        })
        .collect::<Result<_>>()?;
    for (&(en, fr), doc) in pairs.iter().zip(joined) {
        let Some(doc) = doc else { continue };
        outcomes[en] = Outcome::of(&doc, &inputs[en].relative);
        let mut french = Outcome::of(&doc, &inputs[fr].relative);
        // The pairs are counted once, with the English file.
        french.section_pairs = 0;
        french.segment_pairs = 0;
        french.documents = 0;
        outcomes[fr] = french;
    }
    Ok(())
}

fn input_of<'a>(file: &'a InputFile, bytes: &'a [u8]) -> pipeline::Input<'a> {
    pipeline::Input {
        path: &file.relative,
        format: file.format,
        bytes,
    }
}

fn process(input: &InputFile, id: &str, limits: &pipeline::Limits) -> Document {
    let size = match std::fs::metadata(&input.absolute) {
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

/// What the manifest keeps of one processed document.
struct Outcome {
    record: InputRecord,
    /// 1, or 0 for an input merged into another input's document.
    documents: usize,
    section_pairs: usize,
    segment_pairs: usize,
    /// For a monolingual document: what may pair it with a file of the other language.
    signature: Option<pipeline::Signature>,
}

impl Outcome {
    fn of(doc: &Document, path: &str) -> Self {
        Outcome {
            record: InputRecord {
                path: path.to_owned(),
                id: doc.id.clone(),
                format: doc.sources.first().map(|s| s.format).unwrap_or_default(),
                status: doc.status,
                kind: doc.kind,
                errors: doc.errors.clone(),
                warnings: doc.warnings.len(),
            },
            documents: 1,
            section_pairs: doc.section_pairs().count(),
            segment_pairs: doc.section_pairs().map(|s| s.segments.len()).sum(),
            signature: pipeline::Signature::of(doc),
        }
    }
}

fn count(outcomes: &[Outcome], inputs: usize, skipped: usize) -> Counts {
    let mut counts = Counts {
        inputs,
        skipped,
        ..Counts::default()
    };
    for outcome in outcomes.iter().filter(|o| o.documents > 0) {
        counts.documents += 1;
        match outcome.record.status {
            Status::Ok => counts.ok += 1,
            Status::Partial => counts.partial += 1,
            Status::Failed => counts.failed += 1,
        }
        counts.bilingual += usize::from(outcome.record.kind == Some(Kind::Bilingual));
        counts.section_pairs += outcome.section_pairs;
        counts.segment_pairs += outcome.segment_pairs;
    }
    counts
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
