//! The `bitextract` command line as a user meets it: help, version, exit codes, `inspect`,
//! `schema`, the summary and `--quiet`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bitextract(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .args(args)
        .output()
        .expect("bitextract runs")
}

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
        &["extract", "--formats", "csv"][..],
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
