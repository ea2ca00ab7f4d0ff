//! Paths of the committed fixtures and the real lists, and temporary files for bad inputs.

#![allow(dead_code)] // Each test file uses its own part of these helpers.

use std::io::Write;
use std::path::PathBuf;

use flowtrace_screen::{ListError, Problem, Watchlist};

/// A committed fixture under `tests/data/watchlists/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/watchlists")
        .join(name)
}

/// A real list under `data/watchlists/` (committed for the UN list).
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/watchlists")
        .join(name)
}

/// The real OFAC files, which are not committed: the shared copy, when this machine has it.
pub fn ofac_real(name: &str) -> Option<PathBuf> {
    let in_repo = data(name);
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/watchlists")
        .join(name);
    [in_repo, shared].into_iter().find(|p| p.is_file())
}

/// A temporary file with these bytes and this extension, removed when dropped.
pub fn temp_file(bytes: &[u8], extension: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(&format!(".{extension}"))
        .tempfile()
        .expect("temporary file");
    file.write_all(bytes).expect("write temporary file");
    file.flush().expect("flush temporary file");
    file
}

/// The problem a bad file was refused for, and the full message, failing the test when the file
/// was accepted or failed for another reason (such as I/O).
pub fn problem_of(result: Result<Watchlist, ListError>) -> (Problem, String) {
    let error = result.expect_err("the file is bad");
    let problem = error
        .problem()
        .unwrap_or_else(|| panic!("not a content error: {error}"));
    (problem, error.to_string())
}
