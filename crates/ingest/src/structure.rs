//! The structure of plain text: typed blocks found from the shape of lines.
//!
//! Readers that see no markup (plain text, the text rebuilt from a PDF) call [`text_blocks`]
//! to lay blocks over their text. A line is classified by what it looks like:
//!
//! - Markdown-style `#` lines are headings of their level, with full confidence;
//! - a line underlined with `====` or `----` is a heading of level 1 or 2;
//! - numbered lines ("1. Who we are", "IV. CONDITIONS", "2) Duties") are headings only when
//!   they chain 1, 2, 3… in line order with titles that read like titles, so that a numbered
//!   list inside a body does not cut the text; an English and a French half each have
//!   their chain;
//! - a short stand-alone line in capitals is a heading candidate, and so is a short
//!   stand-alone line that does not end like a sentence and is followed by text, with less
//!   confidence;
//! - bullets are list items, "Label: value" lines label–value blocks, the rest paragraphs.
//!
//! The confidence of a heading says how strong its evidence is; `sections` picks the
//! document's top headings among the strongest kind present. Levels rank styles within a
//! kind: `#` counts, `=` over `-`, "1." over "1.1".

use conventions::bullets;
use conventions::numbering::{self, Closing, Style};
use conventions::wrapping::{self, WrappedParagraph};
use model::{Block, BlockKind, Heading};

/// Markdown headings and `#` lines: the author marked them.
const MARKED: f32 = 1.0;
/// Underlined lines and chained numbered headings.
const CHAINED: f32 = 0.9;
/// Lines a reader saw set apart by their font (larger, or bold among regular text).
const STYLED: f32 = 0.8;
/// Stand-alone lines in capitals.
const CAPITALS: f32 = 0.7;
/// Stand-alone short lines followed by text.
const STAND_ALONE: f32 = 0.5;

/// Levels of stand-alone lines: over paragraphs, and leading into a list.
const STAND_ALONE_LEVEL: u8 = 3;
const LIST_LEAD_IN_LEVEL: u8 = 4;

/// Longest heading, in words and in characters.
const MAX_HEADING_WORDS: usize = 14;
const MAX_HEADING_CHARS: usize = 120;
/// Longest label of a "Label: value" line, in words.
const MAX_LABEL_WORDS: usize = 6;
/// A chain of sentence-case numbered headings ("1. Who we are") is believed from this
/// length on; chains of capitals or title case from two.
const MIN_SENTENCE_CASE_CHAIN: usize = 3;
/// At most this many separate numbered chains are looked for (one per language and a few
/// more for annexes); each search is linear in the number of candidates.
const MAX_CHAINS: usize = 6;

/// A line that its reader saw set apart by its font, with the rank of that font among the
/// document's heading styles (1 the most prominent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyledLine {
    /// Index of the line in the text.
    pub line: usize,
    /// Rank of its style.
    pub level: u8,
}

/// The blocks of a plain text, in line order, each covering lines of `text.split('\n')`.
pub fn text_blocks(text: &str) -> Vec<Block> {
    styled_text_blocks(text, &[])
}

