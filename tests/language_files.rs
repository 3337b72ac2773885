//! Notices published as one English and one French file: `extract` joins the two files of a
//! notice into one bilingual document, and leaves unrelated files alone.

#[path = "support/language_corpus.rs"]
mod language_corpus;

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

/// The English and French halves of a bundled bilingual notice, cut at the French title.
fn halves(name: &str, french_title: &str) -> (String, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus/text")
        .join(name);
    let text = fs::read_to_string(path).expect("corpus notice");
    let cut = text.find(french_title).expect("French title in the notice");
    (text[..cut].to_owned(), text[cut..].to_owned())
}

fn extract(corpus: &Path, out: &Path) -> Value {
    let status = Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .args(["extract", "--quiet"])
        .arg(corpus)
        .arg("-o")
        .arg(out)
        .status()
        .expect("bitextract runs");
    assert!(status.success());
    serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).expect("manifest"))
        .expect("JSON")
}

/// The id of the document an input went into.
fn id_of(manifest: &Value, path: &str) -> String {
    manifest["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .find(|i| i["path"] == path)
        .and_then(|i| i["id"].as_str())
        .unwrap_or_else(|| panic!("{path} not in the manifest"))
        .to_owned()
}

fn document(out: &Path, id: &str) -> Value {
    let text =
        fs::read_to_string(out.join("documents").join(format!("{id}.json"))).expect("document");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn the_two_files_of_a_notice_become_one_bilingual_document() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    let (en, fr) = halves(
        "001_ca6471f58fe47377.txt",
        "Administratrice/Administrateur, Politique",
    );
    fs::write(corpus.path().join("officer_EN.txt"), en).expect("write");
    fs::write(corpus.path().join("administrateur.txt"), fr).expect("write");
    let (other_en, _) = halves(
        "003_540736ffb9c9d54b.txt",
        "Administratrice/Administrateur (Groupe",
    );
    fs::write(corpus.path().join("niag_EN.txt"), other_en).expect("write");
    let (_, other_fr) = halves("002_fdb992f5b67e8e86.txt", " Gestionnaire de projet CAP");
    fs::write(corpus.path().join("cap_FR.txt"), other_fr).expect("write");

    let manifest = extract(corpus.path(), out.path().join("dataset").as_path());
    let out = out.path().join("dataset");
    let id_of = |path: &str| id_of(&manifest, path);
    assert_eq!(
        id_of("officer_EN.txt"),
        id_of("administrateur.txt"),
        "one document for both files"
    );
    let joined = document(&out, &id_of("officer_EN.txt"));
    assert_eq!(joined["kind"], "bilingual");
    let sources: Vec<&str> = joined["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["path"].as_str().expect("path"))
        .collect();
    assert_eq!(sources, ["officer_EN.txt", "administrateur.txt"]);
    let pairs = joined["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter(|s| s["en"].is_object() && s["fr"].is_object())
        .count();
    assert_eq!(pairs, 8);

    // Different notices (different reference numbers) stay monolingual documents of their own.
    assert_ne!(id_of("niag_EN.txt"), id_of("cap_FR.txt"));
    assert_eq!(document(&out, &id_of("niag_EN.txt"))["kind"], "monolingual");
    assert_eq!(
        document(&out, &id_of("cap_FR.txt"))["languages"],
        serde_json::json!(["fr"])
    );
    assert_eq!(manifest["counts"]["documents"], 3);
    assert_eq!(
        fs::read_dir(out.join("documents"))
            .expect("documents")
            .count(),
        3,
        "the merged file's own document is gone"
    );
}

#[test]
fn every_pair_joins_whatever_its_naming_and_nothing_else_does() {
    use language_corpus::{ALONE, NAMED_PAIRS, OTHER_POSTS, UNNAMED_PAIR};
    let corpus = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    language_corpus::write(corpus.path());
    let manifest = extract(corpus.path(), out.path());

    for &(en, fr) in NAMED_PAIRS.iter().chain([&UNNAMED_PAIR]) {
        let id = id_of(&manifest, en);
        assert_eq!(id, id_of(&manifest, fr), "{en} and {fr} joined");
        let doc = document(out.path(), &id);
        assert_eq!(doc["kind"], "bilingual", "{id}");
        let sources: Vec<(&str, &Value)> = doc["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| (s["path"].as_str().expect("path"), &s["languages"]))
            .collect();
        assert_eq!(sources, [(en, &json!(["en"])), (fr, &json!(["fr"]))]);
        let pairs = doc["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .filter(|s| s["en"].is_object() && s["fr"].is_object())
            .count();
        assert_eq!(pairs, 3, "{id}: the three numbered sections pair");
        assert_eq!(
            doc["metadata"]["en"]["reference"],
            doc["metadata"]["fr"]["reference"]
        );
    }
    assert_eq!(
        id_of(&manifest, "x_en.txt"),
        "x-en--fr",
        "the English id, then what differs of the French"
    );

    let (post_a, post_b) = OTHER_POSTS;
    assert_ne!(id_of(&manifest, post_a), id_of(&manifest, post_b));
    for path in [post_a, post_b, ALONE] {
        let doc = document(out.path(), &id_of(&manifest, path));
        assert_eq!(doc["kind"], "monolingual", "{path}");
    }
    let pairs = NAMED_PAIRS.len() + 1;
    assert_eq!(manifest["counts"]["bilingual"], pairs);
    assert_eq!(manifest["counts"]["documents"], pairs + 3);
    assert_eq!(
        fs::read_dir(out.path().join("documents"))
            .expect("documents")
            .count(),
        pairs + 3
    );
}
