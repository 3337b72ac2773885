//! End-to-end tests on PDFs built here with lopdf: one property of real files per test.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use encoding_rs::WINDOWS_1252;
use lopdf::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
use lopdf::{
    Dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream,
    dictionary,
};
use model::{Extracted, codes};

use super::extract;
use super::glyphs::PageGlyphs;
use super::test_pdfs::{
    Form, bytes_of, default_budget, fanning_forms, one_page, only_standard_fonts,
};
use crate::{IngestError, Limits};

/// A4 height in points.
const PAGE_HEIGHT: f64 = 842.0;

/// What one test page holds.
#[derive(Default)]
struct Page {
    /// Text runs: x, baseline, font size, text (Helvetica, Windows-1252).
    runs: Vec<(f64, f64, f64, String)>,
    /// Raw content-stream operators appended after the runs.
    raw: &'static str,
    /// Whether the page draws an image.
    image: bool,
}

impl Page {
    /// Lines of 10-point text at x = 72, 14 points apart, starting at baseline `top`.
    fn lines(top: f64, lines: &[&str]) -> Page {
        let mut page = Page::default();
        page.add_lines(72.0, top, lines);
        page
    }

    fn add_lines(&mut self, x: f64, top: f64, lines: &[&str]) {
        for (i, line) in lines.iter().enumerate() {
            self.runs
                .push((x, top - 14.0 * i as f64, 10.0, (*line).to_owned()));
        }
    }

    fn add(&mut self, x: f64, y: f64, text: &str) {
        self.runs.push((x, y, 10.0, text.to_owned()));
    }

    fn content(&self) -> Vec<u8> {
        let mut content = Vec::new();
        for (x, y, size, text) in &self.runs {
            content.extend(format!("BT /F1 {size} Tf {x} {y} Td (").bytes());
            let (encoded, _, _) = WINDOWS_1252.encode(text);
            for &byte in encoded.iter() {
                if matches!(byte, b'(' | b')' | b'\\') {
                    content.push(b'\\');
                }
                content.push(byte);
            }
            content.extend(b") Tj ET\n");
        }
        if self.image {
            content.extend(b"q 200 0 0 200 100 400 cm /Im1 Do Q\n");
        }
        content.extend(self.raw.bytes());
        content
    }
}

/// Helvetica's advance widths (AFM) for codes 32 to 126.
const HELVETICA_ASCII: [i64; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// Widths of the test font (F1) for codes 32 to 255: Helvetica's, accented letters as wide
/// as their base letter.
fn test_font_widths() -> Vec<Object> {
    use unicode_normalization::UnicodeNormalization;
    let ascii_width = |c: char| {
        u8::try_from(c)
            .ok()
            .and_then(|b| HELVETICA_ASCII.get(usize::from(b.checked_sub(32)?)))
            .copied()
    };
    (32..=255u8)
        .map(|code| {
            let bytes = [code];
            let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
            let base = decoded.nfd().next().unwrap_or(' ');
            Object::Integer(ascii_width(base).unwrap_or(556))
        })
        .collect()
}

/// Pages whose text is drawn with /F1 (Helvetica with Widths, WinAnsi) or /F2 (standard
/// Helvetica without Widths: only pdf-extract, which carries its metrics, draws it).
fn document(pages: &[Page]) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
        "FirstChar" => 32,
        "LastChar" => 255,
        "Widths" => test_font_widths(),
    });
    let standard_font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let image_id = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 2,
            "Height" => 2,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id, "F2" => standard_font_id },
        "XObject" => dictionary! { "Im1" => image_id },
    });
    let kids: Vec<Object> = pages
        .iter()
        .map(|page| {
            let content_id = doc.add_object(Stream::new(Dictionary::new(), page.content()));
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => i64::try_from(pages.len()).expect("few pages"),
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), PAGE_HEIGHT.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ]),
    );
    doc
}

fn pdf(pages: &[Page]) -> Vec<u8> {
    bytes_of(document(pages))
}

fn read(bytes: &[u8]) -> Extracted {
    extract(bytes, &Limits::default()).expect("reads")
}

