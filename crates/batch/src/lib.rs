//! Batch: a corpus directory into a dataset, and the outputs of sharded runs into one.
//!
//! Entry points: [`extract`] finds every input under a corpus root ([`Corpus::discover`],
//! which gives each input its document id), keeps one [`Shard`] of them if asked, processes
//! them in parallel on a pool of worker threads ([`process_file`]), each document written as
//! soon as it is ready, runs the join over the written documents, and writes the corpus-wide
//! files and the manifest. [`DatasetWriter`] is that second half on its own, for documents
//! made anywhere (on other machines, by an engine such as Dask): whatever order they come
//! in, the dataset is the one [`extract`] writes. [`merge`] copies the documents of a
//! complete set of shards and runs the same join and export, so that sharded runs merged
//! equal one run. [`process_input`] is one input outside any corpus, from bytes or a file.
//!
//! This crate decides nothing about a document's content (that is `pipeline`) nor how files
//! look (that is `export`); it wires them over a corpus, and it is the one place that
//! spawns threads. It prints nothing: callers (the command line, the Python bindings) show
//! progress through [`Progress`] and report the [`model::Manifest`] they get back.
//!
//! ```no_run
//! use std::path::Path;
//!
//! let manifest = batch::extract(
//!     Path::new("corpus"),
//!     Path::new("dataset"),
//!     &batch::ExtractOptions::default(),
//!     &(),
//! )?;
//! println!("{} documents", manifest.counts.documents);
//! # Ok::<(), batch::BatchError>(())
//! ```

mod corpus;
mod extract;
mod ledger;
mod limits;
mod merge;
mod process;
mod shard;
mod writer;

use std::io;
use std::path::PathBuf;

use export::ExportError;

pub use crate::corpus::{Corpus, InputFile, ListedFile};
pub use crate::extract::{ExtractOptions, extract, extract_corpus};
pub use crate::limits::LimitSettings;
pub use crate::merge::merge;
pub use crate::process::{Data, join_pair, on_worker_stack, process_file, process_input};
pub use crate::shard::{BadShard, Shard, ShardSetError};
pub use crate::writer::DatasetWriter;

