//! Per-line language evidence.

use whatlang::{Detector, Lang as WLang};

/// Function words that are frequent in English and do not occur as words in French.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "with",
    "for",
    "is",
    "are",
    "be",
    "will",
    "this",
    "that",
    "from",
    "which",
    "who",
    "have",
    "has",
    "must",
    "should",
    "your",
    "our",
    "their",
    "within",
    "these",
    "those",
    "into",
    "would",
    "shall",
    "an",
    "by",
    "at",
    "it",
    "its",
    "or",
    "was",
    "were",
    "been",
    "any",
    "other",
    "such",
    "under",
    "through",
    "between",
    "during",
    "following",
    "including",
    "we",
    "you",
    "they",
    "can",
    "may",
    "not",
    "all",
    "as",
    "in",
    "please",
    "apply",
];

/// Function words that are frequent in French and do not occur as words in English.
const FRENCH_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "pour", "avec", "sur", "par",
    "aux", "au", "qui", "que", "ce", "cette", "ces", "sont", "être", "doit", "ou", "où", "leur",
    "leurs", "nous", "vous", "votre", "vos", "ses", "son", "sa", "été", "peut", "pas", "ainsi",
    "entre", "lors", "selon", "sous", "auprès", "afin", "dont", "de", "en", "l", "d", "qu", "n",
    "c", "j", "il", "elle", "ils", "elles", "se", "ne", "notre", "nos", "très",
];

/// Letters that mark French text (English words rarely carry them).
const FRENCH_LETTERS: &[char] = &[
    'é', 'è', 'ê', 'ë', 'à', 'â', 'ç', 'ù', 'û', 'î', 'ï', 'ô', 'œ', 'É', 'È', 'Ê', 'À', 'Ç', 'Ô',
    'Œ',
];

const WORD_WEIGHT: f64 = 1.0;
const LETTER_WEIGHT: f64 = 0.5;
const MAX_LETTER_EVIDENCE: f64 = 2.0;
const TYPOGRAPHY_WEIGHT: f64 = 1.5;
const WHATLANG_WEIGHT: f64 = 3.0;
/// Lines with fewer words than this get a proportionally smaller whatlang vote.
const WHATLANG_FULL_WORDS: f64 = 8.0;

/// Evidence that a line is French (positive) or English (negative); 0 when neutral.
///
/// The magnitude grows with the length of the line, so a long paragraph outweighs a short
/// label, and a line with nothing to go on (a URL, a number) scores exactly 0.
pub fn line_evidence(line: &str) -> f64 {
    read_line(line).score
}

/// [`line_evidence`] where the language detector is asked only when the words leave the
/// score within [`DETECTOR_REACH`] of neutral.
///
/// The detector's vote moves a score by at most [`WHATLANG_WEIGHT`], so a score the words
/// put beyond twice that keeps its sign and stays beyond `WHATLANG_WEIGHT` with or without
/// it: which language a segment reads as, and whether clearly, is told as surely, and the
/// detector, most of the cost, runs on the segments the words leave in doubt. Made for
/// measuring many short segments (every aligned pair of a batch).
pub fn segment_evidence(text: &str) -> f64 {
    reading(text, DETECTOR_REACH).score
}

/// Scores within this distance of neutral are worth the detector's vote in
/// [`segment_evidence`]: twice the most that vote can be.
const DETECTOR_REACH: f64 = 2.0 * WHATLANG_WEIGHT;

/// What one line says about its language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LineReading {
    /// Evidence that the line is French (positive) or English (negative); see
    /// [`line_evidence`].
    pub score: f64,
    /// Its English and French function words.
    pub function_words: FunctionWords,
    /// How sure whatlang, choosing between English and French only, is of its choice; 0 when
    /// it has none.
    pub english_french_confidence: f64,
}

pub(crate) fn read_line(line: &str) -> LineReading {
    reading(line, f64::INFINITY)
}

/// What a line says about its language, the detector asked only when the score of its words
/// and letters is within `detector_reach` of neutral.
fn reading(line: &str, detector_reach: f64) -> LineReading {
    let function_words = function_words(line);
    let FunctionWords {
        english: english_words,
        french: french_words,
        alphabetic,
    } = function_words;
    if alphabetic == 0 || looks_like_url(line) {
        return LineReading {
            score: 0.0,
            function_words,
            english_french_confidence: 0.0,
        };
    }
    let letters = line.chars().filter(|c| FRENCH_LETTERS.contains(c)).count() as f64;
    let mut score = WORD_WEIGHT * (french_words as f64 - english_words as f64)
        + (LETTER_WEIGHT * letters).min(MAX_LETTER_EVIDENCE)
        + TYPOGRAPHY_WEIGHT * french_typography(line) as f64;
    let mut english_french_confidence = 0.0;
    if score.abs() >= detector_reach {
        return LineReading {
            score,
            function_words,
            english_french_confidence,
        };
    }
    if let Some(info) = Detector::with_allowlist(vec![WLang::Eng, WLang::Fra])
        .detect(crate::other::sample(line, crate::other::MAX_LINE_SAMPLE))
    {
        let sign = if info.lang() == WLang::Fra { 1.0 } else { -1.0 };
        let length = (alphabetic as f64 / WHATLANG_FULL_WORDS).min(1.0);
        score += sign * WHATLANG_WEIGHT * info.confidence() * length;
        english_french_confidence = info.confidence();
    }
    LineReading {
        score,
        function_words,
        english_french_confidence,
    }
}

