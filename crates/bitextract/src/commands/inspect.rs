//! `bitextract inspect`: what the pipeline makes of one file, to debug a bad notice.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use model::{Document, Lang, Section};

/// Arguments of `bitextract inspect`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract inspect corpus/text/001_ca6471f58fe47377.txt
  bitextract inspect notice.pdf --json | jq '.sections[].en.heading'")]
pub struct Args {
    /// A PDF, text, HTML, Markdown or DOCX file.
    file: PathBuf,
    /// Print the document exactly as documents/<id>.json would hold it.
    #[arg(long)]
    json: bool,
}

/// Runs the pipeline on the file and prints what it found.
pub fn run(args: &Args) -> Result<()> {
    let Some(format) = pipeline::input_format(&args.file) else {
        bail!(
            "{} is not a format bitextract reads ({})",
            args.file.display(),
            pipeline::known_extensions()
        );
    };
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let path = args.file.to_string_lossy().replace('\\', "/");
    let id = pipeline::slug(&path);
    let doc = pipeline::process(&id, &path, format, &bytes);
    let report = if args.json {
        let mut json = serde_json::to_string_pretty(&doc)?;
        json.push('\n');
        json
    } else {
        // The runs are the language stage's view of the text the document was built from.
        let runs = ingest::ingest(format, &bytes)
            .ok()
            .map(|extracted| runs_report(&extracted.text));
        document_report(&doc, runs.as_deref())
    };
    std::io::stdout()
        .write_all(report.as_bytes())
        .context("cannot write to standard output")
}

/// Width of the text excerpts, in characters.
const EXCERPT: usize = 72;

/// The start of a text on one line, cut to `EXCERPT` characters.
fn excerpt(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= EXCERPT {
        line
    } else {
        let cut: String = line.chars().take(EXCERPT - 1).collect();
        format!("{cut}…")
    }
}

fn runs_report(text: &str) -> String {
    let split = lang::split(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    let _ = writeln!(out, "Language runs ({} lines):", lines.len());
    for run in &split.runs {
        let first = lines[run.start..run.end]
            .iter()
            .find(|l| !l.trim().is_empty())
            .copied()
            .unwrap_or("");
        let _ = writeln!(
            out,
            "  lines {:>5}–{:<5} {}  {:>5} words  {}",
            run.start + 1,
            run.end,
            run.lang,
            run.words,
            excerpt(first)
        );
    }
    out
}

fn document_report(doc: &Document, runs: Option<&str>) -> String {
    let mut out = String::new();
    let source = doc.sources.first();
    let _ = writeln!(
        out,
        "{}  ({:?}, {} bytes{})",
        source.map_or("", |s| s.path.as_str()),
        source.map(|s| s.format).unwrap_or_default(),
        source.map_or(0, |s| s.bytes),
        source
            .and_then(|s| s.pages)
            .map_or_else(String::new, |p| format!(", {p} pages"))
    );
    let languages: Vec<&str> = doc.languages.iter().map(|l| l.code()).collect();
    let _ = writeln!(
        out,
        "id {}  status {:?}  kind {}  languages [{}]",
        doc.id,
        doc.status,
        doc.kind.map_or("-".to_owned(), |k| format!("{k:?}")),
        languages.join(", ")
    );
    for (label, list) in [("error", &doc.errors), ("warning", &doc.warnings)] {
        for d in list {
            let _ = writeln!(out, "  {label} {}: {}", d.code, d.message);
        }
    }
    if let Some(runs) = runs {
        let _ = write!(out, "\n{runs}");
    }
    let pairs = doc.section_pairs().count();
    let _ = writeln!(
        out,
        "\nSections ({}, {pairs} EN/FR pairs):",
        doc.sections.len()
    );
    for section in &doc.sections {
        section_report(&mut out, section);
    }
    if !doc.metadata.is_empty() {
        let _ = writeln!(out, "\nFields:");
        for (lang, metadata) in &doc.metadata {
            let fields = serde_json::to_value(metadata).unwrap_or_default();
            for (name, value) in fields.as_object().into_iter().flatten() {
                let _ = writeln!(out, "  {lang} {name:<16} {value}");
            }
        }
    }
    out
}

fn section_report(out: &mut String, section: &Section) {
    let side = |lang: Lang| match section.side(lang) {
        Some(s) => format!(
            "{} ({} words)",
            s.heading.as_deref().unwrap_or("(preamble)"),
            s.text.split_whitespace().count()
        ),
        None => "—".to_owned(),
    };
    let _ = writeln!(
        out,
        "  {:>3}. {:>4}  conf {:.2}  en {}  |  fr {}",
        section.index,
        section.number.map_or("-".to_owned(), |n| n.to_string()),
        section.confidence,
        side(Lang::En),
        side(Lang::Fr)
    );
    for (k, pair) in section.segments.iter().enumerate() {
        let _ = writeln!(
            out,
            "        {}.{:<3} {:.2}  en {}\n                    fr {}",
            section.index,
            k + 1,
            pair.confidence,
            excerpt(&pair.en),
            excerpt(&pair.fr)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_one_line_and_cut_with_an_ellipsis() {
        assert_eq!(excerpt("a\n b\tc"), "a b c");
        let long = "word ".repeat(40);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT);
        assert!(cut.ends_with('…'));
    }
}
