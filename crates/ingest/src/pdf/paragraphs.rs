//! From lines to running text: paragraphs, headings, bullets and broken words.
//!
//! Between two consecutive lines of a stream there is one of three things:
//! - a paragraph break (a blank line): a vertical gap clearly wider than the line pitch, a
//!   heading on either side, a move back up the page, a new page that does not continue the
//!   sentence;
//! - a line break: the next line is a list item, or the previous line stops well short of the
//!   right margin (the last line of a paragraph, a "Label: value" line);
//! - nothing: the lines are one paragraph wrapped, and are joined with a space, or without one
//!   when a word was hyphenated across them (see [`join`]).

use std::collections::HashMap;

use conventions::{bullets, captions, numbering};

use super::chars::{SOFT_HYPHEN, clean_line};
use super::layout::Line;

/// A vertical gap this much wider than the expected line pitch separates paragraphs.
const PARAGRAPH_GAP: f64 = 1.3;
/// Line pitch assumed, relative to the font size, when a stream has too few lines to tell.
const DEFAULT_LEADING: f64 = 1.2;
/// A line ending this far (as a share of the column width) before the right margin is short.
const SHORT_LINE: f64 = 0.2;
/// A line whose font is this much larger than the body font is a heading (when short).
const HEADING_SIZE: f64 = 1.15;
/// A line of prose has at least this many words, three quarters of them with letters.
const MIN_PROSE_WORDS: usize = 8;
/// Font sizes closer than this, in points, are one size.
const SAME_SIZE: f64 = 0.5;
/// Longest heading, in words.
const MAX_HEADING_WORDS: usize = 15;
/// Longest heading set apart by its font, in words: statistical releases and reports use
/// whole findings as headings ("More than 8 in 10 women … report using at least one aid").
const MAX_STYLED_HEADING_WORDS: usize = 30;
/// A run of text read in one go: lines with geometry, or plain text from the fallback reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Stream {
    /// Lines in reading order.
    Lines(Vec<Line>),
    /// Text without geometry, one line per line.
    Plain(String),
}

/// A line that stands out by its typography (bold when the body is not, or a larger font):
/// the line of the built text it starts, and its style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StyledHeading {
    /// Index of the line in the built text.
    pub line: usize,
    /// Font size.
    pub size: f64,
    /// Set in bold.
    pub bold: bool,
    /// Heads a box: text set smaller than the body (a note to readers, a sidebar), which
    /// stands beside the body's sections rather than inside the one before it.
    pub heads_box: bool,
}

/// Builds the running text of a document from its streams, with the lines that stand out
/// as headings by their typography.
pub fn build_text_with_headings(streams: &[Stream]) -> (String, Vec<StyledHeading>) {
    let cleaned: Vec<Stream> = streams.iter().map(clean_stream).collect();
    let vocabulary = Vocabulary::of(&cleaned);
    let mut text = String::new();
    let mut headings = Vec::new();
    let mut line_count = 0;
    for stream in &cleaned {
        let (part, part_headings) = match stream {
            Stream::Lines(lines) => stream_text(lines, &vocabulary),
            Stream::Plain(text) => (text.clone(), Vec::new()),
        };
        if part.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
            line_count += 1;
        }
        headings.extend(part_headings.into_iter().map(|h| StyledHeading {
            line: h.line + line_count,
            ..h
        }));
        line_count += part.split('\n').count();
        text.push_str(&part);
    }
    (text, headings)
}

