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
    SegmentPair::new(en, fr, confidence)
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
                    0.6,
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
    assert_eq!(
        written.export.section_pairs, 1,
        "the documents' sections read the same"
    );
    assert_eq!(written.export.duplicate_section_pairs, 2);
    assert_eq!(written.export.exported_pairs, 4);
    assert_eq!(
        written.export.formats,
        [
            "jsonl",
            "translation",
            "tmx",
            "moses",
            "parquet",
            "csv",
            "review"
        ]
    );

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
        1,
        "one-sided sections are left out, duplicates folded"
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
    assert!(tmx.contains("<prop type=\"x-confidence\">0.6</prop>"));
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
        files::TRANSLATION,
        files::NOTICES_CSV,
        files::REVIEW,
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
    assert!("xlsx".parse::<Format>().is_err());
}

fn jsonl(root: &Path, name: &str) -> Vec<serde_json::Value> {
    read(root, name)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect()
}

/// Two notices sharing boilerplate, one of them twice (as PDF and as text).
fn notices_with_duplicates() -> Vec<Document> {
    let boilerplate = |confidence| pair("Apply online.", "Postulez en ligne.", confidence);
    vec![
        document(
            "notice-pdf",
            vec![
                boilerplate(0.8),
                pair(
                    "Closing date: 4 January 2026.",
                    "Date limite : 4 janvier 2026.",
                    0.9,
                ),
                pair(
                    "https://www.nato.int/jobs",
                    "https://www.nato.int/emplois",
                    0.95,
                ),
            ],
        ),
        document(
            "notice-txt",
            vec![
                boilerplate(0.8),
                pair(
                    "Closing date: 4\u{a0}January  2026.",
                    "Date limite\u{202f}: 4 janvier 2026.",
                    0.9,
                ),
                pair(
                    "https://www.nato.int/jobs",
                    "https://www.nato.int/emplois",
                    0.95,
                ),
            ],
        ),
        document(
            "other-notice",
            vec![
                boilerplate(0.97),
                pair(
                    "closing date 12 January 2026",
                    "date limite 12 janvier 2026",
                    0.7,
                ),
                pair(
                    "The post is in Brussels.",
                    "Le poste est à Bruxelles.",
                    0.99,
                ),
            ],
        ),
    ]
}

#[test]
fn a_pair_is_written_once_with_its_count_and_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let written = export(&root, &notices_with_duplicates(), ExportOptions::default());
    let segments = jsonl(&root, files::SEGMENTS);
    let texts: Vec<&str> = segments
        .iter()
        .map(|s| s["en"].as_str().expect("en"))
        .collect();
    assert_eq!(
        texts,
        [
            "Closing date: 4 January 2026.",
            "https://www.nato.int/jobs",
            "Apply online.",
            "The post is in Brussels."
        ],
        "each group once, as its most confident occurrence, in corpus order"
    );
    let apply = &segments[2];
    assert_eq!(
        apply["doc"], "other-notice",
        "the most confident occurrence"
    );
    assert_eq!(apply["count"], 3);
    assert_eq!(apply["variants"], 1);
    assert_eq!(
        apply["documents"],
        serde_json::json!(["notice-pdf", "notice-txt", "other-notice"])
    );
    let closing = &segments[0];
    assert_eq!(closing["count"], 3, "exact and near duplicates");
    assert_eq!(
        closing["variants"], 2,
        "the lower-case line with other digits"
    );
    assert_eq!(written.export.segment_pairs, 4);
    assert_eq!(written.export.duplicate_segment_pairs, 5);
    assert_eq!(
        (
            written.export.section_pairs,
            written.export.duplicate_section_pairs
        ),
        (1, 2),
        "the three documents' summary sections read the same"
    );

    // The URL pair is set aside: in segments.jsonl with its flag, nowhere else.
    assert_eq!(segments[1]["flags"], serde_json::json!(["url-only"]));
    assert_eq!(written.export.set_aside_pairs, 1);
    assert_eq!(written.export.set_aside.get("url-only"), Some(&1));
    assert_eq!(written.export.exported_pairs, 3);
    let units = tmx_units(&read(&root, files::TMX));
    assert_eq!(units.len(), 3);
    assert!(units.iter().all(|(en, _)| !en.contains("https")));
    assert_eq!(read(&root, files::MOSES_EN).lines().count(), 3);
    assert_eq!(jsonl(&root, files::TRANSLATION).len(), 3);

    // Documents keep every pair.
    let doc: Document =
        serde_json::from_str(&read(&root, "documents/notice-txt.json")).expect("document");
    assert_eq!(doc.sections[1].segments.len(), 3);
}