fn has_code(diagnostics: &[model::Diagnostic], code: &str) -> bool {
    diagnostics.iter().any(|d| d.code == code)
}

const BODY: [&str; 3] = [
    "The Defence Policy Section deals with a wide range of",
    "issues related to Alliance defence policies and strategies.",
    "It also engages with Allies and Partners on a regular basis.",
];

#[test]
fn running_header_footer_and_page_numbers_are_removed() {
    let pages: Vec<Page> = (1..=3)
        .map(|n| {
            let mut page = Page::lines(740.0, &BODY);
            page.add(72.0, 810.0, "NATO UNCLASSIFIED - Vacancy notice");
            page.add(280.0, 30.0, &format!("{n} / 3"));
            page
        })
        .collect();
    let extracted = read(&pdf(&pages));
    assert!(
        !extracted.text.contains("UNCLASSIFIED"),
        "{}",
        extracted.text
    );
    assert!(!extracted.text.contains("/ 3"), "{}", extracted.text);
    assert_eq!(
        extracted.text.matches("The Defence Policy Section").count(),
        3
    );
    let warning = extracted
        .warnings
        .iter()
        .find(|w| w.code == codes::PAGE_FURNITURE_REMOVED)
        .expect("furniture warning");
    assert!(
        warning.message.contains("NATO UNCLASSIFIED"),
        "{}",
        warning.message
    );
    assert!(
        warning.message.contains("3 page numbers"),
        "{}",
        warning.message
    );
    assert_eq!(extracted.pages, Some(3));
    assert!(extracted.errors.is_empty());
}

#[test]
fn broken_words_are_joined_and_real_hyphens_kept() {
    let page = Page::lines(
        760.0,
        &[
            "Relevant experience in defence policy, and relevant experi-",
            "ence in staff well-being, political, politico-military and well-",
            "being questions; the post is in Belgique-Bruxelles and Belgique-",
            "Bruxelles is the place of work, with occasional travel.",
        ],
    );
    let text = read(&pdf(&[page])).text;
    assert_eq!(
        text,
        "Relevant experience in defence policy, and relevant experience in staff well-being, \
         political, politico-military and well-being questions; the post is in \
         Belgique-Bruxelles and Belgique-Bruxelles is the place of work, with occasional travel."
    );
}

#[test]
fn english_and_french_columns_are_read_one_after_the_other() {
    let english = [
        "1. SUMMARY",
        "The Division leads the defence",
        "aspects of the security tasks of",
        "the Alliance at the political level.",
        "2. QUALIFICATIONS",
        "The incumbent must possess a",
        "university degree from a school.",
    ];
    let french = [
        "1. RÉSUMÉ",
        "La Division dirige les aspects de",
        "défense des tâches de sécurité de",
        "l'Alliance au niveau politique.",
        "2. QUALIFICATIONS",
        "Le ou la titulaire doit posséder",
        "un diplôme universitaire reconnu.",
    ];
    let title = "VACANCY NOTIFICATION / NOTIFICATION DE LA VACANCE DU POSTE";
    let make_page = |title: Option<&str>| {
        let mut page = Page::default();
        if let Some(title) = title {
            page.add(72.0, 800.0, title);
        }
        page.add_lines(72.0, 760.0, &english);
        page.add_lines(320.0, 760.0, &french);
        page
    };
    // A running title repeated on every page would be page furniture: only the first has one.
    let text = read(&pdf(&[make_page(Some(title)), make_page(None)])).text;
    let first_french = text.find("RÉSUMÉ").expect("French read");
    let last_english = text.rfind("university degree").expect("English read");
    assert!(last_english < first_french, "{text}");
    assert!(
        text.contains(
            "The Division leads the defence aspects of the security tasks of the Alliance at \
             the political level."
        ),
        "{text}"
    );
    assert!(text.contains("\n\n2. QUALIFICATIONS\n\n"), "{text}");
    assert!(text.starts_with("VACANCY NOTIFICATION"), "{text}");
    assert_eq!(text.matches("La Division dirige").count(), 2);
}

