//! What a monolingual document offers for joining ([`Profile`]), and how much an English
//! and a French profile say they are one document ([`compare`]).
//!
//! Content evidence is what survives translation: numbers (read whatever their decimal and
//! thousands conventions, "72.5" = "72,5", "85,854" = "85 854"), e-mail addresses, URLs,
//! codes and acronyms, proper names; the reference and other fields of the notice; the
//! shape of the document (how many sections, how long each). A profile keeps them hashed,
//! so that thousands of profiles stay small in memory.

use model::{Document, Kind, Lang, Metadata, Status};
use unicode_normalization::UnicodeNormalization;

use super::names::NameKey;
use crate::ids::fnv1a;

/// French text is at most this many times as long as its English, or at least the inverse,
/// for files paired by their content: French runs about 1.15× the English (the pairing of
/// sections expects as much) and this leaves room for abridged translations.
const MAX_LENGTH_RATIO: f64 = 2.2;
/// The same for files paired by their names, which need less help from the content: only
/// a gross mismatch (a cover page against a report) rules them out.
const MAX_NAMED_LENGTH_RATIO: f64 = 3.5;
/// Sections of a mirrored pair differ in length by at most this factor…
const MAX_SECTION_RATIO: f64 = 2.5;
/// …in at least this share of them.
const MIN_MIRRORED_SHARE: f64 = 0.75;
/// Numbers two files joined by content alone must share at least. Same-template notices of
/// different posts share few numbers beyond the template's, which the Dice threshold below
/// weighs against their own.
const MIN_SHARED_NUMBERS: usize = 3;
/// Dice coefficient of the numbers of two files joined by content alone, with mirrored
/// sections: a translation keeps nearly all of them, two notices of one template keep the
/// template's and differ in reference, dates and amounts. On the two-file documents of real
/// organisations renamed to say nothing (11 pairs: career-site notices of one template, a
/// statistics release), the pairs scored 0.95–1.0 and every other candidate 0.13 at most.
const MIN_CONTENT_NUMBER_DICE: f64 = 0.6;
/// Without mirrored sections, the numbers must agree almost entirely.
const MIN_UNMIRRORED_NUMBER_DICE: f64 = 0.8;
/// Share of the smaller side's anchors (numbers, links, codes, names) the other side holds,
/// for files joined by content alone: 0.37–0.85 for the pairs above (names and acronyms
/// translate sometimes), 0.08 at most for the other candidates.
const MIN_CONTENT_ANCHOR_SHARE: f64 = 0.25;
/// For files whose names share an identifier but not both a language marker: numbers that
/// agree this much, or mirrored sections, confirm the names.
const MIN_ID_NUMBER_DICE: f64 = 0.3;

/// What a usable monolingual document offers for joining.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The document's id.
    pub id: String,
    /// Its one source path.
    pub path: String,
    /// Its language.
    pub lang: Lang,
    pub(super) name: NameKey,
    pub(super) extension: String,
    pub(super) metadata: Metadata,
    chars: usize,
    /// Characters of each section with a heading, in order.
    section_lengths: Vec<usize>,
    /// Hashes of the numbers of at least two digits, sorted, no repeats.
    pub(super) numbers: Vec<u64>,
    /// Hashes of every anchor (numbers, links, codes, names), sorted, no repeats.
    pub(super) anchors: Vec<u64>,
}

impl Profile {
    /// The profile of a monolingual document that is not failed and came from one file;
    /// `None` for any other document, which is never joined.
    pub fn of(doc: &Document) -> Option<Profile> {
        if doc.kind != Some(Kind::Monolingual)
            || doc.status == Status::Failed
            || doc.sources.len() != 1
        {
            return None;
        }
        let lang = *doc.languages.first()?;
        let path = doc.sources[0].path.clone();
        let mut numbers = Vec::new();
        let mut anchors = Vec::new();
        let mut chars = 0;
        let mut section_lengths = Vec::new();
        for section in &doc.sections {
            let Some(side) = section.side(lang) else {
                continue;
            };
            let length = side.text.chars().count();
            chars += length;
            if side.heading.is_some() {
                section_lengths.push(length);
            }
            for text in side.heading.iter().chain([&side.text]) {
                read_anchors(text, &mut numbers, &mut anchors);
            }
        }
        for list in [&mut numbers, &mut anchors] {
            list.sort_unstable();
            list.dedup();
        }
        Some(Profile {
            id: doc.id.clone(),
            name: NameKey::of(&path),
            extension: path
                .rsplit_once('.')
                .map(|(_, ext)| ext.to_lowercase())
                .unwrap_or_default(),
            path,
            lang,
            metadata: doc.metadata.get(&lang).cloned().unwrap_or_default(),
            chars,
            section_lengths,
            numbers,
            anchors,
        })
    }
}