#[test]
fn duplicates_can_be_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let options = ExportOptions {
        keep_duplicates: true,
        ..ExportOptions::default()
    };
    let written = export(&root, &notices_with_duplicates(), options);
    let segments = jsonl(&root, files::SEGMENTS);
    assert_eq!(segments.len(), 9);
    assert!(segments.iter().all(|s| s["count"] == 1));
    assert_eq!(written.export.duplicate_segment_pairs, 0);
    assert_eq!(written.export.exported_pairs, 7);
    assert!(written.export.keep_duplicates);
}

#[test]
fn the_translation_layout_nests_the_two_sides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    export(&root, &tricky_documents(), ExportOptions::default());
    let lines = jsonl(&root, files::TRANSLATION);
    assert_eq!(lines.len(), 4);
    let first = &lines[0];
    assert_eq!(
        first["translation"],
        serde_json::json!({"en": "First.", "fr": "Premier."})
    );
    assert_eq!(first["id"], "a-doc:2:1");
    assert_eq!(first["document"], "a-doc");
    assert_eq!(first["confidence"], 1.0);
    let keys: Vec<&String> = first.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["confidence", "document", "id", "translation"]);
}

#[test]
fn notices_csv_has_a_byte_order_mark_and_one_row_per_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let mut docs = tricky_documents();
    docs[0].metadata.insert(
        Lang::En,
        model::Metadata {
            title: Some("Officer, \"Policy\"".to_owned()),
            grade: Some("G20".to_owned()),
            ..model::Metadata::default()
        },
    );
    export(&root, &docs, ExportOptions::default());
    let csv = read(&root, files::NOTICES_CSV);
    let body = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = ::csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&header[..3], ["id", "sources", "status"]);
    assert!(header.contains(&"title_fr".to_owned()));
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let b = rows.iter().find(|r| &r[0] == "b-doc").expect("b-doc row");
    assert_eq!(&b[column("title_en")], "Officer, \"Policy\"");
    assert_eq!(&b[column("grade")], "G20");
    assert_eq!(&b[column("segment_pairs")], "3");
    assert_eq!(&b[column("languages")], "en fr");
}

#[test]
fn parquet_files_hold_the_exported_pairs_and_one_row_per_document() {
    use parquet::file::reader::{FileReader, SerializedFileReader};

    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let written = export(&root, &notices_with_duplicates(), ExportOptions::default());
    let open = |name: &str| {
        SerializedFileReader::new(fs::File::open(root.join(name)).expect("open"))
            .expect("a Parquet file")
    };
    let segments = open(files::SEGMENTS_PARQUET);
    assert_eq!(
        segments.metadata().file_metadata().num_rows(),
        i64::try_from(written.export.exported_pairs).expect("small")
    );
    let rows: Vec<String> = segments
        .get_row_iter(None)
        .expect("rows")
        .map(|row| row.expect("row").to_string())
        .collect();
    assert!(
        rows[1].contains("documents: [\"notice-pdf\", \"notice-txt\", \"other-notice\"]"),
        "{}",
        rows[1]
    );
    assert!(rows[0].contains("section: 1"), "{}", rows[0]);
    let notices = open(files::NOTICES_PARQUET);
    assert_eq!(notices.metadata().file_metadata().num_rows(), 3);
}

#[test]
fn parquet_files_spread_over_row_groups_read_back_whole() {
    use parquet::file::reader::{FileReader, SerializedFileReader};

    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    // Pairs of 40 KiB each: a row group fills every 26 pairs.
    let long = "word ".repeat(8 * 1024);
    let docs: Vec<Document> = (0..3)
        .map(|d| {
            let pairs = (0..30)
                .map(|k| {
                    pair(
                        &format!("{d} {k} {long}"),
                        &format!("{d} {k} fr {long}"),
                        0.9,
                    )
                })
                .collect();
            document(&format!("d{d}"), pairs)
        })
        .collect();
    let options = ExportOptions {
        keep_duplicates: true,
        ..ExportOptions::default()
    };
    export(&root, &docs, options);
    let file = fs::File::open(root.join(files::SEGMENTS_PARQUET)).expect("open");
    let reader = SerializedFileReader::new(file).expect("a Parquet file");
    assert!(reader.metadata().num_row_groups() > 2);
    assert_eq!(reader.metadata().file_metadata().num_rows(), 90);
    assert_eq!(reader.get_row_iter(None).expect("rows").count(), 90);
}

