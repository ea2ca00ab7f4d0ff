//! Tracing planted schemes in simulated worlds: a forward trace from each funder reaches the
//! beneficiaries its money was planted to reach, a backward trace from each beneficiary reaches
//! its funders, and traced amounts are conserved on real-looking data.
//!
//! CI runs 200k-transfer versions of the `tf` and `hi` presets; the full-size worlds (1M and
//! 5M transfers) run with `cargo test --release -p flowtrace-trace --test worlds -- --ignored
//! --nocapture`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};
use flowtrace_io::{FileFormat, ReadOptions};
use flowtrace_sim::{simulate, OutputFormat, WorldConfig};
use flowtrace_trace::{
    is_cash_desk, reach, Direction, Flow, Policy, Rates, Side, TraceQuery, Tracer,
};

/// One planted instance: its own transfers, funders and beneficiaries.
struct Instance {
    typology: String,
    transfers: Vec<TransferId>,
    funders: Vec<AccountId>,
    beneficiaries: Vec<AccountId>,
    /// Collectors and front companies.
    starters: Vec<AccountId>,
}

fn world(preset: &str, transfers: Option<u64>, dir: &Path) -> TemporalGraph {
    let mut toml = format!("preset = \"{preset}\"\n");
    if let Some(n) = transfers {
        toml.push_str(&format!("transfers = {n}\naccounts = {}\n", n / 10));
    }
    let config = WorldConfig::from_toml(&toml).unwrap();
    simulate(&config, &[], dir, OutputFormat::Csv, None).unwrap();
    let loaded = flowtrace_io::read_transfers(
        &dir.join("transactions.csv"),
        FileFormat::AmlworldCsv,
        &ReadOptions::default(),
    )
    .unwrap();
    assert!(loaded.transfers.input_was_sorted());
    TemporalGraph::new(loaded.accounts, loaded.transfers).unwrap()
}

/// Instances from `truth.csv` (their pattern transfers) and `roles.csv` (funder and beneficiary
/// roles; where a scheme has none, as laundering schemes, the accounts that only pay or only
/// receive within it).
fn instances(g: &TemporalGraph, dir: &Path) -> Vec<Instance> {
    let mut by_id: BTreeMap<u32, Instance> = BTreeMap::new();
    let truth = std::fs::read_to_string(dir.join("truth.csv")).unwrap();
    for line in truth.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[3] != "pattern" {
            continue;
        }
        let id: u32 = f[1].parse().unwrap();
        let row: u32 = f[0].parse().unwrap();
        by_id
            .entry(id)
            .or_insert_with(|| Instance {
                typology: f[2].to_string(),
                transfers: Vec::new(),
                funders: Vec::new(),
                beneficiaries: Vec::new(),
                starters: Vec::new(),
            })
            .transfers
            .push(row - 1);
    }
    let roles = std::fs::read_to_string(dir.join("roles.csv")).unwrap();
    for line in roles.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (Ok(id), Some(account)) = (f[0].parse::<u32>(), g.accounts().lookup(f[2], f[3])) else {
            continue;
        };
        if let Some(instance) = by_id.get_mut(&id) {
            match f[4] {
                "funder" => instance.funders.push(account),
                "beneficiary" => instance.beneficiaries.push(account),
                "collector" | "front" => instance.starters.push(account),
                _ => {}
            }
        }
    }
    let t = g.transfers();
    for instance in by_id.values_mut() {
        let payers: BTreeSet<AccountId> = instance.transfers.iter().map(|&e| t.src(e)).collect();
        let payees: BTreeSet<AccountId> = instance.transfers.iter().map(|&e| t.dst(e)).collect();
        if instance.funders.is_empty() {
            // Schemes without donors start at whoever gathers the money (a structurer, a front
            // company), else at the accounts that only pay; cash desks are not funders.
            instance.funders = std::mem::take(&mut instance.starters);
        }
        if instance.funders.is_empty() {
            instance.funders = payers
                .difference(&payees)
                .copied()
                .filter(|&v| !is_cash_desk(g, v))
                .collect();
        }
        if instance.beneficiaries.is_empty() {
            instance.beneficiaries = payees.difference(&payers).copied().collect();
        }
        if instance.funders.is_empty() && instance.beneficiaries.is_empty() {
            // A cycle: its money starts with the first payer and passes everyone else.
            let first = t.src(instance.transfers[0]);
            instance.funders = vec![first];
            instance.beneficiaries = payees.iter().copied().filter(|&v| v != first).collect();
        }
    }
    by_id.into_values().collect()
}

/// Accounts money from `start` reaches over the instance's own transfers, in time order.
fn planted_reach(
    g: &TemporalGraph,
    transfers: &[TransferId],
    start: AccountId,
    backward: bool,
) -> BTreeSet<AccountId> {
    let t = g.transfers();
    let mut sorted = transfers.to_vec();
    sorted.sort_unstable();
    if backward {
        sorted.reverse();
    }
    let mut since: BTreeMap<AccountId, Option<TransferId>> = BTreeMap::from([(start, None)]);
    for e in sorted {
        let (from, to) = if backward {
            (t.dst(e), t.src(e))
        } else {
            (t.src(e), t.dst(e))
        };
        let ready = match since.get(&from) {
            Some(None) => true,
            Some(Some(a)) => {
                if backward {
                    e < *a
                } else {
                    e > *a
                }
            }
            None => false,
        };
        if ready && from != to && !is_cash_desk(g, from) {
            since.entry(to).or_insert(Some(e));
        }
    }
    since.into_keys().filter(|&v| v != start).collect()
}

