//! Text in a third language: neither English nor French.
//!
//! A German paragraph between the English and the French of a notice, a Dutch note at its
//! end: such text must not join an English or French run. It is found at the level of
//! stretches of lines, never from a short line alone (whatlang takes "Salary" for Turkmen):
//! lines of some length that are not plainly English or French and that whatlang, over all
//! its languages, gives to one other language are grouped with the blank and short lines between them, and the stretch is kept only when
//! it is long enough and whatlang, reading it whole, is sure of that language.

use whatlang::{Detector, Lang as WLang};

use crate::evidence::LineReading;

/// A stretch of lines in a language other than English and French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherRun {
    /// ISO 639-1 code of the language (`und` when whatlang names one this crate has no code
    /// for).
    pub code: String,
    /// Index of the first line.
    pub start: usize,
    /// Index one past the last line.
    pub end: usize,
    /// Number of words in the run.
    pub words: usize,
}

/// Lines with fewer words than this say nothing about a third language on their own (a
/// heading, a label); chosen from whatlang's misreadings of one- to four-word notice lines.
const MIN_LINE_WORDS: usize = 5;
/// A stretch needs this many words…
const MIN_RUN_WORDS: usize = 12;
/// …and whatlang, reading it whole, this confidence in its language (or its own
/// `is_reliable`). A 13-word German or Dutch sentence reads at 0.35–0.5 alone; a paragraph
/// well above.
const MIN_RUN_CONFIDENCE: f64 = 0.5;
/// English and French prose carries function words of its language ("the", "of", "de",
/// "la"): a line whose margin of one language's function words over the other's is at
/// least this share of its words is English or French, and whatlang is not asked about
/// other languages (which costs some twenty times the English/French question). Measured on
/// the development notices, prose lines of either language sit above 0.25; German, Dutch,
/// Italian, Spanish and Portuguese lines below 0.2.
const CLEAR_MARGIN: f64 = 0.3;
/// whatlang choosing between English and French only is this sure of real English or French
/// prose, and of a few other languages' lines too; together with some function words of the
/// language it names, it settles the line.
const CLEAR_CONFIDENCE: f64 = 0.9;
const SOME_MARGIN: f64 = 0.1;
/// whatlang reads at most this many bytes of a line, and of a stretch: its cost grows with
/// the text while a few sentences already tell the language.
pub(crate) const MAX_LINE_SAMPLE: usize = 200;
const MAX_RUN_SAMPLE: usize = 1_000;
/// Languages whatlang names for Latinate English or French (technical prose reads to it as
/// Latin: "continuous integration pipelines, monitoring capabilities…" at 0.98) and that no
/// administration writes its documents in.
const NOT_WRITTEN_HERE: &[WLang] = &[WLang::Lat, WLang::Epo];
/// A stretch of one line needs this many words (two lines or more need [`MIN_RUN_WORDS`]).
const MIN_SINGLE_LINE_WORDS: usize = 20;
/// Lists of names ("Peter Buk, Shreya Chopra, Søren Knudsen…") look foreign to whatlang: a
/// stretch whose words are capitalised beyond this share is not prose. German, which
/// capitalises its nouns, runs at 0.3–0.4.
const MAX_CAPITALISED_SHARE: f64 = 0.6;
/// Short lines (headings) between or just before lines of a stretch join it when they carry
/// at most this many words.
const MAX_SHORT_LINE_WORDS: usize = 8;

