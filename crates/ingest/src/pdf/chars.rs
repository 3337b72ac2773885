//! Character clean-up for text drawn by PDF fonts.

use unicode_normalization::UnicodeNormalization;

/// The soft hyphen: an invisible break opportunity, drawn as a hyphen at a line end.
pub const SOFT_HYPHEN: char = '\u{AD}';

/// What a private-use code point (symbol fonts without a Unicode mapping) becomes at the start
/// of a line: such glyphs are almost always list bullets.
const BULLET: char = '•';

/// Cleans one line of text: ligatures folded (ﬁ → fi), odd spaces made plain, invisible
/// characters dropped, Unicode NFC, runs of spaces collapsed, ends trimmed.
///
/// A soft hyphen is kept only at the end of the line, where it marks a broken word.
pub fn clean_line(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}'..='\u{FB06}' => folded.extend(c.to_string().nfkc()),
            '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
                folded.push(' ');
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{E000}'..='\u{F8FF}' => {
                if folded.trim().is_empty() {
                    folded.push(BULLET);
                }
            }
            c if c.is_control() => {}
            c => folded.push(c),
        }
    }
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .nfc()
        .collect::<String>()
        .split(' ')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let ends_with_soft_hyphen = out.ends_with(SOFT_HYPHEN);
    out.retain(|c| c != SOFT_HYPHEN);
    if ends_with_soft_hyphen {
        out.push(SOFT_HYPHEN);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_spaces_and_invisibles_are_folded() {
        assert_eq!(
            clean_line("\u{FB01}nance  of\u{A0}\u{FB04}e"),
            "finance of ffle"
        );
        assert_eq!(clean_line("a\u{200B}b\u{202F}:\tc "), "ab : c");
        assert_eq!(clean_line("Re\u{301}sume\u{301}"), "Résumé");
    }

    #[test]
    fn other_compatibility_characters_are_kept() {
        assert_eq!(clean_line("m² ½ №"), "m² ½ №");
    }

    #[test]
    fn soft_hyphens_survive_only_at_the_end() {
        assert_eq!(
            clean_line("exam\u{AD}ple experi\u{AD}"),
            "example experi\u{AD}"
        );
    }

    #[test]
    fn a_private_use_glyph_leading_a_line_is_a_bullet() {
        assert_eq!(clean_line("\u{F0B7} item \u{F020}x"), "• item x");
    }
}
