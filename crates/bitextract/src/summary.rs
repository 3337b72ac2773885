//! The report at the end of `extract` and `merge`: one screen for a person, or JSON.
//!
//! The person's report lists the failed and partial documents first, grouped by error code
//! with a count per code, and the totals last, so that they stay on screen after a long
//! list.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use model::{Counts, ExportSummary, InputRecord, Manifest, Status};
use serde::Serialize;

/// At most this many failed or partial documents are listed; the manifest has them all.
const MAX_LISTED: usize = 15;

/// The code under which a document without an error code is grouped.
const NO_CODE: &str = "no-error-code";

/// The failed and partial inputs by the code of their first error, codes in order.
fn troubles(manifest: &Manifest) -> BTreeMap<&str, Vec<&InputRecord>> {
    let mut groups: BTreeMap<&str, Vec<&InputRecord>> = BTreeMap::new();
    for input in manifest.inputs.iter().filter(|i| i.status != Status::Ok) {
        let code = input.errors.first().map_or(NO_CODE, |e| e.code.as_str());
        groups.entry(code).or_default().push(input);
    }
    groups
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Partial => "partial",
        Status::Failed => "failed",
    }
}

/// The summary of a finished run for a person: the documents that failed or are partial,
/// by error code, then the counts, time and throughput.
pub fn render(manifest: &Manifest, output: &Path) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let groups = troubles(manifest);
    let troubled: usize = groups.values().map(Vec::len).sum();
    if troubled > 0 {
        let _ = writeln!(out, "Failed or partial ({troubled}), by error code:");
        let width = groups
            .values()
            .flatten()
            .take(MAX_LISTED)
            .map(|i| i.path.chars().count())
            .max()
            .unwrap_or(0);
        let mut listed = 0;
        for (code, inputs) in &groups {
            let _ = writeln!(out, "  {code} ({})", inputs.len());
            for input in inputs.iter().take(MAX_LISTED.saturating_sub(listed)) {
                let reasons: Vec<&str> = input.errors.iter().map(|e| e.message.as_str()).collect();
                let _ = writeln!(
                    out,
                    "    {:<8} {:<width$}  {}",
                    status_name(input.status),
                    input.path,
                    reasons.join("; ")
                );
                listed += 1;
            }
        }
        if troubled > listed {
            let _ = writeln!(
                out,
                "  … {} more listed in manifest.json",
                troubled - listed
            );
        }
    }
    totals(&mut out, manifest, output);
    out
}

fn totals(out: &mut String, manifest: &Manifest, output: &Path) {
    let c = &manifest.counts;
    let e = &manifest.export;
    let seconds = manifest.timings.total_seconds;
    let rate = if seconds > 0.0 {
        c.documents as f64 / seconds
    } else {
        0.0
    };
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
        format!(", confidence ≥ {}", e.min_confidence)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "  section pairs  {:>6}   {} distinct · {} duplicates{threshold}",
        c.section_pairs, e.section_pairs, e.duplicate_section_pairs
    );
    let _ = writeln!(
        out,
        "  segment pairs  {:>6}   {} exported · {} set aside · {} duplicates{threshold}",
        c.segment_pairs, e.exported_pairs, e.set_aside_pairs, e.duplicate_segment_pairs
    );
    if !e.set_aside.is_empty() {
        let reasons: Vec<String> = e
            .set_aside
            .iter()
            .map(|(flag, n)| format!("{flag} {n}"))
            .collect();
        let _ = writeln!(out, "  set aside               {}", reasons.join(" · "));
    }
    let _ = writeln!(out, "  formats                 {}", e.formats.join(", "));
}

/// Prints the summary of a finished run on standard output: as JSON, for a person, or not
/// at all.
pub fn print(manifest: &Manifest, output: &Path, quiet: bool, as_json: bool) {
    if as_json {
        print!("{}", json(manifest, output));
    } else if !quiet {
        print!("{}", render(manifest, output));
    }
}

