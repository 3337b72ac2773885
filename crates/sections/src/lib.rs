//! Sections: one language's text cut into its sections, and English sections paired with
//! French ones.
//!
//! Entry points:
//! - [`split`] cuts one language's text at its top-level headings, chosen among the heading
//!   blocks its reader found (numbered "1. SUMMARY", Markdown `##`, HTML `h2`, a bold line in
//!   a PDF, a short stand-alone line; see [`top_headings`]), and returns its [`RawSection`]s:
//!   a preamble (title and header fields) followed by one section per heading, each with
//!   clean running text.
//! - [`pair`] pairs the sections of the two languages by structure (numbers, order) and
//!   content (relative lengths, shared numbers, acronyms, URLs, names), with a confidence,
//!   numbered or not.
//!
//! ```
//! use model::{Block, BlockKind, Heading};
//!
//! let text = "Intro.\n\nDuties\n\nWrite.\n\nProfile\n\nRead.";
//! let heading = |line: usize, title: &str| Block {
//!     kind: BlockKind::Heading(Heading {
//!         level: 2, number: None, numbering: None, title: title.to_owned(), confidence: 1.0,
//!     }),
//!     line, lines: 1, page: None,
//! };
//! let sections = sections::split(text, &[heading(2, "Duties"), heading(6, "Profile")]);
//! assert_eq!(sections.len(), 3);
//! assert_eq!(sections[1].heading.as_deref(), Some("Duties"));
//! assert_eq!(sections[2].text, "Read.");
//! ```
//!
//! This crate knows nothing of languages as such: it never translates a heading and keeps
//! no table of known heading wordings, so notices of any organisation split and pair alike.
//! It does not align sentences (see the `align` crate).

mod headings;
mod pairing;

pub use headings::{TopHeading, top_headings};
pub use pairing::{Pairing, anchors, pair};

use conventions::wrapping;
use model::{Block, BlockKind, DOCUMENT_TITLE_LEVEL};

/// A preamble with a label–value line ("Location: Brussels") is a header of fields (title,
/// location, grade…), not text that a translation mirrors.
const HEADER_MIN_FIELDS: usize = 1;

/// A section of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSection {
    /// The heading's number, when it has one.
    pub number: Option<u32>,
    /// The heading without its number; `None` for the preamble.
    pub heading: Option<String>,
    /// Clean running text: each block of the reader one paragraph (a wrapped paragraph's
    /// lines joined), paragraphs apart by a blank line, list items one per line.
    pub text: String,
    /// How many label–value lines ("Location: Brussels") the section holds.
    pub fields: usize,
}

impl RawSection {
    /// True for the text before the first heading.
    pub fn is_preamble(&self) -> bool {
        self.heading.is_none()
    }

    /// True for a preamble made of header fields (title, location, grade…) rather than
    /// text that a translation mirrors.
    pub fn is_field_header(&self) -> bool {
        self.is_preamble() && self.fields >= HEADER_MIN_FIELDS
    }
}

/// Cuts one language's text into its preamble and its sections, at the top-level headings
/// among `blocks` (see [`top_headings`]), the blocks its reader laid over the text.
///
/// The preamble is returned only when it holds text. A text without headings is one preamble.
pub fn split(text: &str, blocks: &[Block]) -> Vec<RawSection> {
    let lines: Vec<&str> = text.split('\n').collect();
    let headings = top_headings(&lines, blocks);
    let mut sections = Vec::with_capacity(headings.len() + 1);
    let first_heading_line = headings.first().map_or(lines.len(), |h| h.block.line);
    let fields_in = |start: usize, end: usize| {
        blocks
            .iter()
            .filter(|b| b.line >= start && b.line < end)
            .filter(|b| matches!(b.kind, BlockKind::LabelValue { .. }))
            .count()
    };
    let first_heading_line = first_heading_line.min(lines.len());
    // A title given outside the body (front matter) names the document: no section's text.
    let outside_body: Vec<&Block> = blocks
        .iter()
        .filter(|b| matches!(&b.kind, BlockKind::Heading(h) if h.level == DOCUMENT_TITLE_LEVEL))
        .collect();
    let body_lines: Vec<&str> = lines[..first_heading_line]
        .iter()
        .enumerate()
        .map(|(k, line)| {
            if outside_body.iter().any(|b| (b.line..b.end()).contains(&k)) {
                ""
            } else {
                *line
            }
        })
        .collect();
    let preamble = running_text(&body_lines, 0, blocks);
    if !preamble.is_empty() {
        sections.push(RawSection {
            number: None,
            heading: None,
            text: preamble,
            fields: fields_in(0, first_heading_line),
        });
    }
    for (k, top) in headings.iter().enumerate() {
        let body_start = top.block.end().min(lines.len());
        let body_end = headings
            .get(k + 1)
            .map_or(lines.len(), |next| next.block.line)
            .max(body_start);
        sections.push(RawSection {
            number: top.heading.number,
            heading: Some(top.heading.title.clone()),
            text: running_text(&lines[body_start..body_end], body_start, blocks),
            fields: fields_in(body_start, body_end),
        });
    }
    sections
}