/// Why a run could not happen. Documents that fail are no errors: they are in the dataset,
/// `failed` with a code.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The corpus root is missing or not a directory.
    #[error("corpus directory {} does not exist or is not a directory", path.display())]
    NoCorpus {
        /// The corpus root.
        path: PathBuf,
    },
    /// The corpus root exists but cannot be listed.
    #[error("cannot list the corpus directory {}", path.display())]
    UnlistedCorpus {
        /// The corpus root.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The output directory cannot be written (or is locked, or is no dataset).
    #[error("cannot prepare the output directory {}", path.display())]
    Output {
        /// The output directory.
        path: PathBuf,
        /// Why.
        source: ExportError,
    },
    /// The pool of worker threads could not be started.
    #[error("cannot start the worker threads")]
    Threads(#[source] rayon::ThreadPoolBuildError),
    /// A document could not be written.
    #[error("cannot write a document")]
    WriteDocument(#[source] ExportError),
    /// A document written earlier in the run could not be read back.
    #[error("cannot read back document {id}")]
    ReadDocument {
        /// The document's id.
        id: String,
        /// Why.
        source: ExportError,
    },
    /// One of two joined documents could not be removed.
    #[error("cannot remove a joined document")]
    RemoveDocument(#[source] ExportError),
    /// The corpus-wide files or the manifest could not be written, or the output not put
    /// in place.
    #[error("cannot write the dataset files")]
    Finish(#[source] ExportError),
    /// A run that read nothing would replace a dataset holding documents.
    #[error(
        "the corpus {} held no readable file ({inputs} inputs found, none could be read); \
         refusing to replace the dataset in {}, which holds {previous} documents \
         (pass --allow-empty to replace it anyway)",
        corpus.display(),
        output.display()
    )]
    ReadNothing {
        /// The corpus root.
        corpus: PathBuf,
        /// Inputs found.
        inputs: usize,
        /// The output directory.
        output: PathBuf,
        /// Documents it holds.
        previous: usize,
    },
    /// A directory given as a shard has no manifest.
    #[error("{} is not a bitextract output", path.display())]
    NotAnOutput {
        /// The directory.
        path: PathBuf,
        /// Why its manifest could not be read.
        source: io::Error,
    },
    /// A file of a shard could not be read, or its directory listed.
    #[error("cannot {action} {}", path.display())]
    Read {
        /// "read" or "list".
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A shard's manifest or document is not valid JSON of its kind.
    #[error("{}: not a {what}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// "manifest" or "document".
        what: &'static str,
        /// Why.
        source: serde_json::Error,
    },
    /// The shards' manifests name a format that does not exist.
    #[error(transparent)]
    UnknownFormat(#[from] export::UnknownFormat),
    /// The shards are not the N parts of one split, each once.
    #[error(transparent)]
    Shards(#[from] ShardSetError),
    /// The shards were written with different export options.
    #[error(
        "the shards were written with different --formats, --min-confidence or --keep-duplicates"
    )]
    DifferentOptions,
    /// Two documents of one id were given.
    #[error("document {id} is given twice")]
    DuplicateDocument {
        /// The document's id.
        id: String,
    },
    /// Two documents hold one input.
    #[error("input {path} is in two documents")]
    DuplicateInput {
        /// The input's path.
        path: String,
    },
    /// The documents given do not hold every input of the corpus, or hold others.
    #[error("{}", unaccounted(missing, unexpected))]
    Unaccounted {
        /// Inputs of the corpus that no document holds.
        missing: Vec<String>,
        /// Inputs of documents that are not in the corpus.
        unexpected: Vec<String>,
    },
    /// The same document is in two shards.
    #[error("document {id} is in more than one shard: were the shards made with the same N?")]
    Overlap {
        /// The document's id.
        id: String,
    },
}

/// The message of [`BatchError::Unaccounted`].
fn unaccounted(missing: &[String], unexpected: &[String]) -> String {
    let mut parts = Vec::new();
    if let Some(first) = missing.first() {
        parts.push(format!(
            "{} inputs of the corpus have no document (the first: {first})",
            missing.len()
        ));
    }
    if let Some(first) = unexpected.first() {
        parts.push(format!(
            "{} documents hold inputs that are not in the corpus (the first: {first})",
            unexpected.len()
        ));
    }
    format!("the documents are not the corpus's: {}", parts.join("; "))
}

/// What a caller is told while a run processes its inputs: a progress bar, a log. Every
/// method has a default that does nothing, and `()` is the observer that wants nothing.
pub trait Progress: Sync {
    /// The run found `inputs` files to process (in its shard, if it has one).
    fn start(&self, inputs: usize) {
        let _ = inputs;
    }
    /// One more document was processed and written (called from the worker threads).
    fn advance(&self) {}
    /// Every input was processed; the join and the corpus-wide files follow.
    fn finish(&self) {}
}

impl Progress for () {}

/// The manifest's `tool`.
const TOOL: &str = "bitextract";
/// The manifest's `version`: the workspace's.
const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod tests {
    use super::*;

    /// Callers print an error with its causes (anyhow's `{:#}`, the bindings' message), so
    /// a message that repeated its cause would print it twice.
    #[test]
    fn messages_leave_their_causes_to_the_chain() {
        let cause = || io::Error::other("the cause");
        let errors = [
            BatchError::UnlistedCorpus {
                path: "corpus".into(),
                source: cause(),
            },
            BatchError::NotAnOutput {
                path: "part0".into(),
                source: cause(),
            },
            BatchError::Shards(ShardSetError::Unreadable {
                name: "part0".to_owned(),
                source: "x".parse::<Shard>().expect_err("not a shard"),
            }),
        ];
        for error in errors {
            let cause = std::error::Error::source(&error)
                .expect("a cause")
                .to_string();
            assert!(!error.to_string().contains(&cause), "{error}");
        }
    }
}
