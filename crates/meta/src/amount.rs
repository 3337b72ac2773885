//! Money: amounts written with either decimal convention, their currency and pay period.
//!
//! "9,253.21", "9 253,21" (also with no-break or narrow spaces) and "9.253,21" are all
//! 9253.21. A lone dot or comma followed by exactly three digits and nothing more separates
//! thousands: "Euro 14.606" is 14606.

use std::sync::LazyLock;

use model::Salary;
use regex::Regex;

use conventions::folding::fold;

use crate::text::{Word, is_space, words};

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

/// A currency mark found in a text: its ISO 4217 code when the mark makes it certain.
#[derive(Debug, Clone, Copy)]
struct CurrencyMark {
    code: Option<&'static str>,
    start: usize,
    end: usize,
}

/// ISO 4217 code of a currency word, code or symbol, folded. `Some(None)` for "$", which is
/// a currency without saying which dollar; `None` for a word that is no currency.
fn currency_of(word: &str, dollar: Option<&'static str>) -> Option<Option<&'static str>> {
    let code = match word {
        "eur" | "euro" | "euros" | "€" => "EUR",
        "usd" | "us$" => "USD",
        "gbp" | "£" | "pounds" => "GBP",
        "cad" | "c$" | "ca$" => "CAD",
        "chf" => "CHF",
        "aud" => "AUD",
        "nzd" => "NZD",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "jpy" | "¥" => "JPY",
        "$" | "dollars" | "dollar" => return Some(dollar),
        _ => return None,
    };
    Some(Some(code))
}

/// Currency marks in a text with their byte spans: currency words, codes and symbols
/// ("US$" and "C$" as one mark).
fn currencies(text: &str, dollar: Option<&'static str>) -> Vec<CurrencyMark> {
    let named: Vec<CurrencyMark> = LETTERS
        .find_iter(text)
        .filter_map(|m| {
            // "US$", "C$": letters glued to a dollar sign.
            let glued_dollar = text[m.end()..].starts_with('$');
            let (word, end) = if glued_dollar {
                (format!("{}$", fold(m.as_str())), m.end() + 1)
            } else {
                // Letters only: "8 419,86Euro" glues the currency to the digits.
                (fold(m.as_str()), m.end())
            };
            let code = currency_of(&word, dollar)?;
            Some(CurrencyMark {
                code,
                start: m.start(),
                end,
            })
        })
        .collect();
    let symbols = text.char_indices().filter_map(|(at, c)| {
        let inside_named = named.iter().any(|n| (n.start..n.end).contains(&at));
        let mut buffer = [0; 4];
        let code = currency_of(c.encode_utf8(&mut buffer), dollar).filter(|_| !inside_named)?;
        Some(CurrencyMark {
            code,
            start: at,
            end: at + c.len_utf8(),
        })
    });
    let mut marks: Vec<CurrencyMark> = named.iter().copied().chain(symbols).collect();
    marks.sort_by_key(|mark| mark.start);
    marks
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
    (
        "hourly",
        &[
            "hourly",
            "per hour",
            "an hour",
            "par heure",
            "horaire",
            "l heure",
        ],
    ),
];

/// The period a word (with the words after it) states.
fn period_at(found: &[Word], at: usize) -> Option<&'static str> {
    PERIODS.iter().find_map(|(period, phrases)| {
        phrases
            .iter()
            .any(|phrase| {
                phrase
                    .split(' ')
                    .enumerate()
                    .all(|(k, part)| found.get(at + k).is_some_and(|w| w.folded == part))
            })
            .then_some(*period)
    })
}

/// Whether a clause boundary (a comma, semicolon or full stop followed by a space) lies
/// between two byte offsets.
fn clause_boundary_between(text: &str, from: usize, to: usize) -> bool {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let Some(between) = text.get(from..to) else {
        return true;
    };
    between
        .char_indices()
        .any(|(k, c)| matches!(c, ',' | ';' | '.') && between[k + 1..].starts_with(' '))
}

