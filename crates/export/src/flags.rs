//! Quality flags: what makes a segment pair unfit for training or a translation memory.
//!
//! Each flag is read from the pair itself and what the pipeline recorded on it (its
//! confidence, its sides' language fit), never from the document around it. A pair with a
//! flag stays in `segments.jsonl` with its flags and in its document, and is left out of the
//! files made for use (TMX, Moses, the translation layout, Parquet).

use std::fmt;

use model::SegmentPair;

/// Below this calibrated confidence a link is more likely wrong than right (the aligner's
/// confidence is the estimated probability that the link is right; see docs/alignment.md).
const LOW_CONFIDENCE: f64 = 0.5;
/// A side longer than this many times the other is no translation of it. Of the 3,202
/// hand-aligned sentence links of the development alignment gold with a side of 20
/// characters or more, 99.9% stay under 2.7 and one exceeds 3.
const MAX_LENGTH_RATIO: f64 = 3.0;
/// The ratio is judged only when the longer side has at least this many characters:
/// "CV" against "Curriculum vitae" says nothing.
const MIN_LENGTH_FOR_RATIO: usize = 20;
/// A side whose language fit is this far on the other language's side reads as that
/// language: about two function words of the other language and a detector's vote against
/// its own, more than a shared name or acronym gives (see `lang::line_evidence`).
const WRONG_LANGUAGE_FIT: f64 = -2.0;

/// Why a pair is set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Flag {
    /// A side holds only web addresses or e-mail addresses (and punctuation).
    UrlOnly,
    /// A side holds no word: numbers, symbols, punctuation.
    NumberOnly,
    /// Both sides say the same (a name, a code, an untranslated line).
    Identical,
    /// A side reads as the other language.
    WrongLanguage,
    /// One side is several times as long as the other.
    LengthRatio,
    /// The aligner doubts the link.
    LowConfidence,
}

impl Flag {
    /// Every flag, in the order they are listed.
    pub(crate) const ALL: [Flag; 6] = [
        Flag::UrlOnly,
        Flag::NumberOnly,
        Flag::Identical,
        Flag::WrongLanguage,
        Flag::LengthRatio,
        Flag::LowConfidence,
    ];

    /// The flag's name in the dataset files.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Flag::UrlOnly => "url-only",
            Flag::NumberOnly => "number-only",
            Flag::Identical => "identical",
            Flag::WrongLanguage => "wrong-language",
            Flag::LengthRatio => "length-ratio",
            Flag::LowConfidence => "low-confidence",
        }
    }

    /// What the flag means, for a person reading the review page.
    pub(crate) fn explanation(self) -> &'static str {
        match self {
            Flag::UrlOnly => "a side holds only web or e-mail addresses",
            Flag::NumberOnly => "a side holds no word, only numbers or symbols",
            Flag::Identical => "both sides are the same text",
            Flag::WrongLanguage => "a side reads as the other language",
            Flag::LengthRatio => "one side is over three times as long as the other",
            Flag::LowConfidence => "the aligner thinks the link more likely wrong than right",
        }
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The flags of one pair, in [`Flag::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags(u8);

impl Flags {
    /// The flags a pair earns, given its sides in their exact form
    /// ([`crate::duplicates::exact_form`]).
    pub(crate) fn of(pair: &SegmentPair, [exact_en, exact_fr]: [&str; 2]) -> Self {
        let mut flags = Flags::default();
        let (en, fr) = (Content::of(&pair.en), Content::of(&pair.fr));
        if en.is_url_only() || fr.is_url_only() {
            flags.insert(Flag::UrlOnly);
        } else if en.words == 0 || fr.words == 0 {
            flags.insert(Flag::NumberOnly);
        }
        if exact_en
            .chars()
            .flat_map(char::to_lowercase)
            .eq(exact_fr.chars().flat_map(char::to_lowercase))
        {
            flags.insert(Flag::Identical);
        }
        if pair
            .language_fit
            .is_some_and(|fit| fit.en <= WRONG_LANGUAGE_FIT || fit.fr <= WRONG_LANGUAGE_FIT)
        {
            flags.insert(Flag::WrongLanguage);
        }
        let (short, long) = {
            let (a, b) = (pair.en.chars().count(), pair.fr.chars().count());
            (a.min(b), a.max(b))
        };
        if long >= MIN_LENGTH_FOR_RATIO && long as f64 > MAX_LENGTH_RATIO * short as f64 {
            flags.insert(Flag::LengthRatio);
        }
        if pair.confidence < LOW_CONFIDENCE {
            flags.insert(Flag::LowConfidence);
        }
        flags
    }

    fn insert(&mut self, flag: Flag) {
        self.0 |= 1 << flag as u8;
    }

    /// Whether the pair has no flag, and so goes to the files made for use.
    pub(crate) fn passes(self) -> bool {
        self.0 == 0
    }

    /// The flags, in [`Flag::ALL`] order.
    pub(crate) fn iter(self) -> impl Iterator<Item = Flag> {
        Flag::ALL
            .into_iter()
            .filter(move |&flag| self.0 & (1 << flag as u8) != 0)
    }

    /// The flags' names.
    pub(crate) fn names(self) -> Vec<&'static str> {
        self.iter().map(Flag::name).collect()
    }
}

/// What a side is made of, by whitespace-separated tokens.
struct Content {
    /// Tokens with a letter that are not addresses.
    words: usize,
    /// Web and e-mail addresses.
    addresses: usize,
}

impl Content {
    fn of(text: &str) -> Self {
        let mut content = Content {
            words: 0,
            addresses: 0,
        };
        for token in text.split_whitespace() {
            if is_address(token) {
                content.addresses += 1;
            } else if token.chars().any(char::is_alphabetic) {
                content.words += 1;
            }
        }
        content
    }

    fn is_url_only(&self) -> bool {
        self.addresses > 0 && self.words == 0
    }
}

/// Whether a token is a web address, a piece of one, or an e-mail address: it has a scheme
/// (`https://`), starts with `www.`, holds an `@` before a dot, is a path (`/jobs/123`,
/// `topics_52044.htm`) or a host name (`nato.int`). Sentence punctuation around it is
/// ignored; an abbreviation ("e.g.", "U.S.") is not an address.
fn is_address(token: &str) -> bool {
    let token = token.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')' | '[' | ']' | '<' | '>' | '"' | '\'' | ',' | ';' | ':' | '.' | '«' | '»'
        )
    });
    let www = token
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case("www."));
    if www || token.contains("://") {
        return true;
    }
    if let Some((user, host)) = token.split_once('@') {
        return !user.is_empty() && host.contains('.');
    }
    let has_letters = token.chars().any(|c| c.is_ascii_alphabetic());
    if token.chars().any(char::is_whitespace) || !has_letters {
        return false;
    }
    if token.starts_with('/') && token.len() > 1 {
        return true;
    }
    // A host name or a file name: dot-separated parts, the last a short run of lower-case
    // letters ("nato.int", "canada.ca", "topics_52044.htm"), the others of two characters or
    // more.
    if !token.contains('.') {
        return false;
    }
    let Some((rest, last)) = token.rsplit_once(['.', '/']) else {
        return false;
    };
    (2..=5).contains(&last.len())
        && last.chars().all(|c| c.is_ascii_lowercase())
        && rest.split(['.', '/']).all(|p| {
            p.len() > 1
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '~' | '%'))
        })
}

