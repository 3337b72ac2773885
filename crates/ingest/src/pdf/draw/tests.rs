//! The drawer on one-page documents built here, with a font whose glyphs are all 500 wide.

use super::*;
use crate::Limits;
use crate::pdf::glyphs::Glyph;
use crate::pdf::test_pdfs::{Form, budget, default_budget, fanning_forms, one_page};

fn drawn(content: &str, forms: &[Form], limits: &Limits) -> Drawn {
    let (doc, page) = one_page(forms, content);
    Drawer::new(&doc)
        .draw_page(page, content.as_bytes(), &mut budget(limits))
        .expect("drawn")
}

fn draw(content: &str, forms: &[Form]) -> Vec<Glyph> {
    let drawn = drawn(content, forms, &Limits::default());
    assert_eq!(drawn.cut_short, None);
    drawn.glyphs.glyphs
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
    let matrix: Vec<Object> = vec![2.into(), 0.into(), 0.into(), 2.into(), 10.into(), 20.into()];
    let form = Form::new("Fm0", "BT /F1 10 Tf 5 5 Td (y) Tj ET", &[]).with("Matrix", matrix);
    let glyphs = draw(
        "q 1 0 0 1 100 100 cm /Fm0 Do Q BT /F1 10 Tf 0 0 Td (z) Tj ET",
        &[form],
    );
    assert_eq!(placed(&glyphs), [at("y", 120.0, 130.0), at("z", 0.0, 0.0)]);
    assert_eq!(glyphs[0].size, 20.0);
}

#[test]
fn a_form_drawing_itself_is_drawn_once() {
    let form = Form::new("Fm0", "BT /F1 10 Tf 0 0 Td (x) Tj ET /Fm0 Do", &["Fm0"]);
    let glyphs = draw("/Fm0 Do", &[form]);
    assert_eq!(placed(&glyphs), [at("x", 0.0, 0.0)]);
}

#[test]
fn forms_drawing_each_other_are_drawn_once_each() {
    let forms = [
        Form::new("A", "BT /F1 10 Tf 0 0 Td (a) Tj ET /B Do", &["B"]),
        Form::new("B", "BT /F1 10 Tf 0 10 Td (b) Tj ET /A Do", &["A"]),
    ];
    let glyphs = draw("/A Do", &forms);
    assert_eq!(placed(&glyphs), [at("a", 0.0, 0.0), at("b", 0.0, 10.0)]);
}

#[test]
fn forms_fanning_out_end_at_the_operator_budget_with_what_was_drawn() {
    // 11 levels drawing the next 10 times: 10^10 draws without a budget.
    let limits = Limits {
        max_operators: 10_000,
        ..Limits::default()
    };
    let drawn = drawn("/L0 Do", &fanning_forms(11, 10), &limits);
    assert_eq!(drawn.cut_short, Some(Exhausted::Operators(10_000)));
    assert!(!drawn.glyphs.glyphs.is_empty(), "the glyphs drawn are kept");
}

#[test]
fn glyphs_and_time_are_charged_too() {
    let content = "BT /F1 10 Tf (abcdef) Tj ET";
    let limits = Limits {
        max_glyphs: 4,
        ..Limits::default()
    };
    let cut = drawn(content, &[], &limits);
    assert_eq!(cut.cut_short, Some(Exhausted::Glyphs(4)));
    assert_eq!(cut.glyphs.glyphs.len(), 4);
    let limits = Limits {
        max_duration: std::time::Duration::ZERO,
        ..Limits::default()
    };
    let long = "0 0 m\n".repeat(5000);
    std::thread::sleep(std::time::Duration::from_millis(1));
    assert_eq!(
        drawn(&long, &[], &limits).cut_short,
        Some(Exhausted::Time(std::time::Duration::ZERO))
    );
}

#[test]
fn the_saved_state_stack_is_bounded_and_q_still_pairs_with_q() {
    // 100,000 `q`: only MAX_SAVED_STATES are kept; the matching `Q` restore the first state.
    let content = format!(
        "{} 2 0 0 2 0 0 cm {} BT /F1 10 Tf 10 10 Td (x) Tj ET",
        "q ".repeat(100_000),
        "Q ".repeat(100_000)
    );
    let glyphs = draw(&content, &[]);
    assert_eq!(
        placed(&glyphs),
        [at("x", 10.0, 10.0)],
        "the CTM was restored"
    );
}

#[test]
fn form_content_is_taken_from_the_budget() {
    let content = "BT /F1 10 Tf (x) Tj ET";
    let (doc, page) = one_page(&[Form::new("Fm0", content, &[])], "");
    let mut drawer = Drawer::new(&doc);
    let limits = |bytes| Limits {
        max_decompressed_bytes: bytes,
        ..Limits::default()
    };
    let mut budget = budget(&limits(1000));
    let drawn = drawer
        .draw_page(page, b"/Fm0 Do", &mut budget)
        .expect("fits");
    assert_eq!(drawn.cut_short, None);
    assert_eq!(budget.decompressed, 1000 - content.len());
    let mut budget = crate::pdf::test_pdfs::budget(&limits(5));
    let drawn = drawer
        .draw_page(page, b"/Fm0 Do", &mut budget)
        .expect("cut short");
    assert_eq!(drawn.cut_short, Some(Exhausted::Decompressed(5)));
}

#[test]
fn what_it_cannot_draw_it_declines() {
    let (doc, page) = one_page(&[], "");
    let mut drawer = Drawer::new(&doc);
    for content in [
        "BT /F9 10 Tf (x) Tj ET",
        "BT /F1 10 Tf 42 Tj ET",
        "1 0 0 cm",
        "BT 0 Td ET",
    ] {
        assert!(
            matches!(
                drawer.draw_page(page, content.as_bytes(), &mut default_budget()),
                Err(DrawError::Declined(_))
            ),
            "{content}"
        );
    }
}
