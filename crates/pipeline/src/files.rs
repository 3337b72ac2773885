//! Pairing separate English and French files of one notice.
//!
//! Organisations often publish a notice as two files, one per language. After every file has
//! been processed on its own, each monolingual document gets a [`Signature`]; [`pair_files`]
//! pairs an English signature with a French one only on firm evidence — the same reference
//! number, or file names that differ only by a language tag — backed by a plausible length
//! ratio and, for names, by mirrored structure or shared anchors. Unrelated notices are never
//! paired: two different reference numbers rule a pair out.

use std::collections::BTreeSet;

use model::{Document, Kind, Lang, Status};

/// Words that mark a file name's language ("notice_EN.pdf", "avis-fr.txt").
const LANGUAGE_TAGS: &[&str] = &[
    "en",
    "eng",
    "english",
    "anglais",
    "fr",
    "fra",
    "fre",
    "french",
    "francais",
    "français",
];
/// French text is this many times as long as its English at most, or at least the inverse.
const MAX_LENGTH_RATIO: f64 = 2.2;
/// Share of anchors two files named alike must have in common, when their structure differs.
const MIN_ANCHOR_DICE: f64 = 0.3;

/// What a monolingual document offers for pairing with a file of the other language.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The document's language.
    pub lang: Lang,
    /// The notice's reference number, if found.
    pub reference: Option<String>,
    /// The file name without extension and language tags, lowercase.
    pub stem: String,
    /// Numbers of the document's numbered sections, in order.
    pub section_numbers: Vec<u32>,
    /// Characters of section text.
    pub chars: usize,
    /// Numbers, acronyms and URLs of the text.
    pub anchors: BTreeSet<String>,
}

impl Signature {
    /// The signature of a usable monolingual document; `None` for any other document.
    pub fn of(doc: &Document) -> Option<Signature> {
        if doc.kind != Some(Kind::Monolingual)
            || doc.status == Status::Failed
            || doc.sources.len() != 1
        {
            return None;
        }
        let lang = *doc.languages.first()?;
        let sides: Vec<_> = doc.sections.iter().filter_map(|s| s.side(lang)).collect();
        Some(Signature {
            lang,
            reference: doc.metadata.get(&lang).and_then(|m| m.reference.clone()),
            stem: name_stem(&doc.sources[0].path),
            section_numbers: doc.sections.iter().filter_map(|s| s.number).collect(),
            chars: sides.iter().map(|s| s.text.chars().count()).sum(),
            anchors: sides
                .iter()
                .flat_map(|s| sections::anchors(&s.text))
                .collect(),
        })
    }
}

/// Pairs English with French signatures; returns `(english, french)` index pairs into
/// `signatures`, each signature in one pair at most, in index order.
pub fn pair_files(signatures: &[Signature]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, en) in signatures
        .iter()
        .enumerate()
        .filter(|(_, s)| s.lang == Lang::En)
    {
        for (j, fr) in signatures
            .iter()
            .enumerate()
            .filter(|(_, s)| s.lang == Lang::Fr)
        {
            if let Some(score) = match_score(en, fr) {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut taken = vec![false; signatures.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !taken[i] && !taken[j] {
            taken[i] = true;
            taken[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// How well two files match, or `None` when they must not be paired.
fn match_score(en: &Signature, fr: &Signature) -> Option<f64> {
    let ratio = (fr.chars.max(1) as f64) / (en.chars.max(1) as f64);
    if !(1.0 / MAX_LENGTH_RATIO..=MAX_LENGTH_RATIO).contains(&ratio) {
        return None;
    }
    let same_reference = match (&en.reference, &fr.reference) {
        (Some(a), Some(b)) if a == b => true,
        (Some(_), Some(_)) => return None,
        _ => false,
    };
    let same_name = !en.stem.is_empty() && en.stem == fr.stem;
    let mirrored = !en.section_numbers.is_empty() && en.section_numbers == fr.section_numbers;
    let shared = en.anchors.intersection(&fr.anchors).count();
    let total = en.anchors.len() + fr.anchors.len();
    let dice = if total == 0 {
        0.0
    } else {
        2.0 * shared as f64 / total as f64
    };
    let named_alike = same_name && (mirrored || dice >= MIN_ANCHOR_DICE);
    (same_reference || named_alike).then(|| {
        f64::from(u8::from(same_reference)) * 4.0
            + f64::from(u8::from(same_name)) * 2.0
            + f64::from(u8::from(mirrored))
            + dice
    })
}

/// A file name reduced to what two language versions share: no directory, extension or
/// language tag, lowercase.
fn name_stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_lowercase();
    stem.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && !LANGUAGE_TAGS.contains(t))
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(lang: Lang, reference: Option<&str>, path: &str, chars: usize) -> Signature {
        Signature {
            lang,
            reference: reference.map(str::to_owned),
            stem: name_stem(path),
            section_numbers: vec![1, 2, 3],
            chars,
            anchors: ["NATO", "DPP", "2026"]
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    #[test]
    fn stems_drop_language_tags() {
        assert_eq!(name_stem("a/Notice_251836_EN.pdf"), "notice-251836");
        assert_eq!(name_stem("b/notice-251836-fr.txt"), "notice-251836");
        assert_eq!(name_stem("avis.txt"), "avis");
    }

    #[test]
    fn same_reference_pairs() {
        let sigs = [
            signature(Lang::En, Some("251836"), "x/officer.txt", 1000),
            signature(Lang::Fr, Some("251836"), "y/administrateur.txt", 1150),
        ];
        assert_eq!(pair_files(&sigs), vec![(0, 1)]);
    }

    #[test]
    fn different_references_never_pair_even_with_alike_names() {
        let sigs = [
            signature(Lang::En, Some("251836"), "notice_en.txt", 1000),
            signature(Lang::Fr, Some("260066"), "notice_fr.txt", 1100),
        ];
        assert!(pair_files(&sigs).is_empty());
    }

    #[test]
    fn names_that_differ_by_a_language_tag_pair_when_the_structure_mirrors() {
        let sigs = [
            signature(Lang::En, None, "vacancy-12_EN.pdf", 1000),
            signature(Lang::Fr, None, "vacancy-12_FR.pdf", 1100),
            signature(Lang::Fr, None, "other.pdf", 1100),
        ];
        assert_eq!(pair_files(&sigs), vec![(0, 1)]);
    }

    #[test]
    fn unrelated_files_and_implausible_lengths_stay_alone() {
        let sigs = [
            signature(Lang::En, None, "a.txt", 1000),
            signature(Lang::Fr, None, "b.txt", 1100),
            signature(Lang::En, Some("1"), "c.txt", 100),
            signature(Lang::Fr, Some("1"), "d.txt", 5000),
        ];
        assert!(pair_files(&sigs).is_empty());
    }

    #[test]
    fn each_file_pairs_once_with_its_best_match() {
        let mut weak = signature(Lang::Fr, Some("7"), "x.txt", 1100);
        weak.anchors.clear();
        let sigs = [
            signature(Lang::En, Some("7"), "notice_en.txt", 1000),
            weak,
            signature(Lang::Fr, Some("7"), "notice_fr.txt", 1100),
        ];
        assert_eq!(pair_files(&sigs), vec![(0, 2)]);
    }
}
