//! The eight laundering typologies of IBM's AMLworld, with AMLworld's default sizes.
//!
//! Every generator takes the transfers it may use at most (`max`) and returns `None` when the
//! smallest instance of its typology does not fit, so the planner can meet the illicit ratio
//! exactly.

use super::context::{Draft, PlantContext};
use super::{Role, Typology};
use crate::config::LaunderingConfig;
use crate::world::population::AccountIdx;

/// Plants one instance of laundering typology `typology`.
pub fn plant(
    ctx: &mut PlantContext,
    config: &LaunderingConfig,
    typology: Typology,
    max: usize,
) -> Option<Draft> {
    match typology {
        Typology::FanOut => fan(ctx, config, max, true),
        Typology::FanIn => fan(ctx, config, max, false),
        Typology::Cycle => cycle(ctx, config, max),
        Typology::Random => random_walk(ctx, config, max),
        Typology::Bipartite => bipartite(ctx, config, max),
        Typology::Stack => stack(ctx, config, max),
        Typology::ScatterGather => scatter_gather(ctx, config, max),
        Typology::GatherScatter => gather_scatter(ctx, config, max),
        _ => None,
    }
}

/// A degree between 2 and `limit`, leaning small as AMLworld's do.
fn degree(ctx: &mut PlantContext, limit: usize) -> Option<usize> {
    (limit >= 2).then(|| 2 + ctx.rng.below(limit - 1).min(ctx.rng.below(limit - 1)))
}

fn fan(ctx: &mut PlantContext, config: &LaunderingConfig, max: usize, out: bool) -> Option<Draft> {
    let d = degree(ctx, (config.max_fan_degree as usize).min(max))?;
    let (typology, name) = if out {
        (Typology::FanOut, "Fan-Out")
    } else {
        (Typology::FanIn, "Fan-In")
    };
    let mut draft = Draft::new(typology, format!("Max {d}-degree {name}"));
    let hub = ctx.mule();
    let start = ctx.start_time();
    let span = ctx.days_left(4.0);
    let total = ctx.laundering_amount() * (d as f64).sqrt();
    let format = ctx.laundering_format();
    for _ in 0..d {
        let other = ctx.mule();
        let ts = ctx.within_days(start, span);
        let amount = total / d as f64 * (0.8 + 0.4 * ctx.rng.unit());
        let (from, to) = if out { (hub, other) } else { (other, hub) };
        draft
            .transfers
            .push(ctx.transfer(ts, from, to, amount, format));
        draft.roles.push((other, Role::Mule));
    }
    draft.roles.push((hub, Role::Mule));
    Some(draft)
}

/// A chain of `hops` transfers through `accounts` (cyclic when the last account is the first).
fn chain(ctx: &mut PlantContext, draft: &mut Draft, accounts: &[AccountIdx]) {
    let mut t = ctx.start_time();
    let mut amount = ctx.laundering_amount();
    let per_hop = ctx.days_left(10.0) * 24.0 / accounts.len() as f64;
    for pair in accounts.windows(2) {
        let format = ctx.laundering_format();
        draft
            .transfers
            .push(ctx.transfer(t, pair[0], pair[1], amount, format));
        t = ctx.after(t, 0.5, per_hop.max(0.6));
        // The next payer holds the money in its own currency.
        amount = ctx.pass_on(ctx.converted(amount, pair[0], pair[1]));
    }
    for &a in accounts {
        if !draft.roles.iter().any(|&(r, _)| r == a) {
            draft.roles.push((a, Role::Mule));
        }
    }
}

fn cycle(ctx: &mut PlantContext, config: &LaunderingConfig, max: usize) -> Option<Draft> {
    let [lo, hi] = config.cycle_hops.map(|h| h as usize);
    let hi = hi.min(max);
    if hi < lo {
        return None;
    }
    let hops = lo + ctx.rng.below(hi - lo + 1);
    let mut draft = Draft::new(Typology::Cycle, format!("Max {hops} hops"));
    let mut accounts: Vec<AccountIdx> = (0..hops).map(|_| ctx.mule()).collect();
    accounts.push(accounts[0]);
    chain(ctx, &mut draft, &accounts);
    Some(draft)
}

fn random_walk(ctx: &mut PlantContext, config: &LaunderingConfig, max: usize) -> Option<Draft> {
    let [lo, hi] = config.random_hops.map(|h| h as usize);
    let hi = hi.min(max);
    if hi < lo {
        return None;
    }
    let hops = lo + ctx.rng.below(hi - lo + 1);
    let mut draft = Draft::new(Typology::Random, format!("Max {hops} hops"));
    let mut accounts = vec![ctx.mule()];
    for _ in 0..hops {
        let current = *accounts.last().expect("the walk has a start");
        // Now and then the walk returns to an account it visited (but never back to the
        // start: that would make it a cycle).
        let revisit: Vec<AccountIdx> = accounts[1..]
            .iter()
            .copied()
            .filter(|&a| a != current)
            .collect();
        let next = if !revisit.is_empty() && ctx.rng.chance(0.2) {
            *ctx.rng.pick(&revisit)
        } else {
            ctx.mule()
        };
        accounts.push(next);
    }
    chain(ctx, &mut draft, &accounts);
    Some(draft)
}

