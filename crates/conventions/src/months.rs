//! Months: the English and French month names and abbreviations notices write.

use crate::folding::fold;

/// Month names and abbreviations, folded (lower case, no accents, no final dot), in English
/// and French, January first.
const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan", "janvier", "janv"],
    &["february", "feb", "fevrier", "fevr", "fev"],
    &["march", "mar", "mars"],
    &["april", "apr", "avril", "avr"],
    &["may", "mai"],
    &["june", "jun", "juin"],
    &["july", "jul", "juillet", "juil"],
    &["august", "aug", "aout"],
    &["september", "sep", "sept", "septembre"],
    &["october", "oct", "octobre"],
    &["november", "nov", "novembre"],
    &["december", "dec", "decembre"],
];

/// The month number (1-12) of an English or French month name or abbreviation, with or
/// without accents, capitals and a final dot.
pub fn month_number(name: &str) -> Option<u32> {
    let folded = fold(name.trim_end_matches('.'));
    let index = MONTH_NAMES
        .iter()
        .position(|names| names.contains(&folded.as_str()))?;
    u32::try_from(index + 1).ok()
}

/// The names and abbreviations of a month (1-12), folded; empty for another number.
pub fn names(month: u32) -> &'static [&'static str] {
    month
        .checked_sub(1)
        .and_then(|index| MONTH_NAMES.get(usize::try_from(index).ok()?))
        .copied()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_spelling_is_known() {
        let written: [&[&str]; 12] = [
            &["January", "Jan", "janvier", "janv."],
            &["February", "Feb", "février", "févr.", "fevr", "fév."],
            &["March", "Mar", "mars"],
            &["April", "Apr", "avril", "avr."],
            &["May", "mai"],
            &["June", "Jun", "juin"],
            &["July", "Jul", "juillet", "juil."],
            &["August", "Aug", "août", "aout"],
            &["September", "Sep", "Sept", "septembre", "sept."],
            &["October", "Oct", "octobre", "oct."],
            &["November", "Nov", "novembre", "nov."],
            &["December", "Dec", "décembre", "déc.", "dec."],
        ];
        for (month, names) in (1..).zip(written) {
            for name in names {
                assert_eq!(month_number(name), Some(month), "{name}");
                assert_eq!(month_number(&name.to_uppercase()), Some(month), "{name}");
            }
        }
        assert_eq!(month_number("Moon"), None);
        assert!(names(2).contains(&"fevr"));
        assert!(names(13).is_empty());
    }
}
