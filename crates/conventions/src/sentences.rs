//! Sentences of English and French prose.
//!
//! UAX #29 sentence boundaries (unicode-segmentation) are the base; a repair pass glues back
//! the pieces UAX #29 cuts after English and French abbreviations ("e.g.", "Dr.", "M.",
//! "p. ex.", "art. 3", "15 Mar. 2024"), after list numbers ("1.") and before closing
//! quotes that French spacing pushed after the terminator ("? »"), and never cuts inside a
//! token: a boundary with no space on either side is part of a web address, an e-mail,
//! a file name or a number ("youtube.com/watch?v=x", "report.v2.pdf", "3.5").
//!
//! ```
//! let prose = "Contact Dr. Smith, e.g. by e-mail. Il a dit « Vraiment ? » puis il est parti.";
//! assert_eq!(
//!     conventions::sentences::split(prose),
//!     ["Contact Dr. Smith, e.g. by e-mail.", "Il a dit « Vraiment ? » puis il est parti."]
//! );
//! ```

use unicode_segmentation::UnicodeSegmentation;

/// Splits one paragraph into sentences: UAX #29 boundaries, repaired; pieces without a
/// letter or digit are left out.
pub fn split(paragraph: &str) -> Vec<&str> {
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for piece in paragraph.split_sentence_bounds() {
        let span = (offset, offset + piece.len());
        offset += piece.len();
        match sentences.last_mut() {
            Some(last)
                if inside_token(&paragraph[last.0..last.1], piece)
                    || continues(&paragraph[last.0..last.1], piece) =>
            {
                last.1 = span.1
            }
            _ => sentences.push(span),
        }
    }
    sentences
        .into_iter()
        .map(|(start, end)| paragraph[start..end].trim())
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect()
}

/// Whether the boundary between `current` and `next` falls inside a token: no space on
/// either side, as in a web address, an e-mail, a file name or a number.
fn inside_token(current: &str, next: &str) -> bool {
    !current.ends_with(char::is_whitespace)
        && current.ends_with(|c: char| !matches!(c, '»' | '"' | '”' | ')'))
        && next.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '=' | '/' | '_' | '-'))
}

/// Abbreviations after which a sentence never ends.
const ALWAYS_CONTINUES: &[&str] = &[
    "e.g.", "i.e.", "E.g.", "I.e.", "cf.", "Cf.", "vs.", "viz.", "ex.", "Ex.", "env.", "approx.",
    "incl.", "Dr.", "Mr.", "Mrs.", "Ms.", "M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Me.", "Prof.",
    "Pr.", "St.", "Ste.", "Gen.", "Gén.", "Col.", "Lt.", "Capt.", "Maj.", "Adm.", "Sgt.", "Cdt.",
    "Sr.", "Jr.", "c.-à-d.", "c-à-d.", "resp.", "Hon.",
];

/// Abbreviations followed by a number ("art. 3", "No. 5", "15 Mar. 2024", "p. 12").
const CONTINUES_BEFORE_NUMBER: &[&str] = &[
    "art.", "Art.", "para.", "Para.", "paras.", "No.", "no.", "Nos.", "nos.", "n°.", "N°.", "vol.",
    "Vol.", "chap.", "Chap.", "ch.", "fig.", "Fig.", "p.", "pp.", "sect.", "Sect.", "al.", "ref.",
    "Ref.", "réf.", "Réf.", "tel.", "Tel.", "tél.", "Tél.", "ext.", "Jan.", "Feb.", "Mar.", "Apr.",
    "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "janv.", "févr.", "fév.",
    "avr.", "juil.", "sept.", "oct.", "nov.", "déc.",
];

/// Abbreviations that may end a sentence: continue only when no capital follows.
const CONTINUES_BEFORE_LOWERCASE: &[&str] = &["etc.", "al.", "Inc.", "Ltd.", "Co.", "Corp."];

/// Whether `next`, the piece after `current`, belongs to the same sentence.
fn continues(current: &str, next: &str) -> bool {
    let current = current.trim_end();
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    if matches!(first, '»' | '”' | ')' | ']' | '’') {
        return true;
    }
    let last_word = current
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(current);
    let last_word = last_word.trim_start_matches(['(', '[', '«', '"', '“']);
    if ALWAYS_CONTINUES.contains(&last_word) || ends_with_two_words(current, "p. ex.") {
        return true;
    }
    if CONTINUES_BEFORE_NUMBER.contains(&last_word) && first.is_ascii_digit() {
        return true;
    }
    if CONTINUES_BEFORE_LOWERCASE.contains(&last_word) && !first.is_uppercase() {
        return true;
    }
    is_initial(last_word) || is_list_label(current)
}

fn ends_with_two_words(text: &str, words: &str) -> bool {
    text.strip_suffix(words)
        .is_some_and(|before| before.is_empty() || before.ends_with(char::is_whitespace))
}

/// A single capital with a period, as in "J. Smith".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A piece that is only a list label: "1.", "2.3.", "a.", "iv.".
fn is_list_label(piece: &str) -> bool {
    let Some(label) = piece.strip_suffix('.') else {
        return false;
    };
    !label.is_empty()
        && (label.chars().all(|c| c.is_ascii_digit() || c == '.')
            || (label.chars().count() <= 4 && label.chars().all(|c| "ivxlcIVXLC".contains(c)))
            || (label.chars().count() == 1 && label.chars().all(char::is_alphabetic)))
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn numbers_and_dates_do_not_end_sentences() {
        let prose = "The salary is Euro 14.606 (as per 2025). The closing date is 08/06/2026. Done";
        assert_eq!(
            split(prose),
            [
                "The salary is Euro 14.606 (as per 2025).",
                "The closing date is 08/06/2026.",
                "Done"
            ]
        );
        assert_eq!(split("Ends here. "), ["Ends here."]);
        assert_eq!(split("Déjà vu. Été. à"), ["Déjà vu.", "Été. à"]);
    }
}
