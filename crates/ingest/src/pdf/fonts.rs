//! Fonts as the drawer needs them: for each character code, its advance width and its text.
//!
//! A font is decoded once per document ([`FontCache`]) instead of once per page: its
//! ToUnicode CMap (parsed by lopdf), its encoding and its widths become tables looked up per
//! glyph. The rules are pdf-extract's, so the drawer and pdf-extract give the same glyphs:
//!
//! - simple fonts (Type1, TrueType, MMType1): one byte per code; text from ToUnicode, else
//!   from the encoding (a named base encoding, or an encoding dictionary over
//!   PDFDocEncoding with its Differences; TrueType without one is WinAnsi); widths from
//!   FirstChar/Widths, MissingWidth for the other codes;
//! - Type0 fonts with the Identity-H or Identity-V CMap: two bytes per code, widths from the
//!   descendant font's W array and DW, text from ToUnicode only;
//! - Type3 fonts: as simple fonts, widths scaled by the FontMatrix.
//!
//! What these rules do not cover is [`Unsupported`], and the page is left to pdf-extract:
//! standard-14 fonts without Widths (pdf-extract carries their metrics), embedded Type 1
//! programs whose built-in encoding is used, CFF fonts (pdf-extract reads their charset),
//! other CMaps, glyph names lopdf does not know, unreadable ToUnicode streams.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Encoding, Object, ObjectId, dictionary};

/// Why a font is left to pdf-extract.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct Unsupported(String);

fn unsupported(reason: impl Into<String>) -> Unsupported {
    Unsupported(reason.into())
}

/// One glyph of a shown string.
#[derive(Debug, PartialEq)]
pub struct Shown<'f> {
    /// Advance width in text space (glyph width / 1000), before spacing.
    pub width: f64,
    /// Whether the code is the single byte 32, the only one word spacing applies to.
    pub is_word_space: bool,
    /// The glyph's text.
    pub text: Cow<'f, str>,
}

/// A decoded font.
#[derive(Debug)]
pub struct Font {
    codes: Codes,
    /// Whether the font is a bold face (by its name, weight or flags).
    pub bold: bool,
}

#[derive(Debug)]
enum Codes {
    /// One byte per code: width (thousandths of text space) and text of each of the 256 codes.
    OneByte(Vec<(f64, String)>),
    /// Two bytes per code, the code being the CID.
    TwoBytes(Box<Composite>),
}

/// Widths and text of a Type0 font.
#[derive(Debug)]
struct Composite {
    /// Widths given one by one in the W array.
    widths: HashMap<u32, f64>,
    /// Widths given for a range of CIDs: first, last, width.
    width_ranges: Vec<(u32, u32, f64)>,
    default_width: f64,
    to_unicode: Option<ToUnicode>,
}

/// How many code entries a Type0 W array may describe (a CID is two bytes).
const MAX_CID: i64 = 0xFFFF;

impl Font {
    /// The glyphs of a string shown with this font.
    pub fn show<'f>(&'f self, bytes: &'f [u8]) -> Box<dyn Iterator<Item = Shown<'f>> + 'f> {
        match &self.codes {
            Codes::OneByte(table) => Box::new(bytes.iter().filter_map(move |&byte| {
                let (width, text) = table.get(usize::from(byte))?;
                Some(Shown {
                    width: width / 1000.0,
                    is_word_space: byte == b' ',
                    text: Cow::Borrowed(text.as_str()),
                })
            })),
            Codes::TwoBytes(composite) => Box::new(bytes.chunks_exact(2).map(move |pair| {
                let cid = pair.iter().fold(0, |code, &b| code << 8 | u32::from(b));
                let width = composite
                    .widths
                    .get(&cid)
                    .copied()
                    .or_else(|| {
                        composite
                            .width_ranges
                            .iter()
                            .find(|(first, last, _)| (*first..=*last).contains(&cid))
                            .map(|(_, _, width)| *width)
                    })
                    .unwrap_or(composite.default_width);
                let text = composite
                    .to_unicode
                    .as_ref()
                    .and_then(|map| lookup(map, cid, 2))
                    .unwrap_or_default();
                Shown {
                    width: width / 1000.0,
                    is_word_space: false,
                    text: Cow::Owned(text),
                }
            })),
        }
    }
}

/// Where a font dictionary sits: fonts are shared through references; a direct dictionary
/// is known by its address, which is stable while the document is borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Direct(usize),
}

/// The fonts of one document, each decoded the first time it is used.
pub struct FontCache<'d> {
    doc: &'d Document,
    fonts: HashMap<FontKey, Result<Rc<Font>, Unsupported>>,
}

