//! Label–value pairs: from the label–value blocks a reader recognised, and from the text's
//! own lines — "Label: value", "Label value" when the value proves its type, a label on one
//! line and its value on the next, and a label wrapped over two lines ("Deadline for" /
//! "Applications 15 October 2026").

use conventions::numbering::Closing;
use model::{Block, BlockKind};

use crate::labels::{Family, Field, Shape, VOCABULARY, family_of_label, is_label_word, is_one_of};
use crate::text::words;

/// One label and its value, with the line where the pair starts.
#[derive(Debug, Clone)]
pub(crate) struct Pair {
    pub label: String,
    pub value: String,
    pub line: usize,
    /// The line where the pair ends (its value's line).
    pub last: usize,
    /// The family the label belongs to; `None` for a label the vocabulary does not know.
    pub family: Option<&'static Family>,
}

/// A label is short: at most this many words, a parenthesis aside ("Date de clôture
/// (minuit, heure d'Abidjan)").
const MAX_LABEL_WORDS: usize = 6;

/// A line without a `:` holding a label and a text value is read only when this short
/// (values of checked shapes prove themselves whatever their length).
const MAX_BARE_LINE_WORDS: usize = 12;

/// A line without a `:` holding a label and a value of a checked shape runs to at most this
/// many words (a label table's row wrapping a remark: "Function Group/Grade Temporary
/// Agent, AD 5 (see the Guide for Applicants for more").
const MAX_BARE_CHECKED_LINE_WORDS: usize = 20;

/// A value on its own line is looked for at most this many lines below its label, blank
/// lines included (readers separate blocks with one blank line).
const MAX_VALUE_DISTANCE: usize = 2;

/// A label wrapped over two lines leaves at most this many words on its first line.
const MAX_WRAPPED_LABEL_START_WORDS: usize = 4;

/// A text value standing on its own line below a label without `:` is a short phrase.
const MAX_NEXT_LINE_TEXT_WORDS: usize = 12;

/// Strips list markers, emphasis and Markdown heading marks around a line or a value.
pub(crate) fn unmark(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '•' | '*' | '·' | '#' | '_' | '▪' | '►' | '▶')
    })
}

/// The label without its parenthesised remarks, for counting its words.
fn without_remarks(label: &str) -> String {
    let mut kept = String::with_capacity(label.len());
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    kept
}

/// Whether a text reads as a label: short, starting with a letter, without digits, and
/// not running over the end of a sentence ("labour force. Location of the data").
fn is_label_text(label: &str) -> bool {
    let bare = without_remarks(label);
    let count = bare.split_whitespace().count();
    (1..=MAX_LABEL_WORDS).contains(&count)
        && label.chars().next().is_some_and(char::is_alphabetic)
        && !bare.contains(|c: char| c.is_ascii_digit())
        && !ends_a_sentence_inside(&bare)
}

