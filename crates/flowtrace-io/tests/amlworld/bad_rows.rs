//! Every kind of bad row: its exact error, fail mode, skip mode and the rejects file.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use flowtrace_io::amlworld::{COLUMNS, HEADER};
use flowtrace_io::{Column, Location, RejectKind, RowError, SAMPLE_ERRORS};

use super::*;

/// Line, column (1-based number), kind and detail of every bad row in `amlworld-bad-rows.csv`.
const BAD_ROWS: &[(u64, Option<usize>, RejectKind, &str)] = &[
    (3, Some(3), RejectKind::EmptyField, "Account is required"),
    (
        4,
        None,
        RejectKind::WrongColumnCount,
        "12 fields, expected 11",
    ),
    (
        5,
        Some(1),
        RejectKind::BadTimestamp,
        "`2022-09-01 00:23` is not YYYY/MM/DD HH:MM",
    ),
    (
        6,
        Some(1),
        RejectKind::BadTimestamp,
        "`2022/02/30 00:24` is not a real date and time",
    ),
    (
        7,
        Some(8),
        RejectKind::NegativeAmount,
        "`-5.00` is below zero",
    ),
    (8, Some(6), RejectKind::BadAmount, "`12x` is not a number"),
    (
        9,
        Some(7),
        RejectKind::UnknownCurrency,
        "`Dinar` is not a known currency name or ISO code",
    ),
    (
        10,
        Some(10),
        RejectKind::UnknownPaymentFormat,
        "`Hawala` is not one of ACH, Wire, Cheque, Credit Card, Cash, Reinvestment, Bitcoin",
    ),
    (
        11,
        Some(11),
        RejectKind::BadLabel,
        "`yes` is not 0, 1 or empty",
    ),
    (
        13,
        Some(3),
        RejectKind::InvalidUtf8,
        "byte 24 of the line is not valid UTF-8",
    ),
    (15, None, RejectKind::TruncatedLine, "3 fields, expected 11"),
];

fn expected_error(
    path: &Path,
    line: u64,
    column: Option<usize>,
    kind: RejectKind,
    detail: &str,
) -> RowError {
    RowError {
        file: path.to_path_buf(),
        location: Location::Line(line),
        column: column.map(|n| Column {
            number: n,
            name: COLUMNS[n - 1].to_string(),
        }),
        kind,
        detail: detail.to_string(),
    }
}

#[test]
fn every_bad_row_is_named_by_line_column_and_reason() {
    let path = data("amlworld-bad-rows.csv");
    let loaded = read(&path, &skip(None));
    let report = &loaded.report;
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (14, 3, 11)
    );
    assert!(report.reconciles());
    assert_eq!(loaded.transfers.len(), 3);

    let expected: Vec<RowError> = BAD_ROWS
        .iter()
        .map(|&(line, column, kind, detail)| expected_error(&path, line, column, kind, detail))
        .collect();
    assert_eq!(report.first_errors.len(), SAMPLE_ERRORS);
    assert_eq!(report.first_errors, expected[..SAMPLE_ERRORS]);

    let mut by_kind = BTreeMap::new();
    for &(_, _, kind, _) in BAD_ROWS {
        *by_kind.entry(kind).or_insert(0u64) += 1;
    }
    assert_eq!(report.rejected_by_kind, by_kind);
    assert_eq!(report.rejected_by_kind[&RejectKind::BadTimestamp], 2);
}

#[test]
fn row_errors_read_as_one_line_with_file_line_and_column() {
    let path = data("amlworld-bad-rows.csv");
    let report = read(&path, &skip(None)).report;
    let messages: Vec<String> = report.first_errors.iter().map(|e| e.to_string()).collect();
    let p = path.display();
    assert_eq!(
        messages[0],
        format!("{p}: line 3, column 3 (Account): empty field: Account is required")
    );
    assert_eq!(
        messages[1],
        format!("{p}: line 4: wrong column count: 12 fields, expected 11")
    );
    assert_eq!(
        messages[3],
        format!(
            "{p}: line 6, column 1 (Timestamp): bad timestamp: \
             `2022/02/30 00:24` is not a real date and time"
        )
    );
    assert_eq!(
        messages[4],
        format!("{p}: line 7, column 8 (Amount Paid): negative amount: `-5.00` is below zero")
    );
    assert_eq!(
        messages[9],
        format!(
            "{p}: line 13, column 3 (Account): invalid UTF-8: \
             byte 24 of the line is not valid UTF-8"
        )
    );
    assert!(messages.iter().all(|m| !m.contains('\n')));
}

