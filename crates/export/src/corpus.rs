//! The corpus-wide files, written in two streaming passes over the documents in id order.
//!
//! The first pass counts every pair's duplicates ([`DuplicateIndex`]) from the documents'
//! [`DocumentFacts`]; the second hands the documents and their distinct pairs, with their
//! flags, to the [`Sink`] of every selected format. Each pass reads the documents back a
//! batch at a time, parsing them and deriving their facts on every worker thread, then
//! takes them in order on one: memory holds a batch of documents and the index, never the
//! corpus.

use std::path::{Path, PathBuf};

use model::{Document, ExportSummary};
use rayon::prelude::*;

use crate::duplicates::{DuplicateIndex, Group, PairKey, Place};
use crate::facts::DocumentFacts;
use crate::flags::Flags;
use crate::pairs::{self, SegmentRef, segment_id};
use crate::sink::{
    DocumentRecord, Occurrences, Outcome, PairOutcome, SectionRecord, SegmentRecord, Sink,
};
use crate::{ExportError, ExportOptions, read_document_file};

/// A document to read back: its id and its file.
pub(crate) type DocumentFile = (String, PathBuf);

/// Documents read back at once. Enough for every worker thread to get several (they differ
/// in size tenfold), few enough that a batch of the largest notices stays a few megabytes.
pub(crate) const DOCUMENTS_PER_BATCH: usize = 64;

/// Writes the corpus-wide files of `options.formats` into `dir` from the documents, given
/// in id order, and says what they hold. Parallel parts run on the current rayon pool.
pub(crate) fn write(
    documents: &[DocumentFile],
    dir: &Path,
    options: &ExportOptions,
) -> Result<ExportSummary, ExportError> {
    let mut sinks = options
        .formats
        .iter()
        .map(|format| format.open(dir))
        .collect::<Result<Vec<_>, _>>()?;
    let index = if options.keep_duplicates {
        None
    } else {
        Some(index_duplicates(documents, options.min_confidence)?)
    };
    let ids: Vec<&str> = documents.iter().map(|(id, _)| id.as_str()).collect();
    let groups = Groups {
        index: index.as_ref(),
        ids: &ids,
    };
    let mut summary = ExportSummary {
        formats: options
            .formats
            .iter()
            .map(|f| f.name().to_owned())
            .collect(),
        min_confidence: options.min_confidence,
        keep_duplicates: options.keep_duplicates,
        ..ExportSummary::default()
    };
    read_in_order(documents, |document, doc, facts| {
        write_document(
            doc,
            facts,
            document,
            &groups,
            options,
            &mut sinks,
            &mut summary,
        )
    })?;
    for sink in sinks {
        sink.finish()?;
    }
    Ok(summary)
}

/// Hands `visit` every document with its position in id order and its facts, in that order.
/// Documents are read back and their facts derived a batch at a time on the current rayon
/// pool. Each pass derives the facts again rather than keeping them from the one before: kept,
/// they would grow with the corpus.
fn read_in_order(
    documents: &[DocumentFile],
    mut visit: impl FnMut(u32, &Document, &DocumentFacts) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    for (batch, files) in documents.chunks(DOCUMENTS_PER_BATCH).enumerate() {
        let read: Vec<(Document, DocumentFacts)> = files
            .par_iter()
            .map(|(_, path)| {
                let doc = read_document_file(path.clone())?;
                let facts = DocumentFacts::of(&doc);
                Ok((doc, facts))
            })
            .collect::<Result<_, ExportError>>()?;
        for (offset, (doc, facts)) in read.iter().enumerate() {
            visit(
                ordinal_u32(batch * DOCUMENTS_PER_BATCH + offset),
                doc,
                facts,
            )?;
        }
    }
    Ok(())
}

fn ordinal_u32(ordinal: usize) -> u32 {
    u32::try_from(ordinal).unwrap_or(u32::MAX)
}

fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The first pass: every pair at or above the threshold, counted into its group.
fn index_duplicates(
    documents: &[DocumentFile],
    min_confidence: f64,
) -> Result<DuplicateIndex, ExportError> {
    let mut index = DuplicateIndex::default();
    read_in_order(documents, |document, _, facts| {
        for pair in facts
            .sections
            .iter()
            .filter(|p| p.confidence >= min_confidence)
        {
            let place = section_place(document, pair.section);
            index.add(pair.key, place, pair.confidence);
        }
        for seg in facts
            .segments
            .iter()
            .filter(|s| s.confidence >= min_confidence)
        {
            let place = segment_place(document, seg.section, seg.number);
            index.add(seg.key, place, seg.confidence);
        }
        Ok(())
    })?;
    Ok(index)
}

