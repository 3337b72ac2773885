//! The writer the markup readers (HTML, Markdown, DOCX) share: they feed it inline text and
//! say where blocks end and what they were; it collapses whitespace, tells bold-only lines
//! apart, and builds the text and its typed blocks together through [`BlockText`].

use model::{BlockKind, BlockText, Diagnostic, Extracted, Heading, SourceFormat};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Confidence of a heading that is only a short paragraph set in bold or emphasis: most such
/// lines in notices are headings, but a bold warning sentence is not.
pub const EMPHASIS_HEADING_CONFIDENCE: f32 = 0.6;

/// A bold-only paragraph longer than this (in characters) is a sentence set in bold, not a
/// heading: the longest headings of the development notices run to about 130 characters.
const MAX_EMPHASIS_HEADING_CHARS: usize = 150;

/// A bold label longer than this (in characters) opens a sentence rather than labelling a
/// value: field labels of notices run to about 40 characters ("Selection process number").
const MAX_LABEL_CHARS: usize = 60;

/// Builds a text and its blocks from inline text and block boundaries.
#[derive(Debug, Default)]
pub struct BlockWriter {
    out: BlockText,
    /// The inline text of the block being read, whitespace already collapsed.
    line: String,
    /// Whether a space is owed before the next word.
    space: bool,
    /// Characters other than whitespace in the current block, and how many were bold.
    chars: usize,
    bold_chars: usize,
    /// Where the bold text that opens the block ends, in bytes of `line`, while the block
    /// has been all bold so far or once it stopped being.
    bold_prefix: usize,
    /// Level of the last markup heading, which a bold-only heading ranks below.
    last_level: Option<u8>,
}

