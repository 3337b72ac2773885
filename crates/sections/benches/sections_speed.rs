//! Bytes per second of section splitting and pairing over the bundled corpus texts
//! (`corpus/text`), each first cut into its English and French text by `lang`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use model::{Block, Lang};

type Side = (String, Vec<Block>);

/// The English and French text of every corpus text, with their blocks.
fn corpus_sides() -> Vec<(Side, Side)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/text");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the bundled corpus is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("a corpus text is UTF-8");
            let blocks = ingest::structure::text_blocks(&text);
            let split = lang::split(&text);
            (
                split.view(&text, &blocks, Lang::En),
                split.view(&text, &blocks, Lang::Fr),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let sides = corpus_sides();
    let bytes: usize = sides.iter().map(|(en, fr)| en.0.len() + fr.0.len()).sum();
    let mut group = c.benchmark_group("sections");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("split, corpus texts (bytes)", |b| {
        b.iter(|| {
            for (en, fr) in &sides {
                black_box(sections::split(black_box(&en.0), &en.1));
                black_box(sections::split(black_box(&fr.0), &fr.1));
            }
        })
    });
    let split: Vec<_> = sides
        .iter()
        .map(|(en, fr)| (sections::split(&en.0, &en.1), sections::split(&fr.0, &fr.1)))
        .collect();
    group.bench_function("pair, corpus texts (bytes)", |b| {
        b.iter(|| {
            for (en, fr) in &split {
                black_box(sections::pair(black_box(en), black_box(fr)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
