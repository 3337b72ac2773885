//! The subcommands. Adding one is a module here and a variant of [`Command`].

mod align;
mod extract;
mod inspect;
mod merge;
mod schema;

use anyhow::Result;

/// What to do.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Extract every PDF, text, HTML, Markdown and DOCX file under a corpus directory into a dataset.
    Extract(extract::Args),
    /// Show what the pipeline makes of one file: language runs, sections, pairs, fields.
    Inspect(inspect::Args),
    /// Align the sentences of two parallel plain-text files (any text, not only notices).
    Align(align::Args),
    /// Join the outputs of sharded runs (`extract --shard I/N`) into one dataset.
    Merge(merge::Args),
    /// Print the JSON Schema of documents/<id>.json.
    Schema(schema::Args),
}

impl Command {
    /// Runs the command; an error means it could not run at all.
    pub fn run(self) -> Result<()> {
        match self {
            Command::Extract(args) => extract::run(&args),
            Command::Inspect(args) => inspect::run(&args),
            Command::Merge(args) => merge::run(&args),
            Command::Schema(args) => schema::run(&args),
            Command::Align(args) => align::run(&args),
        }
    }
}
