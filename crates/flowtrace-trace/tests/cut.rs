//! Freeze plans against brute force on small random graphs: the cut disconnects every source
//! from every sink, and it is as cheap as the cheapest possible.

use flowtrace_graph::{
    Accounts, Currency, PaymentFormat, TemporalGraph, Transfer, TransferBuilder,
};
use flowtrace_trace::cut::expanded::Expanded;
use flowtrace_trace::cut::network::Network;
use flowtrace_trace::cut::temporal::Terminals;
use flowtrace_trace::cut::{plan, CutQuery, CutUnit};
use flowtrace_trace::{trace, Rates, TraceQuery};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn random_graph(rng: &mut Rng, accounts: u32, transfers: usize) -> TemporalGraph {
    let mut table = Accounts::new();
    for i in 0..accounts {
        table.intern("1", &format!("a{i}")).unwrap();
    }
    let mut builder = TransferBuilder::new();
    for _ in 0..transfers {
        let (a, b) = (
            rng.below(accounts as u64) as u32,
            rng.below(accounts as u64) as u32,
        );
        let ts = rng.below(100) as i64;
        let amount = 1.0 + rng.below(100) as f64;
        builder
            .push(&Transfer::new(
                a,
                b,
                ts,
                amount,
                Currency::USD,
                PaymentFormat::Wire,
            ))
            .unwrap();
    }
    TemporalGraph::new(table, builder.finish()).unwrap()
}

/// The graph without the frozen accounts' transfers and the stopped transfers.
fn without(g: &TemporalGraph, frozen: &[u32], stopped: &[u32]) -> TemporalGraph {
    let t = g.transfers();
    let mut builder = TransferBuilder::new();
    for e in 0..t.len() as u32 {
        let gone = frozen.contains(&t.src(e)) || frozen.contains(&t.dst(e)) || stopped.contains(&e);
        if !gone {
            builder.push(&t.get(e)).unwrap();
        }
    }
    TemporalGraph::new(g.accounts().clone(), builder.finish()).unwrap()
}

/// Re-runs a forward trace from the sources on the graph minus the cut: no sink may receive.
fn trace_reaches_a_sink(g: &TemporalGraph, q: &CutQuery, frozen: &[u32], stopped: &[u32]) -> bool {
    let rest = without(g, frozen, stopped);
    let live: Vec<u32> = q
        .sources
        .iter()
        .copied()
        .filter(|s| !frozen.contains(s))
        .collect();
    if live.is_empty() {
        return false;
    }
    let mut query = TraceQuery::forward(live);
    query.max_hops = 255;
    query.policy = flowtrace_trace::Policy::Poison;
    let result = trace(&rest, &query, &Rates::identity(Currency::USD)).unwrap();
    let flow = result.forward.unwrap();
    q.sinks.iter().any(|&k| {
        flow.transfers
            .iter()
            .any(|x| x.hop > 0 && rest.transfers().dst(x.id) == k)
    })
}

/// Whether money can get from a source to a sink, by the plain definition: a sweep in time
/// order, skipping frozen accounts and stopped transfers.
fn connected(g: &TemporalGraph, q: &CutQuery, frozen: &[bool], stopped: &[bool]) -> bool {
    let t = g.transfers();
    let mut has = vec![false; g.accounts().len()];
    let mut since = vec![u32::MAX; g.accounts().len()];
    for &s in &q.sources {
        has[s as usize] = true;
        since[s as usize] = 0;
    }
    for e in 0..t.len() as u32 {
        let (u, v) = (t.src(e) as usize, t.dst(e) as usize);
        if frozen[u] || frozen[v] || stopped[e as usize] || !has[u] {
            continue;
        }
        // Money that arrived by an earlier transfer (or a source's own) may leave now.
        if since[u] != 0 && since[u] > e {
            continue;
        }
        if q.sinks.contains(&(v as u32)) {
            return true;
        }
        if !has[v] {
            has[v] = true;
            since[v] = e + 1;
        }
    }
    false
}

fn cheapest_account_cut(g: &TemporalGraph, q: &CutQuery, costs: &[f64]) -> f64 {
    let n = g.accounts().len();
    let none = vec![false; g.transfers().len()];
    (0..1u32 << n)
        .filter(|mask| {
            let frozen: Vec<bool> = (0..n).map(|i| mask >> i & 1 == 1).collect();
            !connected(g, q, &frozen, &none)
        })
        .map(|mask| {
            (0..n)
                .filter(|i| mask >> i & 1 == 1)
                .map(|i| costs[i])
                .sum()
        })
        .fold(f64::INFINITY, f64::min)
}

