//! Pipeline: one input file in, one finished [`Document`] out; then, over the whole corpus,
//! the English and French files of one document joined into one.
//!
//! Entry point: [`process`] runs ingest → language runs → sections → pairing → segment
//! alignment → metadata for one file and assembles the document. It never fails and never
//! panics outwards: an unreadable input, or a panic inside a stage, becomes a `failed`
//! document with a stable error code. [`assign_ids`] gives every input of a batch its
//! stable, unique document id. [`join`] is the corpus step that follows: it plans which
//! monolingual documents are two language versions of one document and builds their
//! bilingual document from the two, with the same pairing and alignment as a single file.
//!
//! This crate does no file I/O and no parallelism: the caller reads the bytes, runs
//! documents in parallel and writes them out (see the `bitextract` CLI and `export`).

mod compose;
mod ids;
pub mod join;
mod languages;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use model::{Block, Diagnostic, Document, Extracted, Kind, Lang, Source, SourceFormat, codes};
use sha2::{Digest, Sha256};

pub use ids::{MAX_ID_BYTES, assign_ids, fnv1a, slug};
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
    process_inner(id, path, format, bytes, limits, None)
}

/// What the pipeline saw on the way to a document, for inspection: the text ingest read with
/// its blocks, and the language runs over its lines.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    /// What ingest read; `None` when the file could not be read.
    pub extracted: Option<Extracted>,
    /// The English and French runs over the lines of `extracted.text`.
    pub runs: Vec<lang::Run>,
    /// The stretches of its lines in other languages.
    pub others: Vec<lang::OtherRun>,
    /// Its lines that only say where the other language's version is.
    pub version_notes: Vec<usize>,
}

/// [`process_with_limits`], keeping the intermediates of the one run in a [`Trace`].
pub fn process_traced(
    id: &str,
    path: &str,
    format: SourceFormat,
    bytes: &[u8],
    limits: &Limits,
) -> (Document, Trace) {
    let mut trace = Trace::default();
    let doc = process_inner(id, path, format, bytes, limits, Some(&mut trace));
    (doc, trace)
}