fn bipartite(ctx: &mut PlantContext, config: &LaunderingConfig, max: usize) -> Option<Draft> {
    let width = (config.max_layer_width as usize).max(2);
    let m = 1 + ctx.rng.below(width);
    let n = 1 + ctx.rng.below(width);
    let (m, n) = if m * n < 2 { (1, 2) } else { (m, n) };
    let edges = layer_edges(ctx, m, n, max)?;
    let mut draft = Draft::new(Typology::Bipartite, "");
    let sources: Vec<AccountIdx> = (0..m).map(|_| ctx.mule()).collect();
    let sinks: Vec<AccountIdx> = (0..n).map(|_| ctx.mule()).collect();
    let start = ctx.start_time();
    let span = ctx.days_left(5.0);
    for (i, j) in edges {
        let ts = ctx.within_days(start, span);
        let (amount, format) = (ctx.laundering_amount(), ctx.laundering_format());
        draft
            .transfers
            .push(ctx.transfer(ts, sources[i], sinks[j], amount, format));
    }
    draft
        .roles
        .extend(sources.iter().chain(&sinks).map(|&a| (a, Role::Mule)));
    Some(draft)
}

/// Edges of an `m` x `n` bipartite layer: every source and every sink takes part; at most
/// `max` edges (None when even a minimal layer does not fit).
fn layer_edges(
    ctx: &mut PlantContext,
    m: usize,
    n: usize,
    max: usize,
) -> Option<Vec<(usize, usize)>> {
    if m.max(n) > max {
        return None;
    }
    let mut edges: Vec<(usize, usize)> = (0..m.max(n)).map(|k| (k % m, k % n)).collect();
    for i in 0..m {
        for j in 0..n {
            if edges.len() < max && !edges.contains(&(i, j)) && ctx.rng.chance(0.5) {
                edges.push((i, j));
            }
        }
    }
    Some(edges)
}

fn stack(ctx: &mut PlantContext, config: &LaunderingConfig, max: usize) -> Option<Draft> {
    let width = (config.max_layer_width as usize).max(2);
    let sizes = [
        1 + ctx.rng.below(width),
        1 + ctx.rng.below(width),
        1 + ctx.rng.below(width),
    ];
    // Two complete layers; shrink them until they fit.
    let mut s = sizes;
    while s[0] * s[1] + s[1] * s[2] > max {
        let widest = (0..3).max_by_key(|&i| (s[i], i)).expect("three layers");
        if s[widest] == 1 {
            return None;
        }
        s[widest] -= 1;
    }
    if s[0] * s[1] + s[1] * s[2] < 2 {
        return None;
    }
    let mut draft = Draft::new(Typology::Stack, "");
    let layers: Vec<Vec<AccountIdx>> = s
        .iter()
        .map(|&k| (0..k).map(|_| ctx.mule()).collect())
        .collect();
    let start = ctx.start_time();
    let middle = ctx.after(start, 24.0, 48.0);
    for (step, begin) in [(0, start), (1, middle)] {
        for &from in &layers[step] {
            for &to in &layers[step + 1] {
                let ts = ctx.after(begin, 0.0, 20.0);
                let (amount, format) = (ctx.laundering_amount(), ctx.laundering_format());
                draft
                    .transfers
                    .push(ctx.transfer(ts, from, to, amount, format));
            }
        }
    }
    draft
        .roles
        .extend(layers.iter().flatten().map(|&a| (a, Role::Mule)));
    Some(draft)
}

fn scatter_gather(ctx: &mut PlantContext, config: &LaunderingConfig, max: usize) -> Option<Draft> {
    let w = degree(ctx, (config.max_scatter_width as usize).min(max / 2))?;
    let mut draft = Draft::new(Typology::ScatterGather, "");
    let (source, sink) = (ctx.mule(), ctx.mule());
    let start = ctx.start_time();
    let total = ctx.laundering_amount() * (w as f64).sqrt();
    for _ in 0..w {
        let middle = ctx.mule();
        let amount = total / w as f64 * (0.8 + 0.4 * ctx.rng.unit());
        let t1 = ctx.after(start, 0.0, 24.0);
        let t2 = ctx.after(t1, 2.0, 72.0);
        let (f1, f2) = (ctx.laundering_format(), ctx.laundering_format());
        let passed = ctx.pass_on(ctx.converted(amount, source, middle));
        draft
            .transfers
            .push(ctx.transfer(t1, source, middle, amount, f1));
        draft
            .transfers
            .push(ctx.transfer(t2, middle, sink, passed, f2));
        draft.roles.push((middle, Role::Mule));
    }
    draft
        .roles
        .extend([(source, Role::Mule), (sink, Role::Mule)]);
    Some(draft)
}

fn gather_scatter(ctx: &mut PlantContext, config: &LaunderingConfig, max: usize) -> Option<Draft> {
    let width = config.max_scatter_width as usize;
    let gather = degree(ctx, width.min(max.saturating_sub(2)))?;
    let scatter = degree(ctx, width.min(max - gather))?;
    let mut draft = Draft::new(Typology::GatherScatter, "");
    let hub = ctx.mule();
    let start = ctx.start_time();
    let mut last_in = start;
    let mut pooled = 0.0;
    for _ in 0..gather {
        let source = ctx.mule();
        let ts = ctx.after(start, 0.0, 36.0);
        last_in = last_in.max(ts);
        let (amount, format) = (ctx.laundering_amount(), ctx.laundering_format());
        pooled += ctx.converted(amount, source, hub);
        draft
            .transfers
            .push(ctx.transfer(ts, source, hub, amount, format));
        draft.roles.push((source, Role::Mule));
    }
    // The hub scatters only after everything has arrived.
    let out_start = ctx.after(last_in, 1.0, 24.0);
    for _ in 0..scatter {
        let sink = ctx.mule();
        let ts = ctx.after(out_start, 0.0, 36.0);
        let amount = ctx.pass_on(pooled / scatter as f64);
        let format = ctx.laundering_format();
        draft
            .transfers
            .push(ctx.transfer(ts, hub, sink, amount, format));
        draft.roles.push((sink, Role::Mule));
    }
    draft.roles.push((hub, Role::Mule));
    Some(draft)
}
