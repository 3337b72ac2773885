//! Meta: the notice's fields (title, reference, location, deadline, salary, grade, …).
//!
//! Entry points: [`extract`] reads one language's text into a [`Metadata`];
//! [`cross_check`] compares the English and French fields that must agree and reports each
//! disagreement as a `metadata-mismatch` warning.
//!
//! Fields are read in four passes, each only filling what the previous ones left empty:
//! label–value pairs — the reader's label–value blocks, or lines of the text ("Primary
//! Location: Belgium-Brussels", "Grade NATO Grade G20", a label above its value, a label
//! wrapped over two lines) — whose labels are recognised by the label families of
//! `data/labels.toml`, in English and French; the title block ("Officer, Defence Policy -
//! 251836", a top heading); the unlabelled header lines below the title, by the shape of
//! their values (a grade, a salary range, contract types, "Place (Region)"); and running
//! prose ("The closing date for applications is the 08/06/2026.", "classified as an
//! AS-05"). Every value is checked by its shape and normalised: dates to ISO 8601, times to
//! 24-hour `HH:MM`, amounts to numbers whichever decimal convention they use; grades keep
//! the notice's spelling. A field the text does not state stays `None`, and a text that is
//! not a vacancy notice (too little notice vocabulary and too few labelled fields) gets none.
//!
//! This crate does not split languages or sections: it reads the text it is given, and it
//! does no I/O.
//!
//! ```
//! let text = "Officer, Defence Policy - 251836\n\nApplication Deadline: 4-Jan-2026\n\
//!             Salary (Pay Basis): 9,253.21 (EUR) Monthly\nGrade NATO Grade G20";
//! let metadata = meta::extract(text, &[], model::Lang::En);
//! assert_eq!(metadata.reference.as_deref(), Some("251836"));
//! assert_eq!(metadata.deadline.as_deref(), Some("2026-01-04"));
//! assert_eq!(metadata.grade.as_deref(), Some("G20"));
//! assert_eq!(metadata.fields[0].label, "Application Deadline");
//! ```

mod amount;
mod date;
mod fields;
mod grade;
mod header;
mod labels;
mod pairs;
mod prose;
mod text;
mod title;

use model::{Block, Diagnostic, LabelledValue, Lang, Metadata, Salary, codes};

use crate::fields::Context;
use crate::labels::{Field, VOCABULARY};
use crate::pairs::Pair;

/// Reads the fields stated in one language's text: the header block and the sections of
/// that language, or a whole monolingual notice. `blocks` describe the text's lines as its
/// reader saw them (`Block::line` indexes `text.split('\n')`); they may be empty, and then
/// the label–value lines are found in the text itself.
///
/// The label vocabularies of both languages are tried whatever `lang` is, because notices
/// mix them (French headers keep "NATO Grade G20"); the values are kept in the text's own
/// wording. A text that is not a vacancy notice gets no field at all.
pub fn extract(text: &str, blocks: &[Block], _lang: Lang) -> Metadata {
    let lines: Vec<String> = text.split('\n').map(text::plain_spaces).collect();
    let context = Context {
        dollar: dollar_of(text),
    };
    let pairs = pairs::find_pairs(&lines, blocks);
    let mut metadata = Metadata::default();
    for pair in &pairs {
        let Some(family) = pair.family else { continue };
        // The period may be in the label ("Monthly salary: 5,000 EUR"); labels hold no digits.
        let value = if family.field == Field::Salary {
            format!("{} {}", pair.label, pair.value)
        } else {
            pair.value.clone()
        };
        fields::apply(&mut metadata, family.field, &value, context);
    }
    if let Some(title_line) = title::read_title(&lines, blocks, &pairs, &mut metadata) {
        header::read_unlabelled(&lines, title_line, &pairs, context, &mut metadata);
    }
    let opening = opening_lines(&lines, &pairs);
    // Prose is what the pairs did not read: their lines end paragraphs.
    let mut prose_lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    for pair in &pairs {
        let covered = pair.line.min(prose_lines.len())..(pair.last + 1).min(prose_lines.len());
        prose_lines[covered].fill("");
    }
    prose::read_prose(
        &text::paragraphs(&prose_lines.join("\n")),
        &opening,
        context,
        &mut metadata,
    );
    metadata.fields = header_fields(&lines, &pairs);
    if !notice_evidence(text, &pairs, &metadata).is_notice() {
        return Metadata::default();
    }
    metadata
}

