//! Our own page drawer: a content-stream interpreter on lopdf 0.47 that records glyphs.
//!
//! It keeps the graphics and text state pdf-extract keeps (CTM, text and line matrices,
//! font and size, character and word spacing, horizontal scaling, leading, rise) and places
//! glyphs with the same formulas, so a page drawn here gives the [`PageGlyphs`] pdf-extract
//! gives. Two things make it faster: fonts are decoded once per document ([`FontCache`]),
//! and the page content is the one [`super::extract`] already decompressed. Form XObjects
//! are drawn with their own resources and matrix, at most [`MAX_FORM_DEPTH`] deep, never
//! inside themselves; their content counts against the decompression budget.
//!
//! What it does not draw it declines ([`DrawError::Declined`]): a font it does not support,
//! a malformed operator, a content stream that does not parse. The caller then gives the page
//! to pdf-extract. Nothing here panics on input data, and the recursion is bounded.

use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{DecompressError, Dictionary, Document, Object, ObjectId};

use super::fonts::{self, Font, FontCache, deref};
use super::glyphs::{GlyphCollector, PageGlyphs};
use super::nesting;

/// How deep Form XObjects may be drawn inside one another.
pub const MAX_FORM_DEPTH: usize = 12;

/// How many page-tree levels are climbed for an inherited entry.
const MAX_TREE_DEPTH: usize = 64;

/// Why a page was not drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DrawError {
    /// The drawer does not handle something on the page; another reader may.
    #[error("{0}")]
    Declined(String),
    /// The decompression budget ran out inside a Form XObject.
    #[error("{0}")]
    LimitExceeded(String),
}

fn declined(reason: impl Into<String>) -> DrawError {
    DrawError::Declined(reason.into())
}

/// An affine transform `[a b c d e f]`, applied to row vectors: `(x, y, 1) × M`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    /// Row 1, column 1.
    pub a: f64,
    /// Row 1, column 2.
    pub b: f64,
    /// Row 2, column 1.
    pub c: f64,
    /// Row 2, column 2.
    pub d: f64,
    /// Horizontal translation.
    pub e: f64,
    /// Vertical translation.
    pub f: f64,
}

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    fn translation(x: f64, y: f64) -> Matrix {
        Matrix {
            e: x,
            f: y,
            ..Matrix::IDENTITY
        }
    }

    fn from_numbers([a, b, c, d, e, f]: [f64; 6]) -> Matrix {
        Matrix { a, b, c, d, e, f }
    }

    /// This transform, then `next`: `self × next`.
    pub fn then(&self, next: &Matrix) -> Matrix {
        Matrix {
            a: self.a * next.a + self.b * next.c,
            b: self.a * next.b + self.b * next.d,
            c: self.c * next.a + self.d * next.c,
            d: self.c * next.b + self.d * next.d,
            e: self.e * next.a + self.f * next.c + next.e,
            f: self.e * next.b + self.f * next.d + next.f,
        }
    }
}

/// Text state (ISO 32000-1, 9.3), with the text matrix, as pdf-extract keeps it.
#[derive(Clone)]
struct TextState {
    font: Option<Rc<Font>>,
    /// Not a number until a `Tf`: glyphs shown before have no size and are dropped.
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scaling: f64,
    leading: f64,
    rise: f64,
    matrix: Matrix,
}

/// What `q` saves and `Q` restores.
#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    text: TextState,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: Matrix::IDENTITY,
            text: TextState {
                font: None,
                size: f64::NAN,
                char_spacing: 0.0,
                word_spacing: 0.0,
                horizontal_scaling: 1.0,
                leading: 0.0,
                rise: 0.0,
                matrix: Matrix::IDENTITY,
            },
        }
    }
}

/// Draws the pages of one document, keeping its fonts between pages.
pub struct Drawer<'d> {
    doc: &'d Document,
    fonts: FontCache<'d>,
}

/// One page being drawn.
struct PageRun<'p> {
    out: GlyphCollector,
    budget: &'p mut usize,
    /// Form XObjects being drawn, outermost first: drawing one inside itself is skipped.
    open_forms: Vec<ObjectId>,
}

impl<'d> Drawer<'d> {
    /// A drawer for a document.
    pub fn new(doc: &'d Document) -> Self {
        Drawer {
            doc,
            fonts: FontCache::new(doc),
        }
    }

