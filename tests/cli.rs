//! The `bitextract` command line as a user meets it: help, version, exit codes, `inspect`,
//! `schema`, the summary and `--quiet`.

#[path = "support/run.rs"]
#[allow(dead_code)]
mod run;

use std::process::{Command, Output};

use run::{bitextract, repo_root};

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let output = bitextract(&["--help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    for expected in ["extract", "inspect", "Examples:", "Exit codes:"] {
        assert!(help.contains(expected), "{expected} in {help}");
    }
    let extract = stdout(&bitextract(&["extract", "--help"]));
    for option in [
        "--jobs",
        "--formats",
        "--min-confidence",
        "--quiet",
        "--output",
    ] {
        assert!(extract.contains(option), "{option} in {extract}");
    }
}

#[test]
fn version_names_the_tool() {
    let output = bitextract(&["--version"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output).trim(),
        format!("bitextract {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["extract", "--formats", "xlsx"][..],
        &["extract", "--min-confidence", "2"],
        &["extract", "--no-such-flag"],
        &["frobnicate"],
    ] {
        assert_eq!(bitextract(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn inspect_shows_runs_sections_and_pairs_of_one_file() {
    let file = repo_root().join("corpus/text/001_ca6471f58fe47377.txt");
    let output = bitextract(&["inspect", &file.to_string_lossy()]);
    assert!(output.status.success());
    let report = stdout(&output);
    assert!(
        report.contains("status Ok  kind Bilingual  languages [en, fr]"),
        "{report}"
    );
    assert!(report.contains("Language runs"), "{report}");
    assert!(
        report.contains(" en ") && report.contains(" fr "),
        "{report}"
    );
    assert!(report.contains("8 EN/FR pairs"), "{report}");
    assert!(
        report.contains("en SUMMARY") && report.contains("fr RÉSUMÉ"),
        "{report}"
    );
}

#[test]
fn inspect_json_prints_the_document() {
    let file = repo_root().join("corpus/text/001_ca6471f58fe47377.txt");
    let output = bitextract(&["inspect", "--json", &file.to_string_lossy()]);
    assert!(output.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON document");
    assert_eq!(doc["kind"], "bilingual");
}

#[test]
fn inspect_of_a_missing_or_unsupported_file_exits_with_1() {
    let missing = bitextract(&["inspect", "/nonexistent/notice.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
    let manifest = repo_root().join("corpus/MANIFEST.json");
    let unsupported = bitextract(&["inspect", &manifest.to_string_lossy()]);
    assert_eq!(unsupported.status.code(), Some(1));
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = bitextract(&["schema"]);
    assert!(output.status.success());
    let committed = std::fs::read_to_string(repo_root().join(export::DOCUMENT_SCHEMA_PATH))
        .expect("committed schema");
    assert_eq!(stdout(&output), committed);
}

#[test]
fn a_run_ends_with_a_summary_unless_quiet() {
    let corpus = repo_root().join("corpus");
    let out = tempfile::tempdir().expect("temp dir");
    let run = |quiet: bool| {
        let mut args = vec!["extract", corpus.to_str().expect("utf-8"), "-o"];
        args.push(out.path().to_str().expect("utf-8"));
        if quiet {
            args.push("--quiet");
        }
        bitextract(&args)
    };
    let loud = run(false);
    assert!(loud.status.success());
    let summary = stdout(&loud);
    for expected in [
        "documents",
        "section pairs",
        "segment pairs",
        "docs/s",
        "broken/empty.pdf",
    ] {
        assert!(summary.contains(expected), "{expected} in {summary}");
    }
    assert!(summary.lines().count() <= 25, "one screen: {summary}");
    assert!(loud.stderr.is_empty(), "no progress bar off a terminal");
    let quiet = run(true);
    assert!(quiet.status.success());
    assert!(quiet.stdout.is_empty() && quiet.stderr.is_empty());
}

#[test]
fn align_links_two_small_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let en = dir.path().join("en.txt");
    let fr = dir.path().join("fr.txt");
    std::fs::write(
        &en,
        "The incumbent reports to the Head of Section.\n\
         Applications must be submitted by 4 January 2026.\n\
         The post is based in Brussels, Belgium.\n",
    )
    .expect("write");
    std::fs::write(
        &fr,
        "La personne titulaire du poste relève du chef de section.\n\
         Les candidatures doivent être soumises au plus tard le 4 janvier 2026.\n\
         Le poste est basé à Bruxelles, en Belgique.\n",
    )
    .expect("write");
    let output = bitextract(&[
        "align",
        "--presplit",
        en.to_str().expect("path"),
        fr.to_str().expect("path"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let links: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let lines: Vec<(u64, u64)> = links
        .iter()
        .map(|l| {
            (
                l["en_lines"][0].as_u64().expect("en"),
                l["fr_lines"][0].as_u64().expect("fr"),
            )
        })
        .collect();
    assert_eq!(lines, [(0, 0), (1, 1), (2, 2)]);
    assert!(
        links[1]["fr"]
            .as_str()
            .expect("fr")
            .contains("4 janvier 2026")
    );
    assert!(links.iter().all(|l| {
        l["confidence"]
            .as_f64()
            .is_some_and(|c| (0.0..=1.0).contains(&c))
    }));

    let tsv = stdout(&bitextract(&[
        "align",
        "--presplit",
        "--format",
        "tsv",
        en.to_str().expect("path"),
        fr.to_str().expect("path"),
    ]));
    assert_eq!(tsv.lines().count(), 3);
    assert!(tsv.lines().all(|l| l.split('\t').count() == 5));
}

#[test]
fn completions_and_the_manual_page_are_printed() {
    let bash = bitextract(&["completions", "bash"]);
    assert!(bash.status.success());
    let script = stdout(&bash);
    assert!(script.contains("_bitextract") && script.contains("--keep-duplicates"));
    assert_eq!(
        bitextract(&["completions", "tcsh-and-more"]).status.code(),
        Some(2)
    );
    let man = bitextract(&["man"]);
    assert!(man.status.success());
    let page = stdout(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH bitextract"),
        "{page}"
    );
    for expected in [
        "bitextract\\-extract",
        "\\-\\-min\\-confidence",
        "bitextract\\-review",
    ] {
        assert!(page.contains(expected), "{expected} in the manual page");
    }
}

#[test]
fn the_json_summary_goes_to_standard_output() {
    let out = tempfile::tempdir().expect("temp dir");
    let corpus = repo_root().join("corpus");
    let output = bitextract(&[
        "extract",
        corpus.to_str().expect("utf-8"),
        "-o",
        out.path().to_str().expect("utf-8"),
        "--json",
        "--formats",
        "jsonl",
    ]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["counts"]["documents"], 13);
    assert_eq!(report["export"]["formats"], serde_json::json!(["jsonl"]));
    assert_eq!(report["failures"]["empty"][0]["path"], "broken/empty.pdf");
    assert!(report["export"]["exported_pairs"].as_u64() > Some(0));
    assert_eq!(
        bitextract(&["extract", "--json", "--quiet"]).status.code(),
        Some(2)
    );
}

#[test]
fn extract_dash_reads_the_files_to_extract_from_standard_input() {
    use std::io::Write;
    use std::process::Stdio;

    let out = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .current_dir(repo_root())
        .args(["extract", "-", "--quiet", "--formats", "jsonl", "-o"])
        .arg(out.path())
        .stdin(Stdio::piped())
        .spawn()
        .expect("bitextract runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"corpus/text/001_ca6471f58fe47377.txt\n./corpus/MANIFEST.json\n")
        .expect("written");
    assert!(child.wait().expect("exits").success());
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    assert_eq!(
        manifest["inputs"][0]["path"],
        "corpus/text/001_ca6471f58fe47377.txt"
    );
    assert_eq!(manifest["inputs"].as_array().map(Vec::len), Some(1));
    assert_eq!(manifest["skipped"][0]["path"], "corpus/MANIFEST.json");
}

#[test]
fn review_writes_the_page_of_an_existing_dataset() {
    let out = tempfile::tempdir().expect("temp dir");
    let dataset = out.path().join("dataset");
    let corpus = repo_root().join("corpus");
    let extract = bitextract(&[
        "extract",
        corpus.to_str().expect("utf-8"),
        "-o",
        dataset.to_str().expect("utf-8"),
        "--quiet",
        "--formats",
        "tmx",
    ]);
    assert!(extract.status.success());
    assert!(!dataset.join("review.html").exists());
    let review = bitextract(&["review", dataset.to_str().expect("utf-8")]);
    assert!(review.status.success());
    assert_eq!(
        stdout(&review).trim(),
        dataset.join("review.html").to_string_lossy()
    );
    let page = std::fs::read_to_string(dataset.join("review.html")).expect("the page");
    assert!(page.contains("Officer, Defence Policy"));
    let missing = bitextract(&["review", "/nonexistent/dataset"]);
    assert_eq!(missing.status.code(), Some(1));
}
