//! Pipeline: one input file in, one finished [`Document`] out.
//!
//! Entry point: [`process`] runs ingest → language runs → sections → pairing → segment
//! alignment → metadata for one file and assembles the document. It never fails and never
//! panics outwards: an unreadable input, or a panic inside a stage, becomes a `failed`
//! document with a stable error code. [`assign_ids`] gives every input of a batch its
//! stable, unique document id.
//!
//! This crate does no file I/O and no parallelism: the caller reads the bytes, runs
//! documents in parallel and writes them out (see the `bitextract` CLI and `export`).

mod files;
mod ids;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use model::{
    Diagnostic, Document, Extracted, Kind, Lang, Section, SectionSide, Source, SourceFormat,
    Status, codes,
};
use sections::RawSection;
use sha2::{Digest, Sha256};

pub use files::{Signature, pair_files};
pub use ids::{assign_ids, fnv1a, slug};
pub use ingest::{Limits, input_format, known_extensions};

/// Processes one input file into a document, within the default [`Limits`].
///
/// `path` is the file's path relative to the corpus root, with `/` separators; `id` its
/// document id (see [`assign_ids`]).
pub fn process(id: &str, path: &str, format: SourceFormat, bytes: &[u8]) -> Document {
    process_with_limits(id, path, format, bytes, &Limits::default())
}

/// Processes one input file into a document, within the given limits.
pub fn process_with_limits(
    id: &str,
    path: &str,
    format: SourceFormat,
    bytes: &[u8],
    limits: &Limits,
) -> Document {
    let source = source_of(&Input {
        path,
        format,
        bytes,
    });
    let run = catch_unwind(AssertUnwindSafe(|| {
        match ingest::ingest_with_limits(format, bytes, limits) {
            Ok(extracted) => build(id, source.clone(), extracted),
            Err(err) => {
                let kind = (err.code() == codes::EMPTY).then_some(Kind::Empty);
                let error = Diagnostic::new(err.code(), err.to_string());
                Document::failed(id.to_owned(), vec![source.clone()], kind, vec![error])
            }
        }
    }));
    run.unwrap_or_else(|panic| {
        let error = Diagnostic::new(
            codes::INTERNAL,
            format!("internal error: {}", panic_message(&panic)),
        );
        Document::failed(id.to_owned(), vec![source], None, vec![error])
    })
}

/// One input file.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Path relative to the corpus root, `/`-separated.
    pub path: &'a str,
    /// The file's format.
    pub format: SourceFormat,
    /// The file's bytes.
    pub bytes: &'a [u8],
}

/// Processes an English and a French file of one notice (matched by [`pair_files`]) into one
/// bilingual document whose `sources` lists both.
///
/// `None` when either file does not read as text of its language after all; the two files
/// then stay separate documents.
pub fn process_pair(id: &str, en: &Input, fr: &Input) -> Option<Document> {
    process_pair_with_limits(id, en, fr, &Limits::default())
}

/// [`process_pair`] within the given limits, each file on its own.
pub fn process_pair_with_limits(
    id: &str,
    en: &Input,
    fr: &Input,
    limits: &Limits,
) -> Option<Document> {
    let run = catch_unwind(AssertUnwindSafe(|| {
        let mut sources = Vec::with_capacity(2);
        let mut texts = BTreeMap::new();
        let mut warnings = Vec::new();
        let mut errors = Vec::new();
        for (lang, input) in [(Lang::En, en), (Lang::Fr, fr)] {
            let extracted = ingest::ingest_with_limits(input.format, input.bytes, limits).ok()?;
            if lang::split(&extracted.text).languages != [lang] {
                return None;
            }
            let mut source = source_of(input);
            source.pages = extracted.pages;
            source.languages = vec![lang];
            sources.push(source);
            texts.insert(lang, extracted.text);
            warnings.extend(extracted.warnings);
            errors.extend(extracted.errors);
        }
        Some(assemble(id, sources, texts, warnings, errors))
    }));
    run.ok().flatten()
}

