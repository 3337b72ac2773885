//! End-to-end runs of the `bitextract` binary over the bundled corpus (`corpus/`).
//!
//! The corpus's own `MANIFEST.json` states what each input must become (status, kind);
//! the tests hold the binary to it and check the dataset's shape on top.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn run_extract(out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .arg("extract")
        .arg(corpus_dir())
        .arg("-o")
        .arg(out)
        .status()
        .expect("bitextract runs");
    assert!(
        status.success(),
        "bitextract extract exits 0 even with broken inputs"
    );
}

/// One extraction of the corpus, shared by the tests of this file.
fn dataset() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        run_extract(dir.path());
        dir
    })
    .path()
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn manifest() -> Value {
    read_json(&dataset().join("manifest.json"))
}

/// The output document of an input file, by its corpus-relative path.
fn document_of(path: &str) -> Value {
    let manifest = manifest();
    let input = manifest["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .find(|i| i["path"] == path)
        .unwrap_or_else(|| panic!("{path} is in the manifest"));
    let id = input["id"].as_str().expect("id");
    read_json(&dataset().join("documents").join(format!("{id}.json")))
}

fn section_pairs(doc: &Value) -> Vec<(String, String)> {
    doc["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter(|s| s["en"].is_object() && s["fr"].is_object())
        .map(|s| {
            let heading = |lang: &str| s[lang]["heading"].as_str().unwrap_or("").to_owned();
            (heading("en"), heading("fr"))
        })
        .collect()
}

#[test]
fn every_file_of_the_corpus_is_accounted_for() {
    let manifest = manifest();
    let mut listed: Vec<String> = manifest["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .chain(manifest["skipped"].as_array().expect("skipped"))
        .map(|e| e["path"].as_str().expect("path").to_owned())
        .collect();
    listed.sort();
    let mut on_disk = Vec::new();
    for dir in ["", "broken", "pdf", "text"] {
        for entry in fs::read_dir(corpus_dir().join(dir)).expect("corpus dir") {
            let entry = entry.expect("entry");
            if entry.file_type().expect("type").is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                on_disk.push(if dir.is_empty() {
                    name
                } else {
                    format!("{dir}/{name}")
                });
            }
        }
    }
    on_disk.sort();
    assert_eq!(listed, on_disk);
    let skipped = &manifest["skipped"][0];
    assert_eq!(skipped["path"], "MANIFEST.json");
    for input in manifest["inputs"].as_array().expect("inputs") {
        let id = input["id"].as_str().expect("id");
        assert!(
            dataset()
                .join("documents")
                .join(format!("{id}.json"))
                .is_file(),
            "{id} written"
        );
    }
}

#[test]
fn statuses_and_kinds_match_the_corpus_manifest() {
    let expected: Vec<Value> =
        serde_json::from_value(read_json(&corpus_dir().join("MANIFEST.json"))).expect("list");
    for entry in expected {
        let path = entry["file"].as_str().expect("file");
        let expect = &entry["expect"];
        let doc = document_of(path);
        assert_eq!(doc["status"], expect["status"], "{path}: status");
        if expect["status"] == "failed" {
            let code = doc["errors"][0]["code"].as_str().unwrap_or("");
            assert!(
                !code.is_empty(),
                "{path}: a failed document names an error code"
            );
        } else {
            assert_eq!(doc["kind"], expect["kind"], "{path}: kind");
        }
    }
}

#[test]
fn a_bilingual_notice_yields_its_eight_section_pairs() {
    let doc = document_of("text/001_ca6471f58fe47377.txt");
    assert_eq!(doc["languages"], serde_json::json!(["en", "fr"]));
    let pairs = section_pairs(&doc);
    assert_eq!(pairs.len(), 8);
    assert_eq!(pairs[0], ("SUMMARY".to_owned(), "RÉSUMÉ".to_owned()));
    assert_eq!(
        pairs[7],
        (
            "ADDITIONAL INFORMATION".to_owned(),
            "INFORMATIONS COMPLÉMENTAIRES".to_owned()
        )
    );
    let numbers: Vec<u64> = doc["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["number"].as_u64())
        .collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
    let summary = doc["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["number"] == 1)
        .expect("section 1");
    assert!(summary["confidence"].as_f64().expect("confidence") > 0.8);
    let text = summary["fr"]["text"].as_str().expect("text");
    assert!(
        text.starts_with("La Division Politique et plans de défense (DPP)"),
        "{text}"
    );
}

#[test]
fn hard_wrapped_headings_with_odd_spacing_pair_too() {
    let doc = document_of("text/002_fdb992f5b67e8e86.txt");
    let pairs = section_pairs(&doc);
    assert_eq!(pairs.len(), 8);
    assert_eq!(
        pairs[1],
        (
            "QUALIFICATIONS AND EXPERIENCE".to_owned(),
            "QUALIFICATIONS ET EXPÉRIENCE".to_owned()
        )
    );
}

#[test]
fn monolingual_notices_have_no_french_side() {
    for path in [
        "text/000_11e48e0a6d3966e8.txt",
        "text/004_48d5bf37fcf2d969.txt",
    ] {
        let doc = document_of(path);
        assert_eq!(doc["languages"], serde_json::json!(["en"]), "{path}");
        let sections = doc["sections"].as_array().expect("sections");
        assert!(!sections.is_empty());
        assert!(
            sections
                .iter()
                .all(|s| s["fr"].is_null() && s["en"].is_object()),
            "{path}"
        );
    }
}

#[test]
fn sections_jsonl_has_one_line_per_distinct_section_pair_in_document_then_section_order() {
    let manifest = manifest();
    let lines = fs::read_to_string(dataset().join("sections.jsonl")).expect("sections.jsonl");
    // (document id, section index) of every line, in file order.
    let mut keys: Vec<(String, u64)> = Vec::new();
    let mut occurrences = 0;
    for line in lines.lines() {
        let value: Value = serde_json::from_str(line).expect("one JSON object per line");
        assert!(value["en"].is_string() && value["fr"].is_string());
        let doc = value["doc"].as_str().expect("doc").to_owned();
        let document: Value = serde_json::from_str(
            &fs::read_to_string(dataset().join("documents").join(format!("{doc}.json")))
                .expect("the line's document exists"),
        )
        .expect("document JSON");
        let index = value["index"].as_u64().expect("index");
        let section = document["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .find(|s| s["index"].as_u64() == Some(index))
            .expect("the line's section is in its document");
        assert_eq!(
            (&section["en"]["text"], &section["fr"]["text"]),
            (&value["en"], &value["fr"])
        );
        keys.push((doc, index));
        occurrences += value["count"].as_u64().expect("count");
    }
    assert_eq!(
        keys.len() as u64,
        manifest["export"]["section_pairs"].as_u64().expect("count")
    );
    assert_eq!(
        Some(occurrences),
        manifest["counts"]["section_pairs"].as_u64(),
        "every section pair is a line or counted in one"
    );
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "sorted by document id, then position, each pair once: {keys:?}"
    );
}

#[test]
fn a_missing_corpus_is_an_error_exit() {
    let out = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .args(["extract", "/nonexistent/corpus", "-o"])
        .arg(out.path())
        .output()
        .expect("bitextract runs");
    assert!(!status.status.success());
    assert!(String::from_utf8_lossy(&status.stderr).contains("does not exist"));
}
