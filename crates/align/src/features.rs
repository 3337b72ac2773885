//! What a segment offers as evidence of translation, without any model.
//!
//! Every piece of evidence is a token shared by the two languages' vocabularies, so that
//! comparing two segments is intersecting two sorted integer lists:
//! numbers (digit runs, month names, small number words), acronyms (with a table of EN/FR
//! pairs such as NATO/OTAN), link hosts and addresses, cognates (words of four letters or
//! more keyed by their first four letters, accents stripped, which also catches names) and,
//! once learned, the word pairs of a [`crate::Lexicon`].

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Which side of the bitext a text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The English side.
    En,
    /// The French side.
    Fr,
}

/// The evidence of one segment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Length in characters, for the length model.
    pub chars: usize,
    /// Shared evidence tokens, sorted, without repeats.
    pub tokens: Vec<u32>,
    /// The subset of `tokens` that are numbers, which a translation must keep.
    pub numbers: Vec<u32>,
    /// The segment's own words (language-specific ids), for learning a lexicon.
    pub words: Vec<u32>,
}

/// Interns evidence keys to small integers; one per alignment job, shared by both sides.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    key: String,
}

impl Vocabulary {
    /// The id of the key `kind` + `body`, allocating a new one for a key never seen.
    /// The kind keeps apart keys of different nature that share a spelling.
    pub fn id(&mut self, kind: &str, body: &str) -> u32 {
        self.key.clear();
        self.key.push_str(kind);
        self.key.push_str(body);
        if let Some(&id) = self.ids.get(&self.key) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(self.key.clone(), id);
        id
    }

    /// The id of a language-specific word, as stored in [`Features::words`].
    pub fn word_id(&mut self, side: Side, word: &str) -> u32 {
        let kind = match side {
            Side::En => "e:",
            Side::Fr => "f:",
        };
        self.id(kind, word)
    }
}

/// EN/FR acronym pairs that differ between the languages; the English form is the key.
const ACRONYM_PAIRS: &[(&str, &str)] = &[
    ("NATO", "OTAN"),
    ("UN", "ONU"),
    ("EU", "UE"),
    ("OECD", "OCDE"),
    ("WHO", "OMS"),
    ("IMF", "FMI"),
    ("HR", "RH"),
    ("IT", "TI"),
    ("IAEA", "AIEA"),
    ("WTO", "OMC"),
    ("UNDP", "PNUD"),
    ("ILO", "OIT"),
    ("ICC", "CPI"),
    ("ICJ", "CIJ"),
    ("AU", "UA"),
    ("EFTA", "AELE"),
    ("ECB", "BCE"),
    ("EIB", "BEI"),
    ("AI", "IA"),
    ("HQ", "QG"),
    ("CSDP", "PSDC"),
    ("CFSP", "PESC"),
    ("EEAS", "SEAE"),
    ("ESA", "ASE"),
    ("NGO", "ONG"),
    ("SME", "PME"),
    ("VAT", "TVA"),
    ("GDP", "PIB"),
];

const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
/// Number words from two to twelve ("one"/"un" double as articles and are left out).
const NUMBERS_EN: [&str; 11] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];
const NUMBERS_FR: [&str; 11] = [
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
];

/// Frequent grammatical words whose first four letters say nothing about the other language.
const STOPWORDS_EN: &[&str] = &[
    "that", "this", "with", "from", "have", "will", "which", "their", "there", "they", "these",
    "those", "been", "were", "also", "into", "other", "such", "more", "than", "within", "should",
    "would", "must", "about", "only", "each", "being", "when", "where", "what", "your", "well",
    "them", "some", "then", "very", "most", "both", "while", "shall", "could", "does",
];
const STOPWORDS_FR: &[&str] = &[
    "pour", "dans", "avec", "sont", "elle", "elles", "leur", "leurs", "cette", "tout", "tous",
    "toute", "toutes", "autre", "autres", "aussi", "sans", "sous", "vers", "chez", "dont", "etre",
    "avoir", "peut", "fait", "plus", "moins", "ainsi", "entre", "selon", "afin", "lors", "votre",
    "vous", "nous", "leurs", "comme", "mais", "donc", "ceux", "celle", "celui", "dont", "tres",
    "sera", "seront", "doit", "doivent", "avant", "apres", "depuis", "pendant",
];

