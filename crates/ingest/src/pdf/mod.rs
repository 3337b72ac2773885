//! PDF input: text extracted page by page, laid out again from glyph positions.
//!
//! 1. `open`: lopdf 0.47 reads the structure (repairing cross-reference data, decrypting
//!    files whose user password is empty); a file that needs a password fails `encrypted`.
//! 2. Each page is drawn into a `GlyphCollector` by `draw`, our interpreter of the
//!    content lopdf decompressed, with fonts decoded once per document (`fonts`). A page it
//!    declines (a font it does not support, a malformed operator) is drawn by pdf-extract,
//!    whose copy of the document is loaded then (`open`). Both run behind `catch_unwind`
//!    (pdf-extract panics on malformed input by design). A page neither can draw is read by
//!    lopdf's `extract_text` instead (a `page-failed` warning), or reported missing (a
//!    `page-failed` error: the document is partial).
//! 3. `layout` rebuilds rows from baselines, `furniture` removes running headers, footers
//!    and page numbers, `layout` cuts two-column stretches into left then right column, and
//!    `paragraphs` joins lines into paragraphs.
//!
//! Work is bounded by [`Limits`], charged to one `budget::Budget` per document wherever the
//! work happens: pages read, bytes decompressed, operators interpreted (forms counted each
//! time they are drawn), glyphs drawn, and time (checked between pages and inside them). A
//! limit reached inside a page ends the document there: what was read is kept, the document
//! is partial, and an error names the page. Objects nesting deeper than
//! `nesting::MAX_NESTING` levels, in the file or in a page's content, are refused before
//! parsing: the parsers recurse and would overflow the stack.
//!
//! No reference cycle is followed twice: `repair` rebuilds a page tree whose `/Kids` or
//! `/Parent` loop (each node visited once) and drops ToUnicode CMaps whose ranges would
//! expand without bound, before any reader sees the document; the drawer never draws a form
//! inside itself; and `handover` walks a page's form graph with the forms on the current path
//! remembered before the page may go to pdf-extract, which has no cycle guard of its own.

mod budget;
mod chars;
mod draw;
mod fonts;
mod furniture;
mod glyphs;
mod handover;
mod layout;
mod nesting;
mod open;
mod paragraphs;
mod repair;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use lopdf::DecompressError;
use model::{Diagnostic, Extracted, SourceFormat, codes};

use crate::structure::{self, StyledLine};
use crate::{IngestError, Limits};
use budget::{Budget, Exhausted};
use draw::{DrawError, Drawer, Drawn};
use furniture::PageRows;
use glyphs::{BudgetedCollector, PageGlyphs};
use layout::{Block, Line};
use open::Opened;
use paragraphs::{Stream, StyledHeading};

/// How far into the file the `%PDF-` header may start (some producers put junk before it).
const HEADER_WINDOW: usize = 1024;

/// Extracts the running text of a PDF.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, IngestError> {
    let started = Instant::now();
    let header_zone = &bytes[..bytes.len().min(HEADER_WINDOW)];
    if !header_zone.windows(5).any(|w| w == b"%PDF-") {
        return Err(IngestError::NotAPdf("no %PDF- header".to_owned()));
    }
    if nesting::nests_deeper_than(bytes, nesting::MAX_NESTING) {
        return Err(IngestError::LimitExceeded(format!(
            "objects nest more than {} levels deep",
            nesting::MAX_NESTING
        )));
    }
    let opened = open::open(bytes, limits)?;
    let pages = opened.structure.get_pages();
    if pages.is_empty() {
        return Err(IngestError::CorruptPdf(
            "the document has no pages".to_owned(),
        ));
    }
    let mut report = Report {
        warnings: opened.warnings.clone(),
        errors: opened.errors.clone(),
        limit_hit: None,
        stopped: false,
    };
    if pages.len() > limits.max_pages {
        report.limit(format!(
            "{} pages, only the first {} were read",
            pages.len(),
            limits.max_pages
        ));
    }
    let mut budget = Budget::new(limits, started);
    let mut drawer = Drawer::new(&opened.structure);
    let mut read = Vec::new();
    for (&number, &id) in pages.iter().take(limits.max_pages) {
        if let Err(exhausted) = budget.time() {
            report.limit(format!("{exhausted} before page {number}"));
            break;
        }
        let content = match opened
            .structure
            .get_page_content_with_limit(id, budget.decompressed)
        {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                report.limit(format!(
                    "more than {} bytes decompressed by page {number}",
                    limits.max_decompressed_bytes
                ));
                break;
            }
            // A content stream that does not decode is reported by the page readers below.
            Err(_) => Vec::new(),
        };
        budget.decompressed(content.len());
        if let Some(missing) = missing_content(&opened.structure, id) {
            report.errors.push(Diagnostic::new(
                codes::PAGE_FAILED,
                format!("page {number}: {missing}; the text on it may be lost"),
            ));
        }
        if nesting::nests_deeper_than(&content, nesting::MAX_NESTING) {
            report.limit(format!(
                "the content of page {number} nests more than {} levels deep",
                nesting::MAX_NESTING
            ));
            read.push(ReadPage {
                number,
                text: PageText::Missing,
                draws_images: false,
            });
            continue;
        }
        let draws_images = has_operator(&content, b"BI")
            || has_operator(&content, b"Do")
                && opened
                    .structure
                    .get_page_images(id)
                    .is_ok_and(|images| !images.is_empty());
        let page = PageSource {
            number,
            id,
            content: &content,
        };
        let page = ReadPage {
            number,
            text: read_page(&opened, &mut drawer, &page, &mut budget, &mut report),
            draws_images,
        };
        report_damage(number, &content, &page, &mut report);
        read.push(page);
        if report.stopped {
            break;
        }
    }
    assemble(read, pages.len(), report)
}

