//! Exact and near duplicates across the corpus.
//!
//! The same notice published as PDF and as text, and boilerplate repeated across notices,
//! give the same pair many times; a dataset made for training or a translation memory wants
//! it once. Two pairs are **exact duplicates** when both sides are equal after Unicode
//! compatibility normalisation (NFKC: no-break and thin spaces, ligatures and full-width
//! forms fold to their plain forms) and whitespace normalisation (runs of white space are one
//! space, ends trimmed); **near duplicates** when they are also equal once case, punctuation
//! and the digits of numbers are set aside ("Closing date: 4 January 2026." and "closing
//! date 12 January 2026"). A group of near duplicates is written once, as the occurrence with
//! the highest confidence (the first in id order among equals), with the number of
//! occurrences, of exact variants and the documents holding them.
//!
//! The index keeps a fixed-size record per group and a document number per further document
//! holding it, never text, so it grows with the number of distinct pairs, not their length.

use std::borrow::Cow;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Where a pair sits in the corpus: the document's position in id order, the section's
/// position in the document, the segment's position in its section (0 for a section pair).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Place {
    pub(crate) document: u32,
    pub(crate) section: u32,
    pub(crate) segment: u32,
}

/// A 128-bit fingerprint of a normalised pair: two 64-bit SipHashes with different
/// prefixes, so that two distinct pairs of a corpus of millions merge with a probability
/// of the order of 10⁻²⁶.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Fingerprint(u64, u64);

impl Fingerprint {
    fn of(parts: &[&str]) -> Self {
        let half = |seed: u8| {
            let mut hasher = DefaultHasher::new();
            seed.hash(&mut hasher);
            for part in parts {
                // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
                part.hash(&mut hasher);
            }
            hasher.finish()
        };
        Fingerprint(half(0), half(1))
    }
}

/// The text under Unicode compatibility and whitespace normalisation: what makes two
/// occurrences exact duplicates.
pub(crate) fn exact_form(text: &str) -> String {
    // Nearly every text is NFKC already: the quick check spares composing it again.
    let normalized: Cow<'_, str> = if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    };
    let mut out = String::with_capacity(text.len());
    for c in normalized.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The exact form without case, punctuation, symbols and the digits of numbers (each
/// number becomes `0`): what makes two occurrences near duplicates.
pub(crate) fn near_form(exact: &str) -> String {
    let mut out = String::with_capacity(exact.len());
    // The last character written; a space at first, so that no space opens the form.
    let mut last = ' ';
    for c in exact.chars() {
        if c.is_alphabetic() {
            if c.is_ascii() {
                last = c.to_ascii_lowercase();
                out.push(last);
            } else {
                for lower in c.to_lowercase() {
                    out.push(lower);
                    last = lower;
                }
            }
        } else if c.is_numeric() {
            if last != '0' {
                out.push('0');
                last = '0';
            }
        } else if c == ' ' && last != ' ' {
            out.push(' ');
            last = ' ';
        }
        // Punctuation and symbols are left out: "e-mail" and "email" are one word.
    }
    if last == ' ' {
        out.pop();
    }
    out
}

/// The keys of one pair: its near-duplicate group and its exact form within the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PairKey {
    near: Fingerprint,
    exact: Fingerprint,
}

impl PairKey {
    /// The key of a pair given as its parts (the two sides of a segment pair; the headings
    /// and texts of a section pair).
    pub(crate) fn of(parts: &[&str]) -> Self {
        let exact: Vec<String> = parts.iter().map(|p| exact_form(p)).collect();
        let exact: Vec<&str> = exact.iter().map(String::as_str).collect();
        PairKey::of_exact_forms(&exact)
    }

    /// The key of a pair whose parts are given in their [`exact_form`].
    pub(crate) fn of_exact_forms(exact: &[&str]) -> Self {
        let near: Vec<String> = exact.iter().map(|p| near_form(p)).collect();
        let near: Vec<&str> = near.iter().map(String::as_str).collect();
        PairKey {
            near: Fingerprint::of(&near),
            exact: Fingerprint::of(exact),
        }
    }
}

/// A group of near duplicates.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Occurrences in the corpus.
    pub(crate) count: u32,
    /// Distinct exact forms among them.
    pub(crate) variants: u32,
    /// The occurrence written for the group.
    pub(crate) representative: Place,
    representative_confidence: f64,
    /// The first document holding the group…
    first_document: u32,
    /// …and the others, in id order, each once.
    more_documents: Vec<u32>,
}

