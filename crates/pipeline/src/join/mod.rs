//! Joining the English and the French file of one document, published separately, into one
//! bilingual document: a step over the whole corpus, after every file was processed alone.
//!
//! [`plan`] reads the [`Profile`] of every monolingual document and decides which join;
//! [`join`] builds the bilingual document of one pair from the two monolingual documents,
//! without reading or processing any file again; [`join_corpus`] does both over documents
//! held in memory.
//!
//! Evidence comes in two tiers, decided one after the other:
//! 1. **Names**: opposite language markers and the same name once they are removed, or a
//!    shared identifier (see [`shard_key`]), in the same folders once language folders are
//!    removed. Every file these tie lands in one shard of a sharded run, so the shards
//!    decide this tier exactly as one run would.
//! 2. **Content**, for the files left: the same numbers, links, codes and names, fields that
//!    agree, mirrored sections. Only a run that sees the whole corpus decides this tier
//!    ([`Scope::Corpus`]): a plain `extract`, or `merge` after sharded ones.
//!
//! In each tier a pair is joined when each file is the other's best match by a clear
//! margin, repeated until nothing changes; so running the join again over its own result
//! joins nothing more. Two files' fields that disagree (reference, deadline, salary, grade),
//! or lengths no translation has, rule a pair out. A file with candidates but no clear best
//! stays monolingual, with an `ambiguous-pair` warning naming them.
//!
//! Candidates come from an index (buckets by name key, by identifier, and by the rarest
//! numbers and links of each file), never from all pairs, so the join is near-linear in the
//! number of documents.

mod evidence;
mod names;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use model::{Diagnostic, Document, Lang, codes};
use sections::RawSection;

pub use evidence::Profile;
use evidence::{NameTie, compare, name_tie};
pub use names::shard_key;

use crate::compose::{Parts, compose};

/// A file's best match must beat its next one by this much of score to be joined. Scores
/// of one tier differ by the content evidence, in [0, 1.25], and a shared format (0.5) for
/// named files; a tenth of that range separates a translation from a near-twin.
const AMBIGUITY_MARGIN: f64 = 0.15;
/// A number or link found in more documents than this is the corpus's, not a document's
/// (a year, an organisation's address): it proposes no candidates, though it still counts
/// when two candidates are compared. Bounds the candidates per document.
const MAX_ANCHOR_BUCKET: usize = 16;
/// Each document proposes candidates through its this-many rarest numbers and links.
const ANCHORS_PER_DOCUMENT: usize = 12;

/// How much of the corpus a join sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole corpus: both tiers.
    Corpus,
    /// One shard of it: only the files names tie (all in the shard), and no warnings,
    /// which the join over the whole corpus gives.
    Shard,
}

/// What the join decided.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// `(english, french)` indices into the profiles, by English index.
    pub pairs: Vec<(usize, usize)>,
    /// Warnings for files left apart despite candidates, by profile index.
    pub left_apart: Vec<(usize, Diagnostic)>,
}

/// Decides which English and French documents join.
pub fn plan(profiles: &[Profile], scope: Scope) -> Plan {
    let mut joined = vec![false; profiles.len()];
    let mut pairs = Vec::new();
    let named = name_edges(profiles);
    settle(profiles, &named, &mut joined, &mut pairs);
    let mut edges = named;
    if scope == Scope::Corpus {
        let content = content_edges(profiles, &joined);
        settle(profiles, &content, &mut joined, &mut pairs);
        edges.extend(content);
    }
    pairs.sort_unstable();
    let left_apart = match scope {
        Scope::Corpus => left_apart(profiles, &edges, &joined),
        Scope::Shard => Vec::new(),
    };
    Plan { pairs, left_apart }
}

/// A candidate pair: English index, French index, score.
type Edge = (usize, usize, f64);

/// Candidates tied by names: buckets by name key and by identifier.
fn name_edges(profiles: &[Profile]) -> Vec<Edge> {
    let mut buckets: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, p) in profiles.iter().enumerate() {
        if p.name.lang.is_some() {
            buckets.entry(p.name.stem.as_str()).or_default().push(k);
        }
        if let Some(id) = &p.name.id {
            buckets.entry(id.as_str()).or_default().push(k);
        }
    }
    let mut edges = Vec::new();
    for (a, b) in bucket_pairs(buckets.values(), profiles) {
        let (en, fr) = (&profiles[a], &profiles[b]);
        let tie = name_tie(en, fr);
        if tie != NameTie::None
            && let Some(score) = compare(en, fr, tie)
        {
            edges.push((a, b, score));
        }
    }
    edges
}

