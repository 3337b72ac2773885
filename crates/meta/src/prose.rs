//! Fields stated in running prose rather than in label lines: "The closing date for
//! applications is the 08/06/2026.", "This position is based in Paris, France", "The position
//! is at grade G 23", "seeking a CSO Director to lead …".
//!
//! Prose is only read for fields the label lines did not give.

use std::sync::LazyLock;

use model::Metadata;
use regex::Regex;

use crate::amount::find_salary;
use crate::date::{find_date, find_time};
use crate::fields::{clean_clearance, normalise_grade};
use crate::text::{Word, find_any_phrase, fold, sentences, words};

/// Phrases, folded, that introduce the application deadline in a sentence.
const DEADLINE_PHRASES: &[&str] = &[
    "closing date",
    "deadline",
    "date limite",
    "date de cloture",
    "apply by",
    "apply before",
    "submitted by",
    "received by",
    "submitted no later than",
    "received no later than",
    "sent no later than",
    "candidatures doivent parvenir",
];

/// Phrases, folded, that introduce the start date in a sentence.
pub(crate) const START_PHRASES: &[&str] = &[
    "start date",
    "starting date",
    "date de debut",
    "entry on duty",
    "entree en fonction",
    "entree en fonctions",
    "prise de fonction",
    "prise de fonctions",
];

/// Words, folded, that make a sentence about pay.
const SALARY_PHRASES: &[&str] = &["salary", "salaire", "remuneration", "pay", "traitement"];

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

/// Countries, folded with hyphens as spaces, in English and French: a "City, Country" pair
/// names a place only when its second part is one of them.
const COUNTRIES: &[&str] = &[
    "albania",
    "albanie",
    "austria",
    "autriche",
    "belgium",
    "belgique",
    "bulgaria",
    "bulgarie",
    "canada",
    "croatia",
    "croatie",
    "czechia",
    "czech republic",
    "tchequie",
    "denmark",
    "danemark",
    "estonia",
    "estonie",
    "finland",
    "finlande",
    "france",
    "germany",
    "allemagne",
    "greece",
    "grece",
    "hungary",
    "hongrie",
    "iceland",
    "islande",
    "ireland",
    "irlande",
    "italy",
    "italie",
    "latvia",
    "lettonie",
    "lithuania",
    "lituanie",
    "luxembourg",
    "montenegro",
    "netherlands",
    "pays bas",
    "north macedonia",
    "macedoine du nord",
    "norway",
    "norvege",
    "poland",
    "pologne",
    "portugal",
    "romania",
    "roumanie",
    "slovakia",
    "slovaquie",
    "slovenia",
    "slovenie",
    "spain",
    "espagne",
    "sweden",
    "suede",
    "switzerland",
    "suisse",
    "turkey",
    "turkiye",
    "turquie",
    "ukraine",
    "united kingdom",
    "royaume uni",
    "united states",
    "etats unis",
    "usa",
    "uk",
];

/// "International Organisation OCCAR", "the agency NSPA": an acronym right after the word
/// (the word itself not in capitals, as in a banner line "AGENCY LETTERHEAD").
static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Oo]rgani[sz]ation|[Aa]gency|[Aa]gence)\s+(?P<name>\p{Lu}{2,}(?:\s+\p{Lu}{2,})*)\b",
    )
    .expect("valid regex")
});

/// "at grade G 23", "au grade A3", "Grade: NATO Grade G17".
static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\bgrade)\s*:?\s*(?:(?i:nato)\s+(?i:grade)\s+)?(?P<grade>[A-Z]{1,3}[\s\-]?\d{1,2})\b",
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
/// into the metadata where still unknown, each from the first sentence that states it. The
/// words of a sentence are found once for all of them, and the reading stops as soon as no
/// field is missing.
fn read_phrased(sentences: &[&str], metadata: &mut Metadata) {
    for sentence in sentences {
        let missing_deadline = metadata.deadline.is_none();
        let missing_start = metadata.start_date.is_none();
        let missing_salary = metadata.salary.is_none();
        if !(missing_deadline || missing_start || missing_salary) {
            break;
        }
        let words = words(sentence);
        if missing_deadline
            && let Some((date, time)) = dated_after(sentence, &words, DEADLINE_PHRASES)
        {
            metadata.deadline = Some(date);
            metadata.deadline_time = time;
        }
        if missing_start {
            metadata.start_date =
                dated_after(sentence, &words, START_PHRASES).map(|(date, _)| date);
        }
        if missing_salary && find_any_phrase(&words, SALARY_PHRASES).is_some() {
            metadata.salary = find_salary(sentence);
        }
    }
}

/// A level named before "clearance", unless the capitalised word is only the sentence's
/// first ("Security clearance is required").
fn named_clearance(level: &str) -> Option<String> {
    clean_clearance(level).filter(|level| !matches!(fold(level).as_str(), "security" | "a" | "the"))
}

fn is_country(name: &str) -> bool {
    COUNTRIES.contains(&fold(name).replace('-', " ").as_str())
}

fn trimmed(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches(['.', ',']);
    (!value.is_empty()).then(|| value.to_owned())
}

/// Reads the fields stated in running prose into the metadata, where still unknown.
pub(crate) fn read_prose(prose: &str, metadata: &mut Metadata) {
    let sentences = sentences(prose);
    read_phrased(&sentences, metadata);
    if metadata.grade.is_none() {
        metadata.grade = first_capture(&sentences, &GRADE, "grade", normalise_grade);
    }
    if metadata.clearance.is_none() {
        metadata.clearance = first_capture(&sentences, &CLEARANCE_LEVEL, "level", clean_clearance)
            .or_else(|| first_capture(&sentences, &CLEARANCE_NAMED, "level", named_clearance));
    }
    if metadata.location.is_none() {
        metadata.location = first_capture(&sentences, &BASED_IN, "place", trimmed).or_else(|| {
            sentences.iter().find_map(|sentence| {
                CITY_COUNTRY
                    .captures_iter(sentence)
                    .find(|c| is_country(&c["country"]))
                    .map(|c| format!("{}, {}", &c["city"], &c["country"]))
            })
        });
    }
    if metadata.organisation.is_none() {
        metadata.organisation = first_capture(&sentences, &ORGANISATION, "name", trimmed);
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
        read_prose(prose, &mut metadata);
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
        let salary = found.salary.expect("salary");
        assert!((salary.amount - 14606.0).abs() < 0.005);
        assert_eq!(
            (salary.currency.as_str(), salary.period.as_str()),
            ("EUR", "monthly")
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
        let found = read("Candidates will be interviewed in Mons, Belgium (week 12).");
        assert_eq!(found.location.as_deref(), Some("Mons, Belgium"));
        assert_eq!(
            read("Applicants may be offered another post of a similar nature.").title,
            None
        );
    }
}
