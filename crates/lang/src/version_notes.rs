//! Notes announcing the other language's version ("La version française suit.", "French
//! follows"): lines of neither language's text. The vocabulary is in
//! `data/version_notes.toml`.

use std::collections::HashSet;
use std::sync::LazyLock;

use conventions::folding::fold;
use serde::Deserialize;

const VERSION_NOTES_TOML: &str = include_str!("../data/version_notes.toml");

#[derive(Deserialize)]
struct Vocabulary {
    max_words: usize,
    languages: HashSet<String>,
    places: HashSet<String>,
    fillers: HashSet<String>,
}

static VOCABULARY: LazyLock<Vocabulary> =
    LazyLock::new(|| toml::from_str(VERSION_NOTES_TOML).expect("data/version_notes.toml is valid"));

/// Whether a line only says where the other language's version of the document is.
pub fn is_version_note(line: &str) -> bool {
    let vocabulary = &*VOCABULARY;
    // Folding keeps the word boundaries: a longer line is ruled out before it is folded.
    if words_of(line).nth(vocabulary.max_words).is_some() {
        return false;
    }
    let folded = fold(line);
    let words: Vec<&str> = words_of(&folded).collect();
    if words.is_empty() || words.len() > vocabulary.max_words {
        return false;
    }
    let names_language = words.iter().any(|w| vocabulary.languages.contains(*w));
    let says_where = words.iter().any(|w| vocabulary.places.contains(*w));
    let nothing_else = words.iter().all(|w| {
        vocabulary.languages.contains(*w)
            || vocabulary.places.contains(*w)
            || vocabulary.fillers.contains(*w)
    });
    names_language && says_where && nothing_else
}

/// The words of a line: its runs of letters and digits.
fn words_of(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::is_version_note;

    #[test]
    fn notes_about_the_other_version_are_recognised() {
        for note in [
            "La version française suit.",
            "(French follows)",
            "English version below",
            "Le texte anglais suit le texte français",
            "Version française ci-dessous",
            "Scroll down for the French version",
        ] {
            assert!(is_version_note(note), "{note}");
        }
    }

    #[test]
    fn lines_that_say_more_are_text() {
        for line in [
            "Knowledge of English and French",
            "French follows English in the order of the sections of this long notice",
            "The candidate follows the French course",
            "English",
            "Bilingual imperative: English and French essential",
        ] {
            assert!(!is_version_note(line), "{line}");
        }
    }
}