/// Lowercase, accents stripped, typographic apostrophes folded.
pub fn normalize_word(word: &str) -> String {
    // Most words are ASCII, which has no accent to strip: a fast path.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// Computes the evidence of one segment.
pub fn features(text: &str, side: Side, vocabulary: &mut Vocabulary) -> Features {
    let mut tokens = Vec::new();
    let mut numbers = Vec::new();
    let mut words = Vec::new();
    let mut prose = String::with_capacity(text.len());
    for chunk in text.split_whitespace() {
        if let Some(link) = link_key(chunk) {
            tokens.push(vocabulary.id("u:", &link));
            if let Some(host) = link_host(&link) {
                tokens.push(vocabulary.id("h:", host));
            }
        } else {
            prose.push_str(chunk);
            prose.push(' ');
        }
    }
    for run in prose
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
    {
        let value = run.trim_start_matches('0');
        numbers.push(vocabulary.id("n:", if value.is_empty() { "0" } else { value }));
    }
    for word in prose.unicode_words().filter_map(without_elision) {
        if word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let normalized = normalize_word(word);
        if let Some((kind, value)) = number_word(&normalized, side) {
            numbers.push(vocabulary.id(kind, &value.to_string()));
            continue;
        }
        if let Some(acronym) = acronym(word, side) {
            tokens.push(vocabulary.id("a:", acronym));
        }
        let letters = normalized.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4 && !is_stopword(&normalized, side) {
            let stem: String = normalized
                .chars()
                .filter(|c| c.is_alphabetic())
                .take(4)
                .collect();
            tokens.push(vocabulary.id("c:", &stem));
        }
        if letters >= 3 && !is_stopword(&normalized, side) {
            words.push(vocabulary.word_id(side, &normalized));
        }
    }
    tokens.extend_from_slice(&numbers);
    for list in [&mut tokens, &mut numbers, &mut words] {
        list.sort_unstable();
        list.dedup();
    }
    Features {
        chars: text.chars().count(),
        tokens,
        numbers,
        words,
    }
}

/// The main part of a word joined by an apostrophe: "organisation" in "l'organisation",
/// "NATO" in "NATO's".
fn without_elision(word: &str) -> Option<&str> {
    word.split(['\'', '’']).max_by_key(|part| part.len())
}

fn is_stopword(normalized: &str, side: Side) -> bool {
    match side {
        Side::En => STOPWORDS_EN.contains(&normalized),
        Side::Fr => STOPWORDS_FR.contains(&normalized),
    }
}

/// The shared key (kind, value) of a month name or a small number word.
fn number_word(normalized: &str, side: Side) -> Option<(&'static str, usize)> {
    let (months, numbers) = match side {
        Side::En => (&MONTHS_EN, &NUMBERS_EN),
        Side::Fr => (&MONTHS_FR, &NUMBERS_FR),
    };
    if let Some(month) = months.iter().position(|m| *m == normalized) {
        // "may"/"mai" are too often verbs or words of their own to count as months.
        return (normalized != "may").then_some(("m:", month + 1));
    }
    numbers
        .iter()
        .position(|n| *n == normalized)
        .map(|n| ("n:", n + 2))
}

/// An acronym ("NATO", "OTAN", "DPPC") in its English form.
fn acronym(word: &str, side: Side) -> Option<&str> {
    let length = word.chars().count();
    let is_acronym = (2..=8).contains(&length)
        && word.chars().all(|c| c.is_uppercase())
        && word.chars().all(char::is_alphabetic);
    if !is_acronym {
        return None;
    }
    let english = match side {
        Side::En => word,
        Side::Fr => ACRONYM_PAIRS
            .iter()
            .find(|(_, fr)| *fr == word)
            .map_or(word, |(en, _)| en),
    };
    Some(english)
}

/// A web address or e-mail in a whitespace-separated chunk, lowercased, trailing punctuation cut.
fn link_key(chunk: &str) -> Option<String> {
    let trimmed = chunk
        .trim_start_matches(['(', '[', '<', '«', '"', '“'])
        .trim_end_matches(['.', ',', ';', ':', ')', ']', '>', '»', '"', '”', '!', '?']);
    let lower = trimmed.to_lowercase();
    let is_url =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    let is_email = lower.contains('@') && lower.rsplit('@').next().is_some_and(|d| d.contains('.'));
    (is_url || is_email).then_some(lower)
}

/// The host of a link, shared by its language versions (".../en/..." and ".../fr/...").
fn link_host(link: &str) -> Option<&str> {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .unwrap_or(link);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(en: &str, fr: &str) -> usize {
        let mut vocabulary = Vocabulary::default();
        let en = features(en, Side::En, &mut vocabulary);
        let fr = features(fr, Side::Fr, &mut vocabulary);
        en.tokens.iter().filter(|t| fr.tokens.contains(t)).count()
    }

    #[test]
    fn numbers_match_across_formats() {
        assert_eq!(
            shared(
                "EUR 5,000.50 on 15 March 2024",
                "5 000,50 EUR le 15 mars 2024"
            ),
            7
        );
        assert_eq!(shared("at least 4 years", "au moins quatre ans"), 1);
    }

    #[test]
    fn acronyms_and_cognates_match() {
        assert_eq!(shared("NATO", "OTAN"), 1);
        assert_eq!(shared("The organisation", "L'organisation"), 1);
        assert_eq!(shared("Élaboration", "elaboration"), 1);
    }

    #[test]
    fn links_match_by_host() {
        assert_eq!(
            shared(
                "see http://www.nato.int/cps/en/x.htm.",
                "voir (http://www.nato.int/cps/fr/x.htm)"
            ),
            1
        );
        assert_eq!(shared("mail jobs@occar.int", "écrire à jobs@occar.int."), 2);
    }

    #[test]
    fn words_normalize_to_lowercase_without_accents() {
        assert_eq!(normalize_word("NATO's"), "nato's");
        assert_eq!(normalize_word("Élaboration’s"), "elaboration's");
        assert_eq!(normalize_word("DÉFENSE"), "defense");
    }

    #[test]
    fn stopwords_and_unrelated_words_do_not_match() {
        assert_eq!(shared("with this other plan", "dans cette autre vision"), 0);
    }
}
