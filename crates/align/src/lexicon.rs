//! A translation lexicon learned from the text being aligned.
//!
//! Confident links of a first pass are read as a small parallel corpus, on which IBM
//! Model 1 is trained by a few rounds of expectation-maximisation in both directions
//! (English given French and French given English, each with an empty word), as Moore (2002)
//! and hunalign's realignment do. A word pair whose translation probability is high in both
//! directions is learned; each learned pair becomes a shared evidence token, so the second
//! pass sees "poste"/"position" as it sees "NATO"/"OTAN". Model 1 explains a word by its
//! likeliest partner in each link, so the words around a frequent pair do not pair with it
//! as they would under a co-occurrence score.

use rustc_hash::FxHashMap;

use crate::features::{Features, Vocabulary};

/// Rounds of expectation-maximisation: Model 1's likelihood is concave, and on a few
/// hundred links the learned pairs stop changing after about five.
const EM_ROUNDS: usize = 5;
/// Fewest links a word must occur in for its translations to be trusted: a pair seen once
/// gets a probability of 1 by chance.
const MIN_OCCURRENCES: u32 = 2;
/// Smallest translation probability, in each direction, of a learned pair. Chosen on the
/// development bitexts: 0.2 keeps the two or three senses a frequent word has.
const MIN_PROBABILITY: f64 = 0.2;

/// Learned word translations, as evidence tokens keyed by word id.
#[derive(Debug, Default)]
pub struct Lexicon {
    tokens_by_word: FxHashMap<u32, Vec<u32>>,
}

/// Model 1 translation probabilities t(target | source) of one direction.
type Translations = FxHashMap<(u32, u32), f64>;

/// The id standing for the empty word, which explains target words with no source.
const EMPTY_WORD: u32 = u32::MAX;

/// Trains Model 1 for `target` words given `source` words over aligned word lists and
/// returns the translations of at least [`MIN_PROBABILITY`].
///
/// Every (source, target) pair of a link gets a slot in one flat table once; the rounds of
/// expectation-maximisation then run over slot numbers, without hashing. Each target word
/// of each link is a row: the slots of the empty word and of every source word of its link,
/// stored end to end in `cells`.
fn train(pairs: &[(&[u32], &[u32])], source_first: bool) -> Translations {
    let oriented: Vec<(&[u32], &[u32])> = pairs
        .iter()
        .map(|&(en, fr)| if source_first { (en, fr) } else { (fr, en) })
        .collect();
    let cell_count: usize = oriented
        .iter()
        .map(|(source, target)| target.len() * (source.len() + 1))
        .sum();
    let mut slots: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    // Most pairs of words meet in one link only: on the benchmark's books about three
    // quarters of the cells are distinct pairs, so half the cells is room for most.
    slots.reserve(cell_count / 2);
    let mut sources: FxHashMap<u32, u32> = FxHashMap::default();
    let mut slot_pairs: Vec<(u32, u32)> = Vec::new();
    let mut slot_sources: Vec<u32> = Vec::new();
    let mut cells: Vec<u32> = Vec::with_capacity(cell_count);
    let mut row_ends: Vec<usize> = Vec::new();
    for &(source, target) in &oriented {
        // The link's source words, the empty word first, each with its index in `totals`.
        let link_sources: Vec<(u32, u32)> = std::iter::once(&EMPTY_WORD)
            .chain(source)
            .map(|&s| {
                let next = sources.len() as u32;
                (s, *sources.entry(s).or_insert(next))
            })
            .collect();
        for &t in target {
            for &(s, source_index) in &link_sources {
                let next_slot = slot_pairs.len() as u32;
                let slot = *slots.entry((s, t)).or_insert(next_slot);
                if slot == next_slot {
                    slot_pairs.push((s, t));
                    slot_sources.push(source_index);
                }
                cells.push(slot);
            }
            row_ends.push(cells.len());
        }
    }
    let mut table = vec![1.0; slot_pairs.len()];
    let mut counts = vec![0.0; slot_pairs.len()];
    let mut totals = vec![0.0; sources.len()];
    for _ in 0..EM_ROUNDS {
        counts.fill(0.0);
        totals.fill(0.0);
        let mut row_start = 0;
        for &row_end in &row_ends {
            let row = &cells[row_start..row_end];
            row_start = row_end;
            let norm: f64 = row.iter().map(|&slot| table[slot as usize]).sum();
            if norm <= 0.0 {
                continue;
            }
            for &slot in row {
                let slot = slot as usize;
                let share = table[slot] / norm;
                counts[slot] += share;
                totals[slot_sources[slot] as usize] += share;
            }
        }
        for (slot, probability) in table.iter_mut().enumerate() {
            let total = totals[slot_sources[slot] as usize];
            *probability = if total > 0.0 {
                counts[slot] / total
            } else {
                0.0
            };
        }
    }
    // Only pairs likely enough to be learned are kept: most of the table is chance.
    slot_pairs
        .into_iter()
        .zip(table)
        .filter(|&(_, probability)| probability >= MIN_PROBABILITY)
        .collect()
}

