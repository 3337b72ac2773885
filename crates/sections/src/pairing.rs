//! Pairing English sections with French ones.
//!
//! The two lists are aligned like two sequences (Needleman–Wunsch): order is kept, a
//! section may stay unpaired, and a pair is taken only when its score is positive. The score
//! adds evidence of structure (equal heading numbers, similar relative position) and of
//! content (a length ratio near that of translations, shared numbers, acronyms, URLs and
//! names); the confidence is a logistic function of it.
//!
//! The preamble (the text before the first heading) is paired like any section when it is
//! the whole body (neither language has headings) or when neither preamble is a header of
//! fields (a title and an opening paragraph). A preamble of a title and header fields (location, grade…) is a list
//! of fields rather than translated prose, compared field by field in metadata: it stays
//! one-sided.

use std::collections::BTreeSet;

use crate::RawSection;

/// One entry of the paired sequence: indices into the English and French section lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pairing {
    /// Index of the English section, if any.
    pub en: Option<usize>,
    /// Index of the French section, if any.
    pub fr: Option<usize>,
    /// How sure the pairing is, in [0, 1]; 0 for a section left alone.
    pub confidence: f64,
}

/// French text runs about this much longer than the English it translates.
const EXPECTED_LENGTH_RATIO: f64 = 1.15;
/// Tolerance of the log length ratio before the length evidence turns negative.
const LENGTH_TOLERANCE: f64 = 0.35;
/// Small sections vary more in length: this many characters are added to both sides.
const LENGTH_SMOOTHING: f64 = 40.0;
const SAME_NUMBER: f64 = 2.0;
const DIFFERENT_NUMBER: f64 = -4.0;
const ANCHOR_WEIGHT: f64 = 3.0;
const POSITION_WEIGHT: f64 = 4.0;
/// Score at which the confidence is one half.
const CONFIDENCE_MIDPOINT: f64 = 1.0;

/// Pairs the English and French sections of a document, in document order.
///
/// Every section appears in exactly one entry. Unpaired preambles come first (English,
/// then French), then the numbered sections in English order, a French section without a
/// counterpart placed after the pair before it.
pub fn pair(en: &[RawSection], fr: &[RawSection]) -> Vec<Pairing> {
    let has_headings = |s: &[RawSection]| s.iter().any(|x| !x.is_preamble());
    let bodies_only = !has_headings(en) && !has_headings(fr);
    let text_preamble = |s: &[RawSection]| {
        s.iter()
            .find(|x| x.is_preamble())
            .is_some_and(|x| !x.is_field_header())
    };
    let pair_preambles = bodies_only || (text_preamble(en) && text_preamble(fr));
    let pairable = |s: &RawSection| pair_preambles || !s.is_preamble();

    let mut out = Vec::with_capacity(en.len() + fr.len());
    if !pair_preambles {
        out.extend(
            en.iter()
                .position(RawSection::is_preamble)
                .map(|i| alone(Some(i), None)),
        );
        out.extend(
            fr.iter()
                .position(RawSection::is_preamble)
                .map(|j| alone(None, Some(j))),
        );
    }
    let en_idx: Vec<usize> = (0..en.len()).filter(|&i| pairable(&en[i])).collect();
    let fr_idx: Vec<usize> = (0..fr.len()).filter(|&j| pairable(&fr[j])).collect();
    let en_feats: Vec<Features> = en_idx.iter().map(|&i| Features::of(&en[i])).collect();
    let fr_feats: Vec<Features> = fr_idx.iter().map(|&j| Features::of(&fr[j])).collect();
    let score = |a: usize, b: usize| {
        let position = |k: usize, n: usize| (k as f64 + 0.5) / n as f64;
        let drift = (position(a, en_idx.len()) - position(b, fr_idx.len())).abs();
        en_feats[a].score_against(&fr_feats[b]) + POSITION_WEIGHT * (0.25 - drift)
    };
    for (a, b, s) in align_sequences(en_idx.len(), fr_idx.len(), score) {
        out.push(match (a, b) {
            (Some(a), Some(b)) => Pairing {
                en: Some(en_idx[a]),
                fr: Some(fr_idx[b]),
                confidence: logistic(s - CONFIDENCE_MIDPOINT),
            },
            (a, b) => alone(a.map(|a| en_idx[a]), b.map(|b| fr_idx[b])),
        });
    }
    out
}

