//! Export: documents and the dataset files on disk.
//!
//! Entry point: [`Dataset`]. [`Dataset::create`] checks the output directory and opens a
//! staging directory beside it, [`Dataset::write_document`] writes one
//! `documents/<id>.json` as soon as the document is ready (so a batch streams), and
//! [`Dataset::finish`] writes the corpus-wide files of the selected [`Format`]s, writes
//! `manifest.json`, and swaps the staging directory in place of the output directory.
//! [`write_review`] writes `review.html` into an existing dataset.
//!
//! The corpus-wide files are written in two passes over the documents read back in id order,
//! a batch at a time (parsed, keyed and flagged on the current rayon pool's threads: `facts`):
//! the first counts each pair's exact and near duplicates across the corpus
//! (`duplicates`), the second flags each pair's quality (`flags`) and hands the documents
//! and their distinct pairs to each format through one trait (`sink::Sink`; one module per
//! format under `formats/`). `sections.jsonl` and `segments.jsonl` hold every distinct pair
//! with its count, documents and flags; the files made for use (TMX, Moses, `bitext.jsonl`,
//! `segments.parquet`) hold the distinct pairs without a flag; `notices.csv` and
//! `notices.parquet` one row per document; `review.html` the page to read them. Documents
//! keep every pair.
//!
//! So the output is deterministic whatever order the documents were produced in, holds this
//! run's files only (no stale document of an earlier run), and an interrupted run leaves the
//! previous output untouched (a run killed between the two renames that swap the outputs
//! leaves the previous one parked beside, and the next run puts it back). One run at a time
//! writes an output: [`Dataset::create`] takes a lock on it. Every file is also written under
//! a temporary name and renamed.
//! A directory that is not empty and holds no `manifest.json` is not a dataset: it is never
//! replaced. [`document_schema`] gives the JSON Schema of a document.
//!
//! ```no_run
//! use export::{Dataset, ExportOptions};
//! # fn run(documents: &[model::Document], manifest: model::Manifest) -> Result<(), export::ExportError> {
//! let dataset = Dataset::create("dataset".as_ref(), ExportOptions::default())?;
//! for doc in documents {
//!     dataset.write_document(doc)?;
//! }
//! let manifest = dataset.finish(manifest)?;
//! println!("{} pairs exported", manifest.export.exported_pairs);
//! # Ok(())
//! # }
//! ```
//!
//! This crate decides how the files look and which pairs they hold, not what goes into a
//! document.

mod atomic;
mod corpus;
mod duplicates;
mod facts;
mod flags;
mod formats;
mod lock;
mod pairs;
mod schema;
mod sink;
mod text;

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use model::{Document, Manifest};

use crate::atomic::write_atomically;
use crate::corpus::DocumentFile;
pub use crate::formats::{Format, UnknownFormat};
use crate::lock::OutputLock;
pub use crate::schema::{DOCUMENT_SCHEMA_PATH, document_schema};

/// Why the dataset could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file or directory could not be created, written or renamed (the reason is the
    /// error's source).
    #[error("{path}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A document on disk could not be read back as JSON (the reason is the error's source).
    #[error("{path}: not a valid document")]
    Json {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: serde_json::Error,
    },
    /// The output path exists but is not a bitextract dataset, so it is left alone.
    #[error("{path} is not a bitextract output directory ({reason}); refusing to replace it")]
    NotADataset {
        /// The output path.
        path: PathBuf,
        /// What makes it something else.
        reason: &'static str,
    },
    /// Another run is writing the same output directory.
    #[error(
        "another bitextract run is writing {path} (it holds the lock {lock}); \
         wait for it to finish or choose another output directory"
    )]
    Locked {
        /// The output path.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// A document id that cannot be a file name.
    #[error("document id {id:?} cannot be used as a file name")]
    BadId {
        /// The id.
        id: String,
    },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_owned(),
        source,
    }
}

