//! The alignment ladder: dynamic programming over 1-0, 0-1, 1-1, 2-1, 1-2, 2-2, 3-1, 1-3,
//! 3-2, 2-3 and 4-1 beads.
//!
//! A bead's cost adds a prior for its shape, the Gale-Church length cost on character
//! lengths, a reward for shared evidence tokens (see [`crate::features`]), a penalty for
//! numbers one side has and the other lacks, and a penalty for each end of a link where one
//! side is at a paragraph boundary and the other is not. Merges never join two paragraphs.
//! The length ratio, the length variance and the shape priors are estimated from the text
//! being aligned ([`Model::with_length_ratio_of`], [`Model::refit`]).
//! The search keeps a band around the diagonal of equal shares of characters (or, in a
//! second pass, around the first pass's path), so memory grows linearly with the text;
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
    /// -ln of the prior probability of each link shape, in the order of [`SHAPES`].
    pub shape_costs: [f64; LINK_SHAPES],
    /// Weight of the shared-token similarity in the cost.
    pub evidence_weight: f64,
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
            skip_cost: 5.5,
            shape_costs: DEFAULT_SHAPE_COSTS,
            evidence_weight: 25.0,
            number_mismatch_cost: 0.8,
            boundary_cost: 4.0,
            band: 16,
        }
    }
}

/// Characters of English text the default length ratio counts for when a text's own
/// ratio is estimated: a notice section of a few hundred characters keeps close to the
/// default, a book is measured by itself.
const RATIO_PRIOR_CHARS: f64 = 2_000.0;
/// Links the default shape costs count for when a text's own shape shares are estimated.
const SHAPE_PRIOR_LINKS: f64 = 100.0;
/// Fewest confident 1-1 links a text needs for its own length variance.
const MIN_VARIANCE_LINKS: usize = 30;
/// Median of a chi-square variable with one degree of freedom: the median squared
/// deviation of a normal variable of unit variance.
const CHI_SQUARE_1_MEDIAN: f64 = 0.455;

impl Model {
    /// The model with the length ratio of a text of `en_chars` English and `fr_chars`
    /// French characters: French over English length, shrunk towards the default ratio as
    /// the text gets short.
    pub fn with_length_ratio_of(&self, en_chars: usize, fr_chars: usize) -> Model {
        let (en, fr) = (en_chars as f64, fr_chars as f64);
        let ratio = (fr + RATIO_PRIOR_CHARS * self.length_ratio) / (en + RATIO_PRIOR_CHARS);
        Model {
            length_ratio: ratio,
            ..self.clone()
        }
    }

