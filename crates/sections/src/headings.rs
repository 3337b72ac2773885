//! The document's top-level headings, chosen among the headings its reader found.
//!
//! Readers mark every line that may be a heading, with a level (its rank among the styles
//! the reader saw) and a confidence (how strong the evidence is: markup, a numbered chain,
//! capitals, a short stand-alone line). The headings that cut a text into sections are the
//! strongest kind present that divides the body: within the highest confidence that offers
//! two headings or more at one level, the smallest such level. A heading ranked above that
//! level and standing alone (the document's title) stays in the preamble; headings ranked
//! below it (subheadings) stay inside their section's text.

use model::{Block, BlockKind, Heading};

/// A single heading is believed on its own only from this confidence on (a numbered or
/// marked heading); shape alone needs a second heading of its kind to confirm it.
const MIN_LONE_CONFIDENCE: f32 = 0.9;

/// A top-level heading: the block it is, and what the reader knew of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopHeading<'b> {
    /// The heading's block.
    pub block: &'b Block,
    /// What the reader knew of it.
    pub heading: &'b Heading,
}

/// The top-level headings of one language's blocks, in order; `lines` are the lines of the
/// text the blocks cover.
pub fn top_headings<'b>(lines: &[&str], blocks: &'b [Block]) -> Vec<TopHeading<'b>> {
    let all: Vec<(usize, TopHeading<'_>)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(k, block)| match &block.kind {
            BlockKind::Heading(heading) => Some((k, TopHeading { block, heading })),
            _ => None,
        })
        .collect();
    let mut confidences: Vec<f32> = all.iter().map(|(_, h)| h.heading.confidence).collect();
    confidences.sort_by(|a, b| b.total_cmp(a));
    confidences.dedup();
    for confidence in confidences {
        // A heading of shape alone that opens the text is its title.
        let kind: Vec<TopHeading<'_>> = all
            .iter()
            .filter(|(k, h)| {
                h.heading.confidence == confidence && (confidence >= MIN_LONE_CONFIDENCE || *k > 0)
            })
            .map(|(_, h)| *h)
            .collect();
        let mut levels: Vec<u8> = kind.iter().map(|h| h.heading.level).collect();
        levels.sort_unstable();
        let divides = levels
            .iter()
            .copied()
            .find(|&level| levels.iter().filter(|&&l| l == level).count() >= 2);
        if let Some(level) = divides {
            let chosen: Vec<TopHeading<'_>> = kind
                .into_iter()
                .filter(|h| h.heading.level == level)
                .collect();
            return without_header_headings(chosen, lines, blocks);
        }
        // One heading of its kind: believed when its evidence is strong and text precedes it
        // (otherwise it is the title).
        if let [only] = kind.as_slice()
            && confidence >= MIN_LONE_CONFIDENCE
            && blocks
                .first()
                .is_some_and(|first| !std::ptr::eq(first, only.block))
        {
            return kind;
        }
    }
    Vec::new()
}

/// A paragraph of at least this many words is running text (a button label such as
/// "Apply", a date line, are not).
const MIN_PROSE_WORDS: usize = 8;

/// A label–value line whose value runs this long is a paragraph with a lead-in ("Duties: The
/// manager leads a team of…"), not a header field ("Location: Thunder Bay (Ontario)").
const MIN_RUNNING_VALUE_WORDS: usize = 20;

