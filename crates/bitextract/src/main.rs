//! The `bitextract` command line: turns a corpus of bilingual English/French documents into
//! an aligned EN/FR dataset.
//!
//! `bitextract extract [CORPUS] -o OUT` reads every PDF and text file under CORPUS (default
//! `corpus/`), processes the documents in parallel and writes the dataset to OUT (default
//! `dataset/`). The work itself is done by the `pipeline` crate, the writing by `export`;
//! this crate only finds the files, runs them on a thread pool and reports.

mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use export::Dataset;
use model::{Counts, Document, InputRecord, Manifest, Status, Timings};
use rayon::prelude::*;

#[derive(Parser)]
#[command(name = "bitextract", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every PDF and text file under a corpus directory into a dataset.
    Extract(ExtractArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Corpus directory, read recursively.
    #[arg(default_value = "corpus")]
    corpus: PathBuf,
    /// Output directory.
    #[arg(short, long, default_value = "dataset")]
    output: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(short, long)]
    jobs: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bitextract: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn extract(args: &ExtractArgs) -> Result<()> {
    let started = Instant::now();
    let (inputs, skipped) = corpus::discover(&args.corpus)?;
    let paths: Vec<&str> = inputs.iter().map(|f| f.relative.as_str()).collect();
    let ids = pipeline::assign_ids(&paths);
    let dataset = Dataset::create(&args.output).with_context(|| {
        format!(
            "cannot prepare the output directory {}",
            args.output.display()
        )
    })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;

    let outcomes: Vec<(InputRecord, usize, usize)> = pool.install(|| {
        inputs
            .par_iter()
            .zip(ids.par_iter())
            .map(|(input, id)| {
                let doc = match std::fs::read(&input.absolute) {
                    Ok(bytes) => pipeline::process(id, &input.relative, input.format, &bytes),
                    Err(err) => {
                        pipeline::unreadable(id, &input.relative, input.format, &err.to_string())
                    }
                };
                dataset
                    .write_document(&doc)
                    .context("cannot write a document")?;
                Ok(summarize(&doc, &input.relative))
            })
            .collect::<Result<_>>()
    })?;

    let mut counts = Counts {
        inputs: inputs.len(),
        skipped: skipped.len(),
        documents: outcomes.len(),
        ..Counts::default()
    };
    let mut records = Vec::with_capacity(outcomes.len());
    for (record, section_pairs, segment_pairs) in outcomes {
        match record.status {
            Status::Ok => counts.ok += 1,
            Status::Partial => counts.partial += 1,
            Status::Failed => counts.failed += 1,
        }
        counts.bilingual += usize::from(record.kind == Some(model::Kind::Bilingual));
        counts.section_pairs += section_pairs;
        counts.segment_pairs += segment_pairs;
        records.push(record);
    }
    let manifest = Manifest {
        tool: "bitextract".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        inputs: records,
        skipped,
        counts,
        timings: Timings {
            started_unix: SystemTime::now()
                .checked_sub(started.elapsed())
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs()),
            total_seconds: started.elapsed().as_secs_f64(),
            threads: pool.current_num_threads(),
        },
    };
    dataset
        .finish(&manifest)
        .context("cannot write the dataset files")?;
    print_summary(&manifest, &dataset);
    Ok(())
}

fn summarize(doc: &Document, path: &str) -> (InputRecord, usize, usize) {
    let pairs = doc.section_pairs().count();
    let segments = doc.section_pairs().map(|s| s.segments.len()).sum();
    let record = InputRecord {
        path: path.to_owned(),
        id: doc.id.clone(),
        format: doc.sources.first().map(|s| s.format).unwrap_or_default(),
        status: doc.status,
        kind: doc.kind,
        errors: doc.errors.clone(),
        warnings: doc.warnings.len(),
    };
    (record, pairs, segments)
}

fn print_summary(manifest: &Manifest, dataset: &Dataset) {
    let c = &manifest.counts;
    println!(
        "{} documents ({} ok, {} partial, {} failed; {} bilingual), {} section pairs, {} segment pairs, {} skipped, in {:.2}s → {}",
        c.documents,
        c.ok,
        c.partial,
        c.failed,
        c.bilingual,
        c.section_pairs,
        c.segment_pairs,
        c.skipped,
        manifest.timings.total_seconds,
        dataset.root().display()
    );
    for input in manifest.inputs.iter().filter(|i| !i.errors.is_empty()) {
        let reasons: Vec<&str> = input.errors.iter().map(|e| e.message.as_str()).collect();
        println!(
            "  {:?} {}: {}",
            input.status,
            input.path,
            reasons.join("; ")
        );
    }
}