/// What makes a text a vacancy notice: the distinct notice phrases it uses ("closing date",
/// "applicants", "poste"), the distinct notice fields its labels name, and whether it states
/// a deadline or a grade anywhere (amounts and numbers fill reports too).
#[derive(Debug, Clone, Copy)]
struct NoticeEvidence {
    phrases: usize,
    application_phrases: usize,
    labelled_fields: usize,
    states_deadline_or_grade: bool,
}

/// A header of this many distinct labelled fields is a notice's, whatever the text around.
const NOTICE_LABELLED_FIELDS_MIN: usize = 3;

/// Otherwise a notice speaks of applying (one application phrase at least), uses at least
/// this many notice phrases and states a field...
const NOTICE_PHRASES_MIN: usize = 3;

/// ...or uses at least this many phrases: a release about job vacancies says "job",
/// "vacancy" and "vacancies" but states no deadline, grade or salary; a report mentions a
/// deadline and recruitment in passing. All three chosen between the development and real
/// notices (5 labelled fields, 3 phrases and a field, or 5 phrases, per language) and the
/// reports, releases and READMEs beside them (2 phrases and no labelled field at most).
const NOTICE_PHRASES_WITHOUT_FIELDS_MIN: usize = 5;

impl NoticeEvidence {
    fn is_notice(self) -> bool {
        let states_a_field = self.labelled_fields > 0 || self.states_deadline_or_grade;
        let enough_phrases = (self.phrases >= NOTICE_PHRASES_MIN && states_a_field)
            || self.phrases >= NOTICE_PHRASES_WITHOUT_FIELDS_MIN;
        self.labelled_fields >= NOTICE_LABELLED_FIELDS_MIN
            || (self.application_phrases > 0 && enough_phrases)
    }
}

/// How much the text reads as a vacancy notice.
fn notice_evidence(text: &str, pairs: &[Pair], metadata: &Metadata) -> NoticeEvidence {
    let found = text::words(text);
    let used = |phrases: &[String]| {
        let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
        text::count_phrases(&found, &phrases)
            .into_iter()
            .filter(|&count| count > 0)
            .count()
    };
    let application_phrases = used(&VOCABULARY.application_phrases);
    let phrases = used(&VOCABULARY.notice_phrases) + application_phrases;
    let mut labelled: Vec<Field> = pairs
        .iter()
        .filter_map(|pair| pair.family.map(|f| f.field))
        .filter(|field| *field != Field::Other)
        .collect();
    labelled.sort_by_key(|field| *field as usize);
    labelled.dedup();
    NoticeEvidence {
        phrases,
        application_phrases,
        labelled_fields: labelled.len(),
        states_deadline_or_grade: metadata.deadline.is_some() || metadata.grade.is_some(),
    }
}

/// The currency a bare "$" stands for: the one whose country the text names most.
fn dollar_of(text: &str) -> Option<&'static str> {
    if !text.contains('$') {
        return None;
    }
    let found = text::words(text);
    VOCABULARY
        .dollars
        .iter()
        .map(|(code, names)| {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let mentions: usize = text::count_phrases(&found, &names).into_iter().sum();
            (mentions, code.as_str())
        })
        .filter(|(mentions, _)| *mentions > 0)
        .max_by_key(|(mentions, _)| *mentions)
        .map(|(_, code)| code)
}

/// Without a field line, the opening is this many non-empty lines.
const OPENING_LINES: usize = 3;

/// The text before the header's first field (or the first lines when there is none): where
/// a notice introduces its employer.
fn opening_lines<'l>(lines: &'l [String], pairs: &[Pair]) -> Vec<&'l str> {
    let first_field = pairs
        .iter()
        .find(|pair| pair.family.is_some_and(|f| f.field != Field::Other))
        .map(|pair| pair.line);
    match first_field {
        Some(line) => lines[..line].iter().map(String::as_str).collect(),
        None => lines
            .iter()
            .map(String::as_str)
            .filter(|line| !line.is_empty())
            .take(OPENING_LINES)
            .collect(),
    }
}

/// The header's pairs run on with at most this many other non-empty lines between two of
/// them (the unlabelled lines of a header: organisation, unit, places, grade, pay, a link).
const MAX_HEADER_GAP_LINES: usize = 8;

