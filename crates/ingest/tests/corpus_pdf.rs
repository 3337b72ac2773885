//! The PDFs of the development corpus against the text files of the same notices.
//!
//! Each `corpus/pdf/NAME.pdf` is a rendering of `corpus/text/NAME.txt` (a `-paged` suffix
//! marks a rendering with running headers and page numbers). Their word sequences must
//! agree, the way the scorer compares text: case, quotes and punctuation aside.

use std::path::{Path, PathBuf};

use model::SourceFormat;
use unicode_normalization::UnicodeNormalization;

/// Lowest acceptable word-sequence similarity between a PDF and its text.
const MIN_SIMILARITY: f64 = 0.97;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .nfkc()
        .collect::<String>()
        .replace(['’', '‘'], "'")
        .to_lowercase();
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// 2 × (longest common subsequence) / (total length), as difflib's ratio on words.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut previous = vec![0u32; b.len() + 1];
    let mut current = vec![0u32; b.len() + 1];
    for word in a {
        for (j, other) in b.iter().enumerate() {
            current[j + 1] = if word == other {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    2.0 * f64::from(previous[b.len()]) / (a.len() + b.len()) as f64
}

#[test]
fn corpus_pdfs_read_like_their_text() {
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(corpus().join("pdf"))
        .expect("corpus/pdf")
        .map(|entry| entry.expect("entry").path())
        .collect();
    pdfs.sort();
    assert!(!pdfs.is_empty());
    let mut failures = Vec::new();
    for pdf in pdfs {
        let stem = pdf.file_stem().and_then(|s| s.to_str()).expect("name");
        let text_path = corpus()
            .join("text")
            .join(format!("{}.txt", stem.trim_end_matches("-paged")));
        let expected = std::fs::read_to_string(&text_path).expect("text twin");
        let bytes = std::fs::read(&pdf).expect("pdf");
        let extracted = ingest::ingest(SourceFormat::Pdf, &bytes).expect("reads");
        assert!(
            extracted.errors.is_empty(),
            "{stem}: {:?}",
            extracted.errors
        );
        let score = similarity(&words(&extracted.text), &words(&expected));
        println!("{stem}: {score:.4}");
        if score < MIN_SIMILARITY {
            failures.push(format!("{stem}: {score:.4}"));
        }
    }
    assert!(failures.is_empty(), "below {MIN_SIMILARITY}: {failures:?}");
}

#[test]
fn broken_corpus_files_fail_with_a_code() {
    for (name, code) in [
        ("empty.pdf", "empty"),
        ("not-a-pdf.pdf", "not-a-pdf"),
        ("truncated.pdf", "corrupt-pdf"),
    ] {
        let bytes = std::fs::read(corpus().join("broken").join(name)).expect("file");
        match ingest::ingest(SourceFormat::Pdf, &bytes) {
            Err(error) => assert_eq!(error.code(), code, "{name}"),
            Ok(extracted) => assert!(!extracted.errors.is_empty(), "{name} read as complete"),
        }
    }
}