fn alone(en: Option<usize>, fr: Option<usize>) -> Pairing {
    Pairing {
        en,
        fr,
        confidence: 0.0,
    }
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Order-keeping alignment of two sequences maximising the summed score of the pairs taken;
/// a pair is taken only with a positive score. Returns the path, with each pair's score.
fn align_sequences(
    n: usize,
    m: usize,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(Option<usize>, Option<usize>, f64)> {
    let mut total = vec![vec![0.0_f64; m + 1]; n + 1];
    let mut pair_score = vec![vec![f64::NEG_INFINITY; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let s = score(i - 1, j - 1);
            pair_score[i][j] = s;
            let diagonal = if s > 0.0 {
                total[i - 1][j - 1] + s
            } else {
                f64::NEG_INFINITY
            };
            total[i][j] = diagonal.max(total[i - 1][j]).max(total[i][j - 1]);
        }
    }
    let mut path = Vec::with_capacity(n + m);
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let s = if i > 0 && j > 0 {
            pair_score[i][j]
        } else {
            f64::NEG_INFINITY
        };
        if s > 0.0 && total[i][j] == total[i - 1][j - 1] + s {
            path.push((Some(i - 1), Some(j - 1), s));
            i -= 1;
            j -= 1;
        } else if j > 0 && (i == 0 || total[i][j] == total[i][j - 1]) {
            path.push((None, Some(j - 1), 0.0));
            j -= 1;
        } else {
            path.push((Some(i - 1), None, 0.0));
            i -= 1;
        }
    }
    path.reverse();
    path
}

/// What a section offers for comparison with a section of the other language.
struct Features {
    number: Option<u32>,
    chars: f64,
    anchors: BTreeSet<String>,
}

impl Features {
    fn of(section: &RawSection) -> Self {
        let heading = section.heading.as_deref().unwrap_or("");
        Features {
            number: section.number,
            chars: section.text.chars().count() as f64,
            anchors: anchors(heading).chain(anchors(&section.text)).collect(),
        }
    }

    fn score_against(&self, other: &Features) -> f64 {
        let number = match (self.number, other.number) {
            (Some(a), Some(b)) if a == b => SAME_NUMBER,
            (Some(_), Some(_)) => DIFFERENT_NUMBER,
            _ => 0.0,
        };
        let ratio = ((other.chars + LENGTH_SMOOTHING) / (self.chars + LENGTH_SMOOTHING)).ln()
            - EXPECTED_LENGTH_RATIO.ln();
        let length = (1.0 - (ratio / LENGTH_TOLERANCE).powi(2)).max(-3.0);
        let union = self.anchors.union(&other.anchors).count();
        let anchor = if union >= 2 {
            let shared = self.anchors.intersection(&other.anchors).count();
            let dice = 2.0 * shared as f64 / (self.anchors.len() + other.anchors.len()) as f64;
            ANCHOR_WEIGHT * dice - 1.0
        } else {
            0.0
        };
        number + length + anchor
    }
}

/// Tokens that survive translation unchanged: numbers, acronyms, URLs, e-mail addresses.
pub fn anchors(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '«' | '»' | '"'))
        .map(|t| {
            t.trim_matches(|c: char| {
                matches!(
                    c,
                    '.' | ',' | ';' | ':' | '\'' | '’' | '[' | ']' | '<' | '>' | '*'
                )
            })
        })
        .filter(|t| is_anchor(t))
        .map(str::to_owned)
}

