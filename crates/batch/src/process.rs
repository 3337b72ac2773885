//! One input into its document, read from its file or given as bytes, on a thread with a
//! stack deep enough for the PDF parsers.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::thread;

use model::{Diagnostic, Document, SourceFormat, codes};
use pipeline::join;

use crate::corpus::InputFile;

/// Stack of each worker thread. The PDF parsers recurse; ingest bounds input nesting before
/// parsing, and this leaves a wide margin over what the bounded depth needs, since a stack
/// overflow aborts the whole process. It is address space, committed only as it is used.
pub(crate) const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// One input file of a corpus into its document, never failing: a file that cannot be read,
/// or is larger than the limits allow (checked before it is read), is a failed document.
pub fn process_file(input: &InputFile, limits: &pipeline::Limits) -> Document {
    let (id, path, format) = (input.id.as_str(), input.relative.as_str(), input.format);
    let size = match std::fs::metadata(&input.absolute) {
        // Found as a regular file; checked again so that one replaced since by a named pipe
        // is not opened, which could block.
        Ok(metadata) if !metadata.is_file() => {
            let reason = "it is no longer a regular file";
            return pipeline::unreadable(id, path, format, reason);
        }
        Ok(metadata) => metadata.len(),
        Err(err) => return pipeline::unreadable(id, path, format, &err.to_string()),
    };
    // Checked before reading, so that an oversized file costs neither memory nor time.
    if let Some(refused) = pipeline::refuse_by_size(id, path, format, size, limits) {
        return refused;
    }
    match std::fs::read(&input.absolute) {
        Ok(bytes) => pipeline::process_with_limits(id, path, format, &bytes, limits),
        Err(err) => pipeline::unreadable(id, path, format, &err.to_string()),
    }
}

