//! Bytes per second of `lang::split` over the bundled corpus texts (`corpus/text`).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus_text() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/text");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the bundled corpus is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a corpus text is UTF-8"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench(c: &mut Criterion) {
    let text = corpus_text();
    let mut group = c.benchmark_group("lang");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("split, corpus texts (bytes)", |b| {
        b.iter(|| lang::split(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