fn is_anchor(token: &str) -> bool {
    if token.contains("://")
        || token.starts_with("www.")
        || (token.contains('@') && token.contains('.'))
    {
        return true;
    }
    let digits = token.chars().filter(char::is_ascii_digit).count();
    if digits > 0 {
        // Numbers, dates, amounts, and codes such as "G20".
        return token.chars().all(|c| {
            c.is_ascii_digit() || c.is_ascii_uppercase() || matches!(c, '.' | ',' | '/' | '-')
        });
    }
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && token
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && token.chars().all(|c| c.is_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(number: Option<u32>, heading: &str, text: &str) -> RawSection {
        RawSection {
            number,
            heading: number.map(|_| heading.to_owned()),
            text: text.to_owned(),
            // Preambles in these tests are headers of fields (title, location, grade…).
            fields: if number.is_none() { 3 } else { 0 },
        }
    }

    fn pairs(result: &[Pairing]) -> Vec<(Option<usize>, Option<usize>)> {
        result.iter().map(|p| (p.en, p.fr)).collect()
    }

    #[test]
    fn mirrored_sections_pair_one_to_one_with_high_confidence() {
        let en = [
            section(None, "", "Officer - 251836\nGrade G20"),
            section(
                Some(1),
                "SUMMARY",
                "The Defence Policy and Planning (DPP) Division leads on NATO's tasks.",
            ),
            section(
                Some(2),
                "CONTRACT",
                "A contract of three years, renewable for 3 years.",
            ),
        ];
        let fr = [
            section(None, "", "Administrateur - 251836\nGrade G20"),
            section(
                Some(1),
                "RÉSUMÉ",
                "La Division Politique et plans de défense (DPP) est responsable des tâches de l'OTAN.",
            ),
            section(
                Some(2),
                "CONTRAT",
                "Un contrat de trois ans, renouvelable pour 3 ans.",
            ),
        ];
        let result = pair(&en, &fr);
        assert_eq!(
            pairs(&result),
            vec![
                (Some(0), None),
                (None, Some(0)),
                (Some(1), Some(1)),
                (Some(2), Some(2))
            ]
        );
        assert!(result[2].confidence > 0.9, "{result:?}");
        assert_eq!(result[0].confidence, 0.0);
    }

    #[test]
    fn a_section_in_one_language_only_stays_unpaired() {
        let body = "Text of a section with DPP and 2025 in it, long enough to compare lengths.";
        let en = [
            section(Some(1), "SUMMARY", body),
            section(
                Some(2),
                "NOTE",
                "An English-only note about the Taleo system and the CV.",
            ),
            section(Some(3), "CONTRACT", body),
        ];
        let fr = [
            section(Some(1), "RÉSUMÉ", body),
            section(Some(3), "CONTRAT", body),
        ];
        let result = pair(&en, &fr);
        assert_eq!(
            pairs(&result),
            vec![(Some(0), Some(0)), (Some(1), None), (Some(2), Some(1))]
        );
        assert_eq!(result[1].confidence, 0.0);
    }

    #[test]
    fn sections_of_very_different_content_and_numbers_do_not_pair() {
        let en = [section(Some(1), "SUMMARY", "Short.")];
        let fr = [section(
            Some(5),
            "DIVERS",
            &"Un très long texte sans rapport. ".repeat(40),
        )];
        assert_eq!(
            pairs(&pair(&en, &fr)),
            vec![(Some(0), None), (None, Some(0))]
        );
    }

    #[test]
    fn bodies_without_headings_pair_as_a_whole() {
        let en = [section(
            None,
            "",
            "The closing date is 08/06/2026 at OCCAR.",
        )];
        let fr = [section(
            None,
            "",
            "La date de clôture est le 08/06/2026 à l'OCCAR.",
        )];
        let result = pair(&en, &fr);
        assert_eq!(pairs(&result), vec![(Some(0), Some(0))]);
        assert!(result[0].confidence > 0.5);
    }

    #[test]
    fn anchors_are_numbers_acronyms_and_urls() {
        let found: Vec<String> =
            anchors("NATO's DPP (DPPC) 9,253.21 www.nato.int/recruitment Grade G20 e-mail")
                .collect();
        assert_eq!(
            found,
            vec!["DPP", "DPPC", "9,253.21", "www.nato.int/recruitment", "G20"]
        );
    }
}