/// The blocks of a text whose reader saw some lines set apart by their font (see
/// [`StyledLine`]): those lines are headings unless they are list items or numbered
/// headings already.
pub fn styled_text_blocks(text: &str, styled: &[StyledLine]) -> Vec<Block> {
    let lines: Vec<&str> = text.split('\n').collect();
    let styled_level = |i: usize| styled.iter().find(|s| s.line == i).map(|s| s.level);
    let wrap_width = wrapping::wrap_width(&lines);
    let mut headings: Vec<Option<Heading>> = vec![None; lines.len()];
    // Lines that belong to the heading above them (an underline, a wrapped title).
    let mut continued = vec![false; lines.len()];
    for chain in numbered_chains(&lines) {
        for candidate in chain {
            headings[candidate.line] = Some(candidate.heading);
        }
    }
    for i in 0..lines.len() {
        if headings[i].is_some() || continued[i] {
            continue;
        }
        if let Some(heading) = marked_heading(lines[i]) {
            headings[i] = Some(heading);
        } else if let Some(level) = styled_level(i)
            && !bullets::is_bullet(lines[i])
            && !is_list_number(lines[i])
        {
            headings[i] = Some(heading(lines[i].trim(), level, None, STYLED));
        } else if let Some(level) = lines.get(i + 1).and_then(|next| underline_level(next))
            && title_shape(lines[i].trim()).is_some()
        {
            headings[i] = Some(heading(lines[i].trim(), level, None, CHAINED));
            continued[i + 1] = true;
        } else if let Some(heading) = stand_alone_heading(&lines, i, wrap_width) {
            headings[i] = Some(heading);
        }
    }
    // A numbered heading too long for its column goes on in lower case on the next line.
    for i in 0..lines.len().saturating_sub(1) {
        let next_is_free = headings[i + 1].is_none();
        if let Some(h) = &mut headings[i]
            && h.number.is_some()
            && next_is_free
            && is_heading_continuation(lines[i], lines[i + 1])
        {
            h.title = format!("{} {}", h.title, lines[i + 1].trim());
            continued[i + 1] = true;
        }
    }

    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() || continued[i] {
            i += 1;
            continue;
        }
        if let Some(h) = headings[i].take() {
            let mut end = i + 1;
            while end < lines.len() && continued[end] {
                end += 1;
            }
            blocks.push(block(BlockKind::Heading(h), i, end));
            i = end;
            continue;
        }
        if bullets::is_bullet(line) || is_list_number(line) {
            let depth = u8::from(lines[i].starts_with([' ', '\t']));
            let end = wrapped_block_end(&lines, i, &headings, &continued, wrap_width);
            blocks.push(block(BlockKind::ListItem { depth }, i, end));
            i = end;
            continue;
        }
        if let Some((label, value)) = label_value(line) {
            // A long value wraps like a paragraph.
            let end = wrapped_block_end(&lines, i, &headings, &continued, wrap_width);
            let value = wrapping::join_lines(
                std::iter::once(value).chain(lines[i + 1..end].iter().copied()),
            );
            blocks.push(block(
                BlockKind::LabelValue {
                    label: label.to_owned(),
                    value,
                },
                i,
                end,
            ));
            i = end;
            continue;
        }
        let end = wrapped_block_end(&lines, i, &headings, &continued, wrap_width);
        blocks.push(block(BlockKind::Paragraph, i, end));
        i = end;
    }
    blocks
}

/// The end of the paragraph or list item that opens at line `start`: the lines after it that
/// go on with it by the conventions of hard-wrapped text ([`wrapping`]), the blank lines
/// between them included.
fn wrapped_block_end(
    lines: &[&str],
    start: usize,
    headings: &[Option<Heading>],
    continued: &[bool],
    wrap_width: Option<usize>,
) -> usize {
    let mut paragraph = WrappedParagraph::starting_with(lines[start]);
    let mut end = start + 1;
    loop {
        let Some(next) = (end..lines.len()).find(|&k| !lines[k].trim().is_empty()) else {
            return end;
        };
        if !is_paragraph_line(lines, next, headings, continued)
            || !paragraph.continues_with(lines[next], wrap_width)
        {
            return end;
        }
        paragraph = WrappedParagraph::starting_with(lines[next]);
        end = next + 1;
    }
}

fn block(kind: BlockKind, start: usize, end: usize) -> Block {
    Block {
        kind,
        line: start,
        lines: end - start,
        page: None,
    }
}

fn heading(title: &str, level: u8, number: Option<(u32, Style)>, confidence: f32) -> Heading {
    Heading {
        level,
        number: number.map(|(n, _)| n),
        numbering: number.map(|(_, style)| style.name().to_owned()),
        title: clean_title(title),
        confidence,
    }
}

/// The title's words, whitespace collapsed, without a trailing colon or Markdown emphasis.
fn clean_title(title: &str) -> String {
    let collapsed = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches(['*', '_']).trim();
    trimmed
        .strip_suffix(':')
        .map_or(trimmed, str::trim_end)
        .to_owned()
}

fn is_paragraph_line(
    lines: &[&str],
    i: usize,
    headings: &[Option<Heading>],
    continued: &[bool],
) -> bool {
    let line = lines[i].trim();
    !line.is_empty()
        && headings[i].is_none()
        && !continued[i]
        && !bullets::is_bullet(line)
        && !is_list_number(line)
        && label_value(line).is_none()
}

