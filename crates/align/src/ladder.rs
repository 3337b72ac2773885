//! The alignment ladder: dynamic programming over 1-1, 1-0, 0-1, 2-1 and 1-2 beads.
//!
//! A bead's cost adds a prior for its shape, the Gale-Church length cost on character
//! lengths, a reward for shared evidence tokens (see [`crate::features`]), a penalty for
//! numbers one side has and the other lacks, and a penalty for each end of a link where one
//! side is at a paragraph boundary and the other is not. Merges never join two paragraphs.
//! The search keeps a band around the diagonal, so memory grows linearly with the text;
//! when the best path runs along the band's edge the band is doubled and the search rerun.

use std::ops::Range;

use crate::features::Features;

/// The segments of one side, with their paragraph numbers.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// Evidence per segment.
    pub features: &'a [Features],
    /// Paragraph number per segment.
    pub paragraphs: &'a [usize],
}

impl Side<'_> {
    fn len(&self) -> usize {
        self.features.len()
    }

    /// Whether position `i` (between segments `i - 1` and `i`) is a paragraph boundary.
    fn is_boundary(&self, i: usize) -> bool {
        i == 0 || i >= self.len() || self.paragraphs[i] != self.paragraphs[i - 1]
    }

    fn within_one_paragraph(&self, range: &Range<usize>) -> bool {
        range.len() < 2 || self.paragraphs[range.start] == self.paragraphs[range.end - 1]
    }
}

/// Tunable constants of the cost and confidence models.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Expected French length over English length, in characters.
    pub length_ratio: f64,
    /// Gale-Church variance of the French length per English character.
    pub length_variance: f64,
    /// Cost of leaving one segment unlinked.
    pub skip_cost: f64,
    /// Weight of the shared-token similarity in the cost.
    pub evidence_weight: f64,
    /// Similarity expected of unrelated segments: below it evidence costs, above it rewards.
    pub evidence_baseline: f64,
    /// Cost of each number present on one side only.
    pub number_mismatch_cost: f64,
    /// Cost of a link end that is a paragraph boundary on one side only.
    pub boundary_cost: f64,
    /// Initial half-width of the search band, in segments.
    pub band: usize,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            length_ratio: 1.15,
            length_variance: 6.8,
            skip_cost: 2.5,
            evidence_weight: 10.0,
            evidence_baseline: 0.12,
            number_mismatch_cost: 0.8,
            boundary_cost: 4.0,
            band: 32,
        }
    }
}

/// One step of the ladder: the segments it covers on each side.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// English segment indices.
    pub en: Range<usize>,
    /// French segment indices.
    pub fr: Range<usize>,
    /// How sure the link is, in [0, 1]; 0 for an unlinked segment.
    pub confidence: f64,
}

impl Bead {
    /// Whether the bead links segments of both sides.
    pub fn is_link(&self) -> bool {
        !self.en.is_empty() && !self.fr.is_empty()
    }
}

/// Bead shapes: (English segments, French segments).
const SHAPES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

/// -ln of the prior probability of a 1-1 link and of a 2-1 or 1-2 merge.
const ONE_TO_ONE_PRIOR: f64 = 0.12;
const MERGE_PRIOR: f64 = 2.8;
/// Added to the similarity denominator so that one shared token between two-word
/// segments does not count as a perfect match.
const SIMILARITY_SMOOTHING: f64 = 1.5;
const MAX_NUMBER_MISMATCHES: f64 = 4.0;
const MAX_LENGTH_COST: f64 = 30.0;

/// What a candidate link shows.
#[derive(Debug, Clone, Copy, Default)]
struct Evidence {
    similarity: f64,
    length_deviation: f64,
    number_mismatches: f64,
    boundary_mismatches: f64,
    whole_paragraphs: bool,
    merge: bool,
}

/// Reused buffers for merging the token lists of two segments.
#[derive(Default)]
struct Scratch {
    en_tokens: Vec<u32>,
    fr_tokens: Vec<u32>,
    en_numbers: Vec<u32>,
    fr_numbers: Vec<u32>,
}

/// Which id list of a segment's evidence.
#[derive(Debug, Clone, Copy)]
enum IdList {
    Tokens,
    Numbers,
}

impl IdList {
    fn of(self, features: &Features) -> &[u32] {
        match self {
            IdList::Tokens => &features.tokens,
            IdList::Numbers => &features.numbers,
        }
    }

