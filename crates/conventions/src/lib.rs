//! Conventions: the small facts about written text that every stage of bitextract must agree
//! on, kept in one place.
//!
//! - [`bullets`]: which characters open a bullet item, and how to take the marker off.
//! - [`captions`]: the lines that title a table, a chart or a figure ("Table 1").
//! - [`numbering`]: how headings and list items are numbered ("3.", "III)", "(b)", "2.1").
//! - [`folding`]: lower case without accents, for comparing words of either language.
//! - [`months`]: English and French month names and abbreviations.
//! - [`sentences`]: where sentences of English and French prose end (abbreviations, list
//!   numbers, web addresses and numbers kept whole).
//! - [`wrapping`]: when a line of hard-wrapped text goes on with the paragraph above it, and
//!   how a paragraph's lines join.
//!
//! This crate holds no document logic: it does not decide what is a heading or a section,
//! only what the marks on a line mean. It depends on no other crate of bitextract.
//!
//! ```
//! use conventions::{bullets, numbering};
//!
//! assert_eq!(bullets::strip("▸ Draft the budget"), Some("Draft the budget"));
//! let label = numbering::parse_label("IV. CONDITIONS").expect("numbered");
//! assert_eq!((label.value, label.rest), (4, "CONDITIONS"));
//! assert_eq!(conventions::folding::fold("Clôture"), "cloture");
//! assert_eq!(conventions::months::month_number("févr."), Some(2));
//! ```

pub mod bullets;
pub mod captions;
pub mod folding;
pub mod months;
pub mod numbering;
pub mod sentences;
pub mod wrapping;
