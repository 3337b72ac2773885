//! Fields stated in running prose rather than in label lines: "The closing date for
//! applications is the 08/06/2026.", "This position is based in Paris, France", "The position
//! is at grade G 23", "seeking a CSO Director to lead …".
//!
//! Prose is only read for fields the label lines did not give.

use std::sync::LazyLock;

use model::Metadata;
use regex::Regex;

use conventions::folding::fold;
use conventions::sentences;

use crate::amount::find_salary;
use crate::date::{find_date, find_time};
use crate::fields::{Context, better_salary, clean_clearance};
use crate::grade::find_grades;
use crate::labels::VOCABULARY;
use crate::text::{Word, find_any_phrase, words};

/// A capitalised name of a few words, such as "Paris, France" or "CSO Director": words
/// starting with an upper-case letter, linked by spaces, hyphens or lower-case particles.
const NAME: &str = r"\p{Lu}[\p{L}\p{N}&'’.\-]*(?:\s+(?:(?:of|for|and|de|des|du|la|le|et|en)\s+)?\p{Lu}[\p{L}\p{N}&'’.\-]*)*";

/// "seeking a CSO Director to", "position of Head of Finance", "recrute un Chef de projet".
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\b(?i:seeking|looking for|recruiting|hiring|recherche|recrute)\s+(?i:an?|the|une?|un\(e\))|\b(?i:position|post|poste|vacancy)\s+(?i:of|for|de|d')\s*(?i:an?\s+)?)\s*(?P<title>{NAME})"
    ))
    .expect("valid regex")
});

/// "based in Paris, France", "located at Mons", "basé à Bruxelles", "duty station is Kyiv".
static BASED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:based|located|stationed|situated|situ[ée]e?|bas[ée]e?|duty station is)\s+(?i:in|at|à|a)?\s*(?P<place>{NAME}(?:,\s*{NAME})*)"
    ))
    .expect("valid regex")
});

/// "in Paris, France": a city followed by a country.
static CITY_COUNTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\bin|\bat|à)\s+(?P<city>\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)*),\s+(?P<country>\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)*)")
        .expect("valid regex")
});

/// "International Organisation OCCAR", "the agency NSPA": an acronym right after the word
/// (the word itself not in capitals, as in a banner line "AGENCY LETTERHEAD").
static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Oo]rgani[sz]ation|[Aa]gency|[Aa]gence)\s+(?P<name>\p{Lu}{2,}(?:\s+\p{Lu}{2,})*)\b",
    )
    .expect("valid regex")
});

/// "The European Chemicals Agency (ECHA)": a capitalised name followed by its acronym.
static NAME_AND_ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<name>{NAME})\s+\((?P<acronym>\p{{Lu}}{{2,}})\)"
    ))
    .expect("valid regex")
});

/// What introduces a grade in a sentence: "at grade G 23", "classified as an AS-05", "classé
/// au groupe et niveau IT-04 ou IT-05", "de niveau AS-05"; the grade must follow at once.
static GRADE_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?i:classified(?:\s+(?:as|at))?|class[ée]e?s?|grade|niveau)\s*:?(?:\s+(?i:an?|the|au|à|le|la|de|du|comme|groupe|et|nato|grade|level))*\s+",
    )
    .expect("valid regex")
});

/// "security clearance at 'OCCAR Secret level'", "clearance of NATO SECRET",
/// "habilitation de sécurité de niveau SECRET OTAN".
static CLEARANCE_LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:clearance\s+(?:at|of)(?:\s+at\s+least)?(?:\s+the)?(?:\s+level)?|habilitation(?:\s+de\s+s[ée]curit[ée])?\s+(?:de\s+)?niveau)\s+(?P<level>['‘’“”«]?\s*[\p{L}\s]+?)(?:\s*['’”»]|\s+(?i:level|for|or|to|pour|ou)\b|[(,.;]|$)")
        .expect("valid regex")
});

