//! What real AMLworld files do and the reader must take unchanged, and the writer giving it back.

use std::fmt::Write as _;
use std::path::Path;

use flowtrace_io::amlworld::{self, HEADER};
use flowtrace_io::Location;

use super::*;

#[test]
fn quirks_load_unchanged() {
    let path = data("amlworld-quirks.csv");
    let loaded = read(&path, &fail());
    let (accounts, transfers, report) = (&loaded.accounts, &loaded.transfers, &loaded.report);
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (5, 5, 0)
    );
    assert!(report.reconciles());
    assert_eq!(
        report.to_string(),
        format!("{}: read 5 rows = 5 accepted + 0 rejected", path.display())
    );

    // Zero padding is significant, quotes are not part of the value, a comma may be quoted.
    let mut found = keys(accounts);
    found.sort();
    let expected = [
        key("010", "8000EBD30"),
        key("0220", "8001,2A7C1"),
        key("0220", "80012A7C1"),
        key("10", "8000EBD30"),
    ];
    assert_eq!(found, expected);
    assert_ne!(
        accounts.lookup("010", "8000EBD30"),
        accounts.lookup("10", "8000EBD30")
    );

    // Sorted by time, the tie at 00:20 in file order. Input positions (0-based data rows) are
    // kept only on request, the file being out of time order.
    assert_time_ordered(transfers);
    assert!(!transfers.input_was_sorted());
    assert_eq!(transfers.input_row(0), None);
    let options = ReadOptions {
        keep_input_order: true,
        ..fail()
    };
    let kept = read(&path, &options).transfers;
    let input_rows: Vec<Option<u32>> = (0..5).map(|id| kept.input_row(id)).collect();
    assert_eq!(input_rows, [4, 1, 2, 0, 3].map(Some));
    let usd = Currency::USD;
    let eur = Currency::parse("EUR").unwrap();
    let btc = Currency::parse("BTC").unwrap();
    let expected = vec![
        Row {
            ts: SEPT_1 - MINUTE,
            from: key("10", "8000EBD30"),
            to: key("10", "8000EBD30"),
            received: (0.011, btc),
            paid: (0.011, btc),
            format: PaymentFormat::Bitcoin,
            label: Some(false),
        },
        Row {
            ts: SEPT_1 + 5 * MINUTE,
            from: key("10", "8000EBD30"),
            to: key("010", "8000EBD30"),
            received: (100.0, usd),
            paid: (100.0, usd),
            format: PaymentFormat::Wire,
            label: Some(false),
        },
        Row {
            ts: SEPT_1 + 10 * MINUTE,
            from: key("0220", "80012A7C1"),
            to: key("10", "8000EBD30"),
            received: (85.10, eur),
            paid: (100.0, usd),
            format: PaymentFormat::Ach,
            label: Some(true),
        },
        Row {
            ts: SEPT_1 + 20 * MINUTE,
            from: key("010", "8000EBD30"),
            to: key("010", "8000EBD30"),
            received: (3697.34, usd),
            paid: (3697.34, usd),
            format: PaymentFormat::Reinvestment,
            label: Some(false),
        },
        Row {
            ts: SEPT_1 + 20 * MINUTE,
            from: key("0220", "8001,2A7C1"),
            to: key("010", "8000EBD30"),
            received: (5.5, usd),
            paid: (5.5, usd),
            format: PaymentFormat::CreditCard,
            label: None,
        },
    ];
    assert_eq!(rows(accounts, transfers), expected);
    let self_transfers = (0..5)
        .filter(|&id| transfers.src(id) == transfers.dst(id))
        .count();
    assert_eq!(self_transfers, 2);
}

#[test]
fn quirks_round_trip_through_the_writer() {
    let loaded = read(&data("amlworld-quirks.csv"), &fail());
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.csv");
    amlworld::write(&loaded.accounts, &loaded.transfers, &first).unwrap();
    let again = read(&first, &fail());
    assert_eq!(
        rows(&again.accounts, &again.transfers),
        rows(&loaded.accounts, &loaded.transfers)
    );
    assert!(again.transfers.input_was_sorted(), "written in time order");

    // The writer quotes only what needs quoting, and writing what it read changes nothing.
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.starts_with(&format!("{HEADER}\n")));
    assert!(text.contains(",0220,\"8001,2A7C1\",010,8000EBD30,5.5,US Dollar,"));
    let second = dir.path().join("second.csv");
    amlworld::write(&again.accounts, &again.transfers, &second).unwrap();
    assert_eq!(std::fs::read(&second).unwrap(), text.as_bytes());
}

#[test]
fn blank_lines_and_a_byte_order_mark_are_not_rows_but_keep_their_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.csv");
    let good = "2022/09/01 00:20,010,8000EBD30,010,8000EBD30,1,US Dollar,1,US Dollar,Cash,0";
    let bad = "2022/09/01 00:20,010,8000EBD30,010,8000EBD30,1,US Dollar,1,US Dollar,Cash,2";
    let text = format!("\u{feff}{HEADER}\r\n{good}\r\n\r\n\n{good}\n{bad}\n");
    std::fs::write(&path, text).unwrap();
    let loaded = read(&path, &skip(None));
    let report = &loaded.report;
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (3, 2, 1)
    );
    assert_eq!(report.first_errors[0].location, Location::Line(6));
}

