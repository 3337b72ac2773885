//! The reading of each field's value, checked by its shape: a date, an amount, a grade, a
//! code, or a short phrase.

use model::{Metadata, Salary};

use crate::amount::find_salary;
use crate::date::{find_date, find_time, leading_date};
use crate::grade::grades_in_value;
use crate::labels::{Field, VOCABULARY, is_one_of};
use crate::text::{find_any_phrase, words};

/// What a notice says about its context that values need: the dollar its country uses.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    /// The currency a bare "$" stands for, when the document shows its country.
    pub dollar: Option<&'static str>,
}

/// A value stated as a short phrase ("Full-time", "Belgium-Brussels"), not a sentence.
const MAX_TEXT_VALUE_WORDS: usize = 15;

/// A title may be longer than other text values: the longest of the real notices' titles
/// runs to 21 words (a dash counted).
pub(crate) const MAX_TITLE_WORDS: usize = 25;

/// Quotes that front matter and emphasis put around a value.
fn is_quote(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '"' | '“' | '”' | '«' | '»')
}

pub(crate) fn short_text(value: &str) -> Option<String> {
    text_of_at_most(value, MAX_TEXT_VALUE_WORDS)
}

fn text_of_at_most(value: &str, max_words: usize) -> Option<String> {
    let value = value
        .trim()
        .trim_end_matches(['.', ';', ','])
        .trim()
        .trim_matches(|c: char| is_quote(c) || c.is_whitespace());
    let words = value.split_whitespace().count();
    (1..=max_words).contains(&words).then(|| value.to_owned())
}

fn is_work_mode(value: &str) -> bool {
    let folded: Vec<String> = words(value).into_iter().map(|w| w.folded).collect();
    is_one_of(&VOCABULARY.work_modes, &folded.join(" "))
}

/// A security clearance level: a short name such as "NS", "NATO SECRET" or "OCCAR Secret",
/// without quotes and without the word "level".
pub(crate) fn clean_clearance(value: &str) -> Option<String> {
    let quotes = |c: char| c.is_whitespace() || is_quote(c);
    let mut cleaned = value.trim_matches(quotes);
    for suffix in [" level", " niveau", " Level", " LEVEL"] {
        cleaned = cleaned.strip_suffix(suffix).unwrap_or(cleaned);
    }
    let cleaned = cleaned.trim_matches(quotes);
    let words = cleaned.split_whitespace().count();
    let named = cleaned.chars().next().is_some_and(char::is_uppercase);
    (named && (1..=5).contains(&words)).then(|| cleaned.to_owned())
}

/// A reference's prefix written apart from its number ("VN" in "VN 26/05") is short.
const MAX_REFERENCE_PREFIX_CHARS: usize = 5;

