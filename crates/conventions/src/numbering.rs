//! Numbering: the labels that number headings and list items.
//!
//! A label is Arabic ("3", "12"), dotted Arabic ("2.1"), Roman ("IV", "iv"), or a letter
//! ("B", "b"), written bare, with a closing "." or ")", or in parentheses ("(b)", "(iv)").

/// How a label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// 1, 2, 3
    Arabic,
    /// 1.1, 1.2, 2.1: the value is the last component, the depth the number of components.
    Dotted,
    /// I, II, III (or i, ii, iii)
    Roman,
    /// A, B, C (or a, b, c)
    Letter,
}

impl Style {
    /// The style's name, as written in block annotations.
    pub fn name(self) -> &'static str {
        match self {
            Style::Arabic => "arabic",
            Style::Dotted => "arabic.arabic",
            Style::Roman => "roman",
            Style::Letter => "letter",
        }
    }
}

/// How the label is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Closing {
    /// "1 TITLE"
    Bare,
    /// "1. Title"
    Period,
    /// "1) Title"
    Parenthesis,
    /// "(1) Title"
    Enclosed,
}

/// A numbering label at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label<'a> {
    /// How the label is numbered.
    pub style: Style,
    /// Whether the label is in capitals (Roman and letters; Arabic counts as capitals).
    pub upper: bool,
    /// How the label is closed.
    pub closing: Closing,
    /// The label's value ("IV" is 4, "c" is 3, "2.1" is 1).
    pub value: u32,
    /// Number of components: 1, or 2 and more for dotted labels.
    pub depth: u8,
    /// The text after the label, whitespace trimmed.
    pub rest: &'a str,
}

/// Labels above this value are taken for something else (a year, an amount).
pub const MAX_VALUE: u32 = 40;

/// The numbering label at the start of `line`, followed by whitespace and some text; `None`
/// when the line does not open with one.
pub fn parse_label(line: &str) -> Option<Label<'_>> {
    let line = line.trim_start();
    let (enclosed, body) = match line.strip_prefix('(') {
        Some(after) => (true, after),
        None => (false, line),
    };
    let end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(body.len());
    let mut token = &body[..end];
    let mut after = &body[end..];
    // A trailing period closes the label ("1.", "IV.", "2.1.").
    let mut closing = Closing::Bare;
    if let Some(t) = token.strip_suffix('.') {
        token = t;
        closing = Closing::Period;
    }
    if enclosed {
        after = after.strip_prefix(')')?;
        closing = Closing::Enclosed;
    } else if closing == Closing::Bare
        && let Some(a) = after.strip_prefix(')')
    {
        after = a;
        closing = Closing::Parenthesis;
    }
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = after.trim();
    if rest.is_empty() {
        return None;
    }
    let (style, value, depth, upper) = value_of(token)?;
    (1..=MAX_VALUE).contains(&value).then_some(Label {
        style,
        upper,
        closing,
        value,
        depth,
        rest,
    })
}

/// Whether `line` opens a numbered list item: "12. item", "a) item", "(iv) item" — an Arabic
/// label, or a lower-case letter or Roman numeral, closed by a period or a parenthesis. Whether
/// an upper-case "1. SUMMARY" is a heading rather than an item is for the caller to judge.
pub fn opens_list_item(line: &str) -> bool {
    parse_label(line).is_some_and(|label| {
        label.closing != Closing::Bare && (label.style == Style::Arabic || !label.upper)
    })
}

