//! Rule hits as the instances an analyst reads: the input file's rows and account keys, the
//! time span and the money moved, one JSON object a line (`flowtrace patterns`, `flowtrace
//! demo`'s `rule-hits.jsonl`).

use std::collections::BTreeMap;

use flowtrace_graph::time::format_iso8601;
use flowtrace_graph::{AccountId, TemporalGraph, TransferId};
use serde::Serialize;

use super::{RuleHit, RuleKind};

/// One structure a rule found, named as the input names things.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Instance {
    /// The rule that found it.
    pub rule: RuleKind,
    /// Strength in (0, 1] (see [`RuleHit::score`]).
    pub score: f64,
    /// Its transfers as 1-based data rows of the input file, in time order.
    pub rows: Vec<u64>,
    /// Its accounts as `bank:account`, the central one first.
    pub accounts: Vec<String>,
    /// Time of its first and last transfer, ISO 8601 (UTC).
    pub first: String,
    /// See `first`.
    pub last: String,
    /// Hours from the first transfer to the last.
    pub hours: f64,
    /// The amounts its transfers paid, summed per currency (each in its own currency).
    pub paid: BTreeMap<String, f64>,
    /// Why the rule fired, in words.
    pub why: String,
}

impl Instance {
    /// The instance of `hit` in `graph`, whose transfer `t` was data row `row_of(t)` (1-based)
    /// of the input.
    pub fn of(hit: &RuleHit, graph: &TemporalGraph, row_of: impl Fn(TransferId) -> u64) -> Self {
        let transfers = graph.transfers();
        let times = hit.transfers.iter().map(|&t| transfers.ts(t));
        let (first, last) = times.fold((i64::MAX, i64::MIN), |(lo, hi), t| (lo.min(t), hi.max(t)));
        let mut paid = BTreeMap::new();
        for &t in &hit.transfers {
            let currency = transfers.currency_paid(t).to_string();
            *paid.entry(currency).or_insert(0.0) += transfers.amount_paid(t);
        }
        let (first, last) = if hit.transfers.is_empty() {
            (0, 0)
        } else {
            (first, last)
        };
        Instance {
            rule: hit.rule,
            score: hit.score,
            rows: hit.transfers.iter().map(|&t| row_of(t)).collect(),
            accounts: hit.accounts.iter().map(|&v| key(graph, v)).collect(),
            first: format_iso8601(first),
            last: format_iso8601(last),
            hours: (last - first) as f64 / 3600.0,
            paid,
            why: hit.why.clone(),
        }
    }
}

/// `bank:account`, the way the command line names accounts.
fn key(graph: &TemporalGraph, v: AccountId) -> String {
    let accounts = graph.accounts();
    format!("{}:{}", accounts.bank(v), accounts.number(v))
}

#[cfg(test)]
mod tests {
    use flowtrace_graph::{Accounts, Currency, PaymentFormat, Transfer, TransferBuilder};

    use super::*;
    use crate::rules::{run_rules, RuleConfig};

    #[test]
    fn an_instance_names_rows_accounts_span_and_money() {
        let mut accounts = Accounts::new();
        let desk = accounts.intern("0724", "CASH01").unwrap();
        let saver = accounts.intern("0724", "8FDC2E720").unwrap();
        let mut transfers = TransferBuilder::new();
        for (day, amount) in [9_120.0, 9_880.0, 9_400.0].into_iter().enumerate() {
            let at = 1_661_990_400 + day as i64 * 86_400;
            let cash = Transfer::new(desk, saver, at, amount, Currency::USD, PaymentFormat::Cash);
            transfers.push(&cash).unwrap();
        }
        let graph = TemporalGraph::new(accounts, transfers.finish()).unwrap();
        let report = run_rules(&graph, &RuleConfig::default());
        let hit = &report.hits()[0];
        let instance = Instance::of(hit, &graph, |t| u64::from(t) + 10);
        assert_eq!(instance.rule, RuleKind::Structuring);
        assert_eq!(instance.rows, [10, 11, 12]);
        assert_eq!(instance.accounts[0], "0724:8FDC2E720");
        assert_eq!(instance.first, "2022-09-01T00:00:00Z");
        assert_eq!(instance.last, "2022-09-03T00:00:00Z");
        assert_eq!(instance.hours, 48.0);
        let usd = Currency::USD.to_string();
        assert_eq!(instance.paid[&usd], 28_400.0);
        let line = serde_json::to_string(&instance).unwrap();
        assert!(line.contains(r#""rule":"structuring""#), "{line}");
    }
}
