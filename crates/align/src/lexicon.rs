//! A translation lexicon bootstrapped from the text being aligned.
//!
//! Confident 1-1 links of a first pass are read as a small parallel corpus: an English and a
//! French word that keep occurring in the same links (Dice coefficient) are taken as
//! translations. Each learned pair becomes a shared evidence token, so the second pass sees
//! "poste"/"position" as it sees "NATO"/"OTAN". This is what hunalign's `-realign` does.

use std::collections::HashMap;

use crate::features::{Features, Vocabulary};

/// Fewest links a word pair must share to be learned: one co-occurrence is chance.
const MIN_JOINT: u32 = 2;
/// Smallest Dice coefficient of a learned pair.
const MIN_DICE: f64 = 0.5;
/// Most translations learned for one word.
const MAX_TRANSLATIONS: usize = 2;

/// Learned word translations, as evidence tokens keyed by word id.
#[derive(Debug, Default)]
pub struct Lexicon {
    tokens_by_word: HashMap<u32, Vec<u32>>,
}

impl Lexicon {
    /// Learns word pairs from aligned (English words, French words) pairs.
    pub fn learn<'a>(
        pairs: impl IntoIterator<Item = (&'a [u32], &'a [u32])>,
        vocabulary: &mut Vocabulary,
    ) -> Lexicon {
        let mut en_count: HashMap<u32, u32> = HashMap::new();
        let mut fr_count: HashMap<u32, u32> = HashMap::new();
        let mut joint: HashMap<(u32, u32), u32> = HashMap::new();
        for (en_words, fr_words) in pairs {
            for &e in en_words {
                *en_count.entry(e).or_default() += 1;
                for &f in fr_words {
                    *joint.entry((e, f)).or_default() += 1;
                }
            }
            for &f in fr_words {
                *fr_count.entry(f).or_default() += 1;
            }
        }
        let dice = |(e, f): (u32, u32), together: u32| {
            2.0 * f64::from(together)
                / f64::from(
                    en_count.get(&e).copied().unwrap_or(0) + fr_count.get(&f).copied().unwrap_or(0),
                )
        };
        let mut candidates: Vec<(f64, (u32, u32))> = joint
            .into_iter()
            .filter(|&(_, together)| together >= MIN_JOINT)
            .map(|(pair, together)| (dice(pair, together), pair))
            .filter(|&(score, _)| score >= MIN_DICE)
            .collect();
        // Best pairs first, ties in id order, so results do not depend on hash order.
        candidates.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // Words that always appear together (a repeated sentence) would otherwise pair with
        // every word around them: each word keeps its best few translations only.
        let mut translations: HashMap<u32, usize> = HashMap::new();
        let mut learned = Vec::new();
        for (_, (e, f)) in candidates {
            if translations.get(&e).copied().unwrap_or(0) < MAX_TRANSLATIONS
                && translations.get(&f).copied().unwrap_or(0) < MAX_TRANSLATIONS
            {
                *translations.entry(e).or_default() += 1;
                *translations.entry(f).or_default() += 1;
                learned.push((e, f));
            }
        }
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

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.tokens_by_word.is_empty()
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
        let lexicon = Lexicon::learn(
            pairs.iter().map(|(e, f)| (e.as_slice(), f.as_slice())),
            &mut vocabulary,
        );
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
