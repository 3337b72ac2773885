//! Python bindings of bitextract: the extension module `bitextract._native`, which the
//! Python package `bitextract` (in `python/` at the repository root, built by maturin)
//! re-exports.
//!
//! No logic of its own: each function converts its arguments, calls `batch`, `pipeline` or
//! `align` with the GIL released (so Python threads calling it run in parallel), and turns
//! the result into plain Python data — a document is the dict `documents/<id>.json` holds,
//! a run's summary the manifest. Bad input gives a failed document, never an exception;
//! a run that cannot happen raises `RunError` with the message the command line prints.
//!
//! Entry points, as Python sees them: `process`, `process_pair`, `align`, `extract`, and
//! for engines that spread the work over machines, `discover` (the corpus step) and
//! `join_and_write` (the writers). Types and documentation for Python are in
//! `python/bitextract/_native.pyi`.

use std::ffi::OsStr;
use std::path::PathBuf;

use align::{Aligner, Layout};
use batch::{Corpus, DatasetWriter, ExtractOptions, LimitSettings, Shard};
use export::{ExportOptions, Format};
use model::Document;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use pythonize::{depythonize, pythonize};

create_exception!(
    bitextract,
    RunError,
    PyException,
    "A run that could not happen: no corpus, an output that cannot be written or is being \
     written by another run, documents that are not the corpus's."
);

/// What one input is made of, as Python gives it: bytes, or a path to a file.
#[derive(FromPyObject)]
enum Data<'py> {
    Bytes(Bound<'py, PyBytes>),
    File(PathBuf),
}

impl Data<'_> {
    /// The bytes or the file, for `batch`; bytes are borrowed from the Python object, which
    /// is immutable.
    fn as_batch(&self) -> batch::Data<'_> {
        match self {
            Data::Bytes(bytes) => batch::Data::Bytes(bytes.as_bytes()),
            Data::File(path) => batch::Data::File(path),
        }
    }

    /// The name of an input given without one: the path as given, or `document` for bytes.
    fn default_name(&self) -> String {
        match self {
            Data::Bytes(_) => "document".to_owned(),
            Data::File(path) => path.to_string_lossy().replace('\\', "/"),
        }
    }
}

/// The per-document limits given as keywords (`max_pages`, `max_seconds`, `…_mb`).
fn limits(keywords: Option<&Bound<'_, PyDict>>) -> PyResult<pipeline::Limits> {
    let settings: LimitSettings = match keywords {
        Some(keywords) => depythonize(keywords)
            .map_err(|err| PyTypeError::new_err(format!("invalid limit keyword: {err}")))?,
        None => LimitSettings::DEFAULT,
    };
    Ok(settings.limits())
}

/// A run's error as a Python exception, with its causes, as the command line prints it.
fn run_error(error: batch::BatchError) -> PyErr {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    RunError::new_err(message)
}

/// The export options of the keywords `formats`, `min_confidence` and `keep_duplicates`.
fn export_options(
    formats: Option<Vec<String>>,
    min_confidence: f64,
    keep_duplicates: bool,
) -> PyResult<ExportOptions> {
    if !(0.0..=1.0).contains(&min_confidence) {
        return Err(PyValueError::new_err(format!(
            "min_confidence must lie in [0, 1], got {min_confidence}"
        )));
    }
    let formats = match formats {
        Some(names) => names
            .iter()
            .map(|name| name.parse::<Format>())
            .collect::<Result<_, _>>()
            .map_err(|err| PyValueError::new_err(err.to_string()))?,
        None => ExportOptions::default().formats,
    };
    Ok(ExportOptions {
        formats,
        min_confidence,
        keep_duplicates,
    })
}

fn shard(text: Option<&str>) -> PyResult<Option<Shard>> {
    text.map(|t| t.parse::<Shard>())
        .transpose()
        .map_err(|err| PyValueError::new_err(err.to_string()))
}

/// Processes one input into its document on a worker's stack, without the GIL.
fn process_detached(
    py: Python<'_>,
    data: &Data<'_>,
    name: &str,
    id: Option<&str>,
    limits: &pipeline::Limits,
) -> PyResult<Document> {
    let data = data.as_batch();
    Ok(py.detach(|| batch::on_worker_stack(|| batch::process_input(data, name, id, limits)))?)
}