/// The reference in a value: its first token holding a digit, with the capitalised code
/// written right before it, if any ("VN 26/05").
fn clean_reference(value: &str) -> Option<String> {
    let mut prefix: Vec<&str> = Vec::new();
    for token in value.split_whitespace() {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.contains(|c: char| c.is_ascii_digit()) {
            prefix.push(token);
            return Some(prefix.join(" "));
        }
        let code = !token.is_empty()
            && token.chars().count() <= MAX_REFERENCE_PREFIX_CHARS
            && token.chars().all(|c| c.is_ascii_uppercase());
        if code {
            prefix.push(token);
        } else {
            prefix.clear();
        }
    }
    None
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

/// The type of contract a value names, as written ("Temporary Agent" in "Temporary Agent,
/// AD 5").
pub(crate) fn contract_type_in(value: &str) -> Option<String> {
    let found = words(value);
    let phrases: Vec<&str> = VOCABULARY
        .contract_types
        .iter()
        .map(String::as_str)
        .collect();
    // The longest phrase at the earliest place: "fixed term appointment" over "term".
    let (start, end) = phrases
        .iter()
        .filter_map(|phrase| find_any_phrase(&found, &[phrase]))
        .min_by_key(|&(start, end)| (start, usize::MAX - end))?;
    Some(value[start..end].to_owned())
}

/// "- 8 April 2026" right after a date: the end of a period, with the offset past it.
fn period_end(after_date: &str) -> Option<(crate::date::Date, usize)> {
    let joiner = after_date.trim_start();
    let rest = ["-", "–", "—", "to ", "au ", "à "]
        .iter()
        .find_map(|j| joiner.strip_prefix(j))?;
    let (last, end) = leading_date(rest)?;
    Some((last, after_date.len() - rest.len() + end))
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

/// Whether a salary says more than another: a stated period wins over none.
pub(crate) fn better_salary(candidate: &Salary, current: Option<&Salary>) -> bool {
    current.is_none_or(|current| current.period.is_none() && candidate.period.is_some())
}

/// Records a field's value when the field is still unknown and the value reads as one.
/// The first statement of a field wins, except that a salary stating its period replaces
/// one that does not.
pub(crate) fn apply(metadata: &mut Metadata, field: Field, value: &str, context: Context) -> bool {
    let text = short_text(value);
    match field {
        Field::Title => {
            let sentence = value.trim_end().ends_with(['.', '!', '?']);
            let title = text_of_at_most(value, MAX_TITLE_WORDS).filter(|_| !sentence);
            fill(&mut metadata.title, title)
        }
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
        Field::ContractType => fill(&mut metadata.contract_type, text),
        Field::Deadline => {
            if metadata.deadline.is_some() {
                return false;
            }
            let Some((date, end)) = find_date(value) else {
                return false;
            };
            // A period ("10 March 2026 - 8 April 2026") closes on its last day.
            let (date, rest) = match period_end(&value[end..]) {
                Some((last, last_end)) => (last, &value[end + last_end..]),
                None => (date, &value[end..]),
            };
            metadata.deadline = Some(date.iso());
            metadata.deadline_time = find_time(rest)
                .or_else(|| find_time(value))
                .map(|time| time.hhmm());
            true
        }
        Field::StartDate => fill(
            &mut metadata.start_date,
            find_date(value).map(|(date, _)| date.iso()),
        ),
        Field::Salary => match find_salary(value, context.dollar) {
            Some(salary) if better_salary(&salary, metadata.salary.as_ref()) => {
                metadata.salary = Some(salary);
                true
            }
            _ => false,
        },
        Field::Grade => {
            let read = fill(&mut metadata.grade, grades_in_value(value));
            // "Function Group/Grade: Temporary Agent, AD 5" states the contract too.
            fill(&mut metadata.contract_type, contract_type_in(value));
            read
        }
        Field::Clearance => fill(&mut metadata.clearance, clean_clearance(value)),
        Field::Other => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_and_cleaned() {
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
        assert_eq!(
            short_text("'Bilingual Technical Recruiter'").as_deref(),
            Some("Bilingual Technical Recruiter")
        );
        assert_eq!(
            contract_type_in("Temporary Agent, AD 5 (see the Guide)").as_deref(),
            Some("Temporary Agent")
        );
        assert_eq!(contract_type_in("NATO Grade G20"), None);
        assert_eq!(clean_reference("VN 26/05").as_deref(), Some("VN 26/05"));
        assert_eq!(clean_reference("No. 251836").as_deref(), Some("251836"));
        assert_eq!(
            clean_reference("ECHA/TA/2026/04").as_deref(),
            Some("ECHA/TA/2026/04")
        );
        let mut metadata = Metadata::default();
        apply(
            &mut metadata,
            Field::Deadline,
            "10 March 2026 - 8 April 2026",
            Context::default(),
        );
        assert_eq!(
            metadata.deadline.as_deref(),
            Some("2026-04-08"),
            "a period closes on its last day"
        );
    }

    #[test]
    fn the_first_statement_wins_and_work_modes_are_not_places() {
        let context = Context::default();
        let mut metadata = Metadata::default();
        assert!(apply(
            &mut metadata,
            Field::Location,
            "Belgium-Brussels",
            context
        ));
        assert!(!apply(
            &mut metadata,
            Field::Location,
            "Belgium-Mons",
            context
        ));
        assert_eq!(metadata.location.as_deref(), Some("Belgium-Brussels"));
        let mut metadata = Metadata::default();
        assert!(!apply(&mut metadata, Field::Location, "In person", context));
        assert_eq!(metadata.location, None);
        let sentence = "The incumbent will be part of a small team that travels frequently across the Alliance and its partners.";
        assert!(!apply(&mut metadata, Field::Title, sentence, context));
        assert!(apply(&mut metadata, Field::Schedule, "Full-time.", context));
        assert_eq!(metadata.schedule.as_deref(), Some("Full-time"));
    }

    #[test]
    fn a_salary_with_its_period_replaces_one_without() {
        let context = Context::default();
        let mut metadata = Metadata::default();
        assert!(apply(&mut metadata, Field::Salary, "€ 5242,18", context));
        assert!(apply(
            &mut metadata,
            Field::Salary,
            "6152,64 EUR monthly",
            context
        ));
        assert!(!apply(
            &mut metadata,
            Field::Salary,
            "7000 EUR monthly",
            context
        ));
        let salary = metadata.salary.expect("a salary");
        assert_eq!(
            (salary.amount, salary.period.as_deref()),
            (6152.64, Some("monthly"))
        );
    }
}