impl Lexicon {
    /// Learns word pairs from aligned (English words, French words) pairs.
    pub fn learn(pairs: Vec<(Vec<u32>, Vec<u32>)>, vocabulary: &mut Vocabulary) -> Lexicon {
        let pairs: Vec<(&[u32], &[u32])> = pairs
            .iter()
            .map(|(en, fr)| (en.as_slice(), fr.as_slice()))
            .collect();
        let mut occurrences: FxHashMap<u32, u32> = FxHashMap::default();
        for &(en, fr) in &pairs {
            for &w in en.iter().chain(fr) {
                *occurrences.entry(w).or_default() += 1;
            }
        }
        let frequent = |w: u32| occurrences.get(&w).copied().unwrap_or(0) >= MIN_OCCURRENCES;
        let fr_given_en = train(&pairs, true);
        let en_given_fr = train(&pairs, false);
        let mut learned: Vec<(u32, u32)> = fr_given_en
            .iter()
            .filter(|&(&(e, f), &p)| {
                e != EMPTY_WORD
                    && p >= MIN_PROBABILITY
                    && frequent(e)
                    && frequent(f)
                    && en_given_fr.get(&(f, e)).copied().unwrap_or(0.0) >= MIN_PROBABILITY
            })
            .map(|(&pair, _)| pair)
            .collect();
        // Token ids in pair order, so results do not depend on hash order.
        learned.sort_unstable();
        let mut lexicon = Lexicon::default();
        for (e, f) in learned {
            let token = vocabulary.id("t:", &format!("{e}:{f}"));
            lexicon.tokens_by_word.entry(e).or_default().push(token);
            lexicon.tokens_by_word.entry(f).or_default().push(token);
        }
        lexicon
    }

    /// Number of learned word pairs.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.tokens_by_word.values().map(Vec::len).sum::<usize>() / 2
    }

    /// Adds the lexicon's tokens for the segment's words to its evidence.
    pub fn annotate(&self, features: &mut Features) {
        for word in &features.words {
            if let Some(tokens) = self.tokens_by_word.get(word) {
                features.tokens.extend_from_slice(tokens);
            }
        }
        features.tokens.sort_unstable();
        features.tokens.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Side;

    #[test]
    fn learns_pairs_that_co_occur_and_not_others() {
        let mut vocabulary = Vocabulary::default();
        let mut words = |side, list: &[&str]| -> Vec<u32> {
            list.iter().map(|w| vocabulary.word_id(side, w)).collect()
        };
        let pairs = [
            (
                words(Side::En, &["post", "holder"]),
                words(Side::Fr, &["poste", "titulaire"]),
            ),
            (
                words(Side::En, &["post", "duties"]),
                words(Side::Fr, &["poste", "taches"]),
            ),
            (
                words(Side::En, &["holder", "duties"]),
                words(Side::Fr, &["titulaire", "taches"]),
            ),
        ];
        let lexicon = Lexicon::learn(pairs.to_vec(), &mut vocabulary);
        assert_eq!(lexicon.len(), 3);

        let mut features = Features {
            words: vec![vocabulary.word_id(Side::En, "post")],
            ..Features::default()
        };
        lexicon.annotate(&mut features);
        let mut french = Features {
            words: vec![vocabulary.word_id(Side::Fr, "poste")],
            ..Features::default()
        };
        lexicon.annotate(&mut french);
        assert_eq!(features.tokens.len(), 1);
        assert_eq!(features.tokens, french.tokens);
    }
}