/// "## About", "### Contact": a Markdown ATX heading.
fn marked_heading(line: &str) -> Option<Heading> {
    let trimmed = line.trim();
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &trimmed[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = markdown_link_text(rest.trim().trim_end_matches('#').trim());
    (!title.is_empty()).then(|| heading(&title, hashes as u8, None, MARKED))
}

/// "[Text](url)" becomes "Text"; other text is returned as is.
fn markdown_link_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The heading level an underline gives the line above it: `===` 1, `---` 2.
fn underline_level(line: &str) -> Option<u8> {
    let trimmed = line.trim();
    let first = trimmed.chars().next()?;
    let level = match first {
        '=' => 1,
        '-' => 2,
        _ => return None,
    };
    (trimmed.len() >= 3 && trimmed.chars().all(|c| c == first)).then_some(level)
}

/// How much a title reads like a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// "Who we are": a capital, then lower case.
    Sentence = 1,
    /// "Main Accountabilities".
    TitleCase = 2,
    /// "MAIN ACCOUNTABILITIES".
    Capitals = 3,
}

/// How a would-be heading's words read; `None` when they read like a sentence or a list item.
fn title_shape(title: &str) -> Option<Strength> {
    let title = title.trim().trim_end_matches(':').trim_end();
    let first = title.chars().next()?;
    if !first.is_alphabetic() || !first.is_uppercase() {
        return None;
    }
    if title.chars().count() > MAX_HEADING_CHARS || title.ends_with(['.', ';', ',', '!']) {
        return None;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() > MAX_HEADING_WORDS {
        return None;
    }
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() >= 2 && upper * 10 >= letters.len() * 8 {
        return Some(Strength::Capitals);
    }
    // Title case: the words that carry meaning (longer than three letters) are capitalised.
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !long.is_empty() && capitalised * 10 >= long.len() * 7 {
        Some(Strength::TitleCase)
    } else {
        Some(Strength::Sentence)
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    line: usize,
    style: Style,
    upper: bool,
    value: u32,
    strength: Strength,
    heading: Heading,
}

fn numbered_candidate(index: usize, line: &str) -> Option<Candidate> {
    let label = numbering::parse_label(line)?;
    // "(a)" and lower-case labels number list items, not headings.
    if label.closing == Closing::Enclosed || !label.upper {
        return None;
    }
    let strength = title_shape(label.rest)?;
    // "1 SUMMARY" is a heading; "1 Summary" or "A Summary" is more likely a phrase.
    let bare_ok = label.style == Style::Arabic && strength == Strength::Capitals;
    if label.closing == Closing::Bare && !bare_ok {
        return None;
    }
    let level = 1 + label.depth;
    Some(Candidate {
        line: index,
        style: label.style,
        upper: label.upper,
        value: label.value,
        strength,
        heading: heading(label.rest, level, Some((label.value, label.style)), CHAINED),
    })
}

/// The chains 1, 2, 3, … of numbered headings, strongest first; a chain never interleaves
/// with one found before it.
fn numbered_chains(lines: &[&str]) -> Vec<Vec<Candidate>> {
    let mut candidates: Vec<Candidate> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| numbered_candidate(i, line))
        .collect();
    let mut chains: Vec<Vec<Candidate>> = Vec::new();
    while chains.len() < MAX_CHAINS {
        let Some(chain) = best_chain(&candidates, lines) else {
            break;
        };
        let (first, last) = (chain[0].line, chain[chain.len() - 1].line);
        candidates.retain(|c| c.line < first || c.line > last);
        chains.push(chain);
    }
    chains
}

/// The chain of consecutive numbers in one style, in line order, with the greatest total
/// strength; `None` when no chain is credible.
fn best_chain(candidates: &[Candidate], lines: &[&str]) -> Option<Vec<Candidate>> {
    use std::collections::HashMap;
    // best[i]: (score, length) of the best chain ending at candidate i; prev[i]: its predecessor.
    let mut best: Vec<(u32, usize)> = Vec::with_capacity(candidates.len());
    let mut prev: Vec<Option<usize>> = Vec::with_capacity(candidates.len());
    // For each (style, case, value): the candidate ending the best chain so far.
    let mut best_ending: HashMap<(Style, bool, u32), usize> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let own = c.strength as u32;
        let extended = c.value.checked_sub(1).and_then(|before| {
            let j = *best_ending.get(&(c.style, c.upper, before))?;
            Some(((best[j].0 + own, best[j].1 + 1), j))
        });
        let (score, p) = match extended {
            Some((score, j)) => (score, Some(j)),
            None if c.value == 1 => ((own, 1), None),
            None => ((0, 0), None),
        };
        best.push(score);
        prev.push(p);
        if score.1 > 0 {
            let key = (c.style, c.upper, c.value);
            if best_ending.get(&key).is_none_or(|&j| score > best[j]) {
                best_ending.insert(key, i);
            }
        }
    }
    let end = (0..candidates.len())
        .filter(|&i| best[i].1 > 0)
        .max_by_key(|&i| (best[i], std::cmp::Reverse(i)))?;
    let mut chain = vec![end];
    let mut current = end;
    while let Some(p) = prev[current] {
        chain.push(p);
        current = p;
    }
    chain.reverse();
    let members: Vec<Candidate> = chain.iter().map(|&i| candidates[i].clone()).collect();
    is_credible(&members, lines).then_some(members)
}

