//! Align: sentence and bullet alignment of English and French text.
//!
//! The text of each side is cut into [`Segment`]s (sentences and bullets, never crossing a
//! paragraph), then a dynamic programme links them (1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 3-2, 2-3,
//! 4-1) or leaves them unlinked, scoring character lengths (Gale-Church, with the length
//! ratio, variance and shape priors estimated from the text itself) together with evidence
//! that needs no model: numbers, acronyms, links, cognates and names, and a lexicon (IBM
//! Model 1, both directions) learned from the first pass's confident links before a second
//! pass near the first one's path (skipped past 100,000 segments). Paragraph and bullet
//! boundaries act as strong anchors. Every link carries a confidence in [0, 1]; unlinked text is left out.
//!
//! Entry points:
//! - [`align_section`]: one EN/FR section pair of a notice, as the pipeline calls it;
//! - [`Aligner::align_sections`]: all section pairs of a document at once, sharing the learned
//!   lexicon (better than section by section);
//! - [`Aligner::align_texts`]: any two parallel texts, raw or one segment per line, returning
//!   links with segment and line indices ([`Alignment::lines`]);
//! - [`Aligner::align_items`]: the same over two lists of texts, an item a line.
//!
//! This crate does not find sections or pair them, does no I/O and uses no trained model.
//!
//! ```
//! let pairs = align::Aligner::default().align_sections(&[(
//!     "The post holder reports to the Head of Section. Travel may be required.",
//!     "La/le titulaire du poste relève du chef de section. Des déplacements peuvent être demandés.",
//! )]);
//! assert_eq!(pairs[0].len(), 2);
//! assert!(pairs[0][0].fr.starts_with("La/le titulaire"));
//! ```

mod features;
mod ladder;
mod lexicon;
mod segment;

use std::ops::Range;

use model::SegmentPair;

use crate::features::{Features, Side, Vocabulary};
pub use crate::ladder::{CALIBRATION_FEATURES, Evidence, Model};
use crate::lexicon::Lexicon;
pub use crate::segment::{Layout, Segment, segment_text};

/// Aligns the segments of an English and a French section text.
///
/// Each non-empty line of either text is a paragraph or a bullet (single and blank-line
/// separators both work). Returns the linked pairs in text order.
pub fn align_section(en: &str, fr: &str) -> Vec<SegmentPair> {
    Aligner::for_sections()
        .align_sections(&[(en, fr)])
        .pop()
        .unwrap_or_default()
}

/// Aligns bitexts with a given model.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligner {
    /// Cost and confidence constants.
    pub model: Model,
    /// Whether to learn a lexicon from a first pass and align again with it (on texts of up
    /// to 100,000 segments; longer ones get the first pass only).
    pub realign: bool,
    /// Links with a confidence below this are left out.
    pub min_confidence: f64,
    /// A paragraph or bullet of at most this many English characters whose sentences all
    /// link inside one French paragraph is output as one pair; 0 keeps sentence pairs only.
    pub short_paragraph_chars: usize,
}

impl Default for Aligner {
    fn default() -> Self {
        Aligner {
            model: Model::default(),
            realign: true,
            min_confidence: 0.0,
            short_paragraph_chars: 0,
        }
    }
}

/// A link between English and French segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Indices into [`Alignment::en`]: one or two consecutive segments.
    pub en: Range<usize>,
    /// Indices into [`Alignment::fr`]: one or two consecutive segments.
    pub fr: Range<usize>,
    /// How sure the link is: the estimated probability that it is right.
    pub confidence: f64,
    /// What the link shows, from which the confidence is computed.
    pub evidence: Evidence,
}

/// The alignment of two texts: their segments and the links between them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// The English segments.
    pub en: Vec<Segment>,
    /// The French segments.
    pub fr: Vec<Segment>,
    /// The links, in text order; segments in no link had no counterpart.
    pub links: Vec<Link>,
}

impl Alignment {
    /// The English text of a link: its segments joined by a space.
    pub fn en_text(&self, link: &Link) -> String {
        join(&self.en[link.en.clone()])
    }

    /// The French text of a link: its segments joined by a space.
    pub fn fr_text(&self, link: &Link) -> String {
        join(&self.fr[link.fr.clone()])
    }

