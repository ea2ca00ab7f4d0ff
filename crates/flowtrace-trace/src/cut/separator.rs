//! The cheapest set of accounts whose freezing cuts every time-respecting source-to-sink path:
//! a max-flow vertex cut to start from, pruned, then an exact branch-and-bound search.

use flowtrace_graph::{AccountId, TransferId};

use super::network::{Network, UNLIMITED};
use super::temporal::Terminals;
use super::CutQuery;

/// Work the exact search may do in all, in transfer visits, so that a large flow subgraph
/// settles for the pruned max-flow cut instead of running for hours.
const SEARCH_WORK: usize = 200_000_000;

/// The cut and whether it is proven cheapest.
pub fn minimum(
    terms: &Terminals,
    edges: &[TransferId],
    query: &CutQuery,
) -> (Vec<AccountId>, bool) {
    if edges.is_empty() {
        return (Vec::new(), true);
    }
    let start = prune(terms, edges, query, static_vertex_cut(terms, edges, query));
    let mut search = Search {
        terms,
        edges,
        query,
        frozen: vec![false; terms.g.accounts().len()],
        banned: vec![false; terms.g.accounts().len()],
        chosen: Vec::new(),
        best_cost: start.iter().map(|&a| query.cost(a)).sum(),
        best: start,
        steps_left: query.search_limit.min(SEARCH_WORK / edges.len()).max(1),
        finished: true,
    };
    search.branch(0.0);
    let mut best = search.best;
    best.sort_unstable();
    (best, search.finished)
}

/// Minimum vertex cut of the static graph of `edges`: every time-respecting path is a path
/// there, so it is always a valid freeze, though possibly not the cheapest one.
fn static_vertex_cut(terms: &Terminals, edges: &[TransferId], query: &CutQuery) -> Vec<AccountId> {
    let t = terms.g.transfers();
    let mut accounts: Vec<AccountId> = edges.iter().flat_map(|&e| [t.src(e), t.dst(e)]).collect();
    accounts.sort_unstable();
    accounts.dedup();
    let index = |v: AccountId| accounts.binary_search(&v).unwrap_or(0) as u32;
    let n = accounts.len() as u32;
    // Node 2i is account i's entry, 2i + 1 its exit; the arc between costs the account's price.
    let mut net = Network::new(2 * accounts.len() + 2);
    let (source, sink) = (2 * n, 2 * n + 1);
    let mut gates = Vec::with_capacity(accounts.len());
    for (i, &v) in accounts.iter().enumerate() {
        let i = i as u32;
        gates.push(net.add_arc(2 * i, 2 * i + 1, query.cost(v)));
        if terms.is_source[v as usize] {
            net.add_arc(source, 2 * i, UNLIMITED);
        }
        if terms.is_sink[v as usize] {
            net.add_arc(2 * i + 1, sink, UNLIMITED);
        }
    }
    for &e in edges {
        net.add_arc(2 * index(t.src(e)) + 1, 2 * index(t.dst(e)), UNLIMITED);
    }
    net.max_flow(source, sink);
    let side = net.source_side(source);
    accounts
        .iter()
        .zip(&gates)
        .filter(|&(_, &arc)| {
            let (from, to) = net.ends(arc);
            side[from as usize] && !side[to as usize]
        })
        .map(|(&v, _)| v)
        .collect()
}

/// Drops members of `cut` (dearest first) whose freezing turns out unnecessary.
fn prune(
    terms: &Terminals,
    edges: &[TransferId],
    query: &CutQuery,
    mut cut: Vec<AccountId>,
) -> Vec<AccountId> {
    cut.sort_by(|&a, &b| query.cost(b).total_cmp(&query.cost(a)).then(a.cmp(&b)));
    let mut frozen = vec![false; terms.g.accounts().len()];
    for &v in &cut {
        frozen[v as usize] = true;
    }
    cut.retain(|&v| {
        frozen[v as usize] = false;
        let needed = terms.path_avoiding(edges, &frozen).is_some();
        frozen[v as usize] = needed;
        needed
    });
    cut
}

struct Search<'a> {
    terms: &'a Terminals<'a>,
    edges: &'a [TransferId],
    query: &'a CutQuery,
    frozen: Vec<bool>,
    /// Accounts an earlier sibling branch already tried: later branches leave them unfrozen,
    /// so that no set is searched twice.
    banned: Vec<bool>,
    chosen: Vec<AccountId>,
    best: Vec<AccountId>,
    best_cost: f64,
    steps_left: usize,
    finished: bool,
}

impl Search<'_> {
    /// Any freeze must hit every surviving path, so branch on which account of one path to
    /// freeze.
    fn branch(&mut self, cost: f64) {
        if cost >= self.best_cost - 1e-12 {
            return;
        }
        if self.steps_left == 0 {
            self.finished = false;
            return;
        }
        self.steps_left -= 1;
        let Some(mut path) = self.terms.path_avoiding(self.edges, &self.frozen) else {
            self.best = self.chosen.clone();
            self.best_cost = cost;
            return;
        };
        path.sort_unstable();
        path.dedup();
        path.retain(|&v| !self.banned[v as usize]);
        // Cheapest first finds good plans early, which prunes the rest.
        path.sort_by(|&a, &b| {
            self.query
                .cost(a)
                .total_cmp(&self.query.cost(b))
                .then(a.cmp(&b))
        });
        for &v in &path {
            self.frozen[v as usize] = true;
            self.chosen.push(v);
            self.branch(cost + self.query.cost(v));
            self.chosen.pop();
            self.frozen[v as usize] = false;
            self.banned[v as usize] = true;
        }
        for &v in &path {
            self.banned[v as usize] = false;
        }
    }
}