/// How many of a line's words are English and French function words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FunctionWords {
    /// English function words.
    pub english: usize,
    /// French function words.
    pub french: usize,
    /// Words made of letters only.
    pub alphabetic: usize,
}

pub(crate) fn function_words(line: &str) -> FunctionWords {
    let mut counts = FunctionWords {
        english: 0,
        french: 0,
        alphabetic: 0,
    };
    let mut lowered = String::new();
    for word in line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // Most words are lower case already: only the others are copied to be lowered.
        let word = if word.chars().any(char::is_uppercase) {
            lowered.clear();
            lowered.extend(word.chars().flat_map(char::to_lowercase));
            lowered.as_str()
        } else {
            word
        };
        counts.alphabetic += usize::from(word.chars().all(char::is_alphabetic));
        if word.len() <= LONGEST_FUNCTION_WORD {
            counts.english += usize::from(ENGLISH_WORDS.contains(&word));
            counts.french += usize::from(FRENCH_WORDS.contains(&word));
        }
    }
    counts
}

/// Bytes of the longest word of [`ENGLISH_WORDS`] and [`FRENCH_WORDS`]: a longer word is
/// none of them, and most words of a text are longer.
const LONGEST_FUNCTION_WORD: usize = {
    let (english, french) = (longest(ENGLISH_WORDS), longest(FRENCH_WORDS));
    if english > french { english } else { french }
};

/// Bytes of the longest of `words` (a `const fn`: iterators are not available there).
const fn longest(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut k = 0;
    while k < words.len() {
        if words[k].len() > longest {
            longest = words[k].len();
        }
        k += 1;
    }
    longest
}

fn looks_like_url(line: &str) -> bool {
    let t = line.trim();
    !t.contains(' ') && (t.contains("://") || t.starts_with("www.") || t.contains('@'))
}

/// Counts French typographic marks: a (no-break) space before `: ; ! ?`, and guillemets.
fn french_typography(line: &str) -> usize {
    let chars: Vec<char> = line.chars().collect();
    let spaced = chars
        .windows(2)
        .filter(|w| {
            matches!(w[0], ' ' | '\u{a0}' | '\u{202f}') && matches!(w[1], ':' | ';' | '!' | '?')
        })
        .count();
    let guillemets = chars.iter().filter(|&&c| c == '«' || c == '»').count();
    spaced + guillemets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_point_the_right_way() {
        assert!(line_evidence("The incumbent reports to the Head of the Section.") < -3.0);
        assert!(
            line_evidence("La personne titulaire du poste relève du chef de la Section.") > 3.0
        );
    }

    #[test]
    fn segment_evidence_tells_what_line_evidence_tells() {
        for text in [
            "The incumbent reports to the Head of the Section.",
            "La personne titulaire du poste relève du chef de la Section et de ses adjoints.",
            "Salary",
            "Horaire : Temps plein",
            "Défense",
            "NATO Headquarters, Brussels",
            "https://www.nato.int/en/work-with-us/careers",
        ] {
            let (full, quick) = (line_evidence(text), segment_evidence(text));
            assert_eq!(full.signum(), quick.signum(), "{text}");
            if quick.abs() < DETECTOR_REACH {
                assert_eq!(full, quick, "{text}: a doubtful score asks the detector");
            } else {
                assert!(full.abs() >= WHATLANG_WEIGHT, "{text}");
            }
        }
        assert!(
            segment_evidence("La personne titulaire du poste relève du chef de la Section.")
                >= DETECTOR_REACH,
            "a French sentence is told by its words"
        );
    }

    #[test]
    fn function_words_are_counted_whatever_their_case() {
        let counts = function_words("THE Head And the l'OTAN, 2026 Été");
        assert_eq!(
            (counts.english, counts.french, counts.alphabetic),
            (3, 2, 7)
        );
    }

    #[test]
    fn french_typography_counts() {
        assert!(line_evidence("Emplacement principal : Belgique-Bruxelles") > 0.0);
        assert!(line_evidence("Horaire : Temps plein") > 0.0);
    }

    #[test]
    fn neutral_lines_score_zero() {
        assert_eq!(
            line_evidence("https://www.nato.int/en/work-with-us/careers"),
            0.0
        );
        assert_eq!(line_evidence("10"), 0.0);
        assert_eq!(line_evidence(""), 0.0);
    }

    #[test]
    fn short_lines_weigh_less_than_sentences() {
        let label = line_evidence("Salary").abs();
        let sentence = line_evidence(
            "Please note that we can only accept applications from nationals of member countries.",
        )
        .abs();
        assert!(label < sentence);
    }
}
