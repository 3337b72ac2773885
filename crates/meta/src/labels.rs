//! The vocabulary of notices, read once from `data/labels.toml`: label families, contract
//! types, place and organisation words, notice phrases, dollar countries and grade shapes.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::text::{find_parts, words};

/// The fields a label can name; `Other` labels are kept only in the list of header fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    ContractType,
    Other,
}

/// What a field's value must look like to be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Shape {
    Date,
    Amount,
    Grade,
    Code,
    Level,
    Text,
    Places,
}

impl Shape {
    /// Whether a value of this shape proves its type (a date, an amount, a grade, a code), so
    /// that it can be trusted without a `:` between label and value.
    pub(crate) fn is_checked(self) -> bool {
        matches!(
            self,
            Shape::Date | Shape::Amount | Shape::Grade | Shape::Code | Shape::Level
        )
    }
}

/// One label family: the phrases that name a field.
#[derive(Debug, Deserialize)]
pub(crate) struct Family {
    pub field: Field,
    pub shape: Shape,
    pub labels: Vec<String>,
    #[serde(default)]
    pub whole_labels: Vec<String>,
}

/// The grade shapes, as regular expressions.
#[derive(Debug, Deserialize)]
pub(crate) struct Grades {
    pub shapes: Vec<String>,
}

/// The phrases that introduce a field in running prose.
#[derive(Debug, Deserialize)]
pub(crate) struct ProsePhrases {
    pub deadline: Vec<String>,
    pub start_date: Vec<String>,
    pub salary: Vec<String>,
}

/// The whole vocabulary file.
#[derive(Debug, Deserialize)]
pub(crate) struct Vocabulary {
    pub connectors: Vec<String>,
    pub function_words: Vec<String>,
    pub family: Vec<Family>,
    pub contract_types: Vec<String>,
    pub language_words: Vec<String>,
    pub banner_words: Vec<String>,
    pub place_phrases: Vec<String>,
    pub work_modes: Vec<String>,
    pub organisation_words: Vec<String>,
    pub notice_phrases: Vec<String>,
    pub application_phrases: Vec<String>,
    /// Currency code → words that show the document's country uses that dollar.
    pub dollars: BTreeMap<String, Vec<String>>,
    pub grades: Grades,
    pub prose: ProsePhrases,
}

const LABELS_TOML: &str = include_str!("../data/labels.toml");

/// The vocabulary, parsed on first use. The file is part of the crate and a unit test parses
/// it, so a failure here is a build defect, not an input error.
pub(crate) static VOCABULARY: LazyLock<Vocabulary> =
    LazyLock::new(|| toml::from_str(LABELS_TOML).expect("data/labels.toml is valid"));

/// Each family's phrases split into their words once.
static FAMILY_PHRASE_WORDS: LazyLock<Vec<Vec<Vec<&'static str>>>> = LazyLock::new(|| {
    VOCABULARY
        .family
        .iter()
        .map(|family| {
            family
                .labels
                .iter()
                .map(|phrase| phrase.split(' ').collect())
                .collect()
        })
        .collect()
});

/// A label's family: the first family with a phrase among the label's words.
pub(crate) fn family_of_label(label: &str) -> Option<&'static Family> {
    let found = words(label);
    let whole: Vec<&str> = found.iter().map(|w| w.folded.as_str()).collect();
    let whole = whole.join(" ");
    VOCABULARY
        .family
        .iter()
        .zip(FAMILY_PHRASE_WORDS.iter())
        .find(|(family, phrases)| {
            phrases
                .iter()
                .any(|parts| find_parts(&found, parts).is_some())
                || is_one_of(&family.whole_labels, &whole)
        })
        .map(|(family, _)| family)
}

/// The words a label may be made of: connectors and the words of the families' phrases.
static LABEL_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let phrases = VOCABULARY
        .family
        .iter()
        .flat_map(|family| family.labels.iter().chain(&family.whole_labels));
    VOCABULARY
        .connectors
        .iter()
        .map(String::as_str)
        .chain(phrases.flat_map(|phrase| phrase.split(' ')))
        .collect()
});

/// Whether a folded word may be part of a label: a connector or a word of a family's phrase.
pub(crate) fn is_label_word(folded: &str) -> bool {
    LABEL_WORDS.contains(folded)
}

/// Whether the folded text is one of the phrases.
pub(crate) fn is_one_of(phrases: &[String], folded: &str) -> bool {
    phrases.iter().any(|phrase| phrase == folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_parses_and_is_folded() {
        let vocabulary = &*VOCABULARY;
        assert!(!vocabulary.family.is_empty());
        let all = vocabulary
            .family
            .iter()
            .flat_map(|f| f.labels.iter().chain(&f.whole_labels))
            .chain(&vocabulary.connectors)
            .chain(&vocabulary.function_words)
            .chain(&vocabulary.contract_types)
            .chain(&vocabulary.language_words)
            .chain(&vocabulary.banner_words)
            .chain(&vocabulary.place_phrases)
            .chain(&vocabulary.work_modes)
            .chain(&vocabulary.organisation_words)
            .chain(&vocabulary.notice_phrases)
            .chain(&vocabulary.application_phrases)
            .chain(&vocabulary.prose.deadline)
            .chain(&vocabulary.prose.start_date)
            .chain(&vocabulary.prose.salary)
            .chain(vocabulary.dollars.values().flatten());
        for phrase in all {
            let folded: Vec<String> = words(phrase).into_iter().map(|w| w.folded).collect();
            assert_eq!(&folded.join(" "), phrase, "not written folded");
        }
    }

    #[test]
    fn labels_map_to_fields_in_both_languages() {
        let cases = [
            ("Primary Location", Field::Location),
            ("Emplacement principal", Field::Location),
            ("Lieu d'affectation", Field::Location),
            ("Other Locations", Field::OtherLocations),
            ("Autres emplacements", Field::OtherLocations),
            ("NATO Body", Field::Organisation),
            ("Organisation", Field::Organisation),
            ("Schedule", Field::Schedule),
            ("Horaire", Field::Schedule),
            ("Application Deadline", Field::Deadline),
            ("Date de retrait", Field::Deadline),
            ("Closing date", Field::Deadline),
            ("Date de clôture (minuit, heure locale)", Field::Deadline),
            ("Salary (Pay Basis)", Field::Salary),
            ("Salaire (Base de paie)", Field::Salary),
            ("Grade", Field::Grade),
            ("Function Group/Grade", Field::Grade),
            ("Level", Field::Grade),
            ("Clearance Level", Field::Clearance),
            ("Niveau de l'habilitation de sécurité", Field::Clearance),
            ("Start date", Field::StartDate),
            ("Job title", Field::Title),
            ("Vacancy Number", Field::Reference),
            ("Reference number", Field::Reference),
            ("No. du poste", Field::Reference),
            ("Type de contrat", Field::ContractType),
            ("Publication Date", Field::Other),
            ("Selection process number", Field::Other),
            ("Durée du contrat", Field::Other),
            ("Post", Field::Title),
            ("Date of Entry on Duty", Field::StartDate),
            ("Place of employment", Field::Location),
        ];
        for (label, field) in cases {
            assert_eq!(
                family_of_label(label).map(|f| f.field),
                Some(field),
                "{label}"
            );
        }
        assert!(family_of_label("Description").is_none());
        assert!(family_of_label("Organisational Awareness").is_none());
        assert!(family_of_label("Candidates for this post must").is_none());
    }
}
