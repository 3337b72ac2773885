//! Bullets: the characters that open a list item.

/// Characters that open a bullet item when a space follows them. Private-use code points are
/// the Symbol and Wingdings bullets that Word documents carry into PDFs.
pub const MARKS: &[char] = &[
    '-', '–', '—', '•', '·', '‣', '▪', '▫', '◦', '●', '○', '■', '□', '◆', '◇', '*', '➢', '➤', '►',
    '▶', '▸', '▹', '✓', '✔', '✗', '→', '»', '\u{f0b7}', '\u{f0a7}', '\u{f0d8}', '\u{f0fc}',
];

/// The canonical marker bitextract writes before a bullet item in running text.
pub const CANONICAL: &str = "- ";

/// Whether a character opens a bullet item.
pub fn is_mark(c: char) -> bool {
    MARKS.contains(&c)
}

/// The item's text when `line` opens with a bullet marker followed by whitespace (leading
/// whitespace allowed); `None` otherwise. "-5 °C" and "—" alone are not bullets.
pub fn strip(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    if !is_mark(first) {
        return None;
    }
    let after = &trimmed[first.len_utf8()..];
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = after.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// Whether `line` is a bullet item.
pub fn is_bullet(line: &str) -> bool {
    strip(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_followed_by_space_open_items() {
        for line in ["- a", "• a", "  ▪ a", "✓ a", "▸ a", "\u{f0b7} a", "» a"] {
            assert_eq!(strip(line), Some("a"), "{line:?}");
        }
    }

    #[test]
    fn signs_dashes_and_bare_marks_are_not_items() {
        for line in ["-5 °C", "—", "- ", "word - word", "*emphasis*"] {
            assert_eq!(strip(line), None, "{line:?}");
        }
    }
}
