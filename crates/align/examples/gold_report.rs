//! Prints the segment metric of the scorer on the gold sections, and precision per
//! confidence bucket on the gold sections and on perturbed copies of them.
//!
//!     cargo run --release -p align --example gold_report [GOLD_DIR]

#[path = "../tests/common/mod.rs"]
#[allow(dead_code)]
mod common;

use std::path::PathBuf;

use align::{Aligner, align_section};
use common::{Tally, load_gold, perturbed};

const BUCKETS: [f64; 6] = [0.0, 0.3, 0.5, 0.7, 0.85, 0.95];

fn report(title: &str, tally: &Tally) {
    println!(
        "{title}: {} pairs, precision {:.3}, recall {:.3}, F1 {:.3}",
        tally.predicted,
        tally.precision(),
        tally.recall(),
        tally.f1()
    );
    for (low, pairs, correct) in tally.buckets(&BUCKETS) {
        if pairs > 0 {
            println!(
                "    confidence >= {low:.2}: {pairs:4} pairs, precision {:.3}",
                correct as f64 / pairs as f64
            );
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold"),
        PathBuf::from,
    );
    let documents = load_gold(&dir);

    let mut by_section = Tally::default();
    let mut by_document = Tally::default();
    for sections in &documents {
        let inputs: Vec<(&str, &str)> = sections
            .iter()
            .map(|s| (s.en.as_str(), s.fr.as_str()))
            .collect();
        let aligned = Aligner::default().align_sections(&inputs);
        for (section, pairs) in sections.iter().zip(&aligned) {
            by_section.add(&section.pairs, &align_section(&section.en, &section.fr));
            by_document.add(&section.pairs, pairs);
        }
    }
    report("gold, align_section (short paragraphs whole)", &by_section);
    report(
        "gold, sentence pairs (Aligner::default, one lexicon per document)",
        &by_document,
    );

    let mut hard = Tally::default();
    for section in perturbed(&documents) {
        hard.add(
            &section.pairs,
            &Aligner::default().align_sections(&[(&section.en, &section.fr)])[0],
        );
    }
    report(
        "perturbed gold, sentence pairs (one wrong, one missing paragraph per section)",
        &hard,
    );
}
