//! The outputs of sharded runs into one dataset, the same as one run over the whole corpus
//! but for the manifest's timings.
//!
//! The shards' documents are copied, then the join runs again over the monolingual ones of
//! all shards: the files a shard could not join (their names did not route them together,
//! or only content ties them) are joined here, as one run would.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use export::ExportOptions;
use model::{Document, Manifest, Timings};
use pipeline::join::Scope;

use crate::{BatchError, DatasetWriter, TOOL, VERSION, shard};

/// Merges the outputs of the sharded runs `shards` (all N parts of one `--shard I/N` split,
/// written with the same export options) into `output`, and returns the manifest as
/// written.
pub fn merge(output: &Path, shards: &[PathBuf]) -> Result<Manifest, BatchError> {
    let manifests = shards
        .iter()
        .map(|shard| read_manifest(shard))
        .collect::<Result<Vec<_>, _>>()?;
    let recorded: Vec<(String, Option<String>)> = shards
        .iter()
        .zip(&manifests)
        .map(|(dir, manifest)| (dir.display().to_string(), manifest.shard.clone()))
        .collect();
    shard::check_complete(&recorded)?;
    let options = common_options(&manifests)?;
    let writer = DatasetWriter::create(output, options, None)?;
    let mut ids = HashSet::new();
    for shard in shards {
        copy_documents(shard, &writer, &mut ids)?;
    }
    writer.join_and_write(Scope::Corpus, |_| merge_manifests(manifests))
}

fn read_manifest(shard: &Path) -> Result<Manifest, BatchError> {
    let path = shard.join(export::files::MANIFEST);
    let bytes = fs::read(&path).map_err(|source| BatchError::NotAnOutput {
        path: shard.to_owned(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| BatchError::Json {
        path,
        what: "manifest",
        source,
    })
}

/// The export options every shard was written with; shards that differ cannot be merged.
fn common_options(manifests: &[Manifest]) -> Result<ExportOptions, BatchError> {
    let options_of = |manifest: &Manifest| ExportOptions::of(&manifest.export);
    let mut all = manifests.iter().map(options_of);
    let first = all.next().unwrap_or_else(|| Ok(ExportOptions::default()))?;
    for options in all {
        if options? != first {
            return Err(BatchError::DifferentOptions);
        }
    }
    Ok(first)
}

/// Copies the documents of one shard, one at a time, into the dataset; an id seen in an
/// earlier shard means the shards overlap.
fn copy_documents(
    shard: &Path,
    writer: &DatasetWriter,
    ids: &mut HashSet<String>,
) -> Result<(), BatchError> {
    let dir = shard.join(export::files::DOCUMENTS);
    let unlisted = |source| BatchError::Read {
        action: "list",
        path: dir.clone(),
        source,
    };
    for entry in fs::read_dir(&dir).map_err(unlisted)? {
        let path = entry.map_err(unlisted)?.path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let bytes = fs::read(&path).map_err(|source| BatchError::Read {
            action: "read",
            path: path.clone(),
            source,
        })?;
        let doc: Document = serde_json::from_slice(&bytes).map_err(|source| BatchError::Json {
            path,
            what: "document",
            source,
        })?;
        if !ids.insert(doc.id.clone()) {
            return Err(BatchError::Overlap { id: doc.id });
        }
        writer.add(&doc)?;
    }
    Ok(())
}

/// One manifest for the union, but for its inputs and counts, which come from the merged
/// documents: skipped files in path order; timings: the earliest start, the longest shard
/// (they run side by side), all threads.
fn merge_manifests(manifests: Vec<Manifest>) -> Manifest {
    let mut merged = Manifest {
        tool: TOOL.to_owned(),
        version: VERSION.to_owned(),
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
