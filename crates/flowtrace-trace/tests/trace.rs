//! Tracing on small graphs: time order, hops, windows, cash, cycles, conservation, the fast
//! attribution against the replay, and the search against a brute-force definition on random
//! graphs; on large ones, the work split between threads against one thread's.

use flowtrace_graph::{
    AccountId, Accounts, Currency, PaymentFormat, TemporalGraph, Transfer, TransferBuilder,
};
use flowtrace_trace::{
    attribute, reach, trace, Direction, Flow, Policy, Rates, Side, TraceQuery, Tracer,
};

/// `(from, to, ts, amount)` rows over accounts named by small numbers.
fn graph(accounts: u32, rows: &[(u32, u32, i64, f64)]) -> TemporalGraph {
    graph_with_formats(
        accounts,
        &rows
            .iter()
            .map(|&(a, b, t, x)| (a, b, t, x, PaymentFormat::Wire))
            .collect::<Vec<_>>(),
    )
}

fn graph_with_formats(
    accounts: u32,
    rows: &[(u32, u32, i64, f64, PaymentFormat)],
) -> TemporalGraph {
    graph_with_desk(accounts, None, rows)
}

/// Account `desk` (if any) is a cash desk, `CASH01`; the others are ordinary.
fn graph_with_desk(
    accounts: u32,
    desk: Option<u32>,
    rows: &[(u32, u32, i64, f64, PaymentFormat)],
) -> TemporalGraph {
    let mut table = Accounts::new();
    for i in 0..accounts {
        let name = if Some(i) == desk {
            "CASH01".to_string()
        } else {
            format!("a{i}")
        };
        table.intern("1", &name).unwrap();
    }
    let mut builder = TransferBuilder::new();
    for &(a, b, ts, amount, format) in rows {
        builder
            .push(&Transfer::new(a, b, ts, amount, Currency::USD, format))
            .unwrap();
    }
    TemporalGraph::new(table, builder.finish()).unwrap()
}

fn run(g: &TemporalGraph, query: &TraceQuery) -> Flow {
    let result = trace(g, query, &Rates::identity(Currency::USD)).unwrap();
    result.forward.or(result.backward).unwrap()
}

fn traced_in(flow: &Flow, v: AccountId) -> f64 {
    flow.account(v).map_or(0.0, |a| a.traced_in)
}

#[test]
fn money_never_travels_back_in_time() {
    // 0 pays 1 at t=10; 1 paid 2 at t=5, before it had the money; 1 pays 3 at t=20.
    let g = graph(4, &[(0, 1, 10, 100.0), (1, 2, 5, 50.0), (1, 3, 20, 60.0)]);
    let flow = run(&g, &TraceQuery::forward(vec![0]));
    assert_eq!(traced_in(&flow, 2), 0.0);
    assert!(traced_in(&flow, 3) > 0.0);
    let mut back = TraceQuery::forward(vec![3]);
    back.direction = Direction::Backward;
    let flow = run(&g, &back);
    assert!(traced_in(&flow, 0) > 0.0, "3's money came from 0 through 1");
    assert_eq!(traced_in(&flow, 2), 0.0, "2 never paid anyone");
}

#[test]
fn hop_limit_and_minimum_amount_stop_the_trace() {
    let chain: Vec<(u32, u32, i64, f64)> = (0..8).map(|i| (i, i + 1, i as i64, 100.0)).collect();
    let g = graph(9, &chain);
    let mut q = TraceQuery::forward(vec![0]);
    q.max_hops = 3;
    let flow = run(&g, &q);
    assert!(traced_in(&flow, 3) > 0.0);
    assert_eq!(traced_in(&flow, 4), 0.0);
    assert_eq!(
        flow.ends.not_followed, 100.0,
        "the 4th transfer carried it beyond the limit"
    );
    q.max_hops = 20;
    q.min_amount = 150.0;
    let flow = run(&g, &q);
    assert_eq!(traced_in(&flow, 1), 0.0);
}

