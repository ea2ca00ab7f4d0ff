//! Transparent rule-based detectors: the baseline a bank's transaction monitoring runs.
//!
//! Each rule is a short, fixed definition with thresholds in [`RuleConfig`], and each hit says in
//! plain words why it fired ([`RuleHit::why`]). They are deliberately naive-but-honest: `flowtrace
//! demo` runs them next to the planted truth to show which typologies simple rules find and which
//! they miss. The rules:
//!
//! | rule | fires on |
//! |---|---|
//! | [`RuleKind::Structuring`] | repeated cash deposits just under a reporting threshold |
//! | [`RuleKind::FanOut`], [`RuleKind::FanIn`] | many distinct counterparties within days |
//! | [`RuleKind::TemporalCycle`] | money returning to its payer through time-ordered hops |
//! | [`RuleKind::ScatterGather`] | one source, several middles, one sink |
//! | [`RuleKind::GatherScatter`] | several sources into one account, then out to several sinks |
//! | [`RuleKind::PassThrough`] | most of each amount passed on within hours, hop after hop |
//! | [`RuleKind::Crowdfunding`] | many small donations, then most of their sum sent on |
//!
//! Accounts whose degree is huge (merchants, utilities, payroll: see [`HubConfig`]) are left out
//! of the graph-shaped rules. That keeps the rules from drowning in ordinary commerce and keeps
//! their cost linear: no rule ever enumerates pairs of a 10,000-payer merchant's transfers.

mod config;
mod context;
mod crowdfunding;
mod cycles;
mod explain;
mod fan;
mod gather_scatter;
mod handoffs;
mod instance;
mod outbox;
mod pass_through;
mod report;
mod scatter_gather;
mod structuring;
mod sweep;
#[cfg(test)]
mod testkit;
mod validate;
mod view;
mod window;

use std::collections::HashSet;
use std::fmt;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use config::{
    CrowdfundingConfig, CycleConfig, FanConfig, HubConfig, PassThroughConfig, RuleConfig,
    ScatterConfig, StructuringConfig, DAY, HOUR,
};
pub use instance::Instance;
pub use report::RuleReport;
pub use validate::ConfigError;

use context::Ctx;
use handoffs::Handoffs;

/// Which rule produced a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// Cash deposits just under the reporting threshold, maybe followed by a large payment out.
    Structuring,
    /// One account paying many distinct accounts within days.
    FanOut,
    /// Many distinct accounts paying one account within days.
    FanIn,
    /// A time-respecting cycle of 2 to 6 hops.
    TemporalCycle,
    /// Source -> several middles -> one sink.
    ScatterGather,
    /// Several sources -> one account -> several sinks, the payments out after those in.
    GatherScatter,
    /// A chain of transfers each passing on most of the previous one within hours.
    PassThrough,
    /// Many small payments from distinct payers, then most of their sum sent on.
    Crowdfunding,
}

impl RuleKind {
    /// Every rule, in report order.
    pub const ALL: [RuleKind; 8] = [
        RuleKind::Structuring,
        RuleKind::FanOut,
        RuleKind::FanIn,
        RuleKind::TemporalCycle,
        RuleKind::ScatterGather,
        RuleKind::GatherScatter,
        RuleKind::PassThrough,
        RuleKind::Crowdfunding,
    ];

    /// Short kebab-case name, as serialised (`fan-out`, `temporal-cycle`, ...).
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Structuring => "structuring",
            RuleKind::FanOut => "fan-out",
            RuleKind::FanIn => "fan-in",
            RuleKind::TemporalCycle => "temporal-cycle",
            RuleKind::ScatterGather => "scatter-gather",
            RuleKind::GatherScatter => "gather-scatter",
            RuleKind::PassThrough => "pass-through",
            RuleKind::Crowdfunding => "crowdfunding",
        }
    }
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One instance a rule found: which transfers and accounts, how strongly, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleHit {
    /// The rule that fired.
    pub rule: RuleKind,
    /// The transfers that make up the instance, ascending (that is, in time order).
    pub transfers: Vec<TransferId>,
    /// The accounts involved, the central one first (the depositor, the fan's centre, the
    /// cycle in hop order, the chain in order, ...), each once.
    pub accounts: Vec<AccountId>,
    /// Strength in (0, 1]: 0.5 when the hit just meets its rule's minimum, each further piece
    /// of evidence (one more deposit, counterparty, hop, ...) halving the distance to 1.
    pub score: f64,
    /// The explanation a person reads.
    pub why: String,
}