/// Whether a full stop inside the text is followed by a capitalised word (not "No. du").
fn ends_a_sentence_inside(text: &str) -> bool {
    text.match_indices(". ").any(|(at, _)| {
        text[at + 2..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    })
}

/// Splits a "Label: value" line; the value may be empty ("Closing date:").
fn split_colon(line: &str) -> Option<(&str, &str)> {
    let (label, value) = line.split_once(':')?;
    // "https://…" and "12:00" are no labels.
    if value.starts_with("//") {
        return None;
    }
    let label = unmark(label);
    is_label_text(label).then(|| (label, unmark(value)))
}

/// Whether a text opens with an article or a preposition, as sentences do and labels do not.
fn opens_with_function_word(text: &str) -> bool {
    words(text)
        .first()
        .is_some_and(|first| is_one_of(&VOCABULARY.function_words, &first.folded))
}

/// Whether a value has the shape its family asks for.
pub(crate) fn fits_shape(shape: Shape, value: &str) -> bool {
    match shape {
        Shape::Date => crate::date::find_date(value).is_some(),
        Shape::Amount => crate::amount::find_salary(value, None).is_some(),
        Shape::Grade => crate::grade::grades_in_value(value).is_some(),
        Shape::Code => value.contains(|c: char| c.is_ascii_digit()),
        Shape::Level => crate::fields::clean_clearance(value).is_some(),
        Shape::Text | Shape::Places => {
            let count = value.split_whitespace().count();
            (1..=MAX_NEXT_LINE_TEXT_WORDS).contains(&count)
                && !value.ends_with(['.', ';', '!', '?'])
                && !is_link(value)
        }
    }
}

/// Whether a value is a web address.
fn is_link(value: &str) -> bool {
    value.contains("://") || value.starts_with("www.")
}

/// Whether a text is written in capitals only (a banner, not a label and its value).
fn is_shouting(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// A line made only of label words naming a known family ("Reference number", "Level").
fn label_only(line: &str) -> Option<&'static Family> {
    // Remarks in parentheses aside, a label is short: a long line is none (and is not read).
    if line.split_whitespace().nth(3 * MAX_LABEL_WORDS).is_some() {
        return None;
    }
    let found = words(line);
    let all_label_words = !found.is_empty() && found.iter().all(|w| is_label_word(&w.folded));
    let family = family_of_label(line)?;
    (all_label_words && is_label_text(line)).then_some(family)
}

/// Reads a line without `:` as known label words followed by a value: "Clearance Level NS",
/// "Reference number ECHA/TA/2026/04", "Location Helsinki, Finland". Values of checked
/// shapes prove themselves; a text value must be a short capitalised phrase of two words or
/// more after a capitalised label, so that headings ("Position Summary") are not read.
pub(crate) fn split_bare(line: &str) -> Option<(&'static Family, &str, &str)> {
    if line
        .split_whitespace()
        .nth(MAX_BARE_CHECKED_LINE_WORDS)
        .is_some()
    {
        return None;
    }
    let found = words(line);
    let label_words = found
        .iter()
        .take_while(|word| is_label_word(&word.folded))
        .count();
    // The label ends with its last word, the value starts with the next one.
    let label_end = found.get(label_words.checked_sub(1)?)?.end;
    let value_start = found.get(label_words)?.start;
    let label = &line[..label_end];
    let value = &line[label_end..];
    // What stands between the two belongs to the value ("$70,100"), except a number sign.
    let value = if value_start > label_end && line[label_end..value_start].trim() == "°" {
        &line[value_start..]
    } else {
        value
    };
    let (label, value) = (label.trim(), value.trim());
    // A label opens with a word of its own, not an article ("The deadline for the 2026
    // programme is 15 June" is a sentence).
    if label.is_empty() || !is_label_text(label) || opens_with_function_word(label) {
        return None;
    }
    let family = family_of_label(label)?;
    let value_capitalised = value
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // A code proves itself in any case ("n° e12/2026").
    if !value_capitalised && family.shape != Shape::Code {
        return None;
    }
    // "Reliability Status security clearance" names the field again in its "value": a
    // phrase, not a label and its value (a grade, date, amount or code proves itself).
    let names_field_again = words(value).iter().any(|w| {
        family
            .labels
            .iter()
            .any(|phrase| phrase.split(' ').any(|part| part == w.folded))
    });
    let proves_itself = matches!(
        family.shape,
        Shape::Grade | Shape::Date | Shape::Amount | Shape::Code
    );
    if names_field_again && !proves_itself {
        return None;
    }
    let accepted = if family.shape.is_checked() {
        fits_shape(family.shape, value)
    } else {
        // A label ends on a word of its family, not on a connector ("ORGANISATION DU").
        let ends_on_family_word = words(label).last().is_some_and(|last| {
            family
                .labels
                .iter()
                .any(|p| p.split(' ').any(|w| w == last.folded))
        });
        let label_capitalised = label.chars().next().is_some_and(char::is_uppercase);
        ends_on_family_word
            && !is_shouting(line)
            && label_capitalised
            && value.split_whitespace().count() >= 2
            && line.split_whitespace().count() <= MAX_BARE_LINE_WORDS
            && fits_shape(family.shape, value)
    };
    accepted.then_some((family, label, value))
}

/// The index of the next non-empty line after `at`, within [`MAX_VALUE_DISTANCE`].
fn next_line(lines: &[String], at: usize) -> Option<usize> {
    (at + 1..lines.len().min(at + 1 + MAX_VALUE_DISTANCE)).find(|&k| !lines[k].trim().is_empty())
}

/// Whether a line reads as a label line of its own, so that it cannot be another label's
/// value.
pub(crate) fn is_label_line(line: &str) -> bool {
    let line = unmark(line);
    split_colon(line).is_some_and(|(label, _)| family_of_label(label).is_some())
        || label_only(line).is_some()
        || split_bare(line).is_some()
}

/// Whether a line opens a numbered section ("1. SUMMARY", "IV) CONDITIONS"); a bare number
/// ("14 December 2025") opens none.
pub(crate) fn is_numbered_heading(line: &str) -> bool {
    conventions::numbering::parse_label(line).is_some_and(|label| {
        label.closing != Closing::Bare && label.rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The value line for a label standing alone on line `at`: the next non-empty line, unless
/// it is a label or a heading itself.
fn value_below(lines: &[String], at: usize, blocked: &[bool]) -> Option<usize> {
    let below = next_line(lines, at)?;
    let line = lines[below].trim();
    (!blocked[below] && !is_label_line(line) && !is_numbered_heading(line)).then_some(below)
}

/// Every label–value pair of the text, in order: the reader's label–value blocks, and the
/// pairs read from the lines no such block covers.
pub(crate) fn find_pairs(lines: &[String], blocks: &[Block]) -> Vec<Pair> {
    let mut pairs = Vec::new();
    // Lines already read: covered by a label–value block, or taken as a value.
    let mut taken = vec![false; lines.len()];
    // Lines that cannot be a value below a label: headings.
    let mut blocked = vec![false; lines.len()];
    for block in blocks {
        let covered = block.line.min(lines.len())..block.end().min(lines.len());
        match &block.kind {
            BlockKind::LabelValue { label, value } => {
                covered.clone().for_each(|k| taken[k] = true);
                pairs.push(Pair {
                    label: label.trim().to_owned(),
                    value: value.trim().to_owned(),
                    line: block.line,
                    last: block.end().saturating_sub(1).max(block.line),
                    family: family_of_label(label),
                });
            }
            BlockKind::Heading(_) => covered.for_each(|k| blocked[k] = true),
            _ => {}
        }
    }
    let mut at = 0;
    while at < lines.len() {
        if taken[at] || lines[at].trim().is_empty() {
            at += 1;
            continue;
        }
        let line = unmark(&lines[at]);
        let found = read_line_pair(lines, at, line, &blocked);
        match found {
            Some((pair, value_line)) => {
                taken[at..=value_line].fill(true);
                pairs.push(pair);
                at = value_line + 1;
            }
            None => at += 1,
        }
    }
    pairs.sort_by_key(|pair| pair.line);
    pairs
}

/// The pair that starts on line `at`, with the index of the line its value ends on.
fn read_line_pair(
    lines: &[String],
    at: usize,
    line: &str,
    blocked: &[bool],
) -> Option<(Pair, usize)> {
    let pair = |label: &str, value: &str, family: Option<&'static Family>, last: usize| Pair {
        label: label.trim().to_owned(),
        value: value.trim().to_owned(),
        line: at,
        last,
        family,
    };
    if let Some((label, value)) = split_colon(line) {
        let family = family_of_label(label);
        // "The incumbent must: possess a degree" opens a list, not a field.
        if family.is_none() && opens_with_function_word(label) {
            return None;
        }
        if !value.is_empty() {
            return Some((pair(label, value, family, at), at));
        }
        let below = value_below(lines, at, blocked)?;
        let value = unmark(&lines[below]);
        // Labels that name no field keep whatever value follows them.
        let fits = family
            .is_none_or(|family| family.field == Field::Other || fits_shape(family.shape, value));
        return fits.then(|| (pair(label, value, family, below), below));
    }
    if line.contains(':') {
        return None;
    }
    if let Some((family, label, value)) = split_bare(line) {
        return Some((pair(label, value, Some(family), at), at));
    }
    // A label wrapped over two lines: the label must run into the second line.
    let first_words = line.split_whitespace().count();
    if first_words <= MAX_WRAPPED_LABEL_START_WORDS
        && !line.ends_with(['.', ',', ';'])
        && let Some(below) = next_line(lines, at).filter(|&k| k == at + 1)
    {
        let joined = format!("{line} {}", unmark(&lines[below]));
        if let Some((family, label, value)) = split_bare(&joined)
            && label.len() > line.len()
        {
            return Some((pair(label, value, Some(family), below), below));
        }
    }
    let family = label_only(line)?;
    let below = value_below(lines, at, blocked)?;
    let value = unmark(&lines[below]);
    let fits = family.field == Field::Other || fits_shape(family.shape, value);
    fits.then(|| (pair(line, value, Some(family), below), below))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs_of(text: &str) -> Vec<(String, String, Option<Field>)> {
        let lines: Vec<String> = text.split('\n').map(crate::text::plain_spaces).collect();
        find_pairs(&lines, &[])
            .into_iter()
            .map(|p| (p.label, p.value, p.family.map(|f| f.field)))
            .collect()
    }

    fn one(label: &str, value: &str, field: Option<Field>) -> (String, String, Option<Field>) {
        (label.to_owned(), value.to_owned(), field)
    }

    #[test]
    fn reads_lines_with_and_without_separator() {
        assert_eq!(
            pairs_of(
                "Primary Location: Belgium-Brussels\nEmplacement principal : Belgique-Bruxelles"
            ),
            [
                one(
                    "Primary Location",
                    "Belgium-Brussels",
                    Some(Field::Location)
                ),
                one(
                    "Emplacement principal",
                    "Belgique-Bruxelles",
                    Some(Field::Location)
                ),
            ]
        );
        assert_eq!(
            pairs_of(
                "Grade NATO Grade G20\nClearance Level NS\nNiveau de l'habilitation de sécurité NS"
            ),
            [
                one("Grade", "NATO Grade G20", Some(Field::Grade)),
                one("Clearance Level", "NS", Some(Field::Clearance)),
                one(
                    "Niveau de l'habilitation de sécurité",
                    "NS",
                    Some(Field::Clearance)
                ),
            ]
        );
        assert_eq!(
            pairs_of("Reference number ECHA/TA/2026/04\nLocation Helsinki, Finland"),
            [
                one(
                    "Reference number",
                    "ECHA/TA/2026/04",
                    Some(Field::Reference)
                ),
                one("Location", "Helsinki, Finland", Some(Field::Location)),
            ]
        );
    }

    #[test]
    fn reads_values_on_the_next_line_and_wrapped_labels() {
        assert_eq!(
            pairs_of(
                "Closing date:\n\n14 December 2025 - 23:59, Pacific Time\nWho can apply:\nPersons residing in Canada."
            ),
            [
                one(
                    "Closing date",
                    "14 December 2025 - 23:59, Pacific Time",
                    Some(Field::Deadline)
                ),
                one(
                    "Who can apply",
                    "Persons residing in Canada.",
                    Some(Field::Other)
                ),
            ]
        );
        assert_eq!(
            pairs_of(
                "Reference number\nDND25J-117798-000041\nLocation\nHalifax (Nova Scotia)\nLevel\nIT-02"
            ),
            [
                one(
                    "Reference number",
                    "DND25J-117798-000041",
                    Some(Field::Reference)
                ),
                one("Location", "Halifax (Nova Scotia)", Some(Field::Location)),
                one("Level", "IT-02", Some(Field::Grade)),
            ]
        );
        assert_eq!(
            pairs_of("Deadline for\nApplications 15 October 2026, at noon, 12:00 local time"),
            [one(
                "Deadline for Applications",
                "15 October 2026, at noon, 12:00 local time",
                Some(Field::Deadline)
            )]
        );
    }

    #[test]
    fn ignores_prose_and_headings() {
        for text in [
            "Salary and Benefits",
            "Position Summary",
            "Important Note: this post is stationed in Kyiv, as are all of its many staff members here",
            "Description:\n1. SUMMARY",
            "Location\nThe post is located in a building that was designed for the purpose.",
            "Salary\nCompetitive, depending on experience.",
        ] {
            let found = pairs_of(text);
            assert!(
                found
                    .iter()
                    .all(|(_, _, field)| field.is_none() || *field == Some(Field::Other)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn label_value_blocks_are_taken_as_they_are() {
        let text = "Location\nOttawa (Ontario)";
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let blocks = [Block {
            kind: BlockKind::LabelValue {
                label: "Location".to_owned(),
                value: "Ottawa (Ontario)".to_owned(),
            },
            line: 0,
            lines: 2,
            page: None,
        }];
        let found = find_pairs(&lines, &blocks);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, "Ottawa (Ontario)");
    }
}
