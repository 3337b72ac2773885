//! Lang: which parts of a text are English and which are French.
//!
//! Entry point: [`split`], which labels every line of a text with a language and groups the
//! lines into [`Run`]s, returning a [`LanguageSplit`] that knows which languages hold
//! substantial text (and so whether the document is bilingual).
//!
//! Languages are decided by runs, not by lines. Each line gets a score (French positive,
//! English negative) from function words, French typography (a space before `: ; ! ?`,
//! guillemets), accented letters and whatlang restricted to English and French; short
//! lines carry little weight. A two-state Viterbi pass with a price on every change of
//! language then labels the lines, so that headings and field labels ("Grade G20") follow
//! their context and a stray line of the other language does not start a run of its own.
//!
//! This crate does not find sections or read fields.

mod evidence;
mod other;
mod version_notes;

use model::{Block, Kind, Lang};

use evidence::{LineReading, read_line};
pub use evidence::{line_evidence, segment_evidence};
pub use other::OtherRun;
pub use version_notes::is_version_note;

/// Cost of switching language between two lines, in evidence units. A change of language
/// must be backed by more evidence than this on the new side.
const SWITCH_COST: f64 = 12.0;
/// A run shorter than this (in words) cannot stand on its own: it joins its neighbours.
const MIN_RUN_WORDS: usize = 40;
/// A language is substantial when it holds at least this many words…
const MIN_LANGUAGE_WORDS: usize = 20;
/// …and at least this share of all words.
const MIN_LANGUAGE_SHARE: f64 = 0.12;
/// Lines of at most this many words are labels or headings…
const SHORT_LINE_WORDS: usize = 8;
/// …and lean towards the line they introduce by this share of its evidence…
const LOOKAHEAD_SHARE: f64 = 0.5;
/// …capped at this much.
const MAX_LOOKAHEAD: f64 = 4.0;

/// A maximal stretch of lines in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The run's language.
    pub lang: Lang,
    /// Index of the first line (in `text.split('\n')`).
    pub start: usize,
    /// Index one past the last line.
    pub end: usize,
    /// Number of words in the run.
    pub words: usize,
}

/// The language structure of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageSplit {
    /// The English and French runs in text order; with `others` and `version_notes`, they
    /// cover every line.
    pub runs: Vec<Run>,
    /// The languages with substantial text, English first.
    pub languages: Vec<Lang>,
    /// Stretches of text in other languages, in text order: never part of a run.
    pub others: Vec<OtherRun>,
    /// Lines that only say where the other language's version is ("La version française
    /// suit."), in text order: never part of a run (see [`is_version_note`]).
    pub version_notes: Vec<usize>,
}

impl LanguageSplit {
    /// Bilingual, monolingual or empty.
    pub fn kind(&self) -> Kind {
        match self.languages.len() {
            0 => Kind::Empty,
            1 => Kind::Monolingual,
            _ => Kind::Bilingual,
        }
    }

    /// The lines of `text` in the given language, runs concatenated in order (a blank line
    /// between two runs).
    ///
    /// `text` must be the text the split was computed from.
    pub fn text_of(&self, text: &str, lang: Lang) -> String {
        self.view(text, &[], lang).0
    }

    /// The text of one language, as [`text_of`](Self::text_of), with the blocks that fall in
    /// its runs re-indexed to its lines; a block that straddles two runs is cut at the edge.
    pub fn view(&self, text: &str, blocks: &[Block], lang: Lang) -> (String, Vec<Block>) {
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out: Vec<&str> = Vec::new();
        let mut out_blocks = Vec::new();
        let mut next_block = 0;
        for run in self.runs.iter().filter(|r| r.lang == lang) {
            if !out.is_empty() {
                out.push("");
            }
            let offset = out.len();
            out.extend_from_slice(&lines[run.start..run.end]);
            while next_block < blocks.len() && blocks[next_block].end() <= run.start {
                next_block += 1;
            }
            for block in blocks[next_block..].iter().take_while(|b| b.line < run.end) {
                let start = block.line.max(run.start);
                let end = block.end().min(run.end);
                out_blocks.push(Block {
                    line: start - run.start + offset,
                    lines: end - start,
                    ..block.clone()
                });
            }
        }
        (out.join("\n"), out_blocks)
    }
}

