use std::collections::BTreeMap;

use model::{
    Counts, Kind, Lang, Section, SectionSide, SegmentPair, Source, SourceFormat, Status, Timings,
};
use quick_xml::Reader;
use quick_xml::events::Event;

use super::*;

fn side(heading: &str, text: &str) -> Option<SectionSide> {
    Some(SectionSide {
        heading: Some(heading.to_owned()),
        text: text.to_owned(),
    })
}

fn pair(en: &str, fr: &str, confidence: f64) -> SegmentPair {
    SegmentPair {
        en: en.to_owned(),
        fr: fr.to_owned(),
        confidence,
    }
}

fn document(id: &str, segments: Vec<SegmentPair>) -> Document {
    Document {
        id: id.to_owned(),
        sources: vec![Source {
            path: format!("{id}.txt"),
            format: SourceFormat::Text,
            sha256: "0".repeat(64),
            bytes: 10,
            pages: None,
            languages: vec![Lang::En, Lang::Fr],
        }],
        status: Status::Ok,
        errors: Vec::new(),
        warnings: Vec::new(),
        kind: Some(Kind::Bilingual),
        languages: vec![Lang::En, Lang::Fr],
        metadata: BTreeMap::new(),
        sections: vec![
            Section {
                index: 1,
                number: None,
                en: side("Title", "Officer"),
                fr: None,
                confidence: 0.2,
                segments: Vec::new(),
            },
            Section {
                index: 2,
                number: Some(1),
                en: side("SUMMARY", "The text."),
                fr: side("RÉSUMÉ", "Le texte."),
                confidence: 0.9,
                segments,
            },
        ],
        language_shares: Vec::new(),
        other_languages: Vec::new(),
    }
}

/// Documents whose segments hold everything a format can choke on.
fn tricky_documents() -> Vec<Document> {
    vec![
        document(
            "b-doc",
            vec![
                pair(
                    "Salary <EUR> & \"benefits\"",
                    "Salaire <EUR> & « avantages »",
                    0.9,
                ),
                pair(
                    "line one\nline two\tcell",
                    "ligne un\nligne deux\tcase",
                    0.4,
                ),
                pair("bell\u{7} and nul\u{0}", "cloche\u{7} et nul\u{0}", 0.8),
            ],
        ),
        document("a-doc", vec![pair("First.", "Premier.", 1.0)]),
        document("a", Vec::new()),
    ]
}

fn manifest() -> Manifest {
    Manifest {
        tool: "bitextract".to_owned(),
        version: "0".to_owned(),
        shard: None,
        inputs: Vec::new(),
        skipped: Vec::new(),
        counts: Counts::default(),
        export: model::ExportSummary::default(),
        timings: Timings::default(),
    }
}

fn export(root: &Path, docs: &[Document], options: ExportOptions) -> Manifest {
    let dataset = Dataset::create(root, options).expect("created");
    for doc in docs {
        dataset.write_document(doc).expect("document written");
    }
    dataset.finish(manifest()).expect("finished")
}

/// The entries beside the output directory `out` in `dir`, lock file included.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "out")
        .collect()
}