fn encrypted(version: impl FnOnce(&Document) -> EncryptionVersion<'_>) -> Vec<u8> {
    let mut doc = document(&[Page::lines(760.0, &BODY)]);
    let state = EncryptionState::try_from(version(&doc)).expect("encryption state");
    doc.encrypt(&state).expect("encrypts");
    bytes_of(doc)
}

#[test]
fn empty_user_password_opens_with_rc4_and_aes_256() {
    let rc4 = encrypted(|doc| EncryptionVersion::V2 {
        document: doc,
        owner_password: "owner",
        user_password: "",
        key_length: 128,
        permissions: Permissions::all(),
    });
    let aes: Arc<dyn CryptFilter> = Arc::new(Aes256CryptFilter);
    let aes_256 = encrypted(|_| EncryptionVersion::V5 {
        encrypt_metadata: true,
        crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), aes)]),
        file_encryption_key: &[7; 32],
        stream_filter: b"StdCF".to_vec(),
        string_filter: b"StdCF".to_vec(),
        owner_password: "owner",
        user_password: "",
        permissions: Permissions::all(),
    });
    for bytes in [rc4, aes_256] {
        assert!(bytes.windows(8).any(|w| w == b"/Encrypt"));
        let extracted = read(&bytes);
        assert!(
            extracted.text.starts_with("The Defence Policy Section"),
            "{}",
            extracted.text
        );
        assert!(extracted.errors.is_empty());
    }
}

#[test]
fn a_required_password_fails_as_encrypted() {
    let bytes = encrypted(|doc| EncryptionVersion::V2 {
        document: doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: Permissions::all(),
    });
    let error = extract(&bytes, &Limits::default()).expect_err("needs a password");
    assert_eq!(error.code(), codes::ENCRYPTED);
}

#[test]
fn a_truncated_file_is_never_a_complete_document() {
    let pages: Vec<Page> = (0..4).map(|_| Page::lines(760.0, &BODY)).collect();
    let bytes = pdf(&pages);
    for cut in [bytes.len() / 2, bytes.len() - 40] {
        match extract(&bytes[..cut], &Limits::default()) {
            Ok(extracted) => {
                assert!(
                    has_code(&extracted.errors, codes::CORRUPT_PDF),
                    "cut at {cut}"
                );
            }
            Err(error) => assert_eq!(error.code(), codes::CORRUPT_PDF, "cut at {cut}"),
        }
    }
}

#[test]
fn a_page_the_layout_reader_cannot_draw_is_read_without_layout() {
    let first = Page::lines(760.0, &BODY);
    // pdf-extract panics on a Tj whose operand is not a string; lopdf skips it.
    let broken = Page {
        raw: "BT /F1 10 Tf 72 700 Td (Recovered words) Tj 42 Tj ET\n",
        ..Page::default()
    };
    let extracted = read(&pdf(&[first, broken]));
    assert!(
        extracted.text.starts_with("The Defence Policy Section"),
        "{}",
        extracted.text
    );
    assert!(
        extracted.text.contains("Recovered words"),
        "{}",
        extracted.text
    );
    let warning = extracted
        .warnings
        .iter()
        .find(|w| w.code == codes::PAGE_FAILED)
        .expect("page-failed warning");
    assert!(warning.message.starts_with("page 2"), "{}", warning.message);
}

#[test]
fn a_font_our_drawer_declines_is_drawn_by_pdf_extract() {
    let standard = Page {
        raw: "BT /F2 10 Tf 72 700 Td (Standard font words) Tj ET\n",
        ..Page::default()
    };
    let extracted = read(&pdf(&[Page::lines(760.0, &BODY), standard]));
    assert!(
        extracted.text.ends_with("Standard font words"),
        "{}",
        extracted.text
    );
    assert!(extracted.warnings.is_empty(), "{:?}", extracted.warnings);
}