    /// The model re-estimated from a first pass's beads: the share of each link shape (with
    /// the default shares as a prior worth [`SHAPE_PRIOR_LINKS`] links) and, from the 1-1
    /// links, the length variance (robustly, from the median squared deviation, which a
    /// few wrong links do not move).
    pub fn refit(&self, ladders: &[(Vec<Bead>, Side<'_>, Side<'_>)]) -> Model {
        let mut counts = [0.0f64; LINK_SHAPES];
        let mut squared_deviations = Vec::new();
        for (beads, en, fr) in ladders {
            for bead in beads.iter().filter(|b| b.is_link()) {
                if let Some(k) = SHAPES[..LINK_SHAPES]
                    .iter()
                    .position(|&s| s == (bead.en.len(), bead.fr.len()))
                {
                    counts[k] += 1.0;
                }
                if bead.en.len() == 1 && bead.fr.len() == 1 {
                    let en_chars = en.features[bead.en.start].chars as f64;
                    let fr_chars = fr.features[bead.fr.start].chars as f64;
                    let mean = ((en_chars + fr_chars / self.length_ratio) / 2.0).max(1.0);
                    squared_deviations
                        .push((fr_chars - self.length_ratio * en_chars).powi(2) / mean);
                }
            }
        }
        let links: f64 = counts.iter().sum();
        let mut model = self.clone();
        for (k, cost) in model.shape_costs.iter_mut().enumerate() {
            let default_share = (-DEFAULT_SHAPE_COSTS[k]).exp();
            *cost = -((counts[k] + SHAPE_PRIOR_LINKS * default_share)
                / (links + SHAPE_PRIOR_LINKS))
                .ln();
        }
        if squared_deviations.len() >= MIN_VARIANCE_LINKS {
            let middle = squared_deviations.len() / 2;
            let (_, median, _) = squared_deviations.select_nth_unstable_by(middle, f64::total_cmp);
            model.length_variance = *median / CHI_SQUARE_1_MEDIAN;
        }
        model
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
    /// What the link shows (all zero for an unlinked segment).
    pub evidence: Evidence,
}

impl Bead {
    /// Whether the bead links segments of both sides.
    pub fn is_link(&self) -> bool {
        !self.en.is_empty() && !self.fr.is_empty()
    }
}

/// Bead shapes: (English segments, French segments). The links come first, in the order
/// of [`Model::shape_costs`]; then the two skips.
pub const SHAPES: [(usize, usize); 11] = [
    (1, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
    (3, 2),
    (2, 3),
    (4, 1),
    (1, 0),
    (0, 1),
];

/// Number of link shapes (the shapes of [`SHAPES`] before the skips).
pub const LINK_SHAPES: usize = 9;

/// -ln of the prior probability of each link shape, before a text shows its own: roughly
/// the shares of hand-aligned literary and institutional EN-FR bitexts (1-1 about 80%, 2-1
/// and 1-2 some 6% each, the larger shapes 0.3 to 1%).
const DEFAULT_SHAPE_COSTS: [f64; LINK_SHAPES] = [0.22, 2.8, 2.8, 4.6, 4.4, 4.4, 5.5, 5.5, 5.8];
/// Added to the similarity denominator so that one shared token between two-word
/// segments does not count as a perfect match.
const SIMILARITY_SMOOTHING: f64 = 1.5;
const MAX_NUMBER_MISMATCHES: f64 = 4.0;
const MAX_LENGTH_COST: f64 = 30.0;

/// What a link shows, from which its confidence is computed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evidence {
    /// Shared evidence tokens over the mean token count (smoothed), in [0, 1).
    pub similarity: f64,
    /// Mean evidence tokens of the two sides: how much there was to compare.
    pub tokens: f64,
    /// Gale-Church's normalised length difference (a standard normal for translations).
    pub length_deviation: f64,
    /// Numbers present on one side only (at most 4).
    pub number_mismatches: f64,
    /// Link ends (0 to 2) at a paragraph boundary on one side only.
    pub boundary_mismatches: f64,
    /// Whether the link covers whole paragraphs or bullets on both sides.
    pub whole_paragraphs: bool,
    /// Segments linked beyond one a side (0 for a 1-1 link, 1 for a 2-1 link…).
    pub extra_segments: usize,
    /// Neighbouring beads (0 to 2) that are links too: a link between two links is held
    /// in place by them.
    pub linked_neighbours: u8,
    /// Of the boundary mismatches, those (0 to 2) that the neighbouring link shares: a
    /// paragraph that one translation splits in two or merges with the next, rather than a
    /// link out of step.
    pub mismatches_between_links: u8,
}

/// Number of features the confidence reads, see [`Evidence::calibration_features`].
pub const CALIBRATION_FEATURES: usize = 10;

/// Logistic weights of the confidence over [`Evidence::calibration_features`], then the
/// intercept. Fitted by maximum likelihood on the development gold (sentence-aligned
/// literary bitexts and the notice sections under `tests/gold`); docs/alignment.md shows
/// how, and the reliability of the result.
const CALIBRATION_WEIGHTS: [f64; CALIBRATION_FEATURES + 1] = [
    3.931, -0.008, -0.118, -0.579, -0.232, -5.000, 1.226, -1.240, 1.409, 8.642, -0.103,
];

impl Evidence {
    /// The features the confidence is a logistic function of: similarity, ln(1 + tokens),
    /// ln(1 + tokens) again when no token is shared (long segments with nothing in common
    /// are unlikely translations; short headings may well share nothing), |length
    /// deviation| (at most 6), number mismatches, boundary mismatches, whole paragraphs
    /// (0 or 1), extra segments, linked neighbours, boundary mismatches between links.
    pub fn calibration_features(&self) -> [f64; CALIBRATION_FEATURES] {
        [
            self.similarity,
            self.tokens.ln_1p(),
            if self.similarity > 0.0 {
                0.0
            } else {
                self.tokens.ln_1p()
            },
            self.length_deviation.abs().min(MAX_CALIBRATION_DEVIATION),
            self.number_mismatches,
            self.boundary_mismatches,
            f64::from(u8::from(self.whole_paragraphs)),
            self.extra_segments as f64,
            f64::from(self.linked_neighbours),
            f64::from(self.mismatches_between_links),
        ]
    }

