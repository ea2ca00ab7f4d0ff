//! Every way a predictions or truth file can be wrong is an error naming the file, the line and
//! the reason; never a panic, never a silent guess.

use std::path::PathBuf;

use flowtrace_eval::{
    read_account_predictions, read_predictions, read_transfer_predictions, EvalError, Level,
    Problem, Role, Truth, ValueKind,
};
use flowtrace_graph::Accounts;

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The line and problem of a line error, or a panic naming what came instead.
fn line_error(result: Result<impl std::fmt::Debug, EvalError>) -> (u64, Problem) {
    match result {
        Err(EvalError::Line { line, problem, .. }) => (line, problem),
        other => panic!("expected a line error, got {other:?}"),
    }
}

fn accounts() -> Accounts {
    let mut accounts = Accounts::new();
    accounts.intern("010", "A").unwrap();
    accounts.intern("10", "A").unwrap();
    accounts
}

#[test]
fn predictions_by_row_fill_unlisted_rows_with_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "p.csv", "id,Row,score\nx,3,0.25\ny,1,-2e1\n");
    let p = read_transfer_predictions(&path, 4).unwrap();
    assert_eq!((p.level, p.kind), (Level::Transfer, ValueKind::Score));
    assert_eq!(p.values, [-20.0, 0.0, 0.25, 0.0]);
}

#[test]
fn positional_labels_take_zero_one_true_false() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "p.csv", "label\n1\nfalse\nTRUE\n0\n");
    let p = read_transfer_predictions(&path, 4).unwrap();
    assert_eq!(p.kind, ValueKind::Label);
    assert_eq!(p.values, [1.0, 0.0, 1.0, 0.0]);
}

#[test]
fn account_predictions_match_keys_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "p.csv", "bank,account,score\n10,A,0.5\n");
    let p = read_predictions(&path, 0, &accounts()).unwrap();
    assert_eq!(p.level, Level::Account);
    // Account 0 is (010, A), account 1 is (10, A): zero padding counts.
    assert_eq!(p.values, [0.0, 0.5]);
}

#[test]
fn missing_columns_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("row,prob\n1,0.5\n", "score or label"),
        ("id,score\n1,0.5\n", "row"),
        ("row,pattern_id,role\n1,1,pattern\n", "typology"),
    ];
    for (k, (text, column)) in cases.into_iter().enumerate() {
        let path = file(&dir, &format!("{k}.csv"), text);
        let result = if k == 2 {
            Truth::read(&path, 3).map(|_| ())
        } else {
            read_transfer_predictions(&path, 3).map(|_| ())
        };
        match result {
            Err(EvalError::MissingColumn { column: c, .. }) => assert_eq!(c, column),
            other => panic!("case {k}: {other:?}"),
        }
    }
    let path = file(&dir, "acct.csv", "bank,account\n010,A\n");
    let err = read_account_predictions(&path, &accounts()).unwrap_err();
    assert!(
        err.to_string()
            .contains("line 1: missing column `score or label`"),
        "{err}"
    );
}

#[test]
fn bad_numbers_and_labels_name_line_and_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "p.csv", "row,score\n1,0.5\n2,high\n");
    let (line, problem) = line_error(read_transfer_predictions(&path, 3));
    assert_eq!(line, 3);
    assert!(matches!(problem, Problem::BadNumber { ref value, .. } if value == "high"));
    let path = file(&dir, "nan.csv", "score\n0.1\nNaN\n");
    assert_eq!(line_error(read_transfer_predictions(&path, 2)).0, 3);
    let path = file(&dir, "l.csv", "label\n1\nyes\n");
    let (line, problem) = line_error(read_transfer_predictions(&path, 2));
    assert_eq!(line, 3);
    assert!(matches!(problem, Problem::BadLabel { .. }));
    let path = file(&dir, "r.csv", "row,score\n1.5,0.3\n");
    let err = read_transfer_predictions(&path, 2).unwrap_err();
    let message = err.to_string();
    assert!(
        message.ends_with("r.csv: line 2: column `row`: `1.5` is not a number"),
        "{message}"
    );
}

#[test]
fn positional_files_need_exactly_one_value_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "short.csv", "score\n0.1\n0.2\n");
    let (line, problem) = line_error(read_transfer_predictions(&path, 3));
    assert_eq!(
        (line, problem),
        (
            3,
            Problem::TooFewValues {
                found: 2,
                expected: 3
            }
        )
    );
    let path = file(&dir, "long.csv", "score\n0.1\n0.2\n0.3\n0.4\n");
    let (line, problem) = line_error(read_transfer_predictions(&path, 3));
    assert_eq!((line, problem), (5, Problem::TooManyValues { expected: 3 }));
    let path = file(&dir, "header-only.csv", "score\n");
    let (line, _) = line_error(read_transfer_predictions(&path, 3));
    assert_eq!(line, 1);
}

