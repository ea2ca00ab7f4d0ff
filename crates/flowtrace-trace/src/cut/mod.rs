//! The freeze plan: the cheapest set of accounts (or transfers) whose freezing leaves no
//! time-respecting flow from the sources to the sinks, or the best few within a budget.
//!
//! Money is modelled on the time-expanded network ([`expanded`]): each account is a chain of
//! moments (one per transfer it makes or receives), money may wait in an account (an unlimited
//! arc to its next moment) and each transfer is an arc from the payer's moment to the payee's
//! with the transfer's amount as capacity. Its maximum flow is the most money that could have
//! moved from sources to sinks, and for transfers the minimum cut of that network is exactly
//! the cheapest set of transfers to stop (each transfer is one arc).
//!
//! For accounts it is harder: freezing an account removes all its moments at once, and the
//! smallest such set (a temporal vertex separator) is NP-hard to find in general. flowtrace
//! takes the minimum vertex cut of the accounts on time-respecting paths (a max-flow, always a
//! valid freeze), drops members that turn out unnecessary, then searches exactly by branching on
//! the accounts of a surviving path, which proves the optimum when the search finishes within
//! [`CutQuery::search_limit`] steps; the plan says whether it did.

pub mod expanded;
pub mod network;
mod residual;
mod separator;
pub mod temporal;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};
use serde::Serialize;

use crate::rates::Rates;
use crate::TraceError;
use temporal::Terminals;

/// What gets frozen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CutUnit {
    /// Whole accounts.
    Accounts,
    /// Single transfers.
    Transfers,
}

/// A cut request.
#[derive(Clone, Debug)]
pub struct CutQuery {
    /// Where the money starts (funders).
    pub sources: Vec<AccountId>,
    /// Where it must not arrive (beneficiaries).
    pub sinks: Vec<AccountId>,
    /// What gets frozen.
    pub unit: CutUnit,
    /// Cost of freezing each account (indexed by account id); `None` for 1 each.
    pub costs: Option<Vec<f64>>,
    /// Freeze at most this many accounts, choosing those that stop the most money.
    pub budget: Option<usize>,
    /// Transfers outside `[since, until]` are ignored.
    pub since: Option<i64>,
    /// See `since`.
    pub until: Option<i64>,
    /// Steps the exact account search may take before settling for the best plan found.
    pub search_limit: usize,
}

impl CutQuery {
    /// A full account cut between `sources` and `sinks` at uniform cost.
    pub fn accounts(sources: Vec<AccountId>, sinks: Vec<AccountId>) -> CutQuery {
        CutQuery {
            sources,
            sinks,
            unit: CutUnit::Accounts,
            costs: None,
            budget: None,
            since: None,
            until: None,
            search_limit: 20_000,
        }
    }

    fn cost(&self, v: AccountId) -> f64 {
        self.costs.as_ref().map_or(1.0, |c| c[v as usize])
    }
}

/// The answer to a [`CutQuery`].
#[derive(Clone, Debug, Serialize)]
pub struct CutPlan {
    /// What was frozen.
    pub unit: CutUnit,
    /// Accounts to freeze (account cuts).
    pub accounts: Vec<AccountId>,
    /// Transfers to stop (transfer cuts).
    pub transfers: Vec<TransferId>,
    /// Total cost of the plan.
    pub cost: f64,
    /// Whether the plan is proven cheapest (always for transfers and budgets' greedy steps are
    /// not: see [`CutQuery::budget`]).
    pub optimal: bool,
    /// Transfers on some time-respecting source-to-sink path before the cut.
    pub transfers_on_paths: usize,
    /// Most money that could move from sources to sinks, before the freeze (base currency).
    pub flow_before: f64,
    /// The same after it.
    pub flow_after: f64,
    /// Whether a time-respecting path from a source to a sink survives the freeze (checked
    /// again on the graph without the frozen accounts or transfers).
    pub connected_after: bool,
}

impl CutPlan {
    /// Share of the money flow the plan stops (1 when nothing could flow).
    pub fn share_stopped(&self) -> f64 {
        if self.flow_before > 0.0 {
            1.0 - self.flow_after / self.flow_before
        } else {
            1.0
        }
    }
}

/// Plans the cut `query` asks for.
pub fn plan(g: &TemporalGraph, query: &CutQuery, rates: &Rates) -> Result<CutPlan, TraceError> {
    let n = g.accounts().len();
    if query.sources.is_empty() || query.sinks.is_empty() {
        return Err(TraceError::Query(
            "a cut needs at least one source and one sink account".into(),
        ));
    }
    if let Some(&bad) = query
        .sources
        .iter()
        .chain(&query.sinks)
        .find(|&&v| v as usize >= n)
    {
        return Err(TraceError::Query(format!(
            "account id {bad} is not in the graph"
        )));
    }
    if let Some(costs) = &query.costs {
        if costs.len() != n || costs.iter().any(|c| !(c.is_finite() && *c > 0.0)) {
            return Err(TraceError::Query(
                "account costs must be positive and given for every account".into(),
            ));
        }
    }
    let mut terms = Terminals {
        g,
        is_source: vec![false; n],
        is_sink: vec![false; n],
        range: g.transfers().ids_between(
            query.since.unwrap_or(i64::MIN),
            query.until.unwrap_or(i64::MAX),
        ),
    };
    for &s in &query.sources {
        terms.is_source[s as usize] = true;
    }
    for &k in &query.sinks {
        terms.is_sink[k as usize] = true;
    }
    let edges = terms.on_paths();
    let money = expanded::Expanded::build(&terms, &edges, rates);
    let flow_before = money.max_flow(&[], &[]);
    let (accounts, transfers, optimal) = match (query.unit, query.budget) {
        (CutUnit::Transfers, _) => {
            let cut = expanded::Expanded::build_unit(&terms, &edges).min_transfer_cut();
            (Vec::new(), cut, true)
        }
        (CutUnit::Accounts, None) => {
            let (cut, optimal) = separator::minimum(&terms, &edges, query);
            (cut, Vec::new(), optimal)
        }
        (CutUnit::Accounts, Some(k)) => (money.greedy_freeze(k, query), Vec::new(), false),
    };
    let mut frozen = vec![false; n];
    for &a in &accounts {
        frozen[a as usize] = true;
    }
    let kept: Vec<TransferId> = edges
        .iter()
        .copied()
        .filter(|e| transfers.binary_search(e).is_err())
        .collect();
    let connected_after = terms.path_avoiding(&kept, &frozen).is_some();
    let flow_after = money.max_flow(&accounts, &transfers);
    let cost = match query.unit {
        CutUnit::Accounts => accounts.iter().map(|&a| query.cost(a)).sum(),
        CutUnit::Transfers => transfers.len() as f64,
    };
    Ok(CutPlan {
        unit: query.unit,
        accounts,
        transfers,
        cost,
        optimal,
        transfers_on_paths: edges.len(),
        flow_before,
        flow_after,
        connected_after,
    })
}