#[test]
fn window_lets_rested_money_stop() {
    // 1 receives at t=0 and pays on at t=100 and t=10_000.
    let g = graph(
        4,
        &[(0, 1, 0, 100.0), (1, 2, 100, 40.0), (1, 3, 10_000, 60.0)],
    );
    let mut q = TraceQuery::forward(vec![0]);
    q.window = Some(3_600);
    q.policy = Policy::Fifo;
    let flow = run(&g, &q);
    assert_eq!(traced_in(&flow, 2), 40.0);
    assert_eq!(traced_in(&flow, 3), 0.0);
    assert_eq!(flow.ends.stalled, 60.0);
}

#[test]
fn cash_ends_the_trace() {
    // 1 hands 20 in cash to 4 (a payment like any other), then withdraws 70 at desk 2.
    let g = graph_with_desk(
        5,
        Some(2),
        &[
            (0, 1, 0, 100.0, PaymentFormat::Wire),
            (1, 4, 1, 20.0, PaymentFormat::Cash),
            (1, 2, 2, 70.0, PaymentFormat::Cash),
            (2, 3, 3, 70.0, PaymentFormat::Wire),
        ],
    );
    let mut q = TraceQuery::forward(vec![0]);
    q.policy = Policy::Fifo;
    let flow = run(&g, &q);
    assert_eq!(flow.ends.cash, 70.0);
    assert_eq!(traced_in(&flow, 4), 20.0);
    assert_eq!(
        traced_in(&flow, 3),
        0.0,
        "cash is not followed past the desk"
    );
}

#[test]
fn cycles_do_not_count_money_twice() {
    // 0 seeds 100 into a ring 1 -> 2 -> 3 -> 1 that turns the money round three times.
    let mut rows = vec![(0, 1, 0, 100.0)];
    for round in 0..3 {
        let t = 1 + round * 3;
        rows.extend([(1, 2, t, 100.0), (2, 3, t + 1, 100.0), (3, 1, t + 2, 100.0)]);
    }
    let g = graph(4, &rows);
    for policy in [Policy::Haircut, Policy::Fifo, Policy::Lifo] {
        let mut q = TraceQuery::forward(vec![0]);
        q.policy = policy;
        q.max_hops = 50;
        let flow = run(&g, &q);
        assert!((flow.from_seeds - 100.0).abs() < 1e-9);
        assert!(
            (flow.ends.total() - 100.0).abs() < 1e-9,
            "{policy}: {:?}",
            flow.ends
        );
        assert!((flow.ends.held - 100.0).abs() < 1e-9, "{policy}");
        assert!((traced_in(&flow, 1) - 100.0).abs() > 0.0);
    }
}

/// A small deterministic generator (xorshift) for random graphs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_rows(
    rng: &mut Rng,
    accounts: u32,
    transfers: usize,
) -> Vec<(u32, u32, i64, f64, PaymentFormat)> {
    (0..transfers)
        .map(|_| {
            let format = if rng.below(12) == 0 {
                PaymentFormat::Cash
            } else {
                PaymentFormat::Wire
            };
            (
                rng.below(accounts as u64) as u32,
                rng.below(accounts as u64) as u32,
                rng.below(200) as i64,
                1.0 + rng.below(500) as f64,
                format,
            )
        })
        .collect()
}

