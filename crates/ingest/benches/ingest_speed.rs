//! Pages per second for PDF ingest and bytes per second for text ingest, on the bundled
//! corpus (`corpus/pdf`, `corpus/text` at the workspace root).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use model::SourceFormat;

fn corpus_files(subdir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(subdir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the bundled corpus is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (
                name,
                std::fs::read(&path).expect("a corpus file is readable"),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    for (name, bytes) in corpus_files("pdf") {
        let pages = ingest::ingest(SourceFormat::Pdf, &bytes)
            .ok()
            .and_then(|e| e.pages)
            .unwrap_or(1);
        group.throughput(Throughput::Elements(u64::from(pages)));
        group.bench_function(format!("pdf {name} (pages)"), |b| {
            b.iter(|| ingest::ingest(SourceFormat::Pdf, black_box(&bytes)))
        });
    }
    let texts = corpus_files("text");
    let total: usize = texts.iter().map(|(_, bytes)| bytes.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("text, whole corpus (bytes)", |b| {
        b.iter(|| {
            for (_, bytes) in &texts {
                black_box(ingest::ingest(SourceFormat::Text, black_box(bytes)).ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
