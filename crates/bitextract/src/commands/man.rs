//! `bitextract man`: the manual page, in roff.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

/// Arguments of `bitextract man`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract man | man -l -
  bitextract man > ~/.local/share/man/man1/bitextract.1")]
pub struct Args {}

/// Prints the manual page to standard output: the command, its options and every
/// subcommand with its own.
pub fn run(_args: &Args) -> Result<()> {
    let command = crate::Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .context("cannot render the manual page")?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let sub = sub
            .clone()
            .display_name(format!("bitextract-{}", sub.get_name()))
            .bin_name(format!("bitextract {}", sub.get_name()));
        let mut section = Vec::new();
        let man = clap_mangen::Man::new(sub);
        man.render_name_section(&mut section)
            .and_then(|()| man.render_synopsis_section(&mut section))
            .and_then(|()| man.render_description_section(&mut section))
            .and_then(|()| man.render_options_section(&mut section))
            .and_then(|()| man.render_extra_section(&mut section))
            .context("cannot render the manual page")?;
        page.extend(section);
    }
    std::io::stdout()
        .write_all(&page)
        .context("cannot write to standard output")
}
