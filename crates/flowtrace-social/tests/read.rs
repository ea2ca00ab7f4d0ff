//! Reading posts: good files load whole, bad rows are rejected with file, line, column and
//! reason, and every load reconciles.

use std::path::{Path, PathBuf};

use flowtrace_social::read::{Column, MAX_RECORD_BYTES};
use flowtrace_social::{
    read_messages, LoadedMessages, MessageFormat, OnError, ReadError, ReadOptions, RejectKind,
};

const HEADER: &str = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn load(path: &Path, on_error: OnError) -> Result<LoadedMessages, ReadError> {
    let format = MessageFormat::from_path(path).unwrap();
    let options = ReadOptions {
        on_error,
        keep_text: true,
        ..ReadOptions::default()
    };
    read_messages(path, format, &options)
}

fn skip() -> OnError {
    OnError::Skip { rejects: None }
}

/// Loads `body` after the header in skip mode; the kinds and lines of the rejects.
fn rejects_of(body: &[u8]) -> Vec<(u64, RejectKind, Option<&'static str>)> {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(body);
    let path = write(dir.path(), "posts.csv", &bytes);
    let loaded = load(&path, skip()).unwrap();
    assert!(loaded.report.reconciles());
    let report = loaded.report;
    assert_eq!(report.accepted as usize, loaded.messages.len());
    report
        .first_errors
        .iter()
        .map(|e| (e.line, e.kind, e.column.as_ref().map(|c: &Column| c.name)))
        .collect()
}

#[test]
fn a_good_file_loads_every_row_with_quoting_bom_crlf_and_blank_lines() {
    let dir = tempfile::tempdir().unwrap();
    let body = "\u{feff}message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\r\n\
        1,a,Ann,,,\"Hi, \"\"all\"\"\nsecond line\",1600000000,a.com b.com\r\n\
        \r\n\
        2,b,Bob,1,,RT,1600000001.5,\n\
        3,a,Ann2,,1,reply,1600000002,\n";
    let path = write(dir.path(), "posts.csv", body.as_bytes());
    let loaded = load(&path, OnError::Fail).unwrap();
    let m = &loaded.messages;
    assert_eq!(
        loaded.report.to_string(),
        format!("{}: read 3 rows = 3 accepted + 0 rejected", path.display())
    );
    assert_eq!(m.len(), 3);
    assert_eq!(m.raw_text(0), Some("Hi, \"all\"\nsecond line"));
    assert_eq!(m.times(), [1600000000.0, 1600000001.5, 1600000002.0]);
    assert_eq!(m.urls_of(0).len(), 2);
    assert_eq!(m.reposts()[1], m.items()[0]);
    assert_eq!(m.replies()[2], m.items()[0]);
    assert_eq!((m.user_count(), m.username(0)), (2, "Ann2"));
}

#[test]
fn wrong_header_stops_the_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "posts.csv", b"id,user,text\n1,a,hi\n");
    let err = load(&path, skip()).err().unwrap();
    assert!(matches!(err, ReadError::Header { .. }), "{err}");
    assert!(err.to_string().contains("line 1: wrong header"), "{err}");
}

#[test]
fn empty_file_is_an_error_and_a_header_alone_is_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.csv", b"");
    assert!(matches!(load(&empty, skip()), Err(ReadError::Empty { .. })));
    let empty = write(dir.path(), "empty.jsonl", b"");
    assert!(matches!(load(&empty, skip()), Err(ReadError::Empty { .. })));
    let header = write(dir.path(), "header.csv", HEADER.as_bytes());
    let loaded = load(&header, OnError::Fail).unwrap();
    assert_eq!((loaded.report.rows_read, loaded.messages.len()), (0, 0));
}

#[test]
fn wrong_column_count_is_rejected_with_its_line() {
    let got = rejects_of(b"1,a,A,,,hi,10,\n2,b,B,,,hi,10\n3,c,C,,,hi,10,,extra\n4,d,D,,,ok,11,\n");
    assert_eq!(
        got,
        [
            (3, RejectKind::WrongColumnCount, None),
            (4, RejectKind::WrongColumnCount, None)
        ]
    );
}

