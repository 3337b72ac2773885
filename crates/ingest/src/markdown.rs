//! Markdown input: CommonMark (with tables, footnotes and definition lists) read by
//! pulldown-cmark into typed blocks.
//!
//! YAML front matter is metadata, not body text: only its `title` is kept, as the document's
//! title heading outside the body (level 0, `model::DOCUMENT_TITLE_LEVEL`: meta reads it, no
//! section holds it). Headings keep their level (`##` is 2); a short paragraph that is
//! all bold or emphasis is a low-confidence heading; list items keep their depth; links
//! become their text (a bare URL stays, being its own text); images, footnote definitions
//! and HTML comments are left out; HTML blocks are read by the HTML reader's rules and
//! inline tags dropped, `<br>` kept as a line break.

use model::{Extracted, SourceFormat};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::IngestError;
use crate::writer::BlockWriter;

/// Reads a Markdown file.
pub fn extract(bytes: &[u8]) -> Result<Extracted, IngestError> {
    let (decoded, warnings) = crate::text::decode(bytes)?;
    let source = decoded.replace("\r\n", "\n");
    let mut w = BlockWriter::new();
    write_blocks(&mut w, &source);
    w.extracted(SourceFormat::Markdown, warnings)
        .ok_or_else(|| IngestError::Empty("no text in the Markdown file".to_owned()))
}

/// What the nearest enclosing element is, which decides what a paragraph boundary means.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Container {
    Heading(u8),
    Item(u8),
    Term,
    Definition,
    /// A cell of a two-column table: 0 for the label, 1 for the value.
    PairCell(usize),
    Cell,
}

