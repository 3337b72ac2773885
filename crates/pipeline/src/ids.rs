//! Document ids: stable across runs, unique within a batch, derived from the source path.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// A lowercase ASCII slug of a relative path, without its extension:
/// `"text/Résumé 01.txt"` → `"text-resume-01"`.
pub fn slug(path: &str) -> String {
    let without_ext = match path.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => stem,
        _ => path,
    };
    let mut out = String::with_capacity(without_ext.len());
    for c in without_ext.nfkd().filter(char::is_ascii) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "document".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Ids for the paths of a batch, in the same order.
///
/// Each id is the path's [`slug`]; paths whose slugs collide ("a.txt" and "a.pdf",
/// "a b.txt" and "a-b.txt") all get a short hash of their full path appended, so an id
/// never depends on which other files happen to be processed first.
pub fn assign_ids(paths: &[&str]) -> Vec<String> {
    let slugs: Vec<String> = paths.iter().map(|p| slug(p)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in &slugs {
        *counts.entry(s.as_str()).or_default() += 1;
    }
    paths
        .iter()
        .zip(&slugs)
        .map(|(path, s)| {
            if counts[s.as_str()] > 1 {
                format!("{s}-{:08x}", fnv1a(path.as_bytes()) as u32)
            } else {
                s.clone()
            }
        })
        .collect()
}

/// FNV-1a: tiny, stable across platforms and versions (unlike `DefaultHasher`), so it can
/// name and place files the same way on every machine.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_drop_the_extension() {
        assert_eq!(slug("text/001_ca64.txt"), "text-001-ca64");
        assert_eq!(
            slug("Avis de vacance/Résumé  final.PDF"),
            "avis-de-vacance-resume-final"
        );
        assert_eq!(slug("dir.v2/notice"), "dir-v2-notice");
        assert_eq!(slug("???.txt"), "document");
    }

    #[test]
    fn colliding_slugs_get_path_hashes_and_stay_unique() {
        let ids = assign_ids(&["a.txt", "a.pdf", "b.txt"]);
        assert_eq!(ids[2], "b");
        assert!(ids[0].starts_with("a-") && ids[1].starts_with("a-"));
        assert_ne!(ids[0], ids[1]);
        assert_eq!(
            assign_ids(&["a.pdf", "a.txt"])[1],
            ids[0],
            "independent of order"
        );
    }
}