#[test]
fn bad_timestamps_are_rejected_in_their_column() {
    let got = rejects_of(
        b"1,a,A,,,hi,10,\n2,a,A,,,hi,2020-01-01,\n3,a,A,,,hi,nan,\n4,a,A,,,hi,inf,\n5,a,A,,,hi,,\n",
    );
    let ts = Some("timestamp");
    assert_eq!(
        got,
        [
            (3, RejectKind::BadTimestamp, ts),
            (4, RejectKind::BadTimestamp, ts),
            (5, RejectKind::BadTimestamp, ts),
            (6, RejectKind::EmptyField, ts)
        ]
    );
}

#[test]
fn empty_ids_and_duplicate_ids_are_rejected() {
    let got = rejects_of(b",a,A,,,hi,10,\n1,,A,,,hi,10,\n1,a,A,,,hi,10,\n1,b,B,,,again,11,\n");
    assert_eq!(
        got,
        [
            (2, RejectKind::EmptyField, Some("message_id")),
            (3, RejectKind::EmptyField, Some("user_id")),
            (5, RejectKind::DuplicateId, Some("message_id"))
        ]
    );
}

#[test]
fn non_utf8_is_rejected_in_its_column_and_kept_raw_in_the_rejects_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"1,a,A,,,caf\xe9,10,\n2,b,B,,,ok,11,\n");
    let path = write(dir.path(), "posts.csv", &bytes);
    let rejects = dir.path().join("rejects.csv");
    let policy = OnError::Skip {
        rejects: Some(rejects.clone()),
    };
    let loaded = load(&path, policy).unwrap();
    assert_eq!((loaded.report.accepted, loaded.report.rejected), (1, 1));
    let e = &loaded.report.first_errors[0];
    assert_eq!((e.line, e.kind), (2, RejectKind::InvalidUtf8));
    assert_eq!(
        e.column.as_ref().map(|c| (c.number, c.name)),
        Some((6, "message"))
    );
    let written = std::fs::read(&rejects).unwrap();
    assert!(written.starts_with(b"file,location,column,kind,detail,row\n"));
    assert!(written.ends_with(b"\"1,a,A,,,caf\xe9,10,\"\n"));
}

#[test]
fn fail_mode_stops_at_the_first_bad_row_with_where_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"1,a,A,,,hi,10,\n2,a,A,,,hi,soon,\n");
    let path = write(dir.path(), "posts.csv", &bytes);
    let err = load(&path, OnError::Fail).err().unwrap().to_string();
    assert!(
        err.ends_with("posts.csv: line 3, column 7 (timestamp): bad timestamp: `soon` is not a number of seconds"),
        "{err}"
    );
}

#[test]
fn truncated_last_line_is_rejected_but_a_complete_one_without_break_is_not() {
    assert_eq!(
        rejects_of(b"1,a,A,,,hi,10,\n2,b,B,,,h"),
        [(3, RejectKind::TruncatedLine, None)]
    );
    assert!(rejects_of(b"1,a,A,,,hi,10,\n2,b,B,,,hi,11,x.com").is_empty());
    assert_eq!(
        rejects_of(b"1,a,A,,,hi,10,\n2,b,B,,,\"open quote,11,\n3,c,C,,,hi,12,\n"),
        [(3, RejectKind::BadQuoting, None)]
    );
}

#[test]
fn huge_rows_are_rejected_without_stopping_the_load() {
    let mut body = b"1,a,A,,,".to_vec();
    body.extend(std::iter::repeat_n(b'x', MAX_RECORD_BYTES + 5));
    body.extend_from_slice(b",10,\n2,b,B,,,\"");
    body.extend(std::iter::repeat_n(b'y', MAX_RECORD_BYTES));
    body.extend_from_slice(b"\",11,\n3,c,C,,,ok,12,\n");
    assert_eq!(
        rejects_of(&body),
        [
            (2, RejectKind::FieldTooLong, None),
            (3, RejectKind::FieldTooLong, None)
        ]
    );
}

