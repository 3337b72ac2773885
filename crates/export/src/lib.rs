//! Export: documents and the dataset files on disk.
//!
//! Entry point: [`Dataset`]. [`Dataset::create`] prepares an output directory,
//! [`Dataset::write_document`] writes one `documents/<id>.json` as soon as the document is
//! ready (so a batch streams), and [`Dataset::finish`] writes the corpus-wide files
//! (`sections.jsonl`, `segments.jsonl`, `manifest.json`) by reading the documents back in id
//! order, so they are deterministic whatever order the documents were produced in.
//!
//! Every file is written to a temporary name and renamed into place: an interrupted run
//! never leaves a half-written file. This crate is the only one that knows JSON; it does
//! not decide what goes into a document.

mod jsonl;

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use model::{Document, Manifest};

/// Why the dataset could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file or directory could not be created, written or renamed.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A document on disk could not be read back as JSON.
    #[error("{path}: not a valid document: {source}")]
    Json {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: serde_json::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_owned(),
        source,
    }
}

/// An output directory being written.
#[derive(Debug, Clone)]
pub struct Dataset {
    root: PathBuf,
}

/// File names inside the output directory.
pub mod files {
    /// Directory of per-document JSON files.
    pub const DOCUMENTS: &str = "documents";
    /// Section pairs, one JSON object per line.
    pub const SECTIONS: &str = "sections.jsonl";
    /// Segment pairs, one JSON object per line.
    pub const SEGMENTS: &str = "segments.jsonl";
    /// The run's manifest.
    pub const MANIFEST: &str = "manifest.json";
}

impl Dataset {
    /// Prepares `root` for a new run: creates it if needed and clears the documents of any
    /// earlier run, so that the directory ends up holding this run's output only.
    pub fn create(root: &Path) -> Result<Self, ExportError> {
        let documents = root.join(files::DOCUMENTS);
        if documents.exists() {
            fs::remove_dir_all(&documents).map_err(io_err(&documents))?;
        }
        fs::create_dir_all(&documents).map_err(io_err(&documents))?;
        Ok(Dataset {
            root: root.to_owned(),
        })
    }

    /// The output directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Path of a document's JSON file.
    pub fn document_path(&self, id: &str) -> PathBuf {
        self.root.join(files::DOCUMENTS).join(format!("{id}.json"))
    }

    /// Writes one document, atomically.
    pub fn write_document(&self, doc: &Document) -> Result<(), ExportError> {
        let path = self.document_path(&doc.id);
        write_atomically(&path, |w| {
            serde_json::to_writer_pretty(&mut *w, doc).map_err(io::Error::other)?;
            w.write_all(b"\n")
        })
    }

    /// Writes the corpus-wide files from the documents on disk, and the manifest last.
    pub fn finish(&self, manifest: &Manifest) -> Result<(), ExportError> {
        let documents = self.read_documents()?;
        jsonl::write_sections(&self.root.join(files::SECTIONS), &documents)?;
        jsonl::write_segments(&self.root.join(files::SEGMENTS), &documents)?;
        let path = self.root.join(files::MANIFEST);
        write_atomically(&path, |w| {
            serde_json::to_writer_pretty(&mut *w, manifest).map_err(io::Error::other)?;
            w.write_all(b"\n")
        })
    }

    /// The documents of this run, in id order.
    fn read_documents(&self) -> Result<Vec<Document>, ExportError> {
        let dir = self.root.join(files::DOCUMENTS);
        let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(io_err(&dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let bytes = fs::read(&path).map_err(io_err(&path))?;
                serde_json::from_slice(&bytes).map_err(|source| ExportError::Json { path, source })
            })
            .collect()
    }
}

/// Writes a file through a temporary sibling and renames it into place.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<fs::File>) -> io::Result<()>,
) -> Result<(), ExportError> {
    let mut tmp_name = path.file_name().unwrap_or_default().to_owned();
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let mut w = BufWriter::new(fs::File::create(&tmp)?);
        write(&mut w)?;
        w.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        // Best effort: the temporary file is garbage either way.
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_err(path))
}
