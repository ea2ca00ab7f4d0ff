//! The background economy looks like one: heavy-tailed activity and amounts, weekly and daily
//! rhythms, several currencies and every AMLworld payment format.

mod common;

use std::collections::HashMap;

use common::{rows, small_world};

#[test]
fn economy_is_heavy_tailed_and_rhythmic() {
    let dir = tempfile::tempdir().unwrap();
    small_world(dir.path(), 100_000, 21);
    let rows = rows(dir.path());

    // Out-degree: most payers pay a few times, a few pay very often.
    let mut out: HashMap<&str, usize> = HashMap::new();
    for r in &rows {
        *out.entry(r.from.as_str()).or_default() += 1;
    }
    let mut degrees: Vec<usize> = out.values().copied().collect();
    degrees.sort_unstable();
    let median = degrees[degrees.len() / 2];
    let max = *degrees.last().unwrap();
    assert!(max >= 50 * median, "max out-degree {max}, median {median}");

    // Amounts span orders of magnitude.
    let mut amounts: Vec<f64> = rows
        .iter()
        .filter(|r| r.currency == "US Dollar")
        .map(|r| r.paid)
        .collect();
    amounts.sort_by(f64::total_cmp);
    let (p10, p99) = (
        amounts[amounts.len() / 10],
        amounts[amounts.len() * 99 / 100],
    );
    assert!(p99 > 100.0 * p10, "p10 {p10}, p99 {p99}");

    // Daily rhythm: business hours are busier than the night.
    let hour = |r: &common::Row| r.time[11..13].parse::<usize>().unwrap();
    let mut by_hour = [0usize; 24];
    rows.iter().for_each(|r| by_hour[hour(r)] += 1);
    assert!(by_hour[10] > 5 * by_hour[3], "{by_hour:?}");

    // Weekly rhythm: 2022-09-03 and 09-04 were a Saturday and a Sunday.
    let day = |d: &str| rows.iter().filter(|r| r.time.starts_with(d)).count();
    assert!(day("2022/09/05") as f64 > 1.5 * day("2022/09/04") as f64);

    // Every AMLworld payment format and several currencies occur; some payments are to oneself.
    for format in [
        "ACH",
        "Wire",
        "Cheque",
        "Credit Card",
        "Cash",
        "Reinvestment",
        "Bitcoin",
    ] {
        assert!(
            rows.iter().any(|r| r.format == format),
            "no {format} payment"
        );
    }
    let currencies: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.currency.as_str()).collect();
    assert!(currencies.len() >= 10, "{currencies:?}");
    assert!(rows.iter().any(|r| r.from == r.to));
}