#[test]
fn json_lines_take_strings_numbers_and_url_arrays() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        r#"{"message_id": "1", "user_id": 12345678901234567890, "message": "Hi", "timestamp": 10, "urls": ["a.com", "", "b.com"]}"#,
        "\n\n",
        r#"{"message_id": 2, "user_id": "u", "repost_id": "1", "timestamp": "11.5", "urls": "a.com  c.com", "extra": true}"#,
        "\n"
    );
    let path = write(dir.path(), "posts.jsonl", body.as_bytes());
    let loaded = load(&path, OnError::Fail).unwrap();
    let m = &loaded.messages;
    assert_eq!(loaded.report.accepted, 2);
    assert_eq!(m.user_key(0), "12345678901234567890");
    assert_eq!((m.message_key(1), m.times()[1]), ("2", 11.5));
    assert_eq!((m.urls_of(0).len(), m.urls_of(1).len()), (2, 2));
    assert_eq!(m.reposts()[1], m.items()[0]);
}

#[test]
fn bad_json_lines_are_rejected_with_their_property() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = Vec::new();
    body.extend_from_slice(b"{\"message_id\": \"1\", \"user_id\": \"a\", \"timestamp\": 1}\n");
    body.extend_from_slice(b"not json\n");
    body.extend_from_slice(b"[1, 2]\n");
    body.extend_from_slice(b"{\"message_id\": \"2\", \"timestamp\": 1}\n");
    body.extend_from_slice(b"{\"message_id\": \"3\", \"user_id\": \"a\", \"timestamp\": \"x\"}\n");
    body.extend_from_slice(
        b"{\"message_id\": \"4\", \"user_id\": \"a\", \"timestamp\": 1, \"urls\": 5}\n",
    );
    body.extend_from_slice(
        b"{\"message_id\": \"5\", \"user_id\": \"caf\xe9\", \"timestamp\": 1}\n",
    );
    body.extend_from_slice(b"{\"message_id\": \"1\", \"user_id\": \"b\", \"timestamp\": 2}\n");
    body.extend_from_slice(b"{\"message_id\": \"6\", \"user_id\": \"a\", \"timest");
    let path = write(dir.path(), "posts.jsonl", &body);
    let loaded = load(&path, skip()).unwrap();
    assert!(loaded.report.reconciles());
    let got: Vec<(u64, RejectKind, Option<&str>)> = loaded
        .report
        .first_errors
        .iter()
        .map(|e| (e.line, e.kind, e.column.as_ref().map(|c| c.name)))
        .collect();
    assert_eq!(
        got,
        [
            (2, RejectKind::BadJson, None),
            (3, RejectKind::BadJson, None),
            (4, RejectKind::MissingField, Some("user_id")),
            (5, RejectKind::BadTimestamp, Some("timestamp")),
            (6, RejectKind::BadJson, Some("urls")),
            (7, RejectKind::InvalidUtf8, None),
            (8, RejectKind::DuplicateId, Some("message_id")),
            (9, RejectKind::TruncatedLine, None),
        ]
    );
    assert_eq!((loaded.report.rows_read, loaded.report.accepted), (9, 1));
}

#[test]
fn many_batches_keep_file_order_and_a_late_bad_row_stops_fail_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = HEADER.to_string();
    for i in 0..10_000 {
        let ts = if i == 7_000 {
            "later".to_string()
        } else {
            i.to_string()
        };
        body.push_str(&format!(
            "m{i},u{},U,,,text {i},{ts},x.com/{}\n",
            i % 97,
            i % 13
        ));
    }
    let path = write(dir.path(), "posts.csv", body.as_bytes());
    let err = load(&path, OnError::Fail).err().unwrap().to_string();
    assert!(err.contains("line 7002, column 7 (timestamp)"), "{err}");
    let loaded = load(&path, skip()).unwrap();
    assert_eq!(
        (loaded.report.rows_read, loaded.report.accepted),
        (10_000, 9_999)
    );
    let m = &loaded.messages;
    assert_eq!(
        (m.message_key(6_999), m.message_key(7_000)),
        ("m6999", "m7001")
    );
    assert_eq!(m.normalised_text(9_998), "text 9999");
    assert_eq!(m.user_count(), 97);
}

