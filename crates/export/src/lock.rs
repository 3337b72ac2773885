//! One run at a time per output directory: an exclusive lock on a file beside it.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use crate::{ExportError, io_error};

/// How many times a lock file that vanished between being opened and being locked is opened
/// again. Each retry means another run ended in that instant; more than a few in a row is
/// not a race but something else removing the file, and is reported as a held lock.
const LOCK_ATTEMPTS: usize = 8;

/// An exclusive lock on the file `path`, held until dropped (the system releases it when
/// the process dies, however it dies).
///
/// Dropping it removes the file while still holding it, so a finished run leaves nothing
/// behind. That is safe because a lock counts only on the file at `path` when it was
/// taken: a run that opened the file just before it was removed finds, once it holds the
/// lock, that `path` is no longer that file, and opens again.
#[derive(Debug)]
pub(crate) struct OutputLock {
    path: PathBuf,
    _file: File,
}

impl OutputLock {
    /// Takes the lock `path` of the output `root`, failing at once with
    /// [`ExportError::Locked`] when another run holds it.
    pub(crate) fn take(root: &Path, path: PathBuf) -> Result<Self, ExportError> {
        let held = || ExportError::Locked {
            path: root.to_owned(),
            lock: path.clone(),
        };
        for _ in 0..LOCK_ATTEMPTS {
            let file = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(io_error(&path))?;
            // Through fs4 (flock on Unix): `File::try_lock` needs Rust 1.89.
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(fs4::TryLockError::WouldBlock) => return Err(held()),
                Err(fs4::TryLockError::Error(err)) => return Err(io_error(&path)(err)),
            }
            let locked = file.metadata().map_err(io_error(&path))?;
            if fs::metadata(&path).is_ok_and(|now| same_file(&locked, &now)) {
                return Ok(OutputLock { path, _file: file });
            }
        }
        Err(held())
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Before the file is closed, so while the lock is held. A lock file that cannot be
        // removed is harmless: the next run locks it again.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Elsewhere an open file cannot be removed, so the file at the path is the one opened.
#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_exclusive_and_leaves_no_file_once_released() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("out");
        let path = dir.path().join(".out.lock");
        let first = OutputLock::take(&root, path.clone()).expect("taken");
        let err = OutputLock::take(&root, path.clone()).expect_err("held");
        assert!(matches!(err, ExportError::Locked { .. }), "{err}");
        drop(first);
        assert!(!path.exists());
        drop(OutputLock::take(&root, path.clone()).expect("free again"));
    }

    #[test]
    fn a_lock_on_a_file_removed_meanwhile_does_not_count() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("out");
        let path = dir.path().join(".out.lock");
        // A run that opened the lock file just before its holder finished and removed it,
        // then locked it: it holds a lock on a file no one else will ever open.
        let stale = File::create(&path).expect("open");
        fs::remove_file(&path).expect("remove");
        fs4::FileExt::try_lock(&stale).expect("locks the removed file");
        let current = OutputLock::take(&root, path.clone()).expect("taken");
        assert!(path.exists());
        assert!(matches!(
            OutputLock::take(&root, path.clone()),
            Err(ExportError::Locked { .. })
        ));
        drop(current);
    }
}
