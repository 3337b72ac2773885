//! The corpus-wide files, written in two streaming passes over the documents in id order.
//!
//! The first pass counts every pair's duplicates ([`DuplicateIndex`]); the second flags each
//! pair and hands the documents and their distinct pairs to the [`Sink`] of every selected
//! format. Documents are read back one at a time, so memory holds one document and the
//! index, never the corpus.

use std::path::{Path, PathBuf};

use model::{Document, ExportSummary};

use crate::duplicates::{DuplicateIndex, Group, PairKey, Place};
use crate::flags::Flags;
use crate::pairs::{self, SegmentRef, segment_id};
use crate::sink::{
    DocumentRecord, Occurrences, Outcome, PairOutcome, SectionRecord, SegmentRecord, Sink,
};
use crate::{ExportError, ExportOptions, read_document_file};

/// A document to read back: its id and its file.
pub(crate) type DocumentFile = (String, PathBuf);

/// Writes the corpus-wide files of `options.formats` into `dir` from the documents, given
/// in id order, and says what they hold.
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
    for (ordinal, (_, path)) in documents.iter().enumerate() {
        let doc = read_document_file(path.clone())?;
        write_document(
            &doc,
            ordinal_u32(ordinal),
            &groups,
            options,
            &mut sinks,
            &mut summary,
        )?;
    }
    for sink in sinks {
        sink.finish()?;
    }
    Ok(summary)
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
    for (ordinal, (_, path)) in documents.iter().enumerate() {
        let doc = read_document_file(path.clone())?;
        let document = ordinal_u32(ordinal);
        for pair in pairs::section_pairs(&doc) {
            if pair.section.confidence >= min_confidence {
                let place = section_place(document, pair.section.index);
                index.add(PairKey::of(&pair.parts()), place, pair.section.confidence);
            }
        }
        for seg in pairs::segment_pairs(&doc) {
            if seg.pair.confidence >= min_confidence {
                let place = segment_place(document, seg.section.index, seg.number);
                let key = PairKey::of(&[&seg.pair.en, &seg.pair.fr]);
                index.add(key, place, seg.pair.confidence);
            }
        }
    }
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
    fn group(&self, parts: &[&str], place: Place) -> Group {
        self.index
            .and_then(|index| index.group(PairKey::of(parts)))
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
    document: u32,
    groups: &Groups,
    options: &ExportOptions,
    sinks: &mut [Box<dyn Sink>],
    summary: &mut ExportSummary,
) -> Result<(), ExportError> {
    let mut sections = Vec::new();
    for pair in pairs::section_pairs(doc) {
        if pair.section.confidence < options.min_confidence {
            continue;
        }
        let place = section_place(document, pair.section.index);
        let group = groups.group(&pair.parts(), place);
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
    for (position, section) in doc.sections.iter().enumerate() {
        if section.en.is_none() || section.fr.is_none() {
            continue;
        }
        for (k, pair) in section.segments.iter().enumerate() {
            let seg = SegmentRef {
                section,
                number: k + 1,
                pair,
            };
            let flags = Flags::of(pair);
            let outcome = if pair.confidence < options.min_confidence {
                Outcome::BelowThreshold
            } else {
                let place = segment_place(document, section.index, seg.number);
                let group = groups.group(&[&pair.en, &pair.fr], place);
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
