//! The job title from the document's title block: the reader's top heading, a labelled
//! title, the header line that ends with the reference ("Officer, Defence Policy - 251836"),
//! the line just above the field lines, or a first line standing alone. Never a label line.

use std::sync::LazyLock;

use conventions::folding::fold;
use model::{Block, BlockKind, Metadata};
use regex::Regex;

use crate::date::find_date;
use crate::fields::MAX_TITLE_WORDS;
use crate::labels::{Field, VOCABULARY, is_one_of};
use crate::pairs::{Pair, is_label_line, unmark};

/// A title followed by a dash and a reference: "Officer, Defence Policy - 251836",
/// "… Management- 250885", "Gestionnaire de projet CAP -260066", "Officer – IS-251836".
static TITLE_AND_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<title>.*?\S)\s*[-–—]\s*(?P<reference>(?:[A-Z]{1,6}[-/]?)?\d{4,}[A-Za-z]?)$")
        .expect("valid regex")
});

/// A numbered section heading ("1. SUMMARY"): the header block ends there.
static NUMBERED_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\s*[.)]\s+\p{Lu}").expect("valid regex"));

/// How many non-empty lines the header block holds at most.
const MAX_HEADER_LINES: usize = 40;

/// Where the header block ends: at the first numbered heading, or after
/// [`MAX_HEADER_LINES`] non-empty lines.
fn header_end(lines: &[String]) -> usize {
    let mut non_empty = 0;
    for (at, line) in lines.iter().enumerate() {
        if NUMBERED_HEADING.is_match(line) || non_empty == MAX_HEADER_LINES {
            return at;
        }
        non_empty += usize::from(!line.is_empty());
    }
    lines.len()
}

/// Whether a line names the kind of document ("VACANCY NOTIFICATION", "Avis de vacance").
fn has_banner_word(line: &str) -> bool {
    crate::text::words(line)
        .iter()
        .any(|word| is_one_of(&VOCABULARY.banner_words, &word.folded))
}

/// A letterhead or banner line: in capitals, naming the kind of document, or laid out with
/// tabs or markup.
fn is_banner(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    shouting || has_banner_word(line) || line.contains('\t') || line.contains('<')
}

/// Whether a reader's top heading reads as the job title: as a line would, except that a
/// heading may be set in capitals.
fn heading_is_title(heading: &str) -> bool {
    let words = heading.split_whitespace().count();
    (1..=MAX_TITLE_WORDS).contains(&words) && !has_banner_word(heading) && !is_label_line(heading)
}

/// Whether a line reads as a job title: a short phrase that is no sentence, no list item,
/// no link, no banner and no label line.
fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', ':', ';', '?', '!', ',']);
    let starts_like_name = line.chars().next().is_some_and(char::is_uppercase);
    (1..=MAX_TITLE_WORDS).contains(&words)
        && starts_like_name
        && !ends_like_sentence
        && !fold(line).contains("http")
        && !is_banner(line)
        && !is_label_line(line)
}

/// Splits a "title - reference" line.
fn split_title_line(line: &str) -> Option<(&str, &str)> {
    let captures = TITLE_AND_REFERENCE.captures(line)?;
    let title = captures.name("title")?.as_str();
    let reference = captures.name("reference")?.as_str();
    let has_words = title.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    // "Application Deadline: 4-Jan-2026" also ends with a dash and digits.
    let is_title = has_words && find_date(line).is_none() && looks_like_title(title);
    is_title.then_some((title, reference))
}

/// A title below the header's first field stands within this many non-empty lines of it.
const MAX_LINES_TO_TITLE_BELOW_FIELD: usize = 3;

/// A wrapped title spreads over at most this many lines.
const MAX_TITLE_LINES: usize = 3;

/// The title line ending at `lines[last]`, re-joined with the lines it was wrapped from
/// (PDF text breaks a long title line: "… and Life Cycle" / "Management- 250885"), longest
/// first. Only lines with no blank line between them are joined.
fn title_line_ending_at(lines: &[String], last: usize) -> Option<(String, String)> {
    let first_possible = last.saturating_sub(MAX_TITLE_LINES - 1);
    let first_of_paragraph = (first_possible..=last)
        .rev()
        .take_while(|&k| !lines[k].is_empty())
        .last()?;
    (first_of_paragraph..=last).find_map(|first| {
        let joined = lines[first..=last].join(" ");
        split_title_line(&joined).map(|(title, reference)| (title.to_owned(), reference.to_owned()))
    })
}