/// Fewest hops per transfer by the definition, iterated to a fixed point.
fn brute_hops(g: &TemporalGraph, q: &TraceQuery, backward: bool) -> Vec<u8> {
    let t = g.transfers();
    let n = t.len() as u32;
    let from = |e| if backward { t.dst(e) } else { t.src(e) };
    let to = |e| if backward { t.src(e) } else { t.dst(e) };
    let before = |a: u32, b: u32| if backward { a > b } else { a < b };
    let ok = |e: u32| t.amount_paid(e) >= q.min_amount;
    let mut hops = vec![0u8; n as usize];
    for e in 0..n {
        if ok(e) && q.seeds.contains(&from(e)) && !q.seeds.contains(&to(e)) {
            hops[e as usize] = 1;
        }
    }
    loop {
        let mut changed = false;
        for e in 0..n {
            if !ok(e) || hops[e as usize] == 1 || q.seeds.contains(&from(e)) {
                continue;
            }
            let best = (0..n)
                .filter(|&p| {
                    hops[p as usize] != 0
                        && to(p) == from(e)
                        && before(p, e)
                        && to(p) != 2
                        && q.window.is_none_or(|w| (t.ts(e) - t.ts(p)).abs() <= w)
                })
                .map(|p| hops[p as usize] + 1)
                .min();
            if let Some(h) = best.filter(|&h| u32::from(h) <= q.max_hops) {
                if hops[e as usize] == 0 || h < hops[e as usize] {
                    hops[e as usize] = h;
                    changed = true;
                }
            }
        }
        if !changed {
            return hops;
        }
    }
}

#[test]
fn search_matches_the_definition_on_random_graphs() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut multi_hop = 0;
    for case in 0..120 {
        let accounts = 3 + rng.below(10) as u32;
        let count = 5 + rng.below(60) as usize;
        let rows = random_rows(&mut rng, accounts, count);
        let g = graph_with_desk(accounts, Some(2), &rows);
        let mut q = TraceQuery::forward(vec![0, (case % accounts as usize) as u32]);
        q.max_hops = 1 + rng.below(6) as u32;
        q.window = (case % 3 == 0).then_some(rng.below(80) as i64);
        q.min_amount = if case % 4 == 0 { 100.0 } else { 0.0 };
        for backward in [false, true] {
            q.direction = if backward {
                Direction::Backward
            } else {
                Direction::Forward
            };
            let want = brute_hops(&g, &q, backward);
            let flow = run(&g, &q);
            let mut got = vec![0u8; g.transfers().len()];
            for x in flow.transfers.iter().filter(|x| x.hop > 0) {
                got[x.id as usize] = x.hop;
            }
            assert_eq!(got, want, "case {case}, backward {backward}");
            multi_hop += usize::from(want.iter().any(|&h| h > 2));
        }
    }
    assert!(
        multi_hop > 60,
        "only {multi_hop} cases went beyond two hops"
    );
}

