//! Every planted instance has the structure its typology states, and the truth files agree
//! with the transactions.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::{accounts, blocks, csv_lines, rows, small_world, Block};
use flowtrace_sim::Typology;

fn distinct<'a>(keys: impl Iterator<Item = &'a String>) -> BTreeSet<&'a String> {
    keys.collect()
}

fn stated_number(detail: &str) -> usize {
    let digits: String = detail
        .split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())
        .unwrap()
        .to_string();
    digits.parse().unwrap()
}

fn check_fan(b: &Block, out: bool) {
    let degree = stated_number(&b.detail);
    let hubs = distinct(b.rows.iter().map(|r| if out { &r.from } else { &r.to }));
    let others = distinct(b.rows.iter().map(|r| if out { &r.to } else { &r.from }));
    assert_eq!(hubs.len(), 1, "{b:?}");
    assert_eq!(others.len(), degree, "{b:?}");
    assert!((2..=16).contains(&degree));
}

/// Rows in time order form a chain: each payee pays the next hop.
fn check_chain(b: &Block) -> (String, String) {
    let hops = stated_number(&b.detail);
    assert_eq!(b.rows.len(), hops, "{b:?}");
    for pair in b.rows.windows(2) {
        assert_eq!(pair[0].to, pair[1].from, "{b:?}");
        assert!(pair[0].time < pair[1].time, "hops out of time order: {b:?}");
    }
    (b.rows[0].from.clone(), b.rows.last().unwrap().to.clone())
}

fn check_scatter_gather(b: &Block) {
    let sources = distinct(
        b.rows
            .iter()
            .filter(|r| b.rows.iter().all(|x| x.to != r.from))
            .map(|r| &r.from),
    );
    let sinks = distinct(
        b.rows
            .iter()
            .filter(|r| b.rows.iter().all(|x| x.from != r.to))
            .map(|r| &r.to),
    );
    assert_eq!((sources.len(), sinks.len()), (1, 1), "{b:?}");
    let middles = distinct(
        b.rows
            .iter()
            .filter(|r| sources.contains(&r.from))
            .map(|r| &r.to),
    );
    assert_eq!(b.rows.len(), 2 * middles.len(), "{b:?}");
    for m in middles {
        let inn = b.rows.iter().find(|r| &r.to == m).unwrap();
        let out = b.rows.iter().find(|r| &r.from == m).unwrap();
        assert!(
            inn.time <= out.time,
            "a middle paid on before being paid: {b:?}"
        );
    }
}

fn check_gather_scatter(b: &Block) {
    let hub = b
        .rows
        .iter()
        .map(|r| &r.to)
        .find(|a| b.rows.iter().any(|r| &r.from == *a))
        .unwrap();
    let last_in = b
        .rows
        .iter()
        .filter(|r| &r.to == hub)
        .map(|r| &r.time)
        .max()
        .unwrap();
    let first_out = b
        .rows
        .iter()
        .filter(|r| &r.from == hub)
        .map(|r| &r.time)
        .min()
        .unwrap();
    assert!(last_in <= first_out, "{b:?}");
    assert!(
        b.rows.iter().all(|r| &r.to == hub || &r.from == hub),
        "{b:?}"
    );
}

fn check_layers(b: &Block, stack: bool) {
    let payers = distinct(b.rows.iter().map(|r| &r.from));
    let payees = distinct(b.rows.iter().map(|r| &r.to));
    if !stack {
        assert!(payers.is_disjoint(&payees), "{b:?}");
        return;
    }
    let middle: BTreeSet<_> = payers.intersection(&payees).copied().collect();
    let sources: BTreeSet<_> = payers.difference(&middle).copied().collect();
    let sinks: BTreeSet<_> = payees.difference(&middle).copied().collect();
    assert!(!middle.is_empty(), "{b:?}");
    // Complete between consecutive layers.
    assert_eq!(
        b.rows.len(),
        sources.len() * middle.len() + middle.len() * sinks.len(),
        "{b:?}"
    );
}

