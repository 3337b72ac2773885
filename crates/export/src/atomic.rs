//! Files that appear whole or not at all.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::{ExportError, io_error};

/// A file written under a temporary sibling name and renamed into place by [`commit`].
///
/// Dropping it without committing removes the temporary file, so a failed write leaves
/// nothing behind; a killed process leaves only a `*.tmp` file, never a half-written target.
///
/// [`commit`]: AtomicFile::commit
#[derive(Debug)]
pub(crate) struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts writing `path`.
    pub(crate) fn create(path: &Path) -> Result<Self, ExportError> {
        let mut tmp_name = path.file_name().unwrap_or_default().to_owned();
        tmp_name.push(format!(".{}.tmp", std::process::id()));
        let tmp = path.with_file_name(tmp_name);
        let file = File::create(&tmp).map_err(io_error(path))?;
        Ok(AtomicFile {
            path: path.to_owned(),
            tmp,
            writer: Some(BufWriter::new(file)),
        })
    }

    /// The path the file will have once committed.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file to disk and renames it into place.
    pub(crate) fn commit(mut self) -> Result<(), ExportError> {
        let result = (|| {
            let Some(writer) = self.writer.take() else {
                return Ok(());
            };
            writer
                .into_inner()
                .map_err(io::IntoInnerError::into_error)?
                .sync_all()?;
            fs::rename(&self.tmp, &self.path)
        })();
        result.map_err(io_error(&self.path))
    }

    fn writer(&mut self) -> io::Result<&mut BufWriter<File>> {
        self.writer
            .as_mut()
            .ok_or_else(|| io::Error::other("file already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            // Not committed: the temporary file is garbage, and failing to remove it
            // changes nothing for the caller.
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Writes a whole file atomically.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut AtomicFile) -> io::Result<()>,
) -> Result<(), ExportError> {
    let mut file = AtomicFile::create(path)?;
    write(&mut file).map_err(io_error(path))?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_file_replaces_the_target_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.json");
        fs::write(&path, "old").expect("write");
        write_atomically(&path, |w| w.write_all(b"new")).expect("written");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn an_abandoned_file_leaves_the_target_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.json");
        fs::write(&path, "old").expect("write");
        let result = write_atomically(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}