#[cfg(test)]
mod tests {
    use model::LanguageFit;

    use super::*;
    use crate::duplicates::exact_form;

    fn flags(pair: &SegmentPair) -> Flags {
        Flags::of(pair, [&exact_form(&pair.en), &exact_form(&pair.fr)])
    }

    fn names(en: &str, fr: &str) -> Vec<&'static str> {
        flags(&SegmentPair::new(en, fr, 0.9)).names()
    }

    #[test]
    fn a_good_pair_has_no_flag() {
        let flags = flags(&SegmentPair::new(
            "Applications must reach us by 4 January 2026 (see www.nato.int).",
            "Les candidatures doivent nous parvenir le 4 janvier 2026 (voir www.nato.int).",
            0.97,
        ));
        assert!(flags.passes(), "{:?}", flags.names());
    }

    #[test]
    fn addresses_and_their_fragments_are_url_only() {
        assert_eq!(
            names(
                "https://www.nato.int/cps/en/natohq/",
                "https://www.nato.int/cps/fr/natohq/"
            ),
            ["url-only"]
        );
        assert_eq!(names("topics_52044.htm", "sujets_52044.htm"), ["url-only"]);
        assert_eq!(names("<jobs@nato.int>.", "emplois@otan.int"), ["url-only"]);
        assert_eq!(names("/fr/emplois/123", "Apply online."), ["url-only"]);
        assert!(names("e.g. the U.S. office", "p. ex. le bureau des É.-U.").is_empty());
    }

    #[test]
    fn sides_without_words_are_number_only() {
        assert_eq!(names("€ 9,253.21", "9 253,21 €"), ["number-only"]);
        assert_eq!(names("2.1", "2.1"), ["number-only", "identical"]);
    }

    #[test]
    fn identical_sides_are_flagged_whatever_their_case_and_spacing() {
        assert_eq!(
            names("NATO  Headquarters", "nato headquarters"),
            ["identical"]
        );
    }

    #[test]
    fn a_side_in_the_other_language_is_flagged() {
        let mut wrong = SegmentPair::new(
            "Le poste est basé à Bruxelles.",
            "Le poste est basé à Bruxelles !",
            0.9,
        );
        wrong.language_fit = Some(LanguageFit { en: -6.0, fr: 5.0 });
        assert_eq!(flags(&wrong).names(), ["wrong-language"]);
        wrong.language_fit = Some(LanguageFit { en: -1.0, fr: 5.0 });
        assert!(flags(&wrong).passes(), "a shared name is not enough");
    }

    #[test]
    fn extreme_length_ratios_and_doubtful_links_are_flagged() {
        assert_eq!(
            names(
                "Brussels.",
                "Le poste est basé à Bruxelles, au siège de l'OTAN."
            ),
            ["length-ratio"]
        );
        assert!(
            names("CV", "Curriculum vitae").is_empty(),
            "too short to judge"
        );
        assert_eq!(
            flags(&SegmentPair::new("Apply now.", "Postulez.", 0.3)).names(),
            ["low-confidence"]
        );
    }
}
