//! Repairs made to a document's structure before any reader sees it, so that readers without
//! guards of their own (lopdf's page iterator, pdf-extract) cannot loop on it.
//!
//! - The page tree is walked once with every node remembered: a node met again (`/Kids`
//!   holding its own node or an ancestor) is not followed, and each page's `/Parent` chain
//!   is climbed with the nodes met remembered. When either finds a loop, the tree is rebuilt
//!   flat: every page found once, in order, a child of the root, with the attributes it
//!   inherited (resources, boxes, rotation) written into it. lopdf alone would list a page
//!   once per loop, and pdf-extract climbs a `/Parent` loop forever.
//! - A ToUnicode CMap whose ranges span more than [`MAX_CMAP_SPAN`] codes, or with codes
//!   longer than four bytes, is dropped from its font (its text is then read through the
//!   font's encoding): lopdf and pdf-extract expand every range code by code, and one range
//!   `<00000000> <FFFFFFFF>` is four billion entries.
//!
//! An intact tree and sane CMaps are left as they are.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId};
use model::{Diagnostic, codes};

/// How many levels of the page tree are walked; deeper nodes are not followed (lopdf's own
/// iterator stops at 256).
const MAX_TREE_DEPTH: usize = 256;

/// Entries a page inherits from its ancestors (ISO 32000-1, 7.7.3.4).
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// The codes all bfrange sections of one ToUnicode CMap may span together: two full
/// two-byte code spaces, more than any font has glyphs (a CID font has at most 65,536), while
/// lopdf and pdf-extract expand that many codes in milliseconds. The bundled corpus's CMaps
/// map their codes one by one, without ranges.
pub const MAX_CMAP_SPAN: u64 = 1 << 17;

/// The longest source code a CMap may use, in bytes (ISO 32000-1, 9.7.6.2: one to four).
const MAX_CODE_BYTES: usize = 4;

/// Repairs the document in place; says what was repaired (nothing when it was intact).
pub fn repair(doc: &mut Document, max_decompressed_bytes: usize) -> Vec<Diagnostic> {
    let mut repaired = Vec::new();
    if let Some(message) = repair_page_tree(doc) {
        repaired.push(Diagnostic::new(codes::CORRUPT_PDF, message));
    }
    let dropped = drop_runaway_cmaps(doc, max_decompressed_bytes);
    if dropped > 0 {
        repaired.push(Diagnostic::new(
            codes::CORRUPT_PDF,
            format!(
                "{dropped} ToUnicode CMap(s) with ranges over {MAX_CMAP_SPAN} codes or codes \
                 over {MAX_CODE_BYTES} bytes were dropped; their text was read through the \
                 fonts' encodings"
            ),
        ));
    }
    repaired
}

/// The pages of the tree in order, each once, and whether the walk met a loop.
struct Walked {
    root: ObjectId,
    pages: Vec<ObjectId>,
    looped: bool,
}

/// Walks the page tree as lopdf does (a kid typed `/Page`, or that is not a dictionary with
/// a type, is a page; one typed `/Pages` is a node), but never enters a node twice.
fn walk_page_tree(doc: &Document) -> Option<Walked> {
    let root = doc
        .catalog()
        .ok()?
        .get(b"Pages")
        .ok()?
        .as_reference()
        .ok()?;
    let mut walked = Walked {
        root,
        pages: Vec::new(),
        looped: false,
    };
    let mut seen = HashSet::from([root]);
    let kids_of = |id: ObjectId| -> &[Object] {
        doc.get_dictionary(id)
            .and_then(|node| node.get_deref(b"Kids", doc))
            .and_then(Object::as_array)
            .map_or(&[], Vec::as_slice)
    };
    let mut stack: Vec<&[Object]> = vec![kids_of(root)];
    while let Some(kids) = stack.last_mut() {
        let Some((kid, rest)) = kids.split_first() else {
            stack.pop();
            continue;
        };
        *kids = rest;
        let Ok(id) = kid.as_reference() else {
            continue;
        };
        if !seen.insert(id) {
            walked.looped = true;
            continue;
        }
        match doc.get_dictionary(id).and_then(Dictionary::get_type) {
            Ok(b"Page") | Err(_) => walked.pages.push(id),
            Ok(b"Pages") if stack.len() < MAX_TREE_DEPTH => stack.push(kids_of(id)),
            Ok(b"Pages") => walked.looped = true,
            Ok(_) => {}
        }
    }
    Some(walked)
}

