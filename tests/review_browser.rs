//! The review page as a person sees it in a browser: `scripts/check_review_page.py` opens
//! `review.html` in headless Chromium (Debian's, driven by Playwright from `.venv/`) over the
//! bundled corpus and a notice whose sentences hold `<script>`, and checks the list, a
//! document's view, the colours, flags, unaligned text, duplicates and that the markup shows
//! as text. It needs Chromium, so it runs in `make test-browser` (CI runs it), not in
//! `make test`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("list") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The bundled corpus and a notice with markup in an English and a French sentence.
fn corpus_with_markup(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    copy_tree(&repo_root().join("corpus"), &corpus);
    let notice = fs::read_to_string(corpus.join("text/001_ca6471f58fe47377.txt")).expect("read");
    let hostile = notice
        .replacen(
            "The Defence Policy and Planning (DPP) Division has",
            "The <script>alert('en')</script> Defence Policy and Planning (DPP) Division has",
            1,
        )
        .replacen(
            "La Division Politique et plans de défense (DPP) est",
            "La <script>alert('fr')</script> Division Politique et plans de défense (DPP) est",
            1,
        );
    assert_ne!(hostile, notice, "the markup went in");
    fs::create_dir_all(corpus.join("hostile")).expect("mkdir");
    fs::write(corpus.join("hostile/notice.txt"), hostile).expect("write");
    corpus
}

#[test]
#[ignore = "needs Chromium and Playwright (scripts/setup.sh): run by make test-browser"]
fn a_person_reads_the_review_page_in_a_browser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_with_markup(dir.path());
    let dataset = dir.path().join("dataset");
    let extract = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .arg("extract")
        .arg(&corpus)
        .arg("-o")
        .arg(&dataset)
        .arg("--quiet")
        .output()
        .expect("bitextract runs");
    assert!(
        extract.status.success(),
        "{}",
        String::from_utf8_lossy(&extract.stderr)
    );
    let segments = fs::read_to_string(dataset.join("segments.jsonl")).expect("segments");
    assert!(
        segments.contains("<script>alert('en')</script>"),
        "a segment pair holds the markup"
    );

    let python = std::env::var_os("BITEXTRACT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let screenshot = dir.path().join("review.png");
    let output = Command::new(&python)
        .arg(repo_root().join("scripts/check_review_page.py"))
        .arg(&dataset)
        .args(["--hostile", "hostile-notice", "--screenshot"])
        .arg(&screenshot)
        .output()
        .unwrap_or_else(|err| panic!("{} runs: {err}", python.display()));
    assert!(
        output.status.success(),
        "the review page fails in the browser: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["documents"], 14);
    assert!(report["rows_coloured"].as_u64() > Some(10), "{report}");
    let png = fs::read(&screenshot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
}
