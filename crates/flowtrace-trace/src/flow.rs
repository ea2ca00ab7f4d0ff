//! The answer of a trace: the transfers and accounts the money went through, how much of it each
//! carried, and where it ended.

use std::collections::BTreeMap;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};
use serde::Serialize;

use crate::query::Policy;
use crate::reach::Side;

/// A transfer on the traced flow.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct TracedTransfer {
    /// The transfer.
    pub id: TransferId,
    /// Fewest hops from a seed (0: it carried traced money but was not followed).
    pub hop: u8,
    /// Its amount in the base currency (as paid forwards, as received backwards).
    pub amount: f64,
    /// The traced part of it.
    pub traced: f64,
}

/// An account on the traced flow.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct TracedAccount {
    /// The account.
    pub id: AccountId,
    /// Whether the trace started here.
    pub seed: bool,
    /// Fewest hops of a transfer that brought traced money here (0 for a seed).
    pub hop: u8,
    /// Traced money that arrived.
    pub traced_in: f64,
    /// Traced money that left.
    pub traced_out: f64,
    /// Traced money still here at the end.
    pub held: f64,
    /// Traced money that rested here longer than the window and stopped moving.
    pub stalled: f64,
    /// The part of `traced_out` that left by transfers beyond the hop limit or below the
    /// minimum amount (transfers the trace does not list).
    pub not_followed: f64,
}

/// Where the traced money ended, in total.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Ends {
    /// Still held by accounts at the end of the range.
    pub held: f64,
    /// Rested longer than the window.
    pub stalled: f64,
    /// Left the banking system as cash (backwards: entered it as cash).
    pub cash: f64,
    /// Carried by transfers beyond the hop limit or below the minimum amount.
    pub not_followed: f64,
    /// Came back to a seed.
    pub returned_to_seeds: f64,
}

impl Ends {
    /// Sum of all ends.
    pub fn total(&self) -> f64 {
        self.held + self.stalled + self.cash + self.not_followed + self.returned_to_seeds
    }
}

/// One direction of a trace.
#[derive(Clone, Debug, Serialize)]
pub struct Flow {
    /// Forward (where money went) or backward (where it came from).
    #[serde(serialize_with = "side_name")]
    pub side: Side,
    /// How amounts were attributed.
    pub policy: Policy,
    /// Traced money that left the seeds (backwards: that reached them).
    pub from_seeds: f64,
    /// Where it ended.
    pub ends: Ends,
    /// Transfers the search reached (within the hop limit, at least the minimum amount),
    /// ascending id; what left by others is each account's `not_followed`.
    pub transfers: Vec<TracedTransfer>,
    /// Seeds and accounts that traced money reached, ascending id.
    pub accounts: Vec<TracedAccount>,
}

fn side_name<S: serde::Serializer>(side: &Side, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match side {
        Side::Forward => "forward",
        Side::Backward => "backward",
    })
}

/// Traced money per group (bank, country, hop).
#[derive(Clone, Debug, Serialize)]
pub struct GroupTotal {
    /// The group's name.
    pub group: String,
    /// Accounts in it that traced money reached.
    pub accounts: usize,
    /// Traced money that arrived there.
    pub traced_in: f64,
    /// Traced money held there at the end.
    pub held: f64,
}

impl Flow {
    /// `forward` or `backward`.
    pub fn side_name(&self) -> &'static str {
        match self.side {
            Side::Forward => "forward",
            Side::Backward => "backward",
        }
    }

    /// The account's entry, if the flow reached it.
    pub fn account(&self, id: AccountId) -> Option<&TracedAccount> {
        self.accounts
            .binary_search_by_key(&id, |a| a.id)
            .ok()
            .map(|i| &self.accounts[i])
    }

    /// Accounts (not seeds) that received traced money.
    pub fn reached(&self) -> impl Iterator<Item = &TracedAccount> {
        self.accounts
            .iter()
            .filter(|a| !a.seed && a.traced_in > 0.0)
    }

    /// Traced money by the bank of the receiving account, largest first.
    pub fn by_bank(&self, g: &TemporalGraph) -> Vec<GroupTotal> {
        self.group_by(|a| g.accounts().bank(a).to_string())
    }

    /// Traced money by the receiving account's country (`unknown` without account details).
    pub fn by_country(&self, g: &TemporalGraph) -> Vec<GroupTotal> {
        self.group_by(|a| {
            g.accounts()
                .info(a)
                .and_then(|i| i.country.clone())
                .unwrap_or_else(|| "unknown".into())
        })
    }

    /// Traced money by hop: what arrived at accounts first reached after that many hops.
    pub fn by_hop(&self) -> Vec<GroupTotal> {
        let mut hops: BTreeMap<u8, GroupTotal> = BTreeMap::new();
        for a in self.reached() {
            let t = hops.entry(a.hop).or_insert_with(|| GroupTotal {
                group: format!("hop {}", a.hop),
                accounts: 0,
                traced_in: 0.0,
                held: 0.0,
            });
            t.accounts += 1;
            t.traced_in += a.traced_in;
            t.held += a.held;
        }
        hops.into_values().collect()
    }

    fn group_by(&self, key: impl Fn(AccountId) -> String) -> Vec<GroupTotal> {
        let mut groups: BTreeMap<String, GroupTotal> = BTreeMap::new();
        for a in self.reached() {
            let name = key(a.id);
            let t = groups.entry(name.clone()).or_insert_with(|| GroupTotal {
                group: name,
                accounts: 0,
                traced_in: 0.0,
                held: 0.0,
            });
            t.accounts += 1;
            t.traced_in += a.traced_in;
            t.held += a.held;
        }
        let mut totals: Vec<GroupTotal> = groups.into_values().collect();
        totals.sort_by(|a, b| b.traced_in.total_cmp(&a.traced_in));
        totals
    }
}