/// The pay period stated closest to an amount, preferring one in the same clause: in
/// "monthly gross salary from 6152,64 EUR, subject to an annual review" it is "monthly".
fn period_near(text: &str, found: &[Word], amount: Amount) -> Option<&'static str> {
    let mut stated: Vec<(bool, usize, &'static str)> = found
        .iter()
        .enumerate()
        .filter_map(|(at, word)| {
            let period = period_at(found, at)?;
            let (near_edge, distance) = if word.start >= amount.end {
                (amount.end, word.start - amount.end)
            } else {
                (amount.start, amount.start.abs_diff(word.end))
            };
            let other_clause = clause_boundary_between(text, near_edge, word.start);
            Some((other_clause, distance, period))
        })
        .collect();
    stated.sort_by_key(|&(other_clause, distance, _)| (other_clause, distance));
    stated.first().map(|&(_, _, period)| period)
}

/// How far apart, in characters of filler, an amount and a currency mark may be and still
/// belong together: "9,253.21 (EUR)", "Euro 14.606", "8 419,86Euro".
const MAX_CURRENCY_GAP: usize = 3;

/// How far, in bytes, a mark's start may lie from an amount it touches: a word mark
/// ("euros") before it plus the widest filler (three characters of up to three bytes).
const MARK_REACH_BYTES: usize = 24;

fn is_filler(gap: &str) -> bool {
    gap.chars().count() <= MAX_CURRENCY_GAP
        && gap
            .chars()
            .all(|c| is_space(c) || matches!(c, '(' | ')' | ':'))
}

/// What may stand between the two amounts of a range: "$60,424 to $67,582",
/// "6 000 – 7 000 EUR", "de 60 424 $ à 67 582 $", "between 5,000 and 6,000 USD".
static RANGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\(?[A-Z]{3}\)?|[$€£]|(?i:euros?))?\s*(?:-|–|—|(?i:to|à|au|and|et|up to|jusqu'à))\s*(?:[A-Z]{1,2}\$|[A-Z]{3}|[$€£])?\s*(\d+(?:[.,'’\u{00A0}\u{202F}\u{2009} ]\d+)*)",
    )
    .expect("valid regex")
});

/// The upper bound of a range that starts with `lower` in the text.
fn range_upper(text: &str, lower: Amount) -> Option<Amount> {
    let rest = text.get(lower.end..)?;
    let written = RANGE_TAIL.captures(rest)?.get(1)?;
    let upper = amounts(written.as_str()).into_iter().next()?;
    let upper = Amount {
        value: upper.value,
        start: lower.end + written.start() + upper.start,
        end: lower.end + written.start() + upper.end,
    };
    (upper.value > lower.value).then_some(upper)
}

