//! Typed blocks: the structure a reader saw in a file, laid over the text it produced.

use serde::{Deserialize, Serialize};

/// One structural unit of an input file: a heading, a paragraph, a list item or a
/// label–value line, as its reader recognised it.
///
/// A block does not hold text of its own: it covers the lines `line..line + lines` of
/// [`Extracted::text`](crate::Extracted::text) (split on `\n`), so that language runs, which
/// are line ranges too, and blocks always agree. Blocks are in text order, never overlap and
/// never cover a blank line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Index of the block's first line in the text.
    pub line: usize,
    /// Number of lines the block covers (at least one).
    pub lines: usize,
    /// The 1-based page the block starts on, for paged formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Block {
    /// Index one past the block's last line.
    pub fn end(&self) -> usize {
        self.line + self.lines
    }

    /// The block's text: its lines of `text`, joined with `\n`.
    ///
    /// `text` must be the text the blocks were made for.
    pub fn text(&self, lines: &[&str]) -> String {
        let end = self.end().min(lines.len());
        lines[self.line.min(end)..end].join("\n")
    }
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum BlockKind {
    /// A heading.
    Heading(Heading),
    /// A paragraph of running text.
    Paragraph,
    /// An item of a list (bulleted or numbered).
    ListItem {
        /// Nesting depth, 0 for a top-level item.
        depth: u8,
    },
    /// A label and its value: "Location: Brussels", a two-cell table row, a `dt`/`dd` pair.
    LabelValue {
        /// The label, without its trailing colon.
        label: String,
        /// The value.
        value: String,
    },
}

/// The level of a heading that is the document's title given outside its body (a Markdown
/// file's front matter): it names the document and is no text of any section.
pub const DOCUMENT_TITLE_LEVEL: u8 = 0;

/// What a reader knows of a heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    /// The heading's rank: 1 is the most prominent. Markup formats give it (`h2`, `##`,
    /// "Heading 2" are 2); plain text and PDF readers rank the styles they see (size, weight,
    /// underline, numbering depth), one rank per style, consistently within one document.
    /// [`DOCUMENT_TITLE_LEVEL`] (0) marks a title given outside the body (front matter).
    pub level: u8,
    /// The heading's number or letter, as a value ("III." is 3, "B)" is 2), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// How the heading is numbered, when it is: `"arabic"`, `"roman"`, `"letter"`, or a
    /// dotted `"arabic.arabic"` for "2.1"-style numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<String>,
    /// The heading's words, without number, markup or trailing colon, whitespace collapsed.
    pub title: String,
    /// How sure the reader is that the line is a heading, in [0, 1]: markup headings are 1,
    /// lines that only look like headings (a short stand-alone line) less.
    pub confidence: f32,
}

/// Builds a text and its blocks together, for readers that see structure first (HTML,
/// Markdown, DOCX): each block's lines are appended to the text and the block records
/// where they went. Blocks are separated by a blank line, except consecutive list items,
/// which follow each other line by line as in every other text of the pipeline.
#[derive(Debug, Default, Clone)]
pub struct BlockText {
    text: String,
    line_count: usize,
    blocks: Vec<Block>,
}

impl BlockText {
    /// An empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a block whose text is `text` (its lines kept, blank lines and surrounding
    /// whitespace of each line dropped). Nothing is appended for text with no words.
    pub fn push(&mut self, kind: BlockKind, text: &str, page: Option<u32>) {
        let lines: Vec<&str> = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            return;
        }
        let tight = matches!(kind, BlockKind::ListItem { .. })
            && matches!(
                self.blocks.last(),
                Some(Block {
                    kind: BlockKind::ListItem { .. },
                    ..
                })
            );
        if self.line_count > 0 {
            self.text.push('\n');
            if !tight {
                self.text.push('\n');
                self.line_count += 1;
            }
        }
        let line = self.line_count;
        self.text.push_str(&lines.join("\n"));
        self.line_count += lines.len();
        self.blocks.push(Block {
            kind,
            line,
            lines: lines.len(),
            page,
        });
    }

    /// The blocks so far.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The text and its blocks.
    pub fn finish(self) -> (String, Vec<Block>) {
        (self.text, self.blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(title: &str) -> BlockKind {
        BlockKind::Heading(Heading {
            level: 2,
            number: None,
            numbering: None,
            title: title.to_owned(),
            confidence: 1.0,
        })
    }

    #[test]
    fn blocks_cover_the_lines_they_were_given() {
        let mut out = BlockText::new();
        out.push(heading("Duties"), "Duties", None);
        out.push(BlockKind::Paragraph, "  First line\nsecond line  ", None);
        out.push(BlockKind::ListItem { depth: 0 }, "- one", None);
        out.push(BlockKind::ListItem { depth: 0 }, "- two", None);
        out.push(BlockKind::Paragraph, " \n ", None);
        out.push(BlockKind::Paragraph, "After.", Some(2));
        let (text, blocks) = out.finish();
        assert_eq!(
            text,
            "Duties\n\nFirst line\nsecond line\n\n- one\n- two\n\nAfter."
        );
        let lines: Vec<&str> = text.split('\n').collect();
        let texts: Vec<String> = blocks.iter().map(|b| b.text(&lines)).collect();
        assert_eq!(
            texts,
            [
                "Duties",
                "First line\nsecond line",
                "- one",
                "- two",
                "After."
            ]
        );
        assert_eq!(blocks[4].page, Some(2));
        assert!(blocks.windows(2).all(|w| w[0].end() <= w[1].line));
    }

    #[test]
    fn blocks_serialize_with_a_type_tag() {
        let json = serde_json::to_value(Block {
            kind: heading("Duties"),
            line: 0,
            lines: 1,
            page: None,
        })
        .expect("serializes");
        assert_eq!(json["kind"]["type"], "heading");
        assert_eq!(json["kind"]["title"], "Duties");
    }
}