fn value_of(token: &str) -> Option<(Style, u32, u8, bool)> {
    if token.is_empty() {
        return None;
    }
    if token.contains('.') {
        let parts: Vec<&str> = token.split('.').collect();
        if parts.len() > 4 || !parts.iter().all(|p| is_small_arabic(p)) {
            return None;
        }
        let value = parts.last()?.parse().ok()?;
        return Some((Style::Dotted, value, parts.len() as u8, true));
    }
    if is_small_arabic(token) {
        return Some((Style::Arabic, token.parse().ok()?, 1, true));
    }
    let upper = token.chars().all(|c| c.is_ascii_uppercase());
    let lower = token.chars().all(|c| c.is_ascii_lowercase());
    if !upper && !lower {
        return None;
    }
    if let Some(value) = roman_value(&token.to_ascii_uppercase()) {
        // "I" and "i" read as Roman one; "C", "D", "L", "M", "V", "X" alone as letters too,
        // which the caller tells apart by the chain they form.
        return Some((Style::Roman, value, 1, upper));
    }
    if token.len() == 1 {
        let c = token.as_bytes()[0].to_ascii_uppercase();
        return Some((Style::Letter, u32::from(c - b'A') + 1, 1, upper));
    }
    None
}

fn is_small_arabic(token: &str) -> bool {
    !token.is_empty() && token.len() <= 2 && token.bytes().all(|b| b.is_ascii_digit())
}

/// The value of an uppercase Roman numeral up to [`MAX_VALUE`]; `None` for anything else.
pub fn roman_value(label: &str) -> Option<u32> {
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    const TENS: [&str; 5] = ["", "X", "XX", "XXX", "XL"];
    (1..=MAX_VALUE).find(|&n| {
        let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
        tens < TENS.len() && format!("{}{}", TENS[tens], UNITS[units]) == label
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parsed(line: &str) -> Option<(Style, Closing, u32, u8, &str)> {
        parse_label(line).map(|l| (l.style, l.closing, l.value, l.depth, l.rest))
    }

    #[test]
    fn the_usual_labels() {
        assert_eq!(
            parsed("1. Who we are"),
            Some((Style::Arabic, Closing::Period, 1, 1, "Who we are"))
        );
        assert_eq!(
            parsed("2)  Duties"),
            Some((Style::Arabic, Closing::Parenthesis, 2, 1, "Duties"))
        );
        assert_eq!(
            parsed("(b) travel"),
            Some((Style::Letter, Closing::Enclosed, 2, 1, "travel"))
        );
        assert_eq!(
            parsed("IV. CONDITIONS"),
            Some((Style::Roman, Closing::Period, 4, 1, "CONDITIONS"))
        );
        assert_eq!(
            parsed("2.1 Scope"),
            Some((Style::Dotted, Closing::Bare, 1, 2, "Scope"))
        );
        assert_eq!(
            parsed("3 SUMMARY"),
            Some((Style::Arabic, Closing::Bare, 3, 1, "SUMMARY"))
        );
    }

    #[test]
    fn numbers_that_are_not_labels() {
        for line in [
            "2026 budget",
            "1.50 million",
            "10,000 staff",
            "1.",
            "A",
            "Ab. c",
            "3.x y",
        ] {
            assert_eq!(parse_label(line), None, "{line:?}");
        }
    }

    #[test]
    fn list_items() {
        for yes in ["12. item", "a) item", "(iv) item", "(b) travel", "1) one"] {
            assert!(opens_list_item(yes), "{yes}");
        }
        for no in [
            "-item",
            "2024. was",
            "U.S. forces",
            "e.g. this",
            "10 au genre",
            "B. Title",
        ] {
            assert!(!opens_list_item(no), "{no}");
        }
    }

    proptest! {
        #[test]
        fn every_arabic_label_round_trips(n in 1u32..=MAX_VALUE, close in 0usize..3, title in "[A-Za-z][a-z ]{0,20}[a-z]") {
            let line = match close { 0 => format!("{n}. {title}"), 1 => format!("{n}) {title}"), _ => format!("({n}) {title}") };
            let label = parse_label(&line).expect("a label");
            prop_assert_eq!(label.value, n);
            prop_assert_eq!(label.rest, title.trim());
        }

        #[test]
        fn never_panics(line in "\\PC{0,40}") {
            let _ = parse_label(&line);
        }
    }
}
