//! `flowtrace screen` end to end: one name, a queries file with bad rows (fail and skip modes,
//! reconciled), JSON lines, and the labelled set's per-category report.

mod common;

use common::flowtrace;

const UN: &str = "data/watchlists/un_consolidated.xml";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn one_spelling_variant_finds_its_un_entry_with_an_explanation() {
    let out = flowtrace(&["screen", "--list", UN, "--name", "Saif al-Adel"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("query_id,entity_id,list,reference,matched_name,score,explanation")
    );
    let first = lines.next().expect("a hit");
    assert!(first.starts_with("1,un:QDi.001,UN,QDi.001,"), "{first}");
    assert!(first.contains("saif~sayf"), "token by token: {first}");
}

#[test]
fn a_bad_queries_row_stops_the_run_with_its_line() {
    let out = flowtrace(&[
        "screen",
        "--list",
        UN,
        "--queries",
        "tests/data/screen/queries.csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("queries.csv: line 5: name is empty"),
        "{stderr}"
    );
}

#[test]
fn skip_mode_sets_bad_rows_aside_and_reconciles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rejects = dir.path().join("rejects.csv");
    let out = flowtrace(&[
        "screen",
        "--list",
        UN,
        "--queries",
        "tests/data/screen/queries.csv",
        "--json",
        "--on-error",
        "skip",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "rows were rejected: {}",
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains("read 6 rows = 4 accepted + 2 rejected"));
    let hits: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let found = |q: &str, e: &str| {
        hits.iter()
            .any(|h| h["query_id"] == q && h["entity_id"] == e)
    };
    assert!(found("1", "un:QDi.001"));
    assert!(
        found("2", "un:QDi.006"),
        "LAST, First order with a spelling variant"
    );
    assert!(found("5", "un:QDi.299"));
    assert!(
        !hits.iter().any(|h| h["query_id"] == "3"),
        "Peter Miller is on no list"
    );
    let rejected = std::fs::read_to_string(rejects).expect("rejects file");
    assert_eq!(
        rejected.lines().count(),
        3,
        "header and two rows: {rejected}"
    );
    assert!(rejected.contains("not-a-date"));
}

#[test]
fn eval_prints_precision_recall_and_f1_per_category() {
    let out = flowtrace(&[
        "screen",
        "--list",
        "tests/data/screen/entities.jsonl",
        "--eval",
        "tests/data/screen/pairs.csv",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for category in ["spelling", "script", "hard_negative", "homonym", "ALL"] {
        assert!(
            stdout.lines().any(|l| l.starts_with(category)),
            "{category}: {stdout}"
        );
    }
    assert!(
        stdout.contains("screening the whole list finds"),
        "{stdout}"
    );
}