/// What one input is made of.
#[derive(Debug, Clone, Copy)]
pub enum Data<'a> {
    /// Its bytes, held in memory.
    Bytes(&'a [u8]),
    /// A file to read.
    File(&'a Path),
}

/// One input, outside any corpus, into its document, never failing (see [`process_file`]).
///
/// `name` is its path as the document records it (`sources[].path`); its extension gives
/// the format, and when it has none bitextract reads, the first bytes do
/// (`pipeline::sniff_format`). `id` defaults to the id the input would have in a corpus of
/// its own (the slug of `name`).
pub fn process_input(
    data: Data<'_>,
    name: &str,
    id: Option<&str>,
    limits: &pipeline::Limits,
) -> Document {
    let id = match id {
        Some(id) => id.to_owned(),
        None => pipeline::assign_ids(&[name.as_bytes()])
            .pop()
            .unwrap_or_default(),
    };
    let named = pipeline::input_format(Path::new(name));
    match data {
        Data::Bytes(bytes) => {
            let format = named.unwrap_or_else(|| pipeline::sniff_format(bytes));
            pipeline::process_with_limits(&id, name, format, bytes, limits)
        }
        Data::File(file) => {
            // A head that cannot be read leaves the format to text; reading the whole file
            // then fails the same way, and the document says why.
            let format = named.unwrap_or_else(|| {
                head(file).map_or(SourceFormat::Text, |head| pipeline::sniff_format(&head))
            });
            let input = InputFile {
                relative: name.to_owned(),
                absolute: file.to_owned(),
                format,
                id,
            };
            process_file(&input, limits)
        }
    }
}

/// The bilingual document of the English and the French document of one content, two
/// inputs processed on their own (see `pipeline::join::join`); when a stage fails on the
/// pair, a failed document of both sources says so.
pub fn join_pair(en: &Document, fr: &Document) -> Document {
    join::join(en, fr).unwrap_or_else(|| {
        let error = Diagnostic::new(codes::INTERNAL, "the two documents could not be joined");
        let sources = en.sources.iter().chain(&fr.sources).cloned().collect();
        Document::failed(join::joined_id(&en.id, &fr.id), sources, None, vec![error])
    })
}

/// The first bytes of a file, as many as sniffing its format needs.
fn head(file: &Path) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(pipeline::SNIFF_BYTES);
    File::open(file)?
        .take(pipeline::SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}

/// Runs `work` on a thread of its own with a worker's stack (see [`WORKER_STACK_BYTES`]), for
/// callers whose threads have the system's default stack (a Python thread, for one), which
/// the PDF parsers could overflow. A panic in `work` is raised again in the caller.
///
/// Fails only when the system cannot start a thread.
pub fn on_worker_stack<T: Send>(work: impl FnOnce() -> T + Send) -> io::Result<T> {
    thread::scope(|scope| {
        let worker = thread::Builder::new()
            .name("bitextract-worker".to_owned())
            .stack_size(WORKER_STACK_BYTES)
            .spawn_scoped(scope, work)?;
        Ok(worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str = "Officer, Defence Policy\n\n\
        The Division has the lead role on the defence-related aspects of the security tasks \
        of the Alliance, and it reports to the Assistant Secretary General.\n";

    #[test]
    fn bytes_and_a_file_of_one_name_make_one_document() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("notice.txt");
        std::fs::write(&file, NOTICE).expect("write");
        let limits = pipeline::Limits::default();
        let from_bytes = process_input(
            Data::Bytes(NOTICE.as_bytes()),
            "notes/notice.txt",
            None,
            &limits,
        );
        let from_file = process_input(Data::File(&file), "notes/notice.txt", None, &limits);
        assert_eq!(from_bytes, from_file);
        assert_eq!(from_bytes.id, "notes-notice");
        assert_eq!(from_bytes.sources[0].path, "notes/notice.txt");
    }

    #[test]
    fn a_name_without_a_known_extension_leaves_the_format_to_the_bytes() {
        let limits = pipeline::Limits::default();
        let pdf = process_input(Data::Bytes(b"%PDF-1.7\n"), "upload", None, &limits);
        assert_eq!(pdf.sources[0].format, SourceFormat::Pdf);
        let text = process_input(Data::Bytes(NOTICE.as_bytes()), "upload", Some("x"), &limits);
        assert_eq!(text.sources[0].format, SourceFormat::Text);
        assert_eq!(text.id, "x");
    }

    #[test]
    fn a_file_that_cannot_be_read_is_a_failed_document() {
        let limits = pipeline::Limits::default();
        let missing = Path::new("/nonexistent/notice.pdf");
        let doc = process_input(Data::File(missing), "notice.pdf", None, &limits);
        assert_eq!(doc.status, model::Status::Failed);
        assert_eq!(doc.errors[0].code, codes::IO);
        let unnamed = process_input(Data::File(missing), "upload", None, &limits);
        assert_eq!(unnamed.errors[0].code, codes::IO);
    }

    #[test]
    fn two_language_versions_join_into_one_bilingual_document() {
        let limits = pipeline::Limits::default();
        let en = "Officer, Defence Policy - 251836\n\n1. SUMMARY\n\nThe Division has the lead role on \
            the defence-related aspects of the security tasks of the Alliance.\n\n2. CONTRACT\n\n\
            The successful applicant will be offered a contract of three years.\n";
        let fr = "Administrateur, Politique de défense - 251836\n\n1. RÉSUMÉ\n\nLa Division est \
            responsable au premier chef des aspects défense des missions de sécurité de l'Alliance.\n\n\
            2. CONTRAT\n\nLa personne retenue se verra offrir un contrat de trois ans.\n";
        let en = process_input(Data::Bytes(en.as_bytes()), "notice_en.txt", None, &limits);
        let fr = process_input(Data::Bytes(fr.as_bytes()), "notice_fr.txt", None, &limits);
        let joined = join_pair(&en, &fr);
        assert_eq!(joined.id, "notice-en--fr");
        assert_eq!(joined.kind, Some(model::Kind::Bilingual));
        assert_eq!(joined.sources.len(), 2);
        assert!(joined.section_pairs().count() >= 2);
    }

    #[test]
    fn work_on_a_worker_stack_returns_its_result_and_raises_its_panic() {
        assert_eq!(on_worker_stack(|| 6 * 7).expect("a thread"), 42);
        let panicked = std::panic::catch_unwind(|| on_worker_stack(|| panic!("inside")));
        assert!(panicked.is_err());
    }
}
