//! Aligned sentence pairs per second on a long corpus-derived text: the gold notices'
//! sections, English and French, concatenated and repeated to some 5,000 sentences a side.

#[path = "../tests/common/mod.rs"]
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::path::PathBuf;

use align::{Aligner, Layout};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const TARGET_SENTENCES: usize = 5_000;

fn long_bitext() -> (String, String) {
    let gold = common::load_gold(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold"));
    let sections: Vec<_> = gold.iter().flatten().collect();
    let en_once: String = sections.iter().map(|s| format!("{}\n", s.en)).collect();
    let fr_once: String = sections.iter().map(|s| format!("{}\n", s.fr)).collect();
    let sentences_once = align::segment_text(&en_once, Layout::Lines).len().max(1);
    let copies = TARGET_SENTENCES.div_ceil(sentences_once);
    (en_once.repeat(copies), fr_once.repeat(copies))
}

fn bench(c: &mut Criterion) {
    let (en, fr) = long_bitext();
    let aligner = Aligner::default();
    let alignment = aligner.align_texts(&en, &fr, Layout::Lines);
    let sentences = alignment.en.len() + alignment.fr.len();
    println!(
        "{} English and {} French sentences, {} links",
        alignment.en.len(),
        alignment.fr.len(),
        alignment.links.len()
    );
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    group.throughput(Throughput::Elements((sentences / 2) as u64));
    group.bench_function("long text, realign (sentences per side)", |b| {
        b.iter(|| aligner.align_texts(black_box(&en), black_box(&fr), Layout::Lines))
    });
    let single_pass = Aligner {
        realign: false,
        ..Aligner::default()
    };
    group.bench_function("long text, one pass (sentences per side)", |b| {
        b.iter(|| single_pass.align_texts(black_box(&en), black_box(&fr), Layout::Lines))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