    fn of_pairs(self, pairs: &MergedPairs) -> &Lists {
        match self {
            IdList::Tokens => &pairs.tokens,
            IdList::Numbers => &pairs.numbers,
        }
    }
}

/// Many short lists of ids in one buffer: list `k` is `values[ends[k - 1]..ends[k]]`.
#[derive(Debug, Default)]
struct Lists {
    values: Vec<u32>,
    ends: Vec<usize>,
}

impl Lists {
    fn push(&mut self, list: &[u32]) {
        self.values.extend_from_slice(list);
        self.ends.push(self.values.len());
    }

    fn get(&self, k: usize) -> Option<&[u32]> {
        let end = *self.ends.get(k)?;
        let start = match k.checked_sub(1) {
            Some(previous) => *self.ends.get(previous)?,
            None => 0,
        };
        self.values.get(start..end)
    }
}

/// The token and number lists of every two consecutive segments of one side, merged once.
/// The search prices a 2-1 and a 1-2 bead in every cell of its band, so merging there would
/// repeat each merge as many times as the band is wide. List `k` covers segments `k` and
/// `k + 1`.
#[derive(Debug, Default)]
struct MergedPairs {
    tokens: Lists,
    numbers: Lists,
}

impl MergedPairs {
    fn new(features: &[Features]) -> MergedPairs {
        let mut merged = MergedPairs::default();
        let mut buffer = Vec::new();
        for pair in features.windows(2) {
            merged.tokens.push(union(pair, IdList::Tokens, &mut buffer));
            merged
                .numbers
                .push(union(pair, IdList::Numbers, &mut buffer));
        }
        merged
    }
}

/// One side as the scorer reads it: its segments and, for the search, their merged pairs.
struct ScoredSide<'a> {
    side: Side<'a>,
    pairs: MergedPairs,
}

impl ScoredSide<'_> {
    /// The sorted union of `list` over the segments of `range`: precomputed for two segments
    /// when the pairs were merged, built in `buffer` otherwise.
    fn union<'s>(
        &'s self,
        range: Range<usize>,
        list: IdList,
        buffer: &'s mut Vec<u32>,
    ) -> &'s [u32] {
        match list.of_pairs(&self.pairs).get(range.start) {
            Some(precomputed) if range.len() == 2 => precomputed,
            _ => union(&self.side.features[range], list, buffer),
        }
    }
}

struct Scorer<'a> {
    en: ScoredSide<'a>,
    fr: ScoredSide<'a>,
    model: &'a Model,
}

