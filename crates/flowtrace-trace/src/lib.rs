//! Follow the money: time-respecting fund tracing with amount attribution, and the freeze plan
//! that cuts the flow from funders to beneficiaries.
//!
//! A trace starts from flagged accounts and follows their money forward (where it went) or
//! backward (where it came from), hop by hop, never leaving an account before it arrived there
//! ([`reach`]). Each transfer on the way carries the traced share its [`Policy`] gives it
//! ([`attribute`], with each policy's bookkeeping in `ledger.rs`), in one base currency
//! ([`Rates`]). The answer is a [`Flow`]: the traced transfers and accounts, where the money ended
//! (held, cashed out, stalled, beyond the hop limit) and totals by bank, country and hop.
//! [`cut`] plans which accounts (or transfers) to freeze so that no time-respecting flow connects
//! the sources to the sinks, or which few stop the most money.
//!
//! ```
//! use flowtrace_graph::{Accounts, Currency, PaymentFormat, TemporalGraph, Transfer, TransferBuilder};
//! use flowtrace_trace::{trace, Rates, TraceQuery};
//!
//! let mut accounts = Accounts::new();
//! let [donor, pool, fighter] = ["donor", "pool", "fighter"].map(|n| accounts.intern("1", n).unwrap());
//! let mut transfers = TransferBuilder::new();
//! for (src, dst, ts, amount) in [(donor, pool, 10, 500.0), (pool, fighter, 20, 300.0)] {
//!     transfers.push(&Transfer::new(src, dst, ts, amount, Currency::USD, PaymentFormat::Wire))?;
//! }
//! let graph = TemporalGraph::new(accounts, transfers.finish())?;
//! let result = trace(&graph, &TraceQuery::forward(vec![donor]), &Rates::identity(Currency::USD))?;
//! let flow = result.forward.unwrap();
//! assert_eq!(flow.account(fighter).unwrap().traced_in, 300.0);
//! assert_eq!(flow.ends.held, 500.0); // 200 still at the pool, 300 at the fighter
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

mod adjacency;
pub mod attribute;
pub mod cut;
pub mod export;
mod flow;
mod ledger;
mod moves;
mod query;
mod rates;
pub mod reach;
mod scratch;

use std::path::PathBuf;
use std::sync::OnceLock;

use flowtrace_graph::TemporalGraph;
use serde::Serialize;

pub use flow::{Ends, Flow, GroupTotal, TracedAccount, TracedTransfer};
pub use query::{parse_duration, Direction, Policy, TraceQuery};
pub use rates::Rates;
pub use reach::Side;

use adjacency::Adjacency;
use attribute::AccountState;
use moves::Moves;
use reach::SearchArrays;
use scratch::Pool;

/// Why a trace or a cut could not be made.
#[derive(Debug, thiserror::Error)]
pub enum TraceError {
    /// The request itself is wrong (the user's mistake).
    #[error("{0}")]
    Query(String),
    /// An input file (rates, account lists, costs) is wrong.
    #[error("{}, line {line}: {reason}", path.display())]
    Input {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when the whole file is at fault).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// An output could not be written.
    #[error("cannot write {}: {reason}", path.display())]
    Output {
        /// The file.
        path: PathBuf,
        /// The cause.
        reason: String,
    },
}

/// The answer to a [`TraceQuery`]: one flow per direction asked for.
#[derive(Clone, Debug, Serialize)]
pub struct Trace {
    /// Where the seeds' money went.
    pub forward: Option<Flow>,
    /// Where the seeds' money came from.
    pub backward: Option<Flow>,
}

impl Trace {
    /// The flows present, forward first.
    pub fn flows(&self) -> impl Iterator<Item = &Flow> {
        self.forward.iter().chain(self.backward.iter())
    }
}

/// Whether `v` is a cash desk, where money leaves (or enters) the banking system as cash: the
/// simulator's `CASH01`, `CASH02`, ... accounts, found beside each bank. Transfers in the `Cash`
/// payment format between two ordinary accounts (as AMLworld has them) are not desks.
pub fn is_cash_desk(graph: &TemporalGraph, v: flowtrace_graph::AccountId) -> bool {
    graph.accounts().number(v).starts_with("CASH")
}

/// A graph made ready for many traces: its exchange rates and which accounts are cash desks,
/// worked out once, and per side (built on first use, or up front by [`Tracer::prepare`]) each
/// account's edges with where they lead and each transfer's move with its haircut share, so that
/// each trace pays only for the part of the graph it walks.
pub struct Tracer<'g> {
    graph: &'g TemporalGraph,
    rates: Rates,
    desks: Vec<bool>,
    adjacency: [OnceLock<Adjacency>; 2],
    moves: [OnceLock<Moves>; 2],
    /// Per side and transfer, what the account it reaches pays after it (poison).
    paid_after: [OnceLock<Vec<f64>>; 2],
    hops: Pool<Vec<u8>>,
    search_arrays: Pool<SearchArrays>,
    account_states: Pool<Vec<AccountState>>,
}

