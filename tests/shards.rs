//! Sharded runs merged equal one run: `extract --shard I/3` three times, then `merge`,
//! gives the same files as `extract` over the whole corpus (the manifest's timings aside).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bitextract(args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .args(args)
        .output()
        .expect("bitextract runs");
    assert!(
        output.status.success(),
        "bitextract {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every file under `root` by relative path, `manifest.json` without its timings.
fn dataset_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
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

#[test]
fn three_shards_merged_equal_one_run() {
    let corpus = repo_root().join("corpus");
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
    let documents_in = |files: &BTreeMap<String, Vec<u8>>| {
        files.keys().filter(|k| k.starts_with("documents")).count()
    };
    for shard in &shards {
        let documents = documents_in(&dataset_files(Path::new(shard)));
        assert!(
            documents < documents_in(&whole),
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
}

#[test]
fn overlapping_shards_are_refused() {
    let corpus = repo_root().join("corpus");
    let corpus = corpus.to_str().expect("a UTF-8 path");
    let work = tempfile::tempdir().expect("a temporary directory");
    let shard = work.path().join("shard0").to_string_lossy().into_owned();
    bitextract(&["extract", corpus, "-o", &shard, "--shard", "0/2", "--quiet"]);
    let merged = work.path().join("merged").to_string_lossy().into_owned();
    let status = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .args(["merge", "--quiet", &merged, &shard, &shard])
        .status()
        .expect("bitextract runs");
    assert_eq!(status.code(), Some(1));
}
