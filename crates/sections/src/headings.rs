//! Numbered headings.
//!
//! A heading is a line "N. TITLE" (or "N) TITLE", or "N TITLE" in capitals) whose title is
//! short, starts with a capital and does not end like a sentence. Candidates are then
//! chained: the headings of a text are the best run numbered 1, 2, 3, … in line order, so a
//! numbered list inside a body (which restarts at 1, or whose items read like sentences)
//! does not cut the text.

/// A numbered heading found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Index of the heading's line.
    pub line: usize,
    /// The heading's number.
    pub number: u32,
    /// The title, without the number, whitespace collapsed.
    pub title: String,
}

const MAX_TITLE_WORDS: usize = 14;
const MAX_TITLE_CHARS: usize = 120;
const MAX_NUMBER: u32 = 40;

/// How much a line looks like a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// Title case ("Main Accountabilities").
    TitleCase = 1,
    /// All capitals ("MAIN ACCOUNTABILITIES").
    Capitals = 3,
}

struct Candidate {
    heading: Heading,
    style: Numbering,
    strength: Strength,
}

/// Finds the numbered headings of a text given as lines.
pub fn find_headings(lines: &[&str]) -> Vec<Heading> {
    let candidates: Vec<Candidate> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| candidate(i, line))
        .collect();
    best_chain(candidates)
}

fn candidate(line_index: usize, line: &str) -> Option<Candidate> {
    let trimmed = line.trim();
    let label_end = trimmed.find(|c: char| !c.is_ascii_alphanumeric())?;
    let (style, number) = numbering(&trimmed[..label_end])?;
    let rest = &trimmed[label_end..];
    let (punctuated, rest) = match rest.strip_prefix(['.', ')']) {
        Some(after) => (true, after),
        None => (false, rest),
    };
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let title = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = title.trim_end_matches(':').trim_end().to_owned();
    let strength = title_strength(&title)?;
    // "1 SUMMARY" is a heading; "1 Summary" or "A Summary" is more likely a phrase.
    let bare_ok = style == Numbering::Arabic && strength == Strength::Capitals;
    if !punctuated && !bare_ok {
        return None;
    }
    Some(Candidate {
        heading: Heading {
            line: line_index,
            number,
            title,
        },
        style,
        strength,
    })
}

/// How a heading is numbered. A chain of headings keeps one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// 1, 2, 3
    Arabic,
    /// I, II, III
    Roman,
    /// A, B, C
    Letter,
}

fn numbering(label: &str) -> Option<(Numbering, u32)> {
    let number = if label.chars().all(|c| c.is_ascii_digit()) && label.len() <= 2 {
        (Numbering::Arabic, label.parse().ok()?)
    } else if let Some(value) = roman_value(label) {
        (Numbering::Roman, value)
    } else if label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase()) {
        (Numbering::Letter, u32::from(label.as_bytes()[0] - b'A') + 1)
    } else {
        return None;
    };
    (number.1 >= 1 && number.1 <= MAX_NUMBER).then_some(number)
}

/// The value of an uppercase Roman numeral up to XL; `None` for anything else.
fn roman_value(label: &str) -> Option<u32> {
    const NUMERALS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    const TENS: [&str; 5] = ["", "X", "XX", "XXX", "XL"];
    (1..=MAX_NUMBER).find(|&n| {
        let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
        tens < TENS.len() && format!("{}{}", TENS[tens], NUMERALS[units]) == label
    })
}

