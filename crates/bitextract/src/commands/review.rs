//! `bitextract review DATASET`: writes the dataset's review page, `review.html`.

use std::path::PathBuf;

use anyhow::{Context, Result};

/// Arguments of `bitextract review`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract review dataset          writes dataset/review.html
  xdg-open dataset/review.html

The page is one self-contained HTML file: it works offline, without a server and without
scripts. `extract` writes it too (format `review`); this command writes it again, for a
dataset made with other --formats or by an earlier version.")]
pub struct Args {
    /// The dataset directory (the output of `bitextract extract`).
    #[arg(value_name = "DATASET")]
    dataset: PathBuf,
}

/// Writes the page and prints where it is.
pub fn run(args: &Args) -> Result<()> {
    let page = export::write_review(&args.dataset)
        .with_context(|| format!("cannot write the review page of {}", args.dataset.display()))?;
    println!("{}", page.display());
    Ok(())
}
