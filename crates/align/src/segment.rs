//! Splitting text into the units the aligner links: sentences and bullets.
//!
//! UAX #29 sentence boundaries (unicode-segmentation) are the base; a repair pass glues back
//! the pieces UAX #29 cuts after English and French abbreviations ("e.g.", "Dr.", "M.",
//! "p. ex.", "art. 3", "15 Mar. 2024"), after list numbers ("1.") and before closing
//! quotes that French spacing pushed after the terminator ("? »").

use conventions::bullets;
use unicode_segmentation::UnicodeSegmentation;

/// One sentence or bullet of one language, the unit of alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The sentence text, trimmed, without a leading bullet symbol.
    pub text: String,
    /// 0-based index of the paragraph or bullet holding the segment; segments of one
    /// paragraph share it, and links never merge segments of different paragraphs.
    pub paragraph: usize,
    /// 0-based line of the input text the segment comes from.
    pub line: usize,
}

/// How an input text is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// Running text: every non-empty line is a paragraph or a bullet, split into sentences.
    /// Blank lines are ignored, so both "one paragraph per line" and "paragraphs separated
    /// by a blank line" read the same.
    #[default]
    Lines,
    /// Already segmented: every non-empty line is one segment, kept whole; an empty line
    /// closes a paragraph.
    Presplit,
}

/// Splits a text into segments according to its layout.
pub fn segment_text(text: &str, layout: Layout) -> Vec<Segment> {
    match layout {
        Layout::Lines => segment_lines(text),
        Layout::Presplit => segment_presplit(text),
    }
}

fn segment_lines(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut paragraph = 0;
    for (line_number, line) in text.lines().enumerate() {
        let body = strip_bullet(line.trim());
        if !has_word_content(body) {
            continue;
        }
        for sentence in split_sentences(body) {
            segments.push(Segment {
                text: sentence.to_owned(),
                paragraph,
                line: line_number,
            });
        }
        paragraph += 1;
    }
    segments
}

fn segment_presplit(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut paragraph = 0;
    let mut paragraph_open = false;
    for (line_number, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if paragraph_open {
                paragraph += 1;
                paragraph_open = false;
            }
            continue;
        }
        paragraph_open = true;
        segments.push(Segment {
            text: trimmed.to_owned(),
            paragraph,
            line: line_number,
        });
    }
    segments
}

fn strip_bullet(line: &str) -> &str {
    let rest = line.trim_start_matches(|c: char| bullets::is_mark(c) || c.is_whitespace());
    let marker = &line[..line.len() - rest.len()];
    // "-5 °C": a marker glued to a number is a sign, not a bullet.
    let is_sign = !marker.is_empty()
        && !marker.ends_with(char::is_whitespace)
        && rest.starts_with(|c: char| c.is_ascii_digit());
    if is_sign { line } else { rest }
}

fn has_word_content(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Splits one paragraph into sentences: UAX #29 boundaries, repaired.
pub fn split_sentences(paragraph: &str) -> Vec<&str> {
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for piece in paragraph.split_sentence_bounds() {
        let span = (offset, offset + piece.len());
        offset += piece.len();
        match sentences.last_mut() {
            Some(last) if continues(&paragraph[last.0..last.1], piece) => last.1 = span.1,
            _ => sentences.push(span),
        }
    }
    sentences
        .into_iter()
        .map(|(start, end)| paragraph[start..end].trim())
        .filter(|s| has_word_content(s))
        .collect()
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
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        segment_text(text, Layout::Lines)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        for sentence in [
            "Use tools, e.g. NATO templates, when drafting.",
            "Contact Dr. Smith for details.",
            "Adressez-vous à M. Dupont pour les détails.",
            "Voir p. ex. les règles de l'Organisation.",
            "As set out in art. 3 of the regulations.",
            "As set out in para. 3 of the regulations.",
            "Deadline: 15 Mar. 2024 at noon.",
            "Reference No. 12345 applies.",
            "Apply via the portal, i.e. Taleo, before the deadline.",
            "Grading, Allowances, etc. are listed.",
            "Il a dit « Vraiment ? » puis il est parti.",
        ] {
            assert_eq!(texts(sentence), vec![sentence], "split: {sentence}");
        }
    }

    #[test]
    fn sentences_and_paragraphs_split() {
        let segments = segment_text(
            "First sentence here. Second one there.\n\n- A bullet item\n• Another bullet. With two sentences.",
            Layout::Lines,
        );
        let got: Vec<(&str, usize, usize)> = segments
            .iter()
            .map(|s| (s.text.as_str(), s.paragraph, s.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("First sentence here.", 0, 0),
                ("Second one there.", 0, 0),
                ("A bullet item", 1, 2),
                ("Another bullet.", 2, 3),
                ("With two sentences.", 2, 3),
            ]
        );
    }

    #[test]
    fn list_number_stays_with_its_item() {
        assert_eq!(
            texts("1. Submit the form. 2. Wait."),
            vec!["1. Submit the form.", "2. Wait."]
        );
    }

    #[test]
    fn etc_ends_a_sentence_before_a_capital() {
        assert_eq!(
            texts("Bring pens, paper, etc. The room opens at nine."),
            vec!["Bring pens, paper, etc.", "The room opens at nine."]
        );
    }

    #[test]
    fn presplit_keeps_lines_and_counts_paragraphs() {
        let segments = segment_text("One. Two.\nThree\n\n\nFour", Layout::Presplit);
        let got: Vec<(&str, usize)> = segments
            .iter()
            .map(|s| (s.text.as_str(), s.paragraph))
            .collect();
        assert_eq!(got, vec![("One. Two.", 0), ("Three", 0), ("Four", 1)]);
    }

    #[test]
    fn negative_number_is_not_a_bullet() {
        assert_eq!(texts("-5 degrees outside"), vec!["-5 degrees outside"]);
        assert_eq!(texts("- 5 items"), vec!["5 items"]);
    }
}
