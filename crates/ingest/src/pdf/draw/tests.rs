//! The drawer on one-page documents built here, with a font whose glyphs are all 500 wide.

use lopdf::{Dictionary, Document, Object, Stream, dictionary};

use super::*;
use crate::pdf::glyphs::Glyph;

/// A one-page document (media box 0 0 600 800) with font /F1 and Form XObjects `forms`
/// (name, dictionary entries, content); a form's `/Self` entry is made to point at itself.
fn document(forms: &[(&str, Dictionary, &str)]) -> (Document, ObjectId) {
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "Encoding" => "WinAnsiEncoding",
        "FirstChar" => 32,
        "LastChar" => 126,
        "Widths" => vec![Object::Integer(500); 95],
    });
    let mut xobjects = Dictionary::new();
    for (name, dict, content) in forms {
        let id = doc.new_object_id();
        let mut dict = dict.clone();
        dict.set("Subtype", "Form");
        if dict.has(b"Self") {
            dict.set(
                "Resources",
                dictionary! {
                    "Font" => dictionary! { "F1" => font },
                    "XObject" => dictionary! { "Self" => id },
                },
            );
            dict.remove(b"Self");
        }
        doc.objects.insert(
            id,
            Object::Stream(Stream::new(dict, content.as_bytes().to_vec())),
        );
        xobjects.set(*name, id);
    }
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => xobjects,
    });
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
        "Resources" => resources,
    });
    (doc, page)
}

fn draw(content: &str, forms: &[(&str, Dictionary, &str)]) -> Vec<Glyph> {
    let (doc, page) = document(forms);
    Drawer::new(&doc)
        .draw_page(page, content.as_bytes(), &mut usize::MAX.clone())
        .expect("drawn")
        .glyphs
}

/// (text, x, y) of each glyph, positions rounded to 1/1000 pt.
fn placed(glyphs: &[Glyph]) -> Vec<(String, f64, f64)> {
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    glyphs
        .iter()
        .map(|g| (g.text.clone(), round(g.x), round(g.y)))
        .collect()
}

fn at(text: &str, x: f64, y: f64) -> (String, f64, f64) {
    (text.to_owned(), x, y)
}

#[test]
fn tj_kerning_moves_the_next_glyph_back() {
    let glyphs = draw("BT /F1 10 Tf 100 700 Td [(A) 500 (B) -1000 (C)] TJ ET", &[]);
    // Each glyph advances 5 pt; 500 thousandths of 10 pt pull back 5, -1000 push on 10.
    assert_eq!(
        placed(&glyphs),
        [
            at("A", 100.0, 700.0),
            at("B", 100.0, 700.0),
            at("C", 115.0, 700.0)
        ]
    );
    assert!(glyphs.iter().all(|g| g.width == 5.0 && g.size == 10.0));
}

#[test]
fn horizontal_scaling_and_character_and_word_spacing() {
    let glyphs = draw("BT /F1 10 Tf 50 Tz 2 Tc 4 Tw 0 700 Td (a b) Tj ET", &[]);
    // Advance = 0.5 × (5 + 2) = 3.5, and 0.5 × (5 + 2 + 4) = 5.5 after the space.
    assert_eq!(
        placed(&glyphs),
        [
            at("a", 0.0, 700.0),
            at(" ", 3.5, 700.0),
            at("b", 9.0, 700.0)
        ]
    );
    assert_eq!(glyphs[0].width, 2.5, "the glyph is drawn half as wide");
}

#[test]
fn leading_rise_and_quote_operators_move_lines() {
    let glyphs = draw(
        "BT /F1 10 Tf 20 0 0 20 0 0 cm 5 10 Td 0.5 TL (a) Tj (b) ' 1 0 (c) \" 2 Ts (d) Tj ET",
        &[],
    );
    assert_eq!(
        placed(&glyphs),
        [
            at("a", 100.0, 200.0),
            at("b", 100.0, 190.0),
            at("c", 100.0, 180.0),
            at("d", 200.0, 220.0),
        ],
        "text space is scaled 20× by the CTM; \" sets word then character spacing"
    );
}

#[test]
fn a_form_is_drawn_with_its_matrix_inside_the_current_ctm() {
    let form = dictionary! {
        "Matrix" => vec![2.into(), 0.into(), 0.into(), 2.into(), 10.into(), 20.into()],
    };
    let glyphs = draw(
        "q 1 0 0 1 100 100 cm /Fm0 Do Q BT /F1 10 Tf 0 0 Td (z) Tj ET",
        &[("Fm0", form, "BT /F1 10 Tf 5 5 Td (y) Tj ET")],
    );
    assert_eq!(placed(&glyphs), [at("y", 120.0, 130.0), at("z", 0.0, 0.0)]);
    assert_eq!(glyphs[0].size, 20.0);
}

#[test]
fn a_form_drawing_itself_is_drawn_once() {
    let form = dictionary! { "Self" => true };
    let glyphs = draw(
        "/Fm0 Do",
        &[("Fm0", form, "BT /F1 10 Tf 0 0 Td (x) Tj ET /Self Do")],
    );
    assert_eq!(placed(&glyphs), [at("x", 0.0, 0.0)]);
}

#[test]
fn form_content_is_taken_from_the_budget() {
    let content = "BT /F1 10 Tf (x) Tj ET";
    let (doc, page) = document(&[("Fm0", Dictionary::new(), content)]);
    let mut drawer = Drawer::new(&doc);
    let mut budget = 1000;
    drawer
        .draw_page(page, b"/Fm0 Do", &mut budget)
        .expect("fits");
    assert_eq!(budget, 1000 - content.len());
    let mut budget = 5;
    assert!(matches!(
        drawer.draw_page(page, b"/Fm0 Do", &mut budget),
        Err(DrawError::LimitExceeded(_))
    ));
}

#[test]
fn what_it_cannot_draw_it_declines() {
    let (doc, page) = document(&[]);
    let mut drawer = Drawer::new(&doc);
    for content in [
        "BT /F9 10 Tf (x) Tj ET",
        "BT /F1 10 Tf 42 Tj ET",
        "1 0 0 cm",
        "BT 0 Td ET",
    ] {
        assert!(
            matches!(
                drawer.draw_page(page, content.as_bytes(), &mut usize::MAX.clone()),
                Err(DrawError::Declined(_))
            ),
            "{content}"
        );
    }
}
