//! The one-screen report at the end of `bitextract extract`.

use std::fmt::Write;
use std::path::Path;

use model::{Manifest, Status};

/// At most this many failed or partial documents are listed; the manifest has them all.
const MAX_LISTED: usize = 15;

/// The summary of a finished run: counts, time, throughput, and the documents that failed
/// or are partial, with their file and reason.
pub fn render(manifest: &Manifest, output: &Path) -> String {
    let c = &manifest.counts;
    let e = &manifest.export;
    let seconds = manifest.timings.total_seconds;
    let rate = if seconds > 0.0 {
        c.documents as f64 / seconds
    } else {
        0.0
    };
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "bitextract {}: {} documents in {seconds:.2} s ({rate:.1} docs/s, {} threads) → {}",
        manifest.version,
        c.documents,
        manifest.timings.threads,
        output.display()
    );
    let _ = writeln!(
        out,
        "  documents      {:>6}   ok {} · partial {} · failed {} · bilingual {}",
        c.documents, c.ok, c.partial, c.failed, c.bilingual
    );
    let _ = writeln!(out, "  skipped files  {:>6}", c.skipped);
    let threshold = if e.min_confidence > 0.0 {
        format!(" with confidence ≥ {}", e.min_confidence)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "  section pairs  {:>6}   {} exported{threshold}",
        c.section_pairs, e.section_pairs
    );
    let _ = writeln!(
        out,
        "  segment pairs  {:>6}   {} exported{threshold}",
        c.segment_pairs, e.segment_pairs
    );
    let _ = writeln!(out, "  formats                 {}", e.formats.join(", "));

    let troubled: Vec<_> = manifest
        .inputs
        .iter()
        .filter(|i| i.status != Status::Ok)
        .collect();
    if !troubled.is_empty() {
        let _ = writeln!(out, "Failed or partial ({}):", troubled.len());
        let width = troubled
            .iter()
            .take(MAX_LISTED)
            .map(|i| i.path.chars().count())
            .max()
            .unwrap_or(0);
        for input in troubled.iter().take(MAX_LISTED) {
            let status = match input.status {
                Status::Failed => "failed",
                _ => "partial",
            };
            let reasons: Vec<String> = input
                .errors
                .iter()
                .map(|e| format!("{}: {}", e.code, e.message))
                .collect();
            let _ = writeln!(
                out,
                "  {status:<8} {:<width$}  {}",
                input.path,
                reasons.join("; ")
            );
        }
        if troubled.len() > MAX_LISTED {
            let _ = writeln!(
                out,
                "  … and {} more, listed in manifest.json",
                troubled.len() - MAX_LISTED
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use model::{Counts, Diagnostic, ExportSummary, InputRecord, Kind, SourceFormat, Timings};

    use super::*;

    fn input(path: &str, status: Status, errors: Vec<Diagnostic>) -> InputRecord {
        InputRecord {
            path: path.to_owned(),
            id: path.replace('/', "-"),
            format: SourceFormat::Pdf,
            status,
            kind: Some(Kind::Bilingual),
            errors,
            warnings: 0,
        }
    }

    fn manifest(inputs: Vec<InputRecord>) -> Manifest {
        Manifest {
            tool: "bitextract".to_owned(),
            version: "1.2.3".to_owned(),
            shard: None,
            counts: Counts {
                documents: inputs.len(),
                ok: 1,
                failed: inputs.len() - 1,
                section_pairs: 8,
                segment_pairs: 40,
                ..Counts::default()
            },
            inputs,
            skipped: Vec::new(),
            export: ExportSummary {
                formats: vec!["jsonl".to_owned(), "tmx".to_owned()],
                min_confidence: 0.5,
                section_pairs: 7,
                segment_pairs: 31,
            },
            timings: Timings {
                started_unix: 0,
                total_seconds: 2.0,
                threads: 2,
            },
        }
    }

    #[test]
    fn the_summary_gives_counts_throughput_and_failures_with_reasons() {
        let scan = Diagnostic::new("no-text-layer", "no text on any page");
        let text = render(
            &manifest(vec![
                input("pdf/a.pdf", Status::Ok, Vec::new()),
                input("pdf/scan.pdf", Status::Failed, vec![scan]),
            ]),
            Path::new("out"),
        );
        assert!(
            text.contains("2 documents in 2.00 s (1.0 docs/s, 2 threads)"),
            "{text}"
        );
        assert!(text.contains("ok 1 · partial 0 · failed 1"), "{text}");
        assert!(text.contains("31 exported with confidence ≥ 0.5"), "{text}");
        assert!(
            text.contains("failed   pdf/scan.pdf  no-text-layer: no text on any page"),
            "{text}"
        );
        assert!(
            !text.contains("pdf/a.pdf"),
            "documents that are ok are not listed"
        );
    }

    #[test]
    fn a_long_list_of_failures_is_cut_to_one_screen() {
        let mut inputs = vec![input("ok.txt", Status::Ok, Vec::new())];
        inputs.extend((0..40).map(|k| input(&format!("bad{k}.pdf"), Status::Failed, Vec::new())));
        let text = render(&manifest(inputs), Path::new("out"));
        assert!(text.lines().count() < 30, "{text}");
        assert!(
            text.contains("… and 25 more, listed in manifest.json"),
            "{text}"
        );
    }
}