/// The salary stated in a text: an amount written next to its currency mark, the upper
/// bound when a range follows, and the pay period nearest to it. The currency is left out
/// for a "$" that `dollar` (the document's dollar, from its country) does not resolve, the
/// period when none is stated. `None` when no amount stands next to a currency mark.
pub(crate) fn find_salary(text: &str, dollar: Option<&'static str>) -> Option<Salary> {
    let marks = currencies(text, dollar);
    let found = amounts(text);
    let (amount, currency) = found.iter().copied().find_map(|amount| {
        // Only the marks that start near the amount can touch it (marks are sorted).
        let from = marks.partition_point(|m| m.start + MARK_REACH_BYTES < amount.start);
        let to = marks.partition_point(|m| m.start <= amount.end + MARK_REACH_BYTES);
        marks[from..to.max(from)].iter().find_map(|mark| {
            let gap = if mark.end <= amount.start {
                text.get(mark.end..amount.start)?
            } else {
                text.get(amount.end..mark.start)?
            };
            (is_filler(gap) && amount.value > 0.0).then_some((amount, mark.code))
        })
    })?;
    // "6 000 – 7 000 EUR": the currency stands by the upper bound only.
    let lower = found
        .iter()
        .copied()
        .find(|earlier| range_upper(text, *earlier).is_some_and(|upper| upper.end == amount.end))
        .unwrap_or(amount);
    let period = period_near(text, &words(text), lower);
    Some(Salary {
        amount: lower.value,
        max: range_upper(text, lower).map(|upper| upper.value),
        currency: currency.map(str::to_owned),
        period: period.map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn salary(text: &str) -> Option<(f64, String, String)> {
        find_salary(text, None).map(|s| {
            (
                s.amount,
                s.currency.unwrap_or_default(),
                s.period.unwrap_or_default(),
            )
        })
    }

    /// The salary found with Canadian evidence in the document.
    fn range(text: &str) -> Option<Salary> {
        find_salary(text, Some("CAD"))
    }

    fn want(amount: f64, max: Option<f64>, currency: &str, period: Option<&str>) -> Option<Salary> {
        Some(Salary {
            amount,
            max,
            currency: Some(currency.to_owned()),
            period: period.map(str::to_owned),
        })
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
    }

    #[test]
    fn periods_and_currencies_are_left_out_when_not_stated() {
        assert_eq!(
            salary("9,253.21 EUR"),
            Some((9253.21, "EUR".to_owned(), String::new()))
        );
        let dollars = find_salary("$60,424 to $67,582", None).expect("a salary");
        assert_eq!((dollars.currency, dollars.max), (None, Some(67582.0)));
        assert_eq!(
            salary("monthly gross salary starting from 6152,64 EUR, subject to an annual review"),
            Some((6152.64, "EUR".to_owned(), "monthly".to_owned())),
            "the period of the amount's own clause"
        );
    }

    #[test]
    fn reads_ranges() {
        assert_eq!(
            range("$60,424 to $67,582"),
            want(60424.0, Some(67582.0), "CAD", None)
        );
        assert_eq!(
            range("$33.08 to $35.98 per hour"),
            want(33.08, Some(35.98), "CAD", Some("hourly"))
        );
        assert_eq!(
            range("de 60 424 $ à 67 582 $ par année"),
            want(60424.0, Some(67582.0), "CAD", Some("yearly"))
        );
        assert_eq!(
            range("6 000 – 7 000 EUR par mois"),
            want(6000.0, Some(7000.0), "EUR", Some("monthly"))
        );
        assert_eq!(
            range("USD 5,400 per month"),
            want(5400.0, None, "USD", Some("monthly"))
        );
        assert_eq!(range("€ 5 000 to 3 000"), want(5000.0, None, "EUR", None));
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
            let read = find_salary(&written, None);
            prop_assert!(read.as_ref().is_some_and(|s| (s.amount - cents as f64 / 100.0).abs() < 0.005
                && s.currency.as_deref() == Some("EUR") && s.period.as_deref() == Some("monthly")), "{} read as {:?}", written, read);
        }

        #[test]
        fn periods_read_back(
            cents in 100u64..100_000_000,
            period in 0usize..5,
            spelling in any::<prop::sample::Index>(),
            before in any::<bool>(),
            french in any::<bool>(),
        ) {
            let (name, phrases) = PERIODS[period];
            let phrase = spelling.get(phrases);
            let amount = if french {
                format!("{} EUR", write_amount(cents, " ", ",", true))
            } else {
                format!("EUR {}", write_amount(cents, ",", ".", true))
            };
            let written = if before {
                format!("{phrase} salary: {amount}, subject to review")
            } else {
                format!("{amount} {phrase}, paid in arrears")
            };
            let read = find_salary(&written, None);
            prop_assert_eq!(read.and_then(|s| s.period), Some(name.to_owned()), "{}", written);
        }

        #[test]
        fn ranges_read_back(
            low in 100u64..10_000_000,
            spread in 1u64..1_000_000,
            style in 0usize..4,
            period in 0usize..6,
        ) {
            let high = low + spread;
            let (low_w, high_w) = (write_amount(low, ",", ".", true), write_amount(high, ",", ".", true));
            let (low_f, high_f) = (write_amount(low, " ", ",", true), write_amount(high, " ", ",", true));
            let written_range = match style {
                0 => format!("${low_w} to ${high_w}"),
                1 => format!("{low_f} $ à {high_f} $"),
                2 => format!("EUR {low_w} - {high_w}"),
                _ => format!("between ${low_w} and ${high_w}"),
            };
            let (suffix, want) = [
                ("", None), (" per hour", Some("hourly")), (" per day", Some("daily")),
                (" per week", Some("weekly")), (" par mois", Some("monthly")), (" per annum", Some("yearly")),
            ][period];
            let written = format!("{written_range}{suffix}");
            let read = find_salary(&written, Some("CAD"));
            let ok = read.as_ref().is_some_and(|s| {
                (s.amount - low as f64 / 100.0).abs() < 0.005
                    && s.max.is_some_and(|m| (m - high as f64 / 100.0).abs() < 0.005)
                    && s.period.as_deref() == want
            });
            prop_assert!(ok, "{} read as {:?}", written, read);
        }
    }
}