impl<'a> Scorer<'a> {
    /// A scorer for the search, which prices every bead of its band.
    fn for_search(en: Side<'a>, fr: Side<'a>, model: &'a Model) -> Scorer<'a> {
        Scorer::with_pairs(en, fr, model, MergedPairs::new)
    }

    /// A scorer for a few confidences, which are not worth merging every pair for.
    fn for_confidence(en: Side<'a>, fr: Side<'a>, model: &'a Model) -> Scorer<'a> {
        Scorer::with_pairs(en, fr, model, |_| MergedPairs::default())
    }

    fn with_pairs(
        en: Side<'a>,
        fr: Side<'a>,
        model: &'a Model,
        merged: impl Fn(&[Features]) -> MergedPairs,
    ) -> Scorer<'a> {
        Scorer {
            en: ScoredSide {
                side: en,
                pairs: merged(en.features),
            },
            fr: ScoredSide {
                side: fr,
                pairs: merged(fr.features),
            },
            model,
        }
    }

    fn evidence(&self, en: Range<usize>, fr: Range<usize>, scratch: &mut Scratch) -> Evidence {
        let en_tokens = self
            .en
            .union(en.clone(), IdList::Tokens, &mut scratch.en_tokens);
        let fr_tokens = self
            .fr
            .union(fr.clone(), IdList::Tokens, &mut scratch.fr_tokens);
        let shared = count_shared(en_tokens, fr_tokens) as f64;
        let mean_tokens = (en_tokens.len() + fr_tokens.len()) as f64 / 2.0;
        let en_numbers = self
            .en
            .union(en.clone(), IdList::Numbers, &mut scratch.en_numbers);
        let fr_numbers = self
            .fr
            .union(fr.clone(), IdList::Numbers, &mut scratch.fr_numbers);
        let en_features = &self.en.side.features[en.clone()];
        let fr_features = &self.fr.side.features[fr.clone()];
        let shared_numbers = count_shared(en_numbers, fr_numbers);
        let number_mismatches = (en_numbers.len() + fr_numbers.len() - 2 * shared_numbers) as f64;
        let en_chars: usize = en_features.iter().map(|f| f.chars).sum();
        let fr_chars: usize = fr_features.iter().map(|f| f.chars).sum();
        let (en_side, fr_side) = (self.en.side, self.fr.side);
        let start_mismatch = en_side.is_boundary(en.start) != fr_side.is_boundary(fr.start);
        let end_mismatch = en_side.is_boundary(en.end) != fr_side.is_boundary(fr.end);
        Evidence {
            similarity: shared / (mean_tokens + SIMILARITY_SMOOTHING),
            length_deviation: self.length_deviation(en_chars as f64, fr_chars as f64),
            number_mismatches: number_mismatches.min(MAX_NUMBER_MISMATCHES),
            boundary_mismatches: f64::from(u8::from(start_mismatch) + u8::from(end_mismatch)),
            whole_paragraphs: en_side.is_boundary(en.start)
                && en_side.is_boundary(en.end)
                && fr_side.is_boundary(fr.start)
                && fr_side.is_boundary(fr.end),
            merge: en.len() + fr.len() > 2,
        }
    }

    /// Gale-Church's normalised length difference.
    fn length_deviation(&self, en_chars: f64, fr_chars: f64) -> f64 {
        let ratio = self.model.length_ratio;
        let mean = (en_chars + fr_chars / ratio) / 2.0;
        (fr_chars - ratio * en_chars) / (self.model.length_variance * mean.max(1.0)).sqrt()
    }

    /// Cost of the bead covering `en` and `fr`, `None` when the shape is not allowed there.
    fn cost(&self, en: Range<usize>, fr: Range<usize>, scratch: &mut Scratch) -> Option<f64> {
        if !self.en.side.within_one_paragraph(&en) || !self.fr.side.within_one_paragraph(&fr) {
            return None;
        }
        if en.is_empty() || fr.is_empty() {
            return Some(self.model.skip_cost);
        }
        let evidence = self.evidence(en, fr, scratch);
        let model = self.model;
        let prior = if evidence.merge {
            MERGE_PRIOR
        } else {
            ONE_TO_ONE_PRIOR
        };
        Some(
            prior
                + length_cost(evidence.length_deviation)
                + model.evidence_weight * (model.evidence_baseline - evidence.similarity)
                + model.number_mismatch_cost * evidence.number_mismatches
                + model.boundary_cost * evidence.boundary_mismatches,
        )
    }

    fn confidence(&self, en: Range<usize>, fr: Range<usize>) -> f64 {
        let evidence = self.evidence(en, fr, &mut Scratch::default());
        let excess_deviation = (evidence.length_deviation.abs() - 1.0).max(0.0);
        let score = -1.5 + 10.0 * evidence.similarity
            - 0.7 * excess_deviation
            - 0.6 * evidence.number_mismatches
            - 1.2 * evidence.boundary_mismatches
            + if evidence.whole_paragraphs { 1.0 } else { 0.0 }
            - if evidence.merge { 0.3 } else { 0.0 };
        1.0 / (1.0 + (-score).exp())
    }
}

/// The sorted union of one list per segment, borrowed when there is a single segment.
fn union<'s>(features: &'s [Features], list: IdList, buffer: &'s mut Vec<u32>) -> &'s [u32] {
    match features {
        [single] => list.of(single),
        [first, second] => {
            let (a, b) = (list.of(first), list.of(second));
            buffer.clear();
            let (mut i, mut j) = (0, 0);
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    std::cmp::Ordering::Less => {
                        buffer.push(a[i]);
                        i += 1;
                    }
                    std::cmp::Ordering::Greater => {
                        buffer.push(b[j]);
                        j += 1;
                    }
                    std::cmp::Ordering::Equal => {
                        buffer.push(a[i]);
                        i += 1;
                        j += 1;
                    }
                }
            }
            buffer.extend_from_slice(&a[i..]);
            buffer.extend_from_slice(&b[j..]);
            buffer
        }
        _ => {
            buffer.clear();
            for f in features {
                buffer.extend_from_slice(list.of(f));
            }
            buffer.sort_unstable();
            buffer.dedup();
            buffer
        }
    }
}