/// What could be read of one page.
enum PageText {
    Glyphs(PageGlyphs),
    Plain(String),
    Missing,
}

struct ReadPage {
    number: u32,
    text: PageText,
    draws_images: bool,
}

impl ReadPage {
    fn has_text(&self) -> bool {
        match &self.text {
            PageText::Glyphs(page) => page.glyphs.iter().any(|g| !g.is_blank()),
            PageText::Plain(text) => !text.trim().is_empty(),
            PageText::Missing => false,
        }
    }
}

struct Report {
    warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
    limit_hit: Option<String>,
    /// A limit of the document's budget ran out: no further page is read.
    stopped: bool,
}

impl Report {
    fn limit(&mut self, message: String) {
        self.errors
            .push(Diagnostic::new(codes::LIMIT_EXCEEDED, message.clone()));
        self.limit_hit.get_or_insert(message);
    }

    /// The budget ran out while page `number` was read: the pages after it are not read.
    fn exhausted(&mut self, number: u32, exhausted: &Exhausted) {
        self.limit(format!(
            "page {number}: {exhausted}; the page is cut short there and later pages are not read"
        ));
        self.stopped = true;
    }
}

/// A page to read: its number, its object, its decompressed content.
struct PageSource<'c> {
    number: u32,
    id: lopdf::ObjectId,
    content: &'c [u8],
}

fn read_page(
    opened: &Opened,
    drawer: &mut Drawer,
    page: &PageSource,
    budget: &mut Budget,
    report: &mut Report,
) -> PageText {
    let number = page.number;
    // Why our drawer declined the page, if it did: said when no other reader finds text.
    let mut declined = None;
    let drawn = match draw_own(drawer, page, budget) {
        Ok(drawn) => Ok(drawn),
        Err(DrawError::LimitExceeded(exhausted)) => Ok(Drawn {
            glyphs: PageGlyphs::default(),
            cut_short: Some(exhausted),
        }),
        Err(DrawError::Declined(reason)) => {
            let drawn = hand_over(opened, drawer, page, budget)
                .map_err(|refused| format!("{reason}; {refused}"))
                .and_then(|doc| draw_with_pdf_extract(doc, number, budget));
            declined = Some(reason);
            drawn
        }
    };
    let drawn = match drawn {
        Ok(Drawn {
            glyphs,
            cut_short: Some(exhausted),
        }) => {
            report.exhausted(number, &exhausted);
            return PageText::Glyphs(glyphs);
        }
        Ok(Drawn { glyphs, .. }) => Ok(glyphs),
        Err(reason) => Err(reason),
    };
    let fallback =
        || within_content_cap(page, budget).and_then(|()| plain_text(opened, page, budget));
    match drawn {
        Ok(glyphs) if glyphs.glyphs.iter().any(|g| !g.is_blank()) => PageText::Glyphs(glyphs),
        Ok(glyphs) => match fallback() {
            // No glyph decoded although the page has text: fonts neither reader decodes.
            Ok(text) if !text.trim().is_empty() => {
                report.warnings.push(Diagnostic::new(
                    codes::PAGE_FAILED,
                    format!(
                        "page {number}: no glyphs decoded with layout; text read without layout"
                    ),
                ));
                PageText::Plain(text)
            }
            _ => {
                if let Some(reason) = declined.filter(|_| shows_text(page.content)) {
                    report.errors.push(Diagnostic::new(
                        codes::PAGE_FAILED,
                        format!("page {number}: {reason}; no reader found the text it shows"),
                    ));
                }
                PageText::Glyphs(glyphs)
            }
        },
        Err(reason) => match fallback() {
            Ok(text) => {
                report.warnings.push(Diagnostic::new(
                    codes::PAGE_FAILED,
                    format!("page {number}: {reason}; text read without layout"),
                ));
                PageText::Plain(text)
            }
            Err(fallback) => {
                let why = if reason.ends_with(&fallback) {
                    reason
                } else {
                    format!("{reason}; {fallback}")
                };
                report.errors.push(Diagnostic::new(
                    codes::PAGE_FAILED,
                    format!("page {number} could not be read: {why}"),
                ));
                PageText::Missing
            }
        },
    }
}