    /// The estimated probability that the link is right.
    pub fn confidence(&self) -> f64 {
        let (weights, intercept) = CALIBRATION_WEIGHTS.split_at(CALIBRATION_FEATURES);
        let score: f64 = intercept[0]
            + self
                .calibration_features()
                .iter()
                .zip(weights)
                .map(|(x, w)| x * w)
                .sum::<f64>();
        1.0 / (1.0 + (-score).exp())
    }
}

/// Largest length deviation the confidence tells apart: beyond it a link is as unlikely
/// as it gets on length alone.
const MAX_CALIBRATION_DEVIATION: f64 = 6.0;

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

/// Most segments one side of a bead covers.
const MAX_SPAN: usize = 4;

/// The token and number lists of every run of two to [`MAX_SPAN`] consecutive segments of
/// one side, merged once. The search prices every bead shape in every cell of its band, so
/// merging there would repeat each merge as many times as the band is wide. In
/// `runs[n - 2]`, list `k` covers segments `k` to `k + n - 1`.
#[derive(Debug, Default)]
struct MergedRuns {
    runs: Vec<(Lists, Lists)>,
}

impl MergedRuns {
    fn new(features: &[Features]) -> MergedRuns {
        let mut buffer = Vec::new();
        let runs = (2..=MAX_SPAN)
            .map(|length| {
                let (mut tokens, mut numbers) = (Lists::default(), Lists::default());
                for run in features.windows(length) {
                    tokens.push(union(run, IdList::Tokens, &mut buffer));
                    numbers.push(union(run, IdList::Numbers, &mut buffer));
                }
                (tokens, numbers)
            })
            .collect();
        MergedRuns { runs }
    }

    /// The merged list of `range`, when it was merged.
    fn get(&self, range: &Range<usize>, list: IdList) -> Option<&[u32]> {
        let (tokens, numbers) = self.runs.get(range.len().checked_sub(2)?)?;
        match list {
            IdList::Tokens => tokens.get(range.start),
            IdList::Numbers => numbers.get(range.start),
        }
    }
}

/// One side as the scorer reads it: its segments and, for the search, their merged runs.
struct ScoredSide<'a> {
    side: Side<'a>,
    runs: MergedRuns,
}

