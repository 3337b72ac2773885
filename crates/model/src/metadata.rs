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
}

impl Metadata {
    /// True when no field was found.
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

/// A salary with its currency and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Salary {
    /// The amount as a number.
    pub amount: f64,
    /// ISO 4217 currency code ("EUR").
    pub currency: String,
    /// Pay period: "monthly", "yearly", "weekly", "daily" or "hourly".
    pub period: String,
}
