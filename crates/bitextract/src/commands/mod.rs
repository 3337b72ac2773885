//! The subcommands. Adding one is a module here and a variant of [`Command`].

mod align;
mod completions;
mod extract;
mod inspect;
mod man;
mod merge;
mod review;
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
    /// Write a dataset's review page (review.html): documents, fields and pairs side by side.
    Review(review::Args),
    /// Print the JSON Schema of documents/<id>.json.
    Schema(schema::Args),
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
    /// Print the manual page (roff).
    Man(man::Args),
}

impl Command {
    /// Runs the command; an error means it could not run at all.
    pub fn run(self) -> Result<()> {
        match self {
            Command::Extract(args) => extract::run(&args),
            Command::Inspect(args) => inspect::run(&args),
            Command::Merge(args) => merge::run(&args),
            Command::Review(args) => review::run(&args),
            Command::Schema(args) => schema::run(&args),
            Command::Completions(args) => completions::run(&args),
            Command::Man(args) => man::run(&args),
            Command::Align(args) => align::run(&args),
        }
    }
}
