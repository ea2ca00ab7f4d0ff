//! FollowTheMoney JSON lines: the fixtures under `tests/data/ftm/`, every reject kind with its
//! line, and the round trip `read(write(x)) == x`.
//!
//! `payments.written.jsonl` is the golden output of writing what `payments.jsonl` reads as; rerun
//! with `FLOWTRACE_BLESS=1` to regenerate it after a deliberate change to the writer.

use std::path::{Path, PathBuf};

use flowtrace_graph::{
    AccountInfo, Accounts, Currency, EntityType, PaymentFormat, Transfer, TransferBuilder,
    Transfers,
};
use flowtrace_io::{ftm, Column, Loaded, Location, OnError, ReadError, ReadOptions, RejectKind};

const SEPT_1: i64 = 1_661_990_400; // 2022-09-01T00:00:00Z

/// A payment line that is accepted.
const GOOD: &str = concat!(
    r#"{"schema": "Payment", "properties": {"payer": ["a"], "beneficiary": ["b"], "#,
    r#""amount": ["1"], "currency": ["USD"], "date": ["2022-09-01"]}}"#
);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ftm")
        .join(name)
}

fn skip() -> ReadOptions<'static> {
    ReadOptions {
        on_error: OnError::Skip { rejects: None },
        ..ReadOptions::default()
    }
}

fn info(name: Option<&str>, country: Option<&str>, kind: Option<EntityType>) -> AccountInfo {
    AccountInfo {
        name: name.map(str::to_owned),
        country: country.map(str::to_owned),
        entity_type: kind,
    }
}

fn keys(accounts: &Accounts) -> Vec<(String, String)> {
    (0..accounts.len() as u32)
        .map(|id| (accounts.bank(id).to_owned(), accounts.number(id).to_owned()))
        .collect()
}

fn all_transfers(transfers: &Transfers) -> Vec<Transfer> {
    (0..transfers.len() as u32)
        .map(|id| transfers.get(id))
        .collect()
}

fn payment(src: u32, dst: u32, ts: i64, amount: f64, currency: &str) -> Transfer {
    let currency = Currency::parse(currency).unwrap();
    Transfer {
        src,
        dst,
        ts,
        amount_paid: amount,
        currency_paid: currency,
        amount_received: amount,
        currency_received: currency,
        format: PaymentFormat::Unspecified,
        label: None,
    }
}

/// `(line, kind, property)` of every row in a rejects CSV, from a minimal quote-aware split.
fn rejects_file_rows(path: &Path) -> Vec<(String, String, String)> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut rows = Vec::new();
    for line in text.lines().skip(1) {
        let (mut fields, mut field, mut quoted, mut chars) =
            (Vec::new(), String::new(), false, line.chars().peekable());
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        rows.push((fields[1].clone(), fields[3].clone(), fields[2].clone()));
    }
    rows
}