/// pdf-extract's copy of the document, if the page may be handed to it: its content within
/// [`Limits::max_page_content_bytes`] (pdf-extract parses it whole) and its forms walked by
/// [`handover::page_cost`], whose operators are charged to the budget.
fn hand_over<'o>(
    opened: &'o Opened,
    drawer: &Drawer,
    page: &PageSource,
    budget: &mut Budget,
) -> Result<&'o pdf_extract::Document, String> {
    within_content_cap(page, budget)?;
    let resources = drawer.page_resources(page.id);
    let cost = handover::page_cost(&opened.structure, page.content, resources, budget)
        .map_err(|refused| format!("not handed to the layout reader: {refused}"))?;
    budget
        .operators(cost)
        .map_err(|exhausted| format!("not handed to the layout reader: {exhausted}"))?;
    opened
        .renderer()
        .ok_or_else(|| "the layout reader could not load the document".to_owned())
}

/// Readers other than ours parse a page's content whole, some 50 bytes of memory per byte:
/// they get no page over [`Limits::max_page_content_bytes`].
fn within_content_cap(page: &PageSource, budget: &Budget) -> Result<(), String> {
    let cap = budget.limits().max_page_content_bytes;
    if page.content.len() > cap {
        return Err(format!(
            "{} bytes of content, over the {cap} other readers are given",
            page.content.len()
        ));
    }
    Ok(())
}

/// Draws one page with our drawer; a panic (a bug) declines the page rather than losing the
/// document.
fn draw_own(
    drawer: &mut Drawer,
    page: &PageSource,
    budget: &mut Budget,
) -> Result<Drawn, DrawError> {
    guarded("drawer", || drawer.draw_page(page.id, page.content, budget))
        .unwrap_or_else(|reason| Err(DrawError::Declined(reason)))
}

/// What is wrong with a page's `/Contents` when it names something that is not a stream
/// (a missing object in a damaged file, a string): the page reads as blank, but is not.
fn missing_content(doc: &lopdf::Document, page: lopdf::ObjectId) -> Option<String> {
    let contents = doc.get_dictionary(page).ok()?.get(b"Contents").ok()?;
    let streams = doc.get_page_contents(page);
    if streams.is_empty() && !matches!(contents, lopdf::Object::Array(items) if items.is_empty()) {
        return Some("its content is not a stream".to_owned());
    }
    let missing = streams.iter().find(|&&id| {
        doc.get_object(id)
            .and_then(lopdf::Object::as_stream)
            .is_err()
    })?;
    Some(format!(
        "its content stream {} {} R is missing or not a stream",
        missing.0, missing.1
    ))
}

/// Whether a page's content looks cut short: damaged compressed data is read up to the
/// damage, and the parser then stops without an error. A content stream that ends inside a
/// text object (more `BT` than `ET`) or of which nothing parses is taken as cut.
fn looks_cut(content: &[u8]) -> bool {
    /// Content shorter than this is too short to judge by what parses.
    const MIN_JUDGED_BYTES: usize = 16;
    let (mut begun, mut ended) = (0_usize, 0_usize);
    for token in tokens(content) {
        match token {
            b"BT" => begun += 1,
            b"ET" => ended += 1,
            _ => {}
        }
    }
    let nothing_parses = content.trim_ascii().len() >= MIN_JUDGED_BYTES
        && lopdf::content::Content::decode_iter(content)
            .next()
            .is_none();
    begun > ended || nothing_parses
}

