//! Label–value lines ("Primary Location: Belgium-Brussels", "Grade NATO Grade G20") and the
//! reading of each field's value.
//!
//! A label is mapped to a field by keyword families in both languages rather than by exact
//! strings, so "Application Deadline", "Closing date" and "Date de retrait" all name the
//! deadline.

use std::sync::LazyLock;

use model::Metadata;
use regex::Regex;

use crate::amount::find_salary;
use crate::date::{find_date, find_time};
use crate::text::{find_phrase, words};

/// The fields a label can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    Reference,
    Location,
    OtherLocations,
    Organisation,
    Schedule,
    Deadline,
    StartDate,
    Salary,
    Grade,
    Clearance,
}

impl Field {
    /// Whether a value of this field proves its type (a date, an amount, a grade, a code), so
    /// that it can be trusted without a `:` between label and value.
    fn value_is_checked(self) -> bool {
        matches!(
            self,
            Field::Reference
                | Field::Deadline
                | Field::StartDate
                | Field::Salary
                | Field::Grade
                | Field::Clearance
        )
    }
}

/// Keyword families, folded, in both languages. The first family with a phrase in the label
/// names the field, so the more specific families come first ("Clearance Level" is a
/// clearance, "Start date" is not the deadline, "Other Locations" not the main location).
const FAMILIES: &[(Field, &[&str])] = &[
    (
        Field::Clearance,
        &[
            "clearance",
            "habilitation",
            "security level",
            "niveau de securite",
        ],
    ),
    (
        Field::OtherLocations,
        &[
            "other location",
            "other locations",
            "additional locations",
            "secondary location",
            "autre emplacement",
            "autres emplacements",
            "autres lieux",
        ],
    ),
    (
        Field::Location,
        &[
            "location",
            "locations",
            "emplacement",
            "lieu",
            "duty station",
            "place of work",
            "affectation",
        ],
    ),
    (Field::StartDate, crate::prose::START_PHRASES),
    (
        Field::Deadline,
        &[
            "deadline",
            "closing date",
            "closing",
            "date de retrait",
            "date limite",
            "date de cloture",
            "cloture",
            "apply by",
            "apply before",
            "expiry date",
            "date d expiration",
        ],
    ),
    (
        Field::Salary,
        &["salary", "salaire", "pay", "remuneration", "traitement"],
    ),
    (Field::Grade, &["grade", "grading"]),
    (
        Field::Reference,
        &[
            "reference",
            "ref",
            "vacancy number",
            "vacancy no",
            "vacancy id",
            "job id",
            "job number",
            "job opening number",
            "vacancy notice number",
            "notice number",
            "requisition",
            "numero",
            "post number",
            "post no",
            "position number",
        ],
    ),
    (
        Field::Title,
        &[
            "job title",
            "post title",
            "position title",
            "title",
            "titre",
            "intitule",
            "position",
            "poste",
        ],
    ),
    (
        Field::Organisation,
        &[
            "nato body",
            "body",
            "organisation",
            "organization",
            "organisme",
            "agency",
            "agence",
            "employer",
            "employeur",
        ],
    ),
    (
        Field::Schedule,
        &[
            "schedule",
            "horaire",
            "working hours",
            "work schedule",
            "working time",
            "temps de travail",
        ],
    ),
];

/// Words that may stand in a label beside the keywords ("Primary Location",
/// "Niveau de l'habilitation de sécurité").
const LABEL_CONNECTORS: &[&str] = &[
    "primary",
    "principal",
    "principale",
    "main",
    "level",
    "niveau",
    "application",
    "of",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "l",
    "d",
    "security",
    "securite",
    "date",
];

/// A label is short: at most this many words.
const MAX_LABEL_WORDS: usize = 6;

/// A line without a `:` is read as label and value only when it is this short.
const MAX_BARE_LINE_WORDS: usize = 10;

