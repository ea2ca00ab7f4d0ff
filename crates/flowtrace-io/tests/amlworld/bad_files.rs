//! Files that cannot load at all, and the header-only file that loads as nothing.

use flowtrace_io::amlworld::HEADER;

use super::*;

#[test]
fn an_empty_file_is_an_error() {
    let path = data("empty.csv");
    let error = read_err(&path, &skip(None));
    assert!(
        matches!(&error, ReadError::Empty { path: p } if *p == path),
        "{error}"
    );
    assert_eq!(error.to_string(), format!("{}: empty file", path.display()));
}

#[test]
fn a_wrong_header_is_an_error() {
    let path = data("amlworld-wrong-header.csv");
    let error = read_err(&path, &skip(None));
    let found_header = HEADER.replace("To Bank,Account,", "To Bank,Account.1,");
    match &error {
        ReadError::Header {
            path: p,
            expected,
            found,
        } => {
            assert_eq!(p, &path);
            assert_eq!(expected, HEADER);
            assert_eq!(found, &found_header);
        }
        other => panic!("not a header error: {other}"),
    }
    assert_eq!(
        error.to_string(),
        format!(
            "{}: line 1: wrong header: expected `{HEADER}`, found `{found_header}`",
            path.display()
        )
    );
}

#[test]
fn a_header_alone_is_zero_rows() {
    let dir = tempfile::tempdir().unwrap();
    for (i, text) in [
        HEADER.to_string(),
        format!("{HEADER}\n"),
        format!("{HEADER}\r\n"),
        format!("\u{feff}{HEADER}\n\n"),
    ]
    .iter()
    .enumerate()
    {
        let path = dir.path().join(format!("header-{i}.csv"));
        std::fs::write(&path, text).unwrap();
        let loaded = read(&path, &fail());
        let report = &loaded.report;
        assert_eq!(
            (report.rows_read, report.accepted, report.rejected),
            (0, 0, 0),
            "{text:?}"
        );
        assert!(loaded.transfers.is_empty() && loaded.accounts.is_empty());
        assert_eq!(loaded.transfers.time_span(), None);
    }
}

#[test]
fn a_missing_file_names_its_path() {
    let path = data("no-such-file.csv");
    let error = read_err(&path, &fail());
    assert!(matches!(error, ReadError::Io { .. }), "{error}");
    assert!(error
        .to_string()
        .starts_with(&format!("cannot read {}: ", path.display())));
}