/// Two headings or more, or one in capitals; sentence-case chains need more members, and
/// body text between them (a numbered list has its items on consecutive lines).
fn is_credible(chain: &[Candidate], lines: &[&str]) -> bool {
    let strongest = chain.iter().map(|c| c.strength).max();
    match strongest {
        Some(Strength::Capitals) => true,
        Some(Strength::TitleCase) => chain.len() >= 2,
        Some(Strength::Sentence) => {
            chain.len() >= MIN_SENTENCE_CASE_CHAIN
                && chain.windows(2).all(|w| {
                    lines[w[0].line + 1..w[1].line]
                        .iter()
                        .any(|l| !l.trim().is_empty())
                })
        }
        None => false,
    }
}

/// A short stand-alone line: capitals, or a title followed by text.
fn stand_alone_heading(lines: &[&str], i: usize, wrap_width: Option<usize>) -> Option<Heading> {
    let line = lines[i].trim();
    if bullets::is_bullet(line) || is_list_number(line) || label_value(line).is_some() {
        return None;
    }
    let strength = title_shape(line)?;
    let blank_before = i == 0 || lines[i - 1].trim().is_empty();
    let next = lines[i + 1..].iter().position(|l| !l.trim().is_empty())?;
    let next_line = lines[i + 1 + next].trim();
    // A line the next one goes on with is the first line of a wrapped paragraph (a bullet
    // or a list number opens an item of its own).
    let next_opens_item = bullets::is_bullet(next_line) || is_list_number(next_line);
    if !next_opens_item
        && WrappedParagraph::starting_with(line).continues_with(next_line, wrap_width)
    {
        return None;
    }
    // Something must follow, and it must not be another would-be heading of the same kind.
    let followed_by_text = title_shape(next_line).is_none()
        || bullets::is_bullet(next_line)
        || next_line.split_whitespace().count() > MAX_HEADING_WORDS;
    if strength == Strength::Capitals && line.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
        return Some(heading(line, 2, None, CAPITALS));
    }
    let blank_after = next > 0;
    // A line that leads into a list ("What you'll do") ranks below one over paragraphs
    // ("About your team"): where a text has both, the lead-ins are inside the sections.
    let level = if next_opens_item {
        LIST_LEAD_IN_LEVEL
    } else {
        STAND_ALONE_LEVEL
    };
    (blank_before && (blank_after || line.ends_with(':')) && followed_by_text)
        .then(|| heading(line, level, None, STAND_ALONE))
}

/// "1. possess a degree;", "a) first", "(iii) third": a numbered list item.
fn is_list_number(line: &str) -> bool {
    numbering::parse_label(line).is_some_and(|label| {
        label.closing != Closing::Bare
            && (!label.upper
                || title_shape(label.rest).is_none()
                || label.rest.ends_with(['.', ';', ',']))
    })
}

/// Words that cannot end a title (articles, prepositions, conjunctions of English and
/// French): a heading line ending with one was cut by its column.
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "à", "au", "aux", "d'", "de", "des", "du", "en", "et", "la", "le", "les", "ou", "par", "pour",
    "sur", "l'",
];