/// One input (bytes, or a path) into its document: the dict `documents/<id>.json` holds.
#[pyfunction]
#[pyo3(signature = (data, name = None, *, id = None, **limits))]
fn process<'py>(
    py: Python<'py>,
    data: Data<'py>,
    name: Option<String>,
    id: Option<String>,
    limits: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let limits = self::limits(limits)?;
    let name = name.unwrap_or_else(|| data.default_name());
    let doc = process_detached(py, &data, &name, id.as_deref(), &limits)?;
    Ok(pythonize(py, &doc)?)
}

/// The English and the French version of one document, two inputs, into their bilingual
/// document.
#[pyfunction]
#[pyo3(signature = (en, fr, *, en_name = None, fr_name = None, **limits))]
fn process_pair<'py>(
    py: Python<'py>,
    en: Data<'py>,
    fr: Data<'py>,
    en_name: Option<String>,
    fr_name: Option<String>,
    limits: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let limits = self::limits(limits)?;
    let en_name = en_name.unwrap_or_else(|| en.default_name());
    let fr_name = fr_name.unwrap_or_else(|| fr.default_name());
    let en_doc = process_detached(py, &en, &en_name, None, &limits)?;
    let fr_doc = process_detached(py, &fr, &fr_name, None, &limits)?;
    let doc = py.detach(|| batch::on_worker_stack(|| batch::join_pair(&en_doc, &fr_doc)))?;
    Ok(pythonize(py, &doc)?)
}

/// Aligns two lists of texts, an item a line; each link is a dict with the indices of its
/// items (`en_lines`, `fr_lines`), its texts and its confidence.
#[pyfunction]
#[pyo3(name = "align", signature = (en, fr, *, presplit = false, min_confidence = 0.0))]
fn align_items<'py>(
    py: Python<'py>,
    en: Vec<String>,
    fr: Vec<String>,
    presplit: bool,
    min_confidence: f64,
) -> PyResult<Bound<'py, PyList>> {
    let layout = if presplit {
        Layout::Presplit
    } else {
        Layout::Lines
    };
    let aligner = Aligner {
        min_confidence,
        ..Aligner::default()
    };
    let alignment =
        py.detach(|| batch::on_worker_stack(|| aligner.align_items(&en, &fr, layout)))?;
    let links = PyList::empty(py);
    for link in &alignment.links {
        let (en_lines, fr_lines) = alignment.lines(link);
        let record = PyDict::new(py);
        record.set_item("en_lines", en_lines)?;
        record.set_item("fr_lines", fr_lines)?;
        record.set_item("en", alignment.en_text(link))?;
        record.set_item("fr", alignment.fr_text(link))?;
        record.set_item("confidence", link.confidence)?;
        links.append(record)?;
    }
    Ok(links)
}

/// Runs a corpus directory into a dataset, as `bitextract extract` does; returns the
/// manifest as written.
#[pyfunction]
#[pyo3(signature = (
    corpus, out, *, jobs = None, formats = None, min_confidence = 0.0,
    keep_duplicates = false, shard = None, allow_empty = false, **limits
))]
#[allow(clippy::too_many_arguments)] // the keywords of the Python function
fn extract<'py>(
    py: Python<'py>,
    corpus: PathBuf,
    out: PathBuf,
    jobs: Option<usize>,
    formats: Option<Vec<String>>,
    min_confidence: f64,
    keep_duplicates: bool,
    shard: Option<&str>,
    allow_empty: bool,
    limits: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = ExtractOptions {
        jobs,
        export: export_options(formats, min_confidence, keep_duplicates)?,
        shard: self::shard(shard)?,
        allow_empty,
        limits: self::limits(limits)?,
    };
    let manifest = py
        .detach(|| batch::extract(&corpus, &out, &options, &()))
        .map_err(run_error)?;
    Ok(pythonize(py, &manifest)?)
}

/// The inputs of a corpus directory, each with its document id, and the entries skipped:
/// the corpus step of a run, for engines that process the inputs elsewhere.
#[pyclass(name = "Corpus", module = "bitextract", frozen)]
struct PyCorpus {
    corpus: Corpus,
}