fn read(root: &Path, name: &str) -> String {
    fs::read_to_string(root.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The `(en, fr)` texts of the TMX's units, read back with an XML parser.
fn tmx_units(tmx: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(tmx);
    let mut units = Vec::new();
    let mut segs = Vec::new();
    let mut in_seg = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"seg" => {
                in_seg = true;
                segs.push(String::new());
            }
            Event::End(e) if e.name().as_ref() == b"seg" => in_seg = false,
            Event::Text(t) if in_seg => {
                let text = t.decode().expect("utf-8");
                let text = quick_xml::escape::unescape(&text).expect("escapes");
                segs.last_mut().expect("open seg").push_str(&text);
            }
            Event::GeneralRef(r) if in_seg => {
                let name = r.decode().expect("utf-8");
                let entity = format!("&{name};");
                let text = quick_xml::escape::unescape(&entity).expect("entity");
                segs.last_mut().expect("open seg").push_str(&text);
            }
            Event::End(e) if e.name().as_ref() == b"tu" => {
                let fr = segs.pop().expect("fr seg");
                let en = segs.pop().expect("en seg");
                units.push((en, fr));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    units
}

#[test]
fn every_format_holds_the_same_pairs_in_id_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let written = export(&root, &tricky_documents(), ExportOptions::default());
    assert_eq!(written.export.segment_pairs, 4);
    assert_eq!(written.export.section_pairs, 3);
    assert_eq!(written.export.formats, ["jsonl", "tmx", "moses"]);

    let segments: Vec<serde_json::Value> = read(&root, files::SEGMENTS)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    let docs: Vec<&str> = segments
        .iter()
        .map(|s| s["doc"].as_str().expect("doc"))
        .collect();
    assert_eq!(docs, ["a-doc", "b-doc", "b-doc", "b-doc"]);
    assert_eq!(segments[2]["en"], "line one\nline two\tcell");
    assert_eq!(segments[3]["segment"], 3);
    let sections = read(&root, files::SECTIONS);
    assert_eq!(
        sections.lines().count(),
        3,
        "one-sided sections are left out"
    );

    let units = tmx_units(&read(&root, files::TMX));
    assert_eq!(units.len(), 4);
    assert_eq!(units[1].0, "Salary <EUR> & \"benefits\"");
    assert_eq!(units[1].1, "Salaire <EUR> & « avantages »");
    assert_eq!(units[3].0, "bell and nul", "XML-forbidden controls dropped");

    let en = read(&root, files::MOSES_EN);
    let fr = read(&root, files::MOSES_FR);
    assert_eq!(en.lines().count(), 4);
    assert_eq!(fr.lines().count(), 4);
    assert_eq!(en.lines().nth(2), Some("line one line two cell"));
    assert_eq!(fr.lines().nth(1), Some("Salaire <EUR> & « avantages »"));
    assert!(!en.contains('\t') && !fr.contains('\t'));
}

#[test]
fn confidences_survive_the_read_back_to_the_last_digit() {
    // Parsed without correct rounding, this value comes back one unit in the last place off.
    let confidence = 0.998_648_601_734_218_7;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    export(
        &root,
        &[document("d", vec![pair("a", "b", confidence)])],
        ExportOptions::default(),
    );
    let written = serde_json::to_string(&confidence).expect("number");
    assert!(read(&root, files::SEGMENTS).contains(&format!("\"confidence\":{written}")));
    assert!(read(&root, files::TMX).contains(&format!(">{written}<")));
}

#[test]
fn the_tmx_header_declares_the_pair_and_the_tool() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    export(&root, &tricky_documents(), ExportOptions::default());
    let tmx = read(&root, files::TMX);
    assert!(tmx.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"));
    for attribute in [
        "srclang=\"en\"",
        "creationtool=\"bitextract\"",
        "segtype=\"sentence\"",
        "datatype=\"plaintext\"",
        "adminlang=\"en\"",
        "o-tmf=\"bitextract\"",
    ] {
        assert!(tmx.contains(attribute), "{attribute}");
    }
    assert!(tmx.contains("<tuv xml:lang=\"fr\">"));
    assert!(tmx.contains("<prop type=\"x-document\">b-doc</prop>"));
    assert!(tmx.contains("<prop type=\"x-section\">1</prop>"));
    assert!(tmx.contains("<prop type=\"x-confidence\">0.4</prop>"));
}

#[test]
fn a_confidence_threshold_filters_every_format_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let options = ExportOptions {
        min_confidence: 0.85,
        ..ExportOptions::default()
    };
    let written = export(&root, &tricky_documents(), options);
    assert_eq!(written.export.segment_pairs, 2);
    assert_eq!(read(&root, files::SEGMENTS).lines().count(), 2);
    assert_eq!(tmx_units(&read(&root, files::TMX)).len(), 2);
    assert_eq!(read(&root, files::MOSES_FR).lines().count(), 2);
    // Documents keep everything.
    let doc: Document =
        serde_json::from_str(&read(&root, "documents/b-doc.json")).expect("document");
    assert_eq!(doc.sections[1].segments.len(), 3);
}

#[test]
fn only_the_selected_formats_are_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let options = ExportOptions {
        formats: [Format::Tmx].into(),
        ..ExportOptions::default()
    };
    export(&root, &tricky_documents(), options);
    let mut names: Vec<String> = fs::read_dir(&root)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["bitext.tmx", "documents", "manifest.json"]);
}

#[test]
fn the_output_does_not_depend_on_the_order_documents_arrive_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut docs = tricky_documents();
    export(&dir.path().join("one"), &docs, ExportOptions::default());
    docs.reverse();
    export(&dir.path().join("two"), &docs, ExportOptions::default());
    for name in [
        files::SECTIONS,
        files::SEGMENTS,
        files::TMX,
        files::MOSES_EN,
        files::MOSES_FR,
    ] {
        assert_eq!(
            read(&dir.path().join("one"), name),
            read(&dir.path().join("two"), name)
        );
    }
}

