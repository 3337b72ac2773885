//! Sharded runs merged equal one run: `extract --shard I/3` three times, then `merge`,
//! gives the same files as `extract` over the whole corpus (the manifest's timings aside),
//! the English and French files of one document joined alike.

#[path = "support/run.rs"]
#[allow(dead_code)]
mod run;

#[path = "support/language_corpus.rs"]
mod language_corpus;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use run::{bitextract_ok as bitextract, repo_root};

/// Every file under `root` by relative path, `manifest.json` without its timings.
fn dataset_files(root: &Path) -> Files {
    let mut files = BTreeMap::new();
    let mut dirs = vec![root.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a dataset directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(root)
                .expect("under the root")
                .to_string_lossy()
                .into_owned();
            let mut bytes = std::fs::read(&path).expect("a dataset file");
            if relative == "manifest.json" {
                let mut manifest: serde_json::Value =
                    serde_json::from_slice(&bytes).expect("manifest JSON");
                manifest
                    .as_object_mut()
                    .expect("an object")
                    .remove("timings");
                bytes = serde_json::to_vec_pretty(&manifest).expect("serialisable");
            }
            files.insert(relative, bytes);
        }
    }
    files
}

/// Runs `extract` over `corpus` once whole and once in three shards merged; asserts that
/// both give the same files and returns them: the whole run's, then each shard's.
fn assert_shards_merge_to_one_run(corpus: &Path) -> (Files, Vec<Files>) {
    let corpus = corpus.to_str().expect("a UTF-8 path");
    let work = tempfile::tempdir().expect("a temporary directory");
    let out = |name: &str| work.path().join(name).to_string_lossy().into_owned();

    bitextract(&["extract", corpus, "-o", &out("whole"), "--quiet"]);
    let shards: Vec<String> = (0..3).map(|i| out(&format!("shard{i}"))).collect();
    for (i, shard) in shards.iter().enumerate() {
        let part = format!("{i}/3");
        bitextract(&["extract", corpus, "-o", shard, "--shard", &part, "--quiet"]);
    }
    let whole = dataset_files(&work.path().join("whole"));
    let documents_in = |files: &Files| files.keys().filter(|k| k.starts_with("documents")).count();
    let shard_files: Vec<Files> = shards.iter().map(|s| dataset_files(Path::new(s))).collect();
    for (shard, files) in shards.iter().zip(&shard_files) {
        assert!(
            documents_in(files) < documents_in(&whole),
            "{shard} holds only part of the corpus"
        );
    }
    let mut merge = vec!["merge", "--quiet"];
    let merged_dir = out("merged");
    merge.push(&merged_dir);
    merge.extend(shards.iter().map(String::as_str));
    bitextract(&merge);

    let merged = dataset_files(Path::new(&merged_dir));
    assert_eq!(
        merged.keys().collect::<Vec<_>>(),
        whole.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &whole {
        assert!(merged[path] == *bytes, "{path} differs");
    }
    (whole, shard_files)
}

type Files = BTreeMap<String, Vec<u8>>;

#[test]
fn three_shards_merged_equal_one_run() {
    assert_shards_merge_to_one_run(&repo_root().join("corpus"));
}

#[test]
fn files_of_one_language_join_alike_in_shards_merged_and_in_one_run() {
    let corpus = tempfile::tempdir().expect("a temporary directory");
    language_corpus::write(corpus.path());
    let (whole, shards) = assert_shards_merge_to_one_run(corpus.path());
    let manifest: serde_json::Value =
        serde_json::from_slice(&whole["manifest.json"]).expect("manifest JSON");
    let id_of = |path: &str| {
        manifest["inputs"]
            .as_array()
            .expect("inputs")
            .iter()
            .find(|i| i["path"] == path)
            .and_then(|i| i["id"].as_str())
            .expect("listed")
            .to_owned()
    };
    // The files of a named pair land in one shard, which joins them itself.
    for &(en, fr) in language_corpus::NAMED_PAIRS {
        let joined = format!("documents/{}.json", id_of(en));
        assert_eq!(id_of(en), id_of(fr));
        let holding = shards.iter().filter(|s| s.contains_key(&joined)).count();
        assert_eq!(holding, 1, "{en} and {fr} joined in one shard");
    }
    assert_eq!(
        manifest["counts"]["bilingual"],
        language_corpus::NAMED_PAIRS.len() + 1
    );
}

fn refusal(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .args(args)
        .output()
        .expect("bitextract runs");
    assert_eq!(output.status.code(), Some(1), "{args:?} refused");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_incomplete_or_mixed_set_of_shards_is_refused() {
    let corpus = repo_root().join("corpus");
    let corpus = corpus.to_str().expect("a UTF-8 path");
    let work = tempfile::tempdir().expect("a temporary directory");
    let out = |name: &str| work.path().join(name).to_string_lossy().into_owned();
    for (name, part) in [("a", "0/3"), ("b", "2/3"), ("c", "1/2")] {
        bitextract(&[
            "extract",
            corpus,
            "-o",
            &out(name),
            "--shard",
            part,
            "--quiet",
        ]);
    }
    let merged = out("merged");
    let message = refusal(&["merge", "--quiet", &merged, &out("a"), &out("b")]);
    assert!(
        message.contains("incomplete set of shards: 1/3 missing"),
        "{message}"
    );
    let message = refusal(&["merge", "--quiet", &merged, &out("a"), &out("c")]);
    assert!(message.contains("different splits"), "{message}");
    assert!(!Path::new(&merged).exists(), "nothing written");
}

#[test]
fn overlapping_shards_are_refused() {
    let corpus = repo_root().join("corpus");
    let corpus = corpus.to_str().expect("a UTF-8 path");
    let work = tempfile::tempdir().expect("a temporary directory");
    let shard = work.path().join("shard0").to_string_lossy().into_owned();
    bitextract(&["extract", corpus, "-o", &shard, "--shard", "0/2", "--quiet"]);
    let merged = work.path().join("merged").to_string_lossy().into_owned();
    let message = refusal(&["merge", "--quiet", &merged, &shard, &shard]);
    assert!(message.contains("shard 0/2 is given twice"), "{message}");
}
