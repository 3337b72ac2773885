//! HTML input: the main content of a web page as typed blocks.
//!
//! The bytes are decoded in the character set the page declares (byte-order mark, then
//! `<meta charset>` or its `http-equiv` form, read in the first bytes as browsers do), or as
//! a text file would be when it declares none, and parsed by html5ever into a tree.
//!
//! Only the page's main content is read: its `<main>` (or `role="main"`), else its
//! `<article>`, else the smallest element that holds most of the page's text outside links.
//! Inside it, site chrome is left out: navigation, banners, footers, asides, forms, scripts,
//! hidden and screen-reader-only text, cookie and share widgets, and the "On this page"
//! contents lists made of in-page links. Headings `h1`–`h6` become headings of their level,
//! short paragraphs all in bold low-confidence headings, list items items with their depth,
//! `dt`/`dd` and two-cell table rows label–value lines, `<br>` a line break.
//!
//! The tree is walked with an explicit stack (ego-tree's traversal), never by recursion, so
//! any depth of nesting is read in bounded stack.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use encoding_rs::Encoding;
use model::{Diagnostic, Extracted, SourceFormat, codes};
use scraper::node::Element;
use scraper::{Html, Node};

use crate::IngestError;
use crate::writer::BlockWriter;

/// How far into the file browsers look for a `<meta>` character set (the HTML standard's
/// prescan reads 1024 bytes; pages with long comments or scripts first are read further).
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// Share of the page's text outside links that the element chosen as main content must hold
/// when the page marks none: high enough to take the whole article, low enough to leave the
/// site's own text around it out.
const MAIN_CONTENT_SHARE: f64 = 0.8;

/// Elements that never hold the page's content.
const CHROME_ELEMENTS: &[&str] = &[
    "nav", "aside", "footer", "script", "style", "form", "noscript", "template", "svg", "iframe",
    "button", "select", "textarea", "input", "object", "canvas", "head", "dialog", "menu",
];

/// ARIA landmark roles of site chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];

/// Class names that hide text from sight, used by common CSS frameworks (Bootstrap,
/// WET-BOEW, WordPress, Foundation, Tailwind) for screen-reader-only or hidden text.
const HIDDEN_CLASSES: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "wb-inv",
    "screen-reader-text",
    "show-for-sr",
    "element-invisible",
    "hidden",
    "d-none",
    "mfp-hide",
    "invisible",
];

/// Words that, inside a class name or id, mark widgets around the content: cookie and
/// consent banners, share and social buttons, breadcrumbs, skip links.
const CHROME_NAME_PARTS: &[&str] = &[
    "cookie",
    "consent",
    "share",
    "social",
    "breadcrumb",
    "skiplink",
    "skip-link",
];

/// A list is a table of contents when at least this many of its items link inside the page
/// and links make up nearly all of its text.
const MIN_CONTENTS_LINKS: usize = 2;

/// Nodes looked at, at most, to judge whether a list is a table of contents; a larger list is
/// content.
const MAX_CONTENTS_NODES: usize = 2_000;

/// Element nesting read at most. html5ever checks the elements in scope at each start tag,
/// walking the stack of open elements, so a page nested N deep costs N² steps: 100,000
/// nested `<div>` take minutes. Real pages nest well under 100 deep; the bound is the PDF
/// readers' (512).
pub const MAX_NESTING: usize = 512;

/// Elements that hold no content (no end tag), and those whose end tag may be left out:
/// neither counts towards the nesting estimate.
const UNNESTED_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame", "p", "li", "dt", "dd", "tr", "td", "th", "option",
    "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html",
    "head", "body",
];