/// How many of `wanted` a trace from `seed` reaches. Every `sample`-th trace (by count) runs in
/// full, with amounts attributed (haircut) and conservation checked; the others run the search
/// alone, which decides reach the same way (traced money arrives exactly where the search
/// goes) and is what makes the full-size worlds affordable.
fn found(
    tracer: &Tracer,
    seed: AccountId,
    direction: Direction,
    wanted: &[AccountId],
    full: bool,
) -> usize {
    let mut q = TraceQuery::forward(vec![seed]);
    q.direction = direction;
    q.max_hops = 12;
    q.policy = Policy::Haircut;
    if full {
        let result = tracer.trace(&q).unwrap();
        let flow = result.forward.or(result.backward).unwrap();
        check_conservation(&flow);
        return wanted
            .iter()
            .filter(|&&v| flow.account(v).is_some_and(|a| a.traced_in > 0.0))
            .count();
    }
    let side = match direction {
        Direction::Backward => Side::Backward,
        _ => Side::Forward,
    };
    let search = reach::reach(tracer, &q, side);
    let arrived: BTreeSet<AccountId> = search
        .transfers()
        .map(|e| side.to(tracer.graph(), e))
        .collect();
    wanted.iter().filter(|v| arrived.contains(v)).count()
}

/// Per typology: (planted pairs, pairs the trace found) forward and backward.
fn check_world(preset: &str, transfers: Option<u64>, sample: usize) {
    let dir = tempfile::tempdir().unwrap();
    let g = world(preset, transfers, dir.path());
    let tracer = Tracer::new(&g, Rates::implied(g.transfers()));
    let mut table: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let started = std::time::Instant::now();
    let mut traces = 0;
    for instance in instances(&g, dir.path()) {
        let row = table.entry(instance.typology.clone()).or_default();
        for (backward, starts, ends) in [
            (false, &instance.funders, &instance.beneficiaries),
            (true, &instance.beneficiaries, &instance.funders),
        ] {
            for &start in starts {
                let planted = planted_reach(&g, &instance.transfers, start, backward);
                let wanted: Vec<AccountId> = ends
                    .iter()
                    .copied()
                    .filter(|v| planted.contains(v))
                    .collect();
                if wanted.is_empty() {
                    continue;
                }
                let direction = if backward {
                    Direction::Backward
                } else {
                    Direction::Forward
                };
                let hits = found(&tracer, start, direction, &wanted, traces % sample == 0);
                traces += 1;
                let at = if backward { 2 } else { 0 };
                row[at] += wanted.len();
                row[at + 1] += hits;
            }
        }
    }
    println!(
        "{preset} world, {} transfers: {traces} traces (1 in {sample} with amounts) in {:.1} s",
        g.transfers().len(),
        started.elapsed().as_secs_f64()
    );
    println!(
        "{:<20} {:>22} {:>22}",
        "typology", "forward found/planted", "backward found/planted"
    );
    let mut totals = [0usize; 4];
    for (typology, row) in &table {
        println!(
            "{typology:<20} {:>14}/{:<7} {:>14}/{:<7}",
            row[1], row[0], row[3], row[2]
        );
        for i in 0..4 {
            totals[i] += row[i];
        }
    }
    println!(
        "{:<20} {:>14}/{:<7} {:>14}/{:<7}",
        "all", totals[1], totals[0], totals[3], totals[2]
    );
    assert!(totals[0] > 0 && totals[2] > 0, "no planted pairs to check");
    let forward = totals[1] as f64 / totals[0] as f64;
    let backward = totals[3] as f64 / totals[2] as f64;
    assert!(
        forward >= 0.95,
        "forward traces found {forward:.3} of planted beneficiaries"
    );
    assert!(
        backward >= 0.95,
        "backward traces found {backward:.3} of planted funders"
    );
}

/// Traced money is never created: each transfer carries at most its amount, each account passes
/// on at most what it received, and the ends add up to what left the seed.
fn check_conservation(flow: &Flow) {
    for x in &flow.transfers {
        assert!(x.traced <= x.amount * (1.0 + 1e-9) + 1e-9, "{x:?}");
    }
    for a in flow.accounts.iter().filter(|a| !a.seed) {
        let out = a.traced_out + a.held + a.stalled;
        assert!(
            (out - a.traced_in).abs() <= 1e-6 * a.traced_in.max(1.0),
            "{a:?}"
        );
    }
    // Cross-currency transfers convert at the median implied rate, so the ends may differ from
    // what left the seed by what those transfers gained or lost against it.
    let drift = (flow.ends.total() - flow.from_seeds).abs();
    assert!(
        drift <= 0.05 * flow.from_seeds.max(1.0),
        "ends {:?} vs {}",
        flow.ends,
        flow.from_seeds
    );
}

#[test]
fn terrorist_financing_world_small() {
    check_world("tf", Some(200_000), 1);
}

#[test]
fn laundering_world_small() {
    check_world("hi", Some(200_000), 1);
}

#[test]
#[ignore = "1M transfers; run in release"]
fn terrorist_financing_world_full() {
    check_world("tf", None, 20);
}

#[test]
#[ignore = "5M transfers; run in release"]
fn laundering_world_full() {
    check_world("hi", None, 20);
}