/// The label–value pairs of the header, as found and in order: the run of pairs that starts
/// at the first one naming a field.
fn header_fields(lines: &[String], pairs: &[Pair]) -> Vec<LabelledValue> {
    let Some(first) = pairs
        .iter()
        .position(|pair| pair.family.is_some_and(|f| f.field != Field::Other))
    else {
        return Vec::new();
    };
    let mut header = vec![&pairs[first]];
    for pair in &pairs[first + 1..] {
        let previous = header[header.len() - 1];
        let between = lines.get(previous.last + 1..pair.line).unwrap_or_default();
        let gap = between.iter().filter(|l| !l.is_empty()).count();
        // The header ends where the first numbered section opens ("1. SUMMARY").
        let section_opens = between.iter().any(|l| pairs::is_numbered_heading(l));
        if gap > MAX_HEADER_GAP_LINES || section_opens {
            break;
        }
        header.push(pair);
    }
    header
        .into_iter()
        .map(|pair| LabelledValue {
            label: pair.label.clone(),
            value: pair.value.clone(),
        })
        .collect()
}

/// Warnings for fields that must agree between English and French but do not: the
/// reference, the deadline (date and time), the salary and the grade. A field stated on one
/// side only is not a disagreement.
pub fn cross_check(en: &Metadata, fr: &Metadata) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut compare = |field: &str, en: Option<String>, fr: Option<String>| {
        if let (Some(en), Some(fr)) = (en, fr)
            && en != fr
        {
            warnings.push(Diagnostic::new(
                codes::METADATA_MISMATCH,
                format!("{field} differs between English ({en}) and French ({fr})"),
            ));
        }
    };
    compare("reference", en.reference.clone(), fr.reference.clone());
    compare("deadline", en.deadline.clone(), fr.deadline.clone());
    compare(
        "deadline_time",
        en.deadline_time.clone(),
        fr.deadline_time.clone(),
    );
    compare(
        "salary",
        en.salary.as_ref().map(describe),
        fr.salary.as_ref().map(describe),
    );
    // Grades are compared without the words that join a list ("or", "ou").
    let grades = |m: &Metadata| {
        m.grade
            .as_ref()
            .map(|list| (grade::grade_tokens(list).join(","), list.clone()))
    };
    if let (Some((en_tokens, en_list)), Some((fr_tokens, fr_list))) = (grades(en), grades(fr))
        && en_tokens != fr_tokens
    {
        warnings.push(Diagnostic::new(
            codes::METADATA_MISMATCH,
            format!("grade differs between English ({en_list}) and French ({fr_list})"),
        ));
    }
    warnings
}