fn source_of(input: &Input) -> Source {
    Source {
        path: input.path.to_owned(),
        format: input.format,
        sha256: hex_sha256(input.bytes),
        bytes: input.bytes.len() as u64,
        pages: None,
        languages: Vec::new(),
    }
}

/// A failed `limit-exceeded` document for a file refused by its size alone, before it is read
/// (see [`ingest::check_size`]); `None` when the size is within the limits. The document's
/// source has the size but no checksum, since the bytes were never read.
pub fn refuse_by_size(
    id: &str,
    path: &str,
    format: SourceFormat,
    bytes: u64,
    limits: &Limits,
) -> Option<Document> {
    let err = ingest::check_size(format, bytes, limits).err()?;
    let error = Diagnostic::new(err.code(), err.to_string());
    let source = unread_source(path, format, bytes);
    Some(Document::failed(
        id.to_owned(),
        vec![source],
        None,
        vec![error],
    ))
}

/// The source of a file whose bytes were not read: no checksum.
fn unread_source(path: &str, format: SourceFormat, bytes: u64) -> Source {
    Source {
        path: path.to_owned(),
        format,
        sha256: String::new(),
        bytes,
        pages: None,
        languages: Vec::new(),
    }
}

/// A failed document for an input that could not even be read from disk.
pub fn unreadable(id: &str, path: &str, format: SourceFormat, reason: &str) -> Document {
    let source = unread_source(path, format, 0);
    let error = Diagnostic::new(codes::IO, format!("cannot read the file: {reason}"));
    Document::failed(id.to_owned(), vec![source], None, vec![error])
}

fn build(id: &str, mut source: Source, extracted: Extracted) -> Document {
    let text = extracted.text.as_str();
    let split = lang::split(text);
    source.pages = extracted.pages;
    source.languages = split.languages.clone();
    if split.kind() == Kind::Empty {
        let error = Diagnostic::new(codes::EMPTY, "no words in the extracted text");
        let mut doc = Document::failed(id.to_owned(), vec![source], Some(Kind::Empty), vec![error]);
        doc.errors.extend(extracted.errors);
        doc.warnings = extracted.warnings;
        return doc;
    }
    let texts = split
        .languages
        .iter()
        .map(|&lang| (lang, split.text_of(text, lang)))
        .collect();
    assemble(
        id,
        vec![source],
        texts,
        extracted.warnings,
        extracted.errors,
    )
}