#[test]
fn a_page_no_reader_can_read_is_an_error_and_the_rest_is_kept() {
    let bytes = pdf(&[Page::lines(740.0, &BODY)]);
    let opened = super::open::open(&bytes, &Limits::default()).expect("opens");
    assert!(opened.renderer.set(None).is_ok(), "not loaded yet");
    let mut drawer = super::Drawer::new(&opened.structure);
    let mut report = super::Report {
        warnings: Vec::new(),
        errors: Vec::new(),
        limit_hit: None,
        stopped: false,
    };
    let pages = opened.structure.get_pages();
    let first_id = pages[&1];
    let content = opened
        .structure
        .get_page_content_with_limit(first_id, usize::MAX)
        .expect("content");
    let mut budget = default_budget();
    // Page 2 is missing from the page tree: no reader finds it.
    let missing = super::PageSource {
        number: 2,
        id: (999, 0),
        content: b"",
    };
    let missing = super::read_page(&opened, &mut drawer, &missing, &mut budget, &mut report);
    assert!(matches!(missing, super::PageText::Missing));
    assert!(
        report.errors[0]
            .message
            .starts_with("page 2 could not be read")
    );
    let first = super::PageSource {
        number: 1,
        id: first_id,
        content: &content,
    };
    let first = super::read_page(&opened, &mut drawer, &first, &mut budget, &mut report);
    assert!(matches!(first, super::PageText::Glyphs(_)), "drawn by us");
    let pages = [(1, first), (2, missing)].map(|(number, text)| super::ReadPage {
        number,
        text,
        draws_images: false,
    });
    let extracted = super::assemble(pages.into(), 2, report).expect("partial");
    assert!(
        extracted.text.starts_with("The Defence Policy Section"),
        "{}",
        extracted.text
    );
    assert!(has_code(&extracted.errors, codes::PAGE_FAILED));
}

/// Glyphs drawn by both readers: ours and pdf-extract's.
fn both_readers(bytes: &[u8]) -> Vec<(u32, PageGlyphs, Result<PageGlyphs, String>)> {
    let opened = super::open::open(bytes, &Limits::default()).expect("opens");
    let mut drawer = super::Drawer::new(&opened.structure);
    let renderer = opened.renderer().expect("pdf-extract loads it");
    opened
        .structure
        .get_pages()
        .into_iter()
        .map(|(number, id)| {
            let content = opened
                .structure
                .get_page_content_with_limit(id, usize::MAX)
                .expect("content");
            let ours = drawer
                .draw_page(id, &content, &mut default_budget())
                .unwrap_or_else(|e| panic!("page {number} declined: {e}"))
                .glyphs;
            let theirs = super::draw_with_pdf_extract(renderer, number, &mut default_budget())
                .map(|drawn| drawn.glyphs);
            (number, ours, theirs)
        })
        .collect()
}

/// Same glyph text in the same order, positions and sizes within 0.01 pt.
fn assert_same_glyphs(what: &str, ours: &PageGlyphs, theirs: &PageGlyphs) {
    const TOLERANCE: f64 = 0.01;
    assert_eq!(
        (ours.width, ours.height),
        (theirs.width, theirs.height),
        "{what}"
    );
    let text = |page: &PageGlyphs| {
        page.glyphs
            .iter()
            .map(|g| g.text.clone())
            .collect::<String>()
    };
    assert_eq!(text(ours), text(theirs), "{what}");
    assert_eq!(ours.glyphs.len(), theirs.glyphs.len(), "{what}");
    for (a, b) in ours.glyphs.iter().zip(&theirs.glyphs) {
        let close = [(a.x, b.x), (a.y, b.y), (a.width, b.width), (a.size, b.size)]
            .iter()
            .all(|(p, q)| (p - q).abs() <= TOLERANCE);
        assert!(close, "{what}: {a:?} vs {b:?}");
    }
}

#[test]
fn our_drawer_matches_pdf_extract_on_the_corpus_pdfs() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/pdf")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut pages = 0;
    for file in &files {
        let bytes = std::fs::read(file).expect("reads");
        for (number, ours, theirs) in both_readers(&bytes) {
            let theirs = theirs.unwrap_or_else(|e| panic!("{file:?} page {number}: {e}"));
            assert!(!ours.glyphs.is_empty(), "{file:?} page {number}");
            assert_same_glyphs(&format!("{file:?} page {number}"), &ours, &theirs);
            pages += 1;
        }
    }
    assert!(pages >= files.len());
}

