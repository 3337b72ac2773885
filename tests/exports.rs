//! The dataset files as their consumers see them: determinism across runs, every document
//! valid against the committed JSON Schema, and every format read back by established
//! readers (translate-toolkit's TMX reader, Python's json and csv modules, Hugging Face
//! `datasets`, pandas on pyarrow, DuckDB; installed in `.venv/` by `scripts/setup.sh`).

#[path = "support/run.rs"]
#[allow(dead_code)]
mod run;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use export::{Dataset, ExportOptions};
use model::{
    Counts, Document, ExportSummary, Kind, Lang, Manifest, Section, SectionSide, SegmentPair,
    Source, SourceFormat, Status, Timings,
};
use run::repo_root;
use serde_json::Value;

fn extract(corpus: &Path, out: &Path, extra: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .arg("extract")
        .arg(corpus)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .expect("bitextract runs");
    assert!(
        output.status.success(),
        "bitextract extract failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// One extraction of the bundled corpus, shared by the tests of this file.
fn dataset() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        extract(&repo_root().join("corpus"), dir.path(), &[]);
        dir
    })
    .path()
}

/// Every file under `root`, by relative path, with its bytes.
fn files_under(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path.strip_prefix(root).expect("inside root");
                out.insert(
                    relative.to_string_lossy().into_owned(),
                    fs::read(&path).expect("read"),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

#[test]
fn two_runs_give_byte_identical_files() {
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    let corpus = repo_root().join("corpus");
    extract(&corpus, first.path(), &["--jobs", "2"]);
    extract(&corpus, second.path(), &["--jobs", "1"]);
    let mut one = files_under(first.path());
    let mut two = files_under(second.path());
    // Timings live in the manifest only.
    assert!(one.remove("manifest.json").is_some() && two.remove("manifest.json").is_some());
    let names: Vec<&String> = one.keys().collect();
    for expected in [
        "sections.jsonl",
        "segments.jsonl",
        "bitext.tmx",
        "bitext.en",
        "bitext.fr",
        "bitext.jsonl",
        "segments.parquet",
        "notices.parquet",
        "notices.csv",
        "review.html",
    ] {
        assert!(one.contains_key(expected), "{expected} written: {names:?}");
    }
    assert!(names.iter().any(|n| n.starts_with("documents/")));
    assert_eq!(names, two.keys().collect::<Vec<_>>());
    for (name, bytes) in &one {
        assert!(bytes == &two[name], "{name} differs between two runs");
    }
}

fn document_validator() -> jsonschema::Validator {
    let path = repo_root().join(export::DOCUMENT_SCHEMA_PATH);
    let schema: Value = serde_json::from_str(&fs::read_to_string(&path).expect("committed schema"))
        .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn assert_documents_valid(root: &Path) -> usize {
    let validator = document_validator();
    let mut checked = 0;
    for entry in fs::read_dir(root.join("documents")).expect("documents/") {
        let path = entry.expect("entry").path();
        let doc: Value = serde_json::from_str(&fs::read_to_string(&path).expect("read"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        checked += 1;
    }
    checked
}

#[test]
fn every_document_of_the_corpus_validates_against_the_committed_schema() {
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(dataset().join("manifest.json")).expect("read"))
            .expect("manifest");
    let checked = assert_documents_valid(dataset());
    assert_eq!(
        checked as u64,
        manifest["counts"]["documents"].as_u64().expect("count")
    );
}

#[test]
fn the_schema_rejects_a_document_that_breaks_the_contract() {
    let validator = document_validator();
    let path = fs::read_dir(dataset().join("documents"))
        .expect("documents/")
        .next()
        .expect("a document")
        .expect("entry")
        .path();
    let mut doc: Value =
        serde_json::from_str(&fs::read_to_string(path).expect("read")).expect("json");
    assert!(validator.is_valid(&doc));
    doc["status"] = Value::from("half-done");
    assert!(!validator.is_valid(&doc));
}

/// The Python that has the readers: `$BITEXTRACT_PYTHON`, or `.venv/` made by setup.
fn python() -> PathBuf {
    let python = std::env::var_os("BITEXTRACT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let has_readers = Command::new(&python)
        .args([
            "-c",
            "import translate.storage.tmx, datasets, pandas, pyarrow",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        has_readers,
        "{} cannot import translate-toolkit, datasets, pandas and pyarrow, which these tests \
         read the dataset with: run scripts/setup.sh (or point BITEXTRACT_PYTHON at a Python \
         that has them)",
        python.display()
    );
    python
}

/// Runs `scripts/check_exports.py` on a dataset and returns its counts.
fn check_with_python_readers(root: &Path) -> Value {
    let output = Command::new(python())
        .arg(repo_root().join("scripts/check_exports.py"))
        .arg(root)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "the Python readers reject the dataset: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("counts as JSON")
}

fn jsonl_lines(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .expect("read")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn every_format_of_the_corpus_reads_back_in_its_consumers_tools() {
    let counts = check_with_python_readers(dataset());
    let segments = jsonl_lines(&dataset().join("segments.jsonl"));
    let sections = jsonl_lines(&dataset().join("sections.jsonl"));
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(dataset().join("manifest.json")).expect("read"))
            .expect("manifest");
    let set_aside = segments
        .iter()
        .filter(|s| !s["flags"].as_array().expect("flags").is_empty())
        .count();
    let exported = segments.len() - set_aside;
    assert_eq!(counts["segments"], segments.len());
    assert_eq!(counts["sections"], sections.len());
    assert!(!sections.is_empty());
    for reader in ["tmx_units", "datasets_rows", "parquet_rows"] {
        assert_eq!(counts[reader], exported, "{reader}: {counts}");
    }
    assert_eq!(manifest["export"]["exported_pairs"], exported);
    assert_eq!(manifest["export"]["set_aside_pairs"], set_aside);
    let documents = manifest["counts"]["documents"].as_u64().expect("count");
    assert_eq!(counts["csv_rows"], documents);
    // Every pair of the documents is accounted for: a line, or folded into one's count.
    let occurrences: u64 = segments
        .iter()
        .map(|s| s["count"].as_u64().expect("count"))
        .sum();
    assert_eq!(
        Some(occurrences),
        manifest["counts"]["segment_pairs"].as_u64()
    );
    assert!(
        segments.len() < occurrences as usize,
        "the corpus holds each notice twice (PDF and text): duplicates are folded"
    );
}

#[test]
fn duplicates_are_kept_on_request() {
    let dir = tempfile::tempdir().expect("temp dir");
    extract(
        &repo_root().join("corpus"),
        dir.path(),
        &["--keep-duplicates", "--formats", "jsonl", "--quiet"],
    );
    let segments = jsonl_lines(&dir.path().join("segments.jsonl"));
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("manifest.json")).expect("read"))
            .expect("manifest");
    assert_eq!(
        Some(segments.len() as u64),
        manifest["counts"]["segment_pairs"].as_u64()
    );
    assert!(segments.iter().all(|s| s["count"] == 1));
    assert_eq!(manifest["export"]["keep_duplicates"], true);
}

fn side(heading: &str, text: &str) -> Option<SectionSide> {
    Some(SectionSide {
        heading: Some(heading.to_owned()),
        text: text.to_owned(),
    })
}

fn pair(en: &str, fr: &str, confidence: f64) -> SegmentPair {
    SegmentPair::new(en, fr, confidence)
}

/// A document whose segments hold what XML, JSON and line-based formats each find hard.
fn tricky_document(id: &str) -> Document {
    Document {
        id: id.to_owned(),
        sources: vec![Source {
            path: format!("{id}.txt"),
            format: SourceFormat::Text,
            sha256: "0".repeat(64),
            bytes: 1,
            pages: None,
            languages: vec![Lang::En, Lang::Fr],
        }],
        status: Status::Ok,
        errors: Vec::new(),
        warnings: Vec::new(),
        kind: Some(Kind::Bilingual),
        languages: vec![Lang::En, Lang::Fr],
        metadata: BTreeMap::new(),
        sections: vec![Section {
            index: 1,
            number: Some(3),
            en: side("SALARY", "…"),
            fr: side("SALAIRE", "…"),
            confidence: 0.95,
            segments: vec![
                pair(
                    "Salary <EUR> & \"allowances\" ]]> 'x'",
                    "Traitement <EUR> & « indemnités » ]]> 'x'",
                    0.9,
                ),
                pair(
                    "Two\nlines\tand a tab",
                    "Deux\nlignes\tet une tabulation",
                    0.7,
                ),
                pair(
                    "Escape\u{1b}[0m and nul\u{0} 😀",
                    "Échappement\u{1b}[0m et nul\u{0} 😀",
                    0.6,
                ),
            ],
        }],
        language_shares: Vec::new(),
        other_languages: Vec::new(),
    }
}

#[test]
fn hard_characters_round_trip_through_translate_toolkit_and_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let dataset = Dataset::create(&root, ExportOptions::default()).expect("created");
    for id in ["notice-b", "notice-a"] {
        dataset
            .write_document(&tricky_document(id))
            .expect("written");
    }
    let manifest = Manifest {
        tool: "bitextract".to_owned(),
        version: "test".to_owned(),
        shard: None,
        inputs: Vec::new(),
        skipped: Vec::new(),
        counts: Counts::default(),
        export: ExportSummary::default(),
        timings: Timings::default(),
    };
    dataset.finish(manifest).expect("finished");
    let counts = check_with_python_readers(&root);
    assert_eq!(
        counts["tmx_units"], 3,
        "the two documents' pairs, each once"
    );
    assert_eq!(counts["segments"], 3);
    assert_eq!(assert_documents_valid(&root), 2);
    let first = &jsonl_lines(&root.join("segments.jsonl"))[0];
    assert_eq!(first["doc"], "notice-a");
    assert_eq!(first["section"], 3);
}

#[test]
fn a_run_over_an_earlier_output_leaves_no_stale_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    for name in ["001_ca6471f58fe47377.txt", "002_fdb992f5b67e8e86.txt"] {
        let corpus = dir.path().join(name.replace(".txt", ""));
        fs::create_dir_all(&corpus).expect("corpus dir");
        fs::copy(
            repo_root().join("corpus/text").join(name),
            corpus.join(name),
        )
        .expect("copy");
        extract(&corpus, &out, &["--quiet"]);
        let documents: Vec<String> = fs::read_dir(out.join("documents"))
            .expect("documents/")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(documents, [format!("{}.json", pipeline::slug(name))]);
    }
    let siblings: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(siblings.is_empty(), "no work directory left: {siblings:?}");
}

#[test]
fn a_directory_that_is_not_a_dataset_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("thesis.tex"), "precious").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .arg("extract")
        .arg(repo_root().join("corpus"))
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("bitextract runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not a bitextract output directory"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("thesis.tex")).expect("read"),
        "precious"
    );
    assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn formats_and_threshold_options_shape_the_corpus_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    extract(
        &repo_root().join("corpus"),
        dir.path(),
        &["--formats", "jsonl", "--min-confidence", "0.99", "--quiet"],
    );
    assert!(dir.path().join("sections.jsonl").is_file());
    assert!(!dir.path().join("bitext.tmx").exists());
    assert!(!dir.path().join("bitext.en").exists());
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("manifest.json")).expect("read"))
            .expect("manifest");
    assert_eq!(manifest["export"]["formats"], serde_json::json!(["jsonl"]));
    let kept = jsonl_lines(&dir.path().join("sections.jsonl"));
    assert_eq!(manifest["export"]["section_pairs"], kept.len());
    assert!(
        kept.iter()
            .all(|s| s["confidence"].as_f64().expect("confidence") >= 0.99)
    );
    let all = jsonl_lines(&dataset().join("sections.jsonl"));
    let expected = all
        .iter()
        .filter(|s| s["confidence"].as_f64().expect("confidence") >= 0.99)
        .count();
    assert_eq!(kept.len(), expected);
}
