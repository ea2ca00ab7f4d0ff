//! Small hand-built graphs for the rules' tests: accounts by name, times in hours.

use flowtrace_graph::{
    Accounts, Currency, PaymentFormat, TemporalGraph, Transfer, TransferBuilder, TransferId,
};

use super::{run_rules, RuleConfig, RuleHit, RuleKind};

/// 2022-09-01T00:00:00Z, so that times in tests are hours from a plausible start.
pub(crate) const START: i64 = 1_661_990_400;

/// A graph under construction; every account is in bank `b`.
pub(crate) struct Kit {
    accounts: Accounts,
    transfers: TransferBuilder,
}

impl Kit {
    pub(crate) fn new() -> Kit {
        Kit {
            accounts: Accounts::new(),
            transfers: TransferBuilder::new(),
        }
    }

    /// Adds a payment of `amount` USD from `from` to `to`, `hours` after [`START`].
    pub(crate) fn pay(
        &mut self,
        from: &str,
        to: &str,
        hours: f64,
        amount: f64,
        format: PaymentFormat,
    ) {
        let src = self.accounts.intern("b", from).expect("short key");
        let dst = self.accounts.intern("b", to).expect("short key");
        let ts = START + (hours * 3600.0).round() as i64;
        let t = Transfer::new(src, dst, ts, amount, Currency::USD, format);
        self.transfers.push(&t).expect("few transfers");
    }

    /// An ACH payment, the format that no rule singles out.
    pub(crate) fn ach(&mut self, from: &str, to: &str, hours: f64, amount: f64) {
        self.pay(from, to, hours, amount, PaymentFormat::Ach);
    }

    pub(crate) fn graph(self) -> TemporalGraph {
        TemporalGraph::new(self.accounts, self.transfers.finish()).expect("known accounts")
    }
}

/// The hits of `rule` under the default configuration.
pub(crate) fn hits(graph: &TemporalGraph, rule: RuleKind) -> Vec<RuleHit> {
    hits_with(graph, rule, &RuleConfig::default())
}

/// The hits of `rule` under `config`.
pub(crate) fn hits_with(
    graph: &TemporalGraph,
    rule: RuleKind,
    config: &RuleConfig,
) -> Vec<RuleHit> {
    run_rules(graph, config).hits_of(rule).cloned().collect()
}

/// The transfers of a hit as `from>to` pairs of account numbers, in time order.
pub(crate) fn legs(graph: &TemporalGraph, ids: &[TransferId]) -> Vec<String> {
    let (a, t) = (graph.accounts(), graph.transfers());
    ids.iter()
        .map(|&id| format!("{}>{}", a.number(t.src(id)), a.number(t.dst(id))))
        .collect()
}

/// The accounts of a hit as account numbers.
pub(crate) fn names(graph: &TemporalGraph, hit: &RuleHit) -> Vec<String> {
    hit.accounts
        .iter()
        .map(|&v| graph.accounts().number(v).to_string())
        .collect()
}