fn smallest_transfer_cut(g: &TemporalGraph, q: &CutQuery) -> usize {
    let m = g.transfers().len();
    let frozen = vec![false; g.accounts().len()];
    (0..1u32 << m)
        .filter(|mask| {
            let stopped: Vec<bool> = (0..m).map(|i| mask >> i & 1 == 1).collect();
            !connected(g, q, &frozen, &stopped)
        })
        .map(|mask| mask.count_ones() as usize)
        .min()
        .unwrap()
}

#[test]
fn account_cuts_disconnect_and_are_cheapest() {
    let mut rng = Rng(7);
    let rates = Rates::identity(Currency::USD);
    let mut nontrivial = 0;
    for case in 0..150 {
        let accounts = 6 + rng.below(6) as u32;
        let count = 6 + rng.below(40) as usize;
        let g = random_graph(&mut rng, accounts, count);
        let mut q = CutQuery::accounts(vec![0, 1], vec![accounts - 1, accounts - 2]);
        // Freezing a funder or a beneficiary is possible but dear: the cut lies between them
        // when it can.
        let mut costs = vec![1.0; accounts as usize];
        for &v in q.sources.iter().chain(&q.sinks) {
            costs[v as usize] = 8.0;
        }
        costs[2] = 2.5;
        q.costs = Some(costs.clone());
        let p = plan(&g, &q, &rates).unwrap();
        let none = vec![false; g.transfers().len()];
        let mut frozen = vec![false; accounts as usize];
        for &a in &p.accounts {
            frozen[a as usize] = true;
        }
        assert!(!connected(&g, &q, &frozen, &none), "case {case}: {p:?}");
        assert!(
            !trace_reaches_a_sink(&g, &q, &p.accounts, &[]),
            "case {case}"
        );
        assert_eq!(
            trace_reaches_a_sink(&g, &q, &[], &[]),
            p.transfers_on_paths > 0
        );
        assert!(!p.connected_after);
        assert_eq!(p.flow_after, 0.0, "case {case}");
        assert!(p.optimal);
        let cheapest = cheapest_account_cut(&g, &q, &costs);
        assert!(
            (p.cost - cheapest).abs() < 1e-9,
            "case {case}: {p:?} vs {cheapest}"
        );
        let between = p
            .accounts
            .iter()
            .filter(|&&a| costs[a as usize] < 8.0)
            .count();
        nontrivial += usize::from(between >= 2);
    }
    assert!(
        nontrivial >= 5,
        "only {nontrivial} cases needed two or more accounts"
    );
}

#[test]
fn transfer_cuts_are_exact_minimum_cuts() {
    let mut rng = Rng(11);
    let rates = Rates::identity(Currency::USD);
    for case in 0..150 {
        let accounts = 5 + rng.below(4) as u32;
        let count = 4 + rng.below(11) as usize;
        let g = random_graph(&mut rng, accounts, count);
        let mut q = CutQuery::accounts(vec![0], vec![accounts - 1]);
        q.unit = CutUnit::Transfers;
        let p = plan(&g, &q, &rates).unwrap();
        let mut stopped = vec![false; g.transfers().len()];
        for &e in &p.transfers {
            stopped[e as usize] = true;
        }
        assert!(
            !connected(&g, &q, &vec![false; accounts as usize], &stopped),
            "case {case}"
        );
        assert!(
            !trace_reaches_a_sink(&g, &q, &[], &p.transfers),
            "case {case}"
        );
        assert_eq!(
            p.transfers.len(),
            smallest_transfer_cut(&g, &q),
            "case {case}: {p:?}"
        );
    }
}

#[test]
fn a_budget_stops_a_share_of_the_money() {
    let mut rng = Rng(3);
    let rates = Rates::identity(Currency::USD);
    let g = random_graph(&mut rng, 30, 400);
    let mut q = CutQuery::accounts(vec![0, 1], vec![28, 29]);
    let full = plan(&g, &q, &rates).unwrap();
    assert!(full.flow_before > 0.0);
    let mut last = full.flow_before;
    for k in 1..=3 {
        q.budget = Some(k);
        let p = plan(&g, &q, &rates).unwrap();
        assert!(p.accounts.len() <= k);
        assert!(
            p.flow_after <= last + 1e-9,
            "more accounts never let more through"
        );
        assert!((0.0..=1.0).contains(&p.share_stopped()));
        last = p.flow_after;
    }
}

