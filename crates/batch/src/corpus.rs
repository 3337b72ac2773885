//! Finding the input files under a corpus root, and accounting for everything else there.
//!
//! Every entry under the root ends up either an input (a regular file in a format
//! bitextract reads) or a skipped entry with its reason: other files, symbolic links, named
//! pipes, sockets, devices, and directories that cannot be listed (no permission, a path
//! longer than the system allows). Only regular files are ever opened, so a named pipe
//! cannot hang the run.
//!
//! Symbolic links are not followed: one leading inside the corpus would only read a file a
//! second time under another name (its target is listed under its own path), one leading
//! outside would read files the user did not hand over, and neither can then trap the walk in
//! a loop. Directories are walked once each by (device, inode), so a bind mount of a parent
//! cannot either.

use std::collections::HashSet;
use std::fs::{self, DirEntry, FileType};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use model::{SkippedFile, SourceFormat};
use pipeline::join;

use crate::{BatchError, Shard};

/// The inputs of a run, each with its document id, and the entries it skips: the whole
/// corpus, or one shard of it.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The corpus root, as given.
    pub root: PathBuf,
    /// The part of the corpus kept, if not all of it.
    pub shard: Option<Shard>,
    /// The input files, in path order.
    pub inputs: Vec<InputFile>,
    /// The entries that are no input, in path order, with the reason.
    pub skipped: Vec<SkippedFile>,
    /// When the discovery began: the run's start, for the manifest's timings.
    pub(crate) started: Instant,
}

/// An input file found under the corpus root.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path relative to the corpus root, `/`-separated, for people: bytes of the name that
    /// are not UTF-8 are written `\xHH`. The document's `sources[].path`.
    pub relative: String,
    /// Path to open.
    pub absolute: PathBuf,
    /// Its format.
    pub format: SourceFormat,
    /// Its document id, given with those of the whole corpus (see `pipeline::assign_ids`),
    /// so that a document has the same id in any shard.
    pub id: String,
}

impl Corpus {
    /// Every entry under `root`, recursively, in path order; with a shard, only the inputs
    /// and skipped entries that belong to it. A file goes to the shard of the pair its name
    /// says it belongs to, so that both files of a pair are joined in one shard.
    ///
    /// Fails only when `root` itself is not a directory that can be listed.
    pub fn discover(root: &Path, shard: Option<Shard>) -> Result<Corpus, BatchError> {
        let started = Instant::now();
        let (found, skipped) = walk(root)?;
        Ok(Corpus::of_found(root, found, skipped, shard, started))
    }

    /// The inputs a caller listed (paths given rather than a corpus walked), as
    /// [`discover`](Self::discover) gives a corpus's: `root` names where they came from,
    /// `files` are in path order.
    pub fn listed(root: &Path, files: Vec<ListedFile>, shard: Option<Shard>) -> Corpus {
        let started = Instant::now();
        let mut found = Vec::new();
        let mut skipped = Vec::new();
        for file in files {
            match file.format {
                Ok(format) => found.push(Found {
                    relative_bytes: file.relative_bytes,
                    absolute: file.absolute,
                    verdict: Verdict::Input(format),
                }),
                Err(reason) => skipped.push(SkippedFile {
                    path: readable(&file.relative_bytes),
                    reason,
                }),
            }
        }
        Corpus::of_found(root, found, skipped, shard, started)
    }

    fn of_found(
        root: &Path,
        found: Vec<Found>,
        mut skipped: Vec<SkippedFile>,
        shard: Option<Shard>,
        started: Instant,
    ) -> Corpus {
        let paths: Vec<&[u8]> = found.iter().map(|f| f.relative_bytes.as_slice()).collect();
        // Ids come from the whole corpus, so a document has the same id in any shard.
        let ids = pipeline::assign_ids(&paths);
        let inputs = found
            .into_iter()
            .zip(ids)
            .filter_map(|(found, id)| {
                let Verdict::Input(format) = found.verdict else {
                    return None;
                };
                let relative = readable(&found.relative_bytes);
                let held = shard.is_none_or(|s| s.holds(&join::shard_key(&relative)));
                held.then_some(InputFile {
                    relative,
                    absolute: found.absolute,
                    format,
                    id,
                })
            })
            .collect();
        skipped.retain(|file| shard.is_none_or(|s| s.holds(&file.path)));
        Corpus {
            root: root.to_owned(),
            shard,
            inputs,
            skipped,
            started,
        }
    }
}