/// The summary of a finished run as JSON, for scripts: what the person's report says, and
/// every failed or partial document.
pub fn json(manifest: &Manifest, output: &Path) -> String {
    #[derive(Serialize)]
    struct Trouble<'a> {
        path: &'a str,
        id: &'a str,
        status: &'static str,
        messages: Vec<&'a str>,
    }
    #[derive(Serialize)]
    struct Report<'a> {
        tool: &'a str,
        version: &'a str,
        output: String,
        seconds: f64,
        threads: usize,
        counts: &'a Counts,
        export: &'a ExportSummary,
        failures: BTreeMap<&'a str, Vec<Trouble<'a>>>,
    }
    let failures = troubles(manifest)
        .into_iter()
        .map(|(code, inputs)| {
            let listed = inputs
                .into_iter()
                .map(|input| Trouble {
                    path: &input.path,
                    id: &input.id,
                    status: status_name(input.status),
                    messages: input.errors.iter().map(|e| e.message.as_str()).collect(),
                })
                .collect();
            (code, listed)
        })
        .collect();
    let report = Report {
        tool: &manifest.tool,
        version: &manifest.version,
        output: output.display().to_string(),
        seconds: manifest.timings.total_seconds,
        threads: manifest.timings.threads,
        counts: &manifest.counts,
        export: &manifest.export,
        failures,
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
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
                duplicate_segment_pairs: 9,
                set_aside_pairs: 4,
                set_aside: BTreeMap::from([
                    ("url-only".to_owned(), 3),
                    ("identical".to_owned(), 1),
                ]),
                exported_pairs: 27,
                ..ExportSummary::default()
            },
            timings: Timings {
                started_unix: 0,
                total_seconds: 2.0,
                threads: 2,
            },
        }
    }

    fn failed(path: &str, code: &str) -> InputRecord {
        let error = Diagnostic::new(code, format!("{code} happened"));
        input(path, Status::Failed, vec![error])
    }

    #[test]
    fn the_summary_gives_failures_by_code_then_counts_and_throughput() {
        let text = render(
            &manifest(vec![
                input("pdf/a.pdf", Status::Ok, Vec::new()),
                failed("pdf/scan.pdf", "no-text-layer"),
                failed("pdf/lock.pdf", "encrypted"),
                failed("pdf/scan2.pdf", "no-text-layer"),
            ]),
            Path::new("out"),
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Failed or partial (3), by error code:");
        assert_eq!(lines[1], "  encrypted (1)");
        assert_eq!(lines[3], "  no-text-layer (2)");
        assert!(
            lines[4].starts_with("    failed   pdf/scan.pdf ")
                && lines[4].ends_with("no-text-layer happened"),
            "{text}"
        );
        let totals = lines
            .iter()
            .position(|l| {
                l.starts_with("bitextract 1.2.3: 4 documents in 2.00 s (2.0 docs/s, 2 threads)")
            })
            .expect("the totals");
        assert!(totals > 4, "the totals come last: {text}");
        assert!(text.contains("ok 1 · partial 0 · failed 3"), "{text}");
        assert!(
            text.contains("27 exported · 4 set aside · 9 duplicates, confidence ≥ 0.5"),
            "{text}"
        );
        assert!(
            text.contains("set aside               identical 1 · url-only 3"),
            "{text}"
        );
        assert!(
            !text.contains("pdf/a.pdf"),
            "documents that are ok are not listed"
        );
    }

    #[test]
    fn a_long_list_of_failures_is_cut_to_one_screen_and_the_totals_stay_last() {
        let mut inputs = vec![input("ok.txt", Status::Ok, Vec::new())];
        inputs.extend((0..40).map(|k| failed(&format!("bad{k}.pdf"), "corrupt-pdf")));
        let text = render(&manifest(inputs), Path::new("out"));
        assert!(text.lines().count() < 30, "{text}");
        assert!(text.contains("  corrupt-pdf (40)"), "{text}");
        assert!(text.contains("… 25 more listed in manifest.json"), "{text}");
        assert!(
            text.lines()
                .last()
                .expect("a line")
                .starts_with("  formats"),
            "{text}"
        );
    }

    #[test]
    fn the_json_summary_holds_counts_export_figures_and_failures_by_code() {
        let report: serde_json::Value = serde_json::from_str(&json(
            &manifest(vec![
                input("ok.txt", Status::Ok, Vec::new()),
                failed("bad.pdf", "corrupt-pdf"),
            ]),
            Path::new("out"),
        ))
        .expect("JSON");
        assert_eq!(report["counts"]["documents"], 2);
        assert_eq!(report["export"]["exported_pairs"], 27);
        assert_eq!(report["export"]["set_aside"]["url-only"], 3);
        assert_eq!(report["failures"]["corrupt-pdf"][0]["path"], "bad.pdf");
        assert_eq!(report["output"], "out");
    }
}
