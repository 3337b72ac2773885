//! `bitextract merge`: the outputs of sharded runs (`extract --shard I/N`) into one dataset,
//! the same as one run over the whole corpus but for the manifest's timings.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use export::{Dataset, ExportOptions, Format};
use model::{Counts, Document, Manifest, Timings};

use crate::summary;

/// Arguments of `bitextract merge`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract merge dataset part0 part1 part2 part3

The shards must come from the same corpus, each with a different --shard I/N, and the same
--formats and --min-confidence, which the merged dataset keeps. The documents are copied and
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
}

/// Runs the merge and prints the summary.
pub fn run(args: &Args) -> Result<()> {
    let manifests = args
        .shards
        .iter()
        .map(|shard| read_manifest(shard))
        .collect::<Result<Vec<_>>>()?;
    let options = common_options(&manifests)?;
    let dataset = Dataset::create(&args.output, options).with_context(|| {
        format!(
            "cannot prepare the output directory {}",
            args.output.display()
        )
    })?;
    let mut ids = HashSet::new();
    for shard in &args.shards {
        copy_documents(shard, &dataset, &mut ids)?;
    }
    let manifest = dataset
        .finish(merge_manifests(manifests))
        .context("cannot write the dataset files")?;
    if !args.quiet {
        print!("{}", summary::render(&manifest, &args.output));
    }
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
    let options_of = |manifest: &Manifest| -> Result<ExportOptions> {
        let formats = manifest
            .export
            .formats
            .iter()
            .map(|name| name.parse::<Format>())
            .collect::<Result<BTreeSet<_>, _>>()?;
        Ok(ExportOptions {
            formats,
            min_confidence: manifest.export.min_confidence,
        })
    };
    let mut all = manifests.iter().map(options_of);
    let first = all.next().unwrap_or_else(|| Ok(ExportOptions::default()))?;
    for options in all {
        if options? != first {
            bail!("the shards were written with different --formats or --min-confidence");
        }
    }
    Ok(first)
}

/// Copies the documents of one shard, one at a time; an id seen in an earlier shard means
/// the shards overlap.
fn copy_documents(shard: &Path, dataset: &Dataset, ids: &mut HashSet<String>) -> Result<()> {
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
    }
    Ok(())
}

/// One manifest for the union: inputs and skipped files in path order, counts summed.
/// Timings: the earliest start, the longest shard (they run side by side), all threads.
fn merge_manifests(manifests: Vec<Manifest>) -> Manifest {
    let mut merged = Manifest {
        tool: "bitextract".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        inputs: Vec::new(),
        skipped: Vec::new(),
        counts: Counts::default(),
        export: model::ExportSummary::default(),
        timings: Timings::default(),
    };
    let mut earliest_start = None;
    for manifest in manifests {
        merged.inputs.extend(manifest.inputs);
        merged.skipped.extend(manifest.skipped);
        add_counts(&mut merged.counts, &manifest.counts);
        let t = manifest.timings;
        earliest_start =
            Some(earliest_start.map_or(t.started_unix, |s: u64| s.min(t.started_unix)));
        merged.timings.total_seconds = merged.timings.total_seconds.max(t.total_seconds);
        merged.timings.threads += t.threads;
    }
    merged.timings.started_unix = earliest_start.unwrap_or_default();
    merged.inputs.sort_by(|a, b| a.path.cmp(&b.path));
    merged.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    merged
}

fn add_counts(total: &mut Counts, shard: &Counts) {
    // Destructured so that a new count cannot be forgotten here.
    let Counts {
        inputs,
        skipped,
        documents,
        ok,
        partial,
        failed,
        bilingual,
        section_pairs,
        segment_pairs,
    } = shard;
    total.inputs += inputs;
    total.skipped += skipped;
    total.documents += documents;
    total.ok += ok;
    total.partial += partial;
    total.failed += failed;
    total.bilingual += bilingual;
    total.section_pairs += section_pairs;
    total.segment_pairs += segment_pairs;
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{InputRecord, SkippedFile, SourceFormat, Status};

    fn manifest(paths: &[&str], skipped: &[&str], started: u64, seconds: f64) -> Manifest {
        Manifest {
            tool: "bitextract".to_owned(),
            version: "0".to_owned(),
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
            counts: Counts {
                inputs: paths.len(),
                skipped: skipped.len(),
                documents: paths.len(),
                ok: paths.len(),
                segment_pairs: 10,
                ..Counts::default()
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
    fn manifests_merge_in_path_order_with_summed_counts() {
        let merged = merge_manifests(vec![
            manifest(&["b.txt", "d.txt"], &["z.doc"], 200, 3.0),
            manifest(&["a.txt", "c.txt"], &["y.doc"], 100, 5.0),
        ]);
        let paths: Vec<_> = merged.inputs.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "b.txt", "c.txt", "d.txt"]);
        assert_eq!(merged.skipped[0].path, "y.doc");
        assert_eq!(merged.counts.inputs, 4);
        assert_eq!(merged.counts.skipped, 2);
        assert_eq!(merged.counts.ok, 4);
        assert_eq!(merged.counts.segment_pairs, 20);
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