/// Hashes of the anchors of a text: numbers go to both lists, the rest to `anchors` only.
fn read_anchors(text: &str, numbers: &mut Vec<u64>, anchors: &mut Vec<u64>) {
    for number in read_numbers(text).filter(|n| n.len() >= 2) {
        let hash = fnv1a(format!("#{number}").as_bytes());
        numbers.push(hash);
        anchors.push(hash);
    }
    for token in sections::anchors(text) {
        if token.chars().all(|c| !c.is_alphabetic()) {
            continue; // a number, read above whatever its separators
        }
        anchors.push(fnv1a(format!("@{}", token.to_lowercase()).as_bytes()));
    }
    for name in proper_names(text) {
        anchors.push(fnv1a(format!("^{name}").as_bytes()));
    }
}

/// The numbers of a text as their digits alone: a point or comma between digits joins them
/// ("72.5", "72,5", "9,253.21"), and so does a space before a group of exactly three digits
/// ("85 854", the French thousands), so that each language's way of writing one number
/// gives one string.
fn read_numbers(text: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < chars.len() && !chars[at].is_ascii_digit() {
            at += 1;
        }
        if at == chars.len() {
            return None;
        }
        let mut digits = String::new();
        loop {
            while at < chars.len() && chars[at].is_ascii_digit() {
                digits.push(chars[at]);
                at += 1;
            }
            let digit_at = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
            let separator = chars.get(at).copied();
            let joins = match separator {
                Some('.' | ',') => digit_at(at + 1),
                Some(' ' | '\u{a0}' | '\u{202f}') => {
                    (1..=3).all(|k| digit_at(at + k)) && !digit_at(at + 4)
                }
                _ => false,
            };
            if !joins {
                return Some(digits);
            }
            at += 1;
        }
    })
}

/// Capitalised words of four letters or more that do not open a sentence or a line,
/// folded to lowercase ASCII: names of people, places and organisations, which translation
/// keeps.
fn proper_names(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut opens_sentence = true;
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '«' | '»'))
        .filter_map(move |raw| {
            if raw.is_empty() {
                return None;
            }
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let after_break = opens_sentence;
            opens_sentence = raw.ends_with(['.', '!', '?', ':']) || raw.starts_with(['-', '•']);
            let mut letters = word.chars();
            let capitalised = letters.next().is_some_and(char::is_uppercase)
                && letters.clone().any(char::is_lowercase)
                && word.chars().all(char::is_alphabetic);
            (!after_break && capitalised && word.chars().count() >= 4).then(|| {
                word.nfkd()
                    .filter(char::is_ascii)
                    .collect::<String>()
                    .to_lowercase()
            })
        })
}

/// How strongly two files' names tie them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum NameTie {
    /// Nothing in the names.
    None,
    /// The same identifier, without a language marker on both names.
    Identifier,
    /// Opposite language markers, and the same name or identifier once they are removed.
    Marked,
}

/// The tie between an English and a French profile's names.
pub(super) fn name_tie(en: &Profile, fr: &Profile) -> NameTie {
    let agrees = |profile: &Profile| profile.name.lang.is_none_or(|lang| lang == profile.lang);
    if !agrees(en) || !agrees(fr) {
        return NameTie::None;
    }
    let same_id = en.name.id.is_some() && en.name.id == fr.name.id;
    let both_marked = en.name.lang.is_some() && fr.name.lang.is_some();
    if both_marked && (same_id || en.name.stem == fr.name.stem) {
        NameTie::Marked
    } else if same_id {
        NameTie::Identifier
    } else {
        NameTie::None
    }
}

