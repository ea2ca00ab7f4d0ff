//! Time-respecting connections between source and sink accounts: which transfers lie on one,
//! whether any survives a freeze, and one such path for the exact search to branch on.

use std::ops::Range;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};

const NONE: u32 = u32::MAX;

/// Sources, sinks and the time range of a cut problem.
pub struct Terminals<'a> {
    /// The graph.
    pub g: &'a TemporalGraph,
    /// Per account: is it a source.
    pub is_source: Vec<bool>,
    /// Per account: is it a sink.
    pub is_sink: Vec<bool>,
    /// Transfer ids in the time range.
    pub range: Range<TransferId>,
}

impl Terminals<'_> {
    /// Transfers on at least one time-respecting source-to-sink path, ascending.
    pub fn on_paths(&self) -> Vec<TransferId> {
        let t = self.g.transfers();
        let n = self.g.accounts().len();
        // arrival[v]: the earliest transfer that brought source money to v.
        let mut arrival = vec![NONE; n];
        for e in self.range.clone() {
            let (u, v) = (t.src(e) as usize, t.dst(e) as usize);
            if (self.is_source[u] || arrival[u] < e) && arrival[v] == NONE {
                arrival[v] = e;
            }
        }
        // departure[v]: the latest transfer by which money at v still reaches a sink.
        let mut departure = vec![NONE; n];
        for e in self.range.clone().rev() {
            let (u, v) = (t.src(e) as usize, t.dst(e) as usize);
            let onward = self.is_sink[v] || (departure[v] != NONE && departure[v] > e);
            if onward && departure[u] == NONE {
                departure[u] = e;
            }
        }
        self.range
            .clone()
            .filter(|&e| {
                let (u, v) = (t.src(e) as usize, t.dst(e) as usize);
                (self.is_source[u] || arrival[u] < e)
                    && (self.is_sink[v] || (departure[v] != NONE && e < departure[v]))
            })
            .collect()
    }

    /// A time-respecting source-to-sink path over `edges` (ascending) avoiding `frozen`
    /// accounts: its accounts, source first; `None` when the sinks are cut off.
    pub fn path_avoiding(&self, edges: &[TransferId], frozen: &[bool]) -> Option<Vec<AccountId>> {
        let t = self.g.transfers();
        let n = self.g.accounts().len();
        let mut arrival = vec![NONE; n];
        for &e in edges {
            let (u, v) = (t.src(e), t.dst(e));
            if frozen[u as usize] || frozen[v as usize] {
                continue;
            }
            let reached = self.is_source[u as usize] || arrival[u as usize] < e;
            if !reached {
                continue;
            }
            if self.is_sink[v as usize] {
                return Some(self.walk_back(e, &arrival));
            }
            if arrival[v as usize] == NONE {
                arrival[v as usize] = e;
            }
        }
        None
    }

    fn walk_back(&self, last: TransferId, arrival: &[u32]) -> Vec<AccountId> {
        let t = self.g.transfers();
        let mut path = vec![t.dst(last)];
        let mut e = last;
        loop {
            let u = t.src(e);
            path.push(u);
            if self.is_source[u as usize] {
                break;
            }
            e = arrival[u as usize];
        }
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flowtrace_graph::{Accounts, Currency, PaymentFormat, Transfer, TransferBuilder};

    #[test]
    fn paths_respect_time() {
        let mut accounts = Accounts::new();
        let [s, a, b, k] = ["s", "a", "b", "k"].map(|x| accounts.intern("1", x).unwrap());
        let mut builder = TransferBuilder::new();
        // a pays b before s pays a: no s->a->b->k path; s->b->k is one.
        for (from, to, ts) in [(a, b, 1), (s, a, 2), (b, k, 3), (s, b, 0)] {
            let tr = Transfer::new(from, to, ts, 1.0, Currency::USD, PaymentFormat::Wire);
            builder.push(&tr).unwrap();
        }
        let g = TemporalGraph::new(accounts, builder.finish()).unwrap();
        let mut is_source = vec![false; 4];
        let mut is_sink = vec![false; 4];
        is_source[s as usize] = true;
        is_sink[k as usize] = true;
        let terms = Terminals {
            g: &g,
            is_source,
            is_sink,
            range: 0..4,
        };
        let on: Vec<(AccountId, AccountId)> = terms
            .on_paths()
            .iter()
            .map(|&e| (g.transfers().src(e), g.transfers().dst(e)))
            .collect();
        assert_eq!(on, [(s, b), (b, k)]);
        let mut frozen = vec![false; 4];
        assert_eq!(
            terms.path_avoiding(&terms.on_paths(), &frozen),
            Some(vec![s, b, k])
        );
        frozen[b as usize] = true;
        assert_eq!(terms.path_avoiding(&terms.on_paths(), &frozen), None);
    }
}