/// The English–French pairs of profiles that share a bucket, each pair once, in bucket
/// order.
fn bucket_pairs<'m>(
    buckets: impl Iterator<Item = &'m Vec<usize>>,
    profiles: &[Profile],
) -> Vec<(usize, usize)> {
    let mut seen = HashSet::new();
    let mut pairs = Vec::new();
    for members in buckets {
        for &a in members {
            for &b in members {
                let is_pair = profiles[a].lang == Lang::En && profiles[b].lang == Lang::Fr;
                if is_pair && seen.insert((a, b)) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs
}

/// Candidates by content among the files not joined: documents that share one of their
/// rarest numbers or links.
fn content_edges(profiles: &[Profile], joined: &[bool]) -> Vec<Edge> {
    let open: Vec<usize> = (0..profiles.len()).filter(|&k| !joined[k]).collect();
    let mut frequency: HashMap<u64, usize> = HashMap::new();
    for &k in &open {
        for &anchor in &profiles[k].anchors {
            *frequency.entry(anchor).or_default() += 1;
        }
    }
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
    for &k in &open {
        let mut rare: Vec<(usize, u64)> = profiles[k]
            .anchors
            .iter()
            .map(|a| (frequency[a], *a))
            .filter(|&(n, _)| (2..=MAX_ANCHOR_BUCKET).contains(&n))
            .collect();
        rare.sort_unstable();
        for (_, anchor) in rare.into_iter().take(ANCHORS_PER_DOCUMENT) {
            buckets.entry(anchor).or_default().push(k);
        }
    }
    bucket_pairs(buckets.values(), profiles)
        .into_iter()
        .filter_map(|(a, b)| {
            compare(&profiles[a], &profiles[b], NameTie::None).map(|score| (a, b, score))
        })
        .collect()
}

/// Joins, until nothing changes, every pair of open files each of which is the other's
/// best candidate by [`AMBIGUITY_MARGIN`].
fn settle(
    profiles: &[Profile],
    edges: &[Edge],
    joined: &mut [bool],
    pairs: &mut Vec<(usize, usize)>,
) {
    let mut candidates: Vec<Vec<(f64, usize)>> = vec![Vec::new(); profiles.len()];
    for &(en, fr, score) in edges {
        candidates[en].push((score, fr));
        candidates[fr].push((score, en));
    }
    for list in &mut candidates {
        // Best first; ties by index, so the order is the same in every run.
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    let clear_best = |k: usize, joined: &[bool]| -> Option<usize> {
        let mut open = candidates[k].iter().filter(|(_, other)| !joined[*other]);
        let &(best, other) = open.next()?;
        let clear = open
            .next()
            .is_none_or(|(next, _)| best - next > AMBIGUITY_MARGIN);
        clear.then_some(other)
    };
    loop {
        let mut found = Vec::new();
        for k in 0..profiles.len() {
            if joined[k] || profiles[k].lang != Lang::En {
                continue;
            }
            if let Some(fr) = clear_best(k, joined)
                && clear_best(fr, joined) == Some(k)
            {
                found.push((k, fr));
            }
        }
        if found.is_empty() {
            return;
        }
        for (en, fr) in found {
            joined[en] = true;
            joined[fr] = true;
            pairs.push((en, fr));
        }
    }
}

/// An `ambiguous-pair` warning for every file left apart that has candidates left apart too.
fn left_apart(profiles: &[Profile], edges: &[Edge], joined: &[bool]) -> Vec<(usize, Diagnostic)> {
    let mut candidates: BTreeMap<usize, Vec<(f64, usize)>> = BTreeMap::new();
    for &(en, fr, score) in edges {
        if !joined[en] && !joined[fr] {
            candidates.entry(en).or_default().push((score, fr));
            candidates.entry(fr).or_default().push((score, en));
        }
    }
    candidates
        .into_iter()
        .map(|(k, mut list)| {
            list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut named = HashSet::new();
            list.retain(|&(_, other)| named.insert(other));
            let names: Vec<&str> = list
                .iter()
                .map(|&(_, o)| profiles[o].path.as_str())
                .collect();
            let diagnostic = Diagnostic::new(
                codes::AMBIGUOUS_PAIR,
                format!(
                    "not joined with its {} version: no clear match among {}",
                    profiles[k].lang.other(),
                    names.join(", ")
                ),
            );
            (k, diagnostic)
        })
        .collect()
}

/// The id of the document joined from two documents: the English id, then what of the
/// French id differs from it (`report-en` + `report-fr` → `report-en--fr`). Single ids never
/// hold `--` and each file joins once, so the id is unique; it depends on the two paths
/// alone, so it is the same in every run. An id longer than [`crate::MAX_ID_BYTES`] is cut
/// and ends with a hash of the whole, as single ids are.
pub fn joined_id(en_id: &str, fr_id: &str) -> String {
    let shared = en_id
        .split('-')
        .zip(fr_id.split('-'))
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len() + 1)
        .sum::<usize>();
    let rest = fr_id
        .get(shared..)
        .filter(|r| !r.is_empty())
        .unwrap_or(fr_id);
    let id = format!("{en_id}--{rest}");
    if id.len() <= crate::MAX_ID_BYTES {
        id
    } else {
        crate::ids::with_hash(&id, id.as_bytes(), crate::ids::CUT_HASH_DIGITS)
    }
}

/// Builds the bilingual document of an English and a French document of one content:
/// their sections paired and aligned, each side's metadata kept and cross-checked, both
/// sources, both documents' warnings and errors, the worse of their statuses, their
/// language shares weighted by their words and their text in other languages.
///
/// `None` when a stage panics on the pair: the two documents then stay apart, as the
/// per-file pipeline turns a panic into a failed document rather than a crash.
pub fn join(en: &Document, fr: &Document) -> Option<Document> {
    catch_unwind(AssertUnwindSafe(|| join_unguarded(en, fr))).ok()
}

fn join_unguarded(en: &Document, fr: &Document) -> Document {
    let sections_of = |doc: &Document, lang: Lang| -> Vec<RawSection> {
        // The header's label–value pairs, as meta read them, tell a preamble of header fields
        // from one of text (the document keeps the text, not its blocks).
        let header_fields = doc.metadata.get(&lang).map_or(0, |m| m.fields.len());
        doc.sections
            .iter()
            .filter_map(|s| {
                let side = s.side(lang)?;
                Some(RawSection {
                    number: s.number,
                    heading: side.heading.clone(),
                    text: side.text.clone(),
                    fields: if side.heading.is_none() {
                        header_fields
                    } else {
                        0
                    },
                })
            })
            .collect()
    };
    let sides = [(Lang::En, en), (Lang::Fr, fr)];
    let parts = Parts {
        sources: en.sources.iter().chain(&fr.sources).cloned().collect(),
        sections: sides
            .iter()
            .map(|&(lang, doc)| (lang, sections_of(doc, lang)))
            .collect(),
        metadata: sides
            .iter()
            .filter_map(|&(lang, doc)| Some((lang, doc.metadata.get(&lang)?.clone())))
            .collect(),
        warnings: en.warnings.iter().chain(&fr.warnings).cloned().collect(),
        errors: en.errors.iter().chain(&fr.errors).cloned().collect(),
    };
    let mut doc = compose(&joined_id(&en.id, &fr.id), parts);
    doc.status = doc.status.max(en.status).max(fr.status);
    crate::languages::record_joined(&mut doc, &[en, fr]);
    doc
}

/// The join over documents held in memory: each joined pair replaced by its bilingual
/// document (where the English one was), files left apart with their warnings.
pub fn join_corpus(mut docs: Vec<Document>, scope: Scope) -> Vec<Document> {
    let (positions, profiles): (Vec<usize>, Vec<Profile>) = docs
        .iter()
        .enumerate()
        .filter_map(|(k, doc)| Some((k, Profile::of(doc)?)))
        .unzip();
    let plan = plan(&profiles, scope);
    for (k, warning) in plan.left_apart {
        docs[positions[k]].warnings.push(warning);
    }
    let mut french = HashSet::new();
    for &(en, fr) in &plan.pairs {
        let (en, fr) = (positions[en], positions[fr]);
        if let Some(joined) = join(&docs[en], &docs[fr]) {
            docs[en] = joined;
            french.insert(fr);
        }
    }
    docs.into_iter()
        .enumerate()
        .filter(|(k, _)| !french.contains(k))
        .map(|(_, doc)| doc)
        .collect()
}

#[cfg(test)]
mod tests;
