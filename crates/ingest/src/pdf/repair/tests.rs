//! Page-tree and CMap repairs on documents built here.

use lopdf::{Stream, dictionary};

use super::*;
use crate::pdf::test_pdfs::{Form, one_page};

/// A one-page document and the id of its page-tree root.
fn document() -> (Document, ObjectId, ObjectId) {
    let (doc, page) = one_page(&[Form::new("Fm0", "", &[])], "BT /F1 10 Tf (x) Tj ET");
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .expect("a page tree");
    (doc, root, page)
}

fn kids(doc: &Document, node: ObjectId) -> Vec<Object> {
    doc.get_dictionary(node)
        .and_then(|n| n.get(b"Kids"))
        .and_then(Object::as_array)
        .expect("kids")
        .clone()
}

#[test]
fn an_intact_tree_is_left_as_it_is() {
    let (mut doc, root, page) = document();
    assert!(repair(&mut doc, usize::MAX).is_empty());
    assert_eq!(kids(&doc, root), [page.into()]);
}

#[test]
fn kids_holding_their_own_node_list_each_page_once() {
    let (mut doc, root, page) = document();
    let middle = doc.add_object(dictionary! {
        "Type" => "Pages",
        "Parent" => root,
        "Count" => 1,
    });
    // The middle node lists itself, the root and the page; the root lists itself too.
    let loop_kids: Vec<Object> = vec![middle.into(), root.into(), page.into()];
    doc.get_dictionary_mut(middle)
        .expect("node")
        .set("Kids", loop_kids);
    doc.get_dictionary_mut(root)
        .expect("root")
        .set("Kids", vec![root.into(), middle.into(), page.into()]);
    assert_ne!(
        doc.get_pages().len(),
        1,
        "lopdf alone does not list the page once"
    );
    let repairs = repair(&mut doc, usize::MAX);
    assert_eq!(repairs.len(), 1, "{repairs:?}");
    assert_eq!(doc.get_pages().into_values().collect::<Vec<_>>(), [page]);
}

#[test]
fn a_parent_cycle_is_cut_and_inherited_entries_kept() {
    let (mut doc, root, page) = document();
    let resources = doc
        .get_dictionary_mut(page)
        .expect("page")
        .remove(b"Resources")
        .expect("resources");
    // The page's parent is a node whose parent is the page's parent again: a loop above the
    // page, with the resources on the way.
    let upper = doc.new_object_id();
    let lower = doc.add_object(dictionary! { "Type" => "Pages", "Parent" => upper });
    doc.objects.insert(
        upper,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Parent" => lower,
            "Resources" => resources.clone(),
        }),
    );
    doc.get_dictionary_mut(page)
        .expect("page")
        .set("Parent", lower);
    assert!(parent_loops(&doc, page));
    assert_eq!(repair(&mut doc, usize::MAX).len(), 1);
    let page_dict = doc.get_dictionary(page).expect("page");
    assert_eq!(
        page_dict.get(b"Parent").and_then(Object::as_reference).ok(),
        Some(root)
    );
    assert_eq!(page_dict.get(b"Resources").ok(), Some(&resources));
    assert!(!parent_loops(&doc, page));
}

fn cmap(body: &str) -> Vec<u8> {
    format!("/CIDInit /ProcSet findresource begin begincmap\n{body}\nendcmap end").into_bytes()
}

#[test]
fn ordinary_cmaps_do_not_run_away() {
    let body = "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
                2 beginbfchar <0003> <0020> <0024> <0041> endbfchar\n\
                2 beginbfrange <0044> <005D> <0061> <1000> <1FFF> [<0041> <0042>] endbfrange";
    assert!(!runs_away(&cmap(body)));
    assert!(!runs_away(b""));
}

#[test]
fn a_range_over_four_billion_codes_and_eight_byte_codes_run_away() {
    assert!(runs_away(&cmap(
        "1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange"
    )));
    assert!(runs_away(&cmap(
        "1 beginbfrange <0000000000000000> <0000000000000010> <0041> endbfrange"
    )));
    assert!(runs_away(&cmap(
        "1 beginbfchar <0000000000000041> <0041> endbfchar"
    )));
    // Many ranges add up.
    let ranges = "<0000> <FFFF> <0041>\n".repeat(3);
    assert!(runs_away(&cmap(&format!(
        "3 beginbfrange {ranges} endbfrange"
    ))));
}

#[test]
fn a_runaway_cmap_is_dropped_from_its_font() {
    let (mut doc, _, page) = document();
    let to_unicode = doc.add_object(Stream::new(
        Dictionary::new(),
        cmap("1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange"),
    ));
    let font = doc
        .get_dictionary(page)
        .and_then(|p| p.get_deref(b"Resources", &doc))
        .and_then(Object::as_dict)
        .and_then(|r| r.get_deref(b"Font", &doc))
        .and_then(Object::as_dict)
        .and_then(|f| f.get(b"F1"))
        .and_then(Object::as_reference)
        .expect("font F1");
    doc.get_dictionary_mut(font)
        .expect("font")
        .set("ToUnicode", to_unicode);
    assert_eq!(repair(&mut doc, usize::MAX).len(), 1);
    assert!(!doc.get_dictionary(font).expect("font").has(b"ToUnicode"));
}