#[test]
fn payments_fixture_reads_with_entities_before_and_after_their_payments() {
    let Loaded {
        accounts,
        transfers,
        report,
    } = ftm::read(&fixture("payments.jsonl"), &ReadOptions::default()).unwrap();
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (3, 3, 0)
    );
    let expected_keys = [
        ("Banco Uno", "ES9121000418450200051332"), // IBAN wins over accountNumber
        ("", "GB29NWBK60161331926819"),            // no bankName
        ("", "org-relief"),                        // no payerAccount: the payer entity
        ("", "c-shell"),
        ("", "acc-orphan"),   // a BankAccount id the file never describes
        ("Banco Dos", "777"), // a BankAccount without payments is still an account
    ];
    let expected_keys: Vec<_> = expected_keys
        .iter()
        .map(|(b, n)| (b.to_string(), n.to_string()))
        .collect();
    assert_eq!(keys(&accounts), expected_keys);
    assert_eq!(
        all_transfers(&transfers),
        [
            payment(2, 3, SEPT_1 - 3600, 99.5, "USD"), // startDate; first of two amounts
            payment(0, 1, SEPT_1, 1200.5, "EUR"),
            payment(4, 0, SEPT_1 + 86_400 + 10 * 3600 + 15 * 60, 0.0, "EUR"), // date over startDate
        ]
    );
    let person = EntityType::Person;
    let org = EntityType::Organization;
    // The Person line comes after the payment naming it; its first name wins, nationality
    // stands in for country.
    assert_eq!(
        accounts.info(0),
        Some(&info(Some("Ana Diaz"), Some("es"), Some(person)))
    );
    // The holder's facts override the bank account's own country-only facts.
    assert_eq!(
        accounts.info(1),
        Some(&info(Some("Relief Now"), Some("gb"), Some(org)))
    );
    assert_eq!(
        accounts.info(2),
        Some(&info(Some("Relief Now"), Some("gb"), Some(org)))
    );
    assert_eq!(
        accounts.info(3),
        Some(&info(Some("Shell Ltd"), None, Some(org)))
    );
    assert_eq!(accounts.info(4), None);
    assert_eq!(accounts.info(5), Some(&info(Some("Lonely"), None, None)));
}

#[test]
fn every_reject_kind_is_reported_at_its_line_and_the_counts_reconcile() {
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.csv");
    let options = ReadOptions {
        on_error: OnError::Skip {
            rejects: Some(rejects.clone()),
        },
        ..ReadOptions::default()
    };
    let loaded = ftm::read(&fixture("rejects.jsonl"), &options).unwrap();
    let report = &loaded.report;
    // 13 payment lines and 3 lines that are not entities; the blank line and the Person
    // without an id are not rows.
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (16, 2, 14)
    );
    assert!(report.reconciles());
    let expected = [
        ("line 2", "bad JSON", ""),
        ("line 3", "missing field", "properties.payer"),
        ("line 4", "missing field", "properties.beneficiary"),
        ("line 5", "missing field", "properties.amount"),
        ("line 6", "bad amount", "properties.amount"),
        ("line 7", "negative amount", "properties.amount"),
        ("line 8", "unknown currency", "properties.currency"),
        ("line 9", "missing field", "properties.currency"),
        ("line 10", "missing field", "properties.date"),
        ("line 11", "bad timestamp", "properties.date"),
        ("line 12", "bad timestamp", "properties.startDate"),
        ("line 15", "bad JSON", ""),
        ("line 16", "bad amount", "properties.amount"),
        ("line 17", "bad JSON", ""),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(l, k, c)| (l.to_string(), k.to_string(), c.to_string()))
        .collect();
    assert_eq!(rejects_file_rows(&rejects), expected);
    let first = &report.first_errors;
    assert_eq!(first.len(), 10);
    assert_eq!(first[4].location, Location::Line(6));
    assert_eq!(
        first[4].column,
        Some(Column {
            number: 0,
            name: "properties.amount".into()
        })
    );
    assert_eq!(first[4].detail, "`12,50` is not a number");
    let by_kind = |k| report.rejected_by_kind.get(&k).copied().unwrap_or(0);
    assert_eq!(by_kind(RejectKind::MissingField), 5);
    assert_eq!(by_kind(RejectKind::BadJson), 3);
    assert_eq!(by_kind(RejectKind::BadAmount), 2);
    assert_eq!(by_kind(RejectKind::BadTimestamp), 2);
    // The two good payments, between the same two entity-keyed accounts.
    assert_eq!(
        keys(&loaded.accounts),
        [("".into(), "a".into()), ("".into(), "b".into())]
    );
    assert_eq!(
        all_transfers(&loaded.transfers),
        [
            payment(0, 1, SEPT_1, 10.0, "USD"),
            payment(1, 0, SEPT_1 + 43_200, 2.5, "EUR")
        ]
    );
}

