//! The shared vocabulary of bitextract.
//!
//! This crate holds the plain data types that flow between the pipeline stages:
//! [`Lang`], [`Extracted`] text from an input file with its typed [`Block`]s, the finished [`Document`] with its
//! [`Section`]s, [`SegmentPair`]s and [`Metadata`], and the [`Diagnostic`]s that explain
//! what went wrong or what was changed.
//!
//! It does no work of its own: no I/O, no parsing, no heuristics. Every other crate
//! depends on it, and it depends on nothing but `serde`, so that the types serialize
//! exactly as the dataset contract spells them, and `schemars`, so that the document
//! types describe themselves as a JSON Schema.

mod blocks;
mod diagnostic;
mod document;
mod extracted;
mod manifest;
mod metadata;

pub use blocks::{Block, BlockKind, BlockText, DOCUMENT_TITLE_LEVEL, Heading};
pub use diagnostic::{Diagnostic, codes};
pub use document::{
    Document, Kind, LanguageFit, LanguageShare, OtherText, Section, SectionSide, SegmentPair,
    Source, SourceFormat, Status,
};
pub use extracted::Extracted;
pub use manifest::{Counts, ExportSummary, InputRecord, Manifest, SkippedFile, Timings};
pub use metadata::{LabelledValue, Metadata, Salary};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One of the two languages bitextract pairs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Both languages, English first: the order used everywhere in the output.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The ISO 639-1 code, as written in the dataset.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The JSON shape is the dataset contract: these names must never change.
    #[test]
    fn documents_serialize_with_the_contract_field_names() {
        let metadata = Metadata {
            title: Some("Officer".to_owned()),
            salary: Some(Salary {
                amount: 60424.0,
                max: Some(67582.0),
                currency: Some("CAD".to_owned()),
                period: None,
            }),
            contract_type: Some("Indeterminate".to_owned()),
            fields: vec![LabelledValue {
                label: "Closing date".to_owned(),
                value: "14 December 2025".to_owned(),
            }],
            ..Metadata::default()
        };
        let doc = Document {
            id: "text-001".to_owned(),
            sources: vec![Source {
                path: "text/001.txt".to_owned(),
                format: SourceFormat::Text,
                sha256: "ab".to_owned(),
                bytes: 2,
                pages: None,
                languages: vec![Lang::En, Lang::Fr],
            }],
            status: Status::Ok,
            errors: vec![],
            warnings: vec![Diagnostic::new(codes::PAGE_FURNITURE_REMOVED, "header")],
            kind: Some(Kind::Bilingual),
            languages: vec![Lang::En, Lang::Fr],
            metadata: BTreeMap::from([(Lang::En, metadata)]),
            sections: vec![Section {
                index: 1,
                number: None,
                en: Some(SectionSide {
                    heading: None,
                    text: "t".to_owned(),
                }),
                fr: None,
                confidence: 0.0,
                segments: vec![],
            }],
            language_shares: vec![],
            other_languages: vec![],
        };
        let json = serde_json::to_value(&doc).expect("serializes");
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().expect("object").keys().cloned().collect()
        };
        assert_eq!(
            keys(&json),
            [
                "errors",
                "id",
                "kind",
                "languages",
                "metadata",
                "sections",
                "sources",
                "status",
                "warnings"
            ]
        );
        assert_eq!(json["status"], "ok");
        assert_eq!(json["kind"], "bilingual");
        assert_eq!(json["sources"][0]["format"], "text");
        assert_eq!(json["warnings"][0]["code"], "page-furniture-removed");
        assert_eq!(
            keys(&json["metadata"]["en"]),
            ["contract_type", "fields", "salary", "title"],
            "absent fields are left out"
        );
        assert_eq!(
            keys(&json["metadata"]["en"]["salary"]),
            ["amount", "currency", "max"],
            "an unstated period is left out"
        );
        assert_eq!(json["metadata"]["en"]["salary"]["max"], 67582.0);
        assert_eq!(json["metadata"]["en"]["fields"][0]["label"], "Closing date");
        assert!(json["sections"][0]["fr"].is_null());
        assert!(json["sections"][0]["en"]["heading"].is_null());
        let back: Document = serde_json::from_value(json).expect("round-trips");
        assert_eq!(back, doc);
    }

    #[test]
    fn languages_pair_up() {
        assert_eq!(Lang::En.other(), Lang::Fr);
        assert_eq!(Lang::Fr.to_string(), "fr");
    }
}