#[test]
fn our_drawer_matches_pdf_extract_on_the_test_pdfs() {
    let mut columns = Page::default();
    columns.add_lines(72.0, 760.0, &BODY);
    columns.add_lines(320.0, 760.0, &["Deuxième colonne, « français » : œuvre"]);
    let pages = [
        Page::lines(760.0, &BODY),
        columns,
        Page {
            raw: "BT /F1 12 Tf 2 Tc 10 Tw 80 Tz 3 Ts 1 0 0 1 72 500 Tm                   [(Kern)-250(ed) 120.5 ( text)] TJ 14 TL T* (Next line) Tj ET
                  q 0.5 0 0 0.5 100 100 cm BT /F1 10 Tf 0 0 Td (Scaled) Tj ET Q
",
            ..Page::default()
        },
    ];
    for (number, ours, theirs) in both_readers(&pdf(&pages)) {
        assert_same_glyphs(&format!("page {number}"), &ours, &theirs.expect("drawn"));
    }
}

#[test]
fn a_scan_without_text_fails_as_no_text_layer() {
    let scan = Page {
        image: true,
        ..Page::default()
    };
    let error = extract(&pdf(&[scan]), &Limits::default()).expect_err("no text");
    assert_eq!(error.code(), codes::NO_TEXT_LAYER);
}

#[test]
fn not_a_pdf_and_no_pages_are_errors() {
    let html = b"<html><body>404 Not Found</body></html>";
    assert_eq!(
        extract(html, &Limits::default()).map(|_| ()),
        Err(IngestError::NotAPdf("no %PDF- header".to_owned()))
    );
    let error = extract(b"%PDF-1.7\n%%EOF\n", &Limits::default()).expect_err("nothing inside");
    assert_eq!(error.code(), codes::CORRUPT_PDF);
}

#[test]
fn limits_stop_the_work_and_say_so() {
    let pages: Vec<Page> = (1..=3)
        .map(|n| Page::lines(700.0, &[&format!("Text of page number {n}.")]))
        .collect();
    let bytes = pdf(&pages);

    let two_pages = Limits {
        max_pages: 2,
        ..Limits::default()
    };
    let extracted = extract(&bytes, &two_pages).expect("partial");
    assert_eq!(
        extracted.text,
        "Text of page number 1.\n\nText of page number 2."
    );
    assert!(has_code(&extracted.errors, codes::LIMIT_EXCEEDED));

    let no_time = Limits {
        max_duration: Duration::ZERO,
        ..Limits::default()
    };
    let error = extract(&bytes, &no_time).expect_err("no time");
    assert_eq!(error.code(), codes::LIMIT_EXCEEDED);

    let few_bytes = Limits {
        max_decompressed_bytes: 60,
        ..Limits::default()
    };
    let extracted = extract(&bytes, &few_bytes).expect("first page fits");
    assert_eq!(extracted.text, "Text of page number 1.");
    assert!(has_code(&extracted.errors, codes::LIMIT_EXCEEDED));
}

/// Reads a one-page document built by [`one_page`] whose font our drawer declines, so that the
/// page goes to the other readers.
fn read_declined(forms: &[Form], content: &str, limits: &Limits) -> Result<Extracted, IngestError> {
    let (mut doc, _) = one_page(forms, content);
    only_standard_fonts(&mut doc);
    extract(&bytes_of(doc), limits)
}

#[test]
fn forms_drawing_themselves_are_never_handed_to_pdf_extract() {
    // pdf-extract would recurse until the stack overflows and the process aborts.
    let text = "BT /F1 10 Tf 72 700 Td (Words before the form) Tj ET";
    for forms in [
        vec![Form::new("A", "/A Do", &["A"])],
        vec![
            Form::new("A", "/B Do", &["B"]),
            Form::new("B", "/A Do", &["A"]),
        ],
    ] {
        let extracted = read_declined(&forms, &format!("{text} /A Do"), &Limits::default())
            .expect("read without layout");
        assert_eq!(extracted.text, "Words before the form");
        let warning = &extracted.warnings[0];
        assert_eq!(warning.code, codes::PAGE_FAILED);
        assert!(
            warning.message.contains("draws itself"),
            "{}",
            warning.message
        );
    }
}

