//! Helpers shared by the integration tests: run the real binary from the
//! project root, colour off.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub const SEED: &str = "rules/dsi-dinsic-incubateur-2017.conv";

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path relative to the project root, `/`-separated, for stable output.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Runs `clausier ARGS…` from the project root; returns the exit code, stdout
/// and stderr.
pub fn clausier(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("CLAUSIER_LANG", "en")
        .env("COLUMNS", "80")
        .output()
        .expect("the clausier binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The rule file of a check case: `<case>.conv` beside it, else the seed.
pub fn rules_for(case: &Path) -> String {
    let own = case.with_extension("conv");
    if own.exists() {
        relative(&own)
    } else {
        SEED.to_owned()
    }
}

pub fn files_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}
