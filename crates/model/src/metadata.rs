use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A notice's fields in one language, as worded in that language.
///
/// A field the notice does not state is `None` (absent from the JSON), never guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Metadata {
    /// Job title, without the reference number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Vacancy reference number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Primary duty location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Further duty locations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_locations: Vec<String>,
    /// Hiring organisation or body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Working schedule ("Full-time").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// Application deadline, ISO 8601 date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Application deadline time of day, 24-hour `HH:MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline_time: Option<String>,
    /// Salary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    /// Grade ("G20").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Security clearance level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clearance: Option<String>,
    /// Planned start date, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Type of contract or appointment, as the notice words it ("Temporary Agent",
    /// "Durée déterminée", "Indeterminate").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract_type: Option<String>,
    /// Every label–value pair of the notice's header block, as found and in order, whether
    /// or not its label names one of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<LabelledValue>,
}

/// One label–value pair of a notice's header, as written ("Closing date", "14 December 2025").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LabelledValue {
    /// The label, without its trailing colon.
    pub label: String,
    /// The value.
    pub value: String,
}

impl Metadata {
    /// True when no field was found.
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

/// A salary, or a salary range, with its currency and period when the notice states them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Salary {
    /// The amount as a number; for a range, its lower bound.
    pub amount: f64,
    /// For a range ("$60,424 to $67,582"), its upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// ISO 4217 currency code ("EUR"), absent when the notice does not make it certain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Pay period: "monthly", "yearly", "weekly", "daily" or "hourly"; absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}