/// "a NATO Cosmic Top Secret security clearance": the capitalised words before it.
static CLEARANCE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<level>(?:\p{Lu}[\p{L}]*\s+)+)(?i:security\s+)?(?i:clearance)\b")
        .expect("valid regex")
});

/// The first capture named `group` of `pattern` across the sentences, cleaned by `clean`.
fn first_capture<F>(sentences: &[&str], pattern: &Regex, group: &str, clean: F) -> Option<String>
where
    F: Fn(&str) -> Option<String>,
{
    sentences.iter().find_map(|sentence| {
        pattern
            .captures_iter(sentence)
            .find_map(|c| clean(c.name(group)?.as_str()))
    })
}

/// The date stated after one of the phrases in a sentence (given with its words), with the
/// time stated in that sentence.
fn dated_after(
    sentence: &str,
    words: &[Word],
    phrases: &[&str],
) -> Option<(String, Option<String>)> {
    let (_, end) = find_any_phrase(words, phrases)?;
    let rest = &sentence[end..];
    let (date, _) = find_date(rest)?;
    Some((date.iso(), find_time(rest).map(|time| time.hhmm())))
}

/// Reads the fields that a phrase introduces (deadline with its time, start date, salary)
/// into the metadata where still unknown, each from the first sentence that states it (a
/// salary stating its period replaces one that does not). The words of a sentence are found
/// once for all of them, and the reading stops as soon as no field is missing.
fn read_phrased(sentences: &[&str], context: Context, metadata: &mut Metadata) {
    let phrases = |list: &'static [String]| -> Vec<&'static str> {
        list.iter().map(String::as_str).collect()
    };
    let deadline_phrases = phrases(&VOCABULARY.prose.deadline);
    let start_phrases = phrases(&VOCABULARY.prose.start_date);
    let salary_phrases = phrases(&VOCABULARY.prose.salary);
    for sentence in sentences {
        let missing_deadline = metadata.deadline.is_none();
        let missing_start = metadata.start_date.is_none();
        let missing_salary = metadata
            .salary
            .as_ref()
            .is_none_or(|salary| salary.period.is_none());
        if !(missing_deadline || missing_start || missing_salary) {
            break;
        }
        let words = words(sentence);
        if missing_deadline
            && let Some((date, time)) = dated_after(sentence, &words, &deadline_phrases)
        {
            metadata.deadline = Some(date);
            metadata.deadline_time = time;
        }
        if missing_start {
            metadata.start_date =
                dated_after(sentence, &words, &start_phrases).map(|(date, _)| date);
        }
        if missing_salary
            && find_any_phrase(&words, &salary_phrases).is_some()
            && let Some(salary) = find_salary(sentence, context.dollar)
            && better_salary(&salary, metadata.salary.as_ref())
        {
            metadata.salary = Some(salary);
        }
    }
}

/// A level named before "clearance", unless the capitalised word is only the sentence's
/// first ("Security clearance is required").
fn named_clearance(level: &str) -> Option<String> {
    clean_clearance(level).filter(|level| !matches!(fold(level).as_str(), "security" | "a" | "the"))
}

fn trimmed(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches(['.', ',']);
    (!value.is_empty()).then(|| value.to_owned())
}

/// "at the P-4 level", "au niveau P-4": the words around a grade named as a level.
static AT_LEVEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:at\s+the|at|au)\s+$").expect("valid regex"));

/// The grades a sentence states right after a phrase that introduces them, or between
/// "at the" and "level" ("at the P-4 level").
fn grade_in(sentence: &str) -> Option<String> {
    let about_languages = words(sentence)
        .iter()
        .any(|w| crate::labels::is_one_of(&VOCABULARY.language_words, &w.folded));
    if about_languages {
        return None;
    }
    let introduced = GRADE_INTRO.find_iter(sentence).find_map(|intro| {
        let rest = &sentence[intro.end()..];
        find_grades(rest).and_then(|(grades, start, _)| (start == 0).then_some(grades))
    });
    introduced.or_else(|| {
        let (grades, start, end) = find_grades(sentence)?;
        let before = AT_LEVEL.is_match(&sentence[..start]);
        let after = fold(&sentence[end..]);
        let after = after.trim_start();
        (before && (after.starts_with("level") || after.starts_with("grade"))).then_some(grades)
    })
}

