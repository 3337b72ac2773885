//! `bitextract merge`: the outputs of sharded runs (`extract --shard I/N`) into one dataset,
//! the same as one run over the whole corpus but for the manifest's timings.
//!
//! The shards' documents are copied, then the join runs again over the monolingual ones of
//! all shards: the files a shard could not join (their names did not route them together,
//! or only content ties them) are joined here, as one run would.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use export::{Dataset, ExportOptions};
use model::{Document, Manifest, Timings};
use pipeline::join::Scope;

use crate::ledger::{Entry, Ledger};
use crate::{shard, summary};

/// Arguments of `bitextract merge`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract merge dataset part0 part1 part2 part3

The shards must come from the same corpus, be all N parts of one --shard I/N split, and have
the same --formats, --min-confidence and --keep-duplicates, which the merged dataset keeps. The documents are copied and
the corpus-wide files written again from them; OUT is replaced as a whole, as by extract.")]
pub struct Args {
    /// Merged output directory.
    #[arg(value_name = "OUT")]
    output: PathBuf,
    /// Output directories of the sharded runs.
    #[arg(value_name = "SHARD", required = true)]
    shards: Vec<PathBuf>,
    /// No summary; errors only.
    #[arg(short, long)]
    quiet: bool,
    /// Print the summary as JSON on standard output, for scripts.
    #[arg(long, conflicts_with = "quiet")]
    json: bool,
}

/// Runs the merge and prints the summary.
pub fn run(args: &Args) -> Result<()> {
    let manifests = args
        .shards
        .iter()
        .map(|shard| read_manifest(shard))
        .collect::<Result<Vec<_>>>()?;
    let recorded: Vec<(String, Option<String>)> = args
        .shards
        .iter()
        .zip(&manifests)
        .map(|(dir, manifest)| (dir.display().to_string(), manifest.shard.clone()))
        .collect();
    shard::check_complete(&recorded)?;
    let options = common_options(&manifests)?;
    let dataset = Dataset::create(&args.output, options).with_context(|| {
        format!(
            "cannot prepare the output directory {}",
            args.output.display()
        )
    })?;
    let mut ids = HashSet::new();
    let mut ledger = Ledger::default();
    for shard in &args.shards {
        copy_documents(shard, &dataset, &mut ids, &mut ledger)?;
    }
    ledger.join(&dataset, Scope::Corpus)?;
    let mut manifest = merge_manifests(manifests);
    (manifest.inputs, manifest.counts) = ledger.finish(manifest.skipped.len());
    let manifest = dataset
        .finish(manifest)
        .context("cannot write the dataset files")?;
    summary::print(&manifest, &args.output, args.quiet, args.json);
    Ok(())
}

fn read_manifest(shard: &Path) -> Result<Manifest> {
    let path = shard.join(export::files::MANIFEST);
    let bytes = fs::read(&path)
        .with_context(|| format!("{} is not a bitextract output", shard.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("{}: not a manifest", path.display()))
}

/// The export options every shard was written with; shards that differ cannot be merged.
fn common_options(manifests: &[Manifest]) -> Result<ExportOptions> {
    let options_of = |manifest: &Manifest| ExportOptions::of(&manifest.export);
    let mut all = manifests.iter().map(options_of);
    let first = all.next().unwrap_or_else(|| Ok(ExportOptions::default()))?;
    for options in all {
        if options? != first {
            bail!(
                "the shards were written with different --formats, --min-confidence or \
                 --keep-duplicates"
            );
        }
    }
    Ok(first)
}

/// Copies the documents of one shard, one at a time, into the dataset and the ledger; an id
/// seen in an earlier shard means the shards overlap.
fn copy_documents(
    shard: &Path,
    dataset: &Dataset,
    ids: &mut HashSet<String>,
    ledger: &mut Ledger,
) -> Result<()> {
    let dir = shard.join(export::files::DOCUMENTS);
    let entries = fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let doc: Document = serde_json::from_slice(&bytes)
            .with_context(|| format!("{}: not a document", path.display()))?;
        if !ids.insert(doc.id.clone()) {
            bail!(
                "document {} is in more than one shard: were the shards made with the same N?",
                doc.id
            );
        }
        dataset
            .write_document(&doc)
            .context("cannot write a document")?;
        ledger.add(Entry::of(&doc));
    }
    Ok(())
}