/// The stretches of `lines` in a language other than English and French. `words[i]` is the
/// word count of line `i`.
pub fn other_runs(lines: &[&str], words: &[usize], readings: &[LineReading]) -> Vec<OtherRun> {
    let detector = Detector::new();
    let candidate: Vec<Option<WLang>> = lines
        .iter()
        .zip(words)
        .zip(readings)
        .map(|((line, &n), reading)| {
            if n < MIN_LINE_WORDS || is_clearly_english_or_french(reading) {
                return None;
            }
            let info = detector.detect(sample(line, MAX_LINE_SAMPLE))?;
            let other = !matches!(info.lang(), WLang::Eng | WLang::Fra)
                && !NOT_WRITTEN_HERE.contains(&info.lang());
            // Any confidence will do for one line ("Deze vacature wordt ook in het Nederlands
            // gepubliceerd" reads as Dutch at 0.05): the stretch must convince as a whole.
            other.then_some(info.lang())
        })
        .collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(lang) = candidate[i] else {
            i += 1;
            continue;
        };
        // Extend over lines of the same language, blank lines and short lines that lie
        // between two of its lines.
        let mut end = i + 1;
        let mut scan = i + 1;
        while scan < lines.len() {
            match candidate[scan] {
                Some(l) if l == lang => {
                    scan += 1;
                    end = scan;
                }
                None if words[scan] <= MAX_SHORT_LINE_WORDS => scan += 1,
                _ => break,
            }
        }
        let (first, end) = extend(lines, words, i, end, lang, &detector);
        let start = short_lines_before(first, words, &candidate);
        if let Some(run) = confirmed(lines, words, start, end, lang, &detector) {
            runs.push(run);
        }
        i = end.max(i + 1);
    }
    runs
}

/// Whether a line reads as English or French beyond doubt: many function words of one of
/// them, or whatlang sure of its English/French choice while the function words do not
/// contradict it.
fn is_clearly_english_or_french(reading: &LineReading) -> bool {
    let counts = reading.function_words;
    let margin = counts.english.abs_diff(counts.french) as f64 / counts.alphabetic.max(1) as f64;
    margin >= CLEAR_MARGIN
        || (reading.english_french_confidence >= CLEAR_CONFIDENCE && margin >= SOME_MARGIN)
}

/// The start of `text`, at most `max` bytes, cut at a character boundary.
pub(crate) fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Widens the stretch `first..end` to the lines of some length on either side that whatlang,
/// asked about each, gives to the same language with [`MIN_RUN_CONFIDENCE`]: Spanish or
/// Portuguese lines share enough function words with French ("de", "en", "se") to pass for
/// French by their words alone. Only lines next to a stretch are asked, so the cost stays
/// with the stretches.
fn extend(
    lines: &[&str],
    words: &[usize],
    mut first: usize,
    mut end: usize,
    lang: WLang,
    detector: &Detector,
) -> (usize, usize) {
    let same = |i: usize| {
        words[i] >= MIN_LINE_WORDS
            && detector
                .detect(sample(lines[i], MAX_LINE_SAMPLE))
                .is_some_and(|info| info.lang() == lang && info.confidence() >= MIN_RUN_CONFIDENCE)
    };
    let next_with_words = |from: usize| (from..lines.len()).find(|&j| words[j] > 0);
    while let Some(j) = next_with_words(end) {
        if !same(j) {
            break;
        }
        end = j + 1;
    }
    while let Some(j) = (0..first).rev().find(|&j| words[j] > 0) {
        if !same(j) {
            break;
        }
        first = j;
    }
    (first, end)
}

/// The first line of a stretch starting at `first`, taking in a short line (a heading)
/// right above it, blank lines allowed between.
fn short_lines_before(first: usize, words: &[usize], candidate: &[Option<WLang>]) -> usize {
    let mut start = first;
    let mut k = first;
    while k > 0 {
        k -= 1;
        if words[k] == 0 {
            continue;
        }
        if words[k] <= MAX_SHORT_LINE_WORDS && candidate[k].is_none() {
            // Only the one heading-like line right above; whatever is above it stays.
            let above = (0..k).rev().find(|&j| words[j] > 0);
            let isolated = above.is_none_or(|j| words[j] > MAX_SHORT_LINE_WORDS || j + 1 < k);
            if isolated {
                start = k;
            }
        }
        break;
    }
    start
}

