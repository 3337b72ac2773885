//! Money: amounts written with either decimal convention, their currency and pay period.
//!
//! "9,253.21", "9 253,21" (also with no-break or narrow spaces) and "9.253,21" are all
//! 9253.21. A lone dot or comma followed by exactly three digits and nothing more separates
//! thousands: "Euro 14.606" is 14606.

use std::sync::LazyLock;

use model::Salary;
use regex::Regex;

use crate::text::{Word, fold, is_space, words};

/// Digits with the separators a number may hold; the groups are checked by [`parse_amount`].
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+(?:[.,'’\u{00A0}\u{202F}\u{2009} ]\d+)*").expect("valid regex")
});

/// Reads one written number, such as "9,253.21", "9 253,21" or "14.606".
pub(crate) fn parse_amount(written: &str) -> Option<f64> {
    let mut groups: Vec<&str> = Vec::new();
    let mut separators: Vec<char> = Vec::new();
    let mut rest = written.trim();
    while let Some(at) = rest.find(|c: char| !c.is_ascii_digit()) {
        groups.push(&rest[..at]);
        let separator = rest[at..].chars().next()?;
        separators.push(if is_space(separator) || separator == '’' {
            ' '
        } else {
            separator
        });
        rest = &rest[at + separator.len_utf8()..];
    }
    groups.push(rest);
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let decimal_at = decimal_separator(&groups, &separators);
    let (whole, fraction) = match decimal_at {
        Some(at) => (&groups[..=at], Some(groups[at + 1])),
        None => (&groups[..], None),
    };
    if whole.len() > 1 && (whole[0].len() > 3 || whole[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let thousands: Vec<char> = separators[..whole.len() - 1].to_vec();
    if thousands
        .iter()
        .any(|s| !matches!(s, ' ' | '\'' | '.' | ','))
        || thousands.windows(2).any(|w| w[0] != w[1])
    {
        return None;
    }
    let digits = match fraction {
        Some(fraction) => format!("{}.{fraction}", whole.concat()),
        None => whole.concat(),
    };
    digits.parse().ok()
}

/// Which separator, if any, marks the decimals: the last dot or comma, unless it is followed
/// by exactly three digits and is the only kind of separator in the number (then it groups
/// thousands, as in "14.606" or "1,234,567").
fn decimal_separator(groups: &[&str], separators: &[char]) -> Option<usize> {
    let last = separators.len().checked_sub(1)?;
    let mark = separators[last];
    if !matches!(mark, '.' | ',') {
        return None;
    }
    let mixed = separators[..last].iter().any(|s| *s != mark);
    (groups[last + 1].len() != 3 || mixed).then_some(last)
}

/// A number found in a text, with its byte span.
#[derive(Clone, Copy)]
struct Amount {
    value: f64,
    start: usize,
    end: usize,
}

/// The numbers of a text. A run of digits that does not read as one number (such as
/// "2025 9 253") is tried again without its leading group.
fn amounts(text: &str) -> Vec<Amount> {
    NUMBER
        .find_iter(text)
        .filter_map(|found| {
            let mut start = found.start();
            loop {
                let written = &text[start..found.end()];
                if let Some(value) = parse_amount(written) {
                    return Some(Amount {
                        value,
                        start,
                        end: found.end(),
                    });
                }
                let skip = written.find(|c: char| !c.is_ascii_digit())?;
                let separator = written[skip..].chars().next()?;
                start += skip + separator.len_utf8();
            }
        })
        .collect()
}

static LETTERS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}+").expect("valid regex"));

/// ISO 4217 code of a currency word or symbol.
fn currency_of(word: &str) -> Option<&'static str> {
    match word {
        "eur" | "euro" | "euros" | "€" => Some("EUR"),
        "usd" | "$" | "us$" | "dollars" => Some("USD"),
        "gbp" | "£" | "pounds" => Some("GBP"),
        "cad" => Some("CAD"),
        "chf" => Some("CHF"),
        _ => None,
    }
}