impl<'d> FontCache<'d> {
    /// An empty cache for a document.
    pub fn new(doc: &'d Document) -> Self {
        FontCache {
            doc,
            fonts: HashMap::new(),
        }
    }

    /// The font a resource entry (`/F1 12 0 R` or a direct dictionary) designates.
    /// Decompression while decoding it is bounded by `limit` bytes.
    pub fn get(&mut self, entry: &'d Object, limit: usize) -> Result<Rc<Font>, Unsupported> {
        let (key, dict) = match entry {
            Object::Reference(id) => (
                FontKey::Object(*id),
                self.doc
                    .get_dictionary(*id)
                    .map_err(|_| unsupported("font is not a dictionary"))?,
            ),
            Object::Dictionary(dict) => (FontKey::Direct(std::ptr::from_ref(dict).addr()), dict),
            _ => return Err(unsupported("font is not a dictionary")),
        };
        let doc = self.doc;
        self.fonts
            .entry(key)
            .or_insert_with(|| decode(doc, dict, limit).map(Rc::new))
            .clone()
    }
}

/// Decodes a font dictionary.
pub fn decode(doc: &Document, font: &Dictionary, limit: usize) -> Result<Font, Unsupported> {
    let subtype = name(doc, font, b"Subtype").unwrap_or_default();
    let to_unicode = to_unicode(doc, font, limit)?;
    let codes = match subtype {
        b"Type0" => composite(doc, font, to_unicode)?,
        b"Type3" => {
            let encoding = deref(doc, font.get(b"Encoding").ok())
                .ok_or_else(|| unsupported("Type3 font without an encoding"))?;
            let table = encoding_table(doc, encoding)?;
            let scale = deref(doc, font.get(b"FontMatrix").ok())
                .and_then(|m| m.as_array().ok())
                .and_then(|m| m.first())
                .and_then(number)
                .unwrap_or(0.001)
                * 1000.0;
            let widths = first_char_widths(doc, font)?;
            one_byte(&table, to_unicode.as_ref(), &widths, scale, 0.0)
        }
        _ => simple(doc, font, subtype, to_unicode.as_ref())?,
    };
    Ok(Font {
        codes,
        bold: is_bold(doc, font),
    })
}

/// Words in a font's name that mark a bold face ("Arial-BoldMT", "Calibri,Bold",
/// "SourceSansPro-Semibold", "Helvetica-Black").
const BOLD_NAME_MARKS: &[&str] = &["bold", "black", "heavy", "semibold", "demi"];
/// Font weights from this value on are bold (the descriptor's scale, 400 being regular).
const MIN_BOLD_WEIGHT: f64 = 600.0;
/// The descriptor flag that asks for bold rendering of a regular font (ForceBold, bit 19).
const FORCE_BOLD_FLAG: i64 = 1 << 18;

/// Whether a font dictionary describes a bold face: its name (or its descendant's), the
/// weight or the ForceBold flag of its descriptor.
fn is_bold(doc: &Document, font: &Dictionary) -> bool {
    let descendant = deref(doc, font.get(b"DescendantFonts").ok())
        .and_then(|d| d.as_array().ok())
        .and_then(|d| deref(doc, d.first()))
        .and_then(|d| d.as_dict().ok());
    [Some(font), descendant].into_iter().flatten().any(|dict| {
        let named_bold = name(doc, dict, b"BaseFont").is_some_and(|base| {
            let base = String::from_utf8_lossy(base).to_lowercase();
            BOLD_NAME_MARKS.iter().any(|mark| base.contains(mark))
        });
        let descriptor =
            deref(doc, dict.get(b"FontDescriptor").ok()).and_then(|d| d.as_dict().ok());
        let heavy = descriptor.is_some_and(|d| {
            deref(doc, d.get(b"FontWeight").ok())
                .and_then(number)
                .is_some_and(|w| w >= MIN_BOLD_WEIGHT)
                || deref(doc, d.get(b"Flags").ok())
                    .and_then(|f| f.as_i64().ok())
                    .is_some_and(|f| f & FORCE_BOLD_FLAG != 0)
        });
        named_bold || heavy
    })
}