/// A file of several reads and batches, with every kind of record mixed in: quoted texts with
/// commas, quotes and line breaks, CRLF lines, blank lines, rows that are not UTF-8 and rows of
/// the wrong shape. Every row must come out as written, or be rejected at its own line.
#[test]
fn a_large_mixed_file_reads_as_row_by_row() {
    let mut body = HEADER.as_bytes().to_vec();
    let mut line = 2u64;
    let mut want: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut want_rejects: Vec<(u64, RejectKind)> = Vec::new();
    // Row i is message m{i} at time i, unless it is rejected.
    for i in 0..80_000u64 {
        let id = format!("m{i}");
        match i % 97 {
            13 => {
                body.extend_from_slice(format!("{id},u{},U,,,caf", i % 50).as_bytes());
                body.push(0xE9);
                body.extend_from_slice(format!(",{i},\n").as_bytes());
                want_rejects.push((line, RejectKind::InvalidUtf8));
                line += 1;
            }
            29 => {
                body.extend_from_slice(format!("{id},u1,U,,,short,{i}\n").as_bytes());
                want_rejects.push((line, RejectKind::WrongColumnCount));
                line += 1;
            }
            41 => {
                body.extend_from_slice(b"\r\n");
                line += 1;
            }
            _ if i % 5 == 0 => {
                let text = format!("say \"hi\", {i}\nthen go");
                let quoted = text.replace('"', "\"\"");
                let row = format!(
                    "{id},u{},U,,,\"{quoted}\",{i},a.com/{} b.com\r\n",
                    i % 50,
                    i % 7
                );
                body.extend_from_slice(row.as_bytes());
                want.push((id, text, vec![format!("a.com/{}", i % 7), "b.com".into()]));
                line += 2;
            }
            _ => {
                let text = format!("plain text {i} é");
                let row = format!("{id},u{},U,,,{text},{i},x.org/{}\n", i % 50, i % 11);
                body.extend_from_slice(row.as_bytes());
                want.push((id, text, vec![format!("x.org/{}", i % 11)]));
                line += 1;
            }
        }
    }
    assert!(
        body.len() > 3 << 20,
        "should span several reads: {}",
        body.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "posts.csv", &body);
    let rejects = dir.path().join("rejects.csv");
    let options = ReadOptions {
        on_error: OnError::Skip {
            rejects: Some(rejects.clone()),
        },
        keep_text: true,
        ..ReadOptions::default()
    };
    let loaded = read_messages(&path, MessageFormat::ToolkitCsv, &options).unwrap();
    let m = &loaded.messages;
    assert!(loaded.report.reconciles());
    assert_eq!(m.len(), want.len());
    for (i, (id, text, urls)) in want.iter().enumerate() {
        assert_eq!(m.message_key(i), id);
        assert_eq!(m.raw_text(i), Some(text.as_str()), "{id}");
        let got: Vec<&str> = m.urls_of(i).iter().map(|&u| m.url(u)).collect();
        assert_eq!(got, *urls, "{id}");
        assert_eq!(m.times()[i], id[1..].parse::<f64>().unwrap());
    }
    // Each reject is one line of the rejects file: `"file","line N","column","kind",...`.
    let written = std::fs::read(&rejects).unwrap();
    let got: Vec<(u64, String)> = written
        .split(|&b| b == b'\n')
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let text = String::from_utf8_lossy(l);
            let f: Vec<&str> = text.split("\",\"").collect();
            (
                f[1].trim_start_matches("line ").parse().unwrap(),
                f[3].to_string(),
            )
        })
        .collect();
    let want: Vec<(u64, String)> = want_rejects
        .iter()
        .map(|(line, kind)| (*line, kind.name().to_string()))
        .collect();
    assert_eq!(got, want);
}
