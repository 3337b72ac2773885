//! Folding: lower case without accents, so that "Sécurité", "SECURITE" and "securite"
//! compare equal.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases a string and strips its accents; the ligatures "œ" and "æ" become "oe" and
/// "ae". Everything else (punctuation, digits, spaces) is kept as it is.
pub fn fold(text: &str) -> String {
    // Most words of a notice are ASCII, which has no accent to strip: a fast path.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .flat_map(char::to_lowercase)
        // Decomposed a character at a time, without allocating for each (a hot path).
        .flat_map(|c| std::iter::once(c).nfd())
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .replace('œ', "oe")
        .replace('æ', "ae")
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn folding_removes_case_and_accents() {
        assert_eq!(
            fold("Niveau de l'habilitation de Sécurité"),
            "niveau de l'habilitation de securite"
        );
        assert_eq!(fold("Févr. DÉC. août"), "fevr. dec. aout");
        assert_eq!(fold("NATO Grade G20"), "nato grade g20");
        assert_eq!(fold("Œuvre"), "oeuvre");
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(text in "\\PC{0,40}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
        }
    }
}