/// The field a label names, if any.
pub(crate) fn field_of_label(label: &str) -> Option<Field> {
    let found = words(label);
    FAMILIES
        .iter()
        .find(|(_, phrases)| {
            phrases
                .iter()
                .any(|phrase| find_phrase(&found, phrase).is_some())
        })
        .map(|(field, _)| *field)
}

fn is_label_word(folded: &str) -> bool {
    LABEL_CONNECTORS.contains(&folded)
        || FAMILIES
            .iter()
            .flat_map(|(_, phrases)| phrases.iter())
            .any(|phrase| phrase.split(' ').any(|part| part == folded))
}

/// Strips list markers and emphasis around a line or a value.
fn unmark(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '•' | '*' | '·' | '#' | '_'))
}

/// Reads a "label: value" line (with or without a space before the `:`), or a short line
/// made of known label words followed by a value ("Clearance Level NS").
pub(crate) fn read_label_line(line: &str) -> Option<(Field, &str)> {
    let line = unmark(line);
    if let Some((label, value)) = line.split_once(':') {
        let label = unmark(label);
        let value = unmark(value);
        let short = label.split_whitespace().count() <= MAX_LABEL_WORDS;
        let starts_with_letter = label.chars().next().is_some_and(char::is_alphabetic);
        if short
            && starts_with_letter
            && !value.is_empty()
            && !label.contains(|c: char| c.is_ascii_digit())
        {
            return field_of_label(label).map(|field| (field, value));
        }
        return None;
    }
    if line.split_whitespace().count() > MAX_BARE_LINE_WORDS {
        return None;
    }
    let value_start = words(line)
        .into_iter()
        .find(|word| !is_label_word(&word.folded))?
        .start;
    let (label, value) = line.split_at(value_start);
    let field = field_of_label(label)?;
    let value_looks_like_one = value
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (field.value_is_checked() && value_looks_like_one).then_some((field, value.trim()))
}

/// "G20", "G 23", "NATO Grade G17", "P-4": letters then a number.
static GRADE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([A-Z]{1,3})[\s\-]?(\d{1,2})\b").expect("valid regex"));

/// A grade as letters and number without a space ("G20").
pub(crate) fn normalise_grade(value: &str) -> Option<String> {
    GRADE.captures(value).map(|c| format!("{}{}", &c[1], &c[2]))
}

/// Work arrangements, folded, that a "location" label sometimes holds instead of a place.
const WORK_MODES: &[&str] = &[
    "in person",
    "on site",
    "onsite",
    "on-site",
    "remote",
    "hybrid",
    "teletravail",
    "sur site",
    "presentiel",
];

fn is_work_mode(value: &str) -> bool {
    let folded = crate::text::fold(value);
    WORK_MODES.iter().any(|mode| folded.trim() == *mode)
}

/// A security clearance level: a short name such as "NS", "NATO SECRET" or "OCCAR Secret",
/// without quotes and without the word "level".
pub(crate) fn clean_clearance(value: &str) -> Option<String> {
    let quotes =
        |c: char| c.is_whitespace() || matches!(c, '\'' | '‘' | '’' | '"' | '“' | '”' | '«' | '»');
    let mut cleaned = value.trim_matches(quotes);
    for suffix in [" level", " niveau", " Level", " LEVEL"] {
        cleaned = cleaned.strip_suffix(suffix).unwrap_or(cleaned);
    }
    let cleaned = cleaned.trim_matches(quotes);
    let words = cleaned.split_whitespace().count();
    let named = cleaned.chars().next().is_some_and(char::is_uppercase);
    (named && (1..=5).contains(&words)).then(|| cleaned.to_owned())
}

/// The reference in a value: its first token holding a digit.
fn clean_reference(value: &str) -> Option<String> {
    value
        .split_whitespace()
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|token| token.contains(|c: char| c.is_ascii_digit()))
        .map(str::to_owned)
}

