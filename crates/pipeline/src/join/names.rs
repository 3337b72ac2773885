//! What a file's path says about its language and about the other file of its pair.
//!
//! `reports/Budget_2024_EN.pdf` and `reports/Budget_2024_FR.pdf` differ only by a language
//! marker: once it is removed, both names read `reports/budget-2024`. `content/en/analyst--
//! 5f3a91c2.md` and `content/fr/analyste--5f3a91c2.md` have translated names but share their
//! folders (the language folder removed) and an identifier. [`NameKey`] holds both readings;
//! [`shard_key`] is the one string both files of a pair share, so that a sharded run puts
//! them in the same shard.

use std::sync::LazyLock;

use model::Lang;

/// The marker vocabulary: see the comments of the file itself.
const MARKERS_FILE: &str = include_str!("../../data/language_markers.txt");

/// A token holding a digit and at least this many characters identifies a document
/// ("dq170529a", "2037132", the parts of a UUID), unlike a year, a date part or a short
/// serial ("2024", "03", "001") that many unrelated files share.
const MIN_ID_TOKEN_CHARS: usize = 6;

/// (marker, language) pairs, longest markers first.
static MARKERS: LazyLock<Vec<(String, Lang)>> = LazyLock::new(|| {
    let mut markers = Vec::new();
    for line in MARKERS_FILE.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((code, words)) = line.split_once(':') else {
            continue;
        };
        let lang = match code.trim() {
            "en" => Lang::En,
            "fr" => Lang::Fr,
            _ => continue,
        };
        markers.extend(words.split_whitespace().map(|w| (w.to_lowercase(), lang)));
    }
    markers
});

/// The language a token marks, if it is a marker.
fn marker(token: &str) -> Option<Lang> {
    MARKERS
        .iter()
        .find(|(word, _)| word == token)
        .map(|&(_, lang)| lang)
}

/// What a path says for pairing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    /// The language the path marks, if any.
    pub lang: Option<Lang>,
    /// Folders and file name without the language marker(s) and extension, lowercase.
    pub stem: String,
    /// Folders and the identifier-like tokens of the name, when it has any.
    pub id: Option<String>,
}

/// Where a marker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The last token of the file name.
    Suffix,
    /// The first token of the file name.
    Prefix,
    /// A folder, by its index among the folders.
    Folder(usize),
}

impl NameKey {
    /// Reads a path relative to the corpus root, `/`-separated.
    pub fn of(path: &str) -> NameKey {
        let lowered = path.to_lowercase();
        let mut parts: Vec<&str> = lowered.split('/').filter(|p| !p.is_empty()).collect();
        let name = parts.pop().unwrap_or("");
        let stem = match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem,
            _ => name,
        };
        let tokens: Vec<&str> = stem
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        let found = find_markers(&parts, &tokens);
        let lang = found.first().map(|&(_, lang)| lang);
        let removed = |place: Place| found.iter().any(|&(p, _)| p == place);
        let last = tokens.len().saturating_sub(1);
        let kept_tokens: Vec<&str> = tokens
            .iter()
            .enumerate()
            .filter(|&(k, _)| {
                !(k == last && removed(Place::Suffix) || k == 0 && removed(Place::Prefix))
            })
            .map(|(_, t)| *t)
            .collect();
        let folders: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|&(k, _)| !removed(Place::Folder(k)))
            .map(|(_, p)| *p)
            .collect();
        let folder_key = folders.join("/");
        let id_tokens: Vec<&str> = kept_tokens
            .iter()
            .copied()
            .filter(|t| {
                t.chars().count() >= MIN_ID_TOKEN_CHARS && t.chars().any(|c| c.is_ascii_digit())
            })
            .collect();
        NameKey {
            lang,
            stem: format!("{folder_key}/{}", kept_tokens.join("-")),
            id: (!id_tokens.is_empty()).then(|| format!("{folder_key}/#{}", id_tokens.join("-"))),
        }
    }
}

/// The language markers of a path, the first deciding the language: multi-letter markers at
/// the end of the file name, at its start, then in the folders from the deepest; single
/// letters only at either end of the name and only when there is no longer marker. Returned
/// (to be removed from the key): the deciding marker and the folders of its language, so
/// that in `e-commerce_fr` the `e` and in `en-route_fr` the `en` stay part of the name.
fn find_markers(folders: &[&str], tokens: &[&str]) -> Vec<(Place, Lang)> {
    let ends = |single: bool| {
        let mut found = Vec::new();
        let mut at = |place: Place, token: Option<&&str>| {
            if let Some(token) = token
                && (token.chars().count() == 1) == single
                && let Some(lang) = marker(token)
            {
                found.push((place, lang));
            }
        };
        at(Place::Suffix, tokens.last());
        if tokens.len() > 1 {
            at(Place::Prefix, tokens.first());
        }
        found
    };
    let mut found = ends(false);
    for (k, folder) in folders.iter().enumerate().rev() {
        if let Some(lang) = folder_marker(folder) {
            found.push((Place::Folder(k), lang));
        }
    }
    if found.is_empty() {
        found = ends(true);
    }
    let Some(&(decider, lang)) = found.first() else {
        return found;
    };
    found
        .retain(|&(place, l)| l == lang && (place == decider || matches!(place, Place::Folder(_))));
    found
}

/// The language a folder name marks: a multi-letter marker alone ("en", "Français") or
/// followed by a region ("en-CA", "fr_ca").
fn folder_marker(folder: &str) -> Option<Lang> {
    let mut parts = folder.split(['-', '_']);
    let first = parts.next()?;
    let region = parts.next();
    let is_locale = match (region, parts.next()) {
        (None, _) => true,
        (Some(region), None) => {
            region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic())
        }
        _ => false,
    };
    (first.chars().count() > 1 && is_locale)
        .then(|| marker(first))
        .flatten()
}