fn title_strength(title: &str) -> Option<Strength> {
    let first = title.chars().next()?;
    if !first.is_alphabetic() || !first.is_uppercase() {
        return None;
    }
    if title.chars().count() > MAX_TITLE_CHARS || title.ends_with(['.', ';', ',']) {
        return None;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() > MAX_TITLE_WORDS {
        return None;
    }
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if upper * 10 >= letters.len() * 8 {
        return Some(Strength::Capitals);
    }
    // Title case: the words that carry meaning (longer than three letters) are capitalised.
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (!long.is_empty() && capitalised * 10 >= long.len() * 7).then_some(Strength::TitleCase)
}

/// The chain 1, 2, 3, … of candidates in line order with the greatest total strength.
fn best_chain(candidates: Vec<Candidate>) -> Vec<Heading> {
    // best[i]: (score, length) of the best chain ending at candidate i; prev[i]: its predecessor.
    let mut best: Vec<Option<(u32, usize)>> = vec![None; candidates.len()];
    let mut prev: Vec<Option<usize>> = vec![None; candidates.len()];
    for i in 0..candidates.len() {
        let own = candidates[i].strength as u32;
        if candidates[i].heading.number == 1 {
            best[i] = Some((own, 1));
        }
        for j in 0..i {
            if candidates[j].style != candidates[i].style
                || candidates[j].heading.number + 1 != candidates[i].heading.number
            {
                continue;
            }
            if let Some((score, len)) = best[j] {
                let extended = (score + own, len + 1);
                if best[i].is_none_or(|b| extended > b) {
                    best[i] = Some(extended);
                    prev[i] = Some(j);
                }
            }
        }
    }
    let Some(end) = (0..candidates.len())
        .filter(|&i| best[i].is_some())
        .max_by_key(|&i| (best[i], std::cmp::Reverse(i)))
    else {
        return Vec::new();
    };
    let is_credible = |(score, len): (u32, usize)| len >= 2 || score >= Strength::Capitals as u32;
    if !best[end].is_some_and(is_credible) {
        return Vec::new();
    }
    let mut chain = vec![end];
    let mut current = end;
    while let Some(p) = prev[current] {
        chain.push(p);
        current = p;
    }
    chain.reverse();
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    chain
        .into_iter()
        .filter_map(|i| slots[i].take().map(|c| c.heading))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(u32, String)> {
        let lines: Vec<&str> = text.lines().collect();
        find_headings(&lines)
            .into_iter()
            .map(|h| (h.number, h.title))
            .collect()
    }

    #[test]
    fn numbered_capital_headings_with_odd_spacing() {
        let text = "Intro\n1. SUMMARY\nx\n 2.  QUALIFICATIONS AND EXPERIENCE \ny\n3.  MAIN ACCOUNTABILITIES            \nz";
        assert_eq!(
            titles(text),
            vec![
                (1, "SUMMARY".to_owned()),
                (2, "QUALIFICATIONS AND EXPERIENCE".to_owned()),
                (3, "MAIN ACCOUNTABILITIES".to_owned())
            ]
        );
    }

    #[test]
    fn numbered_list_items_are_not_headings() {
        let text = "1. SUMMARY\nThe incumbent must:\n1. possess a university degree;\n2. have 6 years of experience;\n2. CONTRACT\nText";
        assert_eq!(
            titles(text),
            vec![(1, "SUMMARY".to_owned()), (2, "CONTRACT".to_owned())]
        );
    }

    #[test]
    fn a_list_restarting_at_one_inside_a_body_does_not_break_the_chain() {
        let text = "1. SUMMARY\n2. TASKS\n1. Project Management\n2. Budget Planning\n3. CONTRACT\n4. ADDITIONAL INFORMATION";
        assert_eq!(
            titles(text).into_iter().map(|(_, t)| t).collect::<Vec<_>>(),
            vec!["SUMMARY", "TASKS", "CONTRACT", "ADDITIONAL INFORMATION"]
        );
    }

    #[test]
    fn short_capitalised_lines_and_sentences_are_not_headings() {
        assert!(titles("ESSENTIAL\nDESIRABLE\nPolicy Development").is_empty());
        assert!(titles("10 au genre, à l'âge").is_empty());
        assert!(titles("1. The incumbent reports to the Head of Section.").is_empty());
    }

    #[test]
    fn roman_and_letter_numbering_chain_within_their_style() {
        let text = "I. CONTEXT\nx\nII. DUTIES\nA. Background Checks\nIII. PROFILE\nIV. CONDITIONS";
        assert_eq!(
            titles(text),
            vec![
                (1, "CONTEXT".to_owned()),
                (2, "DUTIES".to_owned()),
                (3, "PROFILE".to_owned()),
                (4, "CONDITIONS".to_owned())
            ]
        );
        assert_eq!(titles("A. SUMMARY\nx\nB. TASKS\ny").len(), 2);
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
    }

    #[test]
    fn title_case_headings_chain() {
        let text = "1. Summary\nText\n2. Main Accountabilities\nText\n3. Contract\nText";
        assert_eq!(titles(text).len(), 3);
    }

    #[test]
    fn a_lone_title_case_item_is_not_enough() {
        assert!(titles("1. Summary\nText").is_empty());
    }
}