#[test]
fn nested_states_past_the_bound_are_not_handed_to_pdf_extract() {
    let content = format!(
        "{} BT /F1 10 Tf 72 700 Td (Deep) Tj ET",
        "q ".repeat(100_000)
    );
    let extracted = read_declined(&[], &content, &Limits::default()).expect("read without layout");
    assert_eq!(extracted.text, "Deep");
    assert!(has_code(&extracted.warnings, codes::PAGE_FAILED));
}

#[test]
fn a_page_tree_listing_its_own_node_gives_each_page_once() {
    let (mut doc, page) = one_page(&[], "BT /F1 10 Tf 72 700 Td (Only once) Tj ET");
    let root = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"Parent"))
        .and_then(Object::as_reference)
        .expect("parent");
    doc.get_dictionary_mut(root)
        .expect("root")
        .set("Kids", vec![page.into(), root.into(), page.into()]);
    let extracted = read(&bytes_of(doc));
    assert_eq!(extracted.text, "Only once");
    assert_eq!(extracted.pages, Some(1));
    assert!(has_code(&extracted.warnings, codes::CORRUPT_PDF));
}

#[test]
fn a_parent_cycle_without_resources_ends() {
    // The page has no resources, and its ancestors loop: pdf-extract would climb forever.
    let (mut doc, page) = one_page(&[], "BT /F1 10 Tf 72 700 Td (Looping parents) Tj ET");
    let looping = doc.new_object_id();
    doc.objects.insert(
        looping,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Parent" => looping }),
    );
    let page_dict = doc.get_dictionary_mut(page).expect("page");
    page_dict.remove(b"Resources");
    page_dict.set("Parent", looping);
    let result = extract(&bytes_of(doc), &Limits::default());
    // No font, so no text: what matters is that it ends, with an error.
    assert!(result.is_err(), "{result:?}");
}

#[test]
fn a_cmap_range_over_every_four_byte_code_is_dropped() {
    let (mut doc, page) = one_page(&[], "BT /F1 10 Tf 72 700 Td (Kept text) Tj ET");
    let cmap = "/CIDInit /ProcSet findresource begin begincmap\n\
                1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\nendcmap end";
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap.as_bytes().to_vec()));
    let fonts: Vec<_> = doc
        .objects
        .iter()
        .filter(|(_, o)| o.as_dict().is_ok_and(|d| d.has(b"Widths")))
        .map(|(id, _)| *id)
        .collect();
    for font in fonts {
        doc.get_dictionary_mut(font)
            .expect("font")
            .set("ToUnicode", to_unicode);
    }
    let _ = page;
    for only_standard in [false, true] {
        let mut doc = doc.clone();
        if only_standard {
            only_standard_fonts(&mut doc);
        }
        let extracted = read(&bytes_of(doc));
        assert_eq!(extracted.text, "Kept text");
        assert!(has_code(&extracted.warnings, codes::CORRUPT_PDF));
    }
}

#[test]
fn the_operator_budget_ends_a_fan_out_of_forms_with_what_was_read() {
    let limits = Limits {
        max_operators: 100_000,
        ..Limits::default()
    };
    let forms = fanning_forms(11, 10);
    // Drawn by us: the page is cut short and the document partial.
    let (doc, _) = one_page(&forms, "BT /F1 10 Tf 72 700 Td (First) Tj ET /L0 Do");
    let extracted = extract(&bytes_of(doc), &limits).expect("partial");
    assert!(extracted.text.starts_with("First"), "{}", extracted.text);
    let error = &extracted.errors[0];
    assert_eq!(error.code, codes::LIMIT_EXCEEDED);
    assert!(
        error
            .message
            .starts_with("page 1: more than 100000 operators"),
        "{}",
        error.message
    );
    // Declined by us: not handed over, and read without its forms.
    let extracted = read_declined(
        &forms,
        "BT /F1 10 Tf 72 700 Td (First) Tj ET /L0 Do",
        &limits,
    )
    .expect("read without layout");
    assert_eq!(extracted.text, "First");
    // Nothing read before the budget ran out: limit-exceeded.
    let error = extract(
        &bytes_of(one_page(&forms, "/L0 Do").0),
        &Limits {
            max_glyphs: 0,
            ..limits
        },
    )
    .expect_err("nothing read");
    assert_eq!(error.code(), codes::LIMIT_EXCEEDED);
}

