//! What a document says about the languages it holds beyond its English and French: each
//! language's share of the words, and the text in other languages, kept aside.

use lang::LanguageSplit;
use model::{Diagnostic, Document, Lang, LanguageShare, OtherText, codes};

/// Shares are written with this many decimals, enough to tell a line from a paragraph.
const SHARE_DECIMALS: i32 = 3;

/// Fills the document's `language_shares` and `other_languages` from the language split of
/// its text, and warns where text in other languages was set aside.
pub fn record(doc: &mut Document, split: &LanguageSplit, text: &str) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut words: Vec<(String, usize)> = split
        .languages
        .iter()
        .map(|&lang| {
            let n = split
                .runs
                .iter()
                .filter(|r| r.lang == lang)
                .map(|r| r.words)
                .sum();
            (lang.code().to_owned(), n)
        })
        .collect();
    let mut others: Vec<(String, usize)> = Vec::new();
    for run in &split.others {
        match others.iter_mut().find(|(code, _)| *code == run.code) {
            Some((_, n)) => *n += run.words,
            None => others.push((run.code.clone(), run.words)),
        }
    }
    others.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.extend(others);
    let total: usize = words.iter().map(|(_, n)| n).sum();
    doc.language_shares = words
        .into_iter()
        .filter(|&(_, n)| total > 0 && n > 0)
        .map(|(lang, n)| LanguageShare {
            lang,
            share: rounded(n as f64 / total as f64),
        })
        .collect();
    doc.other_languages = split
        .others
        .iter()
        .map(|run| OtherText {
            lang: run.code.clone(),
            text: lines[run.start.min(lines.len())..run.end.min(lines.len())]
                .join("\n")
                .trim()
                .to_owned(),
        })
        .collect();
    if !split.others.is_empty() {
        let places: Vec<String> = split
            .others
            .iter()
            .map(|run| format!("{} at lines {}–{}", run.code, run.start + 1, run.end))
            .collect();
        doc.warnings.push(Diagnostic::new(
            codes::OTHER_LANGUAGE,
            format!(
                "text in other languages set aside, not paired or aligned: {}",
                places.join(", ")
            ),
        ));
    }
}

/// A share written with [`SHARE_DECIMALS`] decimals.
fn rounded(share: f64) -> f64 {
    let scale = 10f64.powi(SHARE_DECIMALS);
    (share * scale).round() / scale
}

/// The language shares and other-language text of a document joined from `parts` (an
/// English and a French document): each part's shares weighted by its words, English and
/// French first, then the other languages by share; the other-language text of each part,
/// in order.
pub fn record_joined(doc: &mut Document, parts: &[&Document]) {
    let words_of = |part: &Document| -> usize {
        let sides = part
            .sections
            .iter()
            .flat_map(|s| Lang::ALL.map(|l| s.side(l)));
        sides
            .flatten()
            .map(|side| side.text.split_whitespace().count())
            .chain(
                part.other_languages
                    .iter()
                    .map(|o| o.text.split_whitespace().count()),
            )
            .sum()
    };
    let weights: Vec<usize> = parts.iter().map(|p| words_of(p)).collect();
    let total: usize = weights.iter().sum();
    let mut shares: Vec<(String, f64)> = Vec::new();
    for (part, &weight) in parts.iter().zip(&weights) {
        for share in &part.language_shares {
            let weighted = share.share * weight as f64 / total.max(1) as f64;
            match shares.iter_mut().find(|(lang, _)| *lang == share.lang) {
                Some((_, sum)) => *sum += weighted,
                None => shares.push((share.lang.clone(), weighted)),
            }
        }
    }
    let rank = |lang: &str| Lang::ALL.iter().position(|l| l.code() == lang);
    shares.sort_by(|a, b| match (rank(&a.0), rank(&b.0)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)),
    });
    doc.language_shares = shares
        .into_iter()
        .map(|(lang, share)| LanguageShare {
            lang,
            share: rounded(share),
        })
        .collect();
    doc.other_languages = parts
        .iter()
        .flat_map(|p| p.other_languages.iter().cloned())
        .collect();
}