    /// Draws a page whose decompressed content is `content`. Form XObjects decompressed on
    /// the way are taken from `budget`.
    pub fn draw_page(
        &mut self,
        page: ObjectId,
        content: &[u8],
        budget: &mut usize,
    ) -> Result<PageGlyphs, DrawError> {
        let page = self
            .doc
            .get_dictionary(page)
            .map_err(|_| declined("the page is not a dictionary"))?;
        let media_box = self
            .inherited(page, b"MediaBox")
            .and_then(|b| b.as_array().ok())
            .and_then(|b| numbers::<4>(self.doc, b))
            .ok_or_else(|| declined("no media box"))?;
        let resources = self
            .inherited(page, b"Resources")
            .and_then(|r| r.as_dict().ok());
        let mut run = PageRun {
            out: GlyphCollector::for_media_box(media_box),
            budget,
            open_forms: Vec::new(),
        };
        self.run(content, resources, GraphicsState::default(), &mut run)?;
        Ok(run.out.into_page())
    }

    /// An entry of the page or of its nearest ancestor in the page tree that has it.
    fn inherited(&self, page: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
        let mut node = page;
        for _ in 0..MAX_TREE_DEPTH {
            if let Some(found) = deref(self.doc, node.get(key).ok()) {
                return Some(found);
            }
            node = deref(self.doc, node.get(b"Parent").ok())?.as_dict().ok()?;
        }
        None
    }

    /// A named resource of a category (`/Font`, `/XObject`), as written (maybe a reference).
    fn resource(
        &self,
        resources: Option<&'d Dictionary>,
        category: &[u8],
        name: &[u8],
    ) -> Option<&'d Object> {
        deref(self.doc, resources?.get(category).ok())?
            .as_dict()
            .ok()?
            .get(name)
            .ok()
    }

    /// Interprets one content stream (the page's or a form's) from `state`.
    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'d Dictionary>,
        mut state: GraphicsState,
        page: &mut PageRun<'_>,
    ) -> Result<(), DrawError> {
        let mut saved: Vec<GraphicsState> = Vec::new();
        let mut line_matrix = Matrix::IDENTITY;
        for operation in Content::decode_iter(content) {
            let operation =
                operation.map_err(|e| declined(format!("content does not parse ({e})")))?;
            let operands = operation.operands.as_slice();
            let text = &mut state.text;
            match operation.operator.as_str() {
                "BT" | "ET" => {
                    line_matrix = Matrix::IDENTITY;
                    text.matrix = line_matrix;
                }
                "cm" => {
                    let m = Matrix::from_numbers(exact_numbers(&operation)?);
                    state.ctm = m.then(&state.ctm);
                }
                "q" => saved.push(state.clone()),
                "Q" => {
                    if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                "Tc" => text.char_spacing = first_number(&operation)?,
                "Tw" => text.word_spacing = first_number(&operation)?,
                "Tz" => text.horizontal_scaling = first_number(&operation)? / 100.0,
                "TL" => text.leading = first_number(&operation)?,
                "Ts" => text.rise = first_number(&operation)?,
                "Tf" => {
                    let [name, size] = operands else {
                        return Err(malformed(&operation));
                    };
                    let name = name.as_name().map_err(|_| malformed(&operation))?;
                    text.size = fonts::number(size).ok_or_else(|| malformed(&operation))?;
                    text.font = Some(self.font(resources, name, *page.budget)?);
                }
                "Tm" => {
                    line_matrix = Matrix::from_numbers(exact_numbers(&operation)?);
                    text.matrix = line_matrix;
                }
                "Td" | "TD" => {
                    let [x, y] = exact_numbers(&operation)?;
                    if operation.operator == "TD" {
                        text.leading = -y;
                    }
                    line_matrix = Matrix::translation(x, y).then(&line_matrix);
                    text.matrix = line_matrix;
                }
                "T*" => {
                    line_matrix = Matrix::translation(0.0, -text.leading).then(&line_matrix);
                    text.matrix = line_matrix;
                }
                "Tj" => show(&mut state, string(operands.first())?, &mut page.out),
                "'" | "\"" => {
                    if let [word_spacing, char_spacing, _] = operands {
                        text.word_spacing =
                            fonts::number(word_spacing).ok_or_else(|| malformed(&operation))?;
                        text.char_spacing =
                            fonts::number(char_spacing).ok_or_else(|| malformed(&operation))?;
                    }
                    line_matrix = Matrix::translation(0.0, -text.leading).then(&line_matrix);
                    text.matrix = line_matrix;
                    show(&mut state, string(operands.last())?, &mut page.out);
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            show_array_item(&mut state, item, &mut page.out);
                        }
                    }
                }
                "Do" => {
                    let name = operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .ok_or_else(|| malformed(&operation))?;
                    self.draw_form(resources, name, &state, page)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The font a `Tf` names in the current resources.
    fn font(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
        limit: usize,
    ) -> Result<Rc<Font>, DrawError> {
        let entry = self.resource(resources, b"Font", name).ok_or_else(|| {
            declined(format!(
                "font /{} is not in the resources",
                String::from_utf8_lossy(name)
            ))
        })?;
        self.fonts
            .get(entry, limit)
            .map_err(|reason| declined(format!("unsupported font: {reason}")))
    }

    /// Draws the Form XObject a `Do` names (images and other XObjects draw no text).
    fn draw_form(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
        state: &GraphicsState,
        page: &mut PageRun<'_>,
    ) -> Result<(), DrawError> {
        let Some(entry) = self.resource(resources, b"XObject", name) else {
            return Ok(());
        };
        let Ok((id, Object::Stream(form))) = self.doc.dereference(entry) else {
            return Ok(());
        };
        if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        if id.is_some_and(|id| page.open_forms.contains(&id))
            || page.open_forms.len() >= MAX_FORM_DEPTH
        {
            return Ok(());
        }
        let content = match form.get_plain_content_with_limit(*page.budget) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(DrawError::LimitExceeded(
                    "the decompression budget ran out in a form XObject".to_owned(),
                ));
            }
            Err(error) => return Err(declined(format!("form does not decode ({error})"))),
        };
        *page.budget = page.budget.saturating_sub(content.len());
        if nesting::nests_deeper_than(&content, nesting::MAX_NESTING) {
            return Err(declined("form content nests too deeply"));
        }
        let form_resources = deref(self.doc, form.dict.get(b"Resources").ok())
            .and_then(|r| r.as_dict().ok())
            .or(resources);
        let matrix = deref(self.doc, form.dict.get(b"Matrix").ok())
            .and_then(|m| m.as_array().ok())
            .and_then(|m| numbers::<6>(self.doc, m))
            .map_or(Matrix::IDENTITY, Matrix::from_numbers);
        let mut inside = state.clone();
        inside.ctm = matrix.then(&state.ctm);
        page.open_forms.push(id.unwrap_or_default());
        let drawn = self.run(&content, form_resources, inside, page);
        page.open_forms.pop();
        drawn
    }
}

