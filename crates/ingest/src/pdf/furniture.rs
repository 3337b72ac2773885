//! Page furniture: running headers, footers and page numbers.
//!
//! Furniture is found by position and repetition, never by wording: a row in the top or
//! bottom band of a page is furniture when a row with the same text (digits aside) sits in
//! the same band of other pages, or when it is a bare page number ("3", "Page 3 of 9",
//! "3 / 9", "- 3 -").

use std::collections::BTreeMap;

use super::layout::Row;

/// Height of the top and bottom bands, as a share of the page height.
const BAND: f64 = 0.1;
/// How many rows from the top or the bottom of a page are looked at.
const ROWS_PER_BAND: usize = 3;
/// Gap, in font sizes, that separates furniture from the body of the page.
const ISOLATION: f64 = 1.8;
/// Share of the pages a running header or footer must appear on (and at least two).
const MIN_REPEAT_SHARE: f64 = 0.4;

/// The rows of one page and the page's height.
#[derive(Debug, Clone, PartialEq)]
pub struct PageRows {
    /// Page height in points.
    pub height: f64,
    /// Rows, top first.
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Band {
    Top,
    Bottom,
}

/// What was removed, for the warning.
#[derive(Debug, Default, PartialEq)]
pub struct Removed {
    /// Running header or footer text (digits as found on the first page) and how many times.
    pub running: Vec<(String, usize)>,
    /// How many page numbers were removed.
    pub page_numbers: usize,
}

impl Removed {
    /// Whether nothing was removed.
    pub fn is_empty(&self) -> bool {
        self.running.is_empty() && self.page_numbers == 0
    }

    /// A sentence for people saying what was removed.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .running
            .iter()
            .map(|(text, n)| format!("running header/footer {text:?} on {n} pages"))
            .collect();
        if self.page_numbers > 0 {
            parts.push(format!("{} page numbers", self.page_numbers));
        }
        format!("removed page furniture: {}", parts.join("; "))
    }
}

/// Removes running headers, footers and page numbers from the pages' rows.
pub fn remove(pages: &mut [PageRows]) -> Removed {
    let mut occurrences: BTreeMap<(Band, String), Vec<(usize, String)>> = BTreeMap::new();
    for (page_index, page) in pages.iter().enumerate() {
        for (band, row) in band_rows(page) {
            let text = page.rows[row].text();
            let key = repetition_key(&text);
            if !key.is_empty() {
                occurrences
                    .entry((band, key))
                    .or_default()
                    .push((page_index, text));
            }
        }
    }
    let min_pages = ((pages.len() as f64 * MIN_REPEAT_SHARE).ceil() as usize).max(2);
    let mut removed = Removed::default();
    let mut doomed: Vec<(usize, String)> = Vec::new();
    for found in occurrences.into_values() {
        let distinct_pages = {
            let mut p: Vec<usize> = found.iter().map(|(page, _)| *page).collect();
            p.dedup();
            p.len()
        };
        if distinct_pages >= min_pages {
            if let Some((_, text)) = found.first() {
                if !is_page_number(text) {
                    removed.running.push((text.clone(), found.len()));
                }
            }
            doomed.extend(found);
        }
    }
    for (page_index, page) in pages.iter().enumerate() {
        for (_, row) in band_rows(page) {
            let text = page.rows[row].text();
            if is_page_number(&text) {
                doomed.push((page_index, text));
            }
        }
    }
    doomed.sort();
    doomed.dedup();
    for (page_index, page) in pages.iter_mut().enumerate() {
        let in_band: Vec<usize> = band_rows(page).map(|(_, row)| row).collect();
        let mut index = 0;
        page.rows.retain(|row| {
            let in_band = in_band.contains(&index);
            index += 1;
            if !in_band {
                return true;
            }
            let text = row.text();
            let furniture = doomed.binary_search(&(page_index, text.clone())).is_ok();
            if furniture && is_page_number(&text) {
                removed.page_numbers += 1;
            }
            !furniture
        });
    }
    removed
}

/// Indices of the rows in the top and bottom bands of a page that stand apart from the body:
/// between such a row and the body there is a gap wider than [`ISOLATION`] lines.
fn band_rows(page: &PageRows) -> impl Iterator<Item = (Band, usize)> + '_ {
    let rows = &page.rows;
    // Whether the space below row i is wider than a line break.
    let wide_gap = |i: usize| {
        rows.get(i + 1)
            .is_some_and(|next| rows[i].y - next.y > ISOLATION * rows[i].size())
    };
    let top_count = rows
        .iter()
        .take(ROWS_PER_BAND)
        .take_while(|row| row.y >= page.height * (1.0 - BAND))
        .count();
    let bottom_start = rows.len()
        - rows
            .iter()
            .rev()
            .take(ROWS_PER_BAND)
            .take_while(|row| row.y <= page.height * BAND)
            .count();
    let top = (0..top_count)
        .filter(move |&i| (i..top_count).any(wide_gap))
        .map(|i| (Band::Top, i));
    let bottom = (bottom_start..rows.len())
        .filter(move |&i| (bottom_start.saturating_sub(1)..i).any(wide_gap))
        .map(|i| (Band::Bottom, i));
    // The bands are far apart: no row is in both.
    top.chain(bottom)
}