/// The score of a hit with `excess` pieces of evidence beyond its rule's minimum.
pub(crate) fn score(excess: usize) -> f64 {
    1.0 - 0.5f64.powi(excess.min(52) as i32 + 1)
}

/// Accounts in first-seen order, each once.
pub(crate) fn unique(accounts: impl IntoIterator<Item = AccountId>) -> Vec<AccountId> {
    let mut seen = HashSet::new();
    accounts.into_iter().filter(|&v| seen.insert(v)).collect()
}

/// Runs every rule over `graph` and collects the hits, sorted by rule and then by transfers so
/// the report is the same whatever the thread count.
pub fn run_rules(graph: &TemporalGraph, config: &RuleConfig) -> RuleReport {
    let ctx = Ctx::new(graph, &config.hubs);
    let found = sweep::sweep(&ctx, config);
    let mut hits = found.hits;
    let handoffs = Handoffs::new(&ctx, found.links);
    hits.extend(cycles::detect(&ctx, &config.cycle, &handoffs));
    drop(handoffs);
    hits.extend(pass_through::chains_of(
        &ctx,
        &config.pass_through,
        found.passes,
    ));
    hits.par_sort_unstable_by(|a, b| {
        (a.rule, &a.transfers, &a.accounts).cmp(&(b.rule, &b.transfers, &b.accounts))
    });
    RuleReport::new(hits)
}

#[cfg(test)]
mod tests {
    use flowtrace_graph::{Accounts, Currency, PaymentFormat, Transfer, TransferBuilder};

    use super::*;

    /// A few thousand pseudo-random transfers among a hundred accounts, dense enough for every
    /// rule to fire somewhere.
    fn tangle() -> TemporalGraph {
        let mut accounts = Accounts::new();
        let ids: Vec<AccountId> = (0..100)
            .map(|i| accounts.intern("b", &format!("{i}")).unwrap())
            .collect();
        let mut transfers = TransferBuilder::new();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..4_000 {
            let (src, dst) = (ids[next(100) as usize], ids[next(100) as usize]);
            let ts = 1_661_990_400 + next(14 * DAY as u64) as i64;
            let amount =
                [50.0, 450.0, 1_200.0, 9_500.0][next(4) as usize] * (0.9 + next(10) as f64 / 100.0);
            let format = PaymentFormat::ALL[next(5) as usize];
            let t = Transfer::new(src, dst, ts, amount, Currency::USD, format);
            transfers.push(&t).unwrap();
        }
        TemporalGraph::new(accounts, transfers.finish()).unwrap()
    }

    fn run_on(threads: usize, graph: &TemporalGraph) -> RuleReport {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| run_rules(graph, &RuleConfig::default()))
    }

    #[test]
    fn the_report_is_the_same_whatever_the_thread_count() {
        let graph = tangle();
        let one = run_on(1, &graph);
        assert_eq!(one, run_on(3, &graph));
        let fired = one.counts().iter().filter(|(_, n)| *n > 0).count();
        assert!(fired >= 4, "{:?}", one.counts());
    }

    #[test]
    fn every_hit_is_well_formed() {
        let graph = tangle();
        let report = run_rules(&graph, &RuleConfig::default());
        for hit in report.hits() {
            assert!(hit.transfers.windows(2).all(|w| w[0] < w[1]), "{hit:?}");
            assert!(hit.score > 0.0 && hit.score <= 1.0);
            assert!(!hit.why.is_empty() && !hit.accounts.is_empty());
            let involved = |v: &AccountId| {
                hit.transfers
                    .iter()
                    .any(|&e| graph.transfers().src(e) == *v || graph.transfers().dst(e) == *v)
            };
            assert!(hit.accounts.iter().all(involved), "{hit:?}");
        }
        let scores = report.transfer_scores(graph.transfers().len());
        assert_eq!(scores.len(), graph.transfers().len());
    }

    #[test]
    fn an_empty_graph_has_no_hits() {
        let graph = TemporalGraph::new(Accounts::new(), TransferBuilder::new().finish()).unwrap();
        let report = run_rules(&graph, &RuleConfig::default());
        assert!(report.hits().is_empty());
        assert_eq!(report.counts().len(), RuleKind::ALL.len());
    }
}
