//! What a run keeps of its documents once they are written: the manifest record of every
//! input (made from the document's sources), a few counts per document, and the join
//! profile of every monolingual document. `extract` fills it as the per-file pipeline writes
//! documents, `merge` as it copies the shards' documents; both then run the join (see
//! [`Ledger::join`]) and take the manifest's records and counts from it.
//!
//! Documents stay on disk: the join reads back only the documents it joins or annotates, so
//! memory grows with the number of documents by a record and a profile each, not by text.

use std::collections::BTreeMap;

use export::Dataset;
use model::{Counts, Document, InputRecord, Kind, Status};
use pipeline::join::{self, Profile, Scope};
use rayon::prelude::*;

use crate::BatchError;

/// The counts of one written document.
#[derive(Debug, Clone, Copy)]
struct Tally {
    status: Status,
    kind: Option<Kind>,
    section_pairs: usize,
    segment_pairs: usize,
}

impl Tally {
    fn of(doc: &Document) -> Self {
        Tally {
            status: doc.status,
            kind: doc.kind,
            section_pairs: doc.section_pairs().count(),
            segment_pairs: doc.section_pairs().map(|s| s.segments.len()).sum(),
        }
    }
}

/// The run's documents as they stand.
#[derive(Default)]
pub struct Ledger {
    /// Input records by path.
    records: BTreeMap<String, InputRecord>,
    /// Documents by id.
    documents: BTreeMap<String, Tally>,
    /// Join profiles by source path: the join sees them in path order, whatever order the
    /// documents came in (threads finish in any order, a shard's directory lists in any
    /// order), since it breaks ties between equal candidates by position.
    profiles: BTreeMap<String, Profile>,
}

/// What the ledger keeps of one document, made where the document is (on a worker thread).
pub struct Entry {
    tally: Tally,
    id: String,
    records: Vec<InputRecord>,
    profile: Option<Profile>,
}

impl Entry {
    /// The entry of a written document, with the records of the inputs it holds.
    pub fn of(doc: &Document) -> Self {
        Entry {
            tally: Tally::of(doc),
            id: doc.id.clone(),
            records: doc.sources.iter().map(|s| record(doc, &s.path)).collect(),
            profile: Profile::of(doc),
        }
    }
}

/// The manifest record of an input that went into `doc`.
fn record(doc: &Document, path: &str) -> InputRecord {
    InputRecord {
        path: path.to_owned(),
        id: doc.id.clone(),
        format: doc
            .sources
            .iter()
            .find(|s| s.path == path)
            .map(|s| s.format)
            .unwrap_or_default(),
        status: doc.status,
        kind: doc.kind,
        errors: doc.errors.clone(),
        warnings: doc.warnings.len(),
    }
}

impl Ledger {
    /// Adds a written document.
    pub fn add(&mut self, entry: Entry) {
        self.documents.insert(entry.id, entry.tally);
        for record in entry.records {
            self.records.insert(record.path.clone(), record);
        }
        if let Some(profile) = entry.profile {
            self.profiles.insert(profile.path.clone(), profile);
        }
    }

    /// Runs the join over the monolingual documents: each joined pair's bilingual document
    /// replaces its two in `dataset`, and files left apart get their warning. Call it from
    /// the worker pool: the pairs are joined in parallel.
    pub fn join(&mut self, dataset: &Dataset, scope: Scope) -> Result<(), BatchError> {
        let profiles: Vec<Profile> = std::mem::take(&mut self.profiles).into_values().collect();
        let plan = join::plan(&profiles, scope);
        for (k, warning) in plan.left_apart {
            let mut doc = read(dataset, &profiles[k].id)?;
            doc.warnings.push(warning);
            write(dataset, &doc)?;
            self.update(&doc);
        }
        let joined: Vec<Option<Document>> = plan
            .pairs
            .par_iter()
            .map(|&(en, fr)| {
                let (en, fr) = (&profiles[en].id, &profiles[fr].id);
                let Some(doc) = join::join(&read(dataset, en)?, &read(dataset, fr)?) else {
                    return Ok(None);
                };
                write(dataset, &doc)?;
                for id in [en, fr] {
                    dataset
                        .remove_document(id)
                        .map_err(BatchError::RemoveDocument)?;
                }
                Ok(Some(doc))
            })
            .collect::<Result<_, BatchError>>()?;
        for (doc, &(en, fr)) in joined.iter().zip(&plan.pairs) {
            let Some(doc) = doc else { continue };
            self.documents.remove(&profiles[en].id);
            self.documents.remove(&profiles[fr].id);
            self.update(doc);
        }
        Ok(())
    }

    /// Records a document written again (annotated or joined) in place of what its inputs
    /// had.
    fn update(&mut self, doc: &Document) {
        self.documents.insert(doc.id.clone(), Tally::of(doc));
        for source in &doc.sources {
            self.records
                .insert(source.path.clone(), record(doc, &source.path));
        }
    }

    /// How many inputs the run has.
    pub fn inputs(&self) -> usize {
        self.records.len()
    }

    /// True when no input could be read at all (an empty corpus included).
    pub fn read_nothing(&self) -> bool {
        self.records
            .values()
            .all(|r| r.errors.iter().any(|e| e.code == model::codes::IO))
    }

    /// The manifest's records, in path order, and its counts.
    pub fn finish(self, skipped: usize) -> (Vec<InputRecord>, Counts) {
        let mut counts = Counts {
            inputs: self.records.len(),
            skipped,
            documents: self.documents.len(),
            ..Counts::default()
        };
        for tally in self.documents.values() {
            match tally.status {
                Status::Ok => counts.ok += 1,
                Status::Partial => counts.partial += 1,
                Status::Failed => counts.failed += 1,
            }
            counts.bilingual += usize::from(tally.kind == Some(Kind::Bilingual));
            counts.section_pairs += tally.section_pairs;
            counts.segment_pairs += tally.segment_pairs;
        }
        (self.records.into_values().collect(), counts)
    }
}

fn read(dataset: &Dataset, id: &str) -> Result<Document, BatchError> {
    dataset
        .read_document(id)
        .map_err(|source| BatchError::ReadDocument {
            id: id.to_owned(),
            source,
        })
}

/// Writes a document of the run (safe from several threads at once).
pub(crate) fn write(dataset: &Dataset, doc: &Document) -> Result<(), BatchError> {
    dataset
        .write_document(doc)
        .map_err(BatchError::WriteDocument)
}
