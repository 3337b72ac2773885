//! Dates and times as notices write them, in English and French, read into ISO 8601 dates
//! and 24-hour times.
//!
//! Numeric dates are read day first ("08/06/2026" is 8 June), as the organisations that
//! publish these notices write them; an ISO date ("2026-06-08") is read as such.

use std::sync::LazyLock;

use regex::Regex;

use conventions::months::month_number;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, when it exists in the calendar (and its year is a plausible one).
    pub(crate) fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let valid = (1900..=2199).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Date { year, month, day })
    }

    /// The date as ISO 8601, `YYYY-MM-DD`.
    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Time {
    hour: u32,
    minute: u32,
}

impl Time {
    /// The time, when hour and minute are in range.
    pub(crate) fn new(hour: u32, minute: u32) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    /// The time as 24-hour `HH:MM`.
    pub(crate) fn hhmm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// "2026-06-08".
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b").expect("valid regex"));

/// "08/06/2026", "8.6.2026", "08-06-2026": day first.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4})\b").expect("valid regex")
});

/// "4-Jan-2026", "4-jan.-2026", "6 July 2025", "1er octobre 2026", "6th of July, 2025".
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:er|st|nd|rd|th)?(?:\s+of)?[\s\-]+(\p{L}+)\.?[\s\-,]+(\d{4})\b")
        .expect("valid regex")
});

/// "July 6, 2025", "Jan. 4 2026".
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").expect("valid regex")
});

/// "23:59", "11:59:00 PM", "23h59", "11.59 p.m." is not read (a dot is too ambiguous).
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s?[:h]\s?(\d{2})(?::\d{2})?(?:\s*([ap])\.?\s?m\b\.?)?")
        .expect("valid regex")
});

fn number(text: &str) -> Option<u32> {
    text.parse().ok()
}

/// The first date written in the text, with the byte offset just past it.
pub(crate) fn find_date(text: &str) -> Option<(Date, usize)> {
    first_date(text).map(|(range, date)| (date, range.end))
}

/// The date the text opens with (after white space), with the byte offset just past it.
pub(crate) fn leading_date(text: &str) -> Option<(Date, usize)> {
    let indent = text.len() - text.trim_start().len();
    first_date(text)
        .filter(|(range, _)| range.start == indent)
        .map(|(range, date)| (date, range.end))
}

/// The first date written in the text, with its byte range.
fn first_date(text: &str) -> Option<(std::ops::Range<usize>, Date)> {
    let iso = ISO_DATE.captures_iter(text).find_map(|c| {
        let date = Date::new(number(&c[1])?, number(&c[2])?, number(&c[3])?)?;
        Some((c.get(0)?.range(), date))
    });
    let numeric = NUMERIC_DATE.captures_iter(text).find_map(|c| {
        // "08/06-2026" mixes separators: not a date.
        if c[2] != c[4] {
            return None;
        }
        let date = Date::new(number(&c[5])?, number(&c[3])?, number(&c[1])?)?;
        Some((c.get(0)?.range(), date))
    });
    let day_first = DAY_MONTH_YEAR.captures_iter(text).find_map(|c| {
        let date = Date::new(number(&c[3])?, month_number(&c[2])?, number(&c[1])?)?;
        Some((c.get(0)?.range(), date))
    });
    let month_first = MONTH_DAY_YEAR.captures_iter(text).find_map(|c| {
        let date = Date::new(number(&c[3])?, month_number(&c[1])?, number(&c[2])?)?;
        Some((c.get(0)?.range(), date))
    });
    [iso, numeric, day_first, month_first]
        .into_iter()
        .flatten()
        .min_by_key(|(range, _)| range.start)
}

