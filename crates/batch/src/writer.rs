//! A dataset written from documents however they were made: by this process's workers
//! ([`crate::extract`]), copied from shards ([`crate::merge`]), or made on other machines
//! and handed over (the Python bindings' `join_and_write`). Each is written as it comes;
//! the join, the corpus-wide files and the manifest follow, the same whoever made them.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use export::{Dataset, ExportOptions};
use model::{Document, Manifest, Timings};
use pipeline::join::Scope;
use rayon::ThreadPool;

use crate::corpus::Corpus;
use crate::ledger::{self, Entry, Ledger};
use crate::process::WORKER_STACK_BYTES;
use crate::{BatchError, TOOL, VERSION};

/// An output directory being written, with the record of its documents and the worker
/// threads that process and join them.
pub struct DatasetWriter {
    dataset: Dataset,
    ledger: Mutex<Ledger>,
    pool: ThreadPool,
}

impl DatasetWriter {
    /// Prepares the output directory `output` (see `export::Dataset::create`: it must be
    /// missing, empty or an earlier output, and no other run may be writing it) and starts
    /// `jobs` worker threads (`None`: one per core).
    pub fn create(
        output: &Path,
        export: ExportOptions,
        jobs: Option<usize>,
    ) -> Result<Self, BatchError> {
        let dataset = Dataset::create(output, export).map_err(|source| BatchError::Output {
            path: output.to_owned(),
            source,
        })?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .stack_size(WORKER_STACK_BYTES)
            .thread_name(|k| format!("bitextract-worker-{k}"))
            .build()
            .map_err(BatchError::Threads)?;
        Ok(DatasetWriter {
            dataset,
            ledger: Mutex::new(Ledger::default()),
            pool,
        })
    }

    /// Runs `work` on the worker threads: rayon's parallel iterators inside it use them.
    pub fn install<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        self.pool.install(work)
    }

    /// Writes a document and records it. Safe to call from several threads at once; a
    /// document id or an input seen before is an error.
    pub fn add(&self, doc: &Document) -> Result<(), BatchError> {
        ledger::write(&self.dataset, doc)?;
        let entry = Entry::of(doc);
        self.ledger
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .add(entry)
    }

    /// Finishes the dataset of `corpus`: checks that the documents hold every input of the
    /// corpus and nothing else, runs the join over them, writes the corpus-wide files and
    /// the manifest, and puts the output in place. Returns the manifest as written.
    ///
    /// A run that read nothing (every input unreadable, or none) does not replace an
    /// output holding documents unless `allow_empty`.
    pub fn finish(self, corpus: &Corpus, allow_empty: bool) -> Result<Manifest, BatchError> {
        let ledger = self.ledger.lock().unwrap_or_else(PoisonError::into_inner);
        check_accounted(corpus, ledger.input_paths())?;
        if !allow_empty && ledger.read_nothing() {
            let previous = self.dataset.previous_documents();
            if previous > 0 {
                return Err(BatchError::ReadNothing {
                    corpus: corpus.root.clone(),
                    inputs: ledger.inputs(),
                    output: self.dataset.root().to_owned(),
                    previous,
                });
            }
        }
        drop(ledger);
        let scope = if corpus.shard.is_some() {
            Scope::Shard
        } else {
            Scope::Corpus
        };
        self.join_and_write(scope, |threads| {
            let elapsed = corpus.started.elapsed();
            Manifest {
                tool: TOOL.to_owned(),
                version: VERSION.to_owned(),
                shard: corpus.shard.map(|s| s.to_string()),
                counts: model::Counts::default(),
                inputs: Vec::new(),
                skipped: corpus.skipped.clone(),
                export: model::ExportSummary::default(),
                timings: Timings {
                    started_unix: unix_seconds(SystemTime::now(), elapsed),
                    total_seconds: elapsed.as_secs_f64(),
                    threads,
                },
            }
        })
    }

    /// Runs the join over the documents written, then writes the corpus-wide files and the
    /// manifest, made once the join is over (given the number of worker threads), with the
    /// inputs and counts of the documents as joined.
    pub(crate) fn join_and_write(
        self,
        scope: Scope,
        manifest: impl FnOnce(usize) -> Manifest,
    ) -> Result<Manifest, BatchError> {
        let DatasetWriter {
            dataset,
            ledger,
            pool,
        } = self;
        let mut ledger = ledger.into_inner().unwrap_or_else(PoisonError::into_inner);
        pool.install(|| ledger.join(&dataset, scope))?;
        let mut manifest = manifest(pool.current_num_threads());
        (manifest.inputs, manifest.counts) = ledger.finish(manifest.skipped.len());
        // The corpus-wide files read the documents back on the worker threads too.
        pool.install(|| dataset.finish(manifest))
            .map_err(BatchError::Finish)
    }
}