/// File names inside the output directory.
pub mod files {
    /// Directory of per-document JSON files.
    pub const DOCUMENTS: &str = "documents";
    /// Section pairs, one JSON object per line.
    pub const SECTIONS: &str = "sections.jsonl";
    /// Segment pairs, one JSON object per line.
    pub const SEGMENTS: &str = "segments.jsonl";
    /// Segment pairs as a TMX 1.4b translation memory.
    pub const TMX: &str = "bitext.tmx";
    /// English side of the segment pairs, one per line.
    pub const MOSES_EN: &str = "bitext.en";
    /// French side of the segment pairs, one per line.
    pub const MOSES_FR: &str = "bitext.fr";
    /// The segment pairs in the translation layout, one JSON object per line.
    pub const TRANSLATION: &str = "bitext.jsonl";
    /// The segment pairs as a Parquet table.
    pub const SEGMENTS_PARQUET: &str = "segments.parquet";
    /// One row per document with its notice's fields, as a Parquet table.
    pub const NOTICES_PARQUET: &str = "notices.parquet";
    /// One row per document with its notice's fields, as CSV.
    pub const NOTICES_CSV: &str = "notices.csv";
    /// The page to review the dataset in a browser.
    pub const REVIEW: &str = "review.html";
    /// The run's manifest.
    pub const MANIFEST: &str = "manifest.json";
}

/// What the corpus-wide files hold.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    /// The formats to write.
    pub formats: BTreeSet<Format>,
    /// Section and segment pairs with a lower confidence are left out of the corpus-wide
    /// files (the documents keep them all).
    pub min_confidence: f64,
    /// Write every occurrence of a pair rather than once per group of duplicates.
    pub keep_duplicates: bool,
}

impl Default for ExportOptions {
    /// Every format, every pair, duplicates folded.
    fn default() -> Self {
        ExportOptions {
            formats: Format::ALL.into(),
            min_confidence: 0.0,
            keep_duplicates: false,
        }
    }
}

impl ExportOptions {
    /// The options a dataset's corpus-wide files were written with, as its manifest records
    /// them; a format name the manifest holds but this version does not know is an error.
    pub fn of(summary: &model::ExportSummary) -> Result<Self, UnknownFormat> {
        Ok(ExportOptions {
            formats: summary
                .formats
                .iter()
                .map(|name| name.parse())
                .collect::<Result<_, _>>()?,
            min_confidence: summary.min_confidence,
            keep_duplicates: summary.keep_duplicates,
        })
    }
}

/// An output directory being written.
///
/// A run holds an exclusive lock on the output for its whole life, so two runs never write
/// one output at once. Dropping it without calling [`Dataset::finish`] removes the staging
/// directory and leaves the output directory as it was.
#[derive(Debug)]
pub struct Dataset {
    root: PathBuf,
    staging: PathBuf,
    options: ExportOptions,
    finished: bool,
    /// Held until the run ends; declared last, so it is released after `Drop` has removed
    /// the staging directory.
    _lock: OutputLock,
}

/// Reads a document's JSON file.
fn read_document_file(path: PathBuf) -> Result<Document, ExportError> {
    let bytes = fs::read(&path).map_err(io_error(&path))?;
    serde_json::from_slice(&bytes).map_err(|source| ExportError::Json { path, source })
}

/// Prefix of the sibling directories a run works in: `.<name>.bitextract-…`.
fn work_dir_prefix(name: &str) -> String {
    format!(".{name}.bitextract-")
}

/// Infix of a parked previous output: `.<name>.bitextract-previous-<pid>`.
const PREVIOUS: &str = "previous-";

/// The lock file of the output `name`, beside it: `.<name>.bitextract.lock`.
fn lock_file_name(name: &str) -> String {
    format!(".{name}.bitextract.lock")
}