/// How much an English and a French profile say they are one document: `None` when they
/// must not be joined, else a score (higher is stronger; name ties outrank content alone).
pub(super) fn compare(en: &Profile, fr: &Profile, tie: NameTie) -> Option<f64> {
    let ratio = fr.chars.max(1) as f64 / en.chars.max(1) as f64;
    let within = |max: f64| (1.0 / max..=max).contains(&ratio);
    let reference = |m: &Metadata| m.reference.as_deref().map(normalised_reference);
    let same_reference = match (reference(&en.metadata), reference(&fr.metadata)) {
        (Some(a), Some(b)) if a == b => true,
        (Some(_), Some(_)) => return None,
        _ => false,
    };
    let (shared_numbers, number_dice) = dice(&en.numbers, &fr.numbers);
    let (shared_anchors, _) = dice(&en.anchors, &fr.anchors);
    let smaller = en.anchors.len().min(fr.anchors.len()).max(1);
    let anchor_share = shared_anchors as f64 / smaller as f64;
    let mirrored = mirrored(&en.section_lengths, &fr.section_lengths);
    let fields_agree = meta::cross_check(&en.metadata, &fr.metadata).is_empty();
    let content = 0.5 * number_dice + 0.5 * anchor_share + if mirrored { 0.25 } else { 0.0 };
    match tie {
        NameTie::Marked => {
            let same_format = if en.extension == fr.extension {
                0.5
            } else {
                0.0
            };
            within(MAX_NAMED_LENGTH_RATIO).then_some(3.0 + same_format + content)
        }
        NameTie::Identifier => (within(MAX_LENGTH_RATIO)
            && fields_agree
            && (mirrored || number_dice >= MIN_ID_NUMBER_DICE))
            .then_some(2.0 + content),
        NameTie::None => {
            let numbers_agree = shared_numbers >= MIN_SHARED_NUMBERS
                && anchor_share >= MIN_CONTENT_ANCHOR_SHARE
                && number_dice
                    >= if mirrored {
                        MIN_CONTENT_NUMBER_DICE
                    } else {
                        MIN_UNMIRRORED_NUMBER_DICE
                    };
            let reference_agrees =
                same_reference && (mirrored || number_dice >= MIN_CONTENT_NUMBER_DICE);
            (within(MAX_LENGTH_RATIO) && fields_agree && (numbers_agree || reference_agrees))
                .then_some(1.0 + content)
        }
    }
}

/// A reference as compared: letters and digits only, uppercase ("AG-2026-014" = "AG 2026 014").
fn normalised_reference(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Shared items of two sorted lists without repeats, and their Dice coefficient.
fn dice(a: &[u64], b: &[u64]) -> (usize, f64) {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let total = a.len() + b.len();
    let coefficient = if total == 0 {
        0.0
    } else {
        2.0 * shared as f64 / total as f64
    };
    (shared, coefficient)
}

/// True when two documents have as many headed sections (one more or less from three on),
/// of lengths that mostly match in order.
fn mirrored(en: &[usize], fr: &[usize]) -> bool {
    let fewer = en.len().min(fr.len());
    let count_matches =
        fewer > 0 && (en.len() == fr.len() || (fewer >= 3 && en.len().abs_diff(fr.len()) == 1));
    if !count_matches {
        return false;
    }
    let close = en
        .iter()
        .zip(fr)
        .filter(|&(&a, &b)| {
            let ratio = (b.max(1) as f64) / (a.max(1) as f64);
            (1.0 / MAX_SECTION_RATIO..=MAX_SECTION_RATIO).contains(&ratio)
        })
        .count();
    close as f64 >= MIN_MIRRORED_SHARE * fewer as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_alike_in_both_conventions() {
        let en: Vec<String> = read_numbers("72.5% of 85,854 on May 29, 2017 at 8:30").collect();
        let fr: Vec<String> = read_numbers("72,5 % de 85 854 le 29 mai 2017 à 8 h 30").collect();
        assert_eq!(en, ["725", "85854", "29", "2017", "8", "30"]);
        assert_eq!(fr, en);
    }

    #[test]
    fn proper_names_skip_sentence_openers() {
        let names: Vec<String> =
            proper_names("Our team in Montréal works with Statistics Canada. Apply now.").collect();
        assert_eq!(names, ["montreal", "statistics", "canada"]);
    }

    #[test]
    fn dice_counts_shared_items() {
        assert_eq!(dice(&[1, 2, 3, 4], &[2, 4, 5, 6]), (2, 0.5));
        assert_eq!(dice(&[], &[]), (0, 0.0));
    }

    #[test]
    fn mirrored_structure_needs_matching_counts_and_lengths() {
        assert!(mirrored(&[100, 200, 300], &[120, 230, 310]));
        assert!(mirrored(&[100, 200, 300, 50], &[120, 230, 310]));
        assert!(!mirrored(&[100, 200], &[120]));
        assert!(!mirrored(&[100, 200, 300], &[900, 20, 2000]));
        assert!(!mirrored(&[], &[]));
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_digits_and_every_digit_is_read(text in "[0-9a-z ,.\u{a0}%$-]{0,60}") {
            let numbers: Vec<String> = read_numbers(&text).collect();
            proptest::prop_assert!(numbers.iter().all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())));
            let digits = text.chars().filter(char::is_ascii_digit).count();
            proptest::prop_assert_eq!(numbers.iter().map(String::len).sum::<usize>(), digits);
        }
    }
}
