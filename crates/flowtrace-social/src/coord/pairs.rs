//! Counting, for every account, the distinct messages it has that pair with each other account.

use rayon::prelude::*;

use super::{CoordOptions, Edge};
use crate::messages::UserId;

/// Accounts per unit of parallel work; each unit allocates its own counters once.
const BLOCKS_PER_THREAD: usize = 8;

/// What a network pairs: *units* (a keyed message, of which a co-link message with three URLs
/// has three; or a whole message), each of one account's message at one time, and for each
/// unit the units it pairs with, itself included.
pub(super) trait Pairing: Sync {
    /// Number of units.
    fn len(&self) -> usize;
    /// The account, message and time of unit `i`.
    fn unit(&self, i: usize) -> (UserId, u32, f64);
    /// Calls `each` with the account and time of every unit paired with unit `i`.
    fn for_each_partner(&self, i: usize, each: impl FnMut(UserId, f64));
    /// Starts loading unit `i` and its partners into cache (a hint; nothing by default).
    fn prefetch(&self, _i: usize) {}
}

/// Units ahead of the one being counted that are fetched into cache meanwhile: units are
/// counted in account order, each at a random place of the key-sorted events, and fetching
/// several at once overlaps their waits for memory.
const PREFETCH_AHEAD: usize = 8;

/// The edges of the network, sorted by (from, to), and each account's [`LeadFollow`] (indexed
/// by account id).
pub(super) fn count_pairs(
    pairing: &impl Pairing,
    user_count: usize,
    options: &CoordOptions,
) -> (Vec<Edge>, Vec<LeadFollow>) {
    let mut timing = vec![LeadFollow::default(); user_count];
    if pairing.len() == 0 {
        return (Vec::new(), timing);
    }
    let by_user = units_by_account(pairing, user_count);
    let blocks = split_accounts(
        pairing,
        &by_user,
        rayon::current_num_threads() * BLOCKS_PER_THREAD,
    );
    let per_block: Vec<Block> = blocks
        .par_iter()
        .map(|&range| count_block(pairing, &by_user[range.0..range.1], user_count, options))
        .collect();
    let mut edges = Vec::new();
    for block in per_block {
        edges.extend(block.edges);
        for (user, t) in block.timings {
            timing[user as usize] = t;
        }
    }
    (edges, timing)
}

/// The edges and lead/follow counts of a run of whole accounts.
struct Block {
    edges: Vec<Edge>,
    timings: Vec<(UserId, LeadFollow)>,
}

/// Counts the accounts whose units are `positions` (sorted by account, then message).
fn count_block(
    pairing: &impl Pairing,
    positions: &[u32],
    user_count: usize,
    options: &CoordOptions,
) -> Block {
    let unit_at = |i: usize| pairing.unit(positions[i] as usize);
    let mut counter = Counter::new(user_count);
    let mut block = Block {
        edges: Vec::new(),
        timings: Vec::new(),
    };
    let prefetch = |i: usize| {
        if let Some(&p) = positions.get(i) {
            pairing.prefetch(p as usize);
        }
    };
    (0..PREFETCH_AHEAD).for_each(prefetch);
    let mut i = 0;
    while i < positions.len() {
        let (user, _, _) = unit_at(i);
        let mut lead_follow = LeadFollow::default();
        while i < positions.len() && unit_at(i).0 == user {
            // One message: all of its units (one per URL for co-link).
            let message = unit_at(i).1;
            let mut seen = Seen::default();
            while i < positions.len() && unit_at(i).1 == message {
                prefetch(i + PREFETCH_AHEAD);
                seen.merge(counter.message(pairing, positions[i] as usize));
                i += 1;
            }
            lead_follow.add(seen);
        }
        counter.drain(user, options, &mut block.edges);
        block.timings.push((user, lead_follow));
    }
    block
}

/// How often an account's coordinated messages came first, or after another account's.
///
/// A message counts when another account has a matching message in its window: it *leads*
/// when none of those came strictly earlier (ties lead together), else it *follows*. Counted
/// over every partner in the window, whatever the minimum edge weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeadFollow {
    /// Messages no other account's matching message preceded.
    pub leads: u32,
    /// Messages another account's matching message preceded.
    pub follows: u32,
}

