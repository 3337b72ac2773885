//! Meta: the notice's fields (title, reference, location, deadline, salary, grade, …).
//!
//! Entry points: [`extract`] reads one language's text into a [`Metadata`];
//! [`cross_check`] compares the English and French fields that must agree.
//!
//! This crate does not split languages or sections: it reads the text it is given.

use model::{Diagnostic, Lang, Metadata};

/// Reads the fields stated in one language's text.
pub fn extract(_text: &str, _lang: Lang) -> Metadata {
    Metadata::default()
}

/// Warnings for fields that must agree between English and French but do not.
pub fn cross_check(_en: &Metadata, _fr: &Metadata) -> Vec<Diagnostic> {
    Vec::new()
}