/// Currency marks in a text with their byte spans: currency words and symbols.
fn currencies(text: &str) -> Vec<(&'static str, usize, usize)> {
    let symbols = text.char_indices().filter_map(|(at, c)| {
        let mut buffer = [0; 4];
        currency_of(c.encode_utf8(&mut buffer)).map(|code| (code, at, at + c.len_utf8()))
    });
    // Letters only: "8 419,86Euro" glues the currency to the digits.
    let named = LETTERS
        .find_iter(text)
        .filter_map(|m| currency_of(&fold(m.as_str())).map(|code| (code, m.start(), m.end())));
    symbols.chain(named).collect()
}

/// Pay periods by the folded words (or word pairs) that state them.
const PERIODS: [(&str, &[&str]); 5] = [
    (
        "monthly",
        &[
            "monthly",
            "month",
            "mensuel",
            "mensuelle",
            "mensuellement",
            "par mois",
            "mois",
            "per mois",
        ],
    ),
    (
        "yearly",
        &[
            "yearly",
            "annual",
            "annually",
            "annum",
            "per year",
            "a year",
            "annuel",
            "annuelle",
            "par an",
            "par annee",
        ],
    ),
    (
        "weekly",
        &[
            "weekly",
            "per week",
            "a week",
            "hebdomadaire",
            "par semaine",
        ],
    ),
    (
        "daily",
        &["daily", "per day", "a day", "journalier", "par jour"],
    ),
    ("hourly", &["hourly", "per hour", "an hour", "par heure"]),
];

/// The pay period stated closest to the given byte offset.
fn period_near(found: &[Word], offset: usize) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for (at, word) in found.iter().enumerate() {
        for (period, phrases) in PERIODS {
            let matches = phrases.iter().any(|phrase| {
                let mut parts = phrase.split(' ');
                let first = parts.next().unwrap_or_default();
                word.folded == first
                    && parts
                        .enumerate()
                        .all(|(k, part)| found.get(at + k + 1).is_some_and(|w| w.folded == part))
            });
            let distance = word.start.abs_diff(offset);
            if matches && best.is_none_or(|(closest, _)| distance < closest) {
                best = Some((distance, period));
            }
        }
    }
    best.map(|(_, period)| period)
}

/// How far apart, in characters of filler, an amount and a currency mark may be and still
/// belong together: "9,253.21 (EUR)", "Euro 14.606", "8 419,86Euro".
const MAX_CURRENCY_GAP: usize = 3;

fn is_filler(gap: &str) -> bool {
    gap.chars().count() <= MAX_CURRENCY_GAP
        && gap
            .chars()
            .all(|c| is_space(c) || matches!(c, '(' | ')' | ':'))
}

