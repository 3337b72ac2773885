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
//! confidence calibration.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use align::{Aligner, Layout};

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
    let mut aligner = Aligner::default();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = env("SKIP") {
        aligner.model.skip_cost = v;
    }
    if let Some(v) = env("EW") {
        aligner.model.evidence_weight = v;
    }
    if let Some(v) = env("VAR") {
        aligner.model.length_variance = v;
    }
    let (mut hits, mut predicted, mut gold_count) = (0, 0, 0);
    let mut reliability = vec![(0usize, 0usize, 0.0f64); BUCKETS.len()];
    for text in &texts {
        let read = |name: &str| std::fs::read_to_string(text.join(name)).expect("text file");
        let gold = gold_links(&read("gold.json"));
        let alignment = aligner.align_texts(&read("en.txt"), &read("fr.txt"), Layout::Presplit);
        let mut text_hits = 0;
        for link in &alignment.links {
            let key: LinkKey = (
                alignment.en[link.en.clone()]
                    .iter()
                    .map(|s| s.line)
                    .collect(),
                alignment.fr[link.fr.clone()]
                    .iter()
                    .map(|s| s.line)
                    .collect(),
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
                writeln!(out, "{}", u8::from(right)).expect("write");
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
        calibration_error += (mean - observed).abs() * links as f64 / predicted.max(1) as f64;
        println!(
            "| {:.1}–{high:.1} | {links} | {mean:.3} | {observed:.3} |",
            BUCKETS[k]
        );
    }
    println!("expected calibration error {calibration_error:.3}");
}
