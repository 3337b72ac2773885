//! `bitextract extract`: a whole corpus into a dataset.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::Result;
use batch::{ExtractOptions, LimitSettings, Shard};
use export::{ExportOptions, Format};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{listed, summary};

/// Arguments of `bitextract extract`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract extract                      corpus/ into dataset/
  bitextract extract notices -o out -j 2  two worker threads
  bitextract extract --formats tmx --min-confidence 0.8
  bitextract extract --shard 0/4 -o part0   one machine's quarter (see `bitextract merge`)
  find notices -name '*.pdf' | bitextract extract - -o out   the files listed on standard input

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
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LIMITS.max_pages)]
    max_pages: usize,
    /// Seconds spent reading one PDF at most (checked between pages and inside them).
    #[arg(long, value_name = "S", default_value_t = DEFAULT_LIMITS.max_seconds)]
    max_seconds: u64,
    /// Megabytes decompressed per PDF or DOCX at most.
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_LIMITS.max_decompressed_mb)]
    max_decompressed_mb: usize,
    /// Megabytes per text file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_LIMITS.max_text_mb)]
    max_text_mb: usize,
    /// Megabytes per PDF file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_LIMITS.max_pdf_mb)]
    max_pdf_mb: usize,
    /// Megabytes per HTML or Markdown file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_LIMITS.max_markup_mb)]
    max_markup_mb: usize,
    /// Megabytes per DOCX file at most (checked before the file is read).
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_LIMITS.max_docx_mb)]
    max_docx_mb: usize,
}

/// The defaults of [`LimitArgs`].
const DEFAULT_LIMITS: LimitSettings = LimitSettings::DEFAULT;

impl LimitArgs {
    fn limits(&self) -> pipeline::Limits {
        LimitSettings {
            max_pages: self.max_pages,
            max_seconds: self.max_seconds,
            max_decompressed_mb: self.max_decompressed_mb,
            max_text_mb: self.max_text_mb,
            max_pdf_mb: self.max_pdf_mb,
            max_markup_mb: self.max_markup_mb,
            max_docx_mb: self.max_docx_mb,
        }
        .limits()
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
    let options = ExtractOptions {
        jobs: args.jobs,
        export: ExportOptions {
            formats: args.formats.clone(),
            min_confidence: args.min_confidence,
            keep_duplicates: args.keep_duplicates,
        },
        shard: args.shard,
        allow_empty: args.allow_empty,
        limits: args.limits.limits(),
    };
    let progress = ProgressDisplay {
        quiet: args.quiet,
        bar: OnceLock::new(),
    };
    let manifest = if args.corpus.as_os_str() == "-" {
        let listed = listed::read(std::io::stdin().lock())?;
        let corpus = batch::Corpus::listed(&args.corpus, listed, options.shard);
        batch::extract_corpus(&corpus, &args.output, &options, &progress)?
    } else {
        batch::extract(&args.corpus, &args.output, &options, &progress)?
    };
    summary::print(&manifest, &args.output, args.quiet, args.json);
    Ok(())
}

/// A bar on a terminal while the documents are processed; nothing when standard error is
/// not one, or with `--quiet`.
struct ProgressDisplay {
    quiet: bool,
    /// Made when the run knows how many inputs it has.
    bar: OnceLock<ProgressBar>,
}

impl batch::Progress for ProgressDisplay {
    fn start(&self, inputs: usize) {
        self.bar
            .get_or_init(|| progress_bar(inputs as u64, self.quiet));
    }

    fn advance(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
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