impl Dataset {
    /// Prepares a run that will write its output to `root`.
    ///
    /// `root` may be missing, empty, or the output of an earlier run (it holds a
    /// `manifest.json`); anything else is refused with [`ExportError::NotADataset`]. The
    /// documents go to a staging directory beside `root` until [`Dataset::finish`].
    ///
    /// It first takes the output's lock ([`ExportError::Locked`] when another run holds it),
    /// then tidies what a killed run left beside the output: an earlier output parked while
    /// being replaced is put back if nothing took its place, staging directories are removed.
    pub fn create(root: &Path, options: ExportOptions) -> Result<Self, ExportError> {
        let root = std::path::absolute(root).map_err(io_error(root))?;
        let (Some(parent), Some(name)) = (root.parent(), root.file_name()) else {
            return Err(ExportError::NotADataset {
                path: root,
                reason: "it has no name of its own",
            });
        };
        let name = name.to_string_lossy().into_owned();
        fs::create_dir_all(parent).map_err(io_error(parent))?;
        let lock = OutputLock::take(&root, parent.join(lock_file_name(&name)))?;
        recover_abandoned_work_dirs(&root, &name).map_err(io_error(&root))?;
        check_replaceable(&root)?;
        let staging = parent.join(format!(
            "{}staging-{}",
            work_dir_prefix(&name),
            std::process::id()
        ));
        let documents = staging.join(files::DOCUMENTS);
        fs::create_dir_all(&documents).map_err(io_error(&documents))?;
        Ok(Dataset {
            root,
            staging,
            options,
            finished: false,
            _lock: lock,
        })
    }

    /// How many documents the output directory holds now, before this run replaces it.
    pub fn previous_documents(&self) -> usize {
        fs::read_dir(self.root.join(files::DOCUMENTS)).map_or(0, Iterator::count)
    }

    /// The output directory (absolute).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The options the corpus-wide files are written with.
    pub fn options(&self) -> &ExportOptions {
        &self.options
    }

    /// Writes one document, atomically. Safe to call from several threads at once.
    pub fn write_document(&self, doc: &Document) -> Result<(), ExportError> {
        let path = self.staged_document(&doc.id)?;
        write_atomically(&path, |w| {
            serde_json::to_writer_pretty(&mut *w, doc)?;
            w.write_all(b"\n")
        })
    }

    /// Removes a document written earlier in this run (one that was merged into another).
    pub fn remove_document(&self, id: &str) -> Result<(), ExportError> {
        let path = self.staged_document(id)?;
        fs::remove_file(&path).map_err(io_error(&path))
    }

    /// Reads back a document written earlier in this run.
    pub fn read_document(&self, id: &str) -> Result<Document, ExportError> {
        read_document_file(self.staged_document(id)?)
    }

    /// Where a document of this run is staged; ids that are not plain file names are refused.
    fn staged_document(&self, id: &str) -> Result<PathBuf, ExportError> {
        let mut components = Path::new(id).components();
        if id.contains(['/', '\\'])
            || !matches!(
                (components.next(), components.next()),
                (Some(Component::Normal(_)), None)
            )
        {
            return Err(ExportError::BadId { id: id.to_owned() });
        }
        Ok(self
            .staging
            .join(files::DOCUMENTS)
            .join(format!("{id}.json")))
    }

    /// Writes the corpus-wide files and `manifest.json`, then puts the run's output in place
    /// of the output directory. Returns the manifest as written, its `export` part filled in.
    pub fn finish(mut self, mut manifest: Manifest) -> Result<Manifest, ExportError> {
        let documents = document_files(&self.staging.join(files::DOCUMENTS))?;
        manifest.export = corpus::write(&documents, &self.staging, &self.options)?;
        write_atomically(&self.staging.join(files::MANIFEST), |w| {
            serde_json::to_writer_pretty(&mut *w, &manifest)?;
            w.write_all(b"\n")
        })?;
        self.swap_into_place()?;
        self.finished = true;
        Ok(manifest)
    }

    /// Replaces the output directory with the staging directory.
    fn swap_into_place(&self) -> Result<(), ExportError> {
        if fs::symlink_metadata(&self.root).is_err() {
            return fs::rename(&self.staging, &self.root).map_err(io_error(&self.root));
        }
        // Checked again: the directory may have changed since the run started.
        check_replaceable(&self.root)?;
        let previous = self.staging.with_file_name(format!(
            "{}{PREVIOUS}{}",
            work_dir_prefix(&self.root.file_name().unwrap_or_default().to_string_lossy()),
            std::process::id()
        ));
        fs::rename(&self.root, &previous).map_err(io_error(&self.root))?;
        if let Err(err) = fs::rename(&self.staging, &self.root) {
            // Put the previous output back rather than leave nothing.
            let _ = fs::rename(&previous, &self.root);
            return Err(io_error(&self.root)(err));
        }
        // The new output is in place; a previous output that cannot be removed now is
        // removed by the next run (see `recover_abandoned_work_dirs`).
        let _ = fs::remove_dir_all(&previous);
        Ok(())
    }
}

