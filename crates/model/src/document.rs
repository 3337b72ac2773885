use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Lang, Metadata};

/// One output document: `documents/<id>.json` in the dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Stable identifier derived from the source path(s).
    pub id: String,
    /// The input file(s) the document was built from; two when EN and FR came separately.
    pub sources: Vec<Source>,
    /// Whether extraction succeeded.
    pub status: Status,
    /// Why the document failed or is partial.
    pub errors: Vec<Diagnostic>,
    /// What was changed or doubted on the way.
    pub warnings: Vec<Diagnostic>,
    /// Bilingual, monolingual or empty; `null` when the input could not be read at all.
    pub kind: Option<Kind>,
    /// The languages with substantial text, English first.
    pub languages: Vec<Lang>,
    /// The notice's fields, per language, in that language's own wording.
    pub metadata: BTreeMap<Lang, Metadata>,
    /// The sections in document order.
    pub sections: Vec<Section>,
    /// Every language found, with its share of the words: English and French first, then
    /// the others by share. Empty for a document without text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub language_shares: Vec<LanguageShare>,
    /// Text in languages other than English and French, in document order. It is kept here
    /// and never enters a section, a pair or a segment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_languages: Vec<OtherText>,
}

/// A language of a document and its share of the document's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LanguageShare {
    /// ISO 639-1 code (`und` when the language is not known).
    pub lang: String,
    /// Share of the document's words, in [0, 1].
    pub share: f64,
}

/// A stretch of text in a language other than English and French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OtherText {
    /// ISO 639-1 code (`und` when the language is not known).
    pub lang: String,
    /// The text, lines as read.
    pub text: String,
}

impl Document {
    /// A failed document: no text, only the reasons.
    pub fn failed(
        id: String,
        sources: Vec<Source>,
        kind: Option<Kind>,
        errors: Vec<Diagnostic>,
    ) -> Self {
        Document {
            id,
            sources,
            status: Status::Failed,
            errors,
            warnings: Vec::new(),
            kind,
            languages: Vec::new(),
            metadata: BTreeMap::new(),
            sections: Vec::new(),
            language_shares: Vec::new(),
            other_languages: Vec::new(),
        }
    }

    /// The sections that have both an English and a French side.
    pub fn section_pairs(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(|s| s.en.is_some() && s.fr.is_some())
    }
}

/// One input file behind a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// Path relative to the corpus root, with `/` separators.
    pub path: String,
    /// The input format.
    pub format: SourceFormat,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Page count for paged formats.
    pub pages: Option<u32>,
    /// Languages found in this file.
    pub languages: Vec<Lang>,
}

/// Input formats bitextract reads.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// A PDF file.
    Pdf,
    /// A plain-text file in any supported encoding.
    #[default]
    Text,
    /// An HTML page (`.html`, `.htm`, or a text file holding HTML).
    Html,
    /// A Markdown file (`.md`, `.markdown`), with or without YAML front matter.
    Markdown,
    /// A Word document in Office Open XML (`.docx`).
    Docx,
}

/// Outcome of processing a document.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Extracted completely.
    Ok,
    /// Something usable was extracted, but part of the input was lost (see `errors`).
    Partial,
    /// Nothing usable; `errors` says why.
    Failed,
}

/// What a document holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Substantial text in both languages.
    Bilingual,
    /// Substantial text in one language only.
    Monolingual,
    /// No text.
    Empty,
}

/// A section: one language's heading and text, and its counterpart in the other language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// 1-based position in the document.
    pub index: usize,
    /// The heading's number ("2" for "2. QUALIFICATIONS"), `null` for the preamble
    /// and for unnumbered sections.
    pub number: Option<u32>,
    /// The English side, `null` when the section exists only in French.
    pub en: Option<SectionSide>,
    /// The French side, `null` when the section exists only in English.
    pub fr: Option<SectionSide>,
    /// How sure the pairing is, in [0, 1]; low for one-sided sections.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f64,
    /// Aligned sentence and bullet pairs inside the section.
    pub segments: Vec<SegmentPair>,
}

impl Section {
    /// The side of the given language.
    pub fn side(&self, lang: Lang) -> Option<&SectionSide> {
        match lang {
            Lang::En => self.en.as_ref(),
            Lang::Fr => self.fr.as_ref(),
        }
    }
}

/// One language's side of a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SectionSide {
    /// The heading without its number; `null` for the preamble.
    pub heading: Option<String>,
    /// Clean running text: paragraphs separated by a blank line, bullets one per line.
    pub text: String,
}

/// An aligned pair of segments (sentences, bullets or short paragraphs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SegmentPair {
    /// The English segment(s).
    pub en: String,
    /// The French segment(s).
    pub fr: String,
    /// How sure the link is, in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f64,
    /// What each side's words say about its language; absent when not measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_fit: Option<LanguageFit>,
}

impl SegmentPair {
    /// A pair with its confidence, its language fit not measured.
    pub fn new(en: impl Into<String>, fr: impl Into<String>, confidence: f64) -> Self {
        SegmentPair {
            en: en.into(),
            fr: fr.into(),
            confidence,
            language_fit: None,
        }
    }
}

/// How well each side of a segment pair reads as its language: positive when the English
/// side reads as English and the French side as French, negative when a side reads as the
/// other language, 0 when its text says nothing either way (a web address, a number). The
/// magnitude grows with the evidence (function words, accents, typography, a language
/// detector's vote), so a long sentence scores further from 0 than a short label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LanguageFit {
    /// How English the English side reads.
    pub en: f64,
    /// How French the French side reads.
    pub fr: f64,
}
