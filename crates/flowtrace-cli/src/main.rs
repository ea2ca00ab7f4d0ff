//! The `flowtrace` command: parses arguments, calls the capability crates, prints the results.
//!
//! Nothing here computes anything a library user would want; it is glue, like ripgrep's core
//! crate. Errors print as `error: <what> (<where>)` on stderr. Exit codes: 0 success, 1 failure,
//! 3 finished but some input rows were set aside by `--on-error skip`.

mod args;
mod commands;
mod input;
mod listed;
mod memory;
mod output;
mod progress;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// The run finished, but `--on-error skip` set some input rows aside.
const EXIT_REJECTED_ROWS: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(threads) = cli.global.threads {
        // Only fails if a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
    let result = match &cli.command {
        Command::Stats(args) => commands::stats::run(&cli.global, args),
        Command::Convert(args) => commands::convert::run(&cli.global, args),
        Command::Simulate(args) => commands::simulate::run(&cli.global, args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Demo(args) => commands::demo::run(&cli.global, args),
        Command::Screen(args) => commands::screen::run(&cli.global, args),
        Command::Features(args) => commands::features::run(&cli.global, args),
        Command::Patterns(args) => commands::patterns::run(&cli.global, args),
        Command::Trace(args) => commands::trace::run(&cli.global, args),
        Command::Cut(args) => commands::cut::run(&cli.global, args),
        Command::Social(command) => commands::social::run(&cli.global, command),
        Command::Media(command) => commands::media::run(&cli.global, command),
        Command::Text(command) => commands::text::run(&cli.global, command),
    };
    match result {
        Ok(outcome) if outcome.rejected_rows > 0 => ExitCode::from(EXIT_REJECTED_ROWS),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, leaving out a cause whose text the message before it
/// already carries (library errors that quote their source would otherwise print it twice).
fn one_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
    }
    line
}

/// What a command reports back to `main` for the exit code.
#[derive(Default)]
pub struct Outcome {
    /// Input rows set aside by `--on-error skip`.
    pub rejected_rows: u64,
}