fn clean_stream(stream: &Stream) -> Stream {
    match stream {
        Stream::Lines(lines) => Stream::Lines(
            lines
                .iter()
                .map(|line| Line {
                    text: clean_line(&line.text),
                    ..line.clone()
                })
                .filter(|line| !line.text.is_empty())
                .collect(),
        ),
        Stream::Plain(text) => {
            let lines: Vec<String> = text.lines().map(clean_line).collect();
            let joined = lines.join("\n");
            let mut out = String::new();
            for paragraph in joined
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(paragraph);
            }
            Stream::Plain(out.replace(SOFT_HYPHEN, ""))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    Join,
    Line,
    Paragraph,
}

/// Geometry shared by the lines of a stream.
struct Measures {
    body_size: f64,
    /// Whether most of the body text is bold, in which case bold sets nothing apart.
    body_bold: bool,
    pitch: f64,
    left: f64,
    right: f64,
}

impl Measures {
    fn of(lines: &[Line]) -> Measures {
        let body_size = weighted_mode(lines.iter().map(|l| (l.size, l.text.len()))).unwrap_or(10.0);
        let is_body = |l: &Line| (l.size - body_size).abs() < SAME_SIZE;
        let pitch = weighted_mode(
            lines
                .windows(2)
                .filter(|w| w[0].page == w[1].page && is_body(&w[0]) && is_body(&w[1]))
                .map(|w| (w[0].y - w[1].y, 1))
                .filter(|&(gap, _)| gap > 0.0),
        )
        .unwrap_or(body_size * DEFAULT_LEADING);
        let mut rights: Vec<f64> = lines.iter().filter(|l| is_body(l)).map(|l| l.x1).collect();
        rights.sort_by(f64::total_cmp);
        let right = rights
            .get((rights.len().saturating_sub(1) * 9).div_ceil(10))
            .copied()
            .unwrap_or_default();
        let left = lines
            .iter()
            .map(|l| l.x0)
            .reduce(f64::min)
            .unwrap_or_default();
        let (bold_chars, chars) =
            lines
                .iter()
                .filter(|l| is_body(l))
                .fold((0, 0), |(bold, all), l| {
                    (
                        bold + if l.bold { l.text.len() } else { 0 },
                        all + l.text.len(),
                    )
                });
        Measures {
            body_size,
            body_bold: bold_chars * 2 > chars,
            pitch,
            left,
            right,
        }
    }

    fn is_short(&self, line: &Line) -> bool {
        line.x1 < self.right - SHORT_LINE * (self.right - self.left)
    }

    fn is_heading(&self, line: &Line) -> bool {
        let words = line.text.split_whitespace().count();
        let max_words = if self.stands_out(line) {
            MAX_STYLED_HEADING_WORDS
        } else {
            MAX_HEADING_WORDS
        };
        words <= max_words
            && (self.is_short(line) || words <= 4 || self.stands_out(line))
            && self.looks_like_heading(line)
            && !ends_sentence_with_period(&line.text)
    }

    /// Heading typography, whatever the line's length: capitals, a section number, a larger
    /// font, bold among regular text.
    fn looks_like_heading(&self, line: &Line) -> bool {
        let text = line.text.as_str();
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 3 && !text.chars().any(char::is_lowercase);
        all_caps || is_numbered_heading(text) || self.stands_out(line)
    }

    /// Set apart from the body by its font: larger, or bold among regular text.
    fn stands_out(&self, line: &Line) -> bool {
        line.size >= self.body_size * HEADING_SIZE || (line.bold && !self.body_bold)
    }

    /// A short line over prose set smaller than the body, in a font larger than that prose:
    /// the title of a box (a note to readers, a sidebar), even in the body's own font. A
    /// caption over a table or a chart ("Table 1") titles no box.
    fn heads_box(&self, line: &Line, next: Option<&Line>) -> bool {
        let words = line.text.split_whitespace().count();
        next.is_some_and(|next| {
            next.page == line.page
                && next.size < self.body_size - SAME_SIZE
                && line.size >= next.size * HEADING_SIZE
                && is_prose(next)
        }) && words <= MAX_HEADING_WORDS
            && (self.is_short(line) || words <= 4)
            && !ends_sentence_with_period(&line.text)
            && !is_list_item(&line.text)
            && !captions::is_caption(&line.text)
    }

    /// A heading too long for one line, wrapped onto the next: same typography, full width.
    fn wraps_heading(&self, prev: &Line, next: &Line) -> bool {
        let heading_size = prev.size >= self.body_size * HEADING_SIZE;
        let same_style = if heading_size {
            (prev.size - next.size).abs() < SAME_SIZE
        } else {
            self.looks_like_heading(next) && !is_numbered_heading(&next.text)
        };
        prev.page == next.page
            && !self.is_short(prev)
            && self.looks_like_heading(prev)
            && same_style
            && !is_list_item(&next.text)
    }
}

/// "2. QUALIFICATIONS", "3) Duties": a section number followed by a capitalised title.
fn is_numbered_heading(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let mut rest = text[digits..].chars();
    (1..=2).contains(&digits)
        && matches!(rest.next(), Some('.' | ')'))
        && rest.next().is_some_and(char::is_whitespace)
        && rest
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_uppercase)
}

