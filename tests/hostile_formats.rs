//! Hostile HTML, Markdown and DOCX inputs end to end: the files of
//! `scripts/hostile_formats.py` (a 200 MB page, 100,000 nested `<div>`, a DOCX zip bomb, DOCX
//! XML nested 100,000 deep, an encrypted DOCX, a page that lies about its encoding, Markdown
//! nested 100,000 deep) go through `bitextract extract`, which must finish, exit 0 and give
//! each a document with a status and the expected code.
//!
//! The inputs are large (200 MB, a 1 GiB inflation): release builds only
//! (`cargo test --release --test hostile_formats`, or `make test-hostile`).

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use serde_json::Value;

/// Past this, the run is taken to hang. Generous: the run takes a few seconds on two busy
/// cores, and this is no speed test.
const WATCHDOG: Duration = Duration::from_secs(240);

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
#[cfg_attr(debug_assertions, ignore = "large inputs: run in release builds")]
fn every_hostile_format_input_gets_a_document_with_its_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = tempfile::tempdir().expect("temp dir");
    let status = Command::new("python3")
        .arg(root.join("scripts/hostile_formats.py"))
        .arg(corpus.path())
        .stdout(Stdio::null())
        .status()
        .expect("python3 runs");
    assert!(status.success(), "the generator failed: {status}");

    let out_dir = tempfile::tempdir().expect("temp dir");
    let out = out_dir.path().join("dataset");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .arg("extract")
        .arg(corpus.path())
        .arg("--output")
        .arg(&out)
        .args(["--jobs", "2", "--quiet"])
        .spawn()
        .expect("bitextract starts");
    let (done, finished) = mpsc::channel();
    let pid = child.id();
    thread::spawn(move || {
        let _ = done.send(child.wait());
    });
    let status = finished
        .recv_timeout(WATCHDOG)
        .unwrap_or_else(|_| panic!("bitextract (pid {pid}) still running after {WATCHDOG:?}"))
        .expect("waited");
    assert!(status.success(), "exit status {status}");

    let manifest = read_json(&out.join("manifest.json"));
    let inputs = manifest["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 7, "every generated file is an input");
    let outcome = |name: &str| {
        let input = inputs
            .iter()
            .find(|i| i["path"] == name)
            .unwrap_or_else(|| panic!("{name} in the manifest"));
        let id = input["id"].as_str().expect("id");
        let doc = read_json(&out.join("documents").join(format!("{id}.json")));
        let code = doc["errors"][0]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        (doc["status"].as_str().unwrap_or_default().to_owned(), code)
    };
    for (name, status, code) in [
        ("page-200mb.html", "failed", "limit-exceeded"),
        ("nested-100k-div.html", "failed", "limit-exceeded"),
        ("bomb-1gib.docx", "failed", "limit-exceeded"),
        ("nested-100k.docx", "failed", "limit-exceeded"),
        ("encrypted.docx", "failed", "encrypted"),
        ("declared-utf8-invalid.html", "ok", ""),
        ("nested-100k.md", "ok", ""),
    ] {
        assert_eq!(
            outcome(name),
            (status.to_owned(), code.to_owned()),
            "{name}"
        );
    }
}
