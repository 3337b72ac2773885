//! Sections: one language's text cut into its sections, and English sections paired with
//! French ones.
//!
//! Entry points:
//! - [`split`] finds the numbered headings of a text ("1. SUMMARY", "2.  QUALIFICATIONS AND
//!   EXPERIENCE") and returns its [`RawSection`]s: an unnumbered preamble (title and header
//!   fields) followed by one section per heading, each with clean running text.
//! - [`pair`] pairs the sections of the two languages by structure (numbers, order) and
//!   content (relative lengths, shared numbers, acronyms, URLs, names), with a confidence.
//!
//! This crate knows nothing of languages as such: it never translates a heading and keeps
//! no table of known heading wordings, so notices of any organisation split and pair alike.
//! It does not align sentences (see the `align` crate).

mod headings;
mod pairing;
mod paragraphs;

pub use headings::find_headings;
pub use pairing::{Pairing, anchors, pair};
pub use paragraphs::rebuild_paragraphs;

/// A section of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSection {
    /// The heading's number; `None` for the preamble.
    pub number: Option<u32>,
    /// The heading without its number; `None` for the preamble.
    pub heading: Option<String>,
    /// Clean running text (see [`rebuild_paragraphs`]).
    pub text: String,
}

impl RawSection {
    /// True for the text before the first heading.
    pub fn is_preamble(&self) -> bool {
        self.number.is_none()
    }
}

/// Cuts a text into its preamble and numbered sections.
///
/// The preamble is returned only when it holds text. A text without numbered headings is
/// one preamble.
pub fn split(text: &str) -> Vec<RawSection> {
    let lines: Vec<&str> = text.split('\n').collect();
    let headings = find_headings(&lines);
    let mut sections = Vec::with_capacity(headings.len() + 1);
    let first_heading_line = headings.first().map_or(lines.len(), |h| h.line);
    let preamble = rebuild_paragraphs(&lines[..first_heading_line]);
    if !preamble.is_empty() {
        sections.push(RawSection {
            number: None,
            heading: None,
            text: preamble,
        });
    }
    for (k, heading) in headings.iter().enumerate() {
        let body_end = headings.get(k + 1).map_or(lines.len(), |next| next.line);
        sections.push(RawSection {
            number: Some(heading.number),
            heading: Some(heading.title.clone()),
            text: rebuild_paragraphs(&lines[heading.line + 1..body_end]),
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preamble_then_numbered_sections() {
        let text = "Officer, Defence Policy - 251836\n\nGrade G20\n\n1. SUMMARY\n\nThe Division leads.\n\n\
                    2.  QUALIFICATIONS AND EXPERIENCE \nThe incumbent must:\n- possess a degree;\n- travel.";
        let sections = split(text);
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
        let sections = split("We are hiring.\nApply by 8 June.");
        assert_eq!(sections.len(), 1);
        assert!(sections[0].is_preamble());
    }

    #[test]
    fn no_preamble_when_the_text_opens_with_a_heading() {
        let sections = split("1. SUMMARY\nText one.\n2. CONTRACT\nText two.");
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].number, Some(1));
    }
}