/// Whether climbing `/Parent` from a page meets a node twice (or climbs too far).
fn parent_loops(doc: &Document, page: ObjectId) -> bool {
    let mut seen = HashSet::from([page]);
    let mut node = page;
    while let Some(parent) = doc
        .get_dictionary(node)
        .ok()
        .and_then(|n| n.get(b"Parent").ok())
        .and_then(|p| p.as_reference().ok())
    {
        if !seen.insert(parent) || seen.len() > MAX_TREE_DEPTH {
            return true;
        }
        node = parent;
    }
    false
}

/// The nearest value of an inheritable entry, climbing `/Parent` with the nodes met
/// remembered.
fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut seen = HashSet::new();
    let mut node = page;
    while seen.insert(node) && seen.len() <= MAX_TREE_DEPTH {
        let dict = doc.get_dictionary(node).ok()?;
        if let Ok(value) = dict.get(key) {
            return Some(value.clone());
        }
        node = dict.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

/// Rebuilds a looping page tree flat; says what was found.
fn repair_page_tree(doc: &mut Document) -> Option<String> {
    let walked = walk_page_tree(doc)?;
    let parent_loop = walked.pages.iter().any(|&page| parent_loops(doc, page));
    if !walked.looped && !parent_loop {
        return None;
    }
    for &page in &walked.pages {
        let entries: Vec<(&[u8], Object)> = INHERITED
            .iter()
            .filter_map(|&key| Some((key, inherited(doc, page, key)?)))
            .collect();
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            for (key, value) in entries {
                dict.set(key, value);
            }
            dict.set("Parent", walked.root);
        }
    }
    let count = i64::try_from(walked.pages.len()).unwrap_or(i64::MAX);
    let kids: Vec<Object> = walked.pages.iter().map(|&id| id.into()).collect();
    let root = doc.get_dictionary_mut(walked.root).ok()?;
    root.set("Kids", kids);
    root.set("Count", count);
    root.remove(b"Parent");
    Some(format!(
        "the page tree loops (a node is its own {}); it was rebuilt with {count} page(s), each once",
        if walked.looped {
            "descendant"
        } else {
            "ancestor"
        }
    ))
}

/// Drops every ToUnicode entry pointing at a runaway CMap; returns how many CMaps.
fn drop_runaway_cmaps(doc: &mut Document, max_decompressed_bytes: usize) -> usize {
    let mut checked = HashSet::new();
    let mut runaway = HashSet::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else {
            continue;
        };
        for font in fonts_in(dict) {
            let Ok(id) = font.get(b"ToUnicode").and_then(Object::as_reference) else {
                continue;
            };
            if !checked.insert(id) {
                continue;
            }
            let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
                continue;
            };
            let cmap = stream
                .decompressed_content_with_limit(max_decompressed_bytes)
                .unwrap_or_else(|_| stream.content.clone());
            if runs_away(&cmap) {
                runaway.insert(id);
            }
        }
    }
    if runaway.is_empty() {
        return 0;
    }
    for object in doc.objects.values_mut() {
        if let Object::Dictionary(dict) = object {
            drop_to_unicode(dict, &runaway);
        }
    }
    runaway.len()
}

/// A dictionary that is a font, and the fonts written directly into a resource dictionary
/// it holds (`/Resources << /Font << /F1 << … >> >> >>`): fonts are nearly always objects
/// of their own, but may be written inline.
fn fonts_in(dict: &Dictionary) -> impl Iterator<Item = &Dictionary> {
    let inline = dict
        .get(b"Resources")
        .and_then(Object::as_dict)
        .into_iter()
        .chain(std::iter::once(dict))
        .filter_map(|resources| resources.get(b"Font").and_then(Object::as_dict).ok())
        .flat_map(|fonts| fonts.iter().filter_map(|(_, font)| font.as_dict().ok()));
    std::iter::once(dict).chain(inline)
}