/// A line of running prose: words, not the cells of a table row or the labels of a chart.
fn is_prose(line: &Line) -> bool {
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let wordy = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words.len() >= MIN_PROSE_WORDS && wordy * 4 >= words.len() * 3
}

fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // A bullet alone on its line still opens an item: its text follows on the next one.
    (bullets::is_mark(first) && chars.next().is_none_or(char::is_whitespace))
        || numbering::opens_list_item(text)
}

fn ends_sentence_with_period(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '»', '”', ')'])
        .ends_with('.')
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '»', '”', ')'])
        .ends_with(['.', '!', '?', ':', ';'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

fn break_between(prev: &Line, next: &Line, measures: &Measures) -> Break {
    let same_page = prev.page == next.page;
    if same_page {
        let gap = prev.y - next.y;
        let expected = measures
            .pitch
            .max(DEFAULT_LEADING * prev.size.max(next.size) * 0.9);
        if gap <= 0.0 || gap > expected * PARAGRAPH_GAP {
            return Break::Paragraph;
        }
    }
    if measures.wraps_heading(prev, next) {
        return Break::Join;
    }
    if measures.is_heading(prev) || measures.is_heading(next) {
        return Break::Paragraph;
    }
    let continues = !ends_sentence(&prev.text) && starts_lowercase(&next.text);
    if !same_page && !continues && !is_list_item(&next.text) {
        return Break::Paragraph;
    }
    if is_list_item(&next.text) || measures.is_short(prev) && !continues {
        return Break::Line;
    }
    Break::Join
}

fn stream_text(lines: &[Line], vocabulary: &Vocabulary) -> (String, Vec<StyledHeading>) {
    let measures = Measures::of(lines);
    let mut text = String::new();
    let mut headings = Vec::new();
    let mut line_count = 0;
    let mut previous: Option<&Line> = None;
    for (i, line) in lines.iter().enumerate() {
        let starts_line = match previous.map(|prev| break_between(prev, line, &measures)) {
            None => {
                text.push_str(&line.text);
                true
            }
            Some(Break::Paragraph) => {
                text.push_str("\n\n");
                text.push_str(&line.text);
                line_count += 2;
                true
            }
            Some(Break::Line) => {
                text.push('\n');
                text.push_str(&line.text);
                line_count += 1;
                true
            }
            Some(Break::Join) => {
                join(&mut text, &line.text, vocabulary);
                false
            }
        };
        let heads_box = measures.heads_box(line, lines.get(i + 1));
        if starts_line && (heads_box || measures.is_heading(line) && measures.stands_out(line)) {
            headings.push(StyledHeading {
                line: line_count,
                size: line.size,
                bold: line.bold,
                heads_box,
            });
        }
        previous = Some(line);
    }
    (text.replace(SOFT_HYPHEN, ""), headings)
}

/// Appends the next line of a paragraph to the text.
///
/// A line ending in a hyphen right after a letter may be a word broken by the layout
/// ("experi-" + "ence") or a compound that happened to fall there ("well-" + "being",
/// "Belgique-" + "Bruxelles"). The hyphen is dropped only on evidence: a soft hyphen, or the
/// next part starting in lowercase and the joined word occurring elsewhere in the document
/// more often than the hyphenated one. Otherwise the hyphen is kept, since removing a real
/// one damages the word while keeping a layout one leaves it readable.
fn join(text: &mut String, next: &str, vocabulary: &Vocabulary) {
    if text.ends_with(SOFT_HYPHEN) {
        text.pop();
        text.push_str(next);
        return;
    }
    let hyphenated = text
        .strip_suffix(['-', '\u{2010}'])
        .filter(|stem| stem.chars().next_back().is_some_and(char::is_alphabetic));
    let Some(stem) = hyphenated else {
        text.push(' ');
        text.push_str(next);
        return;
    };
    let head: String = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let broken_word = starts_lowercase(&tail) && {
        let joined = format!("{head}{tail}").to_lowercase();
        let compound = format!("{head}-{tail}").to_lowercase();
        vocabulary.count(&joined) > vocabulary.count(&compound)
    };
    if broken_word {
        text.truncate(stem.len());
    }
    text.push_str(next);
}

/// How often each word occurs in the document, lowercase, inner hyphens kept.
struct Vocabulary(HashMap<String, usize>);

impl Vocabulary {
    fn of(streams: &[Stream]) -> Vocabulary {
        let mut counts = HashMap::new();
        for stream in streams {
            let texts: Vec<&str> = match stream {
                Stream::Lines(lines) => lines.iter().map(|l| l.text.as_str()).collect(),
                Stream::Plain(text) => vec![text.as_str()],
            };
            for word in texts.iter().flat_map(|t| t.split_whitespace()) {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                if !word.is_empty() {
                    *counts.entry(word.to_lowercase()).or_insert(0) += 1;
                }
            }
        }
        Vocabulary(counts)
    }

    fn count(&self, word: &str) -> usize {
        self.0.get(word).copied().unwrap_or(0)
    }
}

/// The most frequent value (rounded to half a point), each value counted with its weight.
fn weighted_mode(values: impl Iterator<Item = (f64, usize)>) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for (value, weight) in values {
        *counts.entry((value * 2.0).round() as i64).or_insert(0) += weight;
    }
    counts
        .into_iter()
        .max_by_key(|&(key, n)| (n, -key))
        .map(|(key, _)| key as f64 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line on page 1 at baseline `y`, 10-point text from x = 50 to `x1`.
    fn line(text: &str, y: f64, x1: f64) -> Line {
        Line {
            page: 1,
            x0: 50.0,
            x1,
            y,
            size: 10.0,
            bold: false,
            text: text.to_owned(),
        }
    }

    fn text_of(lines: Vec<Line>) -> String {
        build_text_with_headings(&[Stream::Lines(lines)]).0
    }

    #[test]
    fn wrapped_lines_join_and_gaps_split_paragraphs() {
        let text = text_of(vec![
            line("The incumbent drafts policy papers and", 700.0, 500.0),
            line("provides advice.", 688.0, 200.0),
            line("A second paragraph starts after a gap", 664.0, 500.0),
            line("and ends here.", 652.0, 180.0),
        ]);
        assert_eq!(
            text,
            "The incumbent drafts policy papers and provides advice.\n\n\
             A second paragraph starts after a gap and ends here."
        );
    }

    #[test]
    fn headings_and_bullets_get_their_own_lines() {
        let text = text_of(vec![
            line(
                "The last line of a justified paragraph goes on",
                700.0,
                500.0,
            ),
            line("2. QUALIFICATIONS AND EXPERIENCE", 688.0, 300.0),
            line("The incumbent must:", 676.0, 200.0),
            line(
                "• possess a university degree from an institute of",
                664.0,
                500.0,
            ),
            line("recognised standing;", 652.0, 200.0),
            line("• have strong drafting skills.", 640.0, 300.0),
        ]);
        assert_eq!(
            text,
            "The last line of a justified paragraph goes on\n\n\
             2. QUALIFICATIONS AND EXPERIENCE\n\n\
             The incumbent must:\n\
             • possess a university degree from an institute of recognised standing;\n\
             • have strong drafting skills."
        );
    }

    #[test]
    fn hyphenation_is_undone_only_on_evidence() {
        let text = text_of(vec![
            line(
                "Relevant experience in policy and relevant experi-",
                700.0,
                500.0,
            ),
            line("ence in well-being, well-", 688.0, 500.0),
            line("being of staff, politico-", 676.0, 500.0),
            line("military questions, Belgique-", 664.0, 500.0),
            line("Bruxelles and exam\u{AD}", 652.0, 500.0),
            line("ples.", 640.0, 100.0),
        ]);
        assert_eq!(
            text,
            "Relevant experience in policy and relevant experience in well-being, well-being of \
             staff, politico-military questions, Belgique-Bruxelles and examples."
        );
    }

    #[test]
    fn a_sentence_continues_across_pages_but_a_new_one_does_not() {
        let mut next_page = line("continues on the next page.", 800.0, 300.0);
        next_page.page = 2;
        let mut new_paragraph = line("New paragraph.", 780.0, 200.0);
        new_paragraph.page = 2;
        let text = text_of(vec![
            line("A sentence that", 60.0, 500.0),
            next_page,
            new_paragraph,
        ]);
        assert_eq!(
            text,
            "A sentence that continues on the next page.\nNew paragraph."
        );
    }

    #[test]
    fn list_items_are_recognised() {
        for yes in [
            "• item",
            "- item",
            "a) item",
            "(iv) item",
            "12. item",
            "–\u{20}x",
        ] {
            assert!(is_list_item(yes), "{yes}");
        }
        for no in ["-item", "2024. was", "U.S. forces", "e.g. this", "item"] {
            assert!(!is_list_item(no), "{no}");
        }
    }

    #[test]
    fn numbered_headings_are_recognised() {
        assert!(is_numbered_heading("2. QUALIFICATIONS AND EXPERIENCE"));
        assert!(is_numbered_heading("10) Duties"));
        assert!(!is_numbered_heading("2.5 million"));
        assert!(!is_numbered_heading("2. the incumbent"));
    }

    #[test]
    fn a_bold_line_among_regular_text_is_a_styled_heading_even_when_long() {
        let body = "The use of at least one aid or assistive device increased with the severity of the disability reported";
        let finding =
            "More than 8 in 10 women and men with disabilities report using at least one aid";
        let lines = vec![
            line(body, 700.0, 540.0),
            line(body, 688.0, 540.0),
            Line {
                bold: true,
                ..line(finding, 660.0, 540.0)
            },
            line(body, 632.0, 540.0),
            line(body, 620.0, 540.0),
        ];
        let (text, headings) = build_text_with_headings(&[Stream::Lines(lines)]);
        let text_lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(headings.len(), 1, "{text}");
        assert_eq!(text_lines[headings[0].line], finding);
        assert!(headings[0].bold);
    }

    #[test]
    fn a_body_font_line_over_smaller_text_heads_a_box() {
        let body = "The use of at least one aid or assistive device increased with the severity of the disability reported";
        let small = |text: &str, y: f64| Line {
            size: 8.0,
            ..line(text, y, 540.0)
        };
        // Most of the text is the body, in 10 points.
        let mut lines: Vec<Line> = (0..8)
            .map(|k| line(body, 800.0 - 12.0 * f64::from(k), 540.0))
            .collect();
        lines.extend([
            line("Note to readers", 640.0, 140.0),
            small(body, 620.0),
            small(body, 611.0),
            // The last line of a paragraph over smaller text ends a sentence: no heading.
            line("as the survey shows.", 580.0, 200.0),
            small(body, 560.0),
            // A caption titles a table, and a table's rows are no prose.
            line("Table 1", 520.0, 100.0),
            small(body, 500.0),
            line("Women and men, by age", 470.0, 200.0),
            small("15 to 24 12.5 13.1 14.0 15.2 16.8 17.0 18.2 19.9", 450.0),
        ]);
        let (text, headings) = build_text_with_headings(&[Stream::Lines(lines)]);
        let text_lines: Vec<&str> = text.split('\n').collect();
        let found: Vec<&str> = headings.iter().map(|h| text_lines[h.line]).collect();
        assert_eq!(found, ["Note to readers"]);
        assert!(headings[0].heads_box);
    }

    #[test]
    fn bold_sets_nothing_apart_in_a_bold_body() {
        let body = "All of this document is set in a bold face from the first line to the last one";
        let lines: Vec<Line> = (0..4)
            .map(|k| Line {
                bold: true,
                ..line(body, 700.0 - 12.0 * f64::from(k), 540.0)
            })
            .collect();
        assert!(
            build_text_with_headings(&[Stream::Lines(lines)])
                .1
                .is_empty()
        );
    }
}