#[pymethods]
impl PyCorpus {
    /// The corpus directory, as given.
    #[getter]
    fn root(&self) -> &OsStr {
        self.corpus.root.as_os_str()
    }

    /// The shard kept, `I/N`, or None for the whole corpus.
    #[getter]
    fn shard(&self) -> Option<String> {
        self.corpus.shard.map(|s| s.to_string())
    }

    /// The inputs, in path order: dicts of `path` (relative, the document's source path),
    /// `id` (its document id), `file` (the path to read) and `format`.
    #[getter]
    fn inputs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let inputs = PyList::empty(py);
        for input in &self.corpus.inputs {
            let record = PyDict::new(py);
            record.set_item("path", &input.relative)?;
            record.set_item("id", &input.id)?;
            record.set_item("file", input.absolute.as_os_str())?;
            record.set_item("format", pythonize(py, &input.format)?)?;
            inputs.append(record)?;
        }
        Ok(inputs)
    }

    /// The entries that are no input, in path order: dicts of `path` and `reason`.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.corpus.skipped)?)
    }

    fn __len__(&self) -> usize {
        self.corpus.inputs.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Corpus(root={:?}, shard={:?}, inputs={}, skipped={})",
            self.corpus.root.display().to_string(),
            self.shard(),
            self.corpus.inputs.len(),
            self.corpus.skipped.len()
        )
    }
}

/// Finds the inputs under a corpus directory (one shard of them, with `shard="I/N"`).
#[pyfunction]
#[pyo3(signature = (corpus, *, shard = None))]
fn discover(py: Python<'_>, corpus: PathBuf, shard: Option<&str>) -> PyResult<PyCorpus> {
    let shard = self::shard(shard)?;
    let corpus = py
        .detach(|| Corpus::discover(&corpus, shard))
        .map_err(run_error)?;
    Ok(PyCorpus { corpus })
}

/// Writes the documents of a corpus, made anywhere, into a dataset: the join, the
/// corpus-wide files and the manifest, as `bitextract extract` writes them. Returns the
/// manifest as written.
#[pyfunction]
#[pyo3(signature = (
    documents, out, corpus, *, formats = None, min_confidence = 0.0,
    keep_duplicates = false, allow_empty = false, jobs = None
))]
#[allow(clippy::too_many_arguments)] // the keywords of the Python function
fn join_and_write<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    out: PathBuf,
    corpus: &PyCorpus,
    formats: Option<Vec<String>>,
    min_confidence: f64,
    keep_duplicates: bool,
    allow_empty: bool,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let export = export_options(formats, min_confidence, keep_duplicates)?;
    let writer = py
        .detach(|| DatasetWriter::create(&out, export, jobs))
        .map_err(run_error)?;
    for item in documents.try_iter()? {
        let item = item?;
        let doc: Document = match item.cast::<PyString>() {
            Ok(text) => serde_json::from_str(&text.to_cow()?)
                .map_err(|err| PyValueError::new_err(format!("not a document: {err}")))?,
            Err(_) => depythonize(&item)
                .map_err(|err| PyValueError::new_err(format!("not a document: {err}")))?,
        };
        py.detach(|| writer.add(&doc)).map_err(run_error)?;
    }
    let manifest = py
        .detach(|| writer.finish(&corpus.corpus, allow_empty))
        .map_err(run_error)?;
    Ok(pythonize(py, &manifest)?)
}

/// The extension module.
#[pymodule]
#[pyo3(name = "_native")]
fn native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    // Parser panics are caught and said in the document; Rust's hook would also print them
    // on the caller's standard error. The hook belongs to this module's own copy of the
    // standard library, so other extensions keep theirs, and a panic that reaches Python
    // still carries its message in the `PanicException` PyO3 raises.
    std::panic::set_hook(Box::new(|_| {}));
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("RunError", module.py().get_type::<RunError>())?;
    module.add_class::<PyCorpus>()?;
    module.add_function(wrap_pyfunction!(process, module)?)?;
    module.add_function(wrap_pyfunction!(process_pair, module)?)?;
    module.add_function(wrap_pyfunction!(align_items, module)?)?;
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(discover, module)?)?;
    module.add_function(wrap_pyfunction!(join_and_write, module)?)?;
    Ok(())
}