fn drop_to_unicode(dict: &mut Dictionary, runaway: &HashSet<ObjectId>) {
    let points_at_runaway = |d: &Dictionary| {
        d.get(b"ToUnicode")
            .and_then(Object::as_reference)
            .is_ok_and(|id| runaway.contains(&id))
    };
    if points_at_runaway(dict) {
        dict.remove(b"ToUnicode");
    }
    for (_, value) in dict.iter_mut() {
        if let Object::Dictionary(inner) = value {
            if points_at_runaway(inner) {
                inner.remove(b"ToUnicode");
            }
            for (_, font) in inner.iter_mut() {
                if let Object::Dictionary(font) = font
                    && points_at_runaway(font)
                {
                    font.remove(b"ToUnicode");
                }
            }
        }
    }
}

/// Whether a CMap's bfrange sections span more than [`MAX_CMAP_SPAN`] codes together, or a
/// source code is longer than [`MAX_CODE_BYTES`]. Reads the tokens once, keeping only the
/// section it is in and its place in the current range.
pub fn runs_away(cmap: &[u8]) -> bool {
    #[derive(PartialEq)]
    enum Section {
        Other,
        Char,
        Range,
    }
    let mut section = Section::Other;
    // Place in a `bfchar` pair (source, target) or `bfrange` triple (low, high, target).
    let mut place = 0_usize;
    let mut low = 0_u64;
    let mut span = 0_u64;
    for token in (Tokens { rest: cmap }) {
        match token {
            Token::Word(b"beginbfchar") => (section, place) = (Section::Char, 0),
            Token::Word(b"beginbfrange") => (section, place) = (Section::Range, 0),
            Token::Word(word) if word.starts_with(b"begin") || word.starts_with(b"end") => {
                section = Section::Other;
            }
            Token::Word(_) => {}
            Token::Hex(_) | Token::Array if section == Section::Other => {}
            Token::Hex(digits) if section == Section::Char => {
                if place == 0 && digits.len() > 2 * MAX_CODE_BYTES {
                    return true;
                }
                place = (place + 1) % 2;
            }
            Token::Hex(digits) => {
                if place < 2 {
                    if digits.len() > 2 * MAX_CODE_BYTES {
                        return true;
                    }
                    let code = hex_value(digits);
                    if place == 0 {
                        low = code;
                    } else {
                        span = span.saturating_add(code.saturating_sub(low) + 1);
                        if span > MAX_CMAP_SPAN {
                            return true;
                        }
                    }
                }
                place = (place + 1) % 3;
            }
            Token::Array => place = (place + 1) % 3,
        }
    }
    false
}

fn hex_value(digits: &[u8]) -> u64 {
    digits
        .iter()
        .filter_map(|d| char::from(*d).to_digit(16))
        .fold(0, |value, digit| value << 4 | u64::from(digit))
}

/// A token of a CMap as far as the scan needs it.
enum Token<'a> {
    /// A hexadecimal string's digits.
    Hex(&'a [u8]),
    /// A whole array (`[ … ]`), skipped.
    Array,
    /// Anything else: an operator, a name, a number.
    Word(&'a [u8]),
}

struct Tokens<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let start = self.rest.iter().position(|b| !b.is_ascii_whitespace())?;
        self.rest = &self.rest[start..];
        let (token, length) = match self.rest[0] {
            b'<' if self.rest.get(1) == Some(&b'<') => (Token::Word(&self.rest[..2]), 2),
            b'<' => {
                let end = self.rest.iter().position(|&b| b == b'>');
                let end = end.unwrap_or(self.rest.len());
                let digits = &self.rest[1..end];
                (Token::Hex(digits), (end + 1).min(self.rest.len()))
            }
            b'[' => {
                let end = self.rest.iter().position(|&b| b == b']');
                (Token::Array, end.map_or(self.rest.len(), |end| end + 1))
            }
            _ => {
                let end = self.rest[1..]
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b"<[/".contains(&b))
                    .map_or(self.rest.len(), |end| end + 1);
                (Token::Word(&self.rest[..end]), end)
            }
        };
        self.rest = &self.rest[length..];
        Some(token)
    }
}

#[cfg(test)]
mod tests;
