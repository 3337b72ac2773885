//! The review page as a person sees it in a browser: `scripts/check_review_page.py` opens
//! `review.html` in headless Chromium (Debian's, driven by Playwright from `.venv/`) and
//! checks the list, a document's view, the colours, flags, unaligned text, duplicates and
//! that markup in a document shows as text. The dataset is the bundled corpus's, with one
//! more document whose segments hold `<script>` and a pair of web addresses, the page
//! written again by `bitextract review`. It needs Chromium, so it runs in
//! `make test-browser` (CI runs it), not in `make test`.

#[path = "support/run.rs"]
#[allow(dead_code)]
mod run;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use run::{bitextract_ok as bitextract, repo_root};
use serde_json::{Value, json};

/// A document of the dataset made hostile: markup in its first pair and in the text around
/// it, and a pair of web addresses, which the `url-only` flag sets aside.
fn hostile_copy(dataset: &Path, of: &str, id: &str) {
    let path = dataset.join("documents").join(format!("{of}.json"));
    let mut doc: Value =
        serde_json::from_str(&fs::read_to_string(path).expect("read")).expect("JSON");
    doc["id"] = json!(id);
    let section = doc["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .find(|s| s["segments"].as_array().is_some_and(|p| !p.is_empty()))
        .expect("a section with pairs");
    for lang in ["en", "fr"] {
        let old = section["segments"][0][lang]
            .as_str()
            .expect("text")
            .to_owned();
        let new = format!("<script>alert('{lang}')</script> {old}");
        let text = section[lang]["text"]
            .as_str()
            .expect("text")
            .replacen(&old, &new, 1);
        section[lang]["text"] = json!(text);
        section["segments"][0][lang] = json!(new);
    }
    section["segments"]
        .as_array_mut()
        .expect("pairs")
        .push(json!({
            "en": "https://www.nato.int/cps/en/natohq/topics_52044.htm",
            "fr": "https://www.nato.int/cps/fr/natohq/topics_52044.htm",
            "confidence": 0.95
        }));
    let out = dataset.join("documents").join(format!("{id}.json"));
    fs::write(out, serde_json::to_vec_pretty(&doc).expect("JSON")).expect("write");
}

#[test]
#[ignore = "needs Chromium and Playwright (scripts/setup.sh): run by make test-browser"]
fn a_person_reads_the_review_page_in_a_browser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dataset = dir.path().join("dataset");
    let corpus = repo_root().join("corpus");
    bitextract(&[
        Path::new("extract"),
        &corpus,
        Path::new("-o"),
        &dataset,
        Path::new("-q"),
    ]);
    hostile_copy(&dataset, "text-001-ca6471f58fe47377", "hostile-notice");
    bitextract(&[Path::new("review"), &dataset]);
    let page = fs::read_to_string(dataset.join("review.html")).expect("the page");
    assert!(
        page.contains("&lt;script&gt;alert(&#39;en&#39;)"),
        "the markup is in the page"
    );

    let python = std::env::var_os("BITEXTRACT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let screenshot = dir.path().join("review.png");
    let output = Command::new(&python)
        .arg(repo_root().join("scripts/check_review_page.py"))
        .arg(&dataset)
        .args(["--hostile", "hostile-notice", "--flagged", "--screenshot"])
        .arg(&screenshot)
        .output()
        .unwrap_or_else(|err| panic!("{} runs: {err}", python.display()));
    assert!(
        output.status.success(),
        "the review page fails in the browser: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["documents"], 14);
    assert_eq!(report["flag"], true, "{report}");
    assert!(report["rows_coloured"].as_u64() > Some(10), "{report}");
    let png = fs::read(&screenshot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
}
