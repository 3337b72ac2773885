//! Running the `bitextract` binary from the end-to-end tests.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root, which holds `corpus/`.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `bitextract` with `args` and returns what it did, whatever its exit status.
pub fn bitextract<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bitextract"))
        .args(args)
        .output()
        .expect("bitextract runs")
}

/// Runs `bitextract` with `args`, which must succeed.
pub fn bitextract_ok<S: AsRef<OsStr>>(args: &[S]) -> Output {
    let output = bitextract(args);
    assert!(
        output.status.success(),
        "bitextract {:?}: {}",
        args.iter()
            .map(|a| a.as_ref().to_string_lossy())
            .collect::<Vec<_>>(),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}
