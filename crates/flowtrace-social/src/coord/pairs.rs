//! Counting, for every account, the distinct messages it has that pair with each other account.

use rayon::prelude::*;

use super::events::{Event, Keyed};
use super::{CoordOptions, Edge};
use crate::messages::UserId;

/// Accounts per unit of parallel work; each unit allocates its own counters once.
const BLOCKS_PER_THREAD: usize = 8;

/// The edges of the network, sorted by (from, to), and each account's [`LeadFollow`] (indexed
/// by account id).
pub(super) fn count_pairs(
    keyed: &Keyed,
    user_count: usize,
    options: &CoordOptions,
) -> (Vec<Edge>, Vec<LeadFollow>) {
    let mut timing = vec![LeadFollow::default(); user_count];
    if keyed.events.is_empty() {
        return (Vec::new(), timing);
    }
    let windows = keyed.windows(options.window_secs);
    let by_user = events_by_account(keyed);
    let blocks = split_accounts(
        keyed,
        &by_user,
        rayon::current_num_threads() * BLOCKS_PER_THREAD,
    );
    let per_block: Vec<Block> = blocks
        .par_iter()
        .map(|&range| {
            count_block(
                keyed,
                &windows,
                &by_user[range.0..range.1],
                user_count,
                options,
            )
        })
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

/// Counts the accounts whose events are `positions` (sorted by account, then message).
fn count_block(
    keyed: &Keyed,
    windows: &[(u32, u32)],
    positions: &[u32],
    user_count: usize,
    options: &CoordOptions,
) -> Block {
    let event_at = |i: usize| &keyed.events[positions[i] as usize];
    let mut counter = Counter::new(user_count);
    let mut block = Block {
        edges: Vec::new(),
        timings: Vec::new(),
    };
    let mut i = 0;
    while i < positions.len() {
        let user = event_at(i).user;
        let mut lead_follow = LeadFollow::default();
        while i < positions.len() && event_at(i).user == user {
            // One message: all of its events (one per URL for co-link).
            let message = event_at(i).message;
            let mut seen = Seen::default();
            while i < positions.len() && event_at(i).message == message {
                let (lo, hi) = windows[positions[i] as usize];
                seen.merge(counter.message(event_at(i), keyed, lo..hi));
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

/// Event positions sorted by (account, message), so that one account's events, and one
/// message's events within them, are contiguous.
fn events_by_account(keyed: &Keyed) -> Vec<u32> {
    let mut order: Vec<u32> = (0..keyed.events.len() as u32).collect();
    order.par_sort_unstable_by_key(|&p| {
        let e = &keyed.events[p as usize];
        (e.user, e.message)
    });
    order
}

/// Cuts the account-sorted events into about `parts` ranges of similar size that never split
/// an account (it would then be drained twice, as two half edges).
fn split_accounts(keyed: &Keyed, by_user: &[u32], parts: usize) -> Vec<(usize, usize)> {
    let user_at = |i: usize| keyed.events[by_user[i] as usize].user;
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
    /// For each partner account, 1 + the last message that counted it (0: none yet).
    last_message: Vec<u32>,
    count: Vec<u32>,
    touched: Vec<UserId>,
}

impl Counter {
    fn new(user_count: usize) -> Self {
        Counter {
            last_message: vec![0; user_count],
            count: vec![0; user_count],
            touched: Vec::new(),
        }
    }

    /// Counts each account with an event in `window` once for the event's message.
    fn message(&mut self, event: &Event, keyed: &Keyed, window: std::ops::Range<u32>) -> Seen {
        let stamp = event.message + 1;
        let mut seen = Seen::default();
        for other in &keyed.events[window.start as usize..window.end.max(window.start) as usize] {
            if other.user != event.user {
                seen.partner = true;
                seen.earlier |= other.time < event.time;
            }
            let v = other.user as usize;
            if self.last_message[v] != stamp {
                self.last_message[v] = stamp;
                if self.count[v] == 0 {
                    self.touched.push(other.user);
                }
                self.count[v] += 1;
            }
        }
        seen
    }

    /// Emits `user`'s edges in partner order and resets the counts.
    fn drain(&mut self, user: UserId, options: &CoordOptions, edges: &mut Vec<Edge>) {
        self.touched.sort_unstable();
        for &to in &self.touched {
            let weight = self.count[to as usize];
            self.count[to as usize] = 0;
            if weight >= options.min_weight && (options.loops || to != user) {
                edges.push(Edge {
                    from: user,
                    to,
                    weight,
                });
            }
        }
        self.touched.clear();
    }
}