fn confirmed(
    lines: &[&str],
    words: &[usize],
    start: usize,
    end: usize,
    lang: WLang,
    detector: &Detector,
) -> Option<OtherRun> {
    let total: usize = words[start..end].iter().sum();
    let long_lines = words[start..end]
        .iter()
        .filter(|&&n| n >= MIN_LINE_WORDS)
        .count();
    let enough = if long_lines >= 2 {
        total >= MIN_RUN_WORDS
    } else {
        total >= MIN_SINGLE_LINE_WORDS
    };
    if !enough {
        return None;
    }
    let text = lines[start..end].join("\n");
    let capitalised = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if capitalised as f64 > MAX_CAPITALISED_SHARE * total as f64 {
        return None;
    }
    let info = detector.detect(sample(&text, MAX_RUN_SAMPLE))?;
    let sure = info.is_reliable() || info.confidence() >= MIN_RUN_CONFIDENCE;
    (info.lang() == lang && sure).then(|| OtherRun {
        code: iso_639_1(lang).to_owned(),
        start,
        end,
        words: total,
    })
}

/// The ISO 639-1 code of a whatlang language; `und` for those without one.
fn iso_639_1(lang: WLang) -> &'static str {
    const CODES: &[(WLang, &str)] = &[
        (WLang::Afr, "af"),
        (WLang::Aka, "ak"),
        (WLang::Amh, "am"),
        (WLang::Ara, "ar"),
        (WLang::Aze, "az"),
        (WLang::Bel, "be"),
        (WLang::Ben, "bn"),
        (WLang::Bul, "bg"),
        (WLang::Cat, "ca"),
        (WLang::Ces, "cs"),
        (WLang::Cmn, "zh"),
        (WLang::Cym, "cy"),
        (WLang::Dan, "da"),
        (WLang::Deu, "de"),
        (WLang::Ell, "el"),
        (WLang::Eng, "en"),
        (WLang::Epo, "eo"),
        (WLang::Est, "et"),
        (WLang::Fin, "fi"),
        (WLang::Fra, "fr"),
        (WLang::Guj, "gu"),
        (WLang::Heb, "he"),
        (WLang::Hin, "hi"),
        (WLang::Hrv, "hr"),
        (WLang::Hun, "hu"),
        (WLang::Hye, "hy"),
        (WLang::Ind, "id"),
        (WLang::Ita, "it"),
        (WLang::Jav, "jv"),
        (WLang::Jpn, "ja"),
        (WLang::Kan, "kn"),
        (WLang::Kat, "ka"),
        (WLang::Khm, "km"),
        (WLang::Kor, "ko"),
        (WLang::Lat, "la"),
        (WLang::Lav, "lv"),
        (WLang::Lit, "lt"),
        (WLang::Mal, "ml"),
        (WLang::Mar, "mr"),
        (WLang::Mkd, "mk"),
        (WLang::Mya, "my"),
        (WLang::Nep, "ne"),
        (WLang::Nld, "nl"),
        (WLang::Nob, "nb"),
        (WLang::Ori, "or"),
        (WLang::Pan, "pa"),
        (WLang::Pes, "fa"),
        (WLang::Pol, "pl"),
        (WLang::Por, "pt"),
        (WLang::Ron, "ro"),
        (WLang::Rus, "ru"),
        (WLang::Sin, "si"),
        (WLang::Slk, "sk"),
        (WLang::Slv, "sl"),
        (WLang::Sna, "sn"),
        (WLang::Spa, "es"),
        (WLang::Srp, "sr"),
        (WLang::Swe, "sv"),
        (WLang::Tam, "ta"),
        (WLang::Tel, "te"),
        (WLang::Tgl, "tl"),
        (WLang::Tha, "th"),
        (WLang::Tuk, "tk"),
        (WLang::Tur, "tr"),
        (WLang::Ukr, "uk"),
        (WLang::Urd, "ur"),
        (WLang::Uzb, "uz"),
        (WLang::Vie, "vi"),
        (WLang::Yid, "yi"),
        (WLang::Zul, "zu"),
    ];
    CODES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("und", |(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(text: &str) -> Vec<(String, usize, usize)> {
        let lines: Vec<&str> = text.split('\n').collect();
        let words: Vec<usize> = lines.iter().map(|l| l.split_whitespace().count()).collect();
        let readings: Vec<LineReading> = lines.iter().map(|l| crate::read_line(l)).collect();
        other_runs(&lines, &words, &readings)
            .into_iter()
            .map(|r| (r.code, r.start, r.end))
            .collect()
    }

    #[test]
    fn a_german_paragraph_with_its_heading_is_a_run() {
        let text = "The post is based in Brussels and covers the coordination of the projects.\n\n\
                    Stellenbeschreibung\n\n\
                    Die Stelle ist in Brüssel angesiedelt und umfasst die Koordinierung der Projekte.\n\
                    Bewerbungen sind bis zum 15. März einzureichen und werden vertraulich behandelt.\n\n\
                    Le poste est basé à Bruxelles et couvre la coordination des projets.";
        assert_eq!(runs_of(text), [("de".to_owned(), 2, 6)]);
    }

    #[test]
    fn short_lines_alone_never_make_a_run() {
        assert!(runs_of("Salary\nLanguages\nContract\nDesirable\nFormation").is_empty());
        assert!(runs_of("Kubernetes, Terraform, AWS, GitHub Actions, Docker").is_empty());
    }

    #[test]
    fn latinate_technical_english_and_lists_of_names_stay_english() {
        let bullet = "- Identify inefficiencies and bottlenecks inside our continuous integration / \
                      continuous deployment pipelines, monitoring capabilities, and cloud infrastructure.";
        assert!(runs_of(bullet).is_empty());
        let names = "Design: Anna Kowalczyk, Pieter de Vries, Søren Madsen, Ingrid Halvorsen, \
                     Matteo Rossi, Lucía Fernández, Joana Sousa, Dieter Braun, Eva Novak and Liam Byrne.";
        assert!(runs_of(names).is_empty());
    }

    #[test]
    fn english_and_french_are_not_other_languages() {
        let text = "We are looking for someone who loves to learn new things every day.\n\
                    Nous recherchons une personne qui aime apprendre de nouvelles choses chaque jour.";
        assert!(runs_of(text).is_empty());
    }

    /// A paragraph of three sentences in each of five languages, of this crate's own writing.
    pub(crate) const PARAGRAPHS: [(&str, &str); 5] = [
        (
            "de",
            "Die Stelle ist in Brüssel angesiedelt und umfasst die Koordinierung der Projekte.\n\
             Bewerbungen sind bis zum 15. März einzureichen und werden vertraulich behandelt.\n\
             Wir freuen uns auf Ihre Bewerbung und bieten eine spannende Tätigkeit im Team.",
        ),
        (
            "nl",
            "De functie is gevestigd in Brussel en omvat de coördinatie van de projecten.\n\
             Sollicitaties moeten uiterlijk 15 maart worden ingediend bij de afdeling personeel.\n\
             Wij kijken uit naar uw sollicitatie en bieden een uitdagende baan in een klein team.",
        ),
        (
            "it",
            "Il posto ha sede a Bruxelles e comprende il coordinamento dei progetti europei.\n\
             Le candidature devono essere presentate entro il 15 marzo tramite il sito web.\n\
             Offriamo un lavoro stimolante in una squadra giovane e dinamica con molte sfide.",
        ),
        (
            "es",
            "El puesto tiene su sede en Bruselas e incluye la coordinación de los proyectos.\n\
             Las solicitudes deben presentarse antes del 15 de marzo a través del sitio web.\n\
             Ofrecemos un trabajo estimulante en un equipo joven y dinámico con muchos retos.",
        ),
        (
            "pt",
            "O cargo está sediado em Bruxelas e inclui a coordenação dos projetos europeus.\n\
             As candidaturas devem ser apresentadas até 15 de março através do sítio web.\n\
             Oferecemos um trabalho estimulante numa equipa jovem e dinâmica com muitos desafios.",
        ),
    ];

    #[test]
    fn paragraphs_in_five_languages_are_found_with_their_codes() {
        for (code, paragraph) in PARAGRAPHS {
            let text = format!(
                "The post is based in Brussels and covers the coordination of all the projects of the unit.\n\n\
                 {paragraph}\n\n\
                 Le poste est basé à Bruxelles et couvre la coordination de tous les projets de l'unité."
            );
            assert_eq!(runs_of(&text), [(code.to_owned(), 2, 5)], "{code}");
        }
    }

    #[test]
    fn every_whatlang_language_has_a_code() {
        assert_eq!(iso_639_1(WLang::Nld), "nl");
        assert_eq!(iso_639_1(WLang::Por), "pt");
    }
}
