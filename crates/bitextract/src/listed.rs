//! The input files of `extract -`: paths read from standard input, one per line, as `find`
//! or `git ls-files` print them.
//!
//! Each listed path is accounted for as the corpus walk accounts for an entry: an input when
//! it names a regular file in a format bitextract reads, otherwise a skipped entry with the
//! reason (a missing file, a directory, a symbolic link, which is never followed, a special
//! file, which is never opened); a path listed twice is read once. A path keeps the spelling it was given
//! (less a leading `./`), so that document ids derive from it as from a corpus-relative path.

use std::collections::BTreeSet;
use std::fs;
use std::io::BufRead;
use std::path::PathBuf;

use anyhow::{Context, Result};

use batch::ListedFile;

/// The files a list of paths names, each once, in path order, with its format or why it is
/// not read.
pub fn read(list: impl BufRead) -> Result<Vec<ListedFile>> {
    let mut paths = BTreeSet::new();
    for line in list.split(b'\n') {
        let line = line.context("cannot read the list of files from standard input")?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        let path = line.strip_prefix(b"./").unwrap_or(line);
        if !path.is_empty() {
            paths.insert(path.to_vec());
        }
    }
    Ok(paths
        .into_iter()
        .map(|bytes| {
            let absolute = path_of(&bytes);
            ListedFile {
                format: verdict(&absolute),
                relative_bytes: bytes,
                absolute,
            }
        })
        .collect())
}

/// The format of a listed file, or why it is not read.
fn verdict(path: &std::path::Path) -> Result<model::SourceFormat, String> {
    let kind = fs::symlink_metadata(path)
        .map_err(|err| format!("cannot be examined: {err}"))?
        .file_type();
    if kind.is_symlink() {
        return Err("symbolic link (not followed)".to_owned());
    }
    if kind.is_dir() {
        return Err("a directory: list its files, or give it as the corpus".to_owned());
    }
    if !kind.is_file() {
        return Err("not a regular file: never opened".to_owned());
    }
    pipeline::input_format(path).ok_or_else(|| {
        format!(
            "not a format bitextract reads ({})",
            pipeline::known_extensions()
        )
    })
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_paths_are_inputs_or_skipped_with_a_reason_in_path_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        fs::write(root.join("b.txt"), "text").expect("write");
        fs::write(root.join("a.md"), "# x").expect("write");
        fs::write(root.join("notes.doc"), "x").expect("write");
        let at = |name: &str| root.join(name).to_string_lossy().into_owned();
        let list = format!(
            "{}\n{}\r\n\n{}\n{}\n{}\n{}\n",
            at("b.txt"),
            at("a.md"),
            at("b.txt"),
            at("notes.doc"),
            at("missing.pdf"),
            root.display()
        );
        let corpus = batch::Corpus::listed(root, read(list.as_bytes()).expect("read"), None);
        let (inputs, skipped) = (corpus.inputs, corpus.skipped);
        let names: Vec<&str> = inputs.iter().map(|i| i.relative.as_str()).collect();
        assert_eq!(names, [at("a.md"), at("b.txt")], "each once, in path order");
        let reason = |name: &str| {
            skipped
                .iter()
                .find(|s| s.path == name)
                .map(|s| s.reason.clone())
                .unwrap_or_else(|| panic!("{name} not listed: {skipped:?}"))
        };
        assert!(reason(&at("notes.doc")).contains("not a format"));
        assert!(reason(&at("missing.pdf")).contains("cannot be examined"));
        assert!(reason(&root.display().to_string()).contains("a directory"));
    }

    #[test]
    fn a_leading_dot_slash_is_not_part_of_the_path() {
        let listed = read(&b"./no/such/file.txt\n"[..]).expect("read");
        let corpus = batch::Corpus::listed(std::path::Path::new("-"), listed, None);
        assert!(corpus.inputs.is_empty());
        assert_eq!(corpus.skipped[0].path, "no/such/file.txt");
    }
}