/// Elements whose content is raw text, where `<` opens no tag.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Reads an HTML page.
pub fn extract(bytes: &[u8]) -> Result<Extracted, IngestError> {
    let (decoded, warnings) = decode(bytes)?;
    if nesting_exceeds(&decoded, MAX_NESTING) {
        return Err(IngestError::LimitExceeded(format!(
            "HTML elements nested more than {MAX_NESTING} deep"
        )));
    }
    let html = Html::parse_document(&decoded);
    let chrome = chrome_nodes(&html);
    let has_text = html
        .tree
        .nodes()
        .any(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty()));
    if !has_text {
        return Err(IngestError::Empty("no text in the page".to_owned()));
    }
    let mut w = BlockWriter::new();
    if let Some(root) = main_content(&html, &chrome) {
        write_blocks(&mut w, &html, root, &chrome);
    }
    w.extracted(SourceFormat::Html, warnings).ok_or_else(|| {
        IngestError::NoMainContent(
            "the page holds only navigation, headers, footers or hidden text".to_owned(),
        )
    })
}

/// Whether bytes given as a text file are an HTML page.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = &start[..start.len().min(CHARSET_PRESCAN_BYTES)];
    let first = start
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &start[i..]);
    let head: Vec<u8> = first.iter().take(15).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Decodes a page in its declared character set, or as a text file when it declares none.
fn decode(bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), IngestError> {
    let mut warnings = Vec::new();
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, &bytes[bom..]),
        None => match declared_charset(bytes) {
            Some(encoding) => (encoding, bytes),
            None => return crate::text::decode(bytes),
        },
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        warnings.push(Diagnostic::new(
            codes::ENCODING_FALLBACK,
            format!("bytes that are not {} replaced by U+FFFD", encoding.name()),
        ));
    }
    Ok((text.into_owned(), warnings))
}

/// The character set a `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` declares near the start of the page. A page that declares UTF-16
/// in ASCII bytes is UTF-8, as the HTML standard says.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut from = 0;
    while let Some(at) = find(&head[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = find(&head[tag_start..], b">").map_or(head.len(), |e| tag_start + e);
        let tag = &head[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let value = tag[c + b"charset".len()..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .skip_while(|&&b| b == b'=')
                .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                .take_while(|b| !(b.is_ascii_whitespace() || b"\"';/>".contains(b)))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(encoding) = Encoding::for_label(&value) {
                let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
                return Some(if utf16 { encoding_rs::UTF_8 } else { encoding });
            }
        }
        from = tag_end;
    }
    None
}

/// Whether the page's elements nest deeper than `max`, estimated in one pass over the tags
/// before any parsing: an end tag closes an open element of its name only, and elements
/// that need no end tag are not counted. Comments, doctypes and raw text are skipped.
fn nesting_exceeds(page: &str, max: usize) -> bool {
    let bytes = page.as_bytes();
    let mut open: HashMap<Cow<'_, str>, usize> = HashMap::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(lt) = bytes[i..].iter().position(|&b| b == b'<') {
        i += lt + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i += find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i += rest
                .iter()
                .position(|&b| b == b'>')
                .map_or(rest.len(), |e| e + 1);
            continue;
        }
        let closing = rest.starts_with(b"/");
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        // ASCII only, so the slice is on character boundaries.
        let raw = &page[name_start..name_start + name_len];
        let name: Cow<'_, str> = if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(raw.to_ascii_lowercase())
        } else {
            Cow::Borrowed(raw)
        };
        // "<div/>" opens a div in HTML: a slash closes nothing but foreign elements.
        i += tag_end(rest).map_or(rest.len(), |e| e + 1);
        if UNNESTED_ELEMENTS.contains(&name.as_ref()) {
            continue;
        }
        if closing {
            if let Some(n) = open.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                depth -= 1;
            }
            continue;
        }
        if RAW_TEXT_ELEMENTS.contains(&name.as_ref()) {
            let lower: Vec<u8> = format!("</{name}").into_bytes();
            let after = &bytes[i..];
            i += find_ignore_case(after, &lower).unwrap_or(after.len());
            continue;
        }
        *open.entry(name).or_default() += 1;
        depth += 1;
        if depth > max {
            return true;
        }
    }
    false
}

