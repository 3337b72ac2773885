//! `bitext.en` and `bitext.fr`: the segment pairs as line-aligned plain text (Moses style).

use std::io::{self, Write};

use crate::atomic::AtomicFile;
use crate::text::single_line;

/// Writes one side of a segment pair as the next line of its language's file.
pub(crate) fn write_line(out: &mut AtomicFile, text: &str) -> io::Result<()> {
    writeln!(out, "{}", single_line(text))
}