impl BlockWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends inline text; runs of whitespace become one space. `bold` says whether the
    /// text is set in bold or emphasis.
    pub fn text(&mut self, text: &str, bold: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.line.is_empty() && !self.line.ends_with('\n');
            } else if !c.is_control() {
                if self.space {
                    self.line.push(' ');
                    self.space = false;
                }
                self.line.push(c);
                self.chars += 1;
                if bold {
                    self.bold_chars += 1;
                    if self.bold_chars == self.chars {
                        self.bold_prefix = self.line.len();
                    }
                }
            }
        }
    }

    /// Appends a word boundary: a space unless one is there already.
    pub fn space(&mut self) {
        self.space = !self.line.is_empty() && !self.line.ends_with('\n');
    }

    /// Appends a line break (`<br>`, a hard break).
    pub fn line_break(&mut self) {
        self.space = false;
        if !self.line.is_empty() && !self.line.ends_with('\n') {
            self.line.push('\n');
        }
    }

    /// Ends the current block as a paragraph, or as a low-confidence heading when all its
    /// words are bold and it is short and unpunctuated like a heading. A block that opens
    /// with a short bold label, on a line of its own or closed by a colon, is a label and
    /// its value ("**Location**<br>Ottawa", "**Closing date:** 14 May"); when the value
    /// runs over several lines, the label is a low-confidence heading above a paragraph.
    pub fn paragraph(&mut self) {
        let prefix = self.bold_prefix.min(self.line.len());
        let all_bold = self.chars > 0 && self.bold_chars == self.chars;
        let raw = std::mem::take(&mut self.line);
        let (label, rest) = raw.split_at(prefix);
        let (label, rest) = (label.trim(), rest.trim());
        let text = raw.trim();
        let label_on_own_line = raw[prefix..].trim_start_matches(' ').starts_with('\n');
        let label_closed = label.ends_with(':') || label_on_own_line;
        self.space = false;
        if text.is_empty() {
            self.reset_counts();
            return;
        }
        if all_bold && self.bold_only(text) {
            self.push_heading(text, self.sub_level(), EMPHASIS_HEADING_CONFIDENCE);
        } else if !all_bold
            && !label.is_empty()
            && label_closed
            && !label.contains('\n')
            && label.chars().count() <= MAX_LABEL_CHARS
        {
            match rest.split_once('\n') {
                Some(_) if label_on_own_line => {
                    self.push_heading(label, self.sub_level(), EMPHASIS_HEADING_CONFIDENCE);
                    self.out.push(BlockKind::Paragraph, &nfc(rest), None);
                }
                // "**Label:** value<br>more lines": the label's line, then the rest.
                Some((value, more)) => {
                    self.label_value(&nfc(label), &nfc(value));
                    self.out.push(BlockKind::Paragraph, &nfc(more), None);
                }
                None => self.label_value(&nfc(label), &nfc(rest)),
            }
        } else {
            self.out.push(BlockKind::Paragraph, &nfc(text), None);
        }
        self.reset_counts();
    }

    /// The level of a bold-only heading: one below the last markup heading.
    fn sub_level(&self) -> u8 {
        self.last_level.map_or(2, |l| (l + 1).min(6))
    }

    /// Ends the current block as a heading of the given level (from markup: confidence 1).
    pub fn heading(&mut self, level: u8) {
        let text = self.take();
        self.reset_counts();
        if !text.is_empty() {
            self.last_level = Some(level);
            self.push_heading(&text, level, 1.0);
        }
    }

    /// Adds a heading that was not read through the inline buffer (a document title from
    /// front matter).
    pub fn title(&mut self, title: &str, level: u8) {
        self.paragraph();
        let mut title_text = BlockWriter::new();
        title_text.text(title, false);
        let text = title_text.take();
        if !text.is_empty() {
            self.last_level = Some(level);
            self.push_heading(&text, level, 1.0);
        }
    }

    /// Ends the current block as a list item at the given depth (0 for a top-level item),
    /// written after the canonical bullet.
    pub fn list_item(&mut self, depth: u8) {
        let text = self.take();
        self.reset_counts();
        if !text.is_empty() {
            let item = format!("{}{}", conventions::bullets::CANONICAL, nfc(&text));
            self.out.push(BlockKind::ListItem { depth }, &item, None);
        }
    }

    /// Takes the current block's text without writing it (a label, a table cell).
    pub fn take_text(&mut self) -> String {
        let text = self.take();
        self.reset_counts();
        nfc(&text)
    }

    /// Writes a label and its value as one "Label: value" line. Falls back to a paragraph
    /// when one of the two is empty.
    pub fn label_value(&mut self, label: &str, value: &str) {
        self.paragraph();
        let label = one_line(label);
        let label = label.trim_end_matches([':', ' ', '\u{a0}']).trim();
        let value = one_line(value);
        match (label.is_empty(), value.is_empty()) {
            (true, true) => {}
            (false, true) => self.out.push(BlockKind::Paragraph, label, None),
            (true, false) => self.out.push(BlockKind::Paragraph, &value, None),
            (false, false) => self.out.push(
                BlockKind::LabelValue {
                    label: label.to_owned(),
                    value: value.clone(),
                },
                &format!("{label}: {value}"),
                None,
            ),
        }
    }

    /// Ends the last block and returns the text and its blocks.
    pub fn finish(mut self) -> (String, Vec<model::Block>) {
        self.paragraph();
        self.out.finish()
    }

    /// Ends the last block and returns what the reader extracted; `None` when no block
    /// was written (the caller says why).
    pub fn extracted(self, format: SourceFormat, warnings: Vec<Diagnostic>) -> Option<Extracted> {
        let (text, blocks) = self.finish();
        (!blocks.is_empty()).then_some(Extracted {
            format,
            text,
            blocks,
            pages: None,
            warnings,
            errors: Vec::new(),
        })
    }

    fn take(&mut self) -> String {
        self.space = false;
        let text = std::mem::take(&mut self.line);
        text.trim().to_owned()
    }

    fn reset_counts(&mut self) {
        self.chars = 0;
        self.bold_chars = 0;
        self.bold_prefix = 0;
    }

    fn bold_only(&self, text: &str) -> bool {
        text.chars().count() <= MAX_EMPHASIS_HEADING_CHARS
            && !text.contains('\n')
            && !text.ends_with(['.', ';', ',', '!', '?'])
    }

    fn push_heading(&mut self, text: &str, level: u8, confidence: f32) {
        let line = nfc(&one_line(text));
        let (number, numbering, words) = match conventions::numbering::parse_label(&line) {
            Some(label) => (
                Some(label.value),
                Some(label.style.name().to_owned()),
                label.rest,
            ),
            None => (None, None, line.as_str()),
        };
        let title = words
            .trim_end_matches([':', ' ', '\u{a0}'])
            .trim()
            .to_owned();
        let kind = BlockKind::Heading(Heading {
            level,
            number,
            numbering,
            title,
            confidence,
        });
        self.out.push(kind, &line, None);
    }
}