impl<'g> Tracer<'g> {
    /// Prepares `graph` with amounts converted by `rates`.
    pub fn new(graph: &'g TemporalGraph, rates: Rates) -> Tracer<'g> {
        let desks = (0..graph.accounts().len() as flowtrace_graph::AccountId)
            .map(|v| is_cash_desk(graph, v))
            .collect();
        Tracer {
            graph,
            rates,
            desks,
            adjacency: [OnceLock::new(), OnceLock::new()],
            moves: [OnceLock::new(), OnceLock::new()],
            paid_after: [OnceLock::new(), OnceLock::new()],
            hops: Pool::new(),
            search_arrays: Pool::new(),
            account_states: Pool::new(),
        }
    }

    /// Builds now what traces in `direction` under `policies` would build on first use (a server
    /// calls this once after loading, so that no query pays for it). Only what those policies
    /// read is built: the moves take 48 bytes a transfer (either policy), what poison reads 8 more.
    pub fn prepare(&self, direction: Direction, policies: &[Policy]) {
        let sides: &[Side] = match direction {
            Direction::Forward => &[Side::Forward],
            Direction::Backward => &[Side::Backward],
            Direction::Both => &[Side::Forward, Side::Backward],
        };
        for &side in sides {
            self.adjacency(side);
            if policies.contains(&Policy::Haircut) || policies.contains(&Policy::Poison) {
                self.moves(side);
            }
            if policies.contains(&Policy::Poison) {
                self.paid_after(side);
            }
        }
        // One set of work arrays, made now rather than by the first trace: faulting in their
        // fresh pages took that trace three times as long as the ones after it.
        self.hops.give(self.take_hops());
        self.give_search_arrays(self.take_search_arrays());
        self.give_account_states(self.take_account_states());
    }

    /// Heap bytes held by what [`Tracer::prepare`] (or earlier traces) built.
    pub fn heap_bytes(&self) -> usize {
        let adjacency: usize = self
            .adjacency
            .iter()
            .filter_map(|a| a.get())
            .map(Adjacency::heap_bytes)
            .sum();
        let moves: usize = self
            .moves
            .iter()
            .filter_map(|m| m.get())
            .map(Moves::heap_bytes)
            .sum();
        let paid_after: usize = self
            .paid_after
            .iter()
            .filter_map(|t| t.get())
            .map(|t| t.capacity() * 8)
            .sum();
        self.desks.capacity() + adjacency + moves + paid_after
    }

    /// Each account's edges on `side` with where they lead.
    pub(crate) fn adjacency(&self, side: Side) -> &Adjacency {
        self.adjacency[side as usize].get_or_init(|| Adjacency::build(self.graph, side))
    }

    /// Every transfer on `side` as the fast attribution walk reads it.
    pub(crate) fn moves(&self, side: Side) -> &Moves {
        self.moves[side as usize].get_or_init(|| Moves::build(self.graph, &self.rates, side))
    }

    /// Per transfer on `side`, what the account it brings money to pays after it.
    pub(crate) fn paid_after(&self, side: Side) -> &[f64] {
        self.paid_after[side as usize]
            .get_or_init(|| moves::paid_after_arrival(self.graph, &self.rates, side))
    }

    /// A zeroed hop array, one entry per transfer.
    pub(crate) fn take_hops(&self) -> Vec<u8> {
        self.hops
            .take(|| flowtrace_memory::filled_on_huge_pages(self.graph.transfers().len(), 0))
    }

    /// The search's per-account arrays, clean.
    pub(crate) fn take_search_arrays(&self) -> SearchArrays {
        self.search_arrays.take(|| SearchArrays::new(&self.desks))
    }

    /// Returns the search's arrays, clean.
    pub(crate) fn give_search_arrays(&self, arrays: SearchArrays) {
        self.search_arrays.give(arrays);
    }

    /// The attribution's per-account books, clean.
    pub(crate) fn take_account_states(&self) -> Vec<AccountState> {
        self.account_states
            .take(|| AccountState::clean(&self.desks))
    }

    /// Returns the attribution's books, clean.
    pub(crate) fn give_account_states(&self, states: Vec<AccountState>) {
        self.account_states.give(states);
    }

    /// Keeps a finished search's hop array for the next one.
    fn recycle(&self, mut found: reach::Reach) {
        found.hops.fill(0);
        self.hops.give(found.hops);
    }

    /// The graph.
    pub fn graph(&self) -> &'g TemporalGraph {
        self.graph
    }

    /// The rates amounts are converted with.
    pub fn rates(&self) -> &Rates {
        &self.rates
    }

    /// Whether `v` is a cash desk (see [`is_cash_desk`]).
    #[inline]
    pub fn is_desk(&self, v: flowtrace_graph::AccountId) -> bool {
        self.desks[v as usize]
    }

    /// Traces `query`.
    pub fn trace(&self, query: &TraceQuery) -> Result<Trace, TraceError> {
        query.validate()?;
        if let Some(&bad) = query
            .seeds
            .iter()
            .find(|&&s| s as usize >= self.graph.accounts().len())
        {
            return Err(TraceError::Query(format!(
                "seed account id {bad} is not in the graph"
            )));
        }
        let run = |side| {
            let found = reach::reach(self, query, side);
            let flow = attribute::attribute(self, query, side, &found);
            self.recycle(found);
            flow
        };
        let (forward, backward) = match query.direction {
            Direction::Forward => (Some(run(Side::Forward)), None),
            Direction::Backward => (None, Some(run(Side::Backward))),
            Direction::Both => (Some(run(Side::Forward)), Some(run(Side::Backward))),
        };
        Ok(Trace { forward, backward })
    }
}

/// Traces `query` over `graph`, amounts in `rates`' base currency. For many traces of one
/// graph, make a [`Tracer`] once instead.
pub fn trace(
    graph: &TemporalGraph,
    query: &TraceQuery,
    rates: &Rates,
) -> Result<Trace, TraceError> {
    Tracer::new(graph, rates.clone()).trace(query)
}