impl LeadFollow {
    fn add(&mut self, seen: Seen) {
        if seen.earlier {
            self.follows += 1;
        } else if seen.partner {
            self.leads += 1;
        }
    }
}

/// What one message's windows held besides its own account.
#[derive(Clone, Copy, Default)]
struct Seen {
    partner: bool,
    earlier: bool,
}

impl Seen {
    fn merge(&mut self, other: Seen) {
        self.partner |= other.partner;
        self.earlier |= other.earlier;
    }
}

/// Unit positions sorted by (account, message), so that one account's units, and one
/// message's units within them, are contiguous.
///
/// A counting sort by account (positions read in order, each placed in its account's run),
/// then each run sorted by message: linear but for the runs, which are short, where one sort of
/// every unit compares each some twenty times.
fn units_by_account(pairing: &impl Pairing, user_count: usize) -> Vec<u32> {
    let mut next = vec![0usize; user_count + 1];
    for p in 0..pairing.len() {
        next[pairing.unit(p).0 as usize + 1] += 1;
    }
    for u in 1..next.len() {
        next[u] += next[u - 1];
    }
    let starts = next.clone();
    // Each unit as `message << 32 | position`, so that sorting a run sorts it by message.
    let mut placed = vec![0u64; pairing.len()];
    for p in 0..pairing.len() {
        let (user, message, _) = pairing.unit(p);
        placed[next[user as usize]] = (u64::from(message) << 32) | p as u64;
        next[user as usize] += 1;
    }
    for run in starts.windows(2) {
        placed[run[0]..run[1]].sort_unstable();
    }
    placed.into_iter().map(|unit| unit as u32).collect()
}

/// Cuts the account-sorted units into about `parts` ranges of similar size that never split
/// an account (it would then be drained twice, as two half edges).
fn split_accounts(pairing: &impl Pairing, by_user: &[u32], parts: usize) -> Vec<(usize, usize)> {
    let user_at = |i: usize| pairing.unit(by_user[i] as usize).0;
    let target = by_user.len().div_ceil(parts.max(1)).max(1);
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < by_user.len() {
        let mut end = (start + target).min(by_user.len());
        while end < by_user.len() && user_at(end - 1) == user_at(end) {
            end += 1;
        }
        blocks.push((start, end));
        start = end;
    }
    blocks
}

/// Per-account partner counts, reused from account to account.
struct Counter {
    /// For each partner account, `[1 + the last message that counted it (0: none yet), its
    /// count]`: side by side, as every visit of a partner reads both.
    partners: Vec<[u32; 2]>,
    touched: Vec<UserId>,
}

impl Counter {
    fn new(user_count: usize) -> Self {
        Counter {
            partners: vec![[0, 0]; user_count],
            touched: Vec::new(),
        }
    }

    /// Counts each account paired with unit `i` once for the unit's message.
    fn message(&mut self, pairing: &impl Pairing, i: usize) -> Seen {
        let (user, message, time) = pairing.unit(i);
        let stamp = message + 1;
        let mut seen = Seen::default();
        pairing.for_each_partner(i, |other, other_time| {
            if other != user {
                seen.partner = true;
                seen.earlier |= other_time < time;
            }
            let [last_message, count] = &mut self.partners[other as usize];
            if *last_message != stamp {
                *last_message = stamp;
                if *count == 0 {
                    self.touched.push(other);
                }
                *count += 1;
            }
        });
        seen
    }

    /// Emits `user`'s edges in partner order and resets the counts.
    fn drain(&mut self, user: UserId, options: &CoordOptions, edges: &mut Vec<Edge>) {
        // Only the kept edges are sorted: with a minimum weight most partners fall below it.
        let first = edges.len();
        for &to in &self.touched {
            let weight = std::mem::take(&mut self.partners[to as usize][1]);
            if weight >= options.min_weight && (options.loops || to != user) {
                edges.push(Edge {
                    from: user,
                    to,
                    weight,
                });
            }
        }
        edges[first..].sort_unstable_by_key(|e| e.to);
        self.touched.clear();
    }
}
