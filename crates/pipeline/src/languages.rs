//! What a document says about the languages it holds beyond its English and French: each
//! language's share of the words, and the text in other languages, kept aside.

use lang::LanguageSplit;
use model::{Diagnostic, Document, LanguageShare, OtherText, codes};

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
    let scale = 10f64.powi(SHARE_DECIMALS);
    doc.language_shares = words
        .into_iter()
        .filter(|&(_, n)| total > 0 && n > 0)
        .map(|(lang, n)| LanguageShare {
            lang,
            share: (n as f64 / total as f64 * scale).round() / scale,
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
