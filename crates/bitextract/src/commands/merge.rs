//! `bitextract merge`: the outputs of sharded runs (`extract --shard I/N`) into one dataset,
//! the same as one run over the whole corpus but for the manifest's timings.

use std::path::PathBuf;

use anyhow::Result;

use crate::summary;

/// Arguments of `bitextract merge`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  bitextract merge dataset part0 part1 part2 part3

The shards must come from the same corpus, be all N parts of one --shard I/N split, and have
the same --formats, --min-confidence and --keep-duplicates, which the merged dataset keeps. The documents are copied and
the corpus-wide files written again from them; OUT is replaced as a whole, as by extract.")]
pub struct Args {
    /// Merged output directory.
    #[arg(value_name = "OUT")]
    output: PathBuf,
    /// Output directories of the sharded runs.
    #[arg(value_name = "SHARD", required = true)]
    shards: Vec<PathBuf>,
    /// No summary; errors only.
    #[arg(short, long)]
    quiet: bool,
    /// Print the summary as JSON on standard output, for scripts.
    #[arg(long, conflicts_with = "quiet")]
    json: bool,
}

/// Runs the merge and prints the summary.
pub fn run(args: &Args) -> Result<()> {
    let manifest = batch::merge(&args.output, &args.shards)?;
    summary::print(&manifest, &args.output, args.quiet, args.json);
    Ok(())
}