/// A file a caller lists as an input: its path as given (bytes, for the document id), the
/// path to open, and its format or why it is not read.
#[derive(Debug, Clone)]
pub struct ListedFile {
    /// The path as listed.
    pub relative_bytes: Vec<u8>,
    /// Path to open.
    pub absolute: PathBuf,
    /// Its format, or why it is skipped.
    pub format: Result<SourceFormat, String>,
}

/// Every entry under `root`, recursively, in path order: the inputs found, and the skipped
/// entries with their reasons.
fn walk(root: &Path) -> Result<(Vec<Found>, Vec<SkippedFile>), BatchError> {
    if !root.is_dir() {
        return Err(BatchError::NoCorpus {
            path: root.to_owned(),
        });
    }
    if let Err(source) = fs::read_dir(root) {
        return Err(BatchError::UnlistedCorpus {
            path: root.to_owned(),
            source,
        });
    }
    let mut walk = Walk {
        root_canonical: fs::canonicalize(root).unwrap_or_else(|_| root.to_owned()),
        visited: fs::metadata(root)
            .ok()
            .as_ref()
            .and_then(identity)
            .into_iter()
            .collect(),
        found: Vec::new(),
    };
    walk.tree(root);
    walk.found
        .sort_by(|a, b| a.relative_bytes.cmp(&b.relative_bytes));
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    for found in walk.found {
        match found.verdict {
            Verdict::Input(_) => inputs.push(found),
            Verdict::Skip(reason) => skipped.push(SkippedFile {
                path: readable(&found.relative_bytes),
                reason,
            }),
        }
    }
    Ok((inputs, skipped))
}

/// What became of one entry.
enum Verdict {
    Input(SourceFormat),
    Skip(String),
}

struct Found {
    relative_bytes: Vec<u8>,
    absolute: PathBuf,
    verdict: Verdict,
}

struct Walk {
    root_canonical: PathBuf,
    /// Directories already walked, by (device, inode).
    visited: HashSet<(u64, u64)>,
    found: Vec<Found>,
}

impl Walk {
    /// Walks the tree under `root` with a stack of its own, so a chain of directories
    /// thousands deep costs no call depth. It ends where paths grow longer than the system
    /// allows: listing such a directory fails, and it is skipped.
    fn tree(&mut self, root: &Path) {
        let mut pending = vec![(root.to_owned(), Vec::new())];
        while let Some((dir, relative)) = pending.pop() {
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(err) => {
                    self.skip(
                        relative,
                        dir,
                        format!("directory that cannot be listed: {err}"),
                    );
                    continue;
                }
            };
            for entry in entries {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(err) => {
                        let reason = format!("directory that cannot be listed entirely: {err}");
                        self.skip(relative.clone(), dir.clone(), reason);
                        break;
                    }
                };
                self.entry(&entry, &relative, &mut pending);
            }
        }
    }

    /// Sorts one entry of a directory at `relative`: a directory to walk goes on `pending`.
    fn entry(&mut self, entry: &DirEntry, relative: &[u8], pending: &mut Vec<(PathBuf, Vec<u8>)>) {
        let mut child = relative.to_vec();
        if !child.is_empty() {
            child.push(b'/');
        }
        child.extend_from_slice(entry.file_name().as_encoded_bytes());
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => match self.first_visit(entry) {
                Ok(true) => pending.push((path, child)),
                Ok(false) => {
                    let reason = "directory already walked under another path (a mount loop)";
                    self.skip(child, path, reason.to_owned());
                }
                Err(err) => self.skip(child, path, format!("directory that cannot be read: {err}")),
            },
            Ok(kind) if kind.is_file() => {
                let verdict = match pipeline::input_format(&path) {
                    Some(format) => Verdict::Input(format),
                    None => Verdict::Skip(format!(
                        "not a format bitextract reads ({})",
                        pipeline::known_extensions()
                    )),
                };
                self.found.push(Found {
                    relative_bytes: child,
                    absolute: path,
                    verdict,
                });
            }
            Ok(kind) if kind.is_symlink() => {
                let reason = self.link_reason(&path);
                self.skip(child, path, reason);
            }
            Ok(kind) => {
                let reason = format!("{}, not a regular file: never opened", special(kind));
                self.skip(child, path, reason);
            }
            Err(err) => self.skip(child, path, format!("cannot be examined: {err}")),
        }
    }

    fn skip(&mut self, relative_bytes: Vec<u8>, absolute: PathBuf, reason: String) {
        self.found.push(Found {
            relative_bytes,
            absolute,
            verdict: Verdict::Skip(reason),
        });
    }

    /// True the first time a directory is met, false when it was walked already.
    fn first_visit(&mut self, entry: &DirEntry) -> io::Result<bool> {
        Ok(match identity(&entry.metadata()?) {
            Some(key) => self.visited.insert(key),
            None => true,
        })
    }

    /// Why a symbolic link is skipped: where it leads.
    fn link_reason(&self, link: &Path) -> String {
        let target = match fs::metadata(link).and_then(|_| fs::canonicalize(link)) {
            Ok(target) => target,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return "symbolic link (not followed) to nothing: its target does not exist"
                    .to_owned();
            }
            Err(err) => {
                return format!("symbolic link (not followed) that cannot be resolved: {err}");
            }
        };
        match target.strip_prefix(&self.root_canonical) {
            Ok(inside) if inside.as_os_str().is_empty() => {
                "symbolic link (not followed) to the corpus directory itself".to_owned()
            }
            Ok(inside) => format!(
                "symbolic link (not followed) to {:?} in the corpus, listed under its own path",
                readable(inside.as_os_str().as_encoded_bytes())
            ),
            Err(_) => "symbolic link (not followed) leading outside the corpus".to_owned(),
        }
    }
}

