//! Making segment text safe for the formats that cannot carry every character.

use std::borrow::Cow;

/// Whether XML 1.0 allows the character anywhere in a document (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The text without the characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF).
///
/// They cannot be written even as character references, so they are dropped; escaping
/// `<`, `&` and quotes is the XML writer's job.
pub(crate) fn xml_safe(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Whether a line-oriented tool may take the character for the end of a line or a field.
fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The text on one line: line breaks and tabs become a single space (with the spaces
/// around them), other control characters are dropped, and the ends are trimmed.
pub(crate) fn single_line(text: &str) -> Cow<'_, str> {
    let clean = |c: char| !c.is_control() && !breaks_line(c);
    let trimmed = text.trim();
    if trimmed.chars().all(clean) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for piece in trimmed.split(breaks_line) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(piece.chars().filter(|&c| clean(c)));
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_safe_drops_forbidden_controls_and_keeps_the_rest() {
        assert_eq!(xml_safe("a\u{0}b\u{1B}c\u{FFFE}d"), "abcd");
        assert_eq!(
            xml_safe("tab\there\nline « é » 😀"),
            "tab\there\nline « é » 😀"
        );
        assert!(matches!(xml_safe("plain <&>"), Cow::Borrowed(_)));
    }

    #[test]
    fn single_line_folds_breaks_and_tabs_into_one_space() {
        assert_eq!(
            single_line("first line\nsecond\tcell"),
            "first line second cell"
        );
        assert_eq!(single_line("  a \r\n\n b\u{2028}c  "), "a b c");
        assert_eq!(single_line("bell\u{7}less"), "bellless");
        assert_eq!(single_line("Date\u{a0}: 1"), "Date\u{a0}: 1");
        assert_eq!(single_line("\n\t\n"), "");
    }
}
