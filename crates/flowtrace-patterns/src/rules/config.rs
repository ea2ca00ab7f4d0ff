//! The rules' thresholds, with the defaults a bank's first monitoring scenario would start from.
//!
//! Windows are in seconds ([`HOUR`], [`DAY`]); amounts are in the currency of the account they
//! concern (there is no exchange-rate table in the model, so a 10,000 threshold means 10,000 of
//! whatever the depositing account holds). Every struct reads from JSON or TOML with missing
//! fields taking their defaults.

use serde::{Deserialize, Serialize};

/// One hour, in seconds.
pub const HOUR: i64 = 3_600;
/// One day, in seconds.
pub const DAY: i64 = 86_400;

/// Thresholds of every rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleConfig {
    /// Which accounts count as hubs and are left out of the graph-shaped rules.
    pub hubs: HubConfig,
    /// Cash deposits under a reporting threshold.
    pub structuring: StructuringConfig,
    /// Fan-out and fan-in bursts.
    pub fan: FanConfig,
    /// Temporal cycles.
    pub cycle: CycleConfig,
    /// Scatter-gather and gather-scatter.
    pub scatter: ScatterConfig,
    /// Rapid pass-through chains.
    pub pass_through: PassThroughConfig,
    /// Crowdfunding-like collection.
    pub crowdfunding: CrowdfundingConfig,
}

/// Hubs: accounts whose overall degree (transfers in plus out) is above the `percentile`-th
/// percentile of all accounts' degrees and at least `min_degree`. The model has no account kind,
/// so degree is how merchants, utilities, payroll and cash desks are told apart; the minimum
/// keeps a small world from calling its busiest ordinary account a hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HubConfig {
    /// Percentile of the degree distribution above which an account is a hub (default 99.9).
    pub percentile: f64,
    /// Smallest degree of a hub (default 100).
    pub min_degree: usize,
}

impl Default for HubConfig {
    fn default() -> Self {
        HubConfig {
            percentile: 99.9,
            min_degree: 100,
        }
    }
}

/// Structuring: at least `min_deposits` Cash transfers into one account within `window`, each
/// received amount in `[lower_fraction * threshold, threshold)`. Outgoing transfers of that
/// account within `onward_window` after the last deposit, each of at least `onward_fraction` of
/// the deposits' sum, are flagged with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StructuringConfig {
    /// Reporting threshold (default 10,000, as in the US, Canada and Australia).
    pub threshold: f64,
    /// Smallest deposit, as a fraction of the threshold (default 0.8).
    pub lower_fraction: f64,
    /// Deposits needed (default 3).
    pub min_deposits: usize,
    /// Longest span of the deposits, seconds (default 7 days).
    pub window: i64,
    /// How long after the last deposit a payment out is looked for, seconds (default 3 days).
    pub onward_window: i64,
    /// Smallest payment out, as a fraction of the deposits' sum (default 0.6).
    pub onward_fraction: f64,
}

impl Default for StructuringConfig {
    fn default() -> Self {
        StructuringConfig {
            threshold: 10_000.0,
            lower_fraction: 0.8,
            min_deposits: 3,
            window: 7 * DAY,
            onward_window: 3 * DAY,
            onward_fraction: 0.6,
        }
    }
}

/// Fan bursts: one account paying (fan-out) or paid by (fan-in) at least `min_counterparties`
/// distinct accounts within `window`. Transfers with hubs are not counted, nor are card
/// payments, except to an account that makes fewer than `card_payee_max_degree` transfers in
/// all: a shop takes cards from many, while cards paying near-dormant accounts are a way to
/// move money that looks like shopping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FanConfig {
    /// Distinct counterparties needed (default 8).
    pub min_counterparties: usize,
    /// Longest span of the burst, seconds (default 4 days).
    pub window: i64,
    /// Card payments count when the account paid makes fewer transfers than this, received and
    /// made together (default 20; 0 never counts a card payment).
    pub card_payee_max_degree: usize,
}

impl Default for FanConfig {
    fn default() -> Self {
        FanConfig {
            min_counterparties: 8,
            window: 4 * DAY,
            card_payee_max_degree: 20,
        }
    }
}