#[test]
fn fail_mode_stops_at_the_first_bad_row() {
    let path = data("amlworld-bad-rows.csv");
    let error = read_err(&path, &fail());
    let ReadError::Row(row) = &error else {
        panic!("not a row error: {error}");
    };
    let (line, column, kind, detail) = BAD_ROWS[0];
    assert_eq!(**row, expected_error(&path, line, column, kind, detail));
    assert_eq!(
        error.to_string(),
        format!(
            "{}: line 3, column 3 (Account): empty field: Account is required",
            path.display()
        )
    );
}

#[test]
fn skip_mode_rejects_plus_accepted_rows_are_the_input() {
    let path = data("amlworld-bad-rows.csv");
    let input = std::fs::read(&path).unwrap();
    let lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.csv");
    let loaded = read(&path, &skip(Some(rejects.clone())));
    assert_eq!(
        loaded.report.rejects_file.as_deref(),
        Some(rejects.as_path())
    );
    assert!(loaded.report.to_string().ends_with(&format!(
        "read 14 rows = 3 accepted + 11 rejected (rejects in {})",
        rejects.display()
    )));

    let written = std::fs::read(&rejects).unwrap();
    assert!(written.starts_with(b"file,location,column,kind,detail,row\n"));
    let records = parse_rejects(&written);
    assert_eq!(records.len(), BAD_ROWS.len());
    let mut rejected_lines = HashSet::new();
    for (record, &(line, column, kind, detail)) in records.iter().zip(BAD_ROWS) {
        let text = |i: usize| String::from_utf8_lossy(&record[i]).into_owned();
        assert_eq!(record.len(), 6);
        assert_eq!(text(0), path.display().to_string());
        assert_eq!(text(1), format!("line {line}"));
        assert_eq!(text(2), column.map_or("", |n| COLUMNS[n - 1]));
        assert_eq!(text(3), kind.name());
        assert_eq!(text(4), detail);
        // Byte for byte, the 0xff of line 13 included.
        assert_eq!(record[5], lines[line as usize - 1], "line {line}");
        rejected_lines.insert(line);
    }

    // The lines not rejected, read alone, are exactly the accepted transfers ...
    let kept: Vec<&[u8]> = (2..=lines.len() as u64)
        .filter(|line| !rejected_lines.contains(line))
        .map(|line| lines[line as usize - 1])
        .collect();
    assert_eq!(kept.len() as u64, loaded.report.accepted);
    let accepted_file = dir.path().join("accepted.csv");
    std::fs::write(
        &accepted_file,
        [&[HEADER.as_bytes()], &kept[..]].concat().join(&b'\n'),
    )
    .unwrap();
    let accepted = read(&accepted_file, &fail());
    assert_eq!(
        rows(&accepted.accounts, &accepted.transfers),
        rows(&loaded.accounts, &loaded.transfers)
    );

    // ... and the raw rows of the rejects file, put back under a header, fail the same way.
    let raw: Vec<&[u8]> = records.iter().map(|r| r[5].as_slice()).collect();
    let again_file = dir.path().join("again.csv");
    std::fs::write(
        &again_file,
        [&[HEADER.as_bytes()], &raw[..]].concat().join(&b'\n'),
    )
    .unwrap();
    let again = read(&again_file, &skip(None)).report;
    assert_eq!((again.rows_read, again.accepted), (11, 0));
    assert_eq!(again.rejected_by_kind, loaded.report.rejected_by_kind);
}

#[test]
fn an_unwritable_rejects_file_fails_before_reading() {
    let path = data("amlworld-bad-rows.csv");
    let rejects = Path::new("/nonexistent-dir/rejects.csv").to_path_buf();
    let error = read_err(&path, &skip(Some(rejects)));
    assert!(matches!(error, ReadError::Rejects { .. }), "{error}");
    assert!(error.to_string().contains("/nonexistent-dir/rejects.csv"));
}

#[test]
fn an_overlong_line_is_rejected_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("overlong.csv");
    let good = "2022/09/01 00:20,010,8000EBD30,010,8000EBD30,1,US Dollar,1,US Dollar,Cash,0";
    let long = "9".repeat(3 << 20);
    let text = format!("{HEADER}\n{good}\n{long}\n{good}\n{good},extra\n{good}\n");
    std::fs::write(&path, text).unwrap();
    let report = read(&path, &skip(None)).report;
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (5, 3, 2)
    );
    let found: Vec<(Location, RejectKind)> = report
        .first_errors
        .iter()
        .map(|e| (e.location, e.kind))
        .collect();
    assert_eq!(
        found,
        [
            (Location::Line(3), RejectKind::FieldTooLong),
            (Location::Line(5), RejectKind::WrongColumnCount)
        ]
    );
}
