//! `bitextract inspect`: what the pipeline makes of one file, to debug a bad notice.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use model::{BlockKind, Document, Extracted, Lang, Section};
use pipeline::{Limits, Trace};

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
    /// Also list the blocks (headings, paragraphs, list items, label–value lines) ingest found.
    #[arg(long)]
    blocks: bool,
    /// Leave out the aligned segments of each section.
    #[arg(long)]
    no_segments: bool,
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
    let (doc, trace) = pipeline::process_traced(&id, &path, format, &bytes, &Limits::default());
    let report = if args.json {
        let mut json = serde_json::to_string_pretty(&doc)?;
        json.push('\n');
        json
    } else {
        let mut report = document_report(&doc, &trace, !args.no_segments);
        if args.blocks
            && let Some(extracted) = &trace.extracted
        {
            report.push_str(&blocks_report(extracted));
        }
        report
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

/// The first non-blank line among `lines[start..end]`, or "".
fn first_words<'t>(lines: &[&'t str], start: usize, end: usize) -> &'t str {
    lines[start.min(lines.len())..end.min(lines.len())]
        .iter()
        .find(|l| !l.trim().is_empty())
        .copied()
        .unwrap_or("")
}

fn runs_report(text: &str, trace: &Trace) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    let _ = writeln!(out, "Language runs ({} lines):", lines.len());
    for run in &trace.runs {
        let first = first_words(&lines, run.start, run.end);
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
    for run in &trace.others {
        let first = first_words(&lines, run.start, run.end);
        let _ = writeln!(
            out,
            "  lines {:>5}–{:<5} {} {:>5} words  {}  (set aside)",
            run.start + 1,
            run.end,
            run.code,
            run.words,
            excerpt(first)
        );
    }
    for &line in &trace.version_notes {
        let _ = writeln!(
            out,
            "  line  {:>5}        version note  {}  (set aside)",
            line + 1,
            excerpt(lines[line].trim())
        );
    }
    out
}

/// Every block ingest laid over the text, one per line: where, what, and its start.
fn blocks_report(extracted: &Extracted) -> String {
    let lines: Vec<&str> = extracted.text.split('\n').collect();
    let mut out = String::new();
    let _ = writeln!(out, "\nBlocks ({}):", extracted.blocks.len());
    for block in &extracted.blocks {
        let what = match &block.kind {
            BlockKind::Heading(h) => format!(
                "heading  level {} conf {:.1}{}  {}",
                h.level,
                h.confidence,
                h.number.map_or_else(String::new, |n| format!(" no. {n}")),
                excerpt(&h.title)
            ),
            BlockKind::Paragraph => format!("paragraph  {}", excerpt(&block.text(&lines))),
            BlockKind::ListItem { depth } => {
                format!("item {depth}  {}", excerpt(&block.text(&lines)))
            }
            BlockKind::LabelValue { label, value } => {
                format!("field  {}: {}", excerpt(label), excerpt(value))
            }
        };
        let _ = writeln!(
            out,
            "  lines {:>5}–{:<5} {what}",
            block.line + 1,
            block.end()
        );
    }
    out
}

fn document_report(doc: &Document, trace: &Trace, with_segments: bool) -> String {
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
    // The runs are the language stage's view of the text the document was built from.
    if let Some(extracted) = &trace.extracted {
        let _ = write!(out, "\n{}", runs_report(&extracted.text, trace));
    }
    let pairs = doc.section_pairs().count();
    let _ = writeln!(
        out,
        "\nSections ({}, {pairs} EN/FR pairs):",
        doc.sections.len()
    );
    for section in &doc.sections {
        section_report(&mut out, section, with_segments);
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

fn section_report(out: &mut String, section: &Section, with_segments: bool) {
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
    let segments = if with_segments {
        section.segments.as_slice()
    } else {
        &[]
    };
    for (k, pair) in segments.iter().enumerate() {
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
