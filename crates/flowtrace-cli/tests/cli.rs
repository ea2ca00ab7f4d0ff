//! The `flowtrace` binary run as a user runs it, on the fixtures in `tests/data/` (repository
//! root): what it prints on stdout and stderr, its exit codes, and the files it writes.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{flowtrace, BIN, ROOT};

use serde_json::Value;

const SAMPLE: &str = "tests/data/amlworld-sample.csv";
const BAD_ROWS: &str = "tests/data/amlworld-bad-rows.csv";

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code, showing stderr when it is not the expected one.
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "exit status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

/// The one `error: ...` line a failed run prints, asserting it is the only stderr line.
fn error_line(out: &Output) -> String {
    assert_exit(out, 1);
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected on stderr:\n{err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    lines[0].to_string()
}

fn stats_json(path: &str) -> Value {
    let out = flowtrace(&["stats", path, "--json"]);
    assert_exit(&out, 0);
    serde_json::from_str(&stdout(&out)).expect("stats --json prints JSON")
}

/// The numbers of `stats --json` that describe the data, not the run.
fn data_numbers(v: &Value) -> Value {
    let mut v = v.clone();
    let map = v.as_object_mut().expect("an object");
    for run_specific in ["file", "memory", "seconds"] {
        assert!(map.remove(run_specific).is_some(), "no `{run_specific}`");
    }
    v
}

#[test]
fn stats_prints_a_summary_and_the_reconciliation() {
    let out = flowtrace(&["stats", SAMPLE]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no `{name}` line in\n{text}"))
            .to_string()
    };
    assert!(line("accounts ").contains(" in "), "{text}");
    assert_eq!(line("transfers "), "transfers        2000");
    for name in [
        "time span ",
        "self-transfers ",
        "labelled ",
        "currencies paid",
        "payment formats",
    ] {
        line(name);
    }
    assert!(line("out-degree ").contains("median"));
    let err = stderr(&out);
    assert!(
        err.lines()
            .any(|l| l == format!("{SAMPLE}: read 2000 rows = 2000 accepted + 0 rejected")),
        "no reconciliation line in\n{err}"
    );
}

#[test]
fn stats_json_has_the_counts() {
    let v = stats_json(SAMPLE);
    assert_eq!(v["file"], SAMPLE);
    assert_eq!(v["transfers"], 2000);
    assert_eq!(v["rows_read"], 2000);
    assert_eq!(v["accepted"], 2000);
    assert_eq!(v["rejected"], 0);
    let accounts = v["accounts"].as_u64().expect("accounts is a number");
    assert!(accounts > 0);

    // The same count as the text table.
    let text = stdout(&flowtrace(&["stats", SAMPLE]));
    let accounts_line = text.lines().find(|l| l.starts_with("accounts ")).unwrap();
    assert!(
        accounts_line.contains(&format!(" {accounts} in ")),
        "{accounts_line}"
    );
    let formats: u64 = v["payment_formats"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(formats, 2000);
}

#[test]
fn skip_mode_writes_rejects_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.csv");
    let out = flowtrace(&[
        "stats",
        BAD_ROWS,
        "--on-error",
        "skip",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert_exit(&out, 3);
    assert!(stdout(&out).contains("transfers        3\n"));
    let err = stderr(&out);
    let reconciliation = format!(
        "{BAD_ROWS}: read 14 rows = 3 accepted + 11 rejected (rejects in {})",
        rejects.display()
    );
    assert!(err.lines().any(|l| l == reconciliation), "{err}");
    assert!(
        err.contains(&format!(
            "  rejected: {BAD_ROWS}: line 3, column 3 (Account): empty field: Account is required"
        )),
        "{err}"
    );
    assert!(err.contains("  ... and 1 more"), "{err}");

    let written = std::fs::read(&rejects).expect("rejects file written");
    let lines: Vec<&[u8]> = written
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 1 + 11, "header and one line per rejected row");
    assert_eq!(lines[0], b"file,location,column,kind,detail,row");

    // --quiet keeps the reconciliation and drops the list of rejected rows.
    let out = flowtrace(&[
        "stats",
        BAD_ROWS,
        "--quiet",
        "--on-error",
        "skip",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert_exit(&out, 3);
    assert_eq!(stderr(&out).trim_end(), reconciliation);
}

#[test]
fn fail_mode_is_the_default_and_names_file_line_and_column() {
    let out = flowtrace(&["stats", BAD_ROWS]);
    assert_eq!(
        error_line(&out),
        format!("error: {BAD_ROWS}: line 3, column 3 (Account): empty field: Account is required")
    );
    assert!(out.stdout.is_empty());
    let explicit = flowtrace(&["stats", BAD_ROWS, "--on-error", "fail"]);
    assert_eq!(error_line(&explicit), error_line(&out));
}

#[test]
fn skip_without_a_rejects_file_is_refused() {
    let out = flowtrace(&["stats", BAD_ROWS, "--on-error", "skip"]);
    assert_eq!(
        error_line(&out),
        "error: --on-error skip needs --rejects FILE, so that no rejected row is lost"
    );
    let out = flowtrace(&["stats", BAD_ROWS, "--rejects", "r.csv"]);
    assert_eq!(error_line(&out), "error: --rejects needs --on-error skip");
    assert!(!Path::new(ROOT).join("r.csv").exists());
}

#[test]
fn convert_round_trips_through_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let original = stats_json(SAMPLE);
    let convert = |from: &str, to: &str| {
        let out = flowtrace(&["convert", from, "--out", to]);
        assert_exit(&out, 0);
        let err = stderr(&out);
        assert!(err.contains("wrote 2000 transfers"), "{err}");
    };

    // csv -> parquet -> csv, and csv -> arrow: everything survives.
    let (parquet, csv, arrow) = (path("s.parquet"), path("s.csv"), path("s.arrow"));
    convert(SAMPLE, &parquet);
    convert(&parquet, &csv);
    convert(SAMPLE, &arrow);
    for file in [&parquet, &csv, &arrow] {
        let v = stats_json(file);
        assert_eq!(v["rows_read"], 2000, "{file}");
        assert_eq!(data_numbers(&v), data_numbers(&original), "{file}");
    }

    // csv -> ftm -> csv: FtM payments have no payment format, label or received amount.
    let (ftm, from_ftm) = (path("s.jsonl"), path("from-ftm.csv"));
    convert(SAMPLE, &ftm);
    convert(&ftm, &from_ftm);
    for file in [&ftm, &from_ftm] {
        let v = stats_json(file);
        for kept in [
            "transfers",
            "accounts",
            "banks",
            "first",
            "last",
            "currencies_paid",
            "self_transfers",
            "out_degree",
            "in_degree",
        ] {
            assert_eq!(v[kept], original[kept], "{file}: {kept}");
        }
        assert_eq!(v["labelled"], 0, "{file}");
        assert_eq!(v["payment_formats"]["Unspecified"], 2000, "{file}");
    }

    // --from and --to name formats the extensions do not.
    let odd = path("s.data");
    let out = flowtrace(&["convert", SAMPLE, "--out", &odd, "--to", "parquet"]);
    assert_exit(&out, 0);
    let v = stats_json_from(&odd, "parquet");
    assert_eq!(data_numbers(&v), data_numbers(&original));
}

fn stats_json_from(path: &str, format: &str) -> Value {
    let out = flowtrace(&["stats", path, "--from", format, "--json"]);
    assert_exit(&out, 0);
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["help"],
        &["stats", "--help"],
        &["convert", "--help"],
        &["help", "stats"],
        &["help", "convert"],
    ] {
        let out = flowtrace(args);
        assert_exit(&out, 0);
        let text = stdout(&out);
        assert!(text.contains("Usage: flowtrace"), "{args:?}:\n{text}");
    }
    let stats = stdout(&flowtrace(&["stats", "--help"]));
    for expected in ["--on-error", "--rejects", "--json", "--from", "Example:"] {
        assert!(stats.contains(expected), "stats --help lacks {expected}");
    }
    let convert = stdout(&flowtrace(&["convert", "--help"]));
    for expected in ["--out", "--to", "Example:"] {
        assert!(
            convert.contains(expected),
            "convert --help lacks {expected}"
        );
    }
    let out = flowtrace(&["--version"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).starts_with("flowtrace "));
}

#[test]
fn usage_mistakes_exit_2_with_clap_s_message() {
    let out = flowtrace(&[]);
    assert_exit(&out, 2);
    let out = flowtrace(&["stats", SAMPLE, "--on-error", "ignore"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("--on-error"));
}

#[test]
fn an_unknown_extension_needs_from() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("sample.txt");
    std::fs::copy(Path::new(ROOT).join(SAMPLE), &odd).unwrap();
    let odd = odd.to_str().unwrap();
    let out = flowtrace(&["stats", odd]);
    assert_eq!(
        error_line(&out),
        format!(
            "error: cannot tell the format of {odd} from its extension; \
             say --from csv|parquet|arrow|ftm"
        )
    );
    let v = stats_json_from(odd, "csv");
    assert_eq!(v["transfers"], 2000);

    let out = flowtrace(&["convert", SAMPLE, "--out", "out.unknown"]);
    let line = error_line(&out);
    assert!(
        line.contains("out.unknown") && line.contains("--to"),
        "{line}"
    );
    assert!(!Path::new(ROOT).join("out.unknown").exists());
}

#[test]
fn a_missing_file_is_named() {
    let out = flowtrace(&["stats", "tests/data/no-such-file.csv"]);
    let line = error_line(&out);
    assert!(
        line.starts_with("error: cannot read tests/data/no-such-file.csv: "),
        "{line}"
    );
}

#[test]
fn wrong_header_and_empty_file_are_one_line_errors() {
    let line = error_line(&flowtrace(&["stats", "tests/data/empty.csv"]));
    assert_eq!(line, "error: tests/data/empty.csv: empty file");
    let line = error_line(&flowtrace(&[
        "stats",
        "tests/data/amlworld-wrong-header.csv",
    ]));
    assert!(
        line.starts_with(
            "error: tests/data/amlworld-wrong-header.csv: line 1: wrong header: expected `Timestamp,"
        ),
        "{line}"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // As a user types it; the output may fit the pipe before `head` exits, so this proves only
    // that the pipeline works and exits 0.
    let dir = tempfile::tempdir().unwrap();
    let status_file = dir.path().join("status");
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"{ "$0" stats "$1"; echo $? >"$2"; } | head -1"#)
        .args([BIN, SAMPLE, status_file.to_str().unwrap()])
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("accounts "));
    assert_eq!(std::fs::read_to_string(&status_file).unwrap().trim(), "0");
    assert!(!stderr(&out).contains("error"), "{}", stderr(&out));

    // Deterministic: the reading end is closed before flowtrace starts, so its write fails with
    // EPIPE (Rust ignores SIGPIPE), which must still exit 0 and print no error.
    for extra in [&[][..], &["--json"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(BIN)
            .arg("stats")
            .arg(SAMPLE)
            .args(extra)
            .current_dir(ROOT)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_exit(&out, 0);
        assert!(!stderr(&out).contains("error"), "{}", stderr(&out));
    }
}

#[test]
fn threads_do_not_change_the_result() {
    let one = flowtrace(&["--threads", "1", "stats", SAMPLE, "--json"]);
    let two = flowtrace(&["stats", SAMPLE, "--json", "--threads", "2"]);
    assert_exit(&one, 0);
    assert_exit(&two, 0);
    let parse = |o: &Output| -> Value { serde_json::from_str(&stdout(o)).unwrap() };
    assert_eq!(data_numbers(&parse(&one)), data_numbers(&parse(&two)));
}
