//! The `bitextract` command line: turns a corpus of bilingual English/French documents into
//! an aligned EN/FR dataset.
//!
//! Each subcommand lives in its own module under [`commands`]: `extract` runs a whole corpus
//! into a dataset, `inspect` shows what the pipeline makes of one file, `schema` prints the
//! JSON Schema of a document. A run over a corpus is the `batch` crate's (discovery, worker
//! threads, the join, sharding, merging), the work on one file the `pipeline` crate's and the
//! writing `export`'s; this crate parses arguments, shows progress and reports.
//!
//! Exit codes: 0 when the command ran (even if some documents failed), 1 when it could not
//! run (no corpus, unwritable output, another run writing the output), 2 on a usage error.
//!
//! Panics are quiet: a panic inside one document's processing is caught and becomes that
//! document's `internal` error, so the default hook's message (and, with `RUST_BACKTRACE`,
//! a backtrace) on standard error would be noise repeated per bad file. A panic that escapes
//! the command is reported once, as an error.

mod commands;
mod listed;
mod summary;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

use clap::Parser;

const EXAMPLES: &str = "\
Examples:
  bitextract extract corpus -o dataset
  bitextract extract notices/ -o out --jobs 4 --formats tmx,moses --min-confidence 0.7
  bitextract inspect corpus/text/001_ca6471f58fe47377.txt
  bitextract review dataset      (then open dataset/review.html)
  bitextract completions bash > ~/.local/share/bash-completion/completions/bitextract
  bitextract schema > schema/document.schema.json

Exit codes:
  0  the run happened (some documents may have failed: see the summary and manifest.json)
  1  the run could not happen (no corpus, unwritable output, …)
  2  usage error";

/// Turns bilingual English/French documents (PDF, text, HTML, Markdown, DOCX) into aligned EN/FR datasets:
/// per-document JSON, JSONL, TMX, Moses, Parquet and CSV files and a review page.
#[derive(clap::Parser)]
#[command(name = "bitextract", version, about, after_help = EXAMPLES)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    std::panic::set_hook(Box::new(|_| {}));
    match catch_unwind(AssertUnwindSafe(|| cli.command.run())) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(err)) => {
            eprintln!("bitextract: {err:#}");
            ExitCode::FAILURE
        }
        Err(panic) => {
            let message = pipeline::panic_message(&*panic);
            eprintln!("bitextract: internal error: {message}");
            ExitCode::FAILURE
        }
    }
}
