//! DOCX input: the body of a Word document (Office Open XML) as typed blocks.
//!
//! The zip container is read with the `zip` crate and the XML parts streamed with quick-xml,
//! never built into a tree, so nesting costs no stack. Paragraph styles say which paragraphs
//! are headings: a style named "Heading N" or "Titre N" (any case, the names Word gives in
//! English and French), one with an outline level, or one based on such a style; a
//! paragraph's own outline level counts too. Numbered and bulleted paragraphs (`numPr`) are
//! list items at their level; two-cell table rows are label–value lines; footnotes, endnotes,
//! comments, headers and footers live in other parts and are not read; deleted text and
//! field codes are left out.
//!
//! Bounded work: at most [`MAX_ENTRIES`] entries in the zip, at most
//! [`Limits::max_decompressed_bytes`] decompressed over the parts read (zip bombs), XML
//! nesting at most [`MAX_XML_DEPTH`] deep. An encrypted document (an OLE compound file, which
//! is also what a legacy `.doc` is) fails with `encrypted`; a damaged zip or XML with
//! `corrupt-docx`.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use model::{Extracted, SourceFormat};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::writer::BlockWriter;
use crate::{IngestError, Limits};

/// Entries a DOCX zip may hold at most: real documents hold a few dozen parts, a few
/// thousand with many images; more is an archive built to exhaust the reader.
pub const MAX_ENTRIES: usize = 10_000;

/// XML nesting read at most. Word's own documents nest under 30 levels (tables in tables,
/// content controls, text boxes); deeper is built to exhaust the reader.
pub const MAX_XML_DEPTH: usize = 256;

/// The first bytes of an OLE compound file: how Word stores an encrypted document (and a
/// legacy `.doc`).
const OLE_SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Heading levels Word has (Heading 1 to Heading 9).
const MAX_HEADING_LEVEL: u8 = 9;

/// Reads a Word document.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, IngestError> {
    if bytes.starts_with(OLE_SIGNATURE) {
        return Err(IngestError::Encrypted(
            "an OLE compound file: an encrypted Word document, or a legacy .doc".to_owned(),
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| IngestError::CorruptDocx(format!("the zip container cannot be read ({e})")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(IngestError::LimitExceeded(format!(
            "a DOCX of {} zip entries, more than {MAX_ENTRIES}",
            archive.len()
        )));
    }
    let mut budget = limits.max_decompressed_bytes;
    let document = read_part(&mut archive, "word/document.xml", &mut budget)?
        .ok_or_else(|| IngestError::CorruptDocx("no word/document.xml part".to_owned()))?;
    let styles = match read_part(&mut archive, "word/styles.xml", &mut budget)? {
        Some(xml) => read_styles(&xml)?,
        None => Styles::default(),
    };
    let mut w = BlockWriter::new();
    write_body(&mut w, &document, &styles)?;
    w.extracted(SourceFormat::Docx, Vec::new())
        .ok_or_else(|| IngestError::Empty("no text in the document body".to_owned()))
}

/// One part of the zip, decompressed within the remaining budget; `None` when absent.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut usize,
) -> Result<Option<Vec<u8>>, IngestError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(why)) if why.contains("assword") => {
            return Err(IngestError::Encrypted(format!("{name} is encrypted")));
        }
        Err(e) => return Err(IngestError::CorruptDocx(format!("{name}: {e}"))),
    };
    let mut out = Vec::new();
    // The size the entry declares is not trusted: at most one byte over the budget is read.
    let read = file
        .take(*budget as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::CorruptDocx(format!("{name} cannot be decompressed ({e})")))?;
    if read > *budget {
        return Err(IngestError::LimitExceeded(format!(
            "{name} decompresses to more than the {}-byte budget",
            *budget
        )));
    }
    *budget -= read;
    Ok(Some(out))
}

/// What styles.xml says of each paragraph style.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

#[derive(Debug, Default, Clone)]
struct Style {
    heading: Option<u8>,
    list: bool,
    based_on: Option<String>,
}

impl Styles {
    /// The heading level of a style, following `basedOn` links (a bounded walk: style
    /// chains may loop).
    fn heading_level(&self, id: &str) -> Option<u8> {
        self.follow(id, |s| s.heading)
    }

    fn is_list(&self, id: &str) -> bool {
        self.follow(id, |s| s.list.then_some(())).is_some()
    }

    fn follow<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut current = self.by_id.get(id);
        for _ in 0..self.by_id.len().min(64) {
            let style = current?;
            if let Some(found) = get(style) {
                return Some(found);
            }
            current = self.by_id.get(style.based_on.as_deref()?);
        }
        None
    }
}