/// The salary stated in a text: an amount written next to its currency, and the pay period
/// nearest to it. `None` when the text states no such amount or no period.
pub(crate) fn find_salary(text: &str) -> Option<Salary> {
    let marks = currencies(text);
    let (amount, currency) = amounts(text).into_iter().find_map(|amount| {
        marks.iter().find_map(|&(code, start, end)| {
            let gap = if end <= amount.start {
                text.get(end..amount.start)?
            } else {
                text.get(amount.end..start)?
            };
            is_filler(gap).then_some((amount, code))
        })
    })?;
    let period = period_near(&words(text), amount.start).filter(|_| amount.value > 0.0)?;
    Some(Salary {
        amount: amount.value,
        currency: currency.to_owned(),
        period: period.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn salary(text: &str) -> Option<(f64, String, String)> {
        find_salary(text).map(|s| (s.amount, s.currency, s.period))
    }

    #[test]
    fn reads_both_decimal_conventions() {
        assert_eq!(parse_amount("9,253.21"), Some(9253.21));
        assert_eq!(parse_amount("9 253,21"), Some(9253.21));
        assert_eq!(parse_amount("9\u{00A0}253,21"), Some(9253.21));
        assert_eq!(parse_amount("9\u{202F}253,21"), Some(9253.21));
        assert_eq!(parse_amount("9.253,21"), Some(9253.21));
        assert_eq!(parse_amount("14.606"), Some(14606.0));
        assert_eq!(parse_amount("9,253"), Some(9253.0));
        assert_eq!(parse_amount("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(parse_amount("1'234.50"), Some(1234.5));
        assert_eq!(parse_amount("14606"), Some(14606.0));
        assert_eq!(parse_amount("9253.2"), Some(9253.2));
        assert_eq!(parse_amount("9253,21"), Some(9253.21));
    }

    #[test]
    fn rejects_malformed_groupings() {
        assert_eq!(parse_amount("92,53.21"), None);
        assert_eq!(parse_amount("9 25,21"), None);
        assert_eq!(parse_amount("1.234,567.8"), None);
        assert_eq!(parse_amount("12 34"), None);
    }

    #[test]
    fn reads_salary_values_as_notices_write_them() {
        let want = |a: f64, p: &str| Some((a, "EUR".to_owned(), p.to_owned()));
        assert_eq!(salary("9,253.21 (EUR) Monthly"), want(9253.21, "monthly"));
        assert_eq!(
            salary("9,253.21 Euro (EUR) Mensuelle"),
            want(9253.21, "monthly")
        );
        assert_eq!(
            salary("8 419,86Euro (EUR) Mensuelle"),
            want(8419.86, "monthly")
        );
        assert_eq!(
            salary("8,419.86Euro (EUR) Monthly"),
            want(8419.86, "monthly")
        );
        assert_eq!(
            salary(
                "The position is at grade G 23. The starting basic monthly salary is Euro 14.606 (salary value as per 2025)"
            ),
            want(14606.0, "monthly")
        );
        assert_eq!(salary("€ 120 000 per annum"), want(120_000.0, "yearly"));
        assert_eq!(salary("75,000 EUR par an"), want(75000.0, "yearly"));
        assert_eq!(salary("5 000 €/mois"), want(5000.0, "monthly"));
        assert_eq!(
            salary("USD 5,400.50 per month"),
            Some((5400.5, "USD".to_owned(), "monthly".to_owned()))
        );
    }

    #[test]
    fn no_salary_without_an_amount_next_to_a_currency() {
        assert_eq!(salary("annual salary progression"), None);
        assert_eq!(
            salary("Grade G20, 2025 salary scale in EUR, see table 3 monthly"),
            None
        );
        assert_eq!(salary("9,253.21 EUR"), None, "no period stated");
    }

    /// Writes an amount in cents with the given grouping and decimal marks.
    fn write_amount(cents: u64, thousands: &str, decimal: &str, with_cents: bool) -> String {
        let whole = (cents / 100).to_string();
        let mut grouped = String::new();
        for (k, digit) in whole.chars().enumerate() {
            if k > 0 && (whole.len() - k) % 3 == 0 {
                grouped.push_str(thousands);
            }
            grouped.push(digit);
        }
        if with_cents {
            format!("{grouped}{decimal}{:02}", cents % 100)
        } else {
            grouped
        }
    }

    proptest! {
        #[test]
        fn written_amounts_read_back(
            cents in 0u64..10_000_000_000,
            convention in 0usize..6,
            with_cents in any::<bool>(),
        ) {
            let (thousands, decimal) = [
                (",", "."), (" ", ","), ("\u{00A0}", ","), ("\u{202F}", ","), (".", ","), ("", "."),
            ][convention];
            let cents = if with_cents { cents } else { cents / 100 * 100 };
            let written = write_amount(cents, thousands, decimal, with_cents);
            let read = parse_amount(&written);
            prop_assert!(read.is_some(), "{} not read", written);
            let read = read.unwrap_or_default();
            prop_assert!((read - cents as f64 / 100.0).abs() < 0.005, "{} read as {}", written, read);
        }

        #[test]
        fn salaries_read_back(cents in 100u64..100_000_000, french in any::<bool>()) {
            let written = if french {
                format!("{} Euro (EUR) Mensuelle", write_amount(cents, "\u{202F}", ",", true))
            } else {
                format!("{} (EUR) Monthly", write_amount(cents, ",", ".", true))
            };
            let read = find_salary(&written);
            prop_assert!(read.as_ref().is_some_and(|s| (s.amount - cents as f64 / 100.0).abs() < 0.005
                && s.currency == "EUR" && s.period == "monthly"), "{} read as {:?}", written, read);
        }
    }
}
