//! Paragraphs rebuilt from lines.
//!
//! Text from PDFs and from `pdftotext` dumps arrives hard-wrapped, sometimes with a blank
//! line after every wrapped line. A line continues the paragraph before it when that
//! paragraph has not ended (no closing punctuation) and either the line starts in lower
//! case or the text is hard-wrapped and the line before it ran to the wrap width. Bullets
//! always start a new item.

use conventions::{bullets, numbering};

/// A text is taken as hard-wrapped when its long lines are at most this wide…
const MAX_WRAP_WIDTH: usize = 160;
/// …and at least this share of its lines come within [`NEAR_WIDTH`] of the width.
const MIN_WRAPPED_SHARE: f64 = 0.3;
const NEAR_WIDTH: f64 = 0.75;
/// Fewer lines than this say nothing reliable about wrapping.
const MIN_LINES_FOR_WRAP: usize = 6;

/// Rebuilds the paragraphs of a run of lines: paragraphs separated by a blank line,
/// consecutive bullet items one per line, whitespace inside lines collapsed.
pub fn rebuild_paragraphs(lines: &[&str]) -> String {
    let wrap_width = wrap_width(lines);
    let mut blocks: Vec<Block> = Vec::new();
    for raw in lines {
        let line = collapse_whitespace(raw);
        if line.is_empty() {
            continue;
        }
        let bullet = is_bullet(&line);
        match blocks.last_mut() {
            Some(block) if !bullet && block.continues_with(&line, wrap_width) => {
                block.append(&line)
            }
            _ => blocks.push(Block::new(line, bullet)),
        }
    }
    let mut out = String::new();
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            out.push_str(if block.bullet && blocks[k - 1].bullet {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&block.text);
    }
    out
}

struct Block {
    text: String,
    bullet: bool,
    /// Length in characters of the last physical line appended.
    last_line_chars: usize,
}

impl Block {
    fn new(line: String, bullet: bool) -> Self {
        let last_line_chars = line.chars().count();
        Block {
            text: line,
            bullet,
            last_line_chars,
        }
    }

    fn continues_with(&self, line: &str, wrap_width: Option<usize>) -> bool {
        let end = self
            .text
            .trim_end_matches(['"', '\'', ')', ']', '»', '”', '’', '*']);
        if end.ends_with([':', ';']) {
            return false;
        }
        let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
        if end.ends_with(['.', '!', '?']) {
            // A sentence may end a wrapped line, but an abbreviation ("e.g.") may too.
            return starts_lower;
        }
        let ran_to_width = wrap_width
            .is_some_and(|width| self.last_line_chars as f64 >= NEAR_WIDTH * width as f64);
        starts_lower || ran_to_width
    }

    fn append(&mut self, line: &str) {
        let hyphenated = self.text.ends_with('-')
            && self
                .text
                .chars()
                .rev()
                .nth(1)
                .is_some_and(char::is_alphabetic)
            && line.chars().next().is_some_and(char::is_lowercase);
        // The hyphen is kept: in plain text a line-end hyphen is as often real ("decision-making").
        if !hyphenated {
            self.text.push(' ');
        }
        self.text.push_str(line);
        self.last_line_chars = line.chars().count();
    }
}

fn collapse_whitespace(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A bullet mark followed by a space, or a list number ("1.", "a)", "(iii)") followed by a space.
pub(crate) fn is_bullet(line: &str) -> bool {
    bullets::is_bullet(line) || numbering::opens_list_item(line)
}

/// The wrap width of a hard-wrapped text, or `None` when lines run free.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(text: &str) -> String {
        rebuild_paragraphs(&text.split('\n').collect::<Vec<_>>())
    }

    #[test]
    fn free_running_paragraphs_stay_apart() {
        assert_eq!(
            rebuild(
                "Policy Development\n\nProvide advice on policy.\nExpertise Development\nDevelop expertise."
            ),
            "Policy Development\n\nProvide advice on policy.\n\nExpertise Development\n\nDevelop expertise."
        );
    }

    #[test]
    fn lowercase_continuations_join_even_across_blank_lines() {
        assert_eq!(
            rebuild(
                "The Representation facilitates dialogue between \n\nthe Alliance and Ukraine.  "
            ),
            "The Representation facilitates dialogue between the Alliance and Ukraine."
        );
    }

    #[test]
    fn hard_wrapped_lines_join_at_the_wrap_width() {
        let text = "Important Note: this post is stationed in Kyiv, rated as an extreme risk by the Office\n\
                    of Security. Special security measures will apply for those assigned. For the time being\n\
                    Kyiv will remain an unaccompanied post and family members will not be relocated with\n\
                    the incumbent.\n\
                    Short title\n\
                    The next paragraph starts here and runs on for quite a while until the wrap width is\n\
                    reached and the text goes on.";
        let out = rebuild(text);
        assert_eq!(out.split("\n\n").count(), 3, "{out}");
        assert!(out.contains("time being Kyiv will remain"));
        assert!(out.contains("\n\nShort title\n\n"));
    }

    #[test]
    fn bullets_are_one_per_line_and_wrapped_bullets_join() {
        let out = rebuild(
            "The incumbent must:\n·       possess a degree in economics, political\n\nscience or finance;\n· travel.\nAfter the list.",
        );
        assert_eq!(
            out,
            "The incumbent must:\n\n· possess a degree in economics, political science or finance;\n· travel.\n\nAfter the list."
        );
    }

    #[test]
    fn line_end_hyphens_join_without_a_space() {
        assert_eq!(
            rebuild("informed decision-\nmaking."),
            "informed decision-making."
        );
    }

    #[test]
    fn list_markers() {
        assert!(is_bullet("- possess"));
        assert!(is_bullet("• For all"));
        assert!(is_bullet("(a) first"));
        assert!(is_bullet("iii) third"));
        assert!(is_bullet("12. item"));
        assert!(!is_bullet("-260066"));
        assert!(!is_bullet("10 au genre"));
        assert!(!is_bullet("In 2024, the"));
    }
}