impl Drop for Dataset {
    fn drop(&mut self) {
        if !self.finished {
            // The run failed: its half-made output is garbage.
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The documents of a `documents/` directory, in id order.
fn document_files(dir: &Path) -> Result<Vec<DocumentFile>, ExportError> {
    let mut documents: Vec<DocumentFile> = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        let id = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"));
        if let Some(id) = id {
            documents.push((id.to_owned(), path));
        }
    }
    // By id, not by file name: "a" sorts before "a-b", but "a.json" after "a-b.json".
    documents.sort();
    Ok(documents)
}

/// Writes `review.html` into an existing dataset, from its documents and with the options
/// its manifest records (threshold, duplicates), so that it shows what the dataset's files
/// hold. Holds the dataset's lock meanwhile, so no run replaces it under the page. Returns
/// the page's path.
pub fn write_review(root: &Path) -> Result<PathBuf, ExportError> {
    let root = std::path::absolute(root).map_err(io_error(root))?;
    let (Some(parent), Some(name)) = (root.parent(), root.file_name()) else {
        return Err(ExportError::NotADataset {
            path: root,
            reason: "it has no name of its own",
        });
    };
    let manifest_path = root.join(files::MANIFEST);
    if !manifest_path.is_file() {
        return Err(ExportError::NotADataset {
            path: root,
            reason: "it has no manifest.json",
        });
    }
    let lock_path = parent.join(lock_file_name(&name.to_string_lossy()));
    let _lock = OutputLock::take(&root, lock_path)?;
    let bytes = fs::read(&manifest_path).map_err(io_error(&manifest_path))?;
    let manifest: Manifest =
        serde_json::from_slice(&bytes).map_err(|_| ExportError::NotADataset {
            path: root.clone(),
            reason: "its manifest.json cannot be read",
        })?;
    let options = ExportOptions {
        formats: BTreeSet::from([Format::Review]),
        min_confidence: manifest.export.min_confidence,
        keep_duplicates: manifest.export.keep_duplicates,
    };
    let documents = document_files(&root.join(files::DOCUMENTS))?;
    corpus::write(&documents, &root, &options)?;
    Ok(root.join(files::REVIEW))
}

/// Errs unless `root` is missing, an empty directory or a dataset (it has a manifest).
fn check_replaceable(root: &Path) -> Result<(), ExportError> {
    let Ok(meta) = fs::symlink_metadata(root) else {
        return Ok(());
    };
    let not_a_dataset = |reason| ExportError::NotADataset {
        path: root.to_owned(),
        reason,
    };
    if !meta.is_dir() {
        return Err(not_a_dataset("it is not a directory"));
    }
    let mut entries = fs::read_dir(root).map_err(io_error(root))?;
    if entries.next().is_none() || root.join(files::MANIFEST).is_file() {
        Ok(())
    } else {
        Err(not_a_dataset("it is not empty and has no manifest.json"))
    }
}

/// Tidies the directories that killed runs left beside the output `root` (called under the
/// output's lock, so no live run owns them).
///
/// A run killed between the two renames that publish its output leaves the earlier output
/// parked and no output: the parked one is put back (the most recently written, should
/// several be found). Every other work directory is removed: staging directories, and
/// parked outputs that were replaced. Removal is best effort: a leftover that cannot be
/// removed does not stop this run.
fn recover_abandoned_work_dirs(root: &Path, name: &str) -> io::Result<()> {
    let Some(parent) = root.parent() else {
        return Ok(());
    };
    let prefix = work_dir_prefix(name);
    let mut work_dirs = Vec::new();
    for entry in fs::read_dir(parent)?.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            work_dirs.push((rest.starts_with(PREVIOUS), modified, entry.path()));
        }
    }
    // Parked outputs last, the most recent of them at the very end.
    work_dirs.sort();
    let output_missing = fs::symlink_metadata(root).is_err();
    if let (true, Some((true, _, parked))) = (output_missing, work_dirs.last()) {
        fs::rename(parked, root)?;
        work_dirs.pop();
    }
    for (_, _, dir) in work_dirs {
        let _ = fs::remove_dir_all(dir);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
