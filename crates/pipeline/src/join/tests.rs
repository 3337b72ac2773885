use std::collections::BTreeMap;

use model::{
    Kind, LanguageShare, Metadata, OtherText, Section, SectionSide, Source, SourceFormat, Status,
};

use super::*;

/// A monolingual document as the per-file pipeline leaves it: one-sided sections.
fn doc(path: &str, lang: Lang, reference: Option<&str>, sections: &[(&str, String)]) -> Document {
    let side = |heading: &str, text: &String| SectionSide {
        heading: (!heading.is_empty()).then(|| heading.to_owned()),
        text: text.clone(),
    };
    let sections = sections
        .iter()
        .enumerate()
        .map(|(k, (heading, text))| Section {
            index: k + 1,
            number: (!heading.is_empty()).then_some(k as u32),
            en: (lang == Lang::En).then(|| side(heading, text)),
            fr: (lang == Lang::Fr).then(|| side(heading, text)),
            confidence: 0.0,
            segments: Vec::new(),
        })
        .collect();
    let metadata = Metadata {
        reference: reference.map(str::to_owned),
        ..Metadata::default()
    };
    Document {
        id: crate::slug(path),
        sources: vec![Source {
            path: path.to_owned(),
            format: SourceFormat::Text,
            sha256: String::new(),
            bytes: 0,
            pages: None,
            languages: vec![lang],
        }],
        status: Status::Ok,
        errors: Vec::new(),
        warnings: Vec::new(),
        kind: Some(Kind::Monolingual),
        languages: vec![lang],
        metadata: BTreeMap::from([(lang, metadata)]),
        sections,
        language_shares: vec![LanguageShare {
            lang: lang.code().to_owned(),
            share: 1.0,
        }],
        other_languages: Vec::new(),
    }
}

/// A report on one post: its own numbers (`seed`) in a shared template.
fn report(path: &str, lang: Lang, seed: u32) -> Document {
    let (a, b, c) = (1000 + seed, 3 * seed + 17, 40_000 + 250 * seed);
    let sections = match lang {
        Lang::En => vec![
            ("", format!("Report {a} of the Northern Agency, 2026.")),
            (
                "SUMMARY",
                format!("The Agency counted {b} offices and {c} visits in 2025, up from 1998."),
            ),
            (
                "DETAILS",
                format!("Write to info@agency.example.org about file {a} and its {b} annexes."),
            ),
        ],
        Lang::Fr => vec![
            ("", format!("Rapport {a} de l'Agence du Nord, 2026.")),
            (
                "RÉSUMÉ",
                format!(
                    "L'Agence a compté {b} bureaux et {} visites en 2025, contre 1998.",
                    french_thousands(c)
                ),
            ),
            (
                "DÉTAILS",
                format!(
                    "Écrivez à info@agency.example.org au sujet du dossier {a} et de ses {b} annexes."
                ),
            ),
        ],
    };
    doc(path, lang, None, &sections)
}

fn french_thousands(n: u32) -> String {
    format!("{} {:03}", n / 1000, n % 1000)
}