/// The level a style name gives: "heading 2", "Heading 2", "Titre 2" are 2; "Title" and
/// "Titre" alone are 1.
fn heading_level_of_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    if lower == "title" || lower == "titre" {
        return Some(1);
    }
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("titre"))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=MAX_HEADING_LEVEL).contains(&level).then_some(level)
}

fn read_styles(xml: &[u8]) -> Result<Styles, IngestError> {
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    let mut reader = Reader::from_reader(xml);
    let mut depth = 0usize;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| IngestError::CorruptDocx(format!("word/styles.xml: {e}")))?;
        match &event {
            Event::Start(_) => {
                depth += 1;
                check_depth(depth)?;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => break,
            _ => {}
        }
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    if let Some((id, style)) = current.take() {
                        styles.by_id.insert(id, style);
                    }
                    if let Some(id) = attribute(e, b"styleId") {
                        current = Some((id, Style::default()));
                    }
                }
                b"name" => {
                    if let (Some((_, style)), Some(name)) = (current.as_mut(), attribute(e, b"val"))
                    {
                        style.heading = style.heading.or(heading_level_of_name(&name));
                    }
                }
                b"outlineLvl" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.heading = style.heading.or(outline_level(e));
                    }
                }
                b"basedOn" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.based_on = attribute(e, b"val");
                    }
                }
                b"numPr" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.list = true;
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(styles)
}

fn check_depth(depth: usize) -> Result<(), IngestError> {
    if depth > MAX_XML_DEPTH {
        return Err(IngestError::LimitExceeded(format!(
            "XML nested more than {MAX_XML_DEPTH} levels deep"
        )));
    }
    Ok(())
}

/// An attribute's value, by local name (`w:val` is `val`).
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// A heading level from `w:outlineLvl` (0-based; 9 is body text).
fn outline_level(e: &BytesStart<'_>) -> Option<u8> {
    let value: u8 = attribute(e, b"val")?.trim().parse().ok()?;
    (value < MAX_HEADING_LEVEL).then_some(value + 1)
}

/// Whether a `w:b` (or `w:val`-style toggle) is on: absent value or anything but off.
fn toggle_on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attribute(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// What a paragraph's properties say.
#[derive(Debug, Default)]
struct Paragraph {
    style: Option<String>,
    outline: Option<u8>,
    /// The list level, when the paragraph is numbered.
    list_level: Option<u8>,
    /// `numId` 0 turns numbering off.
    numbering_off: bool,
}

/// A table row being read: its cells' texts.
#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
}

/// Elements whose content is not body text: deleted runs, field instructions, the fallback
/// copy of alternate content.
const SKIPPED: &[&[u8]] = &[b"del", b"instrText", b"delInstrText", b"Fallback"];