/// The text with digit runs collapsed and case and spacing ignored: "Page 3 of 9" and
/// "Page 4 of 9" are the same running footer.
fn repetition_key(text: &str) -> String {
    let mut key = String::new();
    let mut last_was_digit = false;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !last_was_digit {
                key.push('#');
            }
            last_was_digit = true;
        } else {
            key.extend(c.to_lowercase());
            last_was_digit = false;
        }
    }
    key
}

/// A bare page number: "3", "- 3 -", "3 / 9", "Page 3", "Page 3 of 9", "p. 3", "3 sur 9".
fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let lower =
        lower.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' ' | '[' | ']' | '(' | ')'));
    let rest = ["page", "p."]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))
        .unwrap_or(lower)
        .trim_start();
    let (number, tail) = split_number(rest);
    if number.is_empty() {
        return false;
    }
    let tail = tail.trim_start();
    if tail.is_empty() {
        return true;
    }
    ["/", "of", "sur", "de"]
        .iter()
        .filter_map(|sep| tail.strip_prefix(sep))
        .any(|total| {
            let (total, after) = split_number(total.trim_start());
            !total.is_empty() && after.trim().is_empty()
        })
}

fn split_number(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, tail) = text.split_at(end);
    if number.len() > 4 {
        ("", text)
    } else {
        (number, tail)
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::{rows, tests::word};
    use super::*;

    fn page(lines: &[(&str, f64)]) -> PageRows {
        let glyphs: Vec<_> = lines
            .iter()
            .flat_map(|(text, y)| word(text, 50.0, *y))
            .collect();
        PageRows {
            height: 842.0,
            rows: rows(&glyphs),
        }
    }

    fn texts(page: &PageRows) -> Vec<String> {
        page.rows.iter().map(Row::text).collect()
    }

    #[test]
    fn page_numbers_are_recognised() {
        for yes in [
            "3",
            "- 3 -",
            "3 / 9",
            "Page 3",
            "Page 3 of 9",
            "page 12 sur 40",
            "p. 3",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "2024 budget",
            "3. QUALIFICATIONS",
            "Grade 20",
            "Page",
            "12345678",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn running_header_and_page_numbers_are_removed() {
        let mut pages: Vec<PageRows> = (1..=3)
            .map(|n| {
                page(&[
                    ("NATO UNCLASSIFIED", 810.0),
                    (&format!("Body text of page {n}"), 700.0),
                    ("More body", 686.0),
                    (&format!("Page {n} of 3"), 30.0),
                ])
            })
            .collect();
        let removed = remove(&mut pages);
        assert_eq!(texts(&pages[1]), ["Body text of page 2", "More body"]);
        assert_eq!(removed.running, [("NATO UNCLASSIFIED".to_owned(), 3)]);
        assert_eq!(removed.page_numbers, 3);
        assert!(removed.describe().contains("NATO UNCLASSIFIED"));
    }

    #[test]
    fn a_repeated_heading_set_like_body_text_stays() {
        let mut pages: Vec<PageRows> = (1..=2)
            .map(|_| {
                page(&[
                    ("VACANCY NOTICE", 810.0),
                    ("1. SUMMARY", 770.0),
                    ("The body follows at the usual pitch", 756.0),
                ])
            })
            .collect();
        remove(&mut pages);
        assert_eq!(
            texts(&pages[0]),
            ["1. SUMMARY", "The body follows at the usual pitch"]
        );
    }

    #[test]
    fn a_letterhead_on_one_page_and_body_text_stay() {
        let mut pages = vec![
            page(&[("ORGANISATION LETTERHEAD", 810.0), ("Body one", 700.0)]),
            page(&[("Body two", 810.0), ("last line of the notice", 40.0)]),
        ];
        let removed = remove(&mut pages);
        assert!(removed.is_empty());
        assert_eq!(texts(&pages[0]), ["ORGANISATION LETTERHEAD", "Body one"]);
        assert_eq!(texts(&pages[1]), ["Body two", "last line of the notice"]);
    }
}