#[test]
fn a_new_run_replaces_an_earlier_one_without_stale_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    export(&root, &tricky_documents(), ExportOptions::default());
    export(
        &root,
        &[document("c-doc", Vec::new())],
        ExportOptions::default(),
    );
    let documents: Vec<_> = fs::read_dir(root.join(files::DOCUMENTS))
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(documents, ["c-doc.json"]);
    assert_eq!(read(&root, files::SEGMENTS), "");
    assert!(
        leftovers(dir.path()).is_empty(),
        "no staging directory left behind"
    );
}

#[test]
fn a_directory_that_is_not_a_dataset_is_never_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    fs::create_dir(&root).expect("mkdir");
    fs::write(root.join("notes.txt"), "precious").expect("write");
    let err = Dataset::create(&root, ExportOptions::default()).expect_err("refused");
    assert!(matches!(err, ExportError::NotADataset { .. }), "{err}");
    assert!(err.to_string().contains("refusing"));
    assert_eq!(read(&root, "notes.txt"), "precious");

    let file = root.join("notes.txt");
    let err = Dataset::create(&file, ExportOptions::default()).expect_err("a file is refused");
    assert!(matches!(err, ExportError::NotADataset { .. }));
}

#[test]
fn an_abandoned_run_leaves_the_previous_output_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    export(&root, &tricky_documents(), ExportOptions::default());
    let before = read(&root, files::SEGMENTS);
    {
        let dataset = Dataset::create(&root, ExportOptions::default()).expect("created");
        dataset
            .write_document(&document("z", Vec::new()))
            .expect("written");
    }
    assert_eq!(read(&root, files::SEGMENTS), before);
    assert!(!root.join("documents/z.json").exists());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_second_run_on_the_same_output_fails_at_once_while_the_first_holds_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let first = Dataset::create(&root, ExportOptions::default()).expect("created");
    let err = Dataset::create(&root, ExportOptions::default()).expect_err("locked");
    assert!(matches!(err, ExportError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("another bitextract run"), "{err}");
    first.finish(manifest()).expect("finished");
    export(&root, &tricky_documents(), ExportOptions::default());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn an_output_parked_by_a_run_killed_between_its_renames_is_put_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    export(&root, &tricky_documents(), ExportOptions::default());
    let before = read(&root, files::SEGMENTS);
    // What a run killed after parking the output, before renaming its own into place, leaves.
    let parked = dir
        .path()
        .join(format!("{}{PREVIOUS}4242", work_dir_prefix("out")));
    fs::rename(&root, &parked).expect("park");
    let staged = dir
        .path()
        .join(format!("{}staging-4242", work_dir_prefix("out")));
    fs::create_dir_all(staged.join(files::DOCUMENTS)).expect("staging");

    let dataset = Dataset::create(&root, ExportOptions::default()).expect("created");
    assert_eq!(read(&root, files::SEGMENTS), before, "put back whole");
    assert_eq!(dataset.previous_documents(), tricky_documents().len());
    drop(dataset);
    assert_eq!(read(&root, files::SEGMENTS), before);
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn a_parked_output_already_replaced_is_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    export(
        &root,
        &[document("new", Vec::new())],
        ExportOptions::default(),
    );
    let parked = dir
        .path()
        .join(format!("{}{PREVIOUS}4242", work_dir_prefix("out")));
    fs::create_dir_all(parked.join(files::DOCUMENTS)).expect("parked");
    drop(Dataset::create(&root, ExportOptions::default()).expect("created"));
    assert!(root.join("documents/new.json").exists());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn ids_that_would_escape_the_documents_directory_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dataset = Dataset::create(&dir.path().join("out"), ExportOptions::default()).expect("ok");
    for id in ["../evil", "a/b", "..", ""] {
        let err = dataset
            .write_document(&document(id, Vec::new()))
            .expect_err(id);
        assert!(matches!(err, ExportError::BadId { .. }), "{id}");
    }
}

#[test]
fn format_names_parse_case_insensitively() {
    assert_eq!("TMX".parse::<Format>(), Ok(Format::Tmx));
    assert_eq!(" moses".parse::<Format>(), Ok(Format::Moses));
    assert!("csv".parse::<Format>().is_err());
}