/// Checks that the documents' inputs are the corpus's, so that none was lost or added on
/// the way (the documents may have been made anywhere).
fn check_accounted<'a>(
    corpus: &Corpus,
    written: impl Iterator<Item = &'a str>,
) -> Result<(), BatchError> {
    let expected: BTreeSet<&str> = corpus.inputs.iter().map(|i| i.relative.as_str()).collect();
    let written: BTreeSet<&str> = written.collect();
    let missing: Vec<String> = expected
        .difference(&written)
        .map(|&p| p.to_owned())
        .collect();
    let unexpected: Vec<String> = written
        .difference(&expected)
        .map(|&p| p.to_owned())
        .collect();
    if missing.is_empty() && unexpected.is_empty() {
        Ok(())
    } else {
        Err(BatchError::Unaccounted {
            missing,
            unexpected,
        })
    }
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
    use crate::process_file;

    /// A corpus of two short notices under a temporary directory.
    fn corpus() -> (tempfile::TempDir, Corpus) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("corpus");
        std::fs::create_dir(&root).expect("mkdir");
        for (name, text) in [
            (
                "a.txt",
                "Officer, Defence Policy\n\nThe post holder reports to the Head of Section and drafts policy papers.\n",
            ),
            (
                "b.txt",
                "Administrateur, Politique de défense\n\nLa personne titulaire relève du chef de section et rédige des notes.\n",
            ),
        ] {
            std::fs::write(root.join(name), text).expect("write");
        }
        let corpus = Corpus::discover(&root, None).expect("discover");
        (dir, corpus)
    }

    fn documents(corpus: &Corpus) -> Vec<Document> {
        let limits = pipeline::Limits::default();
        corpus
            .inputs
            .iter()
            .map(|input| process_file(input, &limits))
            .collect()
    }

    #[test]
    fn documents_in_any_order_make_the_dataset_of_one_run() {
        let (dir, corpus) = corpus();
        let docs = documents(&corpus);
        let mut written = Vec::new();
        for order in [[0, 1], [1, 0]] {
            let out = dir.path().join(format!("out-{}", order[0]));
            let writer =
                DatasetWriter::create(&out, ExportOptions::default(), Some(1)).expect("an output");
            for k in order {
                writer.add(&docs[k]).expect("written");
            }
            let mut manifest = writer.finish(&corpus, false).expect("finished");
            manifest.timings = Timings::default();
            let segments = std::fs::read(out.join(export::files::SEGMENTS)).expect("segments");
            written.push((manifest, segments));
        }
        assert_eq!(written[0], written[1]);
        assert_eq!(written[0].0.counts.inputs, 2);
    }

    #[test]
    fn a_document_given_twice_is_refused() {
        let (dir, corpus) = corpus();
        let docs = documents(&corpus);
        let writer = DatasetWriter::create(&dir.path().join("out"), ExportOptions::default(), None)
            .expect("an output");
        writer.add(&docs[0]).expect("written");
        let error = writer.add(&docs[0]).expect_err("refused");
        assert!(
            matches!(error, BatchError::DuplicateDocument { .. }),
            "{error}"
        );
    }

    #[test]
    fn a_lost_or_foreign_document_fails_the_run_and_leaves_no_output() {
        let (dir, corpus) = corpus();
        let mut docs = documents(&corpus);
        let out = dir.path().join("out");
        let writer =
            DatasetWriter::create(&out, ExportOptions::default(), None).expect("an output");
        writer.add(&docs[0]).expect("written");
        let error = writer.finish(&corpus, false).expect_err("refused");
        assert!(
            error
                .to_string()
                .contains("1 inputs of the corpus have no document (the first: b.txt)"),
            "{error}"
        );
        assert!(!out.exists());

        docs[1].id = "elsewhere".to_owned();
        docs[1].sources[0].path = "elsewhere.txt".to_owned();
        let writer =
            DatasetWriter::create(&out, ExportOptions::default(), None).expect("an output");
        for doc in &docs {
            writer.add(doc).expect("written");
        }
        let error = writer.finish(&corpus, false).expect_err("refused");
        assert!(
            error.to_string().contains(
                "1 documents hold inputs that are not in the corpus (the first: elsewhere.txt)"
            ),
            "{error}"
        );
    }
}