/// Other locations are listed with `;`, or with `,` when each is a "Country-City" pair.
fn split_locations(value: &str) -> Vec<String> {
    let parts: Vec<&str> = value
        .split(';')
        .flat_map(|part| {
            let by_comma: Vec<&str> = part.split(',').collect();
            if by_comma.len() > 1 && by_comma.iter().all(|p| p.contains('-')) {
                by_comma
            } else {
                vec![part]
            }
        })
        .collect();
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A value stated as a short phrase ("Full-time", "Belgium-Brussels"), not a sentence.
const MAX_TEXT_VALUE_WORDS: usize = 15;

fn short_text(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches(['.', ';', ',']).trim_end();
    let words = value.split_whitespace().count();
    (1..=MAX_TEXT_VALUE_WORDS)
        .contains(&words)
        .then(|| value.to_owned())
}

/// Sets `slot` when it is empty and a value was read; reports whether it was.
fn fill(slot: &mut Option<String>, value: Option<String>) -> bool {
    match (slot.is_none(), value) {
        (true, Some(value)) => {
            *slot = Some(value);
            true
        }
        _ => false,
    }
}

/// Records a field's value when the field is still unknown and the value reads as one.
/// The first statement of a field wins.
pub(crate) fn apply(metadata: &mut Metadata, field: Field, value: &str) -> bool {
    let text = short_text(value);
    match field {
        Field::Title => fill(&mut metadata.title, text),
        Field::Reference => fill(&mut metadata.reference, clean_reference(value)),
        Field::Location => fill(&mut metadata.location, text.filter(|v| !is_work_mode(v))),
        Field::OtherLocations => {
            if !metadata.other_locations.is_empty() {
                return false;
            }
            metadata.other_locations = split_locations(value);
            !metadata.other_locations.is_empty()
        }
        Field::Organisation => fill(&mut metadata.organisation, text),
        Field::Schedule => fill(&mut metadata.schedule, text),
        Field::Deadline => {
            if metadata.deadline.is_some() {
                return false;
            }
            let Some((date, _)) = find_date(value) else {
                return false;
            };
            metadata.deadline = Some(date.iso());
            metadata.deadline_time = find_time(value).map(|time| time.hhmm());
            true
        }
        Field::StartDate => fill(
            &mut metadata.start_date,
            find_date(value).map(|(date, _)| date.iso()),
        ),
        Field::Salary => {
            if metadata.salary.is_some() {
                return false;
            }
            metadata.salary = find_salary(value);
            metadata.salary.is_some()
        }
        Field::Grade => fill(&mut metadata.grade, normalise_grade(value)),
        Field::Clearance => fill(&mut metadata.clearance, clean_clearance(value)),
    }
}

/// Reads every label–value line of the text into the metadata.
pub(crate) fn read_labelled_lines(lines: &[String], metadata: &mut Metadata) {
    for line in lines {
        if let Some((field, value)) = read_label_line(line) {
            // The period may be in the label ("Monthly salary: 5,000 EUR"); labels hold no digits.
            let value = if field == Field::Salary {
                line.as_str()
            } else {
                value
            };
            apply(metadata, field, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_map_to_fields_in_both_languages() {
        let cases = [
            ("Primary Location", Field::Location),
            ("Emplacement principal", Field::Location),
            ("Other Locations", Field::OtherLocations),
            ("Autres emplacements", Field::OtherLocations),
            ("NATO Body", Field::Organisation),
            ("Organisation", Field::Organisation),
            ("Schedule", Field::Schedule),
            ("Horaire", Field::Schedule),
            ("Application Deadline", Field::Deadline),
            ("Date de retrait", Field::Deadline),
            ("Closing date", Field::Deadline),
            ("Salary (Pay Basis)", Field::Salary),
            ("Salaire (Base de paie)", Field::Salary),
            ("Grade", Field::Grade),
            ("Clearance Level", Field::Clearance),
            ("Niveau de l'habilitation de sécurité", Field::Clearance),
            ("Start date", Field::StartDate),
            ("Job title", Field::Title),
            ("Vacancy Number", Field::Reference),
        ];
        for (label, field) in cases {
            assert_eq!(field_of_label(label), Some(field), "{label}");
        }
        assert_eq!(field_of_label("Description"), None);
        assert_eq!(field_of_label("Organisational Awareness"), None);
    }

    #[test]
    fn reads_lines_with_and_without_separator() {
        assert_eq!(
            read_label_line("Primary Location: Belgium-Brussels"),
            Some((Field::Location, "Belgium-Brussels"))
        );
        assert_eq!(
            read_label_line("Emplacement principal : Belgique-Bruxelles"),
            Some((Field::Location, "Belgique-Bruxelles"))
        );
        assert_eq!(
            read_label_line("Application Deadline: 03-Mar-2026, 12:59:00 AM"),
            Some((Field::Deadline, "03-Mar-2026, 12:59:00 AM"))
        );
        assert_eq!(
            read_label_line("Grade NATO Grade G20"),
            Some((Field::Grade, "G20"))
        );
        assert_eq!(
            read_label_line("Clearance Level NS"),
            Some((Field::Clearance, "NS"))
        );
        assert_eq!(
            read_label_line("Niveau de l'habilitation de sécurité NS"),
            Some((Field::Clearance, "NS"))
        );
    }

    #[test]
    fn salary_period_may_be_in_the_label() {
        let mut metadata = Metadata::default();
        let lines = [
            "Basic monthly salary: 6.543,21 EUR".to_owned(),
            "Salaire (Base de paie) : 1 EUR".to_owned(),
        ];
        read_labelled_lines(&lines, &mut metadata);
        let salary = metadata.salary.expect("a salary");
        assert!((salary.amount - 6543.21).abs() < 0.005);
        assert_eq!(salary.period, "monthly");
    }

    #[test]
    fn ignores_prose_and_headings() {
        assert_eq!(read_label_line("Salary and Benefits"), None);
        assert_eq!(
            read_label_line("Position Summary"),
            None,
            "titles need a separator"
        );
        assert_eq!(
            read_label_line("Important Note: this post is stationed in Kyiv"),
            None
        );
        assert_eq!(
            read_label_line(
                "- Organisational Awareness: Understands organisational climate and culture;"
            ),
            None
        );
        assert_eq!(read_label_line("Description:"), None);
    }

    #[test]
    fn values_are_normalised() {
        assert_eq!(normalise_grade("NATO Grade G20").as_deref(), Some("G20"));
        assert_eq!(normalise_grade("G 23").as_deref(), Some("G23"));
        assert_eq!(normalise_grade("NATO"), None);
        assert_eq!(
            clean_clearance("‘OCCAR Secret level’").as_deref(),
            Some("OCCAR Secret")
        );
        assert_eq!(clean_clearance("NS").as_deref(), Some("NS"));
        assert_eq!(
            clean_clearance("to be obtained within six months of joining the staff"),
            None
        );
        assert_eq!(
            split_locations("Belgium-Brussels, Belgium-Mons"),
            ["Belgium-Brussels", "Belgium-Mons"]
        );
        assert_eq!(split_locations("Paris, France"), ["Paris, France"]);
    }

    #[test]
    fn the_first_statement_wins_and_work_modes_are_not_places() {
        let mut metadata = Metadata::default();
        assert!(apply(&mut metadata, Field::Location, "Belgium-Brussels"));
        assert!(!apply(&mut metadata, Field::Location, "Belgium-Mons"));
        assert_eq!(metadata.location.as_deref(), Some("Belgium-Brussels"));
        let mut metadata = Metadata::default();
        assert!(!apply(&mut metadata, Field::Location, "In person"));
        assert_eq!(metadata.location, None);
        let sentence = "The incumbent will be part of a small team that travels frequently across the Alliance and its partners.";
        assert!(!apply(&mut metadata, Field::Title, sentence));
        assert!(apply(&mut metadata, Field::Schedule, "Full-time."));
        assert_eq!(metadata.schedule.as_deref(), Some("Full-time"));
    }
}
