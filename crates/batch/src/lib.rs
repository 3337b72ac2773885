//! Batch: a corpus directory into a dataset, and the outputs of sharded runs into one.
//!
//! Entry points: [`extract`] finds every input under a corpus root ([`corpus::discover`]),
//! keeps one [`Shard`] of them if asked, processes them in parallel on a pool of worker
//! threads (each document written by `export` as soon as it is ready), runs the join over
//! the written documents ([`Ledger`]), and writes the corpus-wide files and the manifest.
//! [`merge`] copies the documents of a complete set of shards and runs the same join and
//! export, so that sharded runs merged equal one run.
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

pub mod corpus;
mod extract;
mod ledger;
mod merge;
mod shard;

use std::io;
use std::path::PathBuf;

use export::ExportError;

pub use crate::extract::{ExtractOptions, extract, extract_found, process_file};
pub use crate::merge::merge;
pub use crate::shard::{BadShard, Shard};

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
    #[error("cannot list the corpus directory {}: {source}", path.display())]
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
    Shards(#[from] shard::ShardSetError),
    /// The shards were written with different export options.
    #[error(
        "the shards were written with different --formats, --min-confidence or --keep-duplicates"
    )]
    DifferentOptions,
    /// The same document is in two shards.
    #[error("document {id} is in more than one shard: were the shards made with the same N?")]
    Overlap {
        /// The document's id.
        id: String,
    },
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
