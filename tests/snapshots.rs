//! What the pipeline makes of each development input, as `bitextract inspect --blocks` shows
//! it: the blocks ingest found, the language runs, the sections and their pairing, the
//! fields. A change in structure shows up here as a snapshot diff to review
//! (`cargo insta review`, or `INSTA_UPDATE=always cargo test --test snapshots` and `git diff`).

use std::path::Path;
use std::process::Command;

fn inspect(relative: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .current_dir(&root)
        .args(["inspect", "--blocks", "--no-segments", relative])
        .output()
        .expect("bitextract runs");
    assert!(output.status.success(), "inspect {relative} exits 0");
    String::from_utf8(output.stdout).expect("the report is UTF-8")
}

fn corpus_files(folder: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the bundled corpus is readable")
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| format!("corpus/{folder}/{name}"))
        .collect()
}

fn snapshot_folder(folder: &str) {
    let files = corpus_files(folder);
    assert!(files.len() >= 5, "the development notices are bundled");
    for file in files {
        let name = Path::new(&file)
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(format!("{folder}-{name}"), inspect(&file));
    }
}

#[test]
fn text_notices() {
    snapshot_folder("text");
}

#[test]
fn pdf_notices() {
    snapshot_folder("pdf");
}
