//! `flowtrace media`: hashes of image files, hash banks and matching against them. The work is
//! `flowtrace-media`'s; this module finds the files, reports each one that fails and goes on,
//! and prints.

mod args;
mod bank;
mod hash;
mod matching;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flowtrace_media::bank::BankStore;
use flowtrace_media::{FileHashes, MediaError};
use rayon::prelude::*;

pub use args::{DbArg, MediaCommand};
pub use bank::require_bank;

use crate::args::GlobalArgs;
use crate::Outcome;

pub fn run(global: &GlobalArgs, command: &MediaCommand) -> Result<Outcome> {
    match command {
        MediaCommand::Hash(args) => hash::run(global, args),
        MediaCommand::Bank(command) => bank::run(global, command),
        MediaCommand::Match(args) => matching::run(global, args),
    }
}

/// Opens the bank database; unless `create`, it must exist already (so a mistyped --db is an
/// error rather than a new empty database).
pub fn open_store(db: &Path, create: bool) -> Result<BankStore> {
    if !create && !db.exists() {
        bail!(
            "no bank database at {} (create a bank with `flowtrace media bank create NAME --db {}`)",
            db.display(),
            db.display()
        );
    }
    BankStore::open(db).with_context(|| format!("cannot open the bank database {}", db.display()))
}

const IMAGE_EXTENSIONS: [&str; 5] = ["jpg", "jpeg", "png", "webp", "gif"];

/// The files to hash: files as given, directories expanded to their image files (by
/// extension, recursively, in name order).
pub fn expand_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_images(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn collect_images(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .and_then(|entries| entries.map(|e| e.map(|e| e.path())).collect())
        .with_context(|| format!("cannot list the directory {}", dir.display()))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_images(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Hashes the files in parallel; a file that fails gets an error line on stderr (in input
/// order, once all are done) and comes back as `None`, and the batch goes on.
pub fn hash_files(files: &[PathBuf], dihedral: bool) -> Vec<Option<FileHashes>> {
    let results: Vec<Result<FileHashes, MediaError>> = files
        .par_iter()
        .map(|path| flowtrace_media::hash_image_file(path, dihedral))
        .collect();
    results
        .into_iter()
        .map(|result| result.map_err(|error| eprintln!("error: {error}")).ok())
        .collect()
}

/// The reconciliation line of a batch of files, on stderr.
pub fn print_file_reconciliation(what: &str, results: &[Option<FileHashes>]) -> u64 {
    let failed = results.iter().filter(|r| r.is_none()).count() as u64;
    let read = results.len() as u64;
    eprintln!(
        "read {read} files = {} {what} + {failed} failed",
        read - failed
    );
    failed
}
