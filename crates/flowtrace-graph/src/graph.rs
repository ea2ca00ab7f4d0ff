//! The temporal graph: each account's outgoing and incoming transfers, in time order (CSR).
//!
//! Transfer ids already follow time, so an account's adjacency list built by a stable counting
//! sort over ids is sorted by time for free, and "edges of `v` between `t0` and `t1`" becomes a
//! binary search on plain `u32` ids inside `v`'s slice: no timestamps need to be loaded to find it.

use std::ops::Range;

use crate::{AccountId, Accounts, ModelError, TransferId, Transfers};

/// Compressed sparse rows: `edges[offsets[v]..offsets[v + 1]]` are account `v`'s transfer ids.
#[derive(Clone, Debug)]
struct Adjacency {
    offsets: Vec<u32>,
    edges: Vec<TransferId>,
}

impl Adjacency {
    /// Groups transfer ids by `endpoint[id]`, keeping ids ascending within each group.
    fn build(endpoint: &[AccountId], accounts: usize) -> Result<Adjacency, ModelError> {
        let mut offsets = vec![0u32; accounts + 1];
        for &v in endpoint {
            let slot = offsets
                .get_mut(v as usize + 1)
                .ok_or(ModelError::UnknownAccount { id: v, accounts })?;
            *slot += 1;
        }
        for v in 0..accounts {
            offsets[v + 1] += offsets[v];
        }
        let mut next = offsets.clone();
        let mut edges = vec![0 as TransferId; endpoint.len()];
        for (id, &v) in endpoint.iter().enumerate() {
            let slot = &mut next[v as usize];
            edges[*slot as usize] = id as TransferId;
            *slot += 1;
        }
        Ok(Adjacency { offsets, edges })
    }

    #[inline]
    fn of(&self, v: AccountId) -> &[TransferId] {
        let v = v as usize;
        &self.edges[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }

    fn heap_bytes(&self) -> usize {
        (self.offsets.capacity() + self.edges.capacity()) * 4
    }
}

/// Accounts, their transfers in time order, and per-account adjacency in both directions.
#[derive(Clone)]
pub struct TemporalGraph {
    accounts: Accounts,
    transfers: Transfers,
    outgoing: Adjacency,
    incoming: Adjacency,
}

impl TemporalGraph {
    /// Builds the adjacency. Fails if a transfer names an account the table does not hold.
    pub fn new(accounts: Accounts, transfers: Transfers) -> Result<TemporalGraph, ModelError> {
        let (outgoing, incoming) = rayon::join(
            || Adjacency::build(transfers.srcs(), accounts.len()),
            || Adjacency::build(transfers.dsts(), accounts.len()),
        );
        let (outgoing, incoming) = (outgoing?, incoming?);
        Ok(TemporalGraph {
            accounts,
            transfers,
            outgoing,
            incoming,
        })
    }

    /// The account table.
    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// The transfers, in time order.
    pub fn transfers(&self) -> &Transfers {
        &self.transfers
    }

    /// Gives the parts back (for writers that need owned columns).
    pub fn into_parts(self) -> (Accounts, Transfers) {
        (self.accounts, self.transfers)
    }

    /// Transfers paid by `v`, in time order.
    #[inline]
    pub fn outgoing(&self, v: AccountId) -> &[TransferId] {
        self.outgoing.of(v)
    }

    /// Transfers received by `v`, in time order.
    #[inline]
    pub fn incoming(&self, v: AccountId) -> &[TransferId] {
        self.incoming.of(v)
    }

    /// Transfers paid by `v` with `from <= ts <= to`.
    pub fn outgoing_between(&self, v: AccountId, from: i64, to: i64) -> &[TransferId] {
        within(self.outgoing(v), self.transfers.ids_between(from, to))
    }

    /// Transfers received by `v` with `from <= ts <= to`.
    pub fn incoming_between(&self, v: AccountId, from: i64, to: i64) -> &[TransferId] {
        within(self.incoming(v), self.transfers.ids_between(from, to))
    }

