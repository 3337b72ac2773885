//! Strict link precision, recall and F1 of `Aligner::align_texts` on sentence-aligned gold,
//! and the reliability of its confidence (bucket → observed precision, expected
//! calibration error).
//!
//!     cargo run --release -p align --example link_gold_report GOLD_DIR [FEATURES_TSV]
//!
//! GOLD_DIR holds one folder per text with `en.txt` and `fr.txt` (one sentence per line)
//! and `gold.json`, a list of `[[en indices], [fr indices]]` (the layout the project's
//! alignment benchmark prepares). A link counts when it equals a gold link; links with an
//! empty side are left out on both sides. With FEATURES_TSV, every predicted link's
//! confidence features and whether it is right are written there, for fitting the
//! confidence calibration, followed by the links of the notice sections under `tests/gold`
//! and of their perturbed and restructured copies (right when the scorer's segment metric
//! says so), each row prefixed by its source. `scripts/fit_calibration.py` fits the
//! weights from that file.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

#[path = "../tests/common/mod.rs"]
#[allow(dead_code)]
mod common;

use align::{Aligner, Alignment, Layout, Link};

type LinkKey = (Vec<usize>, Vec<usize>);

fn gold_links(text: &str) -> HashSet<LinkKey> {
    let value: serde_json::Value = serde_json::from_str(text).expect("gold.json");
    let indices = |v: &serde_json::Value| -> Vec<usize> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_u64())
                    .map(|x| x as usize)
                    .collect()
            })
            .unwrap_or_default()
    };
    value
        .as_array()
        .expect("a list of links")
        .iter()
        .map(|link| (indices(&link[0]), indices(&link[1])))
        .filter(|(en, fr)| !en.is_empty() && !fr.is_empty())
        .collect()
}

/// Confidence buckets of the reliability table.
const BUCKETS: [f64; 10] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

fn write_features(out: &mut impl Write, source: &str, right: bool, link: &Link) {
    let row: Vec<String> = link
        .evidence
        .calibration_features()
        .iter()
        .map(|x| format!("{x:.5}"))
        .collect();
    writeln!(out, "{source}\t{}\t{}", u8::from(right), row.join("\t")).expect("write");
}

/// The links of the gold notice sections, of their perturbed copies (a wrong and a missing
/// paragraph each) and of their restructured copies (two paragraphs of one side merged),
/// judged by the scorer's segment metric, with the reliability tally they add to.
fn notice_links(out: Option<&mut impl Write>, reliability: &mut [(usize, usize, f64)]) {
    let gold = common::load_gold(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold"));
    let mut out = out;
    let perturbed = common::perturbed(&gold);
    let restructured = common::restructured(&gold);
    for section in gold.iter().flatten().chain(&perturbed).chain(&restructured) {
        let alignment: Alignment =
            Aligner::for_sections().align_texts(&section.en, &section.fr, Layout::Lines);
        for (link, pair) in alignment.links.iter().zip(alignment.segment_pairs()) {
            let mut tally = common::Tally::default();
            tally.add(&section.pairs, &[pair]);
            let Some(&(confidence, right)) = tally.judged.first() else {
                continue;
            };
            let bucket = BUCKETS
                .iter()
                .rposition(|&low| confidence >= low)
                .unwrap_or(0);
            reliability[bucket].0 += 1;
            reliability[bucket].1 += usize::from(right);
            reliability[bucket].2 += confidence;
            if let Some(out) = out.as_mut() {
                write_features(out, "notice", right, link);
            }
        }
    }
}

/// Prints the reliability table of `(links, right, confidence sum)` per bucket and the
/// expected calibration error.
fn print_reliability(title: &str, reliability: &[(usize, usize, f64)]) {
    let total: usize = reliability.iter().map(|r| r.0).sum();
    println!("{title}");
    println!("| confidence | links | mean confidence | observed precision |");
    println!("|---|---:|---:|---:|");
    let mut calibration_error = 0.0;
    for (k, &(links, right, confidence_sum)) in reliability.iter().enumerate() {
        if links == 0 {
            continue;
        }
        let high = BUCKETS.get(k + 1).copied().unwrap_or(1.0);
        let mean = confidence_sum / links as f64;
        let observed = right as f64 / links as f64;
        calibration_error += (mean - observed).abs() * links as f64 / total.max(1) as f64;
        println!(
            "| {:.1}–{high:.1} | {links} | {mean:.3} | {observed:.3} |",
            BUCKETS[k]
        );
    }
    println!("expected calibration error {calibration_error:.3} over {total} links");
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("GOLD_DIR"));
    let mut features_out = args
        .next()
        .map(|path| std::io::BufWriter::new(std::fs::File::create(path).expect("features file")));
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("gold directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.join("gold.json").exists())
        .collect();
    texts.sort();
    let aligner = Aligner::default();
    let (mut hits, mut predicted, mut gold_count) = (0, 0, 0);
    let mut reliability = vec![(0usize, 0usize, 0.0f64); BUCKETS.len()];
    for text in &texts {
        let read = |name: &str| std::fs::read_to_string(text.join(name)).expect("text file");
        let gold = gold_links(&read("gold.json"));
        let alignment = aligner.align_texts(&read("en.txt"), &read("fr.txt"), Layout::Presplit);
        let mut text_hits = 0;
        for link in &alignment.links {
            let lines = |segments: &[align::Segment], range: &std::ops::Range<usize>| {
                segments[range.clone()].iter().map(|s| s.line).collect()
            };
            let key: LinkKey = (
                lines(&alignment.en, &link.en),
                lines(&alignment.fr, &link.fr),
            );
            let right = gold.contains(&key);
            text_hits += usize::from(right);
            let bucket = BUCKETS
                .iter()
                .rposition(|&low| link.confidence >= low)
                .unwrap_or(0);
            reliability[bucket].0 += 1;
            reliability[bucket].1 += usize::from(right);
            reliability[bucket].2 += link.confidence;
            if let Some(out) = features_out.as_mut() {
                write_features(out, "book", right, link);
            }
        }
        let name = text.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name}: F1 {:.3} ({} gold links)",
            2.0 * text_hits as f64 / (gold.len() + alignment.links.len()).max(1) as f64,
            gold.len()
        );
        hits += text_hits;
        predicted += alignment.links.len();
        gold_count += gold.len();
    }
    let precision = hits as f64 / predicted.max(1) as f64;
    let recall = hits as f64 / gold_count.max(1) as f64;
    println!(
        "strict P {precision:.3} R {recall:.3} F1 {:.3} over {gold_count} gold links",
        2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE)
    );
    print_reliability("books (strict links):", &reliability);
    let mut notice_reliability = vec![(0usize, 0usize, 0.0f64); BUCKETS.len()];
    notice_links(features_out.as_mut(), &mut notice_reliability);
    print_reliability("notice sections (segment metric):", &notice_reliability);
}
