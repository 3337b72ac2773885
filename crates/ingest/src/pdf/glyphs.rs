//! Glyphs as a page draws them, with their position on the page.
//!
//! Text output in content-stream order guesses spaces and line breaks from that order; the
//! [`GlyphCollector`] keeps every glyph with its geometry instead, so that [`super::layout`]
//! can rebuild lines and columns from where glyphs actually are. Both page readers feed it:
//! [`super::draw`] directly, pdf-extract through its [`OutputDev`] trait.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::draw::Matrix;

/// One glyph, in page space (points, y growing upwards, origin at the media box corner).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge of the glyph.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Advance width, without character or word spacing.
    pub width: f64,
    /// Font size as drawn (text matrix and CTM applied).
    pub size: f64,
    /// The Unicode text of the glyph (one or more characters, possibly a space).
    pub text: String,
    /// Whether the glyph's font is a bold face (false where the reader cannot tell).
    pub bold: bool,
}

impl Glyph {
    /// Right edge of the glyph.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// Whether the glyph draws nothing visible.
    pub fn is_blank(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// The glyphs of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageGlyphs {
    /// Page width in points.
    pub width: f64,
    /// Page height in points.
    pub height: f64,
    /// Horizontal glyphs, in content-stream order.
    pub glyphs: Vec<Glyph>,
}

/// Share of a glyph's advance that may go sideways before the glyph counts as rotated.
const MAX_SLANT: f64 = 0.1;

/// Records the glyphs of the page being drawn.
///
/// Rotated text (vertical margin notes, diagonal watermarks) is left out: it is not part of
/// the running text and would break line grouping.
#[derive(Debug, Default)]
pub struct GlyphCollector {
    page: PageGlyphs,
    origin: (f64, f64),
}

impl GlyphCollector {
    /// A collector for a page whose media box is `[llx, lly, urx, ury]`.
    pub fn for_media_box([llx, lly, urx, ury]: [f64; 4]) -> Self {
        GlyphCollector {
            page: PageGlyphs {
                width: (urx - llx).abs(),
                height: (ury - lly).abs(),
                glyphs: Vec::new(),
            },
            origin: (llx, lly),
        }
    }

    /// The glyphs collected so far.
    pub fn into_page(self) -> PageGlyphs {
        self.page
    }

    /// Records one glyph. `trm` is the text rendering matrix without the font size (text
    /// space to page space), `width` the advance in text space, before spacing; `bold` says
    /// whether the font is a bold face.
    pub fn add(&mut self, trm: &Matrix, width: f64, font_size: f64, text: &str, bold: bool) {
        // The matrix's first row is the baseline direction, its second the glyph's vertical
        // axis.
        let horizontal = trm.a;
        if horizontal <= 0.0 || trm.b.abs() > horizontal * MAX_SLANT {
            return;
        }
        let vertical = trm.c.hypot(trm.d);
        let glyph = Glyph {
            x: trm.e - self.origin.0,
            y: trm.f - self.origin.1,
            width: width * font_size * horizontal,
            size: (font_size * vertical).abs(),
            text: text.to_owned(),
            bold,
        };
        if glyph.x.is_finite() && glyph.y.is_finite() && glyph.width.is_finite() && glyph.size > 0.0
        {
            self.page.glyphs.push(glyph);
        }
    }
}

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        *self = GlyphCollector::for_media_box([
            media_box.llx,
            media_box.lly,
            media_box.urx,
            media_box.ury,
        ]);
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let trm = Matrix {
            a: trm.m11,
            b: trm.m12,
            c: trm.m21,
            d: trm.m22,
            e: trm.m31,
            f: trm.m32,
        };
        // pdf-extract does not say which font draws the glyph.
        self.add(&trm, width, font_size, text, false);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
