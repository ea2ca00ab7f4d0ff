//! Running the `flowtrace` binary from the repository root, as the README's commands do.

#![allow(dead_code)]

use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_flowtrace");
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Runs `flowtrace args...` from the repository root, so paths read as in the README.
pub fn flowtrace(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .output()
        .expect("the flowtrace binary runs")
}