#[test]
fn every_instance_has_its_stated_structure() {
    let dir = tempfile::tempdir().unwrap();
    let summary = small_world(dir.path(), 200_000, 3);
    let blocks = blocks(dir.path());
    let accounts = accounts(dir.path());
    let info = |key: &String| {
        accounts
            .get(key)
            .unwrap_or_else(|| panic!("{key} not in accounts.csv"))
    };
    let mut seen = BTreeSet::new();
    for b in &blocks {
        assert!(b.rows.iter().all(|r| r.label), "{b:?}");
        seen.insert(b.typology.as_str());
        match b.typology.as_str() {
            "FAN-OUT" => check_fan(b, true),
            "FAN-IN" => check_fan(b, false),
            "CYCLE" => {
                let (start, end) = check_chain(b);
                assert_eq!(start, end, "the cycle does not close: {b:?}");
            }
            "RANDOM" => {
                let (start, end) = check_chain(b);
                assert_ne!(start, end, "a random walk must not close: {b:?}");
            }
            "BIPARTITE" => check_layers(b, false),
            "STACK" => check_layers(b, true),
            "SCATTER-GATHER" => check_scatter_gather(b),
            "GATHER-SCATTER" => check_gather_scatter(b),
            "CROWDFUNDING" => {
                let donors = stated_number(&b.detail);
                let first_leg = b
                    .rows
                    .iter()
                    .filter(|r| info(&r.from).2 == "funder")
                    .count();
                assert_eq!(first_leg, donors, "{b:?}");
                assert!(b
                    .rows
                    .iter()
                    .any(|r| r.format == "Wire" && info(&r.to).2 == "beneficiary"));
                let last = b.rows.last().unwrap();
                assert_eq!(
                    (last.format.as_str(), info(&last.to).0.as_str()),
                    ("Cash", "cash-desk"),
                    "{b:?}"
                );
                let corridor = ["AE", "TR", "LB", "JO", "IQ", "SY", "SO", "AF"];
                assert!(corridor.contains(&info(&last.from).1.as_str()), "{b:?}");
            }
            "CHARITY-DIVERSION" => {
                let charity = &b.rows[0].from;
                assert_eq!(info(charity).0, "charity", "{b:?}");
                assert!(
                    b.rows.iter().any(|r| &r.from != charity),
                    "nothing left the fronts: {b:?}"
                );
            }
            "STRUCTURING" => {
                let deposits: Vec<_> = b.rows.iter().filter(|r| r.format == "Cash").collect();
                assert_eq!(deposits.len(), stated_number(&b.detail), "{b:?}");
                for d in &deposits {
                    assert!(
                        d.paid < 10_000.0 && d.paid >= 8_000.0,
                        "deposit {} not just under the threshold",
                        d.paid
                    );
                    assert_eq!(info(&d.from).0, "cash-desk");
                }
                let wire = b.rows.last().unwrap();
                assert_eq!(wire.format, "Wire", "{b:?}");
            }
            "TRADE-BASED" => {
                assert!(b.rows.iter().all(|r| r.format == "Wire"));
                let front = &b.rows[0].from;
                for r in b.rows.iter().filter(|r| &r.from == front) {
                    assert_eq!(r.paid % 1_000.0, 0.0, "invoice {} is not round", r.paid);
                }
            }
            "LISTED-PARTY" => {
                assert!(
                    b.rows
                        .iter()
                        .any(|r| info(&r.from).2 == "listed" || info(&r.to).2 == "listed"),
                    "{b:?}"
                );
            }
            other => panic!("unknown typology {other}"),
        }
    }
    let all = Typology::LAUNDERING
        .iter()
        .chain(&Typology::TERROR)
        .map(|t| t.name());
    for typology in all {
        assert!(
            seen.contains(typology),
            "no {typology} instance planted: {seen:?}"
        );
    }
    assert_eq!(summary.patterns as usize, blocks.len());
}

#[test]
fn truth_rows_are_the_labelled_rows() {
    let dir = tempfile::tempdir().unwrap();
    let summary = small_world(dir.path(), 60_000, 5);
    let rows = rows(dir.path());
    assert_eq!(rows.len() as u64, summary.transfers);
    assert_eq!(summary.transfers, 60_000);
    let truth = csv_lines(&dir.path().join("truth.csv"));
    assert_eq!(truth[0], ["row", "pattern_id", "typology", "role"]);
    let mut labelled: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.label)
        .map(|(i, _)| i + 1)
        .collect();
    let mut listed: Vec<usize> = truth[1..].iter().map(|f| f[0].parse().unwrap()).collect();
    labelled.sort();
    listed.sort();
    assert_eq!(labelled, listed);
    assert_eq!(labelled.len() as u64, summary.illicit);
    // Pattern rows of the truth are exactly the rows of the patterns file, instance by instance.
    let mut per_instance: HashMap<u32, usize> = HashMap::new();
    for f in &truth[1..] {
        if f[3] == "pattern" {
            *per_instance.entry(f[1].parse().unwrap()).or_default() += 1;
        }
    }
    let blocks = blocks(dir.path());
    for (k, b) in blocks.iter().enumerate() {
        assert_eq!(
            per_instance.get(&(k as u32 + 1)),
            Some(&b.rows.len()),
            "instance {}",
            k + 1
        );
    }
    // Rows are in time order.
    assert!(rows.windows(2).all(|w| w[0].time <= w[1].time));
}