#[test]
fn a_page_over_the_content_cap_is_given_to_no_reader_that_parses_it_whole() {
    let limits = Limits {
        max_page_content_bytes: 100,
        ..Limits::default()
    };
    let content = format!(
        "BT /F1 10 Tf 72 700 Td (Big page) Tj ET {}",
        "0 0 m ".repeat(50)
    );
    // Our drawer streams it.
    let extracted = extract(&bytes_of(one_page(&[], &content).0), &limits).expect("drawn");
    assert_eq!(extracted.text, "Big page");
    // Declined by our drawer: the text is reported lost.
    let error = read_declined(&[], &content, &limits).expect_err("lost");
    assert_eq!(error.code(), codes::CORRUPT_PDF);
    assert!(error.to_string().contains("over the 100"), "{error}");
}

#[test]
fn a_page_whose_content_is_cut_short_or_missing_makes_the_document_partial() {
    let pages: Vec<Page> = (1..=3)
        .map(|n| Page::lines(700.0, &[&format!("Text of page number {n}.")]))
        .collect();
    let mut doc = document(&pages);
    let page_ids: Vec<_> = doc.get_pages().into_values().collect();
    let content_of = |doc: &Document, page| {
        doc.get_dictionary(page)
            .and_then(|p| p.get(b"Contents"))
            .and_then(Object::as_reference)
            .expect("content")
    };
    // Page 1: the content stops in the middle of its text (damaged compressed data is read
    // up to the damage). Page 2: its content is a string, not a stream.
    let first = content_of(&doc, page_ids[0]);
    doc.objects.insert(
        first,
        Object::Stream(Stream::new(
            Dictionary::new(),
            b"BT /F1 10 Tf 72 700 Td (Text of pa".to_vec(),
        )),
    );
    let second = content_of(&doc, page_ids[1]);
    doc.objects
        .insert(second, Object::string_literal("not a stream"));
    let extracted = read(&bytes_of(doc));
    assert_eq!(extracted.text, "Text of page number 3.");
    let messages: Vec<&str> = extracted
        .errors
        .iter()
        .map(|e| e.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "page 1: its content is damaged; the text on it is lost",
            "page 2: its content is not a stream; the text on it may be lost",
        ]
    );
    assert!(
        extracted
            .errors
            .iter()
            .all(|e| e.code == codes::PAGE_FAILED)
    );
}

#[test]
fn the_title_of_a_box_ranks_with_the_headings_that_divide_the_body() {
    use super::paragraphs::StyledHeading;
    let styled = |line: usize, size: f64, bold: bool, heads_box: bool| StyledHeading {
        line,
        size,
        bold,
        heads_box,
    };
    let headings = [
        styled(0, 24.0, true, false),
        styled(4, 12.0, true, false),
        styled(9, 12.0, true, false),
        styled(14, 10.0, false, true),
    ];
    let levels: Vec<u8> = super::ranked(&headings).iter().map(|h| h.level).collect();
    assert_eq!(levels, [1, 2, 2, 2]);
    // Without headings that recur, the box ranks below every style.
    let levels: Vec<u8> = super::ranked(
        &headings[..2]
            .iter()
            .copied()
            .chain([headings[3]])
            .collect::<Vec<_>>(),
    )
    .iter()
    .map(|h| h.level)
    .collect();
    assert_eq!(levels, [1, 2, 3]);
}