/// The next line goes on with a heading its column cut: the heading ends with a word no
/// title ends with, and the next line is short and not a sentence's end.
fn is_heading_continuation(heading: &str, next: &str) -> bool {
    let next = next.trim();
    let last_word = heading.split_whitespace().next_back().unwrap_or("");
    DANGLING_WORDS.contains(&last_word.to_lowercase().as_str())
        && !next.is_empty()
        && next.split_whitespace().count() <= MAX_HEADING_WORDS / 2
        && !next.ends_with(['.', ';', ','])
}

/// "Location: Brussels", "Grade : AD 5": a short label, a colon, a value.
fn label_value(line: &str) -> Option<(&str, &str)> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim();
    let value = value.trim();
    let words = label.split_whitespace().count();
    let starts_upper = label.chars().next().is_some_and(char::is_uppercase);
    // "https://…" and "10:30" are not labels.
    let is_label = (1..=MAX_LABEL_WORDS).contains(&words)
        && starts_upper
        && !label.ends_with(|c: char| c.is_ascii_digit())
        && !value.starts_with("//")
        && !value.is_empty();
    is_label.then_some((label, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(text: &str) -> Vec<(String, u8, f32)> {
        text_blocks(text)
            .into_iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading(h) => Some((h.title, h.level, h.confidence)),
                _ => None,
            })
            .collect()
    }

    fn titles(text: &str) -> Vec<String> {
        headings(text).into_iter().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn numbered_capital_headings_with_odd_spacing() {
        let text = "Intro\n1. SUMMARY\nx\n 2.  QUALIFICATIONS AND EXPERIENCE \ny\n3.  MAIN ACCOUNTABILITIES            \nz";
        assert_eq!(
            titles(text),
            [
                "SUMMARY",
                "QUALIFICATIONS AND EXPERIENCE",
                "MAIN ACCOUNTABILITIES"
            ]
        );
    }

    #[test]
    fn numbered_list_items_are_not_headings() {
        let text = "1. SUMMARY\nThe incumbent must:\n1. possess a university degree;\n2. have 6 years of experience;\n2. CONTRACT\nText";
        assert_eq!(titles(text), ["SUMMARY", "CONTRACT"]);
        let kinds: Vec<bool> = text_blocks(text)
            .iter()
            .map(|b| matches!(b.kind, BlockKind::ListItem { .. }))
            .collect();
        assert_eq!(kinds, [false, false, true, true, false, false]);
    }

    #[test]
    fn a_list_restarting_at_one_inside_a_body_does_not_break_the_chain() {
        let text = "1. SUMMARY\n2. TASKS\n1. Project Management\n2. Budget Planning\n3. CONTRACT\n4. ADDITIONAL INFORMATION";
        assert_eq!(
            titles(text),
            ["SUMMARY", "TASKS", "CONTRACT", "ADDITIONAL INFORMATION"]
        );
    }

    #[test]
    fn an_english_and_a_french_chain() {
        let text = "1. SUMMARY\nx\n2. CONTRACT\ny\n\n1. RÉSUMÉ\nx\n2. CONTRAT\ny";
        assert_eq!(titles(text), ["SUMMARY", "CONTRACT", "RÉSUMÉ", "CONTRAT"]);
    }

    #[test]
    fn sentence_case_numbered_headings_chain_when_text_separates_them() {
        let text = "1. Who we are\nWe are an agency.\n2. Is this job for you?\nPerhaps it is.\n\
                    3. Key responsibilities\nMany.\n4. Eligibility criteria\nSome.";
        assert_eq!(
            titles(text),
            [
                "Who we are",
                "Is this job for you?",
                "Key responsibilities",
                "Eligibility criteria"
            ]
        );
        let list = "Steps:\n1. Fill in the form\n2. Send the form\n3. Wait for an answer";
        assert!(
            headings(list)
                .iter()
                .all(|(_, _, confidence)| *confidence < CHAINED),
            "{:?}",
            headings(list)
        );
    }

    #[test]
    fn sentences_and_short_capital_words_are_not_headings() {
        assert!(titles("10 au genre, à l'âge").is_empty());
        assert!(titles("1. The incumbent reports to the Head of Section.").is_empty());
        assert!(titles("1. Summary\nText").is_empty());
    }

    #[test]
    fn markdown_and_underlined_headings() {
        let text = "# [Tool](https://x.example)\n\n## About\n\nText.\n\nPrerequisites\n-------------\n\n- Git";
        assert_eq!(
            headings(text),
            [
                ("Tool".to_owned(), 1, MARKED),
                ("About".to_owned(), 2, MARKED),
                ("Prerequisites".to_owned(), 2, CHAINED)
            ]
        );
    }

    #[test]
    fn a_lead_in_as_wide_as_the_text_still_heads_its_list() {
        // Lines wrapped at about 40 characters; the lead-in runs to the width, but a bullet
        // opens an item of its own rather than going on with it.
        let text = "Our team builds the services people use
every day across the whole country and
the regions.

                    What you will do in your first months

- write the code;
- review the code.";
        assert_eq!(
            headings(text),
            [(
                "What you will do in your first months".to_owned(),
                LIST_LEAD_IN_LEVEL,
                STAND_ALONE
            )]
        );
    }

    #[test]
    fn stand_alone_lines_before_text_are_weak_headings() {
        let text = "Assistant\n\nWe hire.\n\nIn this role you will:\n\n- write;\n- edit.\n\nWe like people who:\n\n- learn.";
        assert_eq!(
            headings(text),
            [
                ("Assistant".to_owned(), STAND_ALONE_LEVEL, STAND_ALONE),
                (
                    "In this role you will".to_owned(),
                    LIST_LEAD_IN_LEVEL,
                    STAND_ALONE
                ),
                (
                    "We like people who".to_owned(),
                    LIST_LEAD_IN_LEVEL,
                    STAND_ALONE
                )
            ]
        );
    }

    #[test]
    fn a_wrapped_numbered_heading_is_one_heading() {
        let text =
            "1. PROFIL\nx\n2. PROCÉDURE DE CANDIDATURE ET DE\nrecrutement\nTexte.\n3. DIVERS\ny";
        assert_eq!(
            titles(text),
            [
                "PROFIL",
                "PROCÉDURE DE CANDIDATURE ET DE recrutement",
                "DIVERS"
            ]
        );
    }

    #[test]
    fn label_value_lines_and_paragraphs() {
        let blocks =
            text_blocks("Location: Brussels\nSee https://x.example\nat 10:30 sharp\n\nEnd.");
        let kinds: Vec<&BlockKind> = blocks.iter().map(|b| &b.kind).collect();
        assert_eq!(
            kinds,
            [
                &BlockKind::LabelValue {
                    label: "Location".to_owned(),
                    value: "Brussels".to_owned()
                },
                &BlockKind::Paragraph,
                &BlockKind::Paragraph
            ]
        );
        assert_eq!((blocks[1].line, blocks[1].lines), (1, 2));
    }

    #[test]
    fn a_wrapped_value_or_item_goes_on_over_its_lines() {
        let blocks = text_blocks(
            "Important Note: this post is rated as an extreme risk location by the\n\n\
             Office of Security.\n\n- possess a degree in economics,\n\npolitical science;\n- travel.",
        );
        let spans: Vec<(usize, usize)> = blocks.iter().map(|b| (b.line, b.lines)).collect();
        assert_eq!(spans, [(0, 1), (2, 1), (4, 3), (7, 1)]);
        let blocks = text_blocks(
            "Important Note: this post is rated as an extreme risk location by the\n\n\
             office of Security.",
        );
        assert_eq!(
            blocks[0].kind,
            BlockKind::LabelValue {
                label: "Important Note".to_owned(),
                value: "this post is rated as an extreme risk location by the office of Security."
                    .to_owned()
            }
        );
    }

    #[test]
    fn blocks_are_ordered_and_disjoint_on_any_text() {
        let text = "A\n\n1. B\n=\n## C\n- d\n  - e\nF: g\n\nH\n---\ni";
        let blocks = text_blocks(text);
        assert!(blocks.windows(2).all(|w| w[0].end() <= w[1].line));
        assert!(blocks.iter().all(|b| b.lines >= 1));
    }
}
