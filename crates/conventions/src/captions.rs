//! Captions: the lines that name a table, a chart or a figure ("Table 1", "Chart 2 Number
//! of…", "Tableau 3", "Figure 4.1"), which title an illustration, never a section.

use crate::folding::fold;

/// Words that open a caption when a number follows them, folded, in English and French.
const CAPTION_WORDS: &[&str] = &[
    "table",
    "tables",
    "chart",
    "charts",
    "figure",
    "figures",
    "fig",
    "graph",
    "graphs",
    "exhibit",
    "map",
    "maps",
    "diagram",
    "tableau",
    "tableaux",
    "graphique",
    "graphiques",
    "carte",
    "cartes",
    "schema",
    "illustration",
];

/// Whether a line opens with a caption word followed by a number ("Table 1", "Fig. 2.3",
/// "Graphique A").
pub fn is_caption(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(word), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    let word = fold(word.trim_end_matches('.'));
    let number = number.trim_end_matches(['.', ':', ')']);
    let is_number = !number.is_empty()
        && (number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && number.starts_with(|c: char| c.is_ascii_digit())
            || number.chars().count() == 1 && number.chars().all(|c| c.is_ascii_uppercase()));
    CAPTION_WORDS.contains(&word.as_str()) && is_number
}

#[cfg(test)]
mod tests {
    use super::is_caption;

    #[test]
    fn captions_name_an_illustration_and_its_number() {
        for caption in [
            "Table 1",
            "Chart 2 Number of women",
            "Fig. 2.3",
            "Graphique A",
            "Tableau 3-1 :",
        ] {
            assert!(is_caption(caption), "{caption}");
        }
        for line in [
            "Table of contents",
            "Note to readers",
            "Map the risks",
            "Table",
            "Figure 10%",
        ] {
            assert!(!is_caption(line), "{line}");
        }
    }
}