/// Where a tag ends: its first `>` outside quoted attribute values.
fn tag_end(tag: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in tag.iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// Where `needle` (which opens with `<`) first occurs in `haystack`, in any case.
fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = haystack[from..].iter().position(|&b| b == b'<') {
        let start = from + at;
        if haystack[start..]
            .get(..needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The elements left out of the text, whole subtrees: chrome elements, roles and classes,
/// hidden elements, and contents lists with the heading that announces them.
fn chrome_nodes(html: &Html) -> HashSet<NodeId> {
    let mut chrome = HashSet::new();
    for node in html.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        if is_chrome(el) {
            chrome.insert(node.id());
        } else if matches!(el.name(), "ul" | "ol") && is_contents_list(node) {
            chrome.insert(node.id());
            let heading = node
                .prev_siblings()
                .find(|s| s.value().is_element())
                .filter(|s| {
                    s.value()
                        .as_element()
                        .is_some_and(|e| heading_level(e).is_some())
                });
            if let Some(heading) = heading {
                chrome.insert(heading.id());
            }
        }
    }
    chrome
}

fn is_chrome(el: &Element) -> bool {
    if CHROME_ELEMENTS.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || el
            .attr("role")
            .is_some_and(|r| CHROME_ROLES.contains(&r.trim()))
    {
        return true;
    }
    if el.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        style.contains("display:none") || style.contains("visibility:hidden")
    }) {
        return true;
    }
    let names = el.classes().chain(el.id()).map(str::to_ascii_lowercase);
    for name in names {
        if HIDDEN_CLASSES.contains(&name.as_str())
            || CHROME_NAME_PARTS.iter().any(|part| name.contains(part))
        {
            return true;
        }
    }
    false
}

/// Whether a list is a table of contents: its links all point inside the page, and they
/// are nearly all of its text.
fn is_contents_list(list: NodeRef<'_, Node>) -> bool {
    let (mut links, mut in_page, mut link_chars, mut chars) = (0, 0, 0, 0);
    let mut open_links = 0usize;
    for edge in list.traverse().take(MAX_CONTENTS_NODES) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) if el.name() == "a" => {
                    links += 1;
                    open_links += 1;
                    if el
                        .attr("href")
                        .is_some_and(|h| h.trim_start().starts_with('#'))
                    {
                        in_page += 1;
                    }
                }
                Node::Text(t) => {
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    chars += n;
                    if open_links > 0 {
                        link_chars += n;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().as_element().is_some_and(|e| e.name() == "a") {
                    open_links = open_links.saturating_sub(1);
                }
            }
        }
    }
    in_page >= MIN_CONTENTS_LINKS && in_page == links && link_chars * 10 >= chars * 9
}