impl ScoredSide<'_> {
    /// The sorted union of `list` over the segments of `range`: precomputed when the runs
    /// were merged, built in `buffer` otherwise.
    fn union<'s>(
        &'s self,
        range: Range<usize>,
        list: IdList,
        buffer: &'s mut Vec<u32>,
    ) -> &'s [u32] {
        match self.runs.get(&range, list) {
            Some(precomputed) => precomputed,
            None => union(&self.side.features[range], list, buffer),
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
        Scorer::with_runs(en, fr, model, MergedRuns::new)
    }

    /// A scorer for a few confidences, which are not worth merging every pair for.
    fn for_confidence(en: Side<'a>, fr: Side<'a>, model: &'a Model) -> Scorer<'a> {
        Scorer::with_runs(en, fr, model, |_| MergedRuns::default())
    }

    fn with_runs(
        en: Side<'a>,
        fr: Side<'a>,
        model: &'a Model,
        merged: impl Fn(&[Features]) -> MergedRuns,
    ) -> Scorer<'a> {
        Scorer {
            en: ScoredSide {
                side: en,
                runs: merged(en.features),
            },
            fr: ScoredSide {
                side: fr,
                runs: merged(fr.features),
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
        let number_mismatches = self.number_mismatches(en.clone(), fr.clone(), scratch);
        let en_features = &self.en.side.features[en.clone()];
        let fr_features = &self.fr.side.features[fr.clone()];
        let en_chars: usize = en_features.iter().map(|f| f.chars).sum();
        let fr_chars: usize = fr_features.iter().map(|f| f.chars).sum();
        let (en_side, fr_side) = (self.en.side, self.fr.side);
        let start_mismatch = en_side.is_boundary(en.start) != fr_side.is_boundary(fr.start);
        let end_mismatch = en_side.is_boundary(en.end) != fr_side.is_boundary(fr.end);
        Evidence {
            similarity: shared / (mean_tokens + SIMILARITY_SMOOTHING),
            tokens: mean_tokens,
            length_deviation: self.length_deviation(en_chars as f64, fr_chars as f64),
            number_mismatches,
            boundary_mismatches: f64::from(u8::from(start_mismatch) + u8::from(end_mismatch)),
            whole_paragraphs: en_side.is_boundary(en.start)
                && en_side.is_boundary(en.end)
                && fr_side.is_boundary(fr.start)
                && fr_side.is_boundary(fr.end),
            extra_segments: en.len() + fr.len() - 2,
            linked_neighbours: 0,
            mismatches_between_links: 0,
        }
    }

    /// Gale-Church's normalised length difference.
    fn length_deviation(&self, en_chars: f64, fr_chars: f64) -> f64 {
        let ratio = self.model.length_ratio;
        let mean = (en_chars + fr_chars / ratio) / 2.0;
        (fr_chars - ratio * en_chars) / (self.model.length_variance * mean.max(1.0)).sqrt()
    }

    /// Cost of the bead covering `en` and `fr`; `None` when the shape is not allowed there
    /// or when the bead would cost more than `budget` (a bead that cannot improve on the
    /// best path found so far into its cell is not worth pricing in full).
    fn cost(
        &self,
        shape: usize,
        en: Range<usize>,
        fr: Range<usize>,
        scratch: &mut Scratch,
        budget: f64,
    ) -> Option<f64> {
        let (en_side, fr_side) = (self.en.side, self.fr.side);
        if !en_side.within_one_paragraph(&en) || !fr_side.within_one_paragraph(&fr) {
            return None;
        }
        if en.is_empty() || fr.is_empty() {
            return Some(self.model.skip_cost);
        }
        let model = self.model;
        let chars = |side: Side<'_>, range: Range<usize>| -> f64 {
            side.features[range].iter().map(|f| f.chars).sum::<usize>() as f64
        };
        let deviation =
            self.length_deviation(chars(en_side, en.clone()), chars(fr_side, fr.clone()));
        let boundary_mismatches =
            u8::from(en_side.is_boundary(en.start) != fr_side.is_boundary(fr.start))
                + u8::from(en_side.is_boundary(en.end) != fr_side.is_boundary(fr.end));
        let fixed = model.shape_costs.get(shape)?
            + length_cost(deviation)
            + model.boundary_cost * f64::from(boundary_mismatches);
        let en_tokens = self
            .en
            .union(en.clone(), IdList::Tokens, &mut scratch.en_tokens);
        let fr_tokens = self
            .fr
            .union(fr.clone(), IdList::Tokens, &mut scratch.fr_tokens);
        let denominator = (en_tokens.len() + fr_tokens.len()) as f64 / 2.0 + SIMILARITY_SMOOTHING;
        let best_similarity = en_tokens.len().min(fr_tokens.len()) as f64 / denominator;
        if fixed - model.evidence_weight * best_similarity >= budget {
            return None;
        }
        let similarity = count_shared(en_tokens, fr_tokens) as f64 / denominator;
        let number_mismatches = self.number_mismatches(en, fr, scratch);
        Some(
            fixed - model.evidence_weight * similarity
                + model.number_mismatch_cost * number_mismatches,
        )
    }

    /// Numbers present on one side only, up to [`MAX_NUMBER_MISMATCHES`].
    fn number_mismatches(&self, en: Range<usize>, fr: Range<usize>, scratch: &mut Scratch) -> f64 {
        let en_numbers = self.en.union(en, IdList::Numbers, &mut scratch.en_numbers);
        let fr_numbers = self.fr.union(fr, IdList::Numbers, &mut scratch.fr_numbers);
        let shared = count_shared(en_numbers, fr_numbers);
        ((en_numbers.len() + fr_numbers.len() - 2 * shared) as f64).min(MAX_NUMBER_MISMATCHES)
    }

    /// The evidence of a link, its neighbours not yet counted.
    fn link_evidence(&self, en: Range<usize>, fr: Range<usize>) -> Evidence {
        self.evidence(en, fr, &mut Scratch::default())
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
    /// The band of `half_width` French positions either side of the diagonal `centres`
    /// (one French position per English position).
    fn new(centres: &[usize], fr_len: usize, half_width: usize) -> Band {
        Band {
            lows: centres
                .iter()
                .map(|c| c.saturating_sub(half_width))
                .collect(),
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

/// For each English position, the French position that has gone through the same share of
/// its side's characters. Translations keep their lengths in proportion far better than
/// their sentence counts, so the best path stays close to this line and a narrow band holds it.
fn length_diagonal(en: Side<'_>, fr: Side<'_>) -> Vec<usize> {
    let total = |side: Side<'_>| side.features.iter().map(|f| f.chars).sum::<usize>().max(1);
    let (en_total, fr_total) = (total(en), total(fr));
    let mut centres = Vec::with_capacity(en.len() + 1);
    let (mut en_chars, mut fr_chars, mut j) = (0usize, 0usize, 0usize);
    for i in 0..=en.len() {
        // The first French position whose share of characters reaches the English one's.
        while j < fr.len() && fr_chars * en_total < en_chars * fr_total {
            fr_chars += fr.features[j].chars;
            j += 1;
        }
        centres.push(j);
        if let Some(segment) = en.features.get(i) {
            en_chars += segment.chars;
        }
    }
    centres
}

/// Aligns two sides and returns the ladder, unlinked segments included.
pub fn align(en: Side<'_>, fr: Side<'_>, model: &Model) -> Vec<Bead> {
    align_around(en, fr, model, &length_diagonal(en, fr), model.band)
}

/// Half-width of the band around a previous pass's path: a second pass moves links by a
/// few segments, not by the drift a first pass has to allow for.
const REALIGN_BAND: usize = 6;

/// Aligns two sides again, searching near the ladder of a previous pass.
pub fn realign(en: Side<'_>, fr: Side<'_>, model: &Model, previous: &[Bead]) -> Vec<Bead> {
    let mut centres = vec![0; en.len() + 1];
    for bead in previous {
        for centre in &mut centres[bead.en.start..=bead.en.end] {
            *centre = bead.fr.end;
        }
    }
    align_around(en, fr, model, &centres, REALIGN_BAND)
}

/// The best ladder inside a band around `centres`, widened until the path stays off the
/// band's edges.
fn align_around(
    en: Side<'_>,
    fr: Side<'_>,
    model: &Model,
    centres: &[usize],
    half_width: usize,
) -> Vec<Bead> {
    let scorer = Scorer::for_search(en, fr, model);
    let mut half_width = half_width.max(4);
    loop {
        let band = Band::new(centres, fr.len(), half_width);
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
                let budget = costs[here] - costs[from];
                let Some(step) = scorer.cost(shape, i - de..i, j - df..j, &mut scratch, budget)
                else {
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
            // One paragraph a side is one unit a side: a 1-1 link, however many sentences
            // the paragraphs have.
            let evidence = Evidence {
                linked_neighbours: linked_neighbours(&beads, start..end),
                mismatches_between_links: mismatches_between_links(&beads, start..end, en, fr),
                extra_segments: 0,
                ..scorer.link_evidence(en_range.clone(), fr_range.clone())
            };
            joined.push(Bead {
                en: en_range,
                fr: fr_range,
                confidence: evidence.confidence(),
                evidence,
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
    let mut beads: Vec<Bead> = path
        .windows(2)
        .map(|step| {
            let (en, fr) = (step[0].0..step[1].0, step[0].1..step[1].1);
            let evidence = if en.is_empty() || fr.is_empty() {
                Evidence::default()
            } else {
                scorer.link_evidence(en.clone(), fr.clone())
            };
            Bead {
                en,
                fr,
                confidence: 0.0,
                evidence,
            }
        })
        .collect();
    for k in 0..beads.len() {
        if beads[k].is_link() {
            let linked_neighbours = linked_neighbours(&beads, k..k + 1);
            let between_links =
                mismatches_between_links(&beads, k..k + 1, scorer.en.side, scorer.fr.side);
            let bead = &mut beads[k];
            bead.evidence.linked_neighbours = linked_neighbours;
            bead.evidence.mismatches_between_links = between_links;
            bead.confidence = bead.evidence.confidence();
        }
    }
    beads
}

/// How many of the beads just before and just after `run` are links.
fn linked_neighbours(beads: &[Bead], run: Range<usize>) -> u8 {
    let before = run.start.checked_sub(1).and_then(|k| beads.get(k));
    let after = beads.get(run.end);
    u8::from(before.is_some_and(Bead::is_link)) + u8::from(after.is_some_and(Bead::is_link))
}

/// How many ends of `run` are at a paragraph boundary on one side only and shared with a
/// neighbouring link (see [`Evidence::mismatches_between_links`]).
fn mismatches_between_links(beads: &[Bead], run: Range<usize>, en: Side<'_>, fr: Side<'_>) -> u8 {
    let (first, last) = (&beads[run.start], &beads[run.end - 1]);
    let before = run.start.checked_sub(1).and_then(|k| beads.get(k));
    let after = beads.get(run.end);
    let start = en.is_boundary(first.en.start) != fr.is_boundary(first.fr.start)
        && before.is_some_and(Bead::is_link);
    let end = en.is_boundary(last.en.end) != fr.is_boundary(last.fr.end)
        && after.is_some_and(Bead::is_link);
    u8::from(start) + u8::from(end)
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
        let centres: Vec<usize> = (0..=10).map(|i| 2 * i).collect();
        let band = Band::new(&centres, 20, 3);
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