fn simple(
    doc: &Document,
    font: &Dictionary,
    subtype: &[u8],
    to_unicode: Option<&ToUnicode>,
) -> Result<Codes, Unsupported> {
    let descriptor = deref(doc, font.get(b"FontDescriptor").ok()).and_then(|d| d.as_dict().ok());
    let has_file = |key: &[u8]| descriptor.is_some_and(|d| d.get(key).is_ok());
    let encoding = deref(doc, font.get(b"Encoding").ok());
    if has_file(b"FontFile3") {
        return Err(unsupported(
            "CFF font program (its charset names the glyphs)",
        ));
    }
    let table = match encoding {
        Some(encoding) => encoding_table(doc, encoding)?,
        None if subtype == b"Type1" && has_file(b"FontFile") => {
            return Err(unsupported("built-in encoding of an embedded Type 1 font"));
        }
        None if subtype == b"TrueType" => named_table(doc, b"WinAnsiEncoding")?,
        None => named_table(doc, b"PDFDocEncoding")?,
    };
    let widths = first_char_widths(doc, font)?;
    let missing_width = descriptor
        .and_then(|d| deref(doc, d.get(b"MissingWidth").ok()))
        .or_else(|| deref(doc, font.get(b"MissingWidth").ok()))
        .and_then(number)
        .unwrap_or(0.0);
    Ok(one_byte(&table, to_unicode, &widths, 1.0, missing_width))
}

/// The 256 entries of a one-byte font: width (scaled) and text, ToUnicode first.
fn one_byte(
    table: &[String],
    to_unicode: Option<&ToUnicode>,
    widths: &HashMap<u8, f64>,
    scale: f64,
    missing_width: f64,
) -> Codes {
    Codes::OneByte(
        (0..=u8::MAX)
            .map(|code| {
                let width = widths.get(&code).map_or(missing_width, |w| w * scale);
                let text = to_unicode
                    .and_then(|map| lookup(map, u32::from(code), 1))
                    .or_else(|| table.get(usize::from(code)).cloned())
                    .unwrap_or_default();
                (width, text)
            })
            .collect(),
    )
}

/// Widths from FirstChar and Widths; standard-14 fonts without them are pdf-extract's job.
fn first_char_widths(doc: &Document, font: &Dictionary) -> Result<HashMap<u8, f64>, Unsupported> {
    let first = deref(doc, font.get(b"FirstChar").ok()).and_then(|o| o.as_i64().ok());
    let widths = deref(doc, font.get(b"Widths").ok()).and_then(|o| o.as_array().ok());
    let (Some(first), Some(widths)) = (first, widths) else {
        return Err(unsupported("no Widths (standard font metrics)"));
    };
    let mut map = HashMap::new();
    for (code, width) in (first..).zip(widths) {
        let width = deref(doc, Some(width))
            .and_then(number)
            .ok_or_else(|| unsupported("a width is not a number"))?;
        if let Ok(code) = u8::try_from(code) {
            map.insert(code, width);
        }
    }
    Ok(map)
}

fn composite(
    doc: &Document,
    font: &Dictionary,
    to_unicode: Option<ToUnicode>,
) -> Result<Codes, Unsupported> {
    match name(doc, font, b"Encoding") {
        Some(b"Identity-H" | b"Identity-V") => {}
        _ => return Err(unsupported("Type0 font with a CMap other than Identity")),
    }
    let descendant = deref(doc, font.get(b"DescendantFonts").ok())
        .and_then(|d| d.as_array().ok())
        .and_then(|d| deref(doc, d.first()))
        .and_then(|d| d.as_dict().ok())
        .ok_or_else(|| unsupported("Type0 font without a descendant font"))?;
    let default_width = deref(doc, descendant.get(b"DW").ok())
        .and_then(number)
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let mut width_ranges = Vec::new();
    let entries = deref(doc, descendant.get(b"W").ok())
        .and_then(|w| w.as_array().ok())
        .map(Vec::as_slice)
        .unwrap_or_default();
    let cid = |object: Option<&Object>| {
        deref(doc, object)
            .and_then(|o| o.as_i64().ok())
            .filter(|c| (0..=MAX_CID).contains(c))
            .and_then(|c| u32::try_from(c).ok())
    };
    let bad_w = || unsupported("malformed W array");
    let mut at = 0;
    while at < entries.len() {
        let first = cid(entries.get(at)).ok_or_else(bad_w)?;
        match deref(doc, entries.get(at + 1)) {
            Some(Object::Array(list)) => {
                for (code, width) in (first..).zip(list) {
                    widths.insert(
                        code,
                        deref(doc, Some(width)).and_then(number).ok_or_else(bad_w)?,
                    );
                }
                at += 2;
            }
            _ => {
                let last = cid(entries.get(at + 1)).ok_or_else(bad_w)?;
                let width = deref(doc, entries.get(at + 2))
                    .and_then(number)
                    .ok_or_else(bad_w)?;
                width_ranges.push((first, last, width));
                at += 3;
            }
        }
    }
    Ok(Codes::TwoBytes(Box::new(Composite {
        widths,
        width_ranges,
        default_width,
        to_unicode,
    })))
}

