//! Finding the input files under a corpus root.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use model::{SkippedFile, SourceFormat};

/// An input file found under the corpus root.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path relative to the corpus root, `/`-separated.
    pub relative: String,
    /// Path to open.
    pub absolute: PathBuf,
    /// Its format.
    pub format: SourceFormat,
}

/// Every file under `root`, recursively, in path order: the inputs and the skipped files.
pub fn discover(root: &Path) -> Result<(Vec<InputFile>, Vec<SkippedFile>)> {
    if !root.is_dir() {
        bail!(
            "corpus directory {} does not exist or is not a directory",
            root.display()
        );
    }
    let mut files = Vec::new();
    walk(root, root, &mut files)?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    for (relative, absolute) in files {
        match pipeline::input_format(&absolute) {
            Some(format) => inputs.push(InputFile {
                relative,
                absolute,
                format,
            }),
            None => skipped.push(SkippedFile {
                path: relative,
                reason: format!(
                    "not a format bitextract reads ({})",
                    pipeline::known_extensions()
                ),
            }),
        }
    }
    Ok((inputs, skipped))
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
    let entries = fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let path = entry.path();
        // Symbolic links are not followed, so a link loop cannot trap the walk.
        let file_type = entry
            .file_type()
            .with_context(|| format!("cannot stat {}", path.display()))?;
        if file_type.is_dir() {
            walk(root, &path, out)?;
        } else if file_type.is_file() {
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((relative, path));
        }
    }
    Ok(())
}
