//! Splitting text into the units the aligner links: sentences (split as
//! `conventions::sentences` says) and bullets.
//!
//! Editorial markers — a bracketed word or two standing for a note of the translator or
//! the editor, such as "[Translation]", "[Traduction]" or "[English]" — are not text of the
//! document: a segment that is only a marker is left out, and a marker opening a segment is
//! cut off.

use conventions::{bullets, sentences};

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
        for sentence in sentences::split(body) {
            let Some(text) = without_editorial_marker(sentence) else {
                continue;
            };
            segments.push(Segment {
                text: text.to_owned(),
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
        let Some(text) = without_editorial_marker(trimmed) else {
            continue;
        };
        paragraph_open = true;
        segments.push(Segment {
            text: text.to_owned(),
            paragraph,
            line: line_number,
        });
    }
    segments
}

/// Most words of an editorial marker: "[Translation]", "[Original: English]".
const MAX_MARKER_WORDS: usize = 3;

/// The segment without an editorial marker opening it; `None` when nothing but markers
/// (or no word) is left.
fn without_editorial_marker(segment: &str) -> Option<&str> {
    let mut rest = segment.trim();
    while let Some(after) = rest.strip_prefix('[') {
        let Some((inside, tail)) = after.split_once(']') else {
            break;
        };
        let words = inside.split_whitespace().count();
        // "[Click here](#)", "[link]s": a marker stands apart from what follows it.
        let stands_apart = tail.is_empty() || tail.starts_with(char::is_whitespace);
        let is_marker = stands_apart
            && (1..=MAX_MARKER_WORDS).contains(&words)
            && inside
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, ':' | '-' | '\''));
        if !is_marker {
            break;
        }
        rest = tail.trim_start();
    }
    has_word_content(rest).then_some(rest)
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
    fn tokens_with_periods_or_question_marks_stay_whole() {
        for sentence in [
            "Watch https://www.youtube.com/watch?v=abc123 for the briefing.",
            "Write to jobs.hr@example.int before noon.",
            "Open report.v2.pdf and read it.",
            "The rate is 3.5 per cent.",
        ] {
            assert_eq!(texts(sentence), vec![sentence], "split: {sentence}");
        }
        assert_eq!(
            texts("Le taux est de 3,5 %. Voir www.nato.int/fr?lang=fr."),
            vec!["Le taux est de 3,5 %.", "Voir www.nato.int/fr?lang=fr."]
        );
    }

    #[test]
    fn editorial_markers_are_left_out() {
        assert_eq!(
            texts("[Translation]\n[Traduction] Le comité se réunit. [English]\nLa suite."),
            vec!["Le comité se réunit.", "La suite."]
        );
        let presplit = segment_text(
            "[English]\n[Original: French] Text.\n[1] Note",
            Layout::Presplit,
        );
        let got: Vec<(&str, usize)> = presplit.iter().map(|s| (s.text.as_str(), s.line)).collect();
        assert_eq!(got, vec![("Text.", 1), ("[1] Note", 2)]);
        // A link's text is text.
        assert_eq!(
            texts("[Click here](#) for a video."),
            vec!["[Click here](#) for a video."]
        );
    }

    #[test]
    fn negative_number_is_not_a_bullet() {
        assert_eq!(texts("-5 degrees outside"), vec!["-5 degrees outside"]);
        assert_eq!(texts("- 5 items"), vec!["5 items"]);
    }
}
