//! Font decoding on font dictionaries built here.

use lopdf::{Document, Object, Stream, dictionary};

use super::*;

/// (width in text space, text) of each glyph of `bytes`.
fn shown(font: &Font, bytes: &[u8]) -> Vec<(f64, String)> {
    font.show(bytes)
        .map(|g| (g.width, g.text.into_owned()))
        .collect()
}

fn texts(font: &Font, bytes: &[u8]) -> String {
    shown(font, bytes).into_iter().map(|(_, t)| t).collect()
}

fn to_unicode_stream(doc: &mut Document, body: &str) -> ObjectId {
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Test def /CMapType 2 def\n{body}\nendcmap CMapName currentdict \
         /CMap defineresource pop end end"
    );
    doc.add_object(Stream::new(Dictionary::new(), cmap.into_bytes()))
}

fn widths(first: i64, widths: &[i64]) -> (Object, Object) {
    (
        Object::Integer(first),
        Object::Array(widths.iter().copied().map(Object::Integer).collect()),
    )
}

#[test]
fn differences_rename_codes_over_the_base_encoding() {
    let doc = Document::with_version("1.5");
    let (first, list) = widths(65, &[600, 700, 800]);
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Custom",
        "FirstChar" => first,
        "Widths" => list,
        "Encoding" => dictionary! {
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![66.into(), "eacute".into(), "oe".into()],
        },
    };
    let font = decode(&doc, &font, usize::MAX).expect("supported");
    assert_eq!(
        shown(&font, b"ABCD\xe9"),
        vec![
            (0.6, "A".to_owned()),
            (0.7, "é".to_owned()),
            (0.8, "œ".to_owned()),
            (0.0, "D".to_owned()),
            (0.0, "é".to_owned()),
        ]
    );
    let spaces: Vec<bool> = font.show(b"A B").map(|g| g.is_word_space).collect();
    assert_eq!(spaces, [false, true, false]);
}

#[test]
fn unknown_glyph_names_and_standard_fonts_without_widths_are_left_to_pdf_extract() {
    let doc = Document::with_version("1.5");
    let odd_name = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "FirstChar" => 32,
        "Widths" => vec![250.into()],
        "Encoding" => dictionary! { "Differences" => vec![32.into(), "notAGlyphName".into()] },
    };
    assert!(decode(&doc, &odd_name, usize::MAX).is_err());
    let standard = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Times-Roman",
        "Encoding" => "WinAnsiEncoding",
    };
    let error = decode(&doc, &standard, usize::MAX).expect_err("no widths");
    assert!(error.to_string().contains("Widths"), "{error}");
}

#[test]
fn to_unicode_bfchar_and_bfrange_come_before_the_encoding() {
    let mut doc = Document::with_version("1.5");
    let cmap = to_unicode_stream(
        &mut doc,
        "1 begincodespacerange <00> <FF> endcodespacerange\n\
         2 beginbfchar <01> <0066006C> <02> <00E9> endbfchar\n\
         1 beginbfrange <41> <43> <0061> endbfrange",
    );
    let (first, list) = widths(0, &[500; 100]);
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "FirstChar" => first,
        "Widths" => list,
        "ToUnicode" => cmap,
    };
    let font = decode(&doc, &font, usize::MAX).expect("supported");
    // Codes the map does not cover read through WinAnsi, a TrueType font's default.
    assert_eq!(texts(&font, b"\x01\x02ABCD\x93"), "fléabcD\u{201C}");
}

#[test]
fn identity_h_reads_two_byte_codes_with_w_widths() {
    let mut doc = Document::with_version("1.5");
    let cmap = to_unicode_stream(
        &mut doc,
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
         1 beginbfrange <0010> <0012> <0041> endbfrange\n\
         1 beginbfchar <0100> <0020> endbfchar",
    );
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "DW" => 900,
        "W" => vec![
            16.into(), vec![400.into(), 450.into()].into(),
            256.into(), 300.into(), 250.into(),
        ],
    });
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => cmap,
    };
    let font = decode(&doc, &font, usize::MAX).expect("supported");
    assert_eq!(
        shown(&font, b"\x00\x10\x00\x11\x00\x12\x01\x00\x00\x99\x07"),
        vec![
            (0.4, "A".to_owned()),
            (0.45, "B".to_owned()),
            (0.9, "C".to_owned()),
            (0.25, " ".to_owned()),
            (0.9, String::new()),
        ],
        "the odd last byte is no code"
    );
    assert!(font.show(b"\x00\x20").all(|g| !g.is_word_space));
    let other_cmap = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "Encoding" => "UniJIS-UCS2-H",
        "DescendantFonts" => vec![descendant.into()],
    };
    assert!(decode(&doc, &other_cmap, usize::MAX).is_err());
}

#[test]
fn type3_widths_follow_the_font_matrix() {
    let doc = Document::with_version("1.5");
    let (first, list) = widths(97, &[1, 2]);
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type3",
        "FontMatrix" => vec![0.5.into(), 0.into(), 0.into(), 0.5.into(), 0.into(), 0.into()],
        "FirstChar" => first,
        "Widths" => list,
        "Encoding" => dictionary! { "Differences" => vec![97.into(), "bullet".into()] },
    };
    let font = decode(&doc, &font, usize::MAX).expect("supported");
    assert_eq!(
        shown(&font, b"ab"),
        vec![(0.5, "•".to_owned()), (1.0, "b".to_owned())]
    );
}

#[test]
fn a_font_is_decoded_once_per_document() {
    let mut doc = Document::with_version("1.5");
    let (first, list) = widths(32, &[250]);
    let id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "FirstChar" => first,
        "Widths" => list,
    });
    let entry = Object::Reference(id);
    let mut cache = FontCache::new(&doc);
    let once = cache.get(&entry, usize::MAX).expect("supported");
    let twice = cache.get(&entry, usize::MAX).expect("supported");
    assert!(Rc::ptr_eq(&once, &twice));
    assert!(cache.get(&Object::Integer(3), usize::MAX).is_err());
}