#[test]
fn rows_out_of_range_and_duplicates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (text, row) in [("row,score\n0,1\n", 0), ("row,score\n4,1\n", 4)] {
        let path = file(&dir, "p.csv", text);
        let (line, problem) = line_error(read_transfer_predictions(&path, 3));
        assert_eq!(
            (line, problem),
            (2, Problem::RowOutOfRange { row, rows: 3 })
        );
    }
    let path = file(&dir, "dup.csv", "row,score\n2,1\n3,1\n2,0\n");
    let (line, problem) = line_error(read_transfer_predictions(&path, 3));
    assert_eq!(
        (line, problem),
        (
            4,
            Problem::DuplicateRow {
                row: 2,
                first_line: 2
            }
        )
    );
}

#[test]
fn unknown_and_duplicate_accounts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "p.csv", "bank,account,score\n010,A,1\n0010,A,1\n");
    let (line, problem) = line_error(read_account_predictions(&path, &accounts()));
    let unknown = Problem::UnknownAccount {
        bank: "0010".into(),
        account: "A".into(),
    };
    assert_eq!((line, problem), (3, unknown));
    let path = file(
        &dir,
        "dup.csv",
        "bank,account,label\n010,A,1\n10,A,0\n010,A,0\n",
    );
    let (line, problem) = line_error(read_account_predictions(&path, &accounts()));
    assert!(matches!(
        problem,
        Problem::DuplicateAccount { first_line: 2, .. }
    ));
    assert_eq!(line, 4);
}

#[test]
fn empty_files_and_ragged_lines_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "empty.csv", "");
    assert!(matches!(
        read_transfer_predictions(&path, 1),
        Err(EvalError::Empty { .. })
    ));
    assert!(matches!(
        Truth::read(&path, 1),
        Err(EvalError::Empty { .. })
    ));
    let path = file(&dir, "ragged.csv", "row,score\n1,0.5\n2,0.5,extra\n");
    let (line, problem) = line_error(read_transfer_predictions(&path, 3));
    assert_eq!(line, 3);
    assert!(matches!(problem, Problem::Csv(ref m) if m.contains("3 fields, expected 2")));
    let missing = dir.path().join("nowhere.csv");
    assert!(matches!(
        read_transfer_predictions(&missing, 1),
        Err(EvalError::Io { .. })
    ));
}

#[test]
fn truth_reads_and_refuses_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let good = "row,pattern_id,typology,role\n2,7,FAN-OUT,pattern\n3,7,FAN-OUT,propagated\n";
    let truth = Truth::read(&file(&dir, "t.csv", good), 3).unwrap();
    assert_eq!(truth.typologies(), ["FAN-OUT"]);
    assert!(!truth.is_illicit(0) && truth.is_illicit(1) && truth.is_illicit(2));
    assert_eq!(
        truth.get(2).map(|e| (e.pattern_id, e.role)),
        Some((7, Role::Propagated))
    );
    let header = "row,pattern_id,typology,role\n";
    let cases = [
        (
            "4,1,CYCLE,pattern\n",
            Problem::RowOutOfRange { row: 4, rows: 3 },
        ),
        (
            "1,0,CYCLE,pattern\n",
            Problem::BadPatternId { value: "0".into() },
        ),
        (
            "1,x,CYCLE,pattern\n",
            Problem::BadPatternId { value: "x".into() },
        ),
        ("1,1,,pattern\n", Problem::EmptyTypology),
        (
            "1,1,CYCLE,layered\n",
            Problem::BadRole {
                value: "layered".into(),
            },
        ),
        (
            "1,1,CYCLE,pattern\n1,2,CYCLE,pattern\n",
            Problem::DuplicateRow {
                row: 1,
                first_line: 2,
            },
        ),
    ];
    for (k, (lines, expected)) in cases.into_iter().enumerate() {
        let path = file(&dir, &format!("t{k}.csv"), &format!("{header}{lines}"));
        let (_, problem) = line_error(Truth::read(&path, 3));
        assert_eq!(problem, expected, "case {k}");
    }
}

#[test]
fn truth_pushed_in_memory_checks_the_same_things() {
    let mut truth = Truth::new(2);
    truth.push(0, 1, "CYCLE", Role::Pattern).unwrap();
    assert_eq!(
        truth.push(0, 1, "CYCLE", Role::Pattern),
        Err(Problem::AlreadyIllicit { row: 1 })
    );
    assert_eq!(
        truth.push(2, 1, "CYCLE", Role::Pattern),
        Err(Problem::RowOutOfRange { row: 3, rows: 2 })
    );
    assert!(truth.push(1, 0, "CYCLE", Role::Pattern).is_err());
}