/// Builds a document from the text of each of its languages.
fn assemble(
    id: &str,
    sources: Vec<Source>,
    texts: BTreeMap<Lang, String>,
    mut warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
) -> Document {
    let kind = if texts.len() > 1 {
        Kind::Bilingual
    } else {
        Kind::Monolingual
    };
    let by_lang: BTreeMap<Lang, (String, Vec<RawSection>)> = texts
        .into_iter()
        .map(|(lang, text)| {
            let raw = sections::split(&text);
            (lang, (text, raw))
        })
        .collect();
    let no_sections = Vec::new();
    let en = by_lang.get(&Lang::En).map_or(&no_sections, |(_, s)| s);
    let fr = by_lang.get(&Lang::Fr).map_or(&no_sections, |(_, s)| s);
    let pairings = sections::pair(en, fr);

    let side = |s: &RawSection| SectionSide {
        heading: s.heading.clone(),
        text: s.text.clone(),
    };
    // One aligner run per document, so the lexicon it learns draws on every section pair.
    let pair_texts: Vec<(&str, &str)> = pairings
        .iter()
        .filter_map(|p| Some((en[p.en?].text.as_str(), fr[p.fr?].text.as_str())))
        .collect();
    let mut aligned = align::Aligner::for_sections()
        .align_sections(&pair_texts)
        .into_iter();
    let mut sections_out = Vec::with_capacity(pairings.len());
    for (k, p) in pairings.iter().enumerate() {
        let en_sec = p.en.map(|i| &en[i]);
        let fr_sec = p.fr.map(|j| &fr[j]);
        let segments = match (en_sec, fr_sec) {
            (Some(_), Some(_)) => aligned.next().unwrap_or_default(),
            _ => Vec::new(),
        };
        if kind == Kind::Bilingual
            && let Some(lonely) = en_sec.xor(fr_sec).filter(|s| !s.is_preamble())
        {
            let lang = if en_sec.is_some() { Lang::En } else { Lang::Fr };
            warnings.push(Diagnostic::new(
                codes::UNPAIRED_SECTION,
                format!(
                    "{lang} section {} \"{}\" has no counterpart",
                    lonely.number.map_or_else(String::new, |n| n.to_string()),
                    lonely.heading.as_deref().unwrap_or("")
                ),
            ));
        }
        sections_out.push(Section {
            index: k + 1,
            number: en_sec.or(fr_sec).and_then(|s| s.number),
            en: en_sec.map(side),
            fr: fr_sec.map(side),
            confidence: p.confidence,
            segments,
        });
    }

    let metadata: BTreeMap<Lang, model::Metadata> = by_lang
        .iter()
        .map(|(&lang, (lang_text, _))| (lang, meta::extract(lang_text, lang)))
        .filter(|(_, m)| !m.is_empty())
        .collect();
    if let (Some(en_meta), Some(fr_meta)) = (metadata.get(&Lang::En), metadata.get(&Lang::Fr)) {
        warnings.extend(meta::cross_check(en_meta, fr_meta));
    }

    let status = if errors.is_empty() {
        Status::Ok
    } else {
        Status::Partial
    };
    Document {
        id: id.to_owned(),
        sources,
        status,
        errors,
        warnings,
        kind: Some(kind),
        languages: by_lang.keys().copied().collect(),
        metadata,
        sections: sections_out,
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a stage panicked".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str = "Officer, Defence Policy - 251836\n\nPrimary Location: Belgium-Brussels\n\n\
        1. SUMMARY\n\nThe Defence Policy and Planning (DPP) Division has the lead role on the defence-related aspects of the fundamental security tasks of the Alliance.\n\n\
        2. CONTRACT\n\nThe successful applicant will be offered a definite duration contract of three years, which may be renewed for a further period of up to three years.\n\n\
        Administratrice, Politique de défense - 251836\n\nEmplacement principal : Belgique-Bruxelles\n\n\
        1. RÉSUMÉ\n\nLa Division Politique et plans de défense (DPP) est responsable au premier chef des aspects « défense » des missions de sécurité fondamentales de l'Alliance.\n\n\
        2. CONTRAT\n\nLa personne retenue se verra offrir un contrat d'une durée déterminée de trois ans, qui pourra être renouvelé pour une nouvelle période de trois ans au maximum.";

    #[test]
    fn site_chrome_of_a_page_never_reaches_a_section() {
        let page = format!(
            "<!DOCTYPE html><html><body>\
             <header><a href='/'>Careers portal home</a><nav><a href='/jobs'>Browse all jobs</a></nav></header>\
             <main><h2>On this page</h2><ul><li><a href='#a'>Summary</a></li><li><a href='#b'>Contract</a></li></ul>\
             {}<p class='sr-only'>Skip to main content</p></main>\
             <footer><p>Terms and conditions of the site</p></footer></body></html>",
            NOTICE
                .split("\n\n")
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        );
        let doc = process("h", "h.html", SourceFormat::Html, page.as_bytes());
        assert_eq!(doc.status, Status::Ok);
        assert_eq!(doc.kind, Some(Kind::Bilingual));
        let texts: Vec<String> = doc
            .sections
            .iter()
            .flat_map(|s| [&s.en, &s.fr])
            .flatten()
            .map(|side| format!("{:?} {}", side.heading, side.text))
            .collect();
        assert!(texts.iter().any(|t| t.contains("Defence Policy")));
        for chrome in [
            "Careers portal",
            "Browse all jobs",
            "On this page",
            "Skip to main",
            "Terms and conditions",
        ] {
            assert!(
                texts.iter().all(|t| !t.contains(chrome)),
                "{chrome:?} in {texts:?}"
            );
        }
    }

    #[test]
    fn a_bilingual_text_becomes_paired_sections() {
        let doc = process("t", "t.txt", SourceFormat::Text, NOTICE.as_bytes());
        assert_eq!(doc.status, Status::Ok);
        assert_eq!(doc.kind, Some(Kind::Bilingual));
        assert_eq!(doc.languages, vec![Lang::En, Lang::Fr]);
        fn heading(side: &Option<SectionSide>) -> &str {
            side.as_ref()
                .and_then(|x| x.heading.as_deref())
                .unwrap_or("")
        }
        let pairs: Vec<(&str, &str)> = doc
            .section_pairs()
            .map(|s| (heading(&s.en), heading(&s.fr)))
            .collect();
        assert_eq!(pairs, vec![("SUMMARY", "RÉSUMÉ"), ("CONTRACT", "CONTRAT")]);
        assert_eq!(
            doc.sections.len(),
            4,
            "two one-sided preambles and two pairs"
        );
        assert_eq!(doc.sections[0].number, None);
        assert!(doc.sections[0].fr.is_none() && doc.sections[1].en.is_none());
        assert_eq!(doc.sources[0].sha256.len(), 64);
    }

    #[test]
    fn an_oversized_file_is_refused_by_its_size() {
        let limits = Limits {
            max_pdf_bytes: 1_000,
            ..Limits::default()
        };
        let doc =
            refuse_by_size("big", "big.pdf", SourceFormat::Pdf, 1_001, &limits).expect("refused");
        assert_eq!(doc.status, Status::Failed);
        assert_eq!(doc.errors[0].code, codes::LIMIT_EXCEEDED);
        assert_eq!(doc.sources[0].bytes, 1_001);
        assert!(doc.sources[0].sha256.is_empty(), "never read, never hashed");
        assert!(refuse_by_size("ok", "ok.pdf", SourceFormat::Pdf, 1_000, &limits).is_none());
        assert!(refuse_by_size("t", "t.txt", SourceFormat::Text, 1_001, &limits).is_none());
    }

    #[test]
    fn an_english_and_a_french_file_make_one_bilingual_document() {
        let cut = NOTICE.find("Administratrice").expect("French half");
        let (en_text, fr_text) = NOTICE.split_at(cut);
        let en = Input {
            path: "n_en.txt",
            format: SourceFormat::Text,
            bytes: en_text.as_bytes(),
        };
        let fr = Input {
            path: "n_fr.txt",
            format: SourceFormat::Text,
            bytes: fr_text.as_bytes(),
        };
        let doc = process_pair("n", &en, &fr).expect("pairs");
        assert_eq!(doc.kind, Some(Kind::Bilingual));
        assert_eq!(doc.sources.len(), 2);
        assert_eq!(doc.sources[1].path, "n_fr.txt");
        assert_eq!(doc.sources[1].languages, vec![Lang::Fr]);
        assert_eq!(doc.section_pairs().count(), 2);
        assert!(
            process_pair("n", &fr, &en).is_none(),
            "languages must be as announced"
        );
    }

    #[test]
    fn bad_inputs_fail_with_a_code_instead_of_crashing() {
        let empty = process("e", "e.pdf", SourceFormat::Pdf, b"");
        assert_eq!(
            (empty.status, empty.kind),
            (Status::Failed, Some(Kind::Empty))
        );
        assert_eq!(empty.errors[0].code, codes::EMPTY);
        let not_pdf = process("n", "n.pdf", SourceFormat::Pdf, b"<html>404</html>");
        assert_eq!(not_pdf.status, Status::Failed);
        assert_eq!(not_pdf.errors[0].code, codes::NOT_A_PDF);
        let no_words = process("w", "w.txt", SourceFormat::Text, b"12 34\n--\n");
        assert_eq!(no_words.errors[0].code, codes::EMPTY);
    }
}
