//! `sections.jsonl` and `segments.jsonl`.

use std::io::Write;
use std::path::Path;

use model::Document;
use serde::Serialize;

use crate::{ExportError, write_atomically};

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

/// One line per EN/FR section pair, in document id then section order.
pub(crate) fn write_sections(path: &Path, documents: &[Document]) -> Result<(), ExportError> {
    write_atomically(path, |w| {
        for doc in documents {
            for s in doc.section_pairs() {
                let (Some(en), Some(fr)) = (&s.en, &s.fr) else {
                    continue;
                };
                let line = SectionLine {
                    doc: &doc.id,
                    section: s.number,
                    index: s.index,
                    en_heading: en.heading.as_deref(),
                    fr_heading: fr.heading.as_deref(),
                    en: &en.text,
                    fr: &fr.text,
                    confidence: s.confidence,
                };
                serde_json::to_writer(&mut *w, &line)?;
                w.write_all(b"\n")?;
            }
        }
        Ok(())
    })
}

/// One line per EN/FR segment pair, in document id, section and segment order.
pub(crate) fn write_segments(path: &Path, documents: &[Document]) -> Result<(), ExportError> {
    write_atomically(path, |w| {
        for doc in documents {
            for s in doc.section_pairs() {
                for (k, seg) in s.segments.iter().enumerate() {
                    let line = SegmentLine {
                        doc: &doc.id,
                        section: s.number,
                        index: s.index,
                        segment: k + 1,
                        en: &seg.en,
                        fr: &seg.fr,
                        confidence: seg.confidence,
                    };
                    serde_json::to_writer(&mut *w, &line)?;
                    w.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    })
}
