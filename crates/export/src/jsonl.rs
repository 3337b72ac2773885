//! `sections.jsonl` and `segments.jsonl`: one JSON object per line.

use std::io::{self, Write};

use serde::Serialize;

use crate::atomic::AtomicFile;
use crate::pairs::{SectionPair, SegmentRef};

#[derive(Serialize)]
struct SectionLine<'a> {
    doc: &'a str,
    section: Option<u32>,
    index: usize,
    en_heading: Option<&'a str>,
    fr_heading: Option<&'a str>,
    en: &'a str,
    fr: &'a str,
    confidence: f64,
}

#[derive(Serialize)]
struct SegmentLine<'a> {
    doc: &'a str,
    section: Option<u32>,
    index: usize,
    segment: usize,
    en: &'a str,
    fr: &'a str,
    confidence: f64,
}

/// Writes one section pair as a line of `sections.jsonl`.
pub(crate) fn write_section(out: &mut AtomicFile, doc: &str, pair: &SectionPair) -> io::Result<()> {
    write_line(
        out,
        &SectionLine {
            doc,
            section: pair.section.number,
            index: pair.section.index,
            en_heading: pair.en.heading.as_deref(),
            fr_heading: pair.fr.heading.as_deref(),
            en: &pair.en.text,
            fr: &pair.fr.text,
            confidence: pair.section.confidence,
        },
    )
}

/// Writes one segment pair as a line of `segments.jsonl`.
pub(crate) fn write_segment(out: &mut AtomicFile, doc: &str, seg: &SegmentRef) -> io::Result<()> {
    write_line(
        out,
        &SegmentLine {
            doc,
            section: seg.section.number,
            index: seg.section.index,
            segment: seg.number,
            en: &seg.pair.en,
            fr: &seg.pair.fr,
            confidence: seg.pair.confidence,
        },
    )
}

fn write_line(out: &mut AtomicFile, value: &impl Serialize) -> io::Result<()> {
    // serde_json escapes line breaks inside strings, so one value is one line.
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