fn process_inner(
    id: &str,
    path: &str,
    format: SourceFormat,
    bytes: &[u8],
    limits: &Limits,
    mut trace: Option<&mut Trace>,
) -> Document {
    let source = source_of(path, format, bytes);
    let run = catch_unwind(AssertUnwindSafe(|| {
        match ingest::ingest_with_limits(format, bytes, limits) {
            Ok(extracted) => build(id, source.clone(), extracted, trace.as_deref_mut()),
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
            format!("internal error: {}", panic_message(&*panic)),
        );
        Document::failed(id.to_owned(), vec![source], None, vec![error])
    })
}

fn source_of(path: &str, format: SourceFormat, bytes: &[u8]) -> Source {
    Source {
        path: path.to_owned(),
        format,
        sha256: hex_sha256(bytes),
        bytes: bytes.len() as u64,
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

fn build(
    id: &str,
    mut source: Source,
    extracted: Extracted,
    trace: Option<&mut Trace>,
) -> Document {
    let text = extracted.text.as_str();
    let split = lang::split(text);
    if let Some(trace) = trace {
        trace.extracted = Some(extracted.clone());
        trace.runs = split.runs.clone();
        trace.others = split.others.clone();
        trace.version_notes = split.version_notes.clone();
    }
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
        .map(|&lang| (lang, split.view(text, &extracted.blocks, lang)))
        .collect();
    let mut doc = assemble(
        id,
        vec![source],
        texts,
        extracted.warnings,
        extracted.errors,
    );
    languages::record(&mut doc, &split, text);
    doc
}

/// Builds a document from the text of each of its languages, with the blocks laid over it.
fn assemble(
    id: &str,
    sources: Vec<Source>,
    texts: BTreeMap<Lang, (String, Vec<Block>)>,
    warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
) -> Document {
    let parts = compose::Parts {
        sources,
        sections: texts
            .iter()
            .map(|(&lang, (text, blocks))| (lang, sections::split(text, blocks)))
            .collect(),
        metadata: texts
            .iter()
            .map(|(&lang, (text, blocks))| (lang, meta::extract(text, blocks, lang)))
            .filter(|(_, m)| !m.is_empty())
            .collect(),
        warnings,
        errors,
    };
    compose::compose(id, parts)
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The message a caught panic was raised with (`panic!` gives a `&str` or a `String`).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{SectionSide, Status};

    const NOTICE: &str = "Officer, Defence Policy - 251836\n\nPrimary Location: Belgium-Brussels\n\n\
        1. SUMMARY\n\nThe Defence Policy and Planning (DPP) Division has the lead role on the defence-related aspects of the fundamental security tasks of the Alliance.\n\n\
        2. CONTRACT\n\nThe successful applicant will be offered a definite duration contract of three years, which may be renewed for a further period of up to three years.\n\n\
        Administratrice, Politique de défense - 251836\n\nEmplacement principal : Belgique-Bruxelles\n\n\
        1. RÉSUMÉ\n\nLa Division Politique et plans de défense (DPP) est responsable au premier chef des aspects « défense » des missions de sécurité fondamentales de l'Alliance.\n\n\
        2. CONTRAT\n\nLa personne retenue se verra offrir un contrat d'une durée déterminée de trois ans, qui pourra être renouvelé pour une nouvelle période de trois ans au maximum.";

    /// Paragraphs in five other languages, of this test's own writing.
    const OTHER_LANGUAGES: [(&str, &str); 5] = [
        (
            "de",
            "Diese Stellenausschreibung wird auch auf Deutsch veröffentlicht.\n\
             Die Auswahlgespräche finden im Frühjahr in unserem Hauptsitz statt.\n\
             Für Fragen steht Ihnen die Personalabteilung gerne zur Verfügung.",
        ),
        (
            "nl",
            "Deze vacature wordt ook in het Nederlands gepubliceerd op onze website.\n\
             De selectiegesprekken vinden in het voorjaar plaats op ons hoofdkantoor.\n\
             Voor vragen kunt u altijd contact opnemen met de personeelsdienst.",
        ),
        (
            "it",
            "Questo avviso di posto vacante è pubblicato anche in lingua italiana.\n\
             I colloqui di selezione si svolgeranno in primavera presso la nostra sede.\n\
             Per qualsiasi domanda potete rivolgervi al servizio del personale.",
        ),
        (
            "es",
            "Este anuncio de vacante también se publica en español en nuestro sitio.\n\
             Las entrevistas de selección tendrán lugar en primavera en nuestra sede.\n\
             Para cualquier pregunta pueden dirigirse al servicio de personal.",
        ),
        (
            "pt",
            "Este anúncio de vaga também é publicado em português no nosso sítio.\n\
             As entrevistas de seleção terão lugar na primavera na nossa sede.\n\
             Para qualquer pergunta podem dirigir-se ao serviço de pessoal.",
        ),
    ];

    #[test]
    fn text_in_other_languages_is_set_aside_wherever_it_stands() {
        let plain = process("n", "n.txt", SourceFormat::Text, NOTICE.as_bytes());
        let french_starts = NOTICE.find("Administratrice").expect("French half");
        for (code, paragraph) in OTHER_LANGUAGES {
            let placed = [
                format!("{paragraph}\n\n{NOTICE}"),
                format!(
                    "{}\n\n{paragraph}\n\n{}",
                    &NOTICE[..french_starts],
                    &NOTICE[french_starts..]
                ),
                format!("{NOTICE}\n\n{paragraph}"),
            ];
            for text in placed {
                let doc = process("n", "n.txt", SourceFormat::Text, text.as_bytes());
                assert_eq!(doc.sections, plain.sections, "{code}: {text}");
                assert_eq!(doc.kind, Some(Kind::Bilingual));
                let found: Vec<&str> = doc
                    .other_languages
                    .iter()
                    .map(|o| o.lang.as_str())
                    .collect();
                assert_eq!(found, [code], "{text}");
                assert_eq!(
                    doc.other_languages[0].text,
                    paragraph.replace("             ", "")
                );
                assert!(doc.warnings.iter().any(|w| w.code == codes::OTHER_LANGUAGE));
                let shares: Vec<&str> = doc
                    .language_shares
                    .iter()
                    .map(|s| s.lang.as_str())
                    .collect();
                assert_eq!(shares, ["en", "fr", code]);
            }
        }
        assert!(plain.other_languages.is_empty());
        assert!(
            plain
                .warnings
                .iter()
                .all(|w| w.code != codes::OTHER_LANGUAGE)
        );
    }

    #[test]
    fn english_with_german_is_monolingual_with_german_listed() {
        let french_starts = NOTICE.find("Administratrice").expect("French half");
        let (_, german) = OTHER_LANGUAGES[0];
        let text = format!("{}\n\n{german}", &NOTICE[..french_starts]);
        let doc = process("n", "n.txt", SourceFormat::Text, text.as_bytes());
        assert_eq!(doc.kind, Some(Kind::Monolingual));
        assert_eq!(doc.languages, [Lang::En]);
        let shares: Vec<&str> = doc
            .language_shares
            .iter()
            .map(|s| s.lang.as_str())
            .collect();
        assert_eq!(shares, ["en", "de"]);
    }

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
    fn a_note_announcing_the_other_version_reaches_no_section() {
        let text = format!("La version française suit.\n\n{NOTICE}");
        let doc = process("t", "t.txt", SourceFormat::Text, text.as_bytes());
        let plain = process("t", "t.txt", SourceFormat::Text, NOTICE.as_bytes());
        assert_eq!(doc.kind, Some(Kind::Bilingual));
        assert_eq!(doc.sections, plain.sections);
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
