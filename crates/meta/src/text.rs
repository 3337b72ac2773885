//! Small text helpers shared by the field readers: words with their positions (folded with
//! the `conventions` crate), sentences, and phrase search over words.

use std::collections::HashMap;

use conventions::folding::fold;

/// One word of a text: a maximal run of letters and digits, folded, with its byte span in
/// the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word, folded with [`fold`].
    pub folded: String,
    /// Byte offset of the word's first character.
    pub start: usize,
    /// Byte offset just past the word's last character.
    pub end: usize,
}

/// The words of a text, in order. Apostrophes and hyphens separate words, so the French
/// elision "l'habilitation" gives "l" and "habilitation".
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut found = Vec::new();
    let mut start = None;
    for (offset, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(offset),
            (false, Some(begin)) => {
                found.push(Word {
                    folded: fold(&text[begin..offset]),
                    start: begin,
                    end: offset,
                });
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// Where a phrase (folded words separated by spaces) first occurs in a word list: the
/// index of its first word.
pub(crate) fn find_phrase(words: &[Word], phrase: &str) -> Option<usize> {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    find_parts(words, &wanted)
}

/// Where a phrase given as its folded words first occurs in a word list.
pub(crate) fn find_parts(words: &[Word], wanted: &[&str]) -> Option<usize> {
    words.windows(wanted.len()).position(|window| {
        window
            .iter()
            .zip(wanted)
            .all(|(word, want)| word.folded == *want)
    })
}

/// How many times each phrase (folded words separated by spaces) occurs in a word list, in
/// one pass over the words whatever the number of phrases.
pub(crate) fn count_phrases(words: &[Word], phrases: &[&str]) -> Vec<usize> {
    let split: Vec<Vec<&str>> = phrases.iter().map(|p| p.split(' ').collect()).collect();
    let mut by_first_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, parts) in split.iter().enumerate() {
        if let Some(first) = parts.first() {
            by_first_word.entry(first).or_default().push(index);
        }
    }
    let mut counts = vec![0; phrases.len()];
    for (at, word) in words.iter().enumerate() {
        let Some(candidates) = by_first_word.get(word.folded.as_str()) else {
            continue;
        };
        for &index in candidates {
            let parts = &split[index];
            let matches = parts
                .iter()
                .enumerate()
                .all(|(k, part)| words.get(at + k).is_some_and(|w| w.folded == *part));
            counts[index] += usize::from(matches);
        }
    }
    counts
}

/// The byte span, in the text the words came from, of the first occurrence of any of the
/// phrases.
pub(crate) fn find_any_phrase(words: &[Word], phrases: &[&str]) -> Option<(usize, usize)> {
    phrases
        .iter()
        .filter_map(|phrase| {
            let first = find_phrase(words, phrase)?;
            let last = first + phrase.split(' ').count() - 1;
            Some((words[first].start, words[last].end))
        })
        .min()
}

/// The text as running prose: lines joined by single spaces, runs of white space collapsed.
/// Notices converted from PDF break sentences across lines; prose patterns must see them whole.
pub(crate) fn flowed(text: &str) -> String {
    let mut prose = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !prose.is_empty() {
            prose.push(' ');
        }
        prose.push_str(word);
    }
    prose
}

/// The paragraphs of a text (runs of lines between blank lines), each as running prose: a
/// sentence never runs from one paragraph, heading or list into the next.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .collect::<Vec<&str>>()
        .split(|line| line.trim().is_empty())
        .map(|lines| flowed(&lines.join("\n")))
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

/// Replaces the no-break and narrow spaces French typography puts before `:` and inside
/// numbers with plain spaces, and trims the line.
pub(crate) fn plain_spaces(line: &str) -> String {
    line.chars()
        .map(|c| if is_space(c) { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// White space including the no-break (U+00A0), narrow no-break (U+202F) and thin (U+2009)
/// spaces used as thousands separators.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_spans() {
        let text = "Date de retrait : 4-jan.-2026";
        let found = words(text);
        let folded: Vec<&str> = found.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["date", "de", "retrait", "4", "jan", "2026"]);
        assert_eq!(&text[found[2].start..found[2].end], "retrait");
    }

    #[test]
    fn phrases_are_found_on_word_boundaries() {
        let found = words("Niveau de l'habilitation de sécurité NS");
        assert_eq!(find_phrase(&found, "habilitation de securite"), Some(3));
        assert_eq!(find_phrase(&found, "habilit"), None);
        let span = find_any_phrase(&found, &["securite", "niveau"]);
        assert_eq!(span, Some((0, 6)));
    }

    #[test]
    fn phrases_are_counted_in_one_pass() {
        let found = words("Apply now. Candidates apply online; apply online today.");
        assert_eq!(
            count_phrases(&found, &["apply", "apply online", "candidates", "deadline"]),
            [3, 2, 1, 0]
        );
    }

    #[test]
    fn paragraphs_end_at_blank_lines() {
        assert_eq!(
            paragraphs("One line\nwrapped.\n \n## Heading\n\nNext"),
            ["One line wrapped.", "## Heading", "Next"]
        );
    }

    #[test]
    fn flowed_collapses_white_space() {
        assert_eq!(flowed("  one\n two\t\tthree \n"), "one two three");
        assert_eq!(flowed(" \n "), "");
    }
}