/// Size of the intersection of two sorted lists without repeats.
fn count_shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// -ln P(|δ| or more) under a standard normal: Gale-Church's length cost.
fn length_cost(deviation: f64) -> f64 {
    (-ln_erfc(deviation.abs() / std::f64::consts::SQRT_2)).min(MAX_LENGTH_COST)
}

/// Natural logarithm of the complementary error function of `|x|` (Numerical Recipes'
/// Chebyshev fit of erfc, relative error < 1.2e-7). The fit is `t·exp(poly)`, so its
/// logarithm needs neither the exponential nor a guard against erfc underflowing to 0.
fn ln_erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() + poly
}

/// The band of French positions searched for each English position.
struct Band {
    lows: Vec<usize>,
    width: usize,
    fr_len: usize,
}

impl Band {
    fn new(en_len: usize, fr_len: usize, half_width: usize) -> Band {
        let lows = (0..=en_len)
            .map(|i| {
                let centre = (i * fr_len).checked_div(en_len).unwrap_or(0);
                centre.saturating_sub(half_width)
            })
            .collect();
        Band {
            lows,
            width: 2 * half_width + 1,
            fr_len,
        }
    }

    fn columns(&self, i: usize) -> Range<usize> {
        let low = self.lows[i];
        low..(low + self.width).min(self.fr_len + 1)
    }

    fn cell(&self, i: usize, j: usize) -> Option<usize> {
        let columns = self.columns(i);
        columns
            .contains(&j)
            .then(|| i * self.width + (j - columns.start))
    }

    /// Whether (i, j) lies on an edge of the band that is not an edge of the matrix.
    fn on_inner_edge(&self, i: usize, j: usize) -> bool {
        let columns = self.columns(i);
        (j == columns.start && columns.start > 0)
            || (j + 1 == columns.end && columns.end <= self.fr_len)
    }
}

/// Aligns two sides and returns the ladder, unlinked segments included.
pub fn align(en: Side<'_>, fr: Side<'_>, model: &Model) -> Vec<Bead> {
    let scorer = Scorer::for_search(en, fr, model);
    let mut half_width = model.band.max(4);
    loop {
        let band = Band::new(en.len(), fr.len(), half_width);
        let covers_all = half_width >= fr.len().max(en.len());
        match search(&scorer, &band) {
            Some(path) if covers_all || !path.iter().any(|&(i, j)| band.on_inner_edge(i, j)) => {
                return beads(&scorer, &path);
            }
            // Full width always reaches the end by skips; a path is then always found.
            None if covers_all => return Vec::new(),
            _ => half_width *= 2,
        }
    }
}

/// The cheapest path through the band, as the list of ladder positions from (0, 0);
/// `None` when the band is too narrow to reach the end.
fn search(scorer: &Scorer<'_>, band: &Band) -> Option<Vec<(usize, usize)>> {
    let (en_len, fr_len) = (scorer.en.side.len(), scorer.fr.side.len());
    let cells = (en_len + 1) * band.width;
    let mut costs = vec![f64::INFINITY; cells];
    let mut moves = vec![u8::MAX; cells];
    let mut scratch = Scratch::default();
    for i in 0..=en_len {
        for j in band.columns(i) {
            let Some(here) = band.cell(i, j) else {
                continue;
            };
            if i == 0 && j == 0 {
                costs[here] = 0.0;
                continue;
            }
            for (shape, &(de, df)) in SHAPES.iter().enumerate() {
                if de > i || df > j {
                    continue;
                }
                let Some(from) = band.cell(i - de, j - df) else {
                    continue;
                };
                if !costs[from].is_finite() {
                    continue;
                }
                let Some(step) = scorer.cost(i - de..i, j - df..j, &mut scratch) else {
                    continue;
                };
                let total = costs[from] + step;
                if total < costs[here] {
                    costs[here] = total;
                    moves[here] = shape as u8;
                }
            }
        }
    }
    let mut path = vec![(en_len, fr_len)];
    let (mut i, mut j) = (en_len, fr_len);
    while i > 0 || j > 0 {
        let &(de, df) = band
            .cell(i, j)
            .and_then(|c| SHAPES.get(usize::from(moves[c])))?;
        i -= de;
        j -= df;
        path.push((i, j));
    }
    path.reverse();
    Some(path)
}