fn write_body(w: &mut BlockWriter, xml: &[u8], styles: &Styles) -> Result<(), IngestError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    // Depth of the element being skipped, when inside one.
    let mut skip_until: Option<usize> = None;
    let mut in_text = false;
    let mut bold = false;
    let mut in_run_properties = false;
    let mut in_paragraph_properties = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| IngestError::CorruptDocx(format!("word/document.xml: {e}")))?;
        match event {
            Event::Eof => break,
            Event::Start(ref e) => {
                depth += 1;
                check_depth(depth)?;
                if skip_until.is_some() {
                    buf.clear();
                    continue;
                }
                let name = e.local_name();
                let name = name.as_ref();
                if name == b"rPr" && !in_paragraph_properties {
                    in_run_properties = true;
                } else if SKIPPED.contains(&name) {
                    skip_until = Some(depth);
                }
                match name {
                    b"p" => {
                        if !paragraphs.is_empty() {
                            // A paragraph inside a paragraph (a text box): the outer text so
                            // far is a block of its own.
                            end_block(w, &paragraphs, styles, &rows);
                        }
                        paragraphs.push(Paragraph::default());
                    }
                    b"pPr" => in_paragraph_properties = true,
                    b"r" => bold = false,
                    b"t" => in_text = true,
                    b"tr" => rows.push(Row::default()),
                    _ => {}
                }
                start_or_empty(e, w, &mut paragraphs, &mut bold, in_run_properties);
            }
            Event::Empty(ref e) if skip_until.is_none() => {
                start_or_empty(e, w, &mut paragraphs, &mut bold, in_run_properties);
            }
            Event::End(ref e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if let Some(at) = skip_until {
                    if at == depth {
                        skip_until = None;
                    }
                    depth = depth.saturating_sub(1);
                    buf.clear();
                    continue;
                }
                depth = depth.saturating_sub(1);
                match name {
                    b"t" => in_text = false,
                    b"rPr" => in_run_properties = false,
                    b"pPr" => in_paragraph_properties = false,
                    b"p" => {
                        end_block(w, &paragraphs, styles, &rows);
                        paragraphs.pop();
                    }
                    b"tc" => {
                        if let Some(row) = rows.last_mut() {
                            row.cells.push(w.take_text());
                        }
                    }
                    b"tr" => {
                        if let Some(row) = rows.pop() {
                            write_row(w, row);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && skip_until.is_none() => {
                let text = t
                    .decode()
                    .map_err(|e| IngestError::CorruptDocx(format!("word/document.xml: {e}")))?;
                w.text(&text, bold);
            }
            Event::GeneralRef(ref r) if in_text && skip_until.is_none() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &**r {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = resolved {
                    w.text(c.encode_utf8(&mut [0; 4]), bold);
                }
            }
            Event::CData(ref t) if in_text && skip_until.is_none() => {
                w.text(&String::from_utf8_lossy(t), bold);
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// What a start or empty element sets: paragraph properties, run bold, breaks and tabs.
fn start_or_empty(
    e: &BytesStart<'_>,
    w: &mut BlockWriter,
    paragraphs: &mut [Paragraph],
    bold: &mut bool,
    in_run_properties: bool,
) {
    let name = e.local_name();
    let paragraph = paragraphs.last_mut();
    match name.as_ref() {
        b"pStyle" => {
            if let Some(p) = paragraph {
                p.style = attribute(e, b"val");
            }
        }
        b"outlineLvl" => {
            if let Some(p) = paragraph {
                p.outline = outline_level(e);
            }
        }
        b"ilvl" => {
            if let Some(p) = paragraph {
                p.list_level = attribute(e, b"val").and_then(|v| v.trim().parse().ok());
            }
        }
        b"numId" => {
            if let Some(p) = paragraph {
                p.numbering_off = attribute(e, b"val").is_some_and(|v| v.trim() == "0");
                p.list_level = p.list_level.or(Some(0));
            }
        }
        b"b" if in_run_properties => *bold = toggle_on(e),
        b"br" | b"cr" => w.line_break(),
        b"tab" if !in_run_properties => w.text(" ", false),
        b"noBreakHyphen" => w.text("-", *bold),
        _ => {}
    }
}

/// Ends the innermost paragraph as the block its properties make it. Inside a table cell,
/// paragraphs are lines of the cell.
fn end_block(w: &mut BlockWriter, paragraphs: &[Paragraph], styles: &Styles, rows: &[Row]) {
    if !rows.is_empty() {
        w.line_break();
        return;
    }
    let Some(p) = paragraphs.last() else {
        w.paragraph();
        return;
    };
    let style = p.style.as_deref().unwrap_or_default();
    let heading = p.outline.or_else(|| styles.heading_level(style));
    let list = match p.list_level {
        Some(level) if !p.numbering_off => Some(level),
        None if styles.is_list(style) => Some(0),
        _ => None,
    };
    match (heading, list) {
        (Some(level), _) => w.heading(level),
        (None, Some(level)) => w.list_item(level),
        (None, None) => w.paragraph(),
    }
}

/// A row of two cells is a label and its value; the cells of other rows are paragraphs.
fn write_row(w: &mut BlockWriter, row: Row) {
    if let [label, value] = row.cells.as_slice() {
        w.label_value(label, value);
        return;
    }
    for cell in row.cells {
        for line in cell.split('\n') {
            w.text(line, false);
            w.line_break();
        }
        w.paragraph();
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use model::{BlockKind, Heading, codes};
    use proptest::prelude::*;
    use zip::write::SimpleFileOptions;

    use super::*;

    /// A DOCX made of the given parts, deflated.
    fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in parts {
            zip.start_file(*name, SimpleFileOptions::default())
                .expect("entry");
            zip.write_all(content).expect("written");
        }
        zip.finish().expect("finished").into_inner()
    }

    fn body(paragraphs: &str) -> Vec<u8> {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>"#
        )
        .into_bytes()
    }

    const STYLES: &str = r#"<?xml version="1.0"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="Titre 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="Titre2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="My heading"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
</w:styles>"#;

    const NOTICE: &str = r#"
<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Analyste</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Le titulaire </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>conseille</w:t></w:r><w:r><w:t xml:space="preserve"> la direction &amp; rédige.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>1. Fonctions :</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Analyser</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>en détail</w:t></w:r><w:del><w:r><w:delText>supprimé</w:delText></w:r></w:del></w:p>
<w:p><w:pPr><w:pStyle w:val="Loop"/></w:pPr><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Boucle</w:t></w:r><w:r><w:br/><w:t>suite</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Custom"/></w:pPr><w:r><w:t>Outline</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Qualifications</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Lieu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ottawa</w:t></w:r></w:p><w:p><w:r><w:t>(Ontario)</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \* MERGEFORMAT</w:instrText></w:r><w:r><w:t>Fin.</w:t></w:r></w:p>
"#;

    fn notice() -> Vec<u8> {
        docx(&[
            ("word/document.xml", &body(NOTICE)),
            ("word/styles.xml", STYLES.as_bytes()),
            (
                "word/footnotes.xml",
                br#"<w:footnotes><w:footnote w:id="1"><w:p><w:r><w:t>Footnote text</w:t></w:r></w:p></w:footnote></w:footnotes>"#,
            ),
        ])
    }

    #[test]
    fn the_body_is_read_as_typed_blocks() {
        let extracted = extract(&notice(), &Limits::default()).expect("readable");
        assert_eq!(
            extracted.text,
            "Analyste\n\nLe titulaire conseille la direction & rédige.\n\n1. Fonctions :\n\n\
             - Analyser\n- en détail\n\nBoucle\nsuite\n\nOutline\n\nQualifications\n\n\
             Lieu: Ottawa (Ontario)\n\na\n\nb\n\nc\n\nFin."
        );
        let headings: Vec<(u8, &str, Option<u32>, bool)> = extracted
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Heading(Heading {
                    level,
                    title,
                    number,
                    confidence,
                    ..
                }) => Some((*level, title.as_str(), *number, *confidence == 1.0)),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                (1, "Analyste", None, true),
                (2, "Fonctions", Some(1), true),
                (3, "Outline", None, true),
                (4, "Qualifications", None, false),
            ]
        );
        let kinds: Vec<&BlockKind> = extracted.blocks.iter().map(|b| &b.kind).collect();
        assert!(kinds.contains(&&BlockKind::ListItem { depth: 1 }));
        assert!(kinds.contains(&&BlockKind::LabelValue {
            label: "Lieu".into(),
            value: "Ottawa (Ontario)".into()
        }));
        assert!(!extracted.text.contains("Footnote"));
        assert_eq!(extracted.format, SourceFormat::Docx);
    }

    #[test]
    fn encrypted_and_corrupt_documents_fail_with_their_codes() {
        let mut ole = OLE_SIGNATURE.to_vec();
        ole.extend_from_slice(&[0; 512]);
        let err = extract(&ole, &Limits::default()).unwrap_err();
        assert_eq!(err.code(), codes::ENCRYPTED);
        let err = extract(b"PK\x03\x04 not really a zip", &Limits::default()).unwrap_err();
        assert_eq!(err.code(), codes::CORRUPT_DOCX);
        let no_body = docx(&[("word/styles.xml", STYLES.as_bytes())]);
        let err = extract(&no_body, &Limits::default()).unwrap_err();
        assert_eq!(err.code(), codes::CORRUPT_DOCX);
        let bad_xml = docx(&[("word/document.xml", b"<w:document><w:body><w:p></w:q>")]);
        let err = extract(&bad_xml, &Limits::default()).unwrap_err();
        assert_eq!(err.code(), codes::CORRUPT_DOCX);
    }

    #[test]
    fn inflation_beyond_the_budget_is_refused() {
        let zeros = vec![b' '; 2_000_000];
        let bomb = docx(&[("word/document.xml", &zeros)]);
        assert!(bomb.len() < 100_000, "deflated to {} bytes", bomb.len());
        let limits = Limits {
            max_decompressed_bytes: 1_000_000,
            ..Limits::default()
        };
        let err = extract(&bomb, &limits).unwrap_err();
        assert_eq!(err.code(), codes::LIMIT_EXCEEDED);
    }

    #[test]
    fn deep_xml_is_refused() {
        let depth = MAX_XML_DEPTH + 10;
        let xml = format!("{}{}", "<w:sdt>".repeat(depth), "</w:sdt>".repeat(depth));
        let err = extract(
            &docx(&[("word/document.xml", &body(&xml))]),
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(err.code(), codes::LIMIT_EXCEEDED);
    }

    #[test]
    fn too_many_entries_are_refused() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("media/{i}")).collect();
        let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let err = extract(&docx(&parts), &Limits::default()).unwrap_err();
        assert_eq!(err.code(), codes::LIMIT_EXCEEDED);
    }

    proptest! {
        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = extract(&bytes, &Limits::default());
        }

        #[test]
        fn any_body_reads_without_panic(xml in "(<w:p>|</w:p>|<w:r>|</w:r>|<w:t>|</w:t>|<w:tbl>|<w:tr>|</w:tr>|<w:tc>|</w:tc>|<w:br/>|[a-z &;]{0,8}){0,40}") {
            let _ = extract(&docx(&[("word/document.xml", &body(&xml))]), &Limits::default());
        }
    }
}
