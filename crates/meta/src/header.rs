//! The header lines that carry no label, read by their shape: the lines below the title of
//! a header such as
//!
//! ```text
//! Development Program Officer
//! Reference number: DIS23J-130301-000088
//! Indigenous Services Canada
//! - First Nations and Inuit Health Branch
//! Ottawa (Ontario)
//! PM-01
//! Acting, Assignment, Deployment, Indeterminate
//! $60,424 to $67,582
//! ```
//!
//! A grade list is a grade, an amount with its currency a salary, a list of contract types
//! a contract type, "Place (Region)" lines the locations, and the name right below the
//! title (or a name holding an organisation word) the organisation.

use std::sync::LazyLock;

use model::Metadata;
use regex::Regex;

use crate::fields::{Context, apply, contract_type_in};
use crate::grade::is_grade_line;
use crate::labels::{Field, VOCABULARY, is_one_of};
use crate::pairs::{Pair, is_numbered_heading, unmark};
use crate::text::words;

/// Header lines are short: a line of more words is prose, and the header ends there.
const MAX_HEADER_LINE_WORDS: usize = 10;

/// A name holds at most this many parts joined by " - " (an organisation, a branch, a
/// directorate).
const MAX_NAME_PARTS: usize = 3;

/// The header is read at most this many non-empty lines below the title.
const MAX_HEADER_LINES: usize = 24;

/// The organisation's name follows the title closely: within this many non-empty lines
/// (a reference and a process number may stand between).
const MAX_ORGANISATION_DISTANCE: usize = 3;