/// The font's ToUnicode CMap, parsed by lopdf (`Identity-H` as a name maps nothing).
fn to_unicode(
    doc: &Document,
    font: &Dictionary,
    limit: usize,
) -> Result<Option<ToUnicode>, Unsupported> {
    let Ok(entry) = font.get(b"ToUnicode") else {
        return Ok(None);
    };
    match deref(doc, Some(entry)) {
        Some(Object::Name(name)) if name == b"Identity-H" => return Ok(None),
        Some(Object::Stream(_)) => {}
        _ => return Err(unsupported("ToUnicode is not a stream")),
    }
    // lopdf parses a ToUnicode stream for a font that has no /Encoding of its own.
    let probe = dictionary! { "Type" => "Font", "ToUnicode" => entry.clone() };
    match probe.get_font_encoding_with_limit(doc, limit) {
        Ok(Encoding::UnicodeMapEncoding(map)) => {
            Ok(Some(ToUnicode(Encoding::UnicodeMapEncoding(map))))
        }
        _ => Err(unsupported("unreadable ToUnicode CMap")),
    }
}

/// A parsed ToUnicode CMap (lopdf's own type is reachable only through [`Encoding`]).
#[derive(Debug)]
struct ToUnicode(Encoding<'static>);

/// The text of a code in a ToUnicode CMap, looked up at its natural length first (some
/// files write one-byte codes on two bytes).
fn lookup(to_unicode: &ToUnicode, code: u32, length: u8) -> Option<String> {
    let Encoding::UnicodeMapEncoding(map) = &to_unicode.0 else {
        return None;
    };
    std::iter::once(length)
        .chain((1..=4).filter(|&l| l != length))
        .find_map(|l| map.get(code, l))
        .filter(|units| !matches!(units.as_slice(), [0xD800..=0xDFFF]))
        .and_then(|units| String::from_utf16(&units).ok())
}

/// The text of each of the 256 codes under a font's /Encoding entry.
fn encoding_table(doc: &Document, encoding: &Object) -> Result<Vec<String>, Unsupported> {
    match encoding {
        Object::Name(name) => named_table(doc, name),
        Object::Dictionary(dict) => {
            let base = name(doc, dict, b"BaseEncoding").unwrap_or(b"PDFDocEncoding");
            let mut table = named_table(doc, base)?;
            let Some(differences) = deref(doc, dict.get(b"Differences").ok()) else {
                return Ok(table);
            };
            let probe = dictionary! {
                "Type" => "Font",
                "Encoding" => dictionary! { "Differences" => differences.clone() },
            };
            // lopdf falls back to StandardEncoding when a glyph name is unknown to it.
            match probe.get_font_encoding(doc) {
                Ok(Encoding::Differences(differences)) => {
                    for (&code, glyph) in &differences.map {
                        if let Some(entry) = table.get_mut(usize::from(code)) {
                            *entry = String::from_utf16_lossy(&[glyph.utf16_code_unit()]);
                        }
                    }
                    Ok(table)
                }
                _ => Err(unsupported(
                    "Differences with glyph names lopdf does not know",
                )),
            }
        }
        _ => Err(unsupported("Encoding is neither a name nor a dictionary")),
    }
}

/// The text of each of the 256 codes of a named base encoding; a code without a glyph
/// reads as U+0000, as in pdf-extract.
fn named_table(doc: &Document, name: &[u8]) -> Result<Vec<String>, Unsupported> {
    const NAMED: [&[u8]; 5] = [
        b"WinAnsiEncoding",
        b"MacRomanEncoding",
        b"MacExpertEncoding",
        b"StandardEncoding",
        b"PDFDocEncoding",
    ];
    if !NAMED.contains(&name) {
        return Err(unsupported(format!(
            "encoding {}",
            String::from_utf8_lossy(name)
        )));
    }
    let probe = dictionary! { "Type" => "Font", "Encoding" => Object::Name(name.to_vec()) };
    let encoding = probe
        .get_font_encoding(doc)
        .map_err(|e| unsupported(e.to_string()))?;
    Ok((0..=u8::MAX)
        .map(|code| match encoding.bytes_to_string(&[code]) {
            Ok(text) if !text.is_empty() => text,
            _ => "\0".to_owned(),
        })
        .collect())
}

/// The object itself, or the one a reference designates.
pub fn deref<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(object?).ok().map(|(_, object)| object)
}

fn name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    deref(doc, dict.get(key).ok()).and_then(|o| o.as_name().ok())
}

/// An integer or real operand.
pub fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
