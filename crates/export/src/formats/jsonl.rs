//! `sections.jsonl` and `segments.jsonl`: every distinct pair, one JSON object per line,
//! with its duplicates and, for a segment pair, its quality flags.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::atomic::AtomicFile;
use crate::sink::{Occurrences, SectionRecord, SegmentRecord, Sink};
use crate::{ExportError, files, io_error};

/// The two JSONL files being written.
pub(crate) struct Jsonl {
    sections: AtomicFile,
    segments: AtomicFile,
}

impl Jsonl {
    pub(crate) fn create(dir: &Path) -> Result<Self, ExportError> {
        Ok(Jsonl {
            sections: AtomicFile::create(&dir.join(files::SECTIONS))?,
            segments: AtomicFile::create(&dir.join(files::SEGMENTS))?,
        })
    }
}

/// What every line says of the pair's duplicates.
#[derive(Serialize)]
struct Duplicates<'a> {
    count: u32,
    variants: u32,
    documents: &'a [&'a str],
}

impl<'a> From<&'a Occurrences<'a>> for Duplicates<'a> {
    fn from(occurrences: &'a Occurrences<'a>) -> Self {
        Duplicates {
            count: occurrences.count,
            variants: occurrences.variants,
            documents: &occurrences.documents,
        }
    }
}

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
    #[serde(flatten)]
    duplicates: Duplicates<'a>,
}

#[derive(Serialize)]
struct SegmentLine<'a> {
    doc: &'a str,
    section: Option<u32>,
    index: usize,
    segment: usize,
    id: &'a str,
    en: &'a str,
    fr: &'a str,
    confidence: f64,
    #[serde(flatten)]
    duplicates: Duplicates<'a>,
    flags: Vec<&'static str>,
}

impl Jsonl {
    fn write_segment(&mut self, record: &SegmentRecord) -> Result<(), ExportError> {
        let seg = &record.seg;
        let line = SegmentLine {
            doc: record.doc,
            section: seg.section.number,
            index: seg.section.index,
            segment: seg.number,
            id: &record.id(),
            en: &seg.pair.en,
            fr: &seg.pair.fr,
            confidence: seg.pair.confidence,
            duplicates: (&record.occurrences).into(),
            flags: record.flags.names(),
        };
        write_line(&mut self.segments, &line).map_err(io_error(self.segments.path()))
    }
}

impl Sink for Jsonl {
    fn section(&mut self, record: &SectionRecord) -> Result<(), ExportError> {
        let pair = &record.pair;
        let line = SectionLine {
            doc: record.doc,
            section: pair.section.number,
            index: pair.section.index,
            en_heading: pair.en.heading.as_deref(),
            fr_heading: pair.fr.heading.as_deref(),
            en: &pair.en.text,
            fr: &pair.fr.text,
            confidence: pair.section.confidence,
            duplicates: (&record.occurrences).into(),
        };
        write_line(&mut self.sections, &line).map_err(io_error(self.sections.path()))
    }

    fn segment(&mut self, record: &SegmentRecord) -> Result<(), ExportError> {
        self.write_segment(record)
    }

    fn set_aside(&mut self, record: &SegmentRecord) -> Result<(), ExportError> {
        self.write_segment(record)
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.sections.commit()?;
        self.segments.commit()
    }
}

/// Writes one value as one line: serde_json escapes line breaks inside strings.
pub(crate) fn write_line(out: &mut AtomicFile, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