/// Splits a text into language runs.
pub fn split(text: &str) -> LanguageSplit {
    let lines: Vec<&str> = text.split('\n').collect();
    let words: Vec<usize> = lines.iter().map(|l| word_count(l)).collect();
    let readings: Vec<LineReading> = lines.iter().map(|l| read_line(l)).collect();
    let others = other::other_runs(&lines, &words, &readings);
    let version_notes: Vec<usize> = (0..lines.len())
        .filter(|&i| is_version_note(lines[i]))
        .collect();
    let mut set_aside = vec![false; lines.len()];
    for run in &others {
        set_aside[run.start..run.end].fill(true);
    }
    for &line in &version_notes {
        set_aside[line] = true;
    }
    // Text in another language, and notes about the versions, are neutral for English and
    // French, and cut their runs.
    let evidence: Vec<f64> = readings
        .iter()
        .zip(&set_aside)
        .map(|(r, &aside)| if aside { 0.0 } else { r.score })
        .collect();
    let labels = viterbi(&lean_forward(&evidence, &words));
    let stretches = stretches_outside(&set_aside);
    let runs: Vec<Run> = stretches
        .iter()
        .flat_map(|&(start, end)| {
            absorb_short_runs(group_runs(&labels[start..end], &words[start..end]))
                .into_iter()
                .map(move |run| Run {
                    start: run.start + start,
                    end: run.end + start,
                    ..run
                })
        })
        .collect();
    let total: usize = runs.iter().map(|r| r.words).sum();
    let words_in = |lang: Lang| -> usize {
        runs.iter()
            .filter(|r| r.lang == lang)
            .map(|r| r.words)
            .sum()
    };
    let mut languages: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|&lang| {
            let n = words_in(lang);
            n >= MIN_LANGUAGE_WORDS && n as f64 >= MIN_LANGUAGE_SHARE * total as f64
        })
        .collect();
    if languages.is_empty() && total > 0 {
        // A short text: too little for two languages, but it has one.
        languages = Lang::ALL
            .into_iter()
            .max_by_key(|&lang| words_in(lang))
            .into_iter()
            .collect();
    }
    let runs = match languages.as_slice() {
        // One language only: the odd lines of the other belong to the document all the same.
        [only] => stretches
            .iter()
            .map(|&(start, end)| Run {
                lang: *only,
                start,
                end,
                words: words[start..end].iter().sum(),
            })
            .collect(),
        _ => runs,
    };
    LanguageSplit {
        runs,
        languages,
        others,
        version_notes,
    }
}