fn ids(docs: &[Document]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn files_named_alike_join_into_one_bilingual_document() {
    let docs = vec![
        report("a/r_EN.txt", Lang::En, 1),
        report("a/r_FR.txt", Lang::Fr, 1),
    ];
    let joined = join_corpus(docs, Scope::Shard);
    assert_eq!(ids(&joined), ["a-r-en--fr"]);
    let doc = &joined[0];
    assert_eq!(doc.kind, Some(Kind::Bilingual));
    assert_eq!(doc.languages, [Lang::En, Lang::Fr]);
    let sources: Vec<(&str, &[Lang])> = doc
        .sources
        .iter()
        .map(|s| (s.path.as_str(), s.languages.as_slice()))
        .collect();
    assert_eq!(
        sources,
        [
            ("a/r_EN.txt", &[Lang::En][..]),
            ("a/r_FR.txt", &[Lang::Fr][..])
        ]
    );
    assert_eq!(doc.section_pairs().count(), 3, "text preambles pair too");
    assert!(
        doc.section_pairs().all(|s| !s.segments.is_empty()),
        "aligned"
    );
}

#[test]
fn files_without_names_join_by_content_over_the_whole_corpus_only() {
    let docs = vec![
        report("one.txt", Lang::En, 1),
        report("deux.txt", Lang::Fr, 1),
        report("three.txt", Lang::En, 3),
    ];
    let shard = join_corpus(docs.clone(), Scope::Shard);
    assert_eq!(shard.len(), 3, "a shard sees too little to join by content");
    let whole = join_corpus(docs, Scope::Corpus);
    assert_eq!(ids(&whole), ["one--deux", "three"]);
    assert_eq!(
        join_corpus(whole.clone(), Scope::Corpus),
        whole,
        "joining again changes nothing"
    );
}

#[test]
fn same_template_reports_of_different_posts_never_join() {
    let docs = vec![
        report("post-a.txt", Lang::En, 1),
        report("poste-b.txt", Lang::Fr, 2),
    ];
    assert_eq!(join_corpus(docs, Scope::Corpus).len(), 2);
}

#[test]
fn different_references_rule_out_even_alike_names() {
    let mut en = report("n_en.txt", Lang::En, 1);
    let mut fr = report("n_fr.txt", Lang::Fr, 1);
    en.metadata.get_mut(&Lang::En).expect("metadata").reference = Some("251836".to_owned());
    fr.metadata.get_mut(&Lang::Fr).expect("metadata").reference = Some("260066".to_owned());
    assert_eq!(join_corpus(vec![en, fr], Scope::Corpus).len(), 2);
}

#[test]
fn a_file_with_two_equal_candidates_stays_apart_with_a_warning() {
    let docs = vec![
        report("x/n_en.txt", Lang::En, 1),
        report("x/n_fr.txt", Lang::Fr, 1),
        report("x/FR-n.txt", Lang::Fr, 1),
    ];
    let out = join_corpus(docs, Scope::Corpus);
    assert_eq!(out.len(), 3);
    let warning = &out[0].warnings[0];
    assert_eq!(warning.code, codes::AMBIGUOUS_PAIR);
    assert!(warning.message.contains("x/n_fr.txt") && warning.message.contains("x/FR-n.txt"));
    assert_eq!(out[1].warnings[0].code, codes::AMBIGUOUS_PAIR);
}

#[test]
fn the_same_format_breaks_a_tie_of_names() {
    let mut pdf = report("x/n_fr.pdf", Lang::Fr, 1);
    pdf.sources[0].format = SourceFormat::Pdf;
    pdf.id = "x-n-fr-pdf".to_owned();
    let mut text = report("x/n_fr.txt", Lang::Fr, 1);
    text.id = "x-n-fr-txt".to_owned();
    let docs = vec![report("x/n_en.txt", Lang::En, 1), text, pdf];
    let out = join_corpus(docs, Scope::Corpus);
    assert_eq!(ids(&out), ["x-n-en--fr-txt", "x-n-fr-pdf"]);
}

#[test]
fn an_english_file_alone_stays_monolingual() {
    let out = join_corpus(vec![report("solo_en.txt", Lang::En, 1)], Scope::Corpus);
    assert_eq!(out[0].kind, Some(Kind::Monolingual));
    assert!(out[0].warnings.is_empty());
}

#[test]
fn the_joined_status_is_the_worse_of_the_two() {
    let en = report("p_en.txt", Lang::En, 1);
    let mut fr = report("p_fr.txt", Lang::Fr, 1);
    fr.status = Status::Partial;
    fr.errors
        .push(Diagnostic::new(codes::PAGE_FAILED, "page 2"));
    let doc = join(&en, &fr).expect("joined");
    assert_eq!(doc.status, Status::Partial);
    assert_eq!(doc.errors.len(), 1);
}

#[test]
fn joined_ids_name_both_files_once() {
    assert_eq!(
        joined_id("statcan-001-en", "statcan-001-fr"),
        "statcan-001-en--fr"
    );
    assert_eq!(
        joined_id("officer-en", "administrateur"),
        "officer-en--administrateur"
    );
    assert_eq!(joined_id("a", "a-b"), "a--b");
    let en = format!("content-en-{}-5f3a91c2", "policy-advisor-".repeat(8));
    let fr = format!(
        "content-fr-{}-5f3a91c2",
        "conseillere-en-politiques-".repeat(8)
    );
    let long = joined_id(&en, &fr);
    assert!(long.len() <= crate::MAX_ID_BYTES, "{long}");
    assert!(long.starts_with("content-en-policy-advisor-"));
    assert_ne!(
        long,
        joined_id(&en, &fr.replace("5f3a", "5f3b")),
        "the hash tells them apart"
    );
}

#[test]
fn language_shares_weigh_each_file_by_its_words_and_other_text_is_kept() {
    let en = report("s_en.txt", Lang::En, 1);
    let mut fr = report("s_fr.txt", Lang::Fr, 1);
    fr.language_shares = vec![
        LanguageShare {
            lang: "fr".to_owned(),
            share: 0.8,
        },
        LanguageShare {
            lang: "de".to_owned(),
            share: 0.2,
        },
    ];
    fr.other_languages = vec![OtherText {
        lang: "de".to_owned(),
        text: "Diese Stelle wird auch auf Deutsch veröffentlicht.".to_owned(),
    }];
    let doc = join(&en, &fr).expect("joined");
    let langs: Vec<&str> = doc
        .language_shares
        .iter()
        .map(|s| s.lang.as_str())
        .collect();
    assert_eq!(langs, ["en", "fr", "de"]);
    let total: f64 = doc.language_shares.iter().map(|s| s.share).sum();
    assert!((total - 1.0).abs() < 0.01, "{:?}", doc.language_shares);
    let german = doc.language_shares[2].share;
    assert!(
        (0.05..0.15).contains(&german),
        "a fifth of half the words: {german}"
    );
    assert_eq!(doc.other_languages, fr.other_languages);
}