/// The running text of `lines`, which start at line `first` of the text `blocks` lie over:
/// each block's lines joined into one ([`wrapping::join_lines`]), blocks apart by a blank
/// line, consecutive list items by a line break. A line no block covers is a paragraph.
fn running_text(lines: &[&str], first: usize, blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous_was_item = false;
    // Blocks come in text order, without overlaps.
    let mut ahead = blocks.iter().peekable();
    let mut k = 0;
    while k < lines.len() {
        while ahead.next_if(|b| b.end() <= first + k).is_some() {}
        let block = ahead.peek().copied().filter(|b| b.line <= first + k);
        let end = block.map_or(k + 1, |b| (b.end() - first).min(lines.len()));
        let text = wrapping::join_lines(lines[k..end].iter().copied());
        k = end;
        if text.is_empty() {
            continue;
        }
        let is_item = block.is_some_and(|b| matches!(b.kind, BlockKind::ListItem { .. }));
        if !out.is_empty() {
            out.push_str(if is_item && previous_was_item {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&text);
        previous_was_item = is_item;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_text(text: &str) -> Vec<RawSection> {
        split(text, &ingest::structure::text_blocks(text))
    }

    /// The running text the text reader's blocks make of `text`.
    fn running(text: &str) -> String {
        let lines: Vec<&str> = text.split('\n').collect();
        running_text(&lines, 0, &ingest::structure::text_blocks(text))
    }

    #[test]
    fn free_running_paragraphs_stay_apart() {
        assert_eq!(
            running(
                "Policy Development\n\nProvide advice on policy.\nExpertise Development\nDevelop expertise."
            ),
            "Policy Development\n\nProvide advice on policy.\n\nExpertise Development\n\nDevelop expertise."
        );
    }

    #[test]
    fn lowercase_continuations_join_even_across_blank_lines() {
        assert_eq!(
            running(
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
        let out = running(text);
        assert_eq!(out.split("\n\n").count(), 3, "{out}");
        assert!(out.contains("time being Kyiv will remain"));
        assert!(out.contains("\n\nShort title\n\n"));
    }

    #[test]
    fn bullets_are_one_per_line_and_wrapped_bullets_join() {
        assert_eq!(
            running(
                "The incumbent must:\n·       possess a degree in economics, political\n\nscience or finance;\n· travel.\nAfter the list."
            ),
            "The incumbent must:\n\n· possess a degree in economics, political science or finance;\n· travel.\n\nAfter the list."
        );
    }

    #[test]
    fn a_wrapped_line_is_no_heading_of_its_own() {
        let text = "Duties\n\nThe Representation facilitates political and military dialogue between\n\n\
                    the Alliance and Ukraine.\n\nIt coordinates support.";
        let sections = split_text(text);
        assert_eq!(sections.len(), 1, "{sections:?}");
        assert!(sections[0].text.contains("dialogue between the Alliance"));
    }

    #[test]
    fn preamble_then_numbered_sections() {
        let text = "Officer, Defence Policy - 251836\n\nGrade G20\n\n1. SUMMARY\n\nThe Division leads.\n\n\
                    2.  QUALIFICATIONS AND EXPERIENCE \nThe incumbent must:\n- possess a degree;\n- travel.";
        let sections = split_text(text);
        assert_eq!(sections.len(), 3);
        assert!(sections[0].is_preamble());
        assert_eq!(
            sections[0].text,
            "Officer, Defence Policy - 251836\n\nGrade G20"
        );
        assert_eq!(sections[1].number, Some(1));
        assert_eq!(sections[1].heading.as_deref(), Some("SUMMARY"));
        assert_eq!(sections[1].text, "The Division leads.");
        assert_eq!(
            sections[2].heading.as_deref(),
            Some("QUALIFICATIONS AND EXPERIENCE")
        );
        assert_eq!(
            sections[2].text,
            "The incumbent must:\n\n- possess a degree;\n- travel."
        );
    }

    #[test]
    fn text_without_headings_is_one_preamble() {
        let sections = split_text("We are hiring.\nApply by 8 June.");
        assert_eq!(sections.len(), 1);
        assert!(sections[0].is_preamble());
    }

    #[test]
    fn no_preamble_when_the_text_opens_with_a_heading() {
        let sections = split_text("1. SUMMARY\nText one.\n2. CONTRACT\nText two.");
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].number, Some(1));
    }
}
