//! `bitextract completions SHELL`: the shell completion script.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

/// Arguments of `bitextract completions`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract completions bash > ~/.local/share/bash-completion/completions/bitextract
  bitextract completions zsh > ~/.zfunc/_bitextract
  bitextract completions fish > ~/.config/fish/completions/bitextract.fish")]
pub struct Args {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

/// Prints the completion script to standard output.
pub fn run(args: &Args) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut crate::Cli::command(),
        "bitextract",
        &mut script,
    );
    std::io::stdout()
        .write_all(&script)
        .context("cannot write to standard output")
}
