//! Files of tens of thousands of rows made by the test: many blocks and pieces, line numbers
//! across their boundaries, the slow path for rows that are not UTF-8, and thread counts.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::Path;

use flowtrace_io::amlworld::{self, HEADER};
use flowtrace_io::RejectKind;

use super::*;

/// A small deterministic generator (xorshift64*), so the test needs no data file and no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const BANKS: [&str; 8] = ["1", "01", "001", "10", "010", "0010", "70", "0070"];
const CURRENCY_NAMES: [&str; 5] = ["US Dollar", "Euro", "Yuan", "Bitcoin", "UK Pound"];
const FORMAT_NAMES: [&str; 7] = [
    "ACH",
    "Wire",
    "Cheque",
    "Credit Card",
    "Cash",
    "Reinvestment",
    "Bitcoin",
];

/// A generated file: its text, the rows it should load as (in file order), and the lines and
/// kinds of its bad rows.
struct Generated {
    text: Vec<u8>,
    expected: Vec<Row>,
    bad: Vec<(u64, RejectKind)>,
}

/// `n` data rows, times mostly rising with some out of order, zero-padded banks that differ only
/// by padding, self-transfers, quoted fields, a bad amount every `bad_every` rows, a row that is
/// not UTF-8 every `bad_every + 1` rows. The last row is cut short and has no line break.
fn generate(n: usize, bad_every: usize, line_end: &str) -> Generated {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = Vec::with_capacity(n * 90);
    let mut expected = Vec::with_capacity(n);
    let mut bad = Vec::new();
    text.extend_from_slice(HEADER.as_bytes());
    text.extend_from_slice(line_end.as_bytes());
    for i in 0..n {
        let line = i as u64 + 2;
        if i == n - 1 {
            text.extend_from_slice(b"2022/09/03 10:00,010,8000");
            bad.push((line, RejectKind::TruncatedLine));
            break;
        }
        if i % bad_every.saturating_add(1) == bad_every {
            text.extend_from_slice(b"2022/09/01 10:00,010,8000\xffEBD30,010,1,");
            text.extend_from_slice(b"1,US Dollar,1,US Dollar,Cash,0");
            text.extend_from_slice(line_end.as_bytes());
            bad.push((line, RejectKind::InvalidUtf8));
            continue;
        }
        let minute = i as i64 / 3 - if rng.below(50) == 0 { 90 } else { 0 };
        let ts = SEPT_1 + minute.max(0) * MINUTE;
        let c = flowtrace_graph::time::CivilTime::from_unix(ts);
        let stamp = format!(
            "{:04}/{:02}/{:02} {:02}:{:02}",
            c.year, c.month, c.day, c.hour, c.minute
        );
        let from = key(
            BANKS[rng.below(8) as usize],
            &format!("80{:07X}", rng.below(3000)),
        );
        let to = if rng.below(30) == 0 {
            from.clone()
        } else {
            key(
                BANKS[rng.below(8) as usize],
                &format!("80{:07X}", rng.below(3000)),
            )
        };
        let cents = rng.below(10_000_000);
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        let currency = CURRENCY_NAMES[rng.below(5) as usize];
        let format = FORMAT_NAMES[rng.below(7) as usize];
        let label = ["0", "0", "0", "1", ""][rng.below(5) as usize];
        let quote = |s: &str| {
            if i % 101 == 0 {
                format!("\"{s}\"")
            } else {
                s.to_string()
            }
        };
        let paid = if i % bad_every == bad_every - 1 {
            bad.push((line, RejectKind::BadAmount));
            "1.2.3".to_string()
        } else {
            amount.clone()
        };
        let _ = write!(
            text,
            "{stamp},{},{},{},{},{amount},{currency},{paid},{currency},{},{label}{line_end}",
            quote(&from.0),
            from.1,
            to.0,
            to.1,
            quote(format)
        );
        if paid == amount {
            let value: f64 = amount.parse().unwrap();
            let currency = Currency::parse(currency).unwrap();
            expected.push(Row {
                ts,
                from,
                to,
                received: (value, currency),
                paid: (value, currency),
                format: PaymentFormat::parse(format).unwrap(),
                label: match label {
                    "0" => Some(false),
                    "1" => Some(true),
                    _ => None,
                },
            });
        }
    }
    Generated {
        text,
        expected,
        bad,
    }
}

fn rejected_lines(rejects: &Path) -> Vec<(u64, String)> {
    parse_rejects(&std::fs::read(rejects).unwrap())
        .iter()
        .map(|r| {
            let location = String::from_utf8_lossy(&r[1]);
            let line = location.strip_prefix("line ").unwrap().parse().unwrap();
            (line, String::from_utf8_lossy(&r[3]).into_owned())
        })
        .collect()
}

#[test]
fn a_large_file_spanning_many_blocks_loads_exactly_and_round_trips() {
    const ROWS: usize = 50_000;
    let dir = tempfile::tempdir().unwrap();
    for line_end in ["\n", "\r\n"] {
        let generated = generate(ROWS, 4_999, line_end);
        assert!(generated.text.len() > 4 << 20, "spans several 2 MiB blocks");
        let path = dir.path().join("large.csv");
        std::fs::write(&path, &generated.text).unwrap();
        let rejects = dir.path().join("large-rejects.csv");
        let loaded = read(&path, &skip(Some(rejects.clone())));
        let report = &loaded.report;
        assert!(report.reconciles());
        assert_eq!(report.rows_read, ROWS as u64);
        assert_eq!(report.accepted as usize, generated.expected.len());
        assert_eq!(report.rejected as usize, generated.bad.len());

        // Line numbers stay exact across block and piece boundaries.
        let expected_bad: Vec<(u64, String)> = generated
            .bad
            .iter()
            .map(|&(line, kind)| (line, kind.name().to_string()))
            .collect();
        assert_eq!(rejected_lines(&rejects), expected_bad);

        // The model holds what the text says: a stable sort by time of the accepted rows.
        let mut expected = generated.expected.clone();
        expected.sort_by_key(|r| r.ts);
        let found = rows(&loaded.accounts, &loaded.transfers);
        assert!(
            found == expected,
            "loaded rows differ from the generated ones"
        );
        let distinct: HashSet<&(String, String)> =
            expected.iter().flat_map(|r| [&r.from, &r.to]).collect();
        assert_eq!(loaded.accounts.len(), distinct.len());

        let out = dir.path().join("large-written.csv");
        amlworld::write(&loaded.accounts, &loaded.transfers, &out).unwrap();
        let back = read(&out, &fail());
        assert!(
            rows(&back.accounts, &back.transfers) == expected,
            "round trip differs"
        );
    }
}

#[test]
fn account_ids_do_not_depend_on_the_thread_count() {
    let generated = generate(20_000, usize::MAX, "\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("threads.csv");
    std::fs::write(&path, &generated.text).unwrap();
    let load = |threads| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| read(&path, &skip(None)))
    };
    let (one, three) = (load(1), load(3));
    assert_eq!(keys(&one.accounts), keys(&three.accounts));
    assert_eq!(one.transfers.srcs(), three.transfers.srcs());
    assert_eq!(one.transfers.dsts(), three.transfers.dsts());
}
