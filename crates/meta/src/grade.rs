//! Grades of the grading systems notices use ("AD 5", "P-4", "FG IV", "NOA", "IT-02",
//! "GS-FOS-07", "G20"), and lists of them ("IT-04 or IT-05", "AS-05, AS-06", "A2/A3"), kept
//! as the notice writes them.

use std::sync::LazyLock;

use regex::Regex;

use crate::labels::VOCABULARY;

/// Words that join the grades of a list: "IT-04 or IT-05", "EC-04 et EC-05", "A2/A3",
/// "A2-A4".
const LIST_JOINERS: &str = r"\s*(?:,|/|-|–|\bor\b|\band\b|\bou\b|\bet\b|\bto\b|\bà\b)\s*";

/// One grade, from the shapes of the data file.
static ONE_GRADE: LazyLock<String> = LazyLock::new(|| {
    let shapes: Vec<String> = VOCABULARY
        .grades
        .shapes
        .iter()
        .map(|shape| format!("(?:{shape})"))
        .collect();
    format!(r"\b(?:{})\b", shapes.join("|"))
});

/// One grade, compiled alone.
static ONE_GRADE_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&ONE_GRADE).expect("valid grade shapes"));

/// A list of grades.
static GRADE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let one = &*ONE_GRADE;
    Regex::new(&format!("{one}(?:{LIST_JOINERS}{one})*")).expect("valid grade shapes")
});

/// "G 23": a single letter, a space and a number, which is read joined.
static SPACED_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([A-Z]) (\d{1,2})\b").expect("valid regex"));

/// The grade, or list of grades, a text states first, with the byte span it covers.
pub(crate) fn find_grades(text: &str) -> Option<(String, usize, usize)> {
    let found = GRADE_LIST.find(text)?;
    let spelled = SPACED_LETTER.replace_all(found.as_str(), "$1$2");
    Some((spelled.into_owned(), found.start(), found.end()))
}

/// The grades a value states, when the value starts with them (after words such as "NATO
/// Grade"): "NATO Grade G20" is "G20", "Temporary Agent, AD 5 (see …)" is "AD 5".
pub(crate) fn grades_in_value(value: &str) -> Option<String> {
    find_grades(value).map(|(grades, _, _)| grades)
}

/// The grades of a list, without the words that join them and without spaces, for
/// comparing lists written in two languages ("IT-04 or IT-05" and "IT-04 ou IT-05").
pub(crate) fn grade_tokens(list: &str) -> Vec<String> {
    ONE_GRADE_ONLY
        .find_iter(list)
        .map(|grade| grade.as_str().split_whitespace().collect())
        .collect()
}

/// Whether a whole line is a grade list ("AS-05, AS-06").
pub(crate) fn is_grade_line(line: &str) -> bool {
    let line = line.trim().trim_end_matches([',', '.', ';']);
    GRADE_LIST
        .find(line)
        .is_some_and(|found| found.start() == 0 && found.end() == line.len())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn grades_of_the_common_systems() {
        for grade in [
            "AD 5",
            "AST 3",
            "FG IV",
            "P-4",
            "G-6",
            "D-1",
            "NOA",
            "G20",
            "B4",
            "IT-02",
            "PM-01",
            "EX-05",
            "GS-FOS-07",
            "AST/SC 2",
        ] {
            assert!(is_grade_line(grade), "{grade}");
            assert_eq!(grades_in_value(grade).as_deref(), Some(grade));
        }
        assert!(!is_grade_line("NATO"));
        assert!(!is_grade_line("Grade"));
        assert!(!is_grade_line("2026"));
    }

    #[test]
    fn grades_in_values_and_lists() {
        assert_eq!(grades_in_value("NATO Grade G20").as_deref(), Some("G20"));
        assert_eq!(grades_in_value("G 23").as_deref(), Some("G23"));
        assert_eq!(
            grades_in_value("Temporary Agent, AD 5 (see the Guide for Applicants)").as_deref(),
            Some("AD 5")
        );
        assert_eq!(
            grades_in_value("IT-04 or IT-05 in the Computer Systems group").as_deref(),
            Some("IT-04 or IT-05")
        );
        assert_eq!(
            grades_in_value("GS-FOS-07 - Supervisory allowance (C3 - 11,5%)").as_deref(),
            Some("GS-FOS-07")
        );
        assert_eq!(grades_in_value("A2/A3").as_deref(), Some("A2/A3"));
        assert_eq!(grades_in_value("A2-A4").as_deref(), Some("A2-A4"));
        assert_eq!(
            grades_in_value("EC-04 et EC-05").as_deref(),
            Some("EC-04 et EC-05")
        );
        assert!(is_grade_line("AS-05, AS-06"));
        assert_eq!(
            grade_tokens("IT-04 ou IT-05"),
            grade_tokens("IT-04 or IT-05")
        );
        assert_eq!(grade_tokens("AD 5"), ["AD5"]);
        assert!(!is_grade_line("AS-05 in Ottawa"));
        assert_eq!(grades_in_value("NATO"), None);
    }

    fn any_grade() -> impl Strategy<Value = String> {
        let dashed = ("[A-Z]{1,3}", 0u32..100).prop_map(|(l, n)| format!("{l}-{n:02}"));
        let spaced = ("[A-Z]{2,4}", 1u32..20).prop_map(|(l, n)| format!("{l} {n}"));
        let glued = ("[A-Z]{1,4}", 1u32..40).prop_map(|(l, n)| format!("{l}{n}"));
        let roman = (
            "[A-Z]{2,3}",
            prop::sample::select(vec!["I", "II", "III", "IV", "V"]),
        )
            .prop_map(|(l, r)| format!("{l} {r}"));
        prop_oneof![dashed, spaced, glued, roman]
    }

    proptest! {
        #[test]
        fn written_grades_read_back(grade in any_grade(), before in "[a-z ]{0,12}", after in "[a-z ]{0,12}") {
            let text = format!("{before} {grade} {after}");
            prop_assert_eq!(grades_in_value(&text), Some(grade.clone()), "{}", text);
        }

        #[test]
        fn listed_grades_read_back(first in any_grade(), second in any_grade(), joiner in prop::sample::select(vec![", ", " or ", " ou ", "/", " and ", "-", " – "])) {
            let list = format!("{first}{joiner}{second}");
            prop_assert_eq!(grades_in_value(&format!("classified as {list} in")), Some(list.clone()));
            prop_assert!(is_grade_line(&list));
        }
    }
}