/// Replaces the links that exactly cover a short paragraph pair by one link over the pair:
/// a short paragraph or bullet is one segment, a long one is split into sentences.
/// A paragraph pair with an unlinked sentence keeps its sentence links.
pub fn join_short_paragraphs(
    beads: Vec<Bead>,
    en: Side<'_>,
    fr: Side<'_>,
    model: &Model,
    max_chars: usize,
) -> Vec<Bead> {
    let scorer = Scorer::for_confidence(en, fr, model);
    let mut joined: Vec<Bead> = Vec::with_capacity(beads.len());
    let mut start = 0;
    while start < beads.len() {
        let end = paragraph_pair_end(&beads, start, en, fr).unwrap_or(start + 1);
        let (first, last) = (&beads[start], &beads[end - 1]);
        let (en_range, fr_range) = (first.en.start..last.en.end, first.fr.start..last.fr.end);
        let en_chars: usize = en.features[en_range.clone()].iter().map(|f| f.chars).sum();
        if end - start > 1 && en_chars <= max_chars {
            let confidence = scorer.confidence(en_range.clone(), fr_range.clone());
            joined.push(Bead {
                en: en_range,
                fr: fr_range,
                confidence,
            });
        } else {
            joined.extend_from_slice(&beads[start..end]);
        }
        start = end;
    }
    joined
}

/// When the links from `start` on cover exactly one paragraph on each side, the index
/// after the last of them.
fn paragraph_pair_end(beads: &[Bead], start: usize, en: Side<'_>, fr: Side<'_>) -> Option<usize> {
    let first = &beads[start];
    if !first.is_link() || !en.is_boundary(first.en.start) || !fr.is_boundary(first.fr.start) {
        return None;
    }
    let (en_paragraph, fr_paragraph) =
        (en.paragraphs[first.en.start], fr.paragraphs[first.fr.start]);
    for (offset, bead) in beads[start..].iter().enumerate() {
        let inside = bead.is_link()
            && en.paragraphs[bead.en.end - 1] == en_paragraph
            && fr.paragraphs[bead.fr.end - 1] == fr_paragraph;
        if !inside {
            return None;
        }
        if en.is_boundary(bead.en.end) && fr.is_boundary(bead.fr.end) {
            return Some(start + offset + 1);
        }
    }
    None
}

fn beads(scorer: &Scorer<'_>, path: &[(usize, usize)]) -> Vec<Bead> {
    path.windows(2)
        .map(|step| {
            let (en, fr) = (step[0].0..step[1].0, step[0].1..step[1].1);
            let confidence = if en.is_empty() || fr.is_empty() {
                0.0
            } else {
                scorer.confidence(en.clone(), fr.clone())
            };
            Bead { en, fr, confidence }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_erfc_matches_known_values() {
        assert!(ln_erfc(0.0).abs() < 1e-6);
        assert!((ln_erfc(1.0).exp() - 0.157_299_2).abs() < 1e-6);
        assert!((ln_erfc(3.0).exp() - 2.209_050e-5).abs() < 1e-9);
        assert!((length_cost(40.0) - MAX_LENGTH_COST).abs() < 1e-12);
    }

    #[test]
    fn union_merges_without_repeats() {
        let segment = |tokens: Vec<u32>| Features {
            tokens,
            ..Features::default()
        };
        let features = [
            segment(vec![1, 4, 6]),
            segment(vec![2, 4, 9]),
            segment(vec![0, 9]),
        ];
        let mut buffer = Vec::new();
        assert_eq!(
            union(&features[..2], IdList::Tokens, &mut buffer),
            &[1, 2, 4, 6, 9]
        );
        assert_eq!(
            union(&features, IdList::Tokens, &mut buffer),
            &[0, 1, 2, 4, 6, 9]
        );
        assert_eq!(union(&features[2..], IdList::Tokens, &mut buffer), &[0, 9]);
    }

    #[test]
    fn shared_counts_sorted_intersection() {
        assert_eq!(count_shared(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(count_shared(&[], &[1]), 0);
    }

    #[test]
    fn band_cells_are_unique_and_inside() {
        let band = Band::new(10, 20, 3);
        let mut seen = std::collections::HashSet::new();
        for i in 0..=10 {
            for j in band.columns(i) {
                let cell = band.cell(i, j).expect("inside");
                assert!(seen.insert(cell));
                assert!(cell < 11 * band.width);
            }
        }
        assert!(band.cell(10, 20).is_some());
        assert!(band.cell(0, 10).is_none());
    }
}