/// The maximal stretches `(start, end)` of lines not set aside.
fn stretches_outside(set_aside: &[bool]) -> Vec<(usize, usize)> {
    let mut stretches = Vec::new();
    let mut start = None;
    for (i, &aside) in set_aside.iter().chain([&true]).enumerate() {
        match (aside, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                stretches.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    stretches
}

/// Short lines with words (headings, field labels) take part of the evidence of the next
/// non-blank line, because they introduce it: "6. CONTRACT" belongs with the English text
/// under it even where the heading alone looks French. Lines without words (URLs, numbers)
/// are left neutral and stay with the text before them.
fn lean_forward(scores: &[f64], words: &[usize]) -> Vec<f64> {
    let mut out = scores.to_vec();
    let mut next_evidence = 0.0;
    for i in (0..scores.len()).rev() {
        if words[i] == 0 {
            continue;
        }
        if words[i] <= SHORT_LINE_WORDS {
            out[i] += (LOOKAHEAD_SHARE * next_evidence).clamp(-MAX_LOOKAHEAD, MAX_LOOKAHEAD);
        }
        next_evidence = scores[i];
    }
    out
}

fn word_count(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// Labels each line with the language that minimises total cost, where a line costs its
/// evidence against the label and every change of label costs [`SWITCH_COST`].
///
/// On ties the change is placed as late as possible, so that neutral lines (URLs, numbers)
/// stay with the text before them.
fn viterbi(scores: &[f64]) -> Vec<Lang> {
    if scores.is_empty() {
        return Vec::new();
    }
    let emit = |s: f64, lang: Lang| match lang {
        Lang::En => s.max(0.0),
        Lang::Fr => (-s).max(0.0),
    };
    let idx = |lang: Lang| lang as usize;
    let mut cost = [emit(scores[0], Lang::En), emit(scores[0], Lang::Fr)];
    let mut back: Vec<[Lang; 2]> = Vec::with_capacity(scores.len());
    back.push([Lang::En, Lang::Fr]);
    for &s in &scores[1..] {
        let mut next = [0.0; 2];
        let mut from = [Lang::En; 2];
        for lang in Lang::ALL {
            let stay = cost[idx(lang)];
            let switch = cost[idx(lang.other())] + SWITCH_COST;
            let (c, f) = if switch <= stay {
                (switch, lang.other())
            } else {
                (stay, lang)
            };
            next[idx(lang)] = c + emit(s, lang);
            from[idx(lang)] = f;
        }
        cost = next;
        back.push(from);
    }
    let mut lang = if cost[idx(Lang::Fr)] < cost[idx(Lang::En)] {
        Lang::Fr
    } else {
        Lang::En
    };
    let mut labels = vec![lang; scores.len()];
    for i in (1..scores.len()).rev() {
        labels[i] = lang;
        lang = back[i][idx(lang)];
    }
    labels[0] = lang;
    labels
}

fn group_runs(labels: &[Lang], words: &[usize]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, (&lang, &n)) in labels.iter().zip(words).enumerate() {
        match runs.last_mut() {
            Some(run) if run.lang == lang => {
                run.end = i + 1;
                run.words += n;
            }
            _ => runs.push(Run {
                lang,
                start: i,
                end: i + 1,
                words: n,
            }),
        }
    }
    runs
}

/// Gives every run too short to stand alone to the larger of its neighbours, then merges
/// neighbours of one language.
fn absorb_short_runs(mut runs: Vec<Run>) -> Vec<Run> {
    while runs.len() > 1 {
        let Some((i, _)) = runs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.words < MIN_RUN_WORDS)
            .min_by_key(|(_, r)| r.words)
        else {
            break;
        };
        let neighbour = match (i.checked_sub(1), runs.get(i + 1)) {
            (Some(p), Some(n)) if n.words > runs[p].words => i + 1,
            (Some(p), _) => p,
            (None, _) => i + 1,
        };
        runs[i].lang = runs[neighbour].lang;
        runs = merge_adjacent(runs);
    }
    runs
}

fn merge_adjacent(runs: Vec<Run>) -> Vec<Run> {
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match merged.last_mut() {
            Some(last) if last.lang == run.lang => {
                last.end = run.end;
                last.words += run.words;
            }
            _ => merged.push(run),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_announcing_the_french_version_belongs_to_neither_language() {
        let en = "The committee met on Monday and agreed on the budget for the coming year.";
        let fr = "Le comité s'est réuni lundi et a approuvé le budget de l'année à venir.";
        let text = format!(
            "La version française suit.\n\n{en}\n{en}\n{en}\n{en}\n\n{fr}\n{fr}\n{fr}\n{fr}"
        );
        let split = split(&text);
        assert_eq!(split.languages, [Lang::En, Lang::Fr]);
        assert_eq!(split.version_notes, [0]);
        for lang in Lang::ALL {
            assert!(!split.text_of(&text, lang).contains("suit"), "{lang:?}");
        }
    }

    #[test]
    fn a_view_reindexes_the_blocks_of_its_language() {
        let en = "The committee met on Monday and agreed on the budget for the coming year.";
        let fr = "Le comité s'est réuni lundi et a approuvé le budget de l'année à venir.";
        let text = format!("{en}\n{en}\n{en}\n{en}\n\n{fr}\n{fr}\n{fr}\n{fr}");
        let text = text.as_str();
        let block = |line: usize, lines: usize| Block {
            kind: model::BlockKind::Paragraph,
            line,
            lines,
            page: None,
        };
        let split = split(text);
        assert_eq!(split.languages, [Lang::En, Lang::Fr]);
        let (french, blocks) = split.view(text, &[block(0, 4), block(5, 4)], Lang::Fr);
        assert_eq!(french, split.text_of(text, Lang::Fr));
        let lines: Vec<&str> = french.split('\n').collect();
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].text(&lines).starts_with("Le comité"));
    }

    const EN: &str = "The incumbent is responsible for the provision and coordination of advice on general questions of defence policy.\n\
        The Section maintains an awareness of major security and defence developments on the international scene.\n\
        It also engages with Allies and Partners on defence policy issues on a regular basis, and prepares papers for the Council.\n\
        Grade NATO Grade G20\n\
        Applications must be submitted using the e-recruitment system, as applicable to the position.";
    const FR: &str = "La personne titulaire du poste est chargée de formuler et de coordonner des avis sur des questions d'ordre général.\n\
        Elle se tient informée des principaux développements en matière de sécurité et de défense sur la scène internationale.\n\
        Elle a par ailleurs des échanges réguliers avec les Alliés et les partenaires sur ce type de questions.\n\
        Grade NATO Grade G20\n\
        Les candidatures doivent être soumises au moyen du système de recrutement en ligne, comme suit :";

    #[test]
    fn english_then_french_is_bilingual_with_the_boundary_in_place() {
        let text = format!("{EN}\n\n{FR}");
        let split = split(&text);
        assert_eq!(split.kind(), Kind::Bilingual);
        assert_eq!(split.runs.len(), 2);
        assert_eq!(split.runs[0].lang, Lang::En);
        assert_eq!(
            split.runs[1].start, 6,
            "the French run starts at the first French line"
        );
        assert!(split.text_of(&text, Lang::Fr).starts_with("La personne"));
        assert!(
            split
                .text_of(&text, Lang::En)
                .contains("Grade NATO Grade G20")
        );
    }

    #[test]
    fn french_may_come_first() {
        let text = format!("{FR}\n{EN}");
        let split = split(&text);
        assert_eq!(split.kind(), Kind::Bilingual);
        assert_eq!(split.runs[0].lang, Lang::Fr);
        assert_eq!(
            split.runs[0].end, 5,
            "the ambiguous field line stays with its French context"
        );
    }

    #[test]
    fn a_few_french_boilerplate_lines_do_not_make_a_document_bilingual() {
        let text = format!(
            "Activez les alertes d’offres d’emploi par e-mail !\nGénérez un CV personnalisé en quelques minutes\n{EN}\n{EN}"
        );
        let split = split(&text);
        assert_eq!(split.kind(), Kind::Monolingual);
        assert_eq!(split.languages, vec![Lang::En]);
        assert_eq!(split.text_of(&text, Lang::En), text, "nothing is lost");
    }

    #[test]
    fn a_stray_short_line_follows_its_context() {
        let text = format!("{EN}\nFormation\n{EN}");
        let split = split(&text);
        assert_eq!(split.runs.len(), 1);
        assert_eq!(split.runs[0].lang, Lang::En);
    }

    #[test]
    fn a_short_text_has_its_language() {
        let split = split("Horaire : Temps plein");
        assert_eq!(split.languages, vec![Lang::Fr]);
    }

    #[test]
    fn empty_text_is_empty() {
        assert_eq!(split("").kind(), Kind::Empty);
        assert_eq!(split("\n\n   \n").kind(), Kind::Empty);
    }
}
