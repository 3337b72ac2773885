//! One row per document with its notice's fields flattened: the columns shared by
//! `notices.csv` and `notices.parquet`.
//!
//! Fields a notice words in each language (title, location, organisation, schedule,
//! contract type) get a column per language (`title_en`, `title_fr`); fields that are the
//! same in both (reference, grade, salary, dates, clearance) get one column, holding the
//! English notice's value, else the French one's (the pipeline cross-checks the two and warns
//! when they differ).

use model::{Document, Kind, Lang, Metadata, Salary, Status};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// Text, empty when unknown.
    Text,
    /// A number, empty when unknown.
    Number,
    /// A count, always present.
    Count,
}

/// A value of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Text, or none.
    Text(Option<String>),
    /// A number, or none.
    Number(Option<f64>),
    /// A count.
    Count(u64),
}

/// A column: its name, what it holds and how a document gives it.
pub(crate) struct Column {
    /// The column's name.
    pub(crate) name: &'static str,
    /// What it holds.
    pub(crate) kind: ColumnKind,
    value: fn(&Document) -> Cell,
}

impl Column {
    /// The document's value in this column.
    pub(crate) fn value(&self, doc: &Document) -> Cell {
        (self.value)(doc)
    }
}

fn meta(doc: &Document, lang: Lang) -> Option<&Metadata> {
    doc.metadata.get(&lang)
}

/// The first language's value of a field, else the other's.
fn shared<'a, T>(doc: &'a Document, field: impl Fn(&'a Metadata) -> Option<T>) -> Option<T> {
    Lang::ALL
        .into_iter()
        .find_map(|lang| meta(doc, lang).and_then(&field))
}

fn salary(doc: &Document) -> Option<&Salary> {
    shared(doc, |m| m.salary.as_ref())
}

fn text(value: Option<&str>) -> Cell {
    Cell::Text(value.map(str::to_owned))
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Partial => "partial",
        Status::Failed => "failed",
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Bilingual => "bilingual",
        Kind::Monolingual => "monolingual",
        Kind::Empty => "empty",
    }
}

fn count(n: usize) -> Cell {
    Cell::Count(u64::try_from(n).unwrap_or(u64::MAX))
}

/// A text column read from one language's fields.
macro_rules! worded {
    ($name:literal, $lang:expr, $field:ident) => {
        Column {
            name: $name,
            kind: ColumnKind::Text,
            value: |d| text(meta(d, $lang).and_then(|m| m.$field.as_deref())),
        }
    };
}

/// A text column read from the English fields, else the French ones.
macro_rules! same_in_both {
    ($name:literal, $field:ident) => {
        Column {
            name: $name,
            kind: ColumnKind::Text,
            value: |d| text(shared(d, |m| m.$field.as_deref())),
        }
    };
}

/// The columns, in order.
pub(crate) const COLUMNS: &[Column] = &[
    Column {
        name: "id",
        kind: ColumnKind::Text,
        value: |d| text(Some(&d.id)),
    },
    Column {
        name: "sources",
        kind: ColumnKind::Text,
        value: |d| {
            let paths: Vec<&str> = d.sources.iter().map(|s| s.path.as_str()).collect();
            Cell::Text(Some(paths.join(" | ")))
        },
    },
    Column {
        name: "status",
        kind: ColumnKind::Text,
        value: |d| text(Some(status_name(d.status))),
    },
    Column {
        name: "kind",
        kind: ColumnKind::Text,
        value: |d| text(d.kind.map(kind_name)),
    },
    Column {
        name: "languages",
        kind: ColumnKind::Text,
        value: |d| {
            let codes: Vec<&str> = d.languages.iter().map(|l| l.code()).collect();
            Cell::Text(Some(codes.join(" ")))
        },
    },
    Column {
        name: "errors",
        kind: ColumnKind::Text,
        value: |d| {
            let codes: Vec<&str> = d.errors.iter().map(|e| e.code.as_str()).collect();
            Cell::Text(Some(codes.join(" ")))
        },
    },
    worded!("title_en", Lang::En, title),
    worded!("title_fr", Lang::Fr, title),
    same_in_both!("reference", reference),
    same_in_both!("grade", grade),
    Column {
        name: "salary_amount",
        kind: ColumnKind::Number,
        value: |d| Cell::Number(salary(d).map(|s| s.amount)),
    },
    Column {
        name: "salary_max",
        kind: ColumnKind::Number,
        value: |d| Cell::Number(salary(d).and_then(|s| s.max)),
    },
    Column {
        name: "salary_currency",
        kind: ColumnKind::Text,
        value: |d| text(salary(d).and_then(|s| s.currency.as_deref())),
    },
    Column {
        name: "salary_period",
        kind: ColumnKind::Text,
        value: |d| text(salary(d).and_then(|s| s.period.as_deref())),
    },
    same_in_both!("deadline", deadline),
    same_in_both!("deadline_time", deadline_time),
    same_in_both!("start_date", start_date),
    worded!("location_en", Lang::En, location),
    worded!("location_fr", Lang::Fr, location),
    worded!("organisation_en", Lang::En, organisation),
    worded!("organisation_fr", Lang::Fr, organisation),
    worded!("schedule_en", Lang::En, schedule),
    worded!("schedule_fr", Lang::Fr, schedule),
    worded!("contract_type_en", Lang::En, contract_type),
    worded!("contract_type_fr", Lang::Fr, contract_type),
    same_in_both!("clearance", clearance),
    Column {
        name: "section_pairs",
        kind: ColumnKind::Count,
        value: |d| count(d.section_pairs().count()),
    },
    Column {
        name: "segment_pairs",
        kind: ColumnKind::Count,
        value: |d| count(d.section_pairs().map(|s| s.segments.len()).sum()),
    },
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use model::Salary;

    use super::*;

    fn value(doc: &Document, name: &str) -> Cell {
        COLUMNS
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.value(doc))
            .expect("a column of that name")
    }

    #[test]
    fn worded_fields_get_a_column_per_language_and_shared_ones_prefer_english() {
        let en = Metadata {
            title: Some("Officer".to_owned()),
            salary: Some(Salary {
                amount: 9253.21,
                max: None,
                currency: Some("EUR".to_owned()),
                period: Some("monthly".to_owned()),
            }),
            ..Metadata::default()
        };
        let fr = Metadata {
            title: Some("Administratrice".to_owned()),
            grade: Some("G20".to_owned()),
            ..Metadata::default()
        };
        let mut doc = Document::failed("doc".to_owned(), Vec::new(), None, Vec::new());
        doc.metadata = BTreeMap::from([(Lang::En, en), (Lang::Fr, fr)]);
        doc.languages = vec![Lang::En, Lang::Fr];
        assert_eq!(value(&doc, "title_en"), text(Some("Officer")));
        assert_eq!(value(&doc, "title_fr"), text(Some("Administratrice")));
        assert_eq!(value(&doc, "grade"), text(Some("G20")), "from French");
        assert_eq!(value(&doc, "salary_amount"), Cell::Number(Some(9253.21)));
        assert_eq!(value(&doc, "salary_max"), Cell::Number(None));
        assert_eq!(value(&doc, "languages"), text(Some("en fr")));
        assert_eq!(value(&doc, "status"), text(Some("failed")));
        assert_eq!(value(&doc, "kind"), Cell::Text(None));
    }

    #[test]
    fn column_names_are_unique() {
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len());
    }
}
