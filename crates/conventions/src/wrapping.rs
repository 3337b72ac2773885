//! Hard-wrapped plain text: when a line goes on with the paragraph above it, and how the
//! lines of one paragraph join.
//!
//! Text from PDFs and from `pdftotext` dumps arrives hard-wrapped, sometimes with a blank
//! line after every wrapped line. A line continues the paragraph (or list item) before it
//! when that paragraph has not ended (no closing punctuation) and either the line starts in
//! lower case or the text is hard-wrapped and the line before it ran to the wrap width.
//!
//! ```
//! use conventions::wrapping::{WrappedParagraph, join_lines, wrap_width};
//!
//! let lines = ["The Representation facilitates dialogue between", "the Alliance and Ukraine."];
//! let paragraph = WrappedParagraph::starting_with(lines[0]);
//! assert!(paragraph.continues_with(lines[1], wrap_width(&lines)));
//! assert_eq!(
//!     join_lines(lines),
//!     "The Representation facilitates dialogue between the Alliance and Ukraine."
//! );
//! ```

/// A text is taken as hard-wrapped when its long lines are at most this wide…
const MAX_WRAP_WIDTH: usize = 160;
/// …and at least this share of its lines come within [`NEAR_WIDTH`] of the width.
const MIN_WRAPPED_SHARE: f64 = 0.3;
const NEAR_WIDTH: f64 = 0.75;
/// Fewer lines than this say nothing reliable about wrapping.
const MIN_LINES_FOR_WRAP: usize = 6;

/// The wrap width of a hard-wrapped text, or `None` when its lines run free: the width 90%
/// of its non-blank lines stay within, when that is at most [`MAX_WRAP_WIDTH`] characters and
/// enough lines come near it.
pub fn wrap_width<S: AsRef<str>>(lines: &[S]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.as_ref().trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.len() < MIN_LINES_FOR_WRAP {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    if width > MAX_WRAP_WIDTH {
        return None;
    }
    let near = lengths
        .iter()
        .filter(|&&n| n as f64 >= NEAR_WIDTH * width as f64)
        .count();
    (near as f64 >= MIN_WRAPPED_SHARE * lengths.len() as f64).then_some(width)
}

/// What decides whether a paragraph goes on: how its last line ends, and how long it ran.
#[derive(Debug, Clone, Copy)]
pub struct WrappedParagraph<'a> {
    last_line: &'a str,
    /// Characters of the last line, white space collapsed.
    last_line_chars: usize,
}

impl<'a> WrappedParagraph<'a> {
    /// A paragraph whose last line so far is `line`.
    pub fn starting_with(line: &'a str) -> Self {
        let words = line.split_whitespace();
        let (count, chars) =
            words.fold((0usize, 0usize), |(n, c), w| (n + 1, c + w.chars().count()));
        WrappedParagraph {
            last_line: line.trim(),
            last_line_chars: chars + count.saturating_sub(1),
        }
    }

    /// Whether `line`, the next non-blank line, goes on with the paragraph, in a text
    /// wrapped at `wrap_width` (see [`wrap_width`]). The caller rules out lines that open
    /// something else (a heading, a bullet).
    pub fn continues_with(&self, line: &str, wrap_width: Option<usize>) -> bool {
        let end = self
            .last_line
            .trim_end_matches(['"', '\'', ')', ']', '»', '”', '’', '*']);
        if end.ends_with([':', ';']) {
            return false;
        }
        let starts_lower = line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if end.ends_with(['.', '!', '?']) {
            // A sentence may end a wrapped line, but an abbreviation ("e.g.") may too.
            return starts_lower;
        }
        let ran_to_width = wrap_width
            .is_some_and(|width| self.last_line_chars as f64 >= NEAR_WIDTH * width as f64);
        starts_lower || ran_to_width
    }
}

/// The lines of one paragraph as one line: white space collapsed, blank lines skipped, a
/// line-end hyphen between letters joined to a lower-case continuation without a space (the
/// hyphen kept: in plain text a line-end hyphen is as often real, "decision-making").
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let mut words = line.split_whitespace().peekable();
        let Some(first) = words.peek() else {
            continue;
        };
        if !out.is_empty() {
            let hyphenated = out.ends_with('-')
                && out.chars().rev().nth(1).is_some_and(char::is_alphabetic)
                && first.chars().next().is_some_and(char::is_lowercase);
            if !hyphenated {
                out.push(' ');
            }
        }
        for (k, word) in words.enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_end_or_a_colon_closes_a_paragraph() {
        let closed = WrappedParagraph::starting_with("The incumbent must:");
        assert!(!closed.continues_with("possess a degree", Some(40)));
        let sentence = WrappedParagraph::starting_with("He left.");
        assert!(!sentence.continues_with("The next one", None));
        assert!(
            sentence.continues_with("and came back", None),
            "e.g. ends a line too"
        );
    }

    #[test]
    fn a_line_that_ran_to_the_width_goes_on() {
        let long = WrappedParagraph::starting_with("For the time being Kyiv will remain an");
        assert!(long.continues_with("Unaccompanied post", Some(40)));
        assert!(!long.continues_with("Unaccompanied post", Some(80)));
        assert!(!long.continues_with("Unaccompanied post", None));
    }

    #[test]
    fn wrapped_texts_have_a_width() {
        let wrapped = [
            "Important Note: this post is stationed in Kyiv, rated as an extreme risk by the Office",
            "of Security. Special security measures will apply for those assigned. For the time being",
            "Kyiv will remain an unaccompanied post and family members will not be relocated with",
            "the incumbent.",
            "Short title",
            "The next paragraph starts here and runs on for quite a while until the wrap width is",
            "reached and the text goes on.",
        ];
        assert_eq!(wrap_width(&wrapped), Some(88));
        assert_eq!(wrap_width(&wrapped[..3]), None, "too few lines to tell");
    }

    #[test]
    fn lines_join_with_collapsed_space_and_hyphens_kept() {
        assert_eq!(
            join_lines(["informed decision-", "", "making. "]),
            "informed decision-making."
        );
        assert_eq!(
            join_lines(["·       possess  a", "degree"]),
            "· possess a degree"
        );
        assert_eq!(join_lines(["Euro -", "zone"]), "Euro - zone");
    }
}