/// The text on one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nfc(text: &str) -> String {
    // Most text is NFC already: the quick check spares composing it again.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

/// The headings of extracted blocks, as (level, title, confidence), for the readers' tests.
#[cfg(test)]
pub(crate) fn headings(extracted: &Extracted) -> Vec<(u8, String, f32)> {
    extracted
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading(h) => Some((h.level, h.title.clone(), h.confidence)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading_of(kind: &BlockKind) -> Option<&Heading> {
        match kind {
            BlockKind::Heading(h) => Some(h),
            _ => None,
        }
    }

    #[test]
    fn whitespace_collapses_and_breaks_stay() {
        let mut w = BlockWriter::new();
        w.text("  Apply \n\t now", false);
        w.line_break();
        w.text(" or later ", false);
        w.paragraph();
        let (text, blocks) = w.finish();
        assert_eq!(text, "Apply now\nor later");
        assert_eq!(blocks[0].lines, 2);
    }

    #[test]
    fn bold_only_short_lines_are_low_confidence_headings() {
        let mut w = BlockWriter::new();
        w.text("Duties", false);
        w.heading(2);
        w.text("Education:", true);
        w.paragraph();
        w.text("Warning: read this carefully before you apply.", true);
        w.paragraph();
        w.text("Mixed ", false);
        w.text("bold", true);
        w.paragraph();
        let (text, blocks) = w.finish();
        assert_eq!(
            text,
            "Duties\n\nEducation:\n\nWarning: read this carefully before you apply.\n\nMixed bold"
        );
        let sub = heading_of(&blocks[1].kind).expect("a heading");
        assert_eq!((sub.level, sub.title.as_str()), (3, "Education"));
        assert!(sub.confidence < 1.0);
        assert_eq!(blocks[2].kind, BlockKind::Paragraph);
        assert_eq!(blocks[3].kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_bold_label_opening_a_block_labels_its_value() {
        let mut w = BlockWriter::new();
        w.text("Location", true);
        w.line_break();
        w.text("Ottawa", false);
        w.paragraph();
        w.text("Closing date:", true);
        w.text(" 14 May", false);
        w.paragraph();
        w.text("Important messages", true);
        w.line_break();
        w.text("First line.", false);
        w.line_break();
        w.text("Second line.", false);
        w.paragraph();
        w.text("Note", true);
        w.text(" that this is bold inline.", false);
        w.paragraph();
        let (text, blocks) = w.finish();
        assert_eq!(
            text,
            "Location: Ottawa\n\nClosing date: 14 May\n\nImportant messages\n\n\
             First line.\nSecond line.\n\nNote that this is bold inline."
        );
        assert_eq!(
            blocks[1].kind,
            BlockKind::LabelValue {
                label: "Closing date".into(),
                value: "14 May".into()
            }
        );
        assert!(heading_of(&blocks[2].kind).is_some());
        assert_eq!(blocks[4].kind, BlockKind::Paragraph);
    }

    #[test]
    fn numbered_headings_carry_their_number() {
        let mut w = BlockWriter::new();
        w.text("2. Who can apply:", false);
        w.heading(2);
        let (_, blocks) = w.finish();
        let h = heading_of(&blocks[0].kind).expect("a heading");
        assert_eq!(h.number, Some(2));
        assert_eq!(h.numbering.as_deref(), Some("arabic"));
        assert_eq!(h.title, "Who can apply");
    }

    #[test]
    fn items_and_pairs_have_their_line_shapes() {
        let mut w = BlockWriter::new();
        w.text("one", false);
        w.list_item(0);
        w.text("two", false);
        w.list_item(1);
        w.label_value("Location :", "Ottawa\n(Ontario)");
        w.label_value("", "lonely value");
        let (text, blocks) = w.finish();
        assert_eq!(
            text,
            "- one\n- two\n\nLocation: Ottawa (Ontario)\n\nlonely value"
        );
        assert_eq!(blocks[1].kind, BlockKind::ListItem { depth: 1 });
        assert_eq!(
            blocks[2].kind,
            BlockKind::LabelValue {
                label: "Location".into(),
                value: "Ottawa (Ontario)".into()
            }
        );
    }
}