fn section_place(document: u32, section: usize) -> Place {
    Place {
        document,
        section: index_u32(section),
        segment: 0,
    }
}

fn segment_place(document: u32, section: usize, number: usize) -> Place {
    Place {
        document,
        section: index_u32(section),
        segment: index_u32(number),
    }
}

/// The duplicate groups, or none when duplicates are kept (every pair its own group).
struct Groups<'a> {
    index: Option<&'a DuplicateIndex>,
    ids: &'a [&'a str],
}

impl<'a> Groups<'a> {
    fn group(&self, key: PairKey, place: Place) -> Group {
        self.index
            .and_then(|index| index.group(key))
            .cloned()
            .unwrap_or_else(|| Group::single(place))
    }

    fn occurrences(&self, group: &Group) -> Occurrences<'a> {
        Occurrences {
            count: group.count,
            variants: group.variants,
            documents: group
                .documents()
                .filter_map(|d| self.ids.get(d as usize).copied())
                .collect(),
        }
    }

    fn id_of(&self, place: Place) -> String {
        let doc = self
            .ids
            .get(place.document as usize)
            .copied()
            .unwrap_or_default();
        segment_id(doc, place.section as usize, place.segment as usize)
    }
}

/// The second pass, for one document: its outcomes, then its distinct pairs, to every sink.
fn write_document(
    doc: &Document,
    facts: &DocumentFacts,
    document: u32,
    groups: &Groups,
    options: &ExportOptions,
    sinks: &mut [Box<dyn Sink>],
    summary: &mut ExportSummary,
) -> Result<(), ExportError> {
    let mut sections = Vec::new();
    for (pair, pair_facts) in pairs::section_pairs(doc).zip(&facts.sections) {
        if pair.section.confidence < options.min_confidence {
            continue;
        }
        let place = section_place(document, pair.section.index);
        let group = groups.group(pair_facts.key, place);
        if group.representative == place {
            summary.section_pairs += 1;
            sections.push(SectionRecord {
                doc: &doc.id,
                occurrences: groups.occurrences(&group),
                pair,
            });
        } else {
            summary.duplicate_section_pairs += 1;
        }
    }

    let mut outcomes: Vec<Vec<PairOutcome>> = vec![Vec::new(); doc.sections.len()];
    let mut segments = Vec::new();
    let mut segment_facts = facts.segments.iter();
    for (position, section) in doc.sections.iter().enumerate() {
        if section.en.is_none() || section.fr.is_none() {
            continue;
        }
        // `facts` describes `doc`: one entry per segment of its two-sided sections, in order.
        for (k, (pair, pair_facts)) in section.segments.iter().zip(&mut segment_facts).enumerate() {
            let seg = SegmentRef {
                section,
                number: k + 1,
                pair,
            };
            let flags = pair_facts.flags;
            let outcome = if pair.confidence < options.min_confidence {
                Outcome::BelowThreshold
            } else {
                let place = segment_place(document, section.index, seg.number);
                let group = groups.group(pair_facts.key, place);
                if group.representative == place {
                    count_representative(summary, flags);
                    segments.push(SegmentRecord {
                        doc: &doc.id,
                        seg,
                        flags,
                        occurrences: groups.occurrences(&group),
                    });
                    if flags.passes() {
                        Outcome::Exported { count: group.count }
                    } else {
                        Outcome::SetAside
                    }
                } else {
                    summary.duplicate_segment_pairs += 1;
                    Outcome::Duplicate {
                        of: groups.id_of(group.representative),
                    }
                }
            };
            outcomes[position].push(PairOutcome { flags, outcome });
        }
    }

    let record = DocumentRecord { doc, outcomes };
    for sink in sinks.iter_mut() {
        sink.document(&record)?;
        for pair in &sections {
            sink.section(pair)?;
        }
        for pair in &segments {
            if pair.flags.passes() {
                sink.segment(pair)?;
            } else {
                sink.set_aside(pair)?;
            }
        }
    }
    Ok(())
}

/// Counts a distinct segment pair in the summary.
fn count_representative(summary: &mut ExportSummary, flags: Flags) {
    summary.segment_pairs += 1;
    if flags.passes() {
        summary.exported_pairs += 1;
        return;
    }
    summary.set_aside_pairs += 1;
    for flag in flags.iter() {
        *summary.set_aside.entry(flag.name().to_owned()).or_default() += 1;
    }
}
