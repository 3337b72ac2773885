//! The segment metric of the project's scorer on the hand-made gold sections, and the
//! calibration of confidence on copies of them with a wrong and a missing paragraph.

mod common;

use std::path::PathBuf;

use align::{Aligner, align_section};
use common::{GoldSection, Tally, load_gold, perturbed, restructured};

fn gold() -> Vec<Vec<GoldSection>> {
    load_gold(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold"))
}

#[test]
fn gold_sections_reach_the_targets() {
    let mut tally = Tally::default();
    for section in gold().iter().flatten() {
        tally.add(&section.pairs, &align_section(&section.en, &section.fr));
    }
    assert!(tally.predicted > 100, "too few pairs: {}", tally.predicted);
    assert!(
        tally.precision() >= 0.98,
        "precision {:.3}",
        tally.precision()
    );
    assert!(tally.f1() >= 0.97, "F1 {:.3}", tally.f1());
}

#[test]
fn sentence_pairs_are_all_correct_on_gold() {
    let mut tally = Tally::default();
    for sections in gold() {
        let inputs: Vec<(&str, &str)> = sections
            .iter()
            .map(|s| (s.en.as_str(), s.fr.as_str()))
            .collect();
        for (section, pairs) in sections
            .iter()
            .zip(Aligner::default().align_sections(&inputs))
        {
            tally.add(&section.pairs, &pairs);
        }
    }
    assert!(
        tally.precision() >= 0.99,
        "precision {:.3}",
        tally.precision()
    );
}

/// The links `aligner` makes in each section, judged by the segment metric.
fn judged(sections: &[GoldSection], aligner: &Aligner) -> Tally {
    let mut tally = Tally::default();
    for section in sections {
        tally.add(
            &section.pairs,
            &aligner.align_sections(&[(&section.en, &section.fr)])[0],
        );
    }
    tally
}

#[test]
fn a_paragraph_merged_in_one_language_keeps_its_links_confident() {
    let tally = judged(&restructured(&gold()), &Aligner::for_sections());
    let doubted: Vec<f64> = tally
        .judged
        .iter()
        .filter(|(confidence, right)| *right && *confidence < 0.5)
        .map(|(confidence, _)| *confidence)
        .collect();
    assert!(tally.judged.len() > 100, "{}", tally.judged.len());
    assert!(doubted.is_empty(), "right links doubted: {doubted:?}");
}

#[test]
fn confidence_is_calibrated_on_perturbed_gold() {
    let tally = judged(&perturbed(&gold()), &Aligner::default());
    let buckets = tally.buckets(&[0.0, 0.5, 0.85]);
    let precision: Vec<f64> = buckets
        .iter()
        .map(|(_, n, ok)| *ok as f64 / (*n).max(1) as f64)
        .collect();
    assert!(buckets[0].1 > 0 && buckets[2].1 > 0, "{buckets:?}");
    assert!(precision[0] < precision[2], "{buckets:?}");
    // Expected calibration error over ten buckets: confidence is a probability.
    let mut error = 0.0;
    for low in (0..10).map(|k| f64::from(k) / 10.0) {
        let inside: Vec<&(f64, bool)> = tally
            .judged
            .iter()
            .filter(|(c, _)| *c >= low && (*c < low + 0.1 || low >= 0.9))
            .collect();
        if inside.is_empty() {
            continue;
        }
        let n = inside.len() as f64;
        let mean: f64 = inside.iter().map(|(c, _)| c).sum::<f64>() / n;
        let observed = inside.iter().filter(|(_, ok)| *ok).count() as f64 / n;
        error += (mean - observed).abs() * n / tally.judged.len() as f64;
    }
    assert!(
        error <= 0.05,
        "expected calibration error {error:.3}: {buckets:?}"
    );
}
