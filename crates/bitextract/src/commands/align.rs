//! `bitextract align`: sentence alignment of any two parallel plain-text files.

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;

use align::{Aligner, Alignment, Layout};
use anyhow::{Context, Result, bail};
use model::SourceFormat;

/// Arguments of `bitextract align`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract align notice.en.txt notice.fr.txt
  bitextract align --presplit --format tsv en.sentences fr.sentences > pairs.tsv
  some-converter notice.fr.pdf | bitextract align notice.en.txt -

Each output record holds the 0-based line numbers of the linked segments on each side
(en_lines, fr_lines), their text and the link's confidence (0 to 1). Text the aligner could
not link is left out.")]
pub struct Args {
    /// English text file (UTF-8, UTF-16 or Windows-1252); `-` reads standard input.
    en: PathBuf,
    /// French text file; `-` reads standard input (for one of the two files only).
    fr: PathBuf,
    /// The files hold one sentence per line; an empty line ends a paragraph.
    #[arg(long)]
    presplit: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,
    /// Leave out links below this confidence (0 to 1).
    #[arg(long, value_name = "C", default_value_t = 0.0, value_parser = super::extract::parse_confidence)]
    min_confidence: f64,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum OutputFormat {
    /// One JSON object per line.
    Jsonl,
    /// Tab-separated: en_lines, fr_lines, confidence, en, fr.
    Tsv,
}

#[derive(serde::Serialize)]
struct LinkRecord<'a> {
    en_lines: &'a [usize],
    fr_lines: &'a [usize],
    en: &'a str,
    fr: &'a str,
    confidence: f64,
}

/// Aligns the two files and writes the links to standard output.
pub fn run(args: &Args) -> Result<()> {
    if is_stdin(&args.en) && is_stdin(&args.fr) {
        bail!("only one of the two files can be read from standard input (`-`)");
    }
    let read = |path: &PathBuf| -> Result<String> {
        let bytes = if is_stdin(path) {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            bytes
        } else {
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
        };
        let text = ingest::ingest(SourceFormat::Text, &bytes)
            .with_context(|| format!("cannot read {} as text", path.display()))?;
        Ok(text.text)
    };
    let (en, fr) = (read(&args.en)?, read(&args.fr)?);
    let layout = if args.presplit {
        Layout::Presplit
    } else {
        Layout::Lines
    };
    let alignment = Aligner::default().align_texts(&en, &fr, layout);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_links(&alignment, args, &mut out).context("cannot write to standard output")
}

/// Whether a path argument stands for standard input.
fn is_stdin(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

fn write_links(alignment: &Alignment, args: &Args, out: &mut impl Write) -> std::io::Result<()> {
    for link in alignment
        .links
        .iter()
        .filter(|l| l.confidence >= args.min_confidence)
    {
        let (en_lines, fr_lines) = alignment.lines(link);
        let (en, fr) = (alignment.en_text(link), alignment.fr_text(link));
        match args.format {
            OutputFormat::Jsonl => {
                let record = LinkRecord {
                    en_lines: &en_lines,
                    fr_lines: &fr_lines,
                    en: &en,
                    fr: &fr,
                    confidence: link.confidence,
                };
                serde_json::to_writer(&mut *out, &record)?;
                writeln!(out)?;
            }
            OutputFormat::Tsv => {
                let join =
                    |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
                let flat = |s: &str| s.replace(['\t', '\n', '\r'], " ");
                writeln!(
                    out,
                    "{}\t{}\t{:.4}\t{}\t{}",
                    join(&en_lines),
                    join(&fr_lines),
                    link.confidence,
                    flat(&en),
                    flat(&fr)
                )?;
            }
        }
    }
    out.flush()
}