/// Writes `rows` (timestamp text, amount text) as transfers between two fixed accounts.
fn write_times(path: &Path, stamps: &[&str]) {
    let mut text = format!("{HEADER}\n");
    for stamp in stamps {
        let _ = writeln!(
            text,
            "{stamp},010,8000EBD30,0220,80012A7C1,1,US Dollar,1,US Dollar,Wire,0"
        );
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn times_from_year_1_to_9999_and_spans_past_136_years_load_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &[i64])] = &[
        (
            &[
                "2022/09/01 00:20",
                "9999/12/31 23:59",
                "1969/12/31 23:59",
                "0001/01/01 00:00",
                "1970/01/01 00:00",
            ],
            &[-62_135_596_800, -60, 0, 1_661_991_600, 253_402_300_740],
        ),
        // A span of 2^32 - 1 seconds, the widest a u32 offset holds, and one second more;
        // each with the earliest row first and last.
        (
            &["1900/01/01 00:00", "2036/02/07 06:28:15"],
            &[-2_208_988_800, -2_208_988_800 + (1 << 32) - 1],
        ),
        (
            &["2036/02/07 06:28:15", "1900/01/01 00:00"],
            &[-2_208_988_800, -2_208_988_800 + (1 << 32) - 1],
        ),
        (
            &["1900/01/01 00:00", "2036/02/07 06:28:16"],
            &[-2_208_988_800, -2_208_988_800 + (1 << 32)],
        ),
        (
            &["2036/02/07 06:28:16", "1900/01/01 00:00"],
            &[-2_208_988_800, -2_208_988_800 + (1 << 32)],
        ),
    ];
    for (i, (stamps, expected)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("times-{i}.csv"));
        write_times(&path, stamps);
        let loaded = read(&path, &fail());
        let times: Vec<i64> = (0..loaded.transfers.len() as u32)
            .map(|id| loaded.transfers.ts(id))
            .collect();
        assert_eq!(times, *expected, "{stamps:?}");
        assert_eq!(
            loaded.transfers.time_span(),
            Some((expected[0], expected[expected.len() - 1]))
        );
        let (from, to) = (expected[0], expected[expected.len() - 1]);
        assert_eq!(
            loaded.transfers.ids_between(from, to),
            0..expected.len() as u32
        );
        assert_eq!(loaded.transfers.ids_between(to, to).len(), 1);

        let out = dir.path().join(format!("times-{i}-written.csv"));
        amlworld::write(&loaded.accounts, &loaded.transfers, &out).unwrap();
        let back = read(&out, &fail());
        assert_eq!(
            rows(&back.accounts, &back.transfers),
            rows(&loaded.accounts, &loaded.transfers),
            "{stamps:?}"
        );
    }
}

#[test]
fn the_writer_keeps_awkward_keys_amounts_and_currencies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("awkward.csv");
    let text = [
        HEADER,
        r#"2022/09/01 00:20,"a ""quoted"" bank","8000,EBD30", 010 ,Kontonummer-ü,0.30000000000000004,AED,1e-7,aed,Unspecified,"#,
        "2022/09/01 00:20:59,010,8000EBD30,010,8000EBD30,1e300,Bitcoin,0,BTC,Cash,1",
        "",
    ]
    .join("\r\n");
    std::fs::write(&path, text).unwrap();
    let loaded = read(&path, &fail());
    let aed = Currency::parse("AED").unwrap();
    let btc = Currency::parse("BTC").unwrap();
    let expected = vec![
        Row {
            ts: SEPT_1 + 20 * MINUTE,
            from: key("a \"quoted\" bank", "8000,EBD30"),
            to: key(" 010 ", "Kontonummer-ü"),
            received: (0.1 + 0.2, aed),
            paid: (1e-7, aed),
            format: PaymentFormat::Unspecified,
            label: None,
        },
        Row {
            ts: SEPT_1 + 20 * MINUTE + 59,
            from: key("010", "8000EBD30"),
            to: key("010", "8000EBD30"),
            received: (1e300, btc),
            paid: (0.0, btc),
            format: PaymentFormat::Cash,
            label: Some(true),
        },
    ];
    assert_eq!(rows(&loaded.accounts, &loaded.transfers), expected);
    let out = dir.path().join("awkward-written.csv");
    amlworld::write(&loaded.accounts, &loaded.transfers, &out).unwrap();
    let back = read(&out, &fail());
    assert_eq!(rows(&back.accounts, &back.transfers), expected);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains(r#","a ""quoted"" bank","8000,EBD30", 010 ,Kontonummer-ü,"#));
    assert!(written.contains("2022/09/01 00:20:59,"), "seconds are kept");
}