/// The key that places a file in a shard: the same for both files of a pair their names
/// reveal (the identifier when the name has one, else the name without its marker), and
/// the path itself for a file whose name reveals nothing.
pub fn shard_key(path: &str) -> String {
    let key = NameKey::of(path);
    match (key.id, key.lang) {
        (Some(id), _) => id,
        (None, Some(_)) => key.stem,
        (None, None) => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str) -> (Option<Lang>, String) {
        let key = NameKey::of(path);
        (key.lang, key.stem)
    }

    #[test]
    fn markers_as_suffix_prefix_or_folder_come_off_the_name() {
        let stem = |s: &str| s.to_owned();
        assert_eq!(
            key("a/Notice_251836_EN.pdf"),
            (Some(Lang::En), stem("a/notice-251836"))
        );
        assert_eq!(
            key("a/notice-251836-fr.txt"),
            (Some(Lang::Fr), stem("a/notice-251836"))
        );
        assert_eq!(
            key("dq170529a-eng.pdf"),
            (Some(Lang::En), stem("/dq170529a"))
        );
        assert_eq!(
            key("dq170529a-fra.pdf"),
            (Some(Lang::Fr), stem("/dq170529a"))
        );
        assert_eq!(key("FR-avis.txt"), (Some(Lang::Fr), stem("/avis")));
        assert_eq!(key("notice_e.html"), (Some(Lang::En), stem("/notice")));
        assert_eq!(key("notice_f.html"), (Some(Lang::Fr), stem("/notice")));
        assert_eq!(
            key("Methodology_Anglais.docx"),
            (Some(Lang::En), stem("/methodology"))
        );
        assert_eq!(
            key("Methodology_français.docx"),
            (Some(Lang::Fr), stem("/methodology"))
        );
        assert_eq!(
            key("content/en/x--id.md"),
            (Some(Lang::En), stem("content/x-id"))
        );
        assert_eq!(
            key("content/fr/x--id.md"),
            (Some(Lang::Fr), stem("content/x-id"))
        );
        assert_eq!(key("English/report.pdf"), (Some(Lang::En), stem("/report")));
        assert_eq!(key("fr-CA/report.pdf"), (Some(Lang::Fr), stem("/report")));
        assert_eq!(key("en/notice_en.txt").1, key("fr/notice_fr.txt").1);
    }

    #[test]
    fn a_single_letter_is_not_a_marker_beside_a_longer_one_nor_inside_a_name() {
        assert_eq!(key("e-commerce_fr.txt").1, key("e-commerce_en.txt").1);
        assert_eq!(key("en-route_fr.txt").1, "/en-route");
        assert_eq!(key("en-route_en.txt").1, "/en-route");
        assert_eq!(key("annex-e-2024.pdf"), (None, "/annex-e-2024".to_owned()));
        assert_eq!(key("notice.txt"), (None, "/notice".to_owned()));
        assert_eq!(
            key("english-teacher.txt").0,
            Some(Lang::En),
            "a prefix is a marker"
        );
        assert_eq!(key("en.txt"), (Some(Lang::En), "/".to_owned()));
    }

    #[test]
    fn identifiers_survive_translated_names() {
        let en = NameKey::of("content/en/careers/analyst--5f3a91c2-77ab-4e1d-9c0b-12ab34cd56ef.md");
        let fr =
            NameKey::of("content/fr/careers/analyste--5f3a91c2-77ab-4e1d-9c0b-12ab34cd56ef.md");
        assert_ne!(en.stem, fr.stem);
        assert_eq!(en.id, fr.id);
        assert!(en.id.is_some());
        assert_eq!(
            NameKey::of("report-2024-03_en.pdf").id,
            None,
            "dates are not ids"
        );
        assert_eq!(
            NameKey::of("statcan_001_en.pdf").id,
            None,
            "nor short serials"
        );
    }

    #[test]
    fn both_files_of_a_named_pair_share_a_shard_key() {
        for (en, fr) in [
            ("a/Notice_EN.pdf", "a/notice-fr.pdf"),
            ("content/en/x--id.md", "content/fr/x--id.md"),
            ("x_en.md", "x_fr.md"),
            ("dq170529a-eng.pdf", "dq170529a-fra.pdf"),
            ("en/analyst--5f3a91c2.md", "fr/analyste--5f3a91c2.md"),
        ] {
            assert_eq!(shard_key(en), shard_key(fr), "{en} / {fr}");
        }
        assert_eq!(
            shard_key("text/001.txt"),
            "text/001.txt",
            "no marker: the path"
        );
        assert_ne!(shard_key("a/x_en.md"), shard_key("b/x_fr.md"));
    }

    // Folders start with a letter that is no marker: a folder `en/` holding `x_fr.txt`
    // contradicts itself, and its key rightly differs from `en/x_en.txt`'s.
    proptest::proptest! {
        #[test]
        fn any_path_reads_and_a_marker_swap_keeps_the_key(
            folder in "d[a-zA-Z0-9_ .-]{0,11}",
            name in "[a-zA-Z0-9_ .éç-]{0,24}",
        ) {
            let en = format!("{folder}/{name}_en.txt");
            let fr = format!("{folder}/{name}_fr.txt");
            let (en_key, fr_key) = (NameKey::of(&en), NameKey::of(&fr));
            proptest::prop_assert_eq!(en_key.lang, Some(Lang::En));
            proptest::prop_assert_eq!(fr_key.lang, Some(Lang::Fr));
            proptest::prop_assert_eq!(&en_key.stem, &fr_key.stem);
            proptest::prop_assert_eq!(shard_key(&en), shard_key(&fr));
        }
    }
}