/// Says so when a page's content looks cut short: an error when nothing was read of the page
/// (its text is lost), a warning when some was.
fn report_damage(number: u32, content: &[u8], page: &ReadPage, report: &mut Report) {
    if !looks_cut(content) {
        return;
    }
    if page.has_text() {
        report.warnings.push(Diagnostic::new(
            codes::PAGE_FAILED,
            format!(
                "page {number}: its content is cut short (damaged); text after the damage is lost"
            ),
        ));
    } else {
        report.errors.push(Diagnostic::new(
            codes::PAGE_FAILED,
            format!("page {number}: its content is damaged; the text on it is lost"),
        ));
    }
}

/// Whether a content stream shows text (`Tj`, `TJ`, `'`, `"`).
fn shows_text(content: &[u8]) -> bool {
    [&b"Tj"[..], b"TJ", b"'", b"\""]
        .iter()
        .any(|operator| has_operator(content, operator))
}

/// Whether a content stream uses an operator (a token between PDF delimiters).
fn has_operator(content: &[u8], operator: &[u8]) -> bool {
    tokens(content).any(|token| token == operator)
}

/// The tokens of a content stream between PDF delimiters (strings split too: a cheap scan).
fn tokens(content: &[u8]) -> impl Iterator<Item = &[u8]> {
    content.split(|&b| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b))
}

/// Draws one page with pdf-extract, its glyphs and time charged to the budget, turning its
/// errors and panics into a reason.
fn draw_with_pdf_extract(
    doc: &pdf_extract::Document,
    number: u32,
    budget: &mut Budget,
) -> Result<Drawn, String> {
    guarded("layout reader", || {
        let mut collector = BudgetedCollector::new(budget);
        let result = pdf_extract::output_doc_page(doc, &mut collector, number);
        let (glyphs, cut_short) = collector.finish();
        match (result, cut_short) {
            (_, Some(exhausted)) => Ok(Drawn {
                glyphs,
                cut_short: Some(exhausted),
            }),
            (Ok(()), None) => Ok(Drawn {
                glyphs,
                cut_short: None,
            }),
            (Err(error), None) => Err(format!("layout reader failed ({error})")),
        }
    })?
}

/// The page's text as lopdf reads it, without geometry.
fn plain_text(opened: &Opened, page: &PageSource, budget: &Budget) -> Result<String, String> {
    guarded("fallback reader", || {
        opened
            .structure
            .extract_text_with_limit(&[page.number], budget.decompressed)
    })?
    .map_err(|error| format!("fallback reader failed ({error})"))
}

/// Runs a page reader behind `catch_unwind`: pdf-extract panics on malformed input, and a
/// panic in any reader must cost a page, not the document. A panic becomes a reason naming
/// the reader.
fn guarded<T>(reader: &str, read: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(read)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_owned());
        format!("{reader} crashed ({message})")
    })
}

/// Lays out the pages read and joins them into the document's text.
fn assemble(
    read: Vec<ReadPage>,
    page_count: usize,
    mut report: Report,
) -> Result<Extracted, IngestError> {
    if !read.iter().any(ReadPage::has_text) {
        return Err(no_text_error(&read, &report));
    }
    for page in read.iter().filter(|p| p.draws_images && !p.has_text()) {
        report.warnings.push(Diagnostic::new(
            codes::NO_TEXT_LAYER,
            format!(
                "page {} has images but no text layer (a scan?)",
                page.number
            ),
        ));
    }
    let mut with_rows: Vec<PageRows> = Vec::new();
    let mut numbers = Vec::new();
    let mut plain = Vec::new();
    for page in read {
        match page.text {
            PageText::Glyphs(glyphs) => {
                with_rows.push(PageRows {
                    height: glyphs.height,
                    rows: layout::rows(&glyphs.glyphs),
                });
                numbers.push(page.number);
            }
            PageText::Plain(text) => plain.push((page.number, text)),
            PageText::Missing => {}
        }
    }
    let removed = furniture::remove(&mut with_rows);
    if !removed.is_empty() {
        report.warnings.push(Diagnostic::new(
            codes::PAGE_FURNITURE_REMOVED,
            removed.describe(),
        ));
    }
    let mut laid_out: Vec<(u32, PageLayout)> = numbers
        .into_iter()
        .zip(with_rows)
        .map(|(number, page)| {
            (
                number,
                PageLayout::Blocks(layout::blocks(&page.rows, number)),
            )
        })
        .chain(
            plain
                .into_iter()
                .map(|(number, text)| (number, PageLayout::Plain(text))),
        )
        .collect();
    laid_out.sort_by_key(|(number, _)| *number);
    let (text, headings) =
        paragraphs::build_text_with_headings(&streams(laid_out.into_iter().map(|(_, page)| page)));
    Ok(Extracted {
        format: SourceFormat::Pdf,
        blocks: structure::styled_text_blocks(&text, &ranked(&headings)),
        text,
        pages: Some(u32::try_from(page_count).unwrap_or(u32::MAX)),
        warnings: report.warnings,
        errors: report.errors,
    })
}

