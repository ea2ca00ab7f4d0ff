//! Loading the input of a command: format choice, bad-row policy, progress and reconciliation.

use std::path::Path;

use anyhow::{bail, Context, Result};
use flowtrace_io::{FileFormat, Loaded, OnError, ReadOptions};

use crate::args::{Format, GlobalArgs, InputArgs, OnErrorArg};
use crate::{memory, progress};

/// The format given on the command line, or else the one the file's extension names.
pub fn format_of(given: Option<Format>, path: &Path, what: &str, flag: &str) -> Result<FileFormat> {
    match given {
        Some(f) => Ok(f.into()),
        None => FileFormat::from_path(path).with_context(|| {
            format!(
                "cannot tell the {what} of {} from its extension; say {flag} csv|parquet|arrow|ftm",
                path.display()
            )
        }),
    }
}

/// The bad-row policy `--on-error` and `--rejects` ask for; one for every reader, transfers,
/// posts and texts alike. Skipping needs a rejects file, so that no rejected row is lost.
pub fn on_error(policy: OnErrorArg, rejects: Option<&Path>) -> Result<OnError> {
    Ok(match (policy, rejects) {
        (OnErrorArg::Fail, None) => OnError::Fail,
        (OnErrorArg::Fail, Some(_)) => bail!("--rejects needs --on-error skip"),
        (OnErrorArg::Skip, None) => {
            bail!("--on-error skip needs --rejects FILE, so that no rejected row is lost")
        }
        (OnErrorArg::Skip, Some(path)) => OnError::Skip {
            rejects: Some(path.to_path_buf()),
        },
    })
}

/// Reads the input file, drawing progress and printing the reconciliation line on stderr.
pub fn load(global: &GlobalArgs, args: &InputArgs) -> Result<Loaded> {
    load_keeping_rows(global, args, false)
}

/// [`load`], also keeping each transfer's input row when `keep_rows` (for output that names
/// rows of the file).
pub fn load_keeping_rows(global: &GlobalArgs, args: &InputArgs, keep_rows: bool) -> Result<Loaded> {
    let format = format_of(args.format, &args.input, "format", "--from")?;
    let on_error = on_error(args.on_error, args.rejects.as_deref())?;
    let size = std::fs::metadata(&args.input).map(|m| m.len()).unwrap_or(0);
    let bar = progress::bytes_bar(size, global.quiet, "reading");
    let tick = |bytes: u64| bar.set_position(bytes);
    let options = ReadOptions {
        on_error,
        progress: Some(&tick),
        keep_input_order: keep_rows,
    };
    let loaded = flowtrace_io::read_transfers(&args.input, format, &options);
    bar.finish_and_clear();
    let loaded = loaded?;
    memory::release_free_memory();
    print_reconciliation(
        global,
        &loaded.report,
        &loaded.report.first_errors,
        loaded.report.rejected,
    );
    Ok(loaded)
}

/// Prints a load's reconciliation line on stderr and, unless quiet, its first rejected rows.
pub fn print_reconciliation(
    global: &GlobalArgs,
    report: &dyn std::fmt::Display,
    first_errors: &[impl std::fmt::Display],
    rejected: u64,
) {
    eprintln!("{report}");
    if !global.quiet {
        for e in first_errors {
            eprintln!("  rejected: {e}");
        }
        let shown = first_errors.len() as u64;
        if rejected > shown {
            eprintln!("  ... and {} more", rejected - shown);
        }
    }
}