fn heading_level(el: &Element) -> Option<u8> {
    match el.name() {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// The element whose content is the page's: `<main>`, `role="main"` or `<article>` when
/// visible, else the deepest element holding most of the text outside links and chrome.
/// `None` when the page has no text at all.
fn main_content(html: &Html, chrome: &HashSet<NodeId>) -> Option<NodeId> {
    let totals = text_totals(html, chrome);
    let text_of = |id: &NodeId| totals.get(id).copied().unwrap_or(0);
    let root = html.tree.root().id();
    let total = text_of(&root);
    if total == 0 {
        return None;
    }
    let marked = |wanted: fn(&Element) -> bool| {
        totals
            .keys()
            .filter(|id| {
                html.tree
                    .get(**id)
                    .and_then(|n| n.value().as_element())
                    .is_some_and(wanted)
            })
            .max_by_key(|id| (text_of(id), std::cmp::Reverse(**id)))
            .copied()
            .filter(|id| text_of(id) > 0)
    };
    marked(|e| e.name() == "main" || e.attr("role").is_some_and(|r| r.trim() == "main"))
        .or_else(|| marked(|e| e.name() == "article"))
        .or_else(|| {
            let threshold = total as f64 * MAIN_CONTENT_SHARE;
            // The deepest element over the threshold holds the least of the rest around it:
            // among the elements over it, the one with the smallest total.
            totals
                .iter()
                .filter(|(_, n)| **n as f64 >= threshold)
                .min_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
                .map(|(id, _)| *id)
        })
}

/// The open and close edges of the tree under `root`, chrome subtrees left out.
fn content_edges<'a>(
    root: NodeRef<'a, Node>,
    chrome: &'a HashSet<NodeId>,
) -> impl Iterator<Item = Edge<'a, Node>> + 'a {
    let mut skipping: Option<NodeId> = None;
    root.traverse().filter(move |edge| match (edge, skipping) {
        (Edge::Open(node), None) if chrome.contains(&node.id()) => {
            skipping = Some(node.id());
            false
        }
        (_, None) => true,
        (Edge::Close(node), Some(id)) if node.id() == id => {
            skipping = None;
            false
        }
        _ => false,
    })
}

/// For every element outside chrome, the count of characters of text it holds outside links,
/// computed in one traversal.
fn text_totals(html: &Html, chrome: &HashSet<NodeId>) -> HashMap<NodeId, usize> {
    let mut totals = HashMap::new();
    let mut open: Vec<usize> = vec![0];
    let mut links = 0usize;
    for edge in content_edges(html.tree.root(), chrome) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    links += usize::from(el.name() == "a");
                    open.push(0);
                }
                Node::Text(t) if links == 0 => {
                    if let Some(top) = open.last_mut() {
                        *top += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                Node::Document | Node::Fragment => open.push(0),
                _ => {}
            },
            Edge::Close(node) => {
                let counted = match node.value() {
                    Node::Element(el) => {
                        links -= usize::from(el.name() == "a");
                        true
                    }
                    Node::Document | Node::Fragment => true,
                    _ => false,
                };
                if counted {
                    let n = open.pop().unwrap_or(0);
                    if let Some(parent) = open.last_mut() {
                        *parent += n;
                    }
                    totals.insert(node.id(), n);
                }
            }
        }
    }
    totals
}

/// What the nearest enclosing block-holding element is, which decides what a block boundary
/// inside it means.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Container {
    Heading(u8),
    Item(u8),
    Term,
    Definition,
    /// A cell of a two-cell row: 0 for the label, 1 for the value.
    PairCell(usize),
    Cell,
    Pre,
}

/// Elements whose start and end separate blocks.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "hr",
    "table",
    "caption",
    "ul",
    "ol",
    "dl",
    "tr",
    "body",
    "legend",
];

/// Writes the blocks of a piece of HTML (a block of HTML inside Markdown), chrome left out;
/// HTML nested deeper than [`MAX_NESTING`] is left out whole.
pub(crate) fn write_fragment(w: &mut BlockWriter, markup: &str) {
    if nesting_exceeds(markup, MAX_NESTING) {
        return;
    }
    let html = Html::parse_fragment(markup);
    let chrome = chrome_nodes(&html);
    write_blocks(w, &html, html.tree.root().id(), &chrome);
    w.paragraph();
}