/// Whether the line at `at` stands alone: blank (or the text's edge) above and below.
fn stands_alone(lines: &[String], at: usize) -> bool {
    let blank_above = at == 0 || lines[at - 1].is_empty();
    let blank_below = lines.get(at + 1).is_none_or(|line| line.is_empty());
    blank_above && blank_below
}

/// A level-1 heading is the title when its author marked it so (an `h1`, a front-matter title,
/// a Markdown `#`: confidence 1); a heading a reader only guessed from its font or shape may
/// be a banner or a subheading set large.
const MARKED_HEADING_CONFIDENCE: f32 = 1.0;

/// Reads the title (and the reference beside it) from the document's title block, where
/// the label–value pairs did not already give it, and returns the line of a title that
/// heads the header's fields. The title is the
/// reader's level-1 heading or a "title - reference" line of the header (which gives the
/// reference too); a labelled title; the line right above the header's first field; or a
/// first line that stands alone.
pub(crate) fn read_title(
    lines: &[String],
    blocks: &[Block],
    pairs: &[Pair],
    metadata: &mut Metadata,
) -> Option<usize> {
    let top_heading = blocks.iter().find_map(|block| match &block.kind {
        BlockKind::Heading(heading)
            if heading.level <= 1 && heading.confidence >= MARKED_HEADING_CONFIDENCE =>
        {
            Some((block.line, &heading.title))
        }
        _ => None,
    });
    let top_heading = top_heading.filter(|(_, title)| heading_is_title(title));
    let title_and_reference = (0..header_end(lines))
        .find_map(|last| title_line_ending_at(lines, last).map(|found| (last, found)));
    if let Some((last, (title, reference))) = title_and_reference {
        metadata.reference.get_or_insert(reference);
        if top_heading.is_none() {
            metadata.title = Some(title);
            return Some(last);
        }
    }
    if let Some((line, title)) = top_heading {
        metadata.title = Some(title.clone());
        return Some(line);
    }
    let is_title_pair = |pair: &&Pair| pair.family.is_some_and(|f| f.field == Field::Title);
    if metadata.title.is_some() {
        return pairs.iter().find(is_title_pair).map(|pair| pair.line);
    }
    // The line right above the first field of the header.
    let first_field = pairs
        .iter()
        .find(|pair| pair.family.is_some_and(|f| f.field != Field::Other))
        .map(|pair| pair.line);
    let above = first_field.and_then(|at| (0..at).rev().find(|&k| !lines[k].is_empty()));
    if let Some(at) = above
        && looks_like_title(unmark(&lines[at]))
    {
        metadata.title = Some(unmark(&lines[at]).to_owned());
        return Some(at);
    }
    // Else a line standing alone among the header's first lines, below a reference that
    // opens the header ("Vacancy notice n° e12/2026", then the title).
    let opening_reference = pairs
        .iter()
        .find(|pair| pair.family.is_some_and(|f| f.field != Field::Other))
        .filter(|pair| pair.family.is_some_and(|f| f.field == Field::Reference));
    if let Some(first_field) = opening_reference {
        let in_pair = |at: usize| pairs.iter().any(|p| (p.line..=p.last).contains(&at));
        let below = (first_field.last + 1..lines.len())
            .filter(|&k| !lines[k].is_empty())
            .take(MAX_LINES_TO_TITLE_BELOW_FIELD)
            .find(|&k| {
                let line = unmark(&lines[k]);
                // One word ("Apply") is a button or a heading, not a job's title.
                let words = line.split_whitespace().count();
                !in_pair(k) && stands_alone(lines, k) && words > 1 && looks_like_title(line)
            });
        if let Some(at) = below {
            metadata.title = Some(unmark(&lines[at]).to_owned());
            return Some(at);
        }
    }
    // A first line standing alone titles the text, but heads no header of unlabelled lines.
    let first = lines.iter().position(|line| !line.is_empty())?;
    let line = unmark(&lines[first]);
    if looks_like_title(line) && stands_alone(lines, first) {
        metadata.title = Some(line.to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_and_reference(text: &str) -> (Option<String>, Option<String>) {
        let lines: Vec<String> = text.lines().map(crate::text::plain_spaces).collect();
        let pairs = crate::pairs::find_pairs(&lines, &[]);
        let mut metadata = Metadata::default();
        read_title(&lines, &[], &pairs, &mut metadata);
        (metadata.title, metadata.reference)
    }

    fn some(title: &str, reference: &str) -> (Option<String>, Option<String>) {
        (Some(title.to_owned()), Some(reference.to_owned()))
    }

    #[test]
    fn title_lines_with_a_reference() {
        let header = "NATO\tNORTH ATLANTIC TREATY ORGANIZATION\n\nVACANCY NOTIFICATION/ NOTIFICATION DE LA VACANCE DU POSTE\n\nOfficer, Defence Policy - 251836\n\nPrimary Location: Belgium-Brussels";
        assert_eq!(
            title_and_reference(header),
            some("Officer, Defence Policy", "251836")
        );
        assert_eq!(
            title_and_reference(
                "Officer, NATO Industrial Advisory Group (NIAG) and Life Cycle Management- 250885"
            ),
            some(
                "Officer, NATO Industrial Advisory Group (NIAG) and Life Cycle Management",
                "250885"
            )
        );
        assert_eq!(
            title_and_reference(" Gestionnaire de projet CAP -260066 "),
            some("Gestionnaire de projet CAP", "260066")
        );
        assert_eq!(
            title_and_reference("Project Manager (+ Reserve list)-260066"),
            some("Project Manager (+ Reserve list)", "260066")
        );
        assert_eq!(
            title_and_reference(
                "VACANCY NOTICE\nOfficer, Industrial Advisory Group and Life Cycle\nManagement- 250885"
            ),
            some(
                "Officer, Industrial Advisory Group and Life Cycle Management",
                "250885"
            )
        );
        assert_eq!(
            title_and_reference(
                "\nProject Manager (+ Reserve list)-\n260066\n\nPrimary Location: Ukraine-Kyiv"
            ),
            some("Project Manager (+ Reserve list)", "260066")
        );
        assert_eq!(
            title_and_reference(
                "Administratrice/Administrateur (Groupe consultatif OTAN\n(NIAG) et gestion du cycle de vie) - 250885"
            ),
            some(
                "Administratrice/Administrateur (Groupe consultatif OTAN (NIAG) et gestion du cycle de vie)",
                "250885"
            )
        );
        assert_eq!(
            title_and_reference("Officer - Cyber-Defence – IS-2024017"),
            some("Officer - Cyber-Defence", "IS-2024017")
        );
    }

    #[test]
    fn dates_and_banners_are_not_titles() {
        assert_eq!(
            title_and_reference("Application Deadline: 4-Jan-2026"),
            (None, None)
        );
        assert_eq!(
            title_and_reference("Application Deadline 4-Jan-2026"),
            (None, None)
        );
        assert_eq!(
            title_and_reference("VACANCY NOTICE - 2026001"),
            (None, None)
        );
    }

    fn top_heading(title: &str, line: usize) -> Block {
        Block {
            kind: BlockKind::Heading(model::Heading {
                level: 1,
                number: None,
                numbering: None,
                title: title.to_owned(),
                confidence: 1.0,
            }),
            line,
            lines: 1,
            page: None,
        }
    }

    fn title_with_blocks(text: &str, blocks: &[Block]) -> Option<String> {
        let lines: Vec<String> = text.split('\n').map(crate::text::plain_spaces).collect();
        let pairs = crate::pairs::find_pairs(&lines, blocks);
        let mut metadata = Metadata::default();
        read_title(&lines, blocks, &pairs, &mut metadata);
        metadata.title
    }

    #[test]
    fn the_readers_top_heading_is_the_title_unless_a_banner() {
        let text = "SENIOR ENGINEER\n\nReference number: AB-1234";
        assert_eq!(
            title_with_blocks(text, &[top_heading("SENIOR ENGINEER", 0)]).as_deref(),
            Some("SENIOR ENGINEER")
        );
        let text = "Vacancy Notice\n\nData Officer\nLocation: Rome";
        assert_eq!(
            title_with_blocks(text, &[top_heading("Vacancy Notice", 0)]).as_deref(),
            Some("Data Officer")
        );
        let text = "Closing date: 4 May 2026\n\nLocation: Rome";
        assert_eq!(
            title_with_blocks(text, &[top_heading("Closing date: 4 May 2026", 0)]),
            None,
            "never a label line"
        );
    }

    #[test]
    fn without_a_reference_the_line_above_the_fields() {
        let header =
            "VACANCY NOTICE\n\nSenior Budget Analyst\n\nLocation: Mons, Belgium\nGrade: A3";
        assert_eq!(
            title_and_reference(header),
            (Some("Senior Budget Analyst".to_owned()), None)
        );
        let prose = "We are hiring.\nLocation: Mons, Belgium";
        assert_eq!(title_and_reference(prose), (None, None));
    }
}