/// A path's bytes for people: UTF-8 as is, any other byte as `\xHH`.
pub fn readable(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// Without inode numbers, directories are told apart by path only; only Unix mounts loop.
#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(unix)]
fn special(kind: FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "named pipe (FIFO)"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() {
        "character device"
    } else if kind.is_block_device() {
        "block device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special(_: FileType) -> &'static str {
    "special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_written_as_escapes() {
        assert_eq!(readable(b"a/\xc3\xa9t\xe9.txt"), "a/\u{e9}t\\xE9.txt");
        assert_ne!(readable(b"twin \xff.txt"), readable(b"twin \xfe.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn links_and_special_files_are_skipped_with_a_reason_and_never_opened() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        fs::create_dir(root.join("sub")).expect("mkdir");
        fs::write(root.join("sub/a.txt"), "text").expect("write");
        fs::write(root.join("notes.doc"), "x").expect("write");
        symlink("sub/a.txt", root.join("to file.txt")).expect("link");
        symlink("sub", root.join("to dir")).expect("link");
        symlink("..", root.join("sub/up")).expect("link");
        symlink("/", root.join("to root")).expect("link");
        symlink("nowhere", root.join("dangling.txt")).expect("link");
        symlink("loop b", root.join("loop a")).expect("link");
        symlink("loop a", root.join("loop b")).expect("link");
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.txt"))
            .status()
            .is_ok_and(|s| s.success());

        let Corpus {
            inputs, skipped, ..
        } = Corpus::discover(root, None).expect("discover");
        let paths: Vec<&str> = inputs.iter().map(|i| i.relative.as_str()).collect();
        assert_eq!(paths, ["sub/a.txt"]);
        let reason = |path: &str| {
            skipped
                .iter()
                .find(|s| s.path == path)
                .map(|s| s.reason.clone())
                .unwrap_or_else(|| panic!("{path} not listed: {skipped:?}"))
        };
        assert!(reason("to file.txt").contains("\"sub/a.txt\""));
        assert!(reason("to dir").contains("\"sub\""));
        assert!(reason("sub/up").contains("corpus directory itself"));
        assert!(reason("to root").contains("outside the corpus"));
        assert!(reason("dangling.txt").contains("does not exist"));
        assert!(reason("loop a").contains("cannot be resolved"));
        assert!(reason("notes.doc").contains("not a format bitextract reads"));
        if fifo {
            assert!(reason("pipe.txt").contains("named pipe"));
        }
    }
}
