//! Document ids: stable across runs, unique within a batch, derived from the source path.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// Longest id, in bytes. An id names the file `documents/<id>.json`, written under the
/// temporary name `<id>.json.<pid>.tmp`; 128 leaves that name well under the 255 bytes
/// most file systems allow in one name, whatever the length of the source path.
pub const MAX_ID_BYTES: usize = 128;

/// Hex digits of the hash that tells apart paths with the same slug. Eight keep ids short
/// where slugs collide by accident ("a.txt", "a.pdf"); cut slugs get sixteen, since long
/// paths sharing their first hundred characters are common in a deep corpus.
const COLLISION_HASH_DIGITS: usize = 8;
pub(crate) const CUT_HASH_DIGITS: usize = 16;

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

/// Ids for the paths of a batch, in the same order, given as the bytes the file system
/// holds (so that two names differing only in bytes that are not UTF-8 get two ids).
///
/// Each id is the path's [`slug`]; paths whose slugs collide ("a.txt" and "a.pdf",
/// "a b.txt" and "a-b.txt") all get a short hash of their full path appended, so an id
/// never depends on which other files happen to be processed first. A slug that would make
/// an id longer than [`MAX_ID_BYTES`] is cut and always gets a longer hash. Should two ids
/// still agree (hashes colliding), those get the whole 64-bit hash, so distinct paths get
/// distinct ids unless their 64-bit hashes agree.
pub fn assign_ids(paths: &[&[u8]]) -> Vec<String> {
    let slugs: Vec<String> = paths
        .iter()
        .map(|p| slug(&String::from_utf8_lossy(p)))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in &slugs {
        *counts.entry(s.as_str()).or_default() += 1;
    }
    let mut ids: Vec<String> = paths
        .iter()
        .zip(&slugs)
        .map(|(path, s)| {
            if s.len() > MAX_ID_BYTES {
                with_hash(s, path, CUT_HASH_DIGITS)
            } else if counts[s.as_str()] > 1 {
                with_hash(s, path, COLLISION_HASH_DIGITS)
            } else {
                s.clone()
            }
        })
        .collect();
    let mut taken: HashMap<String, usize> = HashMap::new();
    for id in &ids {
        *taken.entry(id.clone()).or_default() += 1;
    }
    for (id, (path, s)) in ids.iter_mut().zip(paths.iter().zip(&slugs)) {
        if taken[id.as_str()] > 1 {
            *id = with_hash(s, path, CUT_HASH_DIGITS);
        }
    }
    ids
}

/// `slug` cut so that it and `-` and `digits` hex digits of the path's hash fit in
/// [`MAX_ID_BYTES`], then those. Slugs are ASCII, so any cut is a character boundary.
pub(crate) fn with_hash(slug: &str, path: &[u8], digits: usize) -> String {
    let keep = slug.len().min(MAX_ID_BYTES - 1 - digits);
    let stem = slug[..keep].trim_end_matches('-');
    let hash = format!("{:016x}", fnv1a(path));
    format!("{stem}-{}", &hash[16 - digits..])
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
        let ids = assign_ids(&[b"a.txt", b"a.pdf", b"b.txt"]);
        assert_eq!(ids[2], "b");
        assert!(ids[0].starts_with("a-") && ids[1].starts_with("a-"));
        assert_ne!(ids[0], ids[1]);
        assert_eq!(
            assign_ids(&[b"a.pdf", b"a.txt"])[1],
            ids[0],
            "independent of order"
        );
    }

    #[test]
    fn ids_of_valid_names_are_those_of_earlier_versions() {
        // An id once published stays the same: the 32-bit hash of the path's bytes.
        let ids = assign_ids(&[b"a.txt", b"a.pdf"]);
        assert_eq!(ids[0], format!("a-{:08x}", fnv1a(b"a.txt") as u32));
    }

    #[test]
    fn names_differing_only_in_bytes_that_are_not_utf8_get_distinct_ids() {
        let ids = assign_ids(&[b"twin \xff.txt", b"twin \xfe.txt"]);
        assert_ne!(ids[0], ids[1]);
        assert!(ids.iter().all(|id| id.starts_with("twin-")), "{ids:?}");
    }

    #[test]
    fn long_paths_get_bounded_ids_that_stay_unique() {
        let long = "n".repeat(400);
        let a = format!("{long}a.txt");
        let b = format!("{long}b.txt");
        let deep = format!("{}/x.txt", ["d"; 3000].join("/"));
        let ids = assign_ids(&[a.as_bytes(), b.as_bytes(), deep.as_bytes()]);
        assert!(ids.iter().all(|id| id.len() <= MAX_ID_BYTES), "{ids:?}");
        assert_ne!(ids[0], ids[1]);
        assert_eq!(
            ids,
            assign_ids(&[a.as_bytes(), b.as_bytes(), deep.as_bytes()])
        );
    }
}