/// "Ottawa (Ontario)", "Halifax (Nova Scotia)": a place and its region in parentheses (the
/// region not an acronym, which would make it a name such as "Agency (ECHA)").
static PLACE_AND_REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’.\- ]*\s\((\p{Lu}[\p{L}'’.\- ]*)\),?$").expect("valid regex")
});

fn is_place(line: &str) -> bool {
    let region_is_acronym = |c: &regex::Captures| {
        c.get(1)
            .is_some_and(|m| m.as_str().chars().all(|ch| !ch.is_lowercase()))
    };
    let folded: Vec<String> = words(line).into_iter().map(|w| w.folded).collect();
    PLACE_AND_REGION
        .captures(line)
        .is_some_and(|c| !region_is_acronym(&c))
        || is_one_of(&VOCABULARY.place_phrases, &folded.join(" "))
}

/// The places of a line listing several ("Calgary (Alberta), Edmonton (Alberta)"), each a
/// "Place (Region)"; `None` unless there are two or more and nothing else.
fn place_list(line: &str) -> Option<Vec<String>> {
    let items: Vec<String> = line
        .split("),")
        .map(|item| {
            let item = item.trim();
            if item.ends_with(')') {
                item.to_owned()
            } else {
                format!("{item})")
            }
        })
        .collect();
    (items.len() >= 2 && items.iter().all(|item| is_place(item))).then_some(items)
}

/// A line whose every item ("Acting, Assignment, Indeterminate") is a contract type.
fn is_contract_line(line: &str) -> bool {
    let items: Vec<&str> = line
        .split([',', ';', '/'])
        .flat_map(|item| item.split(" and "))
        .flat_map(|item| item.split(" et "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    !items.is_empty()
        && items.iter().all(|item| {
            let folded: Vec<String> = words(item).into_iter().map(|w| w.folded).collect();
            is_one_of(&VOCABULARY.contract_types, &folded.join(" "))
        })
}

/// A name: a short capitalised phrase without digits that is no sentence. An organisation
/// and its branches ("Public Services and Procurement Canada - Real Property Services Branch
/// - Technical Services") are a name of several such parts.
fn is_name(line: &str) -> bool {
    let parts: Vec<&str> = line.split(" - ").collect();
    parts.len() <= MAX_NAME_PARTS
        && parts
            .iter()
            .all(|part| (1..=MAX_HEADER_LINE_WORDS).contains(&part.split_whitespace().count()))
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.contains(|c: char| c.is_ascii_digit())
        && !line.ends_with(['.', ':', ';', '?', '!', ','])
        && !line.contains("http")
        && !line.contains('|')
}

fn has_organisation_word(line: &str) -> bool {
    words(line)
        .iter()
        .any(|w| is_one_of(&VOCABULARY.organisation_words, &w.folded))
}

/// Reads the unlabelled lines below the title line into the metadata, where still unknown.
pub(crate) fn read_unlabelled(
    lines: &[String],
    title_line: usize,
    pairs: &[Pair],
    context: Context,
    metadata: &mut Metadata,
) {
    let in_pair = |at: usize| {
        pairs
            .iter()
            .any(|pair| (pair.line..=pair.last).contains(&at))
    };
    let mut right_below_title = true;
    let mut organisation_open = false;
    let mut places: Vec<String> = Vec::new();
    let mut seen = 0;
    for (at, line) in lines.iter().enumerate().skip(title_line + 1) {
        let raw = line.trim();
        if raw.is_empty() {
            continue;
        }
        seen += 1;
        if seen > MAX_HEADER_LINES || is_numbered_heading(raw) {
            break;
        }
        if in_pair(at) {
            continue;
        }
        let line = unmark(raw);
        let continues = raw.starts_with(['-', '–']) && organisation_open;
        if continues {
            if let Some(organisation) = metadata.organisation.as_mut() {
                organisation.push_str(" - ");
                organisation.push_str(line);
            }
            continue;
        }
        organisation_open = false;
        let starts_with_amount = line
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '$' | '€' | '£'));
        if is_grade_line(line) {
            apply(metadata, Field::Grade, line, context);
        } else if starts_with_amount && crate::amount::find_salary(line, context.dollar).is_some() {
            apply(metadata, Field::Salary, line, context);
        } else if let Some(listed) = place_list(line) {
            places.extend(listed);
        } else if line.split_whitespace().count() > MAX_HEADER_LINE_WORDS && !is_name(line) {
            break;
        } else if is_contract_line(line) {
            if metadata.contract_type.is_none() {
                metadata.contract_type = contract_type_in(line).map(|_| line.to_owned());
            }
        } else if is_place(line) {
            places.push(line.trim_end_matches(',').trim().to_owned());
        } else if is_name(line)
            && metadata.organisation.is_none()
            && ((right_below_title && seen <= MAX_ORGANISATION_DISTANCE)
                || has_organisation_word(line))
        {
            metadata.organisation = Some(line.to_owned());
            organisation_open = true;
        }
        right_below_title = false;
    }
    if metadata.location.is_none() && !places.is_empty() {
        metadata.location = Some(places.remove(0));
        if metadata.other_locations.is_empty() {
            metadata.other_locations = places;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Metadata {
        let lines: Vec<String> = text.split('\n').map(crate::text::plain_spaces).collect();
        let pairs = crate::pairs::find_pairs(&lines, &[]);
        let mut metadata = Metadata::default();
        let context = Context {
            dollar: Some("CAD"),
        };
        read_unlabelled(&lines, 0, &pairs, context, &mut metadata);
        metadata
    }

    #[test]
    fn reads_an_unlabelled_header_by_shape() {
        let found = read(
            "Program Officer\nReference number: ABC12-0001\nMinistry of Examples\n- Regional Branch\n\
             Springfield (Ontario)\nShelbyville (Manitoba),\nPM-01\nAssignment, Indeterminate, Specified period\n\
             $60,424 to $67,582\nFor further information on the organization, please visit our website",
        );
        assert_eq!(
            found.organisation.as_deref(),
            Some("Ministry of Examples - Regional Branch")
        );
        assert_eq!(found.location.as_deref(), Some("Springfield (Ontario)"));
        assert_eq!(found.other_locations, ["Shelbyville (Manitoba)"]);
        assert_eq!(found.grade.as_deref(), Some("PM-01"));
        assert_eq!(
            found.contract_type.as_deref(),
            Some("Assignment, Indeterminate, Specified period")
        );
        let salary = found.salary.expect("a salary");
        assert_eq!((salary.amount, salary.max), (60424.0, Some(67582.0)));
        assert_eq!(salary.currency.as_deref(), Some("CAD"));
    }

    #[test]
    fn a_long_organisation_with_its_branches_and_a_line_of_places() {
        let found = read(
            "Facility Manager\nReference number: ABC12-0002\n\
             Department of Examples - Real Property Services Branch - Professional and Technical Services\n\
             Springfield (Ontario), Shelbyville (Manitoba), Ogdenville (Saskatchewan)\nAS-05, AS-06",
        );
        assert_eq!(
            found.organisation.as_deref(),
            Some(
                "Department of Examples - Real Property Services Branch - Professional and Technical Services"
            )
        );
        assert_eq!(found.location.as_deref(), Some("Springfield (Ontario)"));
        assert_eq!(
            found.other_locations,
            ["Shelbyville (Manitoba)", "Ogdenville (Saskatchewan)"]
        );
        assert_eq!(found.grade.as_deref(), Some("AS-05, AS-06"));
    }

    #[test]
    fn prose_ends_the_header() {
        let found = read(
            "Officer\nWe are a small team that builds things for people across the whole country.\nPM-01",
        );
        assert_eq!(found.grade, None);
        assert_eq!(found.organisation, None);
    }
}