/// Temporal cycles: `min_hops..=max_hops` transfers returning to the first payer, each strictly
/// later than the previous, all within `window`, and each after the first carrying on between
/// `min_carry` and `max_carry` of what the previous one brought (same currency). The shortest
/// such cycle is reported for each first transfer.
///
/// The carry condition is what makes a cycle money going round rather than any walk that
/// happens to come home: without it, in a simulated world of 200,000 transfers one transfer in
/// eight starts some 2-to-6-hop cycle through busy company accounts. It is also what keeps the
/// rule cheap: each allowed hand-off (a transfer in, a later transfer out carrying on the right
/// share) is stored while the rule runs, about one per transfer with the default bounds and
/// up to `max_branching` per transfer with none. Structural cycle counts, amounts ignored, are
/// graph features, not this rule.
///
/// The search follows at most `max_branching` transfers out of each account after each
/// transfer in (the way back included) and takes at most `step_budget` steps from one first
/// transfer, so a dense corner of the graph costs a bounded amount and may hide a cycle: the
/// price of a bounded baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CycleConfig {
    /// Fewest hops (default 2).
    pub min_hops: usize,
    /// Most hops (default 6; at most 8).
    pub max_hops: usize,
    /// Longest span from first to last transfer, seconds (default 10 days).
    pub window: i64,
    /// Smallest share of the previous hop's amount a hop carries on (default 0.5).
    pub min_carry: f64,
    /// Largest share of the previous hop's amount a hop carries on (default 1.0: an
    /// intermediary keeps a cut, it does not add its own money).
    pub max_carry: f64,
    /// Transfers followed out of one account, earliest first (default 32).
    pub max_branching: usize,
    /// Search steps from one first transfer (default 2,000).
    pub step_budget: usize,
}

impl Default for CycleConfig {
    fn default() -> Self {
        CycleConfig {
            min_hops: 2,
            max_hops: 6,
            window: 10 * DAY,
            min_carry: 0.5,
            max_carry: 1.0,
            max_branching: 32,
            step_budget: 2_000,
        }
    }
}

/// Scatter-gather (one source paying at least `min_width` distinct middles that each pay the
/// same sink) and gather-scatter (at least `min_width` distinct sources paying one account that
/// then pays at least `min_width` distinct sinks, every payment out after every payment in),
/// each instance within `window`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScatterConfig {
    /// Distinct middles, sources and sinks needed (default 3).
    pub min_width: usize,
    /// Longest span of an instance, seconds (default 4 days).
    pub window: i64,
    /// Payments followed out of a middle after it was paid, earliest first (default 32).
    pub max_branching: usize,
}

impl Default for ScatterConfig {
    fn default() -> Self {
        ScatterConfig {
            min_width: 3,
            window: 4 * DAY,
            max_branching: 32,
        }
    }
}

/// Rapid pass-through: an account receives at least `min_amount` and within `max_delay` pays a
/// different account between `min_fraction` and `max_fraction` of it (same currency, also at
/// least `min_amount`); chains of such hand-offs at least `min_hops` transfers long are flagged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PassThroughConfig {
    /// Smallest amount of each transfer (default 1,000).
    pub min_amount: f64,
    /// Smallest share passed on (default 0.85).
    pub min_fraction: f64,
    /// Largest share passed on (default 1.0).
    pub max_fraction: f64,
    /// Longest wait before passing on, seconds (default 48 hours).
    pub max_delay: i64,
    /// Transfers in a chain (default 3).
    pub min_hops: usize,
}

impl Default for PassThroughConfig {
    fn default() -> Self {
        PassThroughConfig {
            min_amount: 1_000.0,
            min_fraction: 0.85,
            max_fraction: 1.0,
            max_delay: 48 * HOUR,
            min_hops: 3,
        }
    }
}

/// Crowdfunding-like collection: at least `min_donors` payments under `max_donation` from
/// distinct payers into one account within `window`, then one payment out of between
/// `onward_fraction` and `max_onward_fraction` of their sum within `onward_window` after the
/// last. The upper bound keeps out accounts that take small payments and pay large bills
/// (without it, most busy company accounts match).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CrowdfundingConfig {
    /// A donation is below this amount (default 500).
    pub max_donation: f64,
    /// Distinct donors needed (default 8).
    pub min_donors: usize,
    /// Longest span of the donations, seconds (default 5 days).
    pub window: i64,
    /// How long after the last donation the payment out may come, seconds (default 5 days).
    pub onward_window: i64,
    /// Smallest payment out, as a fraction of the donations' sum (default 0.7).
    pub onward_fraction: f64,
    /// Largest payment out, as a fraction of the donations' sum (default 1.1: a collector
    /// may add a little of its own).
    pub max_onward_fraction: f64,
}

impl Default for CrowdfundingConfig {
    fn default() -> Self {
        CrowdfundingConfig {
            max_donation: 500.0,
            min_donors: 8,
            window: 5 * DAY,
            onward_window: 5 * DAY,
            onward_fraction: 0.7,
            max_onward_fraction: 1.1,
        }
    }
}
