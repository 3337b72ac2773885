//! The segment metric of the project's scorer on the hand-made gold sections, and the
//! calibration of confidence on copies of them with a wrong and a missing paragraph.

mod common;

use std::path::PathBuf;

use align::{Aligner, align_section};
use common::{Tally, load_gold, perturbed};

fn gold() -> Vec<Vec<common::GoldSection>> {
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

#[test]
fn confident_links_are_the_correct_ones() {
    let mut tally = Tally::default();
    for section in perturbed(&gold()) {
        tally.add(
            &section.pairs,
            &Aligner::default().align_sections(&[(&section.en, &section.fr)])[0],
        );
    }
    let buckets = tally.buckets(&[0.0, 0.5, 0.85]);
    let precision: Vec<f64> = buckets
        .iter()
        .map(|(_, n, ok)| *ok as f64 / (*n).max(1) as f64)
        .collect();
    assert!(buckets.iter().all(|(_, n, _)| *n > 0), "{buckets:?}");
    assert!(
        precision[0] < precision[1] && precision[1] <= precision[2],
        "{buckets:?}"
    );
    assert!(precision[2] >= 0.98, "{buckets:?}");
}
