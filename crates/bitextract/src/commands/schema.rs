//! `bitextract schema`: the JSON Schema of a document.

use std::io::Write;

use anyhow::{Context, Result};

/// Arguments of `bitextract schema`.
#[derive(clap::Args)]
#[command(after_help = format!(
    "The repository keeps a copy in {}; regenerate it with\n  bitextract schema > {}",
    export::DOCUMENT_SCHEMA_PATH, export::DOCUMENT_SCHEMA_PATH
))]
pub struct Args {}

/// Prints the schema to standard output.
pub fn run(_args: &Args) -> Result<()> {
    std::io::stdout()
        .write_all(export::document_schema().as_bytes())
        .context("cannot write to standard output")
}