/// A salary as compared and reported: amount (and upper bound) to the cent, currency and
/// period, each when stated.
fn describe(salary: &Salary) -> String {
    let mut described = format!("{:.2}", salary.amount);
    if let Some(max) = salary.max {
        described.push_str(&format!("–{max:.2}"));
    }
    for part in [&salary.currency, &salary.period].into_iter().flatten() {
        described.push(' ');
        described.push_str(part);
    }
    described
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salary(amount: f64) -> Option<Salary> {
        Some(Salary {
            amount,
            max: None,
            currency: Some("EUR".to_owned()),
            period: Some("monthly".to_owned()),
        })
    }

    #[test]
    fn reads_a_header_laid_out_differently() {
        let english = "AGENCY LETTERHEAD\n\nSenior Software Engineer\n\nVacancy Number: AG-2026-014\n\
                       Duty Station: The Hague, Netherlands\nGrade: A-3\n\
                       Required Security Clearance: NATO SECRET\n\
                       Deadline for applications: January 15th, 2026 at 23:59 CET\n\
                       Start date: as soon as possible\n\
                       Basic monthly salary: € 7 912,40 (tax free)\n";
        let found = extract(english, &[], Lang::En);
        assert_eq!(found.title.as_deref(), Some("Senior Software Engineer"));
        assert_eq!(found.reference.as_deref(), Some("AG-2026-014"));
        assert_eq!(found.location.as_deref(), Some("The Hague, Netherlands"));
        assert_eq!(
            found.grade.as_deref(),
            Some("A-3"),
            "as the notice spells it"
        );
        assert_eq!(found.clearance.as_deref(), Some("NATO SECRET"));
        assert_eq!(found.deadline.as_deref(), Some("2026-01-15"));
        assert_eq!(found.deadline_time.as_deref(), Some("23:59"));
        assert_eq!(found.start_date, None, "no date stated");
        assert_eq!(found.salary, salary(7912.4));
        assert_eq!(found.organisation, None);

        let french = "Ingénieure/Ingénieur logiciel principal(e)\n\nNuméro de l'avis : AG-2026-014\n\
                      Lieu d'affectation : La Haye (Pays-Bas)\n\
                      Date limite de dépôt des candidatures : 15 janv. 2026 à 23h59\n\
                      Date d'entrée en fonction : 1er mars 2026\n\
                      Rémunération : 7 912,40 euros nets par mois\n";
        let found = extract(french, &[], Lang::Fr);
        assert_eq!(found.reference.as_deref(), Some("AG-2026-014"));
        assert_eq!(found.location.as_deref(), Some("La Haye (Pays-Bas)"));
        assert_eq!(found.deadline.as_deref(), Some("2026-01-15"));
        assert_eq!(found.deadline_time.as_deref(), Some("23:59"));
        assert_eq!(found.start_date.as_deref(), Some("2026-03-01"));
        assert_eq!(found.salary, salary(7912.4));
    }

    #[test]
    fn header_fields_are_the_pairs_of_the_header_only() {
        let text = "Data Officer - 2026017\n\nLocation: Rome\nClosing date: 4 May 2026\n\
                    Who can apply: residents\n\n1. DUTIES\n\nThe incumbent must: draft reports.\n\
                    Note: travel is frequent.\nApplicants apply online; candidates are contacted.";
        let found = extract(text, &[], Lang::En);
        let labels: Vec<&str> = found.fields.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["Location", "Closing date", "Who can apply"]);
        assert_eq!(found.title.as_deref(), Some("Data Officer"));
        assert_eq!(found.reference.as_deref(), Some("2026017"));
    }

    #[test]
    fn agreeing_sides_give_no_warning() {
        let en = Metadata {
            reference: Some("251836".to_owned()),
            salary: salary(9253.21),
            grade: Some("G20".to_owned()),
            ..Metadata::default()
        };
        let fr = Metadata {
            title: Some("Administratrice/Administrateur".to_owned()),
            ..en.clone()
        };
        assert_eq!(cross_check(&en, &fr), []);
        let listed = |grade: &str| Metadata {
            grade: Some(grade.to_owned()),
            ..Metadata::default()
        };
        assert_eq!(
            cross_check(&listed("IT-04 or IT-05"), &listed("IT-04 ou IT-05")),
            [],
            "lists joined in each language's words agree"
        );
        assert_eq!(
            cross_check(&en, &Metadata::default()),
            [],
            "one-sided fields are no mismatch"
        );
    }

    #[test]
    fn salaries_that_disagree_are_reported() {
        let en = extract(
            "Salary (Pay Basis): 9,253.21 (EUR) Monthly\nGrade: NATO Grade G20\nApplication Deadline: 4-Jan-2026",
            &[],
            Lang::En,
        );
        let fr = extract(
            "Salaire (Base de paie) : 9 523,21 Euro (EUR) Mensuelle\nGrade : NATO Grade G20\nDate de retrait : 4-janv.-2026",
            &[],
            Lang::Fr,
        );
        let warnings = cross_check(&en, &fr);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].code, codes::METADATA_MISMATCH);
        assert!(
            warnings[0].message.contains("salary"),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[0].message.contains("9253.21 EUR monthly"),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[0].message.contains("9523.21 EUR monthly"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn every_checked_field_is_named() {
        let en = Metadata {
            reference: Some("251836".to_owned()),
            deadline: Some("2026-01-04".to_owned()),
            deadline_time: Some("23:59".to_owned()),
            grade: Some("G20".to_owned()),
            ..Metadata::default()
        };
        let fr = Metadata {
            reference: Some("251863".to_owned()),
            deadline: Some("2026-01-14".to_owned()),
            deadline_time: Some("00:59".to_owned()),
            grade: Some("G17".to_owned()),
            ..Metadata::default()
        };
        let fields: Vec<String> = cross_check(&en, &fr)
            .into_iter()
            .map(|w| w.message.split(' ').next().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(fields, ["reference", "deadline", "deadline_time", "grade"]);
    }
}
