//! The segment metric of the project's scorer (`score.py`), in Rust, over the gold files.
//!
//! A predicted pair is correct when its English and its French words both fall into the
//! same gold paragraph pair (at least 60% of the segment's words); precision is the share
//! of correct pairs, recall the share of gold English tokens covered by correct pairs.

use std::collections::HashMap;
use std::path::Path;

use model::SegmentPair;
use unicode_normalization::UnicodeNormalization;

/// One gold section with its paragraph pairs.
pub struct GoldSection {
    pub en: String,
    pub fr: String,
    pub pairs: Vec<(String, String)>,
}

/// The gold documents: their sections that have paragraph pairs, per document.
pub fn load_gold(dir: &Path) -> Vec<Vec<GoldSection>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("gold directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let gold: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
            gold["sections"]
                .as_array()
                .map(|sections| {
                    sections
                        .iter()
                        .filter_map(|s| {
                            let pairs: Vec<(String, String)> = s["paragraph_pairs"]
                                .as_array()?
                                .iter()
                                .map(|p| {
                                    (
                                        p[0].as_str().unwrap_or("").to_owned(),
                                        p[1].as_str().unwrap_or("").to_owned(),
                                    )
                                })
                                .collect();
                            (!pairs.is_empty()).then(|| GoldSection {
                                en: s["en"]["text"].as_str().unwrap_or("").to_owned(),
                                fr: s["fr"]["text"].as_str().unwrap_or("").to_owned(),
                                pairs,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// Words as the scorer sees them: NFKC, casefolded, runs of word characters.
pub fn norm_text(text: &str) -> Vec<String> {
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

type Bag = HashMap<String, usize>;

fn bag(words: &[String]) -> Bag {
    let mut bag = Bag::new();
    for w in words {
        *bag.entry(w.clone()).or_default() += 1;
    }
    bag
}

fn common(a: &Bag, b: &Bag) -> usize {
    a.iter()
        .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
        .sum()
}

fn best_paragraph(words: &[String], paragraphs: &[Bag]) -> Option<usize> {
    if words.is_empty() {
        return None;
    }
    let segment = bag(words);
    let mut best = None;
    let mut best_key = (0.0, 0.0);
    for (k, paragraph) in paragraphs.iter().enumerate() {
        let shared = common(&segment, paragraph) as f64;
        let key = (
            shared / words.len() as f64,
            shared / paragraph.values().sum::<usize>().max(1) as f64,
        );
        if key > best_key {
            best = Some(k);
            best_key = key;
        }
    }
    if best_key.0 >= 0.6 { best } else { None }
}

/// Counts of the segment metric, plus (confidence, correct) per predicted pair.
#[derive(Default)]
pub struct Tally {
    pub predicted: usize,
    pub correct: usize,
    pub gold_tokens: usize,
    pub covered_tokens: usize,
    pub judged: Vec<(f64, bool)>,
}

impl Tally {
    /// Scores the predicted pairs of one section against its gold paragraph pairs.
    pub fn add(&mut self, gold_pairs: &[(String, String)], predicted: &[SegmentPair]) {
        let en_paragraphs: Vec<Bag> = gold_pairs.iter().map(|(e, _)| bag(&norm_text(e))).collect();
        let fr_paragraphs: Vec<Bag> = gold_pairs.iter().map(|(_, f)| bag(&norm_text(f))).collect();
        let mut covered: Vec<Bag> = vec![Bag::new(); gold_pairs.len()];
        for pair in predicted {
            let (en, fr) = (norm_text(&pair.en), norm_text(&pair.fr));
            if en.is_empty() || fr.is_empty() {
                continue;
            }
            self.predicted += 1;
            let k = best_paragraph(&en, &en_paragraphs);
            let correct = k.is_some() && k == best_paragraph(&fr, &fr_paragraphs);
            if let (true, Some(k)) = (correct, k) {
                self.correct += 1;
                for (word, n) in bag(&en) {
                    let in_gold = en_paragraphs[k].get(&word).copied().unwrap_or(0);
                    let slot = covered[k].entry(word).or_default();
                    *slot = (*slot).max(n.min(in_gold));
                }
            }
            self.judged.push((pair.confidence, correct));
        }
        self.gold_tokens += en_paragraphs
            .iter()
            .map(|p| p.values().sum::<usize>())
            .sum::<usize>();
        self.covered_tokens += covered
            .iter()
            .map(|c| c.values().sum::<usize>())
            .sum::<usize>();
    }

    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.covered_tokens as f64 / self.gold_tokens.max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Precision per confidence bucket: (lower bound, pairs, correct).
    pub fn buckets(&self, bounds: &[f64]) -> Vec<(f64, usize, usize)> {
        bounds
            .iter()
            .enumerate()
            .map(|(b, &low)| {
                let high = bounds.get(b + 1).copied().unwrap_or(f64::INFINITY);
                let inside: Vec<bool> = self
                    .judged
                    .iter()
                    .filter(|(c, _)| *c >= low && *c < high)
                    .map(|(_, ok)| *ok)
                    .collect();
                (low, inside.len(), inside.iter().filter(|ok| **ok).count())
            })
            .collect()
    }
}

/// Gold sections made harder: in each, one French paragraph is replaced by a paragraph of
/// another section of the same document (a wrong counterpart; documents share boilerplate,
/// so the donor never comes from another document) and another is removed (no counterpart).
/// The gold pairs lose those paragraphs, so any link to them counts as wrong.
pub fn perturbed(documents: &[Vec<GoldSection>]) -> Vec<GoldSection> {
    let mut hard = Vec::new();
    for sections in documents.iter().filter(|d| d.len() > 1) {
        for (n, section) in sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.pairs.len() >= 4)
        {
            let donor = &sections[(n + 1) % sections.len()];
            let replaced = section.pairs.len() / 3;
            let removed = 2 * section.pairs.len() / 3;
            let mut fr_lines = Vec::new();
            let mut pairs = Vec::new();
            for (k, (en, fr)) in section.pairs.iter().enumerate() {
                if k == replaced {
                    fr_lines.push(donor.pairs[k % donor.pairs.len()].1.clone());
                } else if k != removed {
                    fr_lines.push(fr.clone());
                    pairs.push((en.clone(), fr.clone()));
                }
            }
            hard.push(GoldSection {
                en: section.en.clone(),
                fr: fr_lines.join("\n"),
                pairs,
            });
        }
    }
    hard
}

/// Gold sections laid out differently, their alignment unchanged: in one copy two adjacent
/// French paragraphs are one, in another two adjacent English ones (translations often
/// split or merge a paragraph). Every link to the merged paragraph's sentences stays right.
pub fn restructured(documents: &[Vec<GoldSection>]) -> Vec<GoldSection> {
    let lines =
        |pairs: &[(String, String)], side: fn(&(String, String)) -> &String, merged: usize| {
            let mut out: Vec<String> = Vec::new();
            for (k, pair) in pairs.iter().enumerate() {
                match out.last_mut() {
                    Some(last) if k == merged + 1 => {
                        last.push(' ');
                        last.push_str(side(pair));
                    }
                    _ => out.push(side(pair).clone()),
                }
            }
            out.join("\n")
        };
    let mut copies = Vec::new();
    for section in documents.iter().flatten().filter(|s| s.pairs.len() >= 3) {
        copies.push(GoldSection {
            en: section.en.clone(),
            fr: lines(&section.pairs, |p| &p.1, section.pairs.len() / 2),
            pairs: section.pairs.clone(),
        });
        copies.push(GoldSection {
            en: lines(&section.pairs, |p| &p.0, section.pairs.len() / 3),
            fr: section.fr.clone(),
            pairs: section.pairs.clone(),
        });
    }
    copies
}