#[test]
fn bad_cut_requests_are_errors() {
    let mut rng = Rng(5);
    let g = random_graph(&mut rng, 5, 10);
    let rates = Rates::identity(Currency::USD);
    assert!(plan(&g, &CutQuery::accounts(vec![], vec![1]), &rates).is_err());
    assert!(plan(&g, &CutQuery::accounts(vec![0], vec![99]), &rates).is_err());
    let mut q = CutQuery::accounts(vec![0], vec![1]);
    q.costs = Some(vec![1.0; 2]);
    assert!(plan(&g, &q, &rates).is_err());
}

/// The plain time-expanded network: one node per moment (an account's side of one transfer,
/// a self-transfer paying before it receives), an unlimited arc from each moment to its
/// account's next, the sources into their accounts' first moments and the sinks' last moments
/// out. Its maximum flow is the reference for the merged network `cut` builds.
fn one_node_per_moment_flow(
    g: &TemporalGraph,
    terms: &Terminals,
    edges: &[u32],
    frozen: &[u32],
) -> f64 {
    let t = g.transfers();
    let mut moments: Vec<(u32, u32, bool, usize)> = Vec::new();
    for (i, &e) in edges.iter().enumerate() {
        moments.push((t.src(e), e, false, i));
        moments.push((t.dst(e), e, true, i));
    }
    moments.sort_unstable();
    let mut net = Network::new(moments.len() + 2);
    let (source, sink) = (moments.len() as u32, moments.len() as u32 + 1);
    let (mut pay, mut receive) = (vec![0u32; edges.len()], vec![0u32; edges.len()]);
    for (k, &(account, _, receives, i)) in moments.iter().enumerate() {
        let node = k as u32;
        if receives {
            receive[i] = node;
        } else {
            pay[i] = node;
        }
        let first = k == 0 || moments[k - 1].0 != account;
        let last = k + 1 == moments.len() || moments[k + 1].0 != account;
        if first && terms.is_source[account as usize] {
            net.add_arc(source, node, f64::INFINITY);
        }
        if last && terms.is_sink[account as usize] {
            net.add_arc(node, sink, f64::INFINITY);
        }
        if !last {
            net.add_arc(node, node + 1, f64::INFINITY);
        }
    }
    for (i, &e) in edges.iter().enumerate() {
        let gone = frozen.contains(&t.src(e)) || frozen.contains(&t.dst(e));
        net.add_arc(
            pay[i],
            receive[i],
            if gone { 0.0 } else { t.amount_paid(e) },
        );
    }
    net.max_flow(source, sink)
}

/// `cut` keeps an account's receipts and the payments right after them in one node; on random
/// graphs (self-transfers, same-second transfers, several sources and sinks, frozen accounts)
/// the money that can flow must be what the one-node-per-moment network carries.
#[test]
fn merged_moments_carry_the_flow_of_one_node_per_moment() {
    let mut rng = Rng(17);
    let rates = Rates::identity(Currency::USD);
    let mut flowing = 0;
    for case in 0..300 {
        let accounts = 4 + rng.below(8) as u32;
        let count = 5 + rng.below(60) as usize;
        let g = random_graph(&mut rng, accounts, count);
        let n = accounts as usize;
        let mut terms = Terminals {
            g: &g,
            is_source: vec![false; n],
            is_sink: vec![false; n],
            range: 0..g.transfers().len() as u32,
        };
        terms.is_source[0] = true;
        terms.is_sink[n - 1] = true;
        if case % 3 == 0 {
            terms.is_source[1] = true;
            terms.is_sink[n - 2] = true;
        }
        let edges = terms.on_paths();
        let money = Expanded::build(&terms, &edges, &rates);
        let frozen: Vec<u32> = if case % 4 == 0 { vec![2] } else { vec![] };
        let merged = money.max_flow(&frozen, &[]);
        let plain = one_node_per_moment_flow(&g, &terms, &edges, &frozen);
        assert!(
            (merged - plain).abs() <= 1e-9 * plain.max(1.0),
            "case {case}: {merged} vs {plain}"
        );
        flowing += usize::from(plain > 0.0);
    }
    assert!(flowing > 100, "only {flowing} cases had any flow");
}