#[test]
fn traced_amounts_are_conserved_on_random_graphs() {
    let mut rng = Rng(42);
    let mut mixed = 0;
    for case in 0..200 {
        let accounts = 3 + rng.below(12) as u32;
        let count = 10 + rng.below(80) as usize;
        let rows = random_rows(&mut rng, accounts, count);
        let g = graph_with_desk(accounts, Some(2), &rows);
        for policy in [Policy::Poison, Policy::Haircut, Policy::Fifo, Policy::Lifo] {
            for direction in [Direction::Forward, Direction::Backward] {
                let mut q = TraceQuery::forward(vec![case as u32 % accounts]);
                q.policy = policy;
                q.direction = direction;
                q.max_hops = 1 + rng.below(8) as u32;
                q.window = (case % 2 == 0).then_some(rng.below(100) as i64);
                let flow = run(&g, &q);
                for x in &flow.transfers {
                    assert!(x.traced <= x.amount + 1e-9, "case {case}: {x:?}");
                    assert!(x.traced >= 0.0);
                }
                if !policy.conserves() {
                    continue;
                }
                let tolerance = 1e-6 * flow.from_seeds.max(1.0);
                assert!(
                    (flow.ends.total() - flow.from_seeds).abs() <= tolerance,
                    "case {case} {policy} {direction:?}: ends {:?} vs {}",
                    flow.ends,
                    flow.from_seeds
                );
                mixed += usize::from(
                    flow.accounts
                        .iter()
                        .any(|a| a.traced_out > 0.0 && a.held > 0.0),
                );
                for a in flow.accounts.iter().filter(|a| !a.seed) {
                    let out = a.traced_out + a.held + a.stalled;
                    assert!(
                        (out - a.traced_in).abs() <= 1e-6 * a.traced_in.max(1.0),
                        "case {case} {policy}: account {a:?}"
                    );
                }
            }
        }
    }
    assert!(
        mixed > 200,
        "only {mixed} traces split money inside an account"
    );
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn walking_reached_transfers_attributes_as_the_replay_does() {
    let mut rng = Rng(7);
    let mut drained = 0;
    for case in 0..300 {
        let accounts = 3 + rng.below(12) as u32;
        let count = 10 + rng.below(120) as usize;
        let rows = random_rows(&mut rng, accounts, count);
        let g = graph_with_desk(accounts, Some(2), &rows);
        let tracer = Tracer::new(&g, Rates::identity(Currency::USD));
        for policy in [Policy::Haircut, Policy::Poison] {
            for side in [Side::Forward, Side::Backward] {
                let mut q = TraceQuery::forward(vec![case as u32 % accounts]);
                if case % 5 == 0 {
                    q.seeds.push((case as u32 + 1) % accounts);
                }
                q.policy = policy;
                q.max_hops = 1 + rng.below(8) as u32;
                q.min_amount = if case % 4 == 0 { 200.0 } else { 0.0 };
                let found = reach::reach(&tracer, &q, side);
                assert!(attribute::walks_reached_only(&tracer, &q, &found));
                let fast = attribute::attribute(&tracer, &q, side, &found);
                let slow = attribute::replay(&tracer, &q, side, &found);
                let at = format!("case {case} {policy} {side:?}");
                assert_same_flow(&fast, &slow, &at);
                for x in &fast.accounts {
                    drained += usize::from(x.traced_in > 0.0 && x.held == 0.0);
                }
            }
        }
    }
    assert!(
        drained > 100,
        "only {drained} accounts passed everything on"
    );
}

/// Asserts that two attributions of one search agree, transfer by transfer and account by
/// account.
fn assert_same_flow(fast: &Flow, slow: &Flow, at: &str) {
    assert!(close(fast.from_seeds, slow.from_seeds), "{at}");
    let (f, s) = (fast.ends, slow.ends);
    for (x, y) in [
        (f.held, s.held),
        (f.cash, s.cash),
        (f.not_followed, s.not_followed),
        (f.returned_to_seeds, s.returned_to_seeds),
    ] {
        assert!(close(x, y), "{at}: {f:?} vs {s:?}");
    }
    assert_eq!(fast.transfers.len(), slow.transfers.len(), "{at}");
    for (x, y) in fast.transfers.iter().zip(&slow.transfers) {
        assert_eq!((x.id, x.hop), (y.id, y.hop), "{at}");
        assert!(
            close(x.amount, y.amount) && close(x.traced, y.traced),
            "{at}: {x:?} vs {y:?}"
        );
    }
    assert_eq!(fast.accounts.len(), slow.accounts.len(), "{at}");
    for (x, y) in fast.accounts.iter().zip(&slow.accounts) {
        assert_eq!((x.id, x.seed, x.hop), (y.id, y.seed, y.hop), "{at}");
        for (a, b) in [
            (x.traced_in, y.traced_in),
            (x.traced_out, y.traced_out),
            (x.held, y.held),
            (x.not_followed, y.not_followed),
        ] {
            assert!(close(a, b), "{at}: {x:?} vs {y:?}");
        }
    }
}

/// The walk books its transfers in parts, telling the thread that maps the result's pages where
/// it is: a trace reaching many times a part's size must come out as the replay's, across every
/// part boundary.
#[test]
fn walking_many_parts_attributes_as_the_replay_does() {
    let mut rng = Rng(11);
    let accounts = 3_000;
    let rows = random_rows(&mut rng, accounts, 120_000);
    let g = graph_with_desk(accounts, Some(2), &rows);
    let tracer = Tracer::new(&g, Rates::identity(Currency::USD));
    for policy in [Policy::Haircut, Policy::Poison] {
        for side in [Side::Forward, Side::Backward] {
            let mut q = TraceQuery::forward(vec![5, 6]);
            q.policy = policy;
            q.max_hops = 4;
            let found = reach::reach(&tracer, &q, side);
            assert!(found.count > 50_000, "only {} reached", found.count);
            let fast = attribute::attribute(&tracer, &q, side, &found);
            let slow = attribute::replay(&tracer, &q, side, &found);
            assert_same_flow(&fast, &slow, &format!("{policy} {side:?}"));
        }
    }
}

/// The walk takes the reached transfers from the search's marks a block at a time: reached
/// transfers separated by long stretches of others (whole blocks without one) must all be
/// booked, in time order on either side.
#[test]
fn walking_across_stretches_without_reached_transfers_books_them_all() {
    let mut rng = Rng(13);
    // Money from 0 goes to 1, to 2 and to 3, a hundred thousand transfers apart; the
    // transfers around them stay among accounts 10 to 99.
    let mut rows = Vec::new();
    for (k, (from, to, amount)) in [(0, 1, 500.0), (1, 2, 300.0), (2, 3, 100.0)]
        .into_iter()
        .enumerate()
    {
        let start = k as i64 * 200_000;
        for i in 0..100_000 {
            let (a, b) = (10 + rng.below(90) as u32, 10 + rng.below(90) as u32);
            rows.push((a, b, start + i, 10.0, PaymentFormat::Wire));
        }
        rows.push((from, to, start + 100_000, amount, PaymentFormat::Wire));
    }
    for i in 0..100_000 {
        let (a, b) = (10 + rng.below(90) as u32, 10 + rng.below(90) as u32);
        rows.push((a, b, 600_000 + i, 10.0, PaymentFormat::Wire));
    }
    let g = graph_with_desk(100, None, &rows);
    let tracer = Tracer::new(&g, Rates::identity(Currency::USD));
    for policy in [Policy::Haircut, Policy::Poison] {
        for (side, seed) in [(Side::Forward, 0), (Side::Backward, 3)] {
            let mut q = TraceQuery::forward(vec![seed]);
            q.policy = policy;
            let found = reach::reach(&tracer, &q, side);
            assert_eq!(found.count, 3, "{policy} {side:?}");
            let fast = attribute::attribute(&tracer, &q, side, &found);
            let slow = attribute::replay(&tracer, &q, side, &found);
            assert_same_flow(&fast, &slow, &format!("{policy} {side:?}"));
            let hops: Vec<u8> = fast.transfers.iter().map(|x| x.hop).collect();
            let expected = match side {
                Side::Forward => [1, 2, 3],
                Side::Backward => [3, 2, 1],
            };
            assert_eq!(hops, expected, "{policy} {side:?}");
        }
    }
}

/// A search reaching thousands of accounts a hop splits each hop between threads: on a large
/// random graph it must find the same hops with two threads as with one.
#[test]
fn a_search_split_between_threads_finds_what_one_thread_finds() {
    let mut rng = Rng(5);
    let accounts = 12_000;
    let rows = random_rows(&mut rng, accounts, 400_000);
    let g = graph_with_desk(accounts, Some(2), &rows);
    let tracer = Tracer::new(&g, Rates::identity(Currency::USD));
    let pool = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    };
    let (one, two) = (pool(1), pool(2));
    for side in [Side::Forward, Side::Backward] {
        for min_amount in [0.0, 200.0] {
            // Many seeds, so that the early hops, before time runs out, expand thousands of
            // accounts each.
            let mut q = TraceQuery::forward((3..2_000).collect());
            q.max_hops = 6;
            q.min_amount = min_amount;
            let alone = one.install(|| reach::reach(&tracer, &q, side));
            let split = two.install(|| reach::reach(&tracer, &q, side));
            assert!(alone.count > 100_000, "only {} reached", alone.count);
            assert_eq!(alone.count, split.count, "{side:?} {min_amount}");
            assert!(alone.hops == split.hops, "{side:?} {min_amount}");
        }
    }
}