fn no_text_error(read: &[ReadPage], report: &Report) -> IngestError {
    if let Some(limit) = &report.limit_hit {
        IngestError::LimitExceeded(format!("{limit}, before any text was read"))
    } else if read.iter().any(|p| p.draws_images) {
        IngestError::NoTextLayer(format!(
            "{} page(s) with images and no text: a scan without OCR",
            read.iter().filter(|p| p.draws_images).count()
        ))
    } else if let Some(error) = report.errors.first() {
        IngestError::CorruptPdf(error.message.clone())
    } else {
        IngestError::Empty(format!("no text on {} page(s)", read.len()))
    }
}

/// One page, laid out.
enum PageLayout {
    Blocks(Vec<Block>),
    Plain(String),
}

/// Reading order over the whole document. Full-width flow continues from page to page, so a
/// paragraph may run on; two-column stretches on consecutive pages are read as one: every
/// left column, then every right column (a parallel English | French layout comes out as the
/// English text, then the French).
fn streams(pages: impl Iterator<Item = PageLayout>) -> Vec<Stream> {
    enum Pending {
        Nothing,
        Flow(Vec<Line>),
        Columns(Vec<Line>, Vec<Line>),
    }
    fn flush(pending: &mut Pending, out: &mut Vec<Stream>) {
        match std::mem::replace(pending, Pending::Nothing) {
            Pending::Nothing => {}
            Pending::Flow(lines) => out.push(Stream::Lines(lines)),
            Pending::Columns(left, right) => {
                out.push(Stream::Lines(left));
                out.push(Stream::Lines(right));
            }
        }
    }
    let mut out = Vec::new();
    let mut pending = Pending::Nothing;
    for page in pages {
        match page {
            PageLayout::Plain(text) => {
                flush(&mut pending, &mut out);
                out.push(Stream::Plain(text));
            }
            PageLayout::Blocks(blocks) => {
                for block in blocks {
                    match (block, &mut pending) {
                        (Block::Flow(lines), Pending::Flow(flow)) => flow.extend(lines),
                        (Block::Columns { left, right }, Pending::Columns(l, r)) => {
                            l.extend(left);
                            r.extend(right);
                        }
                        (Block::Flow(lines), _) => {
                            flush(&mut pending, &mut out);
                            pending = Pending::Flow(lines);
                        }
                        (Block::Columns { left, right }, _) => {
                            flush(&mut pending, &mut out);
                            pending = Pending::Columns(left, right);
                        }
                    }
                }
            }
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// Ranks the styles of the headings a document sets apart by their font: larger first, bold
/// before regular at one size; one level per style. The title of a box (a note to readers)
/// ranks with the headings that divide the body (the most prominent style that recurs),
/// whose sibling it is whatever its font.
fn ranked(headings: &[StyledHeading]) -> Vec<StyledLine> {
    // Sizes within half a point are one style.
    let style = |h: &StyledHeading| ((h.size * 2.0).round() as i64, h.bold);
    let mut styles: Vec<(i64, bool)> = headings
        .iter()
        .filter(|h| !h.heads_box)
        .map(style)
        .collect();
    styles.sort_by(|a, b| b.cmp(a));
    let dividing = styles
        .windows(2)
        .find(|pair| pair[0] == pair[1])
        .map(|pair| pair[0]);
    styles.dedup();
    let rank = |s: (i64, bool)| {
        styles
            .iter()
            .position(|other| *other == s)
            .map_or(u8::MAX, |rank| u8::try_from(rank + 1).unwrap_or(u8::MAX))
    };
    headings
        .iter()
        .map(|h| StyledLine {
            line: h.line,
            level: match dividing {
                Some(dividing) if h.heads_box => rank(dividing),
                _ if h.heads_box => u8::try_from(styles.len() + 1).unwrap_or(u8::MAX),
                _ => rank(style(h)),
            },
        })
        .collect()
}

#[cfg(test)]
mod test_pdfs;
#[cfg(test)]
mod tests;