#[test]
fn the_review_page_shows_markup_in_a_segment_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let docs = vec![document(
        "hostile",
        vec![pair(
            "<script>alert('en')</script> <img src=x onerror=alert(1)>",
            "<script>alert('fr')</script>",
            0.95,
        )],
    )];
    export(&root, &docs, ExportOptions::default());
    let page = read(&root, files::REVIEW);
    assert!(
        !page.contains("<script"),
        "no script element, escaped or ours"
    );
    assert!(!page.contains("<img"));
    assert!(page.contains("&lt;script&gt;alert(&#39;en&#39;)&lt;/script&gt;"));
    assert!(
        page.contains("default-src 'none'"),
        "scripts forbidden by policy"
    );
    assert!(page.contains("id=\"doc-hostile\""));
    assert!(page.contains("id=\"pair-hostile:2:1\""));
    assert!(page.contains("href=\"#doc-hostile\""));
    assert!(page.trim_end().ends_with("</html>"));
    let leftovers: Vec<String> = fs::read_dir(&root)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_review_page_marks_duplicates_flags_and_unaligned_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let mut docs = notices_with_duplicates();
    docs[0].sections[1].en = side(
        "SUMMARY",
        "Apply online. A sentence nobody aligned.\nClosing date: 4 January 2026.\n\
         https://www.nato.int/jobs",
    );
    export(&root, &docs, ExportOptions::default());
    let page = read(&root, files::REVIEW);
    assert!(
        page.contains(
            "<a class=\"kept\" href=\"#pair-other-notice%3A2%3A1\" title=\"other-notice:2:1\">"
        ),
        "folded pairs link to their representative"
    );
    assert!(page.contains(">url-only</span>"));
    assert!(page.contains("A sentence nobody aligned."));
    assert!(page.contains("row gap"));
    assert!(
        page.contains("no French counterpart"),
        "the one-sided preamble"
    );
}

#[test]
fn a_review_page_is_written_into_an_existing_dataset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("out");
    let options = ExportOptions {
        formats: [Format::Tmx].into(),
        ..ExportOptions::default()
    };
    export(&root, &tricky_documents(), options);
    assert!(!root.join(files::REVIEW).exists());
    let page = write_review(&root).expect("written");
    assert_eq!(page, root.join(files::REVIEW));
    assert!(read(&root, files::REVIEW).contains("id=\"doc-b-doc\""));
    assert!(
        leftovers(dir.path()).is_empty(),
        "the lock is released and removed"
    );
    let err = write_review(&dir.path().join("missing")).expect_err("no dataset");
    assert!(matches!(err, ExportError::NotADataset { .. }), "{err}");
}

#[test]
fn facts_describe_the_document_they_were_derived_from() {
    use crate::duplicates::PairKey;
    use crate::facts::DocumentFacts;

    let doc = document(
        "a-doc",
        vec![
            pair("Apply now.", "Postulez.", 0.9),
            pair("www.nato.int", "www.nato.int", 0.9),
        ],
    );
    let facts = DocumentFacts::of(&doc);
    assert_eq!(facts.sections.len(), 1, "the two-sided section only");
    let places: Vec<_> = facts
        .segments
        .iter()
        .map(|s| (s.section, s.number))
        .collect();
    assert_eq!(places, [(2, 1), (2, 2)]);
    assert!(facts.segments[0].flags.passes());
    assert!(!facts.segments[1].flags.passes());
    assert_eq!(
        facts.segments[0].key,
        PairKey::of(&["Apply  now.", "Postulez.\u{a0}"]),
        "the key of the normalised sides"
    );
}

#[test]
fn documents_read_back_in_batches_keep_their_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let count = 2 * corpus::DOCUMENTS_PER_BATCH + 3;
    let ids: Vec<String> = (0..count).map(|k| format!("doc-{k:04}")).collect();
    // The same pair but for a number: near duplicates of one another.
    let docs: Vec<Document> = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            document(
                id,
                vec![pair(&format!("Item {k}."), &format!("Point {k}."), 0.9)],
            )
        })
        .collect();
    let segment_lines = |root: &Path| -> Vec<serde_json::Value> {
        read(root, files::SEGMENTS)
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect()
    };

    let every = dir.path().join("every");
    let options = ExportOptions {
        keep_duplicates: true,
        ..ExportOptions::default()
    };
    export(&every, &docs, options);
    let lines = segment_lines(&every);
    let order: Vec<&str> = lines
        .iter()
        .map(|s| s["doc"].as_str().expect("doc"))
        .collect();
    assert_eq!(order, ids);

    let folded = dir.path().join("folded");
    export(&folded, &docs, ExportOptions::default());
    let lines = segment_lines(&folded);
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0]["doc"], "doc-0000",
        "the first of equals represents the group"
    );
    assert_eq!(lines[0]["count"], count);
    let listed: Vec<&str> = lines[0]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d.as_str().expect("id"))
        .collect();
    assert_eq!(listed, ids, "every document, in id order");
}
