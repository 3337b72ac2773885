//! Meta: the notice's fields (title, reference, location, deadline, salary, grade, …).
//!
//! Entry points: [`extract`] reads one language's text into a [`Metadata`];
//! [`cross_check`] compares the English and French fields that must agree and reports each
//! disagreement as a `metadata-mismatch` warning.
//!
//! Fields are read in three passes, each only filling what the previous ones left empty:
//! label–value lines ("Primary Location: Belgium-Brussels", "Grade NATO Grade G20"), whose
//! labels are recognised by keyword families in English and French; the title line of the
//! header block ("Officer, Defence Policy - 251836"); and running prose ("The closing date
//! for applications is the 08/06/2026."). Values are normalised: dates to ISO 8601, times to
//! 24-hour `HH:MM`, amounts to numbers whichever decimal convention they use, grades to
//! "G20". A field the text does not state stays `None`.
//!
//! This crate does not split languages or sections: it reads the text it is given, and it
//! does no I/O.
//!
//! ```
//! let text = "Officer, Defence Policy - 251836\n\nApplication Deadline: 4-Jan-2026\n\
//!             Salary (Pay Basis): 9,253.21 (EUR) Monthly\nGrade NATO Grade G20";
//! let metadata = meta::extract(text, model::Lang::En);
//! assert_eq!(metadata.reference.as_deref(), Some("251836"));
//! assert_eq!(metadata.deadline.as_deref(), Some("2026-01-04"));
//! assert_eq!(metadata.grade.as_deref(), Some("G20"));
//! ```

mod amount;
mod date;
mod fields;
mod prose;
mod text;
mod title;

use model::{Diagnostic, Lang, Metadata, Salary, codes};

/// Reads the fields stated in one language's text: the header block and the sections of
/// that language, or a whole monolingual notice.
///
/// The label vocabularies of both languages are tried whatever `lang` is, because notices
/// mix them (French headers keep "NATO Grade G20"); the values are kept in the text's own
/// wording.
pub fn extract(text: &str, _lang: Lang) -> Metadata {
    let lines: Vec<String> = text.lines().map(text::plain_spaces).collect();
    let mut metadata = Metadata::default();
    fields::read_labelled_lines(&lines, &mut metadata);
    title::read_title(&lines, &mut metadata);
    prose::read_prose(&text::flowed(text), &mut metadata);
    metadata
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
    compare("grade", en.grade.clone(), fr.grade.clone());
    warnings
}

/// A salary as compared and reported: amount to the cent, currency and period.
fn describe(salary: &Salary) -> String {
    format!("{:.2} {} {}", salary.amount, salary.currency, salary.period)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salary(amount: f64) -> Option<Salary> {
        Some(Salary {
            amount,
            currency: "EUR".to_owned(),
            period: "monthly".to_owned(),
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
        let found = extract(english, Lang::En);
        assert_eq!(found.title.as_deref(), Some("Senior Software Engineer"));
        assert_eq!(found.reference.as_deref(), Some("AG-2026-014"));
        assert_eq!(found.location.as_deref(), Some("The Hague, Netherlands"));
        assert_eq!(found.grade.as_deref(), Some("A3"));
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
        let found = extract(french, Lang::Fr);
        assert_eq!(found.reference.as_deref(), Some("AG-2026-014"));
        assert_eq!(found.location.as_deref(), Some("La Haye (Pays-Bas)"));
        assert_eq!(found.deadline.as_deref(), Some("2026-01-15"));
        assert_eq!(found.deadline_time.as_deref(), Some("23:59"));
        assert_eq!(found.start_date.as_deref(), Some("2026-03-01"));
        assert_eq!(found.salary, salary(7912.4));
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
        assert_eq!(
            cross_check(&en, &Metadata::default()),
            [],
            "one-sided fields are no mismatch"
        );
    }

    #[test]
    fn salaries_that_disagree_are_reported() {
        let en = extract(
            "Salary (Pay Basis): 9,253.21 (EUR) Monthly\nGrade: NATO Grade G20",
            Lang::En,
        );
        let fr = extract(
            "Salaire (Base de paie) : 9 523,21 Euro (EUR) Mensuelle\nGrade : NATO Grade G20",
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