/// "City, Country" in a sentence, kept only when the notice names the city again elsewhere
/// (a place the notice is about, not one it lists in passing).
fn named_place(sentences: &[&str]) -> Option<String> {
    let all_words: Vec<String> = sentences
        .iter()
        .flat_map(|sentence| words(sentence))
        .map(|word| word.folded)
        .collect();
    sentences.iter().find_map(|sentence| {
        CITY_COUNTRY.captures_iter(sentence).find_map(|c| {
            let city = c.name("city")?.as_str();
            let country = c.name("country")?.as_str();
            let city_folded = fold(city);
            let mentions = all_words.iter().filter(|w| **w == city_folded).count();
            (mentions >= 2).then(|| format!("{city}, {country}"))
        })
    })
}

/// An organisation named with its acronym and an organisation word ("The European Chemicals
/// Agency (ECHA)"), the acronym's letters taken in order from the name.
fn organisation_with_acronym(sentences: &[&str]) -> Option<String> {
    sentences.iter().find_map(|sentence| {
        NAME_AND_ACRONYM.captures_iter(sentence).find_map(|c| {
            let name = c.name("name")?.as_str();
            let acronym = c.name("acronym")?.as_str();
            let name = name.strip_prefix("The ").unwrap_or(name);
            let has_word = words(name)
                .iter()
                .any(|w| crate::labels::is_one_of(&VOCABULARY.organisation_words, &w.folded));
            let initials_fit = {
                let mut letters = name
                    .chars()
                    .filter(|ch| ch.is_alphabetic())
                    .flat_map(char::to_uppercase);
                name.chars()
                    .next()
                    .is_some_and(|first| acronym.starts_with(first))
                    && acronym.chars().all(|a| letters.any(|l| l == a))
            };
            (has_word && initials_fit).then(|| format!("{name} ({acronym})"))
        })
    })
}