/// Shows a string: one glyph per code, each advancing the text matrix.
fn show(state: &mut GraphicsState, bytes: &[u8], out: &mut GlyphCollector) {
    let text = &mut state.text;
    let Some(font) = text.font.clone() else {
        return;
    };
    for glyph in font.show(bytes) {
        let rendering = Matrix {
            a: text.horizontal_scaling,
            f: text.rise,
            ..Matrix::IDENTITY
        };
        let trm = rendering.then(&text.matrix).then(&state.ctm);
        out.add(&trm, glyph.width, text.size, &glyph.text, font.bold);
        let mut spacing = text.char_spacing;
        if glyph.is_word_space {
            spacing += text.word_spacing;
        }
        let advance = text.horizontal_scaling * (glyph.width * text.size + spacing);
        text.matrix = Matrix::translation(advance, 0.0).then(&text.matrix);
    }
}

/// One element of a `TJ` array: a string to show, or a kerning adjustment in thousandths.
fn show_array_item(state: &mut GraphicsState, item: &Object, out: &mut GlyphCollector) {
    match item {
        Object::String(bytes, _) => show(state, bytes, out),
        adjustment => {
            if let Some(thousandths) = fonts::number(adjustment) {
                let text = &mut state.text;
                let advance = text.horizontal_scaling * (-thousandths / 1000.0 * text.size);
                text.matrix = Matrix::translation(advance, 0.0).then(&text.matrix);
            }
        }
    }
}

fn malformed(operation: &Operation) -> DrawError {
    declined(format!(
        "malformed {} operator ({} operands)",
        operation.operator,
        operation.operands.len()
    ))
}

fn string(operand: Option<&Object>) -> Result<&[u8], DrawError> {
    match operand {
        Some(Object::String(bytes, _)) => Ok(bytes),
        _ => Err(declined("text shown is not a string")),
    }
}

fn first_number(operation: &Operation) -> Result<f64, DrawError> {
    operation
        .operands
        .first()
        .and_then(fonts::number)
        .ok_or_else(|| malformed(operation))
}

/// Exactly `N` numeric operands.
fn exact_numbers<const N: usize>(operation: &Operation) -> Result<[f64; N], DrawError> {
    let mut out = [0.0; N];
    if operation.operands.len() != N {
        return Err(malformed(operation));
    }
    for (slot, operand) in out.iter_mut().zip(&operation.operands) {
        *slot = fonts::number(operand).ok_or_else(|| malformed(operation))?;
    }
    Ok(out)
}

/// The first `N` numbers of an array whose items may be references.
fn numbers<const N: usize>(doc: &Document, array: &[Object]) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    for (slot, item) in out.iter_mut().zip(array) {
        *slot = fonts::number(doc.dereference(item).ok()?.1)?;
    }
    (array.len() >= N).then_some(out)
}

#[cfg(test)]
mod tests;