/// The first time of day written in the text, converted to 24 hours ("12:59:00 AM" is 00:59).
pub(crate) fn find_time(text: &str) -> Option<Time> {
    TIME.captures_iter(text).find_map(|c| {
        let hour = number(&c[1])?;
        let minute = number(&c[2])?;
        let hour = match c.get(3).map(|m| m.as_str().to_ascii_lowercase()) {
            None => hour,
            Some(_) if !(1..=12).contains(&hour) => return None,
            Some(half) if half == "a" => hour % 12,
            Some(_) => hour % 12 + 12,
        };
        Time::new(hour, minute)
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn iso(text: &str) -> Option<String> {
        find_date(text).map(|(date, _)| date.iso())
    }

    fn hhmm(text: &str) -> Option<String> {
        find_time(text).map(Time::hhmm)
    }

    #[test]
    fn reads_the_notice_date_styles() {
        assert_eq!(iso("4-Jan-2026").as_deref(), Some("2026-01-04"));
        assert_eq!(
            iso("06-Jul-2025, 11:59:00 PM").as_deref(),
            Some("2025-07-06")
        );
        assert_eq!(iso("03-mars-2026, 00:59:00").as_deref(), Some("2026-03-03"));
        assert_eq!(iso("4-jan.-2026").as_deref(), Some("2026-01-04"));
        assert_eq!(iso("08/06/2026").as_deref(), Some("2026-06-08"));
        assert_eq!(iso("6 July 2025").as_deref(), Some("2025-07-06"));
        assert_eq!(iso("6 juillet 2025").as_deref(), Some("2025-07-06"));
        assert_eq!(iso("1er octobre 2026").as_deref(), Some("2026-10-01"));
        assert_eq!(iso("is the 08/06/2026.").as_deref(), Some("2026-06-08"));
        assert_eq!(iso("July 6, 2025").as_deref(), Some("2025-07-06"));
        assert_eq!(iso("le 14 févr. 2026").as_deref(), Some("2026-02-14"));
        assert_eq!(iso("2026-06-08").as_deref(), Some("2026-06-08"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert_eq!(iso("31-Feb-2026"), None);
        assert_eq!(iso("week 12 – 16 January"), None);
        assert_eq!(iso("Grade G20, 9,253.21 EUR"), None);
        assert_eq!(iso("4 Moon 2026"), None);
        assert_eq!(iso("08/06-2026"), None);
    }

    #[test]
    fn a_leading_date_opens_the_text() {
        assert_eq!(
            leading_date(" 8 April 2026, noon")
                .map(|(d, _)| d.iso())
                .as_deref(),
            Some("2026-04-08")
        );
        assert_eq!(leading_date("noon, 8 April 2026"), None);
    }

    #[test]
    fn the_first_date_wins() {
        assert_eq!(
            iso("from 1 March 2026 to 08/06/2026").as_deref(),
            Some("2026-03-01")
        );
    }

    #[test]
    fn reads_times_into_24_hours() {
        assert_eq!(hhmm("06-Jul-2025, 11:59:00 PM").as_deref(), Some("23:59"));
        assert_eq!(hhmm("03-Mar-2026, 12:59:00 AM").as_deref(), Some("00:59"));
        assert_eq!(hhmm("12:30 p.m.").as_deref(), Some("12:30"));
        assert_eq!(hhmm("03-mars-2026, 00:59:00").as_deref(), Some("00:59"));
        assert_eq!(hhmm("à 23h59").as_deref(), Some("23:59"));
        assert_eq!(hhmm("4-Jan-2026"), None);
        assert_eq!(hhmm("25:00"), None);
        assert_eq!(hhmm("13:00 PM"), None);
    }

    /// Every month name and abbreviation, in both languages, as notices write them:
    /// lower case, capitalised or in capitals, an abbreviation with or without its dot
    /// (accented spellings are the `conventions` crate's to test).
    fn month_spellings() -> Vec<(u32, String)> {
        (1..=12)
            .flat_map(|month| {
                conventions::months::names(month)
                    .iter()
                    .flat_map(move |name| {
                        let mut capitalised = name.to_string();
                        capitalised[..1].make_ascii_uppercase();
                        let dotted = (name.len() <= 4).then(|| format!("{name}."));
                        [name.to_string(), capitalised, name.to_uppercase()]
                            .into_iter()
                            .chain(dotted)
                            .map(move |spelling| (month, spelling))
                    })
            })
            .collect()
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1990u32..2100, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d))
    }

    /// The ways notices write a date, given the day, month, year and a month spelling.
    fn write_date(style: usize, date: Date, month_name: &str) -> String {
        let Date { year, month, day } = date;
        match style {
            0 => format!("{day}-{month_name}-{year}"),
            1 => format!("{day:02}-{month_name}-{year}, 11:59:00 PM"),
            2 => format!("{day} {month_name} {year}"),
            3 if day == 1 => format!("1er {month_name} {year}"),
            3 => format!("le {day} {month_name} {year}"),
            4 => format!("{day:02}/{month:02}/{year}"),
            5 => format!("the {day}.{month}.{year}."),
            6 => format!("{month_name} {day}, {year}"),
            _ => date.iso(),
        }
    }

    proptest! {
        #[test]
        fn written_dates_read_back(date in any_date(), style in 0usize..8, pick in any::<prop::sample::Index>()) {
            let spellings: Vec<String> = month_spellings()
                .into_iter()
                .filter(|(m, _)| *m == date.month)
                .map(|(_, name)| name)
                .collect();
            let name = pick.get(&spellings);
            let written = write_date(style, date, name);
            prop_assert_eq!(find_date(&written).map(|(d, _)| d), Some(date), "{}", written);
        }

        #[test]
        fn written_times_read_back(hour in 0u32..24, minute in 0u32..60, twelve_hour in any::<bool>()) {
            let written = if twelve_hour {
                let half = if hour < 12 { "AM" } else { "PM" };
                let shown = if hour % 12 == 0 { 12 } else { hour % 12 };
                format!("{shown:02}:{minute:02}:00 {half}")
            } else {
                format!("{hour:02}:{minute:02}")
            };
            prop_assert_eq!(find_time(&written), Time::new(hour, minute), "{}", written);
        }
    }
}