/// Reads the fields stated in running prose into the metadata, where still unknown. The
/// organisation is read only from `opening`, the text before the header's fields (or the
/// first paragraph): later prose names partners and projects, not the employer.
pub(crate) fn read_prose(
    paragraphs: &[String],
    opening: &[&str],
    context: Context,
    metadata: &mut Metadata,
) {
    let sentences: Vec<&str> = paragraphs
        .iter()
        .flat_map(|paragraph| sentences::split(paragraph))
        .collect();
    read_phrased(&sentences, context, metadata);
    if metadata.grade.is_none() {
        metadata.grade = sentences.iter().find_map(|sentence| grade_in(sentence));
    }
    if metadata.clearance.is_none() {
        metadata.clearance = first_capture(&sentences, &CLEARANCE_LEVEL, "level", clean_clearance)
            .or_else(|| first_capture(&sentences, &CLEARANCE_NAMED, "level", named_clearance));
    }
    if metadata.location.is_none() {
        metadata.location = first_capture(&sentences, &BASED_IN, "place", trimmed)
            .or_else(|| named_place(&sentences));
    }
    if metadata.organisation.is_none() {
        // Line by line: a title line above a sentence does not belong to its names.
        let opening: Vec<&str> = opening
            .iter()
            .flat_map(|line| sentences::split(line))
            .collect();
        metadata.organisation = first_capture(&opening, &ORGANISATION, "name", trimmed)
            .or_else(|| organisation_with_acronym(&opening));
    }
    if metadata.title.is_none() {
        metadata.title = first_capture(&sentences, &TITLE, "title", trimmed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(prose: &str) -> Metadata {
        let mut metadata = Metadata::default();
        read_prose(
            &[prose.to_owned()],
            &[prose],
            Context::default(),
            &mut metadata,
        );
        metadata
    }

    #[test]
    fn dates_after_their_phrase() {
        let found = read(
            "The closing date for applications is the 08/06/2026. The planned Start Date is the 01/10/2026.",
        );
        assert_eq!(found.deadline.as_deref(), Some("2026-06-08"));
        assert_eq!(found.start_date.as_deref(), Some("2026-10-01"));
        let found =
            read("La date limite de dépôt des candidatures est fixée au 1er octobre 2026 à 23h59.");
        assert_eq!(found.deadline.as_deref(), Some("2026-10-01"));
        assert_eq!(found.deadline_time.as_deref(), Some("23:59"));
        assert_eq!(
            read("An interview (tentative date, week 12 – 16 January 2026).").deadline,
            None
        );
    }

    #[test]
    fn salary_grade_and_clearance_in_prose() {
        let found = read(
            "The position is at grade G 23. The starting basic monthly salary is Euro 14.606 (salary value as per 2025). \
             The applicant must be eligible for a NATO Cosmic Top Secret security clearance. \
             The appointment is subject to a security clearance at COSMIC TOP SECRET level (provided by the Authorities).",
        );
        assert_eq!(found.grade.as_deref(), Some("G23"));
        assert_eq!(
            read("This role is classified as an IT-04 or IT-05 in the Computer Systems group.")
                .grade
                .as_deref(),
            Some("IT-04 or IT-05")
        );
        assert_eq!(
            read(
                "Ce rôle est classé au groupe et niveau IT-04 ou IT-05 des systèmes d’ordinateurs."
            )
            .grade
            .as_deref(),
            Some("IT-04 ou IT-05")
        );
        let salary = found.salary.expect("salary");
        assert!((salary.amount - 14606.0).abs() < 0.005);
        assert_eq!(
            (salary.currency.as_deref(), salary.period.as_deref()),
            (Some("EUR"), Some("monthly"))
        );
        assert_eq!(found.clearance.as_deref(), Some("COSMIC TOP SECRET"));
        let found = read("Candidates must hold a security clearance of at least NATO SECRET.");
        assert_eq!(found.clearance.as_deref(), Some("NATO SECRET"));
        let found = read(
            "You are required to have security clearance at ‘OCCAR Secret level’ for this post.",
        );
        assert_eq!(found.clearance.as_deref(), Some("OCCAR Secret"));
        let found = read(
            "Appointment will be subject to receipt of a security clearance (provided by the national Authorities).",
        );
        assert_eq!(found.clearance, None);
        assert_eq!(
            read("Applicants may be offered a post at the same or a lower grade.").grade,
            None
        );
    }

    #[test]
    fn places_organisations_and_titles_in_prose() {
        let found = read(
            "Working for the International Organisation OCCAR offers a unique opportunity. \
             This position is based in Paris, France, a city renowned for its quality of life.",
        );
        assert_eq!(found.location.as_deref(), Some("Paris, France"));
        assert_eq!(found.organisation.as_deref(), Some("OCCAR"));
        let found = read(
            "A leading defense organization in Paris is seeking a CSO Director to lead the NATO Science & Technology Organization.",
        );
        assert_eq!(found.title.as_deref(), Some("CSO Director"));
        assert_eq!(
            found.location, None,
            "a city without its country is not enough"
        );
        let found = read(
            "The office in Mons hosts the team. Candidates will be interviewed in Mons, Belgium (week 12).",
        );
        assert_eq!(found.location.as_deref(), Some("Mons, Belgium"));
        let found = read("Experience in Microsoft Word, Excel and similar tools is an asset.");
        assert_eq!(
            found.location, None,
            "a place the notice names once is no location"
        );
        assert_eq!(
            read("Applicants may be offered another post of a similar nature.").title,
            None
        );
    }
}