/// One manifest for the union, but for its inputs and counts, which come from the merged
/// documents: skipped files in path order; timings: the earliest start, the longest shard
/// (they run side by side), all threads.
fn merge_manifests(manifests: Vec<Manifest>) -> Manifest {
    let mut merged = Manifest {
        tool: "bitextract".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        shard: None,
        inputs: Vec::new(),
        skipped: Vec::new(),
        counts: model::Counts::default(),
        export: model::ExportSummary::default(),
        timings: Timings::default(),
    };
    let mut earliest_start = None;
    for manifest in manifests {
        merged.skipped.extend(manifest.skipped);
        let t = manifest.timings;
        earliest_start =
            Some(earliest_start.map_or(t.started_unix, |s: u64| s.min(t.started_unix)));
        merged.timings.total_seconds = merged.timings.total_seconds.max(t.total_seconds);
        merged.timings.threads += t.threads;
    }
    merged.timings.started_unix = earliest_start.unwrap_or_default();
    merged.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    merged
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use export::Format;
    use model::{InputRecord, SkippedFile, SourceFormat, Status};

    use super::*;

    fn manifest(paths: &[&str], skipped: &[&str], started: u64, seconds: f64) -> Manifest {
        Manifest {
            tool: "bitextract".to_owned(),
            version: "0".to_owned(),
            shard: None,
            inputs: paths
                .iter()
                .map(|path| InputRecord {
                    path: (*path).to_owned(),
                    id: (*path).to_owned(),
                    format: SourceFormat::Text,
                    status: Status::Ok,
                    kind: None,
                    errors: Vec::new(),
                    warnings: 0,
                })
                .collect(),
            skipped: skipped
                .iter()
                .map(|path| SkippedFile {
                    path: (*path).to_owned(),
                    reason: "no".to_owned(),
                })
                .collect(),
            counts: model::Counts {
                inputs: paths.len(),
                skipped: skipped.len(),
                documents: paths.len(),
                ok: paths.len(),
                segment_pairs: 10,
                ..model::Counts::default()
            },
            export: model::ExportSummary::default(),
            timings: Timings {
                started_unix: started,
                total_seconds: seconds,
                threads: 2,
            },
        }
    }

    #[test]
    fn manifests_merge_skipped_files_in_path_order_and_timings() {
        let merged = merge_manifests(vec![
            manifest(&["b.txt", "d.txt"], &["z.doc"], 200, 3.0),
            manifest(&["a.txt", "c.txt"], &["y.doc"], 100, 5.0),
        ]);
        let skipped: Vec<_> = merged.skipped.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(skipped, ["y.doc", "z.doc"]);
        assert!(
            merged.inputs.is_empty(),
            "the inputs come from the documents"
        );
        assert_eq!(merged.timings.started_unix, 100);
        assert_eq!(merged.timings.total_seconds, 5.0);
        assert_eq!(merged.timings.threads, 4);
    }

    #[test]
    fn shards_with_different_options_are_refused() {
        let mut a = manifest(&["a.txt"], &[], 0, 1.0);
        a.export.formats = vec!["jsonl".to_owned(), "tmx".to_owned()];
        let mut b = a.clone();
        assert_eq!(
            common_options(&[a.clone(), b.clone()])
                .expect("same options")
                .formats,
            BTreeSet::from([Format::Jsonl, Format::Tmx])
        );
        b.export.min_confidence = 0.5;
        assert!(common_options(&[a, b]).is_err());
    }
}