#[test]
fn fail_mode_stops_at_the_first_bad_line() {
    let error = ftm::read(&fixture("rejects.jsonl"), &ReadOptions::default())
        .err()
        .unwrap();
    let message = error.to_string();
    assert!(
        message
            .ends_with("rejects.jsonl: line 2: bad JSON: EOF while parsing an object (column 70)"),
        "{message}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let bad = GOOD.replace(r#"["1"]"#, r#"["abc"]"#);
    std::fs::write(&path, format!("\n{bad}\n")).unwrap();
    let error = ftm::read(&path, &ReadOptions::default()).err().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: line 2, properties.amount: bad amount: `abc` is not a number",
            path.display()
        )
    );
}

#[test]
fn empty_file_is_an_error_but_blank_lines_are_an_empty_load() {
    let error = ftm::read(&fixture("empty.jsonl"), &skip()).err().unwrap();
    assert!(matches!(error, ReadError::Empty { .. }), "{error}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.jsonl");
    std::fs::write(&path, "\n  \r\n").unwrap();
    let loaded = ftm::read(&path, &skip()).unwrap();
    assert_eq!((loaded.report.rows_read, loaded.transfers.len()), (0, 0));
}

#[test]
fn undecodable_and_oversized_lines_are_rejected_without_holding_them() {
    let not_utf8: &[u8] = b"{\"schema\": \"Payment\", \"properties\": {\"currency\": [\"\xff\"]}}";
    let huge = format!(
        r#"{{"schema": "Payment", "properties": {{"amount": ["{}"]}}}}"#,
        "1".repeat(ftm::MAX_LINE_BYTES)
    );
    let long_id = "9".repeat(2000);
    let account = format!(r#"{{"id": "{long_id}", "schema": "BankAccount", "properties": {{}}}}"#);
    let payer = format!(r#"{{"schema": "Payment", "properties": {{"payer": ["{long_id}"]}}}}"#);
    let mut bytes = Vec::new();
    for line in [
        GOOD.as_bytes(),
        not_utf8,
        huge.as_bytes(),
        account.as_bytes(),
        payer.as_bytes(),
    ] {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(GOOD.as_bytes()); // no final line break
    let dir = tempfile::tempdir().unwrap();
    let (path, rejects) = (dir.path().join("in.jsonl"), dir.path().join("rejects.csv"));
    std::fs::write(&path, &bytes).unwrap();
    let options = ReadOptions {
        on_error: OnError::Skip {
            rejects: Some(rejects.clone()),
        },
        ..ReadOptions::default()
    };
    let report = ftm::read(&path, &options).unwrap().report;
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (6, 2, 4)
    );
    let seen: Vec<_> = report
        .first_errors
        .iter()
        .map(|e| {
            (
                e.location,
                e.kind,
                e.column.as_ref().map(|c| c.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (Location::Line(2), RejectKind::InvalidUtf8, None),
            (Location::Line(3), RejectKind::FieldTooLong, None),
            (Location::Line(4), RejectKind::FieldTooLong, Some("id")),
            (
                Location::Line(5),
                RejectKind::FieldTooLong,
                Some("properties.payer")
            ),
        ]
    );
    assert_eq!(report.first_errors[0].detail, "byte 52 is not valid UTF-8");
    // The undecodable row is in the rejects file byte for byte.
    let written = std::fs::read(&rejects).unwrap();
    assert!(written
        .windows(not_utf8.len() + 12)
        .any(|w| w.ends_with(b"[\"\"\xff\"\"]}}\"")));
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_taken() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let text = format!("\u{feff}{GOOD}\r\n{GOOD}\r\n");
    std::fs::write(&path, &text).unwrap();
    let told = std::sync::Mutex::new(Vec::new());
    let progress = |n: u64| told.lock().unwrap().push(n);
    let options = ReadOptions {
        on_error: OnError::Fail,
        progress: Some(&progress),
        ..ReadOptions::default()
    };
    let loaded = ftm::read(&path, &options).unwrap();
    assert_eq!(loaded.report.accepted, 2);
    assert_eq!(told.lock().unwrap().last(), Some(&(text.len() as u64)));
}

/// Accounts and transfers covering what FtM can carry, and some of what it cannot.
fn sample() -> (Accounts, Transfers) {
    let mut accounts = Accounts::new();
    let keys = [
        ("010", "8000EBD30"),
        ("0220", "80012A7C1"),
        ("", "no-bank"),
        ("B", "N"),
        ("X", "idle"),
        ("Q\"uote", "\u{fc}-\u{f1}"),
        ("Z", "idle-person"),
    ];
    for (bank, number) in keys {
        accounts.intern(bank, number).unwrap();
    }
    let person = Some(EntityType::Person);
    let org = Some(EntityType::Organization);
    accounts.set_info(0, info(Some("Ana \"AD\" Diaz"), Some("es"), person));
    accounts.set_info(1, info(Some("Relief Now"), None, org));
    accounts.set_info(3, info(Some("Holder"), Some("gb"), None));
    accounts.set_info(4, info(None, Some("fr"), None));
    accounts.set_info(6, info(Some("Idle Person"), None, person));
    let mut builder = TransferBuilder::new();
    let rows = [
        (0, 1, SEPT_1 + 60, 0.1 + 0.2, "USD"),
        (1, 2, SEPT_1, 1e-7, "EUR"),
        (2, 2, -315_619_200, 123_456_789.123_456, "BTC"), // 1960, a self-transfer
        (3, 5, SEPT_1, 5e20, "JPY"),
        (5, 0, SEPT_1 + 59, f64::MAX, "CHF"),
        (0, 3, SEPT_1 + 60, 0.0, "USD"),
    ];
    for (src, dst, ts, amount, currency) in rows {
        let mut t = payment(src, dst, ts, amount, currency);
        t.format = PaymentFormat::Wire;
        t.label = Some(src == 0);
        builder.push(&t).unwrap();
    }
    (accounts, builder.finish())
}

#[test]
fn what_is_written_reads_back_the_same() {
    let (accounts, transfers) = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.jsonl");
    ftm::write(&accounts, &transfers, &path).unwrap();
    let back = ftm::read(&path, &ReadOptions::default()).unwrap();
    assert_eq!(keys(&back.accounts), keys(&accounts));
    for id in 0..6 {
        assert_eq!(back.accounts.info(id), accounts.info(id), "account {id}");
    }
    // An account without transfers keeps its holder's name but not its kind.
    assert_eq!(
        back.accounts.info(6),
        Some(&info(Some("Idle Person"), None, None))
    );
    let expected: Vec<_> = all_transfers(&transfers)
        .into_iter()
        .map(|t| Transfer {
            format: PaymentFormat::Unspecified,
            label: None,
            ..t
        })
        .collect();
    let got = all_transfers(&back.transfers);
    assert_eq!(got, expected);
    let bits = |ts: &[Transfer]| {
        ts.iter()
            .map(|t| t.amount_paid.to_bits())
            .collect::<Vec<_>>()
    };
    assert_eq!(bits(&got), bits(&expected));
}

#[test]
fn writer_output_matches_the_golden_file() {
    let loaded = ftm::read(&fixture("payments.jsonl"), &ReadOptions::default()).unwrap();
    let golden = fixture("payments.written.jsonl");
    if std::env::var_os("FLOWTRACE_BLESS").is_some() {
        ftm::write(&loaded.accounts, &loaded.transfers, &golden).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.jsonl");
    ftm::write(&loaded.accounts, &loaded.transfers, &path).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(&golden).unwrap()
    );
    let back = ftm::read(&golden, &ReadOptions::default()).unwrap();
    assert_eq!(keys(&back.accounts), keys(&loaded.accounts));
    assert_eq!(
        all_transfers(&back.transfers),
        all_transfers(&loaded.transfers)
    );
}