    /// Every transfer id in time order: the global edge stream for streaming algorithms.
    pub fn stream(&self) -> Range<TransferId> {
        0..self.transfers.len() as TransferId
    }

    /// Number of transfers paid by `v`.
    pub fn out_degree(&self, v: AccountId) -> usize {
        self.outgoing(v).len()
    }

    /// Number of transfers received by `v`.
    pub fn in_degree(&self, v: AccountId) -> usize {
        self.incoming(v).len()
    }

    /// Bytes of heap memory held by the graph, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.accounts.heap_bytes()
            + self.transfers.heap_bytes()
            + self.outgoing.heap_bytes()
            + self.incoming.heap_bytes()
    }
}

/// The part of an ascending id slice that falls in `ids`.
fn within(edges: &[TransferId], ids: Range<TransferId>) -> &[TransferId] {
    let start = edges.partition_point(|&e| e < ids.start);
    let end = edges.partition_point(|&e| e < ids.end).max(start);
    &edges[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, PaymentFormat, Transfer, TransferBuilder};

    fn graph(rows: &[(&str, &str, i64)]) -> TemporalGraph {
        let mut accounts = Accounts::new();
        let mut builder = TransferBuilder::new();
        for &(from, to, ts) in rows {
            let src = accounts.intern("b", from).unwrap();
            let dst = accounts.intern("b", to).unwrap();
            let t = Transfer::new(src, dst, ts, 1.0, Currency::USD, PaymentFormat::Ach);
            builder.push(&t).unwrap();
        }
        TemporalGraph::new(accounts, builder.finish()).unwrap()
    }

    #[test]
    fn adjacency_is_in_time_order_even_for_unsorted_input() {
        let g = graph(&[
            ("a", "b", 30),
            ("a", "c", 10),
            ("c", "a", 20),
            ("a", "a", 15),
        ]);
        let a = g.accounts().lookup("b", "a").unwrap();
        let times: Vec<i64> = g.outgoing(a).iter().map(|&e| g.transfers().ts(e)).collect();
        assert_eq!(times, [10, 15, 30]);
        let times: Vec<i64> = g.incoming(a).iter().map(|&e| g.transfers().ts(e)).collect();
        assert_eq!(times, [15, 20]);
        assert_eq!(g.out_degree(a) + g.in_degree(a), 5);
    }

    #[test]
    fn window_queries_match_a_linear_filter() {
        let rows: Vec<(String, String, i64)> = (0..500)
            .map(|i| {
                (
                    format!("{}", i % 7),
                    format!("{}", (i * 3) % 11),
                    (i * 37 % 101) as i64,
                )
            })
            .collect();
        let refs: Vec<(&str, &str, i64)> = rows
            .iter()
            .map(|(a, b, t)| (a.as_str(), b.as_str(), *t))
            .collect();
        let g = graph(&refs);
        let t = g.transfers();
        for v in 0..g.accounts().len() as AccountId {
            for (from, to) in [(0, 100), (10, 20), (50, 50), (60, 40), (-5, 3)] {
                let want: Vec<TransferId> = g
                    .outgoing(v)
                    .iter()
                    .copied()
                    .filter(|&e| (from..=to).contains(&t.ts(e)))
                    .collect();
                assert_eq!(g.outgoing_between(v, from, to), want.as_slice());
                let want: Vec<TransferId> = g
                    .incoming(v)
                    .iter()
                    .copied()
                    .filter(|&e| (from..=to).contains(&t.ts(e)))
                    .collect();
                assert_eq!(g.incoming_between(v, from, to), want.as_slice());
            }
        }
    }

    #[test]
    fn empty_graph_is_fine() {
        let g = graph(&[]);
        assert_eq!(g.stream(), 0..0);
        assert_eq!(g.transfers().time_span(), None);
    }
}