/// Walks the main content and writes its blocks.
fn write_blocks(w: &mut BlockWriter, html: &Html, root: NodeId, chrome: &HashSet<NodeId>) {
    let Some(root) = html.tree.get(root) else {
        return;
    };
    let mut containers: Vec<Container> = Vec::new();
    let mut lists: u8 = 0;
    let mut bold = 0usize;
    // A label waiting for its value, and whether a value was written after it.
    let mut label: Option<(String, bool)> = None;
    let boundary = |w: &mut BlockWriter, containers: &[Container]| match containers.last() {
        None => w.paragraph(),
        Some(Container::Heading(_)) => w.space(),
        Some(Container::Cell) if !containers.iter().any(|c| !matches!(c, Container::Cell)) => {
            w.paragraph()
        }
        Some(_) => w.line_break(),
    };
    for edge in content_edges(root, chrome) {
        match edge {
            Edge::Open(node) => {
                match node.value() {
                    Node::Text(t) => {
                        if containers.last() == Some(&Container::Pre) {
                            let mut lines = t.split('\n');
                            if let Some(first) = lines.next() {
                                w.text(first, bold > 0);
                            }
                            for line in lines {
                                w.line_break();
                                w.text(line, bold > 0);
                            }
                        } else {
                            w.text(t, bold > 0);
                        }
                    }
                    Node::Element(el) => {
                        let name = el.name();
                        if let Some(level) = heading_level(el) {
                            boundary(w, &containers);
                            containers.push(Container::Heading(level));
                            continue;
                        }
                        match name {
                            "br" => {
                                if matches!(containers.last(), Some(Container::Heading(_))) {
                                    w.space();
                                } else {
                                    w.line_break();
                                }
                            }
                            "b" | "strong" => bold += 1,
                            "td" | "th" => {
                                boundary(w, &containers);
                                let cells = node.parent().map_or(0, |row| {
                                    row.children()
                                        .filter(|c| {
                                            c.value()
                                                .as_element()
                                                .is_some_and(|e| matches!(e.name(), "td" | "th"))
                                        })
                                        .count()
                                });
                                let index = node
                                    .prev_siblings()
                                    .filter(|c| c.value().is_element())
                                    .count();
                                containers.push(if cells == 2 {
                                    Container::PairCell(index.min(1))
                                } else {
                                    Container::Cell
                                });
                            }
                            "li" => {
                                if let Some(Container::Item(depth)) = containers.last() {
                                    // An item opened inside an item without a list between.
                                    w.list_item(*depth);
                                }
                                boundary(w, &containers);
                                containers.push(Container::Item(lists.saturating_sub(1)));
                            }
                            "ul" | "ol" => {
                                if let Some(Container::Item(depth)) = containers.last() {
                                    w.list_item(*depth);
                                } else {
                                    boundary(w, &containers);
                                }
                                lists = lists.saturating_add(1);
                            }
                            "dt" => {
                                boundary(w, &containers);
                                containers.push(Container::Term);
                            }
                            "dd" => {
                                boundary(w, &containers);
                                containers.push(Container::Definition);
                            }
                            "pre" => {
                                boundary(w, &containers);
                                containers.push(Container::Pre);
                            }
                            _ if BLOCK_ELEMENTS.contains(&name) => {
                                boundary(w, &containers);
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if heading_level(el).is_some() {
                    if let Some(Container::Heading(level)) = containers.pop() {
                        w.heading(level);
                    }
                    continue;
                }
                match name {
                    "b" | "strong" => bold = bold.saturating_sub(1),
                    "td" | "th" => match containers.pop() {
                        Some(Container::PairCell(0)) => label = Some((w.take_text(), false)),
                        Some(Container::PairCell(_)) => {
                            let value = w.take_text();
                            let term = label.take().map(|(term, _)| term).unwrap_or_default();
                            w.label_value(&term, &value);
                        }
                        _ => boundary(w, &containers),
                    },
                    "tr" => {
                        write_unused(w, label.take());
                        boundary(w, &containers);
                    }
                    "li" => {
                        if let Some(Container::Item(depth)) = containers.pop() {
                            w.list_item(depth);
                        }
                    }
                    "ul" | "ol" => lists = lists.saturating_sub(1),
                    "dt" => {
                        containers.pop();
                        let term = w.take_text();
                        write_unused(w, label.replace((term, false)));
                    }
                    "dd" => {
                        containers.pop();
                        let value = w.take_text();
                        let term = label.as_ref().map_or("", |(term, _)| term.as_str());
                        w.label_value(term, &value);
                        if let Some((_, used)) = label.as_mut() {
                            *used = true;
                        }
                    }
                    "dl" => {
                        write_unused(w, label.take());
                        boundary(w, &containers);
                    }
                    "pre" => {
                        containers.pop();
                        boundary(w, &containers);
                    }
                    _ if BLOCK_ELEMENTS.contains(&name) => boundary(w, &containers),
                    _ => {}
                }
            }
        }
    }
}

/// Writes a label that got no value as a line of its own.
fn write_unused(w: &mut BlockWriter, label: Option<(String, bool)>) {
    if let Some((term, false)) = label {
        w.label_value(&term, "");
    }
}

#[cfg(test)]
mod tests {
    use model::BlockKind;
    use proptest::prelude::*;

    use super::*;
    use crate::writer::headings;

    /// A job page as sites publish them: navigation, a banner, a contents list, a share
    /// widget, hidden text and a footer around the notice.
    const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Analyst - Jobs</title>
<style>.x{color:red}</style><script>var menu = "Main menu";</script></head>
<body>
<div id="cookie-banner"><p>We use cookies to improve this site.</p></div>
<header role="banner"><a href="/">Careers portal</a><nav><ul><li><a href="/jobs">All jobs</a></li></ul></nav></header>
<main>
  <div class="wb-share"><h2>Share this page</h2><ul><li><a href="https://x">Email</a></li></ul></div>
  <h1>Policy Analyst</h1>
  <span class="wb-inv">Skip to the duties</span>
  <dl><dt>Reference number:</dt><dd>ABC-123</dd><dt>Location</dt><dd>Ottawa<br>(Ontario)</dd></dl>
  <h2>On this page</h2>
  <ul><li><a href="#duties">Duties</a></li><li><a href="#apply">How to apply</a></li></ul>
  <h2 id="duties">Duties</h2>
  <p>You will  draft
     briefing notes &amp; analyse data.</p>
  <p><strong>Essential qualifications:</strong></p>
  <ul><li>A degree
    <ul><li>in economics</li></ul></li><li>Two years of experience</li></ul>
  <table><tr><th>Salary</th><td>$85,000 to $95,000</td></tr>
         <tr><td>a</td><td>b</td><td>c</td></tr></table>
  <p hidden>Hidden note</p><p aria-hidden="true">Icon text</p>
  <p style="display: none">Invisible</p>
  <form><label>Search jobs</label><input></form>
</main>
<aside>Related jobs</aside>
<footer><p>Terms and conditions</p><p>© The Organisation</p></footer>
</body></html>"##;

    const CHROME: &[&str] = &[
        "cookies",
        "Careers portal",
        "All jobs",
        "Share this page",
        "Email",
        "Skip to",
        "On this page",
        "How to apply",
        "Hidden note",
        "Icon text",
        "Invisible",
        "Search jobs",
        "Related jobs",
        "Terms and conditions",
        "The Organisation",
        "Main menu",
        "color:red",
        "Analyst - Jobs",
    ];

    #[test]
    fn navigation_and_footer_never_reach_the_text() {
        let extracted = extract(PAGE.as_bytes()).expect("readable");
        for chrome in CHROME {
            assert!(
                !extracted.text.contains(chrome),
                "{chrome:?} in {}",
                extracted.text
            );
        }
    }

    #[test]
    fn the_notice_is_read_as_typed_blocks() {
        let extracted = extract(PAGE.as_bytes()).expect("readable");
        assert_eq!(
            extracted.text,
            "Policy Analyst\n\nReference number: ABC-123\n\nLocation: Ottawa (Ontario)\n\n\
             Duties\n\nYou will draft briefing notes & analyse data.\n\n\
             Essential qualifications:\n\n\
             - A degree\n- in economics\n- Two years of experience\n\n\
             Salary: $85,000 to $95,000\n\na\n\nb\n\nc"
        );
        assert_eq!(
            headings(&extracted),
            [
                (1, "Policy Analyst".to_owned(), 1.0),
                (2, "Duties".to_owned(), 1.0),
                (
                    3,
                    "Essential qualifications".to_owned(),
                    crate::writer::EMPHASIS_HEADING_CONFIDENCE
                ),
            ]
        );
        let kinds: Vec<&BlockKind> = extracted.blocks.iter().map(|b| &b.kind).collect();
        assert!(kinds.contains(&&BlockKind::LabelValue {
            label: "Reference number".into(),
            value: "ABC-123".into()
        }));
        assert!(kinds.contains(&&BlockKind::ListItem { depth: 1 }));
        assert!(kinds.contains(&&BlockKind::LabelValue {
            label: "Salary".into(),
            value: "$85,000 to $95,000".into()
        }));
        assert_eq!(extracted.format, SourceFormat::Html);
    }

    #[test]
    fn without_main_the_densest_block_is_the_content() {
        let page = "<html><body><div class='menu'><a href='/a'>Home</a> <a href='/b'>Jobs</a> Menu</div>\
            <div><div><h3>Conseiller</h3><p>Le titulaire conseille la direction sur les politiques.</p>\
            <p>Il rédige des notes et analyse les données du programme.</p></div></div>\
            <div>Copyright</div></body></html>";
        let extracted = extract(page.as_bytes()).expect("readable");
        assert!(
            extracted.text.starts_with("Conseiller\n\nLe titulaire"),
            "{}",
            extracted.text
        );
        assert!(!extracted.text.contains("Menu"));
        assert!(!extracted.text.contains("Copyright"));
    }

    #[test]
    fn a_page_of_chrome_only_has_no_main_content() {
        let page =
            "<html><body><nav><a href='/'>Home</a></nav><footer>Contact us</footer></body></html>";
        let err = extract(page.as_bytes()).unwrap_err();
        assert_eq!(err.code(), codes::NO_MAIN_CONTENT);
        let err = extract(b"<html><body> </body></html>").unwrap_err();
        assert_eq!(err.code(), codes::EMPTY);
    }

    #[test]
    fn the_declared_charset_decodes_the_page() {
        let mut page = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head><body><p>Ann\xe9e</p></body></html>".to_vec();
        assert_eq!(extract(&page).expect("readable").text, "Année");
        page = b"<meta charset=\"utf-8\"><p>Ann\xe9e caf\xc3\xa9</p>".to_vec();
        let extracted = extract(&page).expect("readable");
        assert_eq!(extracted.text, "Ann\u{fffd}e café");
        assert_eq!(extracted.warnings[0].code, codes::ENCODING_FALLBACK);
        let bom = b"\xEF\xBB\xBF<p>d\xc3\xa9j\xc3\xa0</p>";
        assert_eq!(extract(bom).expect("readable").text, "déjà");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let nest = |depth: usize| {
            format!(
                "{}<p>deep text</p>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        let extracted = extract(nest(MAX_NESTING - 10).as_bytes()).expect("readable");
        assert_eq!(extracted.text, "deep text");
        let err = extract(nest(100_000).as_bytes()).unwrap_err();
        assert_eq!(err.code(), codes::LIMIT_EXCEEDED);
    }

    #[test]
    fn the_nesting_estimate_counts_only_elements_that_stay_open() {
        let flat = format!(
            "{}{}{}",
            "<li>item<br><img src='a>b'>".repeat(2_000),
            "<div>x</div>".repeat(2_000),
            "<script>if (a<b) { x = '<div>'; }</script><!-- <div> -->".repeat(600)
        );
        assert!(!nesting_exceeds(&flat, 10));
        let stray_ends = "<div></span>".repeat(20);
        assert!(nesting_exceeds(&stray_ends, 10));
        assert!(nesting_exceeds(&"<div/>".repeat(20), 10));
    }

    proptest! {
        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = extract(&bytes);
        }

        #[test]
        fn any_markup_gives_blocks_over_its_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("<p>".to_owned()), Just("</p>".to_owned()), Just("<li>".to_owned()),
                    Just("<ul>".to_owned()), Just("</ul>".to_owned()), Just("<h2>".to_owned()),
                    Just("</h2>".to_owned()), Just("<br>".to_owned()), Just("<td>".to_owned()),
                    Just("<tr>".to_owned()), Just("<dt>".to_owned()), Just("<dd>".to_owned()),
                    Just("<b>".to_owned()), Just("<nav>".to_owned()), "[a-zé ]{0,12}",
                ],
                0..60,
            )
        ) {
            if let Ok(extracted) = extract(parts.concat().as_bytes()) {
                let lines = extracted.text.split('\n').count();
                for pair in extracted.blocks.windows(2) {
                    prop_assert!(pair[0].end() <= pair[1].line);
                }
                for block in &extracted.blocks {
                    prop_assert!(block.end() <= lines);
                }
            }
        }
    }
}