impl Group {
    fn new(place: Place, confidence: f64) -> Self {
        Group {
            count: 1,
            variants: 1,
            representative: place,
            representative_confidence: confidence,
            first_document: place.document,
            more_documents: Vec::new(),
        }
    }

    /// The documents holding the group, by position in id order, each once.
    pub(crate) fn documents(&self) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(self.first_document).chain(self.more_documents.iter().copied())
    }

    /// A group of one occurrence: what every pair is when duplicates are kept.
    pub(crate) fn single(place: Place) -> Self {
        Group::new(place, 0.0)
    }
}

/// The groups of a corpus's pairs, built in one pass over the documents in id order.
#[derive(Debug, Default)]
pub(crate) struct DuplicateIndex {
    groups: HashMap<Fingerprint, Group>,
    exact_forms: HashSet<PairKey>,
}

impl DuplicateIndex {
    /// Counts one occurrence. Occurrences must come in corpus order (documents in id order,
    /// then position), so that the first of equals is the representative.
    pub(crate) fn add(&mut self, key: PairKey, place: Place, confidence: f64) {
        let new_variant = self.exact_forms.insert(key);
        match self.groups.entry(key.near) {
            Entry::Vacant(slot) => {
                slot.insert(Group::new(place, confidence));
            }
            Entry::Occupied(mut slot) => {
                let group = slot.get_mut();
                group.count += 1;
                group.variants += u32::from(new_variant);
                if confidence > group.representative_confidence {
                    group.representative = place;
                    group.representative_confidence = confidence;
                }
                let last = group.more_documents.last().copied();
                if place.document != last.unwrap_or(group.first_document) {
                    group.more_documents.push(place.document);
                }
            }
        }
    }

    /// The group of a pair counted earlier.
    pub(crate) fn group(&self, key: PairKey) -> Option<&Group> {
        self.groups.get(&key.near)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(document: u32, segment: u32) -> Place {
        Place {
            document,
            section: 1,
            segment,
        }
    }

    #[test]
    fn exact_forms_fold_unicode_variants_and_white_space() {
        assert_eq!(
            exact_form("  Date\u{a0}limite\u{202f}:\n 4 janvier\t"),
            "Date limite : 4 janvier"
        );
        assert_eq!(exact_form("ﬁnance"), "finance");
        assert_eq!(exact_form("Café"), exact_form("Cafe\u{301}"));
    }

    #[test]
    fn near_forms_set_aside_case_punctuation_and_digits() {
        assert_eq!(
            near_form(&exact_form("Closing date: 4 January 2026.")),
            near_form(&exact_form("closing date 12 January 2025"))
        );
        assert_eq!(near_form("Salary: 9,253.21 EUR"), "salary 0 eur");
        assert_ne!(near_form("Closing date"), near_form("Opening date"));
    }

    #[test]
    fn near_forms_lower_every_script_and_fold_every_digit() {
        assert_eq!(
            near_form(" 12 ÉTÉ, İstanbul ٣٤ "),
            "0 été i\u{307}stanbul 0"
        );
        assert_eq!(near_form("--"), "");
        assert_eq!(near_form("A1b2"), "a0b0");
    }

    #[test]
    fn a_group_counts_its_occurrences_variants_and_documents() {
        let mut index = DuplicateIndex::default();
        let same = PairKey::of(&["Apply now.", "Postulez."]);
        let cased = PairKey::of(&["apply now", "postulez"]);
        let other = PairKey::of(&["Apply later.", "Postulez plus tard."]);
        assert_ne!(same, cased);
        index.add(same, place(0, 1), 0.7);
        index.add(same, place(0, 2), 0.7);
        index.add(cased, place(3, 1), 0.9);
        index.add(other, place(3, 2), 0.5);
        let group = index.group(same).expect("counted");
        assert_eq!((group.count, group.variants), (3, 2));
        assert_eq!(group.documents().collect::<Vec<_>>(), [0, 3]);
        assert_eq!(
            group.representative,
            place(3, 1),
            "the most confident occurrence"
        );
        assert_eq!(index.group(other).expect("counted").count, 1);
    }

    #[test]
    fn among_equally_confident_occurrences_the_first_represents_the_group() {
        let mut index = DuplicateIndex::default();
        let key = PairKey::of(&["Yes", "Oui"]);
        index.add(key, place(1, 4), 0.8);
        index.add(key, place(2, 1), 0.8);
        assert_eq!(
            index.group(key).expect("counted").representative,
            place(1, 4)
        );
    }
}