/// Leaves out the leading headings whose sections hold header fields rather than running
/// text (no paragraph of prose, or fewer than fields): a page's organisation set as a heading above the fields of the notice
/// ("National Defence", then "Closing date", "Reference number: …") belongs to the header,
/// not to the body's sections. At least two headings are kept.
fn without_header_headings<'b>(
    mut chosen: Vec<TopHeading<'b>>,
    lines: &[&str],
    blocks: &'b [Block],
) -> Vec<TopHeading<'b>> {
    let words = |b: &Block| {
        lines[b.line.min(lines.len())..b.end().min(lines.len())]
            .iter()
            .map(|l| l.split_whitespace().count())
            .sum::<usize>()
    };
    while chosen.len() > 2 {
        let start = chosen[0].block.end();
        let end = chosen[1].block.line;
        let inside: Vec<&Block> = blocks
            .iter()
            .filter(|b| b.line >= start && b.end() <= end)
            .collect();
        let is_running = |b: &Block| match &b.kind {
            BlockKind::Paragraph => words(b) >= MIN_PROSE_WORDS,
            BlockKind::ListItem { .. } => true,
            BlockKind::LabelValue { value, .. } => {
                value.split_whitespace().count() >= MIN_RUNNING_VALUE_WORDS
            }
            BlockKind::Heading(_) => false,
        };
        let running = inside.iter().filter(|b| is_running(b)).count();
        let fields = inside
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::LabelValue { .. }) && !is_running(b))
            .count();
        let has_running_text = running > 0 && running >= fields;
        if has_running_text {
            break;
        }
        chosen.remove(0);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: usize, level: u8, confidence: f32) -> Block {
        Block {
            kind: BlockKind::Heading(Heading {
                level,
                number: None,
                numbering: None,
                title: format!("h{line}"),
                confidence,
            }),
            line,
            lines: 1,
            page: None,
        }
    }

    fn paragraph(line: usize) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            line,
            lines: 1,
            page: None,
        }
    }

    fn lines_of(blocks: &[Block]) -> Vec<usize> {
        let text = vec!["A paragraph of running text, long enough to be prose."; 20];
        top_headings(&text, blocks)
            .iter()
            .map(|h| h.block.line)
            .collect()
    }

    #[test]
    fn the_title_above_the_dividing_level_stays_in_the_preamble() {
        let blocks = [
            heading(0, 1, 1.0),
            paragraph(2),
            heading(4, 2, 1.0),
            paragraph(6),
            heading(8, 3, 1.0),
            heading(10, 2, 1.0),
        ];
        assert_eq!(lines_of(&blocks), [4, 10]);
    }

    #[test]
    fn the_strongest_kind_that_divides_wins() {
        let blocks = [
            heading(0, 2, 0.7),
            heading(2, 2, 0.9),
            paragraph(3),
            heading(4, 3, 0.5),
            heading(6, 2, 0.9),
            heading(8, 3, 0.5),
        ];
        assert_eq!(lines_of(&blocks), [2, 6]);
    }

    #[test]
    fn weak_headings_need_company_and_the_opening_line_is_a_title() {
        assert!(lines_of(&[paragraph(0), heading(2, 3, 0.5), paragraph(3)]).is_empty());
        let blocks = [
            heading(0, 3, 0.5),
            paragraph(2),
            heading(4, 3, 0.5),
            paragraph(6),
            heading(8, 3, 0.5),
        ];
        assert_eq!(lines_of(&blocks), [4, 8]);
    }

    #[test]
    fn a_lone_strong_heading_after_text_is_a_heading() {
        assert_eq!(lines_of(&[paragraph(0), heading(2, 2, 0.9)]), [2]);
        assert!(lines_of(&[heading(0, 2, 0.9), paragraph(2)]).is_empty());
    }

    #[test]
    fn a_leading_heading_over_header_fields_only_is_part_of_the_header() {
        let text = [
            "Analyst",
            "",
            "National Defence",
            "",
            "Reference number: X-1",
            "",
            "Apply",
            "",
            "About the position",
            "",
            "The analyst documents the requirements of the databases and recommends designs.",
            "",
            "Conditions of employment",
            "",
            "Reliability status.",
        ];
        let field = |line: usize| Block {
            kind: BlockKind::LabelValue {
                label: "Reference number".to_owned(),
                value: "X-1".to_owned(),
            },
            line,
            lines: 1,
            page: None,
        };
        let blocks = [
            heading(0, 1, 1.0),
            heading(2, 2, 1.0),
            field(4),
            paragraph(6),
            heading(8, 2, 1.0),
            paragraph(10),
            heading(12, 2, 1.0),
            paragraph(14),
        ];
        let found: Vec<usize> = top_headings(&text, &blocks)
            .iter()
            .map(|h| h.block.line)
            .collect();
        assert_eq!(found, [8, 12]);
    }
}