    /// The lines of the input texts a link's segments come from, English then French, each
    /// in order and once.
    pub fn lines(&self, link: &Link) -> (Vec<usize>, Vec<usize>) {
        let lines = |segments: &[Segment], range: &Range<usize>| -> Vec<usize> {
            let mut lines: Vec<usize> = segments[range.clone()].iter().map(|s| s.line).collect();
            lines.dedup();
            lines
        };
        (lines(&self.en, &link.en), lines(&self.fr, &link.fr))
    }

    /// The links as dataset segment pairs.
    pub fn segment_pairs(&self) -> Vec<SegmentPair> {
        self.links
            .iter()
            .map(|link| SegmentPair::new(self.en_text(link), self.fr_text(link), link.confidence))
            .collect()
    }
}

fn join(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One text pair being aligned, with its evidence.
struct Job {
    en: Vec<Segment>,
    fr: Vec<Segment>,
    en_features: Vec<Features>,
    fr_features: Vec<Features>,
    en_paragraphs: Vec<usize>,
    fr_paragraphs: Vec<usize>,
}

impl Job {
    fn new(en: &str, fr: &str, layout: Layout, vocabulary: &mut Vocabulary) -> Job {
        let en = segment_text(en, layout);
        let fr = segment_text(fr, layout);
        let describe = |segments: &[Segment], side, vocabulary: &mut Vocabulary| -> Vec<Features> {
            segments
                .iter()
                .map(|s| features::features(&s.text, side, vocabulary))
                .collect()
        };
        Job {
            en_features: describe(&en, Side::En, vocabulary),
            fr_features: describe(&fr, Side::Fr, vocabulary),
            en_paragraphs: en.iter().map(|s| s.paragraph).collect(),
            fr_paragraphs: fr.iter().map(|s| s.paragraph).collect(),
            en,
            fr,
        }
    }

    fn sides(&self) -> (ladder::Side<'_>, ladder::Side<'_>) {
        (
            ladder::Side {
                features: &self.en_features,
                paragraphs: &self.en_paragraphs,
            },
            ladder::Side {
                features: &self.fr_features,
                paragraphs: &self.fr_paragraphs,
            },
        )
    }

    fn align(&self, model: &Model) -> Vec<ladder::Bead> {
        let (en, fr) = self.sides();
        ladder::align(en, fr, model)
    }

    fn realign(&self, model: &Model, previous: &[ladder::Bead]) -> Vec<ladder::Bead> {
        let (en, fr) = self.sides();
        ladder::realign(en, fr, model, previous)
    }
}

/// Longest paragraph (in English characters) [`Aligner::for_sections`] keeps as one pair:
/// about 150 words, some 200 subword tokens, within the 256 tokens MT training commonly caps
/// a pair at. A notice's paragraphs are shorter (the development gold's: median 101
/// characters, longest 859), so a paragraph whose sentences all align inside one paragraph of
/// the other language is one pair, the unit the notice is written and translated in; a
/// longer one gives sentence pairs. (500, about three sentences, split 7 of the development
/// gold's 33 paragraphs of two sentences or more into sentence pairs.)
const SECTION_SHORT_PARAGRAPH_CHARS: usize = 1_000;

/// Most segments (both sides, all section pairs) a text may have for the lexicon pass to run.
/// A notice has a few hundred; far beyond that, the first pass has seen enough text to be
/// sure of its links, and a second pass would double the cost of aligning a giant input.
const REALIGN_MAX_SEGMENTS: usize = 100_000;

impl Aligner {
    /// The aligner for notice sections: a paragraph or bullet of up to 1,000 English
    /// characters whose sentences all align inside one French paragraph becomes one pair;
    /// longer ones give sentence pairs.
    pub fn for_sections() -> Aligner {
        Aligner {
            short_paragraph_chars: SECTION_SHORT_PARAGRAPH_CHARS,
            ..Aligner::default()
        }
    }

    /// Aligns two parallel texts of any length laid out as `layout` says.
    pub fn align_texts(&self, en: &str, fr: &str, layout: Layout) -> Alignment {
        self.align_all(&[(en, fr)], layout)
            .pop()
            .unwrap_or_default()
    }

    /// Aligns two lists of texts, each item one line of its side (a line break inside an
    /// item reads as a space), so that a segment's [`Segment::line`] is its item's index.
    /// With [`Layout::Presplit`] each item is one segment and an empty item closes a
    /// paragraph; with [`Layout::Lines`] each item is a paragraph split into sentences.
    pub fn align_items<S: AsRef<str>>(&self, en: &[S], fr: &[S], layout: Layout) -> Alignment {
        let text = |items: &[S]| -> String {
            items
                .iter()
                .map(|item| item.as_ref().replace(['\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        self.align_texts(&text(en), &text(fr), layout)
    }

    /// Aligns the section pairs of one document, learning one lexicon from all of them;
    /// returns the segment pairs of each section, in the order given. Use
    /// [`Aligner::for_sections`] for the granularity [`align_section`] has.
    pub fn align_sections(&self, sections: &[(&str, &str)]) -> Vec<Vec<SegmentPair>> {
        self.align_all(sections, Layout::Lines)
            .iter()
            .map(Alignment::segment_pairs)
            .collect()
    }

    /// Whether the lexicon pass runs on a text of `segments` segments, both sides counted.
    fn realigns(&self, segments: usize) -> bool {
        self.realign && segments <= REALIGN_MAX_SEGMENTS
    }

    /// Each job's ladder with its two sides, as [`Model::refit`] reads them.
    fn ladders_of<'j>(
        jobs: &'j [Job],
        ladders: &[Vec<ladder::Bead>],
    ) -> Vec<(Vec<ladder::Bead>, ladder::Side<'j>, ladder::Side<'j>)> {
        jobs.iter()
            .zip(ladders)
            .map(|(job, beads)| {
                let (en, fr) = job.sides();
                (beads.clone(), en, fr)
            })
            .collect()
    }

    /// The words of both sides of every link, the corpus the lexicon learns from. Every
    /// link counts, whatever its confidence: Model 1 sorts out a few wrong links itself,
    /// and more text teaches it more words.
    fn linked_words(jobs: &[Job], ladders: &[Vec<ladder::Bead>]) -> Vec<(Vec<u32>, Vec<u32>)> {
        let words = |features: &[Features]| -> Vec<u32> {
            let mut words: Vec<u32> = features
                .iter()
                .flat_map(|f| f.words.iter().copied())
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        };
        jobs.iter()
            .zip(ladders)
            .flat_map(|(job, beads)| {
                beads.iter().filter(|b| b.is_link()).map(|b| {
                    (
                        words(&job.en_features[b.en.clone()]),
                        words(&job.fr_features[b.fr.clone()]),
                    )
                })
            })
            .collect()
    }

    fn align_all(&self, pairs: &[(&str, &str)], layout: Layout) -> Vec<Alignment> {
        let mut vocabulary = Vocabulary::default();
        let mut jobs: Vec<Job> = pairs
            .iter()
            .map(|(en, fr)| Job::new(en, fr, layout, &mut vocabulary))
            .collect();
        let chars = |features: &[Features]| features.iter().map(|f| f.chars).sum::<usize>();
        let en_chars: usize = jobs.iter().map(|job| chars(&job.en_features)).sum();
        let fr_chars: usize = jobs.iter().map(|job| chars(&job.fr_features)).sum();
        let mut model = self.model.with_length_ratio_of(en_chars, fr_chars);
        let mut ladders: Vec<Vec<ladder::Bead>> =
            jobs.iter().map(|job| job.align(&model)).collect();
        let segments: usize = jobs.iter().map(|job| job.en.len() + job.fr.len()).sum();
        if self.realigns(segments) {
            model = model.refit(&Self::ladders_of(&jobs, &ladders));
            let lexicon = Lexicon::learn(Self::linked_words(&jobs, &ladders), &mut vocabulary);
            for job in &mut jobs {
                job.en_features
                    .iter_mut()
                    .chain(&mut job.fr_features)
                    .for_each(|f| lexicon.annotate(f));
            }
            ladders = jobs
                .iter()
                .zip(&ladders)
                .map(|(job, previous)| job.realign(&model, previous))
                .collect();
        }
        jobs.into_iter()
            .zip(ladders)
            .map(|(job, beads)| {
                let (en, fr) = job.sides();
                (
                    ladder::join_short_paragraphs(
                        beads,
                        en,
                        fr,
                        &model,
                        self.short_paragraph_chars,
                    ),
                    job,
                )
            })
            .map(|(beads, job)| Alignment {
                links: beads
                    .into_iter()
                    .filter(|b| b.is_link() && b.confidence >= self.min_confidence)
                    .map(|b| Link {
                        en: b.en,
                        fr: b.fr,
                        confidence: b.confidence,
                        evidence: b.evidence,
                    })
                    .collect(),
                en: job.en,
                fr: job.fr,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_lines_and_links_name_their_indices() {
        let en = [
            "The incumbent reports to the Head of Section.",
            "Applications must be submitted\nby 4 January 2026.",
            "The post is based in Brussels, Belgium.",
        ];
        let fr = [
            "La personne titulaire relève du chef de section.",
            "Les candidatures doivent être soumises au plus tard le 4 janvier 2026.",
            "Le poste est basé à Bruxelles, en Belgique.",
        ];
        let alignment = Aligner::default().align_items(&en, &fr, Layout::Presplit);
        let lines: Vec<_> = alignment
            .links
            .iter()
            .map(|link| alignment.lines(link))
            .collect();
        assert_eq!(
            lines,
            [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
        assert_eq!(
            alignment.en_text(&alignment.links[1]),
            "Applications must be submitted by 4 January 2026."
        );
    }

    const EN: &str = "Policy Development\n\
        Provide advice on defence policy, including the development of conceptual documents. \
        Contribute to the development of politico-military guidance.\n\
        Stakeholder Management\n\
        Build a network of contacts within NATO and with other international organisations.\n\
        - possess a university degree in economics, political science or international relations;\n\
        - have at least 4 years of experience in project management;\n\
        Perform any other related duty as assigned.";
    const FR: &str = "Élaboration des politiques\n\
        Fournit des avis sur la politique de défense, notamment sur l'élaboration de documents conceptuels. \
        Participe à l'élaboration d'orientations politico-militaires.\n\
        Gestion des parties prenantes\n\
        Développe un réseau de contacts au sein de l'OTAN et avec d'autres organisations internationales.\n\
        - être diplômé(e) d'une université en économie, en sciences politiques ou en relations internationales ;\n\
        - avoir au moins 4 ans d'expérience en gestion de projet ;\n\
        S'acquitte de toute autre tâche en rapport avec ses fonctions qui pourrait lui être confiée.";

    fn pairs(en: &str, fr: &str) -> Vec<(String, String)> {
        Aligner::default()
            .align_sections(&[(en, fr)])
            .remove(0)
            .into_iter()
            .map(|p| (p.en, p.fr))
            .collect()
    }

    fn line(text: &str, n: usize) -> String {
        text.lines()
            .nth(n)
            .unwrap_or_default()
            .trim_start_matches("- ")
            .to_owned()
    }

    #[test]
    fn parallel_section_aligns_sentence_by_sentence() {
        let got = pairs(EN, FR);
        assert_eq!(got.len(), 8);
        assert_eq!(got[0], (line(EN, 0), line(FR, 0)));
        assert!(got[1].0.starts_with("Provide advice") && got[1].1.starts_with("Fournit des avis"));
        assert!(got[2].0.starts_with("Contribute") && got[2].1.starts_with("Participe"));
        assert_eq!(got[6], (line(EN, 5), line(FR, 5)));
        assert_eq!(got[7], (line(EN, 6), line(FR, 6)));
    }

    #[test]
    fn missing_paragraph_leaves_the_rest_aligned() {
        let fr_without_bullet: String = FR
            .lines()
            .enumerate()
            .filter(|(n, _)| *n != 4)
            .map(|(_, l)| l)
            .collect::<Vec<_>>()
            .join("\n");
        let got = pairs(EN, &fr_without_bullet);
        assert!(
            got.iter().all(|(en, _)| !en.starts_with("possess")),
            "{got:?}"
        );
        assert!(got.contains(&(line(EN, 5), line(FR, 5))), "{got:?}");
        assert!(got.contains(&(line(EN, 6), line(FR, 6))), "{got:?}");
        assert!(got.contains(&(line(EN, 3), line(FR, 3))), "{got:?}");
    }

    #[test]
    fn two_to_one_and_one_to_two_merge() {
        let en = "The Division leads the work. It also coordinates partners.\nApply online before 15 March 2024 at 23:59.";
        let fr = "La Division dirige les travaux et coordonne les partenaires.\n\
            Les candidatures doivent être envoyées en ligne. La date limite est le 15 mars 2024 à 23:59.";
        let got = pairs(en, fr);
        assert_eq!(
            got,
            vec![
                (
                    "The Division leads the work. It also coordinates partners.".to_owned(),
                    "La Division dirige les travaux et coordonne les partenaires.".to_owned()
                ),
                (
                    "Apply online before 15 March 2024 at 23:59.".to_owned(),
                    "Les candidatures doivent être envoyées en ligne. La date limite est le 15 mars 2024 à 23:59."
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn garbage_pairing_gets_lower_confidence_than_a_translation() {
        let aligner = Aligner::default();
        let translation = aligner.align_sections(&[(
            "Build a network of contacts within NATO and with other international organisations.",
            "Développe un réseau de contacts au sein de l'OTAN et avec d'autres organisations internationales.",
        )]);
        let garbage = aligner.align_sections(&[(
            "Build a network of contacts within NATO and with other international organisations.",
            "La durée de service maximale prévue à ce poste est de six ans, sans dérogation possible.",
        )]);
        let confidence =
            |result: &[Vec<SegmentPair>]| result[0].first().map_or(0.0, |p| p.confidence);
        // Alone in its section, a paragraph pair is held in place by its boundaries, and
        // in the development gold such pairs are nearly always translations: the garbage
        // pair is less likely, not unlikely.
        assert!(confidence(&translation) > 0.9, "{translation:?}");
        assert!(
            confidence(&garbage) < confidence(&translation) - 0.15,
            "{garbage:?}"
        );
    }

    #[test]
    fn giant_texts_get_one_pass() {
        let aligner = Aligner::default();
        assert!(aligner.realigns(600));
        assert!(aligner.realigns(REALIGN_MAX_SEGMENTS));
        assert!(!aligner.realigns(REALIGN_MAX_SEGMENTS + 1));
        let one_pass = Aligner {
            realign: false,
            ..Aligner::default()
        };
        assert!(!one_pass.realigns(600));
    }

    #[test]
    fn a_long_missing_block_does_not_derail_a_long_text() {
        let sentence = |side: &str, n: usize| match side {
            "en" => format!("Report number {n} covers the defence budget."),
            _ => format!("Le rapport numéro {n} porte sur le budget de la défense."),
        };
        let text = |side: &str, skip: Range<usize>| -> String {
            (0..400)
                .filter(|n| !skip.contains(n))
                .map(|n| sentence(side, n))
                .collect::<Vec<_>>()
                .join("\n")
        };
        // Thirty sentences missing in French, in the middle of a text longer than the band.
        let got = pairs(&text("en", 0..0), &text("fr", 200..230));
        assert_eq!(got.len(), 370, "{:?}", &got[195..205]);
        for n in (0..200).chain(230..400) {
            assert!(
                got.contains(&(sentence("en", n), sentence("fr", n))),
                "sentence {n} is not linked to its translation"
            );
        }
    }

    #[test]
    fn short_paragraphs_become_one_pair_for_sections() {
        let en = "Travel may be required. The post holder works in Brussels.";
        let fr = "Des déplacements peuvent être demandés. La/le titulaire travaille à Bruxelles.";
        assert_eq!(align_section(en, fr).len(), 1);
        assert_eq!(Aligner::default().align_sections(&[(en, fr)])[0].len(), 2);
    }

    #[test]
    fn paragraphs_over_the_bound_give_sentence_pairs() {
        let en_sentence = "The post holder travels to Brussels and Mons for meetings in 2026. ";
        let fr_sentence =
            "La/le titulaire se rend à Bruxelles et à Mons pour des réunions en 2026. ";
        let times = SECTION_SHORT_PARAGRAPH_CHARS / en_sentence.len();
        let (en, fr) = (en_sentence.repeat(times), fr_sentence.repeat(times));
        assert!(en.len() <= SECTION_SHORT_PARAGRAPH_CHARS);
        assert_eq!(align_section(&en, &fr).len(), 1, "one paragraph, one pair");
        let (en, fr) = (en_sentence.repeat(times + 2), fr_sentence.repeat(times + 2));
        assert_eq!(
            align_section(&en, &fr).len(),
            times + 2,
            "a pair per sentence"
        );
    }

    #[test]
    fn presplit_texts_keep_line_numbers() {
        let alignment = Aligner::default().align_texts(
            "NATO was founded in 1949.\n\nIts headquarters are in Brussels.",
            "L'OTAN a été fondée en 1949.\n\nSon siège est à Bruxelles.",
            Layout::Presplit,
        );
        let lines: Vec<(usize, usize)> = alignment
            .links
            .iter()
            .map(|l| (alignment.en[l.en.start].line, alignment.fr[l.fr.start].line))
            .collect();
        assert_eq!(lines, vec![(0, 0), (2, 2)]);
    }

    #[test]
    fn empty_sides_give_no_pairs() {
        assert!(align_section("", "Du texte.").is_empty());
        assert!(align_section("Some text.", "").is_empty());
    }
}