fn write_blocks(w: &mut BlockWriter, source: &str) {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST;
    let mut containers: Vec<Container> = Vec::new();
    let mut lists: u8 = 0;
    let mut emphasis = 0usize;
    // Events inside these are not body text: front matter, images, footnote definitions.
    let mut front_matter: Option<String> = None;
    let mut hidden = 0usize;
    let mut html_block: Option<String> = None;
    let mut pair_table = false;
    let mut cell = 0usize;
    let mut label = String::new();
    let mut code_block = false;
    let boundary = |w: &mut BlockWriter, containers: &[Container]| match containers.last() {
        None | Some(Container::Cell) => w.paragraph(),
        Some(Container::Heading(_)) => w.space(),
        Some(_) => w.line_break(),
    };
    for event in Parser::new_ext(source, options) {
        if let Some(yaml) = front_matter.as_mut() {
            match event {
                Event::Text(t) => yaml.push_str(&t),
                Event::End(TagEnd::MetadataBlock(_)) => {
                    if let Some(title) = front_matter_title(yaml) {
                        w.title(&title, model::DOCUMENT_TITLE_LEVEL);
                    }
                    front_matter = None;
                }
                _ => {}
            }
            continue;
        }
        if let Some(markup) = html_block.as_mut() {
            match event {
                Event::Html(t) | Event::Text(t) => markup.push_str(&t),
                Event::End(TagEnd::HtmlBlock) => {
                    w.paragraph();
                    crate::html::write_fragment(w, markup);
                    html_block = None;
                }
                _ => {}
            }
            continue;
        }
        if hidden > 0 {
            match event {
                Event::Start(Tag::Image { .. } | Tag::FootnoteDefinition(_)) => hidden += 1,
                Event::End(TagEnd::Image | TagEnd::FootnoteDefinition) => hidden -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::MetadataBlock(_) => front_matter = Some(String::new()),
                Tag::HtmlBlock => html_block = Some(String::new()),
                Tag::Image { .. } | Tag::FootnoteDefinition(_) => hidden += 1,
                Tag::Heading { level, .. } => {
                    boundary(w, &containers);
                    containers.push(Container::Heading(heading_level(level)));
                }
                Tag::Paragraph | Tag::BlockQuote(_) => boundary(w, &containers),
                Tag::CodeBlock(_) => {
                    boundary(w, &containers);
                    code_block = true;
                }
                Tag::List(_) => {
                    if let Some(Container::Item(depth)) = containers.last() {
                        w.list_item(*depth);
                    } else {
                        boundary(w, &containers);
                    }
                    lists = lists.saturating_add(1);
                }
                Tag::Item => {
                    boundary(w, &containers);
                    containers.push(Container::Item(lists.saturating_sub(1)));
                }
                Tag::DefinitionListTitle => {
                    boundary(w, &containers);
                    containers.push(Container::Term);
                }
                Tag::DefinitionListDefinition => {
                    boundary(w, &containers);
                    containers.push(Container::Definition);
                }
                Tag::Table(columns) => {
                    boundary(w, &containers);
                    pair_table = columns.len() == 2;
                }
                Tag::TableHead | Tag::TableRow => cell = 0,
                Tag::TableCell => {
                    containers.push(if pair_table {
                        Container::PairCell(cell.min(1))
                    } else {
                        Container::Cell
                    });
                    cell += 1;
                }
                Tag::Emphasis | Tag::Strong => emphasis += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    if let Some(Container::Heading(level)) = containers.pop() {
                        w.heading(level);
                    }
                }
                TagEnd::Paragraph | TagEnd::BlockQuote(_) => boundary(w, &containers),
                TagEnd::CodeBlock => {
                    code_block = false;
                    boundary(w, &containers);
                }
                TagEnd::List(_) => lists = lists.saturating_sub(1),
                TagEnd::Item => {
                    if let Some(Container::Item(depth)) = containers.pop() {
                        w.list_item(depth);
                    }
                }
                TagEnd::DefinitionListTitle => {
                    containers.pop();
                    label = w.take_text();
                }
                TagEnd::DefinitionListDefinition => {
                    containers.pop();
                    let value = w.take_text();
                    w.label_value(&label, &value);
                }
                TagEnd::DefinitionList => label.clear(),
                TagEnd::TableCell => match containers.pop() {
                    Some(Container::PairCell(0)) => label = w.take_text(),
                    Some(Container::PairCell(_)) => {
                        let value = w.take_text();
                        w.label_value(&std::mem::take(&mut label), &value);
                    }
                    _ => boundary(w, &containers),
                },
                TagEnd::Emphasis | TagEnd::Strong => emphasis = emphasis.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if code_block => {
                for (i, line) in t.split('\n').enumerate() {
                    if i > 0 {
                        w.line_break();
                    }
                    w.text(line, false);
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                w.text(&t, emphasis > 0);
            }
            Event::SoftBreak => w.space(),
            Event::HardBreak => w.line_break(),
            Event::InlineHtml(tag) | Event::Html(tag) => {
                if is_line_break_tag(&tag) {
                    w.line_break();
                }
            }
            Event::Rule => boundary(w, &containers),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn is_line_break_tag(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    name.eq_ignore_ascii_case("br")
}

/// The `title` of YAML front matter: a top-level key whose value is plain, quoted, or a
/// folded or literal block. Other keys are not read: the front matter is metadata for the
/// site, not text of the notice.
fn front_matter_title(yaml: &str) -> Option<String> {
    let mut lines = yaml.lines();
    let value = lines
        .by_ref()
        .find_map(|l| l.strip_prefix("title:"))?
        .trim();
    let title = if value.starts_with(['>', '|']) {
        lines
            .take_while(|l| l.starts_with([' ', '\t']) || l.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    } else if let Some(inner) = value.strip_prefix('\'') {
        inner.strip_suffix('\'').unwrap_or(inner).replace("''", "'")
    } else if let Some(inner) = value.strip_prefix('"') {
        inner
            .strip_suffix('"')
            .unwrap_or(inner)
            .replace("\\\"", "\"")
            .replace("\\\\", "\\")
    } else {
        // A plain scalar ends at a comment.
        value.split(" #").next().unwrap_or(value).to_owned()
    };
    let title = title.trim().to_owned();
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use model::BlockKind;
    use proptest::prelude::*;

    use super::*;
    use crate::writer::headings;

    const NOTICE: &str = "---\n\
layout: job-posting\n\
title: 'Analyste d''affaires'\n\
description: >-\n  A summary repeated from the body.\n\
---\n\
\n\
Nous cherchons une [analyste](https://example.org/a) pour <span>notre équipe</span>.\n\
Voir <https://example.org/apply>.\n\
\n\
## Ce que vous ferez :\n\
- Analyser les *besoins*\n  - en détail\n\
- Rédiger des notes<br>claires\n\
\n\
**Qualifications requises**\n\
\n\
| Lieu | Ottawa |\n\
|---|---|\n\
| Salaire | 80 000 $ |\n\
\n\
Texte[^1].\n\
\n\
[^1]: Une note de bas de page.\n\
![logo](logo.png)\n";

    #[test]
    fn front_matter_gives_the_title_and_nothing_else() {
        let extracted = extract(NOTICE.as_bytes()).expect("readable");
        assert!(extracted.text.starts_with("Analyste d'affaires\n\n"));
        assert!(!extracted.text.contains("summary"));
        assert!(!extracted.text.contains("job-posting"));
    }

    #[test]
    fn the_body_is_read_as_typed_blocks() {
        let extracted = extract(NOTICE.as_bytes()).expect("readable");
        assert_eq!(
            extracted.text,
            "Analyste d'affaires\n\n\
             Nous cherchons une analyste pour notre équipe. Voir https://example.org/apply.\n\n\
             Ce que vous ferez :\n\n\
             - Analyser les besoins\n- en détail\n- Rédiger des notes\nclaires\n\n\
             Qualifications requises\n\n\
             Lieu: Ottawa\n\nSalaire: 80 000 $\n\nTexte."
        );
        assert_eq!(
            headings(&extracted),
            [
                (
                    model::DOCUMENT_TITLE_LEVEL,
                    "Analyste d'affaires".to_owned(),
                    1.0
                ),
                (2, "Ce que vous ferez".to_owned(), 1.0),
                (
                    3,
                    "Qualifications requises".to_owned(),
                    crate::writer::EMPHASIS_HEADING_CONFIDENCE
                ),
            ]
        );
        let kinds: Vec<&BlockKind> = extracted.blocks.iter().map(|b| &b.kind).collect();
        assert!(kinds.contains(&&BlockKind::ListItem { depth: 1 }));
        assert!(kinds.contains(&&BlockKind::LabelValue {
            label: "Salaire".into(),
            value: "80 000 $".into()
        }));
        assert_eq!(extracted.format, SourceFormat::Markdown);
    }

    #[test]
    fn html_blocks_are_read_as_html() {
        let md =
            "Intro.\n\n<div class=\"sr-only\">Skip</div>\n<div><h3>Benefits</h3></div>\n\nEnd.\n";
        let extracted = extract(md.as_bytes()).expect("readable");
        assert_eq!(extracted.text, "Intro.\n\nBenefits\n\nEnd.");
    }

    #[test]
    fn front_matter_titles_in_every_yaml_style() {
        assert_eq!(
            front_matter_title("title: Plain # note\n").as_deref(),
            Some("Plain")
        );
        assert_eq!(
            front_matter_title("title: \"Say \\\"hi\\\"\"\n").as_deref(),
            Some("Say \"hi\"")
        );
        assert_eq!(
            front_matter_title("title: >-\n  Folded\n  title\nlang: fr\n").as_deref(),
            Some("Folded title")
        );
        assert_eq!(front_matter_title("subtitle: x\n"), None);
    }

    #[test]
    fn a_file_with_front_matter_only_is_empty() {
        let err = extract(b"---\nlayout: x\n---\n").unwrap_err();
        assert_eq!(err.code(), model::codes::EMPTY);
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panic(text in "[-#*>|`_\\[\\]()!<a-z0-9 \n]{0,400}") {
            if let Ok(extracted) = extract(text.as_bytes()) {
                for pair in extracted.blocks.windows(2) {
                    prop_assert!(pair[0].end() <= pair[1].line);
                }
            }
        }
    }
}
