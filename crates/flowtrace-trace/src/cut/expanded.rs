//! The time-expanded network of the transfers on source-to-sink paths: a chain of moments per
//! account, an unlimited arc from each moment to the next (money may wait), and one arc per
//! transfer from the payer's moment to the payee's. A run of receipts and the payments right
//! after them are one moment: only a receipt after a payment starts a new one.

use flowtrace_graph::{AccountId, TransferId};

use super::network::{Network, UNLIMITED};
use super::temporal::Terminals;
use super::CutQuery;
use crate::rates::Rates;

/// The network, with each transfer's arc.
pub struct Expanded {
    net: Network,
    source: u32,
    sink: u32,
    /// `(transfer, payer, payee, arc)` for every transfer on a path.
    arcs: Vec<(TransferId, AccountId, AccountId, usize)>,
}

impl Expanded {
    /// Capacities are the transfers' amounts in the base currency.
    pub fn build(terms: &Terminals, edges: &[TransferId], rates: &Rates) -> Expanded {
        let t = terms.g.transfers();
        Expanded::with_capacity(terms, edges, |e| {
            rates.to_base(t.amount_paid(e), t.currency_paid(e))
        })
    }

    /// Every transfer has capacity 1: the minimum cut counts transfers.
    pub fn build_unit(terms: &Terminals, edges: &[TransferId]) -> Expanded {
        Expanded::with_capacity(terms, edges, |_| 1.0)
    }

    fn with_capacity(
        terms: &Terminals,
        edges: &[TransferId],
        capacity: impl Fn(TransferId) -> f64,
    ) -> Expanded {
        let t = terms.g.transfers();
        // One moment per (account, transfer, side); a self-transfer pays before it receives.
        let mut moments: Vec<(AccountId, TransferId, bool, u32)> =
            Vec::with_capacity(edges.len() * 2);
        for (i, &e) in edges.iter().enumerate() {
            moments.push((t.src(e), e, false, i as u32));
            moments.push((t.dst(e), e, true, i as u32));
        }
        moments.sort_unstable();
        // Consecutive moments of an account share a node unless money arrives after a payment:
        // receipts followed by payments form one node (money that arrived by any of them may
        // leave by any of the payments), and waiting between them needs no arc.
        let mut node_of = Vec::with_capacity(moments.len());
        let mut nodes = 0u32;
        for (k, &(account, _, receives, _)) in moments.iter().enumerate() {
            let starts = k == 0 || moments[k - 1].0 != account || (receives && !moments[k - 1].2);
            nodes += u32::from(starts);
            node_of.push(nodes - 1);
        }
        let mut net = Network::new(nodes as usize + 2);
        let (source, sink) = (nodes, nodes + 1);
        let mut pay_node = vec![0u32; edges.len()];
        let mut receive_node = vec![0u32; edges.len()];
        for (k, &(account, _, receives, i)) in moments.iter().enumerate() {
            let node = node_of[k];
            if receives {
                receive_node[i as usize] = node;
            } else {
                pay_node[i as usize] = node;
            }
            let first = k == 0 || moments[k - 1].0 != account;
            let last = k + 1 == moments.len() || moments[k + 1].0 != account;
            if first && terms.is_source[account as usize] {
                net.add_arc(source, node, UNLIMITED);
            }
            if last && terms.is_sink[account as usize] {
                net.add_arc(node, sink, UNLIMITED);
            }
            if !last && node_of[k + 1] != node {
                net.add_arc(node, node + 1, UNLIMITED);
            }
        }
        let arcs = edges
            .iter()
            .enumerate()
            .map(|(i, &e)| {
                let arc = net.add_arc(pay_node[i], receive_node[i], capacity(e));
                (e, t.src(e), t.dst(e), arc)
            })
            .collect();
        Expanded {
            net,
            source,
            sink,
            arcs,
        }
    }

    /// The maximum flow with `frozen` accounts and `stopped` transfers (ascending) removed.
    pub fn max_flow(&self, frozen: &[AccountId], stopped: &[TransferId]) -> f64 {
        self.run(frozen, stopped).1
    }

    fn run(&self, frozen: &[AccountId], stopped: &[TransferId]) -> (Network, f64) {
        let mut net = self.net.clone();
        for &(e, payer, payee, arc) in &self.arcs {
            if frozen.contains(&payer)
                || frozen.contains(&payee)
                || stopped.binary_search(&e).is_ok()
            {
                net.set_capacity(arc, 0.0);
            }
        }
        let flow = net.max_flow(self.source, self.sink);
        (net, flow)
    }

    /// The transfers of a minimum cut (ascending).
    pub fn min_transfer_cut(&self) -> Vec<TransferId> {
        let (net, _) = self.run(&[], &[]);
        let side = net.source_side(self.source);
        let mut cut: Vec<TransferId> = self
            .arcs
            .iter()
            .filter(|&&(_, _, _, arc)| {
                let (from, to) = net.ends(arc);
                side[from as usize] && !side[to as usize]
            })
            .map(|&(e, ..)| e)
            .collect();
        cut.sort_unstable();
        cut
    }

    /// Up to `budget` accounts chosen one at a time, each the one whose freezing leaves the
    /// least money flowing (among the 40 that carry most of the current flow).
    pub fn greedy_freeze(&self, budget: usize, query: &CutQuery) -> Vec<AccountId> {
        let mut frozen: Vec<AccountId> = Vec::new();
        for _ in 0..budget {
            let (net, flow) = self.run(&frozen, &[]);
            if flow <= 0.0 {
                break;
            }
            let mut through: std::collections::BTreeMap<AccountId, f64> = Default::default();
            for &(_, payer, payee, arc) in &self.arcs {
                let f = net.flow(arc);
                if f > 0.0 {
                    *through.entry(payer).or_default() += f;
                    *through.entry(payee).or_default() += f;
                }
            }
            let mut candidates: Vec<(AccountId, f64)> = through.into_iter().collect();
            candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            candidates.truncate(40);
            let best = candidates
                .iter()
                .map(|&(v, _)| {
                    let mut trial = frozen.clone();
                    trial.push(v);
                    (v, self.max_flow(&trial, &[]))
                })
                .min_by(|a, b| {
                    a.1.total_cmp(&b.1)
                        .then(query.cost(a.0).total_cmp(&query.cost(b.0)))
                        .then(a.0.cmp(&b.0))
                });
            match best {
                Some((v, _)) => frozen.push(v),
                None => break,
            }
        }
        frozen.sort_unstable();
        frozen
    }
}
