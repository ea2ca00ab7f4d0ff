//! The keyed messages of a network kind, sorted by (key, time), each with its window.

use rayon::prelude::*;

use super::pairs::Pairing;
use super::NetworkKind;
use crate::messages::{Messages, UserId, NONE};

/// One message under one key (a co-link message with three URLs is three events).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Event {
    pub key: u32,
    pub user: UserId,
    pub message: u32,
    pub time: f64,
}

/// The events of one network, sorted by (key, time).
pub(super) struct Keyed {
    pub events: Vec<Event>,
}

/// Keyed events with their windows: each pairs with the events of its range.
pub(super) struct Windowed {
    units: Vec<Unit>,
}

/// One event as pairing reads it: its account, message and time, and its window (a range of
/// the events sorted by (key, time), which holds the event itself). One record of 24 bytes,
/// so that looking an event up by account order, at a random place, is one cache line, and its
/// partners are the lines around it.
#[derive(Clone, Copy)]
struct Unit {
    user: UserId,
    message: u32,
    lo: u32,
    hi: u32,
    time: f64,
}

impl Pairing for Windowed {
    fn len(&self) -> usize {
        self.units.len()
    }

    fn unit(&self, i: usize) -> (UserId, u32, f64) {
        let u = &self.units[i];
        (u.user, u.message, u.time)
    }

    fn for_each_partner(&self, i: usize, mut each: impl FnMut(UserId, f64)) {
        let Unit { lo, hi, .. } = self.units[i];
        for other in &self.units[lo as usize..hi.max(lo) as usize] {
            each(other.user, other.time);
        }
    }

    fn prefetch(&self, i: usize) {
        if let Some(unit) = self.units.get(i) {
            flowtrace_memory::prefetch_value(unit);
        }
    }
}

/// Gives every message that takes part in `kind` its key or keys.
pub(super) fn keyed_messages(messages: &Messages, kind: NetworkKind) -> Keyed {
    let text_keys = match kind {
        NetworkKind::CoTweet => text_keys(messages),
        _ => Vec::new(),
    };
    // (message, key) in message order; room for one key a message (pages never written cost
    // nothing), as most messages have at most one.
    let mut keyed: Vec<(u32, u32)> = Vec::with_capacity(messages.len());
    for_each_key(messages, kind, &text_keys, |m, key| {
        keyed.push((m as u32, key))
    });
    let (users, times) = (messages.users(), messages.times());
    let event = |&(m, key): &(u32, u32)| Event {
        key,
        user: users[m as usize],
        message: m,
        time: times[m as usize],
    };
    let key_bound = keyed.iter().map(|&(_, key)| key as usize + 1).max();
    match key_bound {
        Some(bound) if is_dense(bound, keyed.len()) => Keyed {
            events: sorted_by_dense_key(&keyed, bound, event),
        },
        _ => Keyed::sorted(keyed.iter().map(event).collect()),
    }
}

/// Calls `visit` with every (message, key) of `kind`, in message order.
fn for_each_key(
    messages: &Messages,
    kind: NetworkKind,
    text_keys: &[u32],
    mut visit: impl FnMut(usize, u32),
) {
    let (reposts, replies) = (messages.reposts(), messages.replies());
    let all = 0..messages.len();
    match kind {
        NetworkKind::CoRetweet => all
            .filter(|&m| reposts[m] != NONE)
            .for_each(|m| visit(m, reposts[m])),
        NetworkKind::CoTweet => all
            .filter(|&m| reposts[m] == NONE)
            .for_each(|m| visit(m, text_keys[m])),
        NetworkKind::CoReply => all
            .filter(|&m| reposts[m] == NONE && replies[m] != NONE)
            .for_each(|m| visit(m, replies[m])),
        NetworkKind::CoLink => all.filter(|&m| reposts[m] == NONE).for_each(|m| {
            for &url in messages.urls_of(m) {
                visit(m, url);
            }
        }),
        NetworkKind::CoPost => all.for_each(|m| visit(m, 0)),
        // Pairs by text similarity, not by a key: see `super::similar`.
        NetworkKind::CoSimilarity => {}
    }
}

/// A dense key per distinct normalised text of the original posts (reposts get [`NONE`]).
///
/// Posts are sorted by (hash, message), which needs no look at the texts; a run of equal hashes
/// whose texts are not all equal (a hash collision, which should never be seen) is sorted again
/// by text, so different texts still get different keys.
fn text_keys(messages: &Messages) -> Vec<u32> {
    let (reposts, hashes) = (messages.reposts(), messages.text_hashes());
    let mut order: Vec<(u64, u32)> = (0..messages.len())
        .filter(|&m| reposts[m] == NONE)
        .map(|m| (hashes[m], m as u32))
        .collect();
    order.par_sort_unstable();
    let text = |m: u32| messages.normalised_text(m as usize);
    let mut keys = vec![NONE; messages.len()];
    let mut key = 0u32;
    let mut start = 0;
    while start < order.len() {
        let hash = order[start].0;
        let end = start + order[start..].partition_point(|&(h, _)| h == hash);
        let run = &mut order[start..end];
        // Texts are read (random memory accesses) only where a hash repeats.
        let collision = run.len() > 1 && {
            let first = text(run[0].1);
            run.iter().any(|&(_, m)| text(m) != first)
        };
        if collision {
            run.sort_unstable_by(|a, b| text(a.1).cmp(text(b.1)).then(a.1.cmp(&b.1)));
        }
        for i in 0..run.len() {
            if collision && i > 0 && text(run[i].1) != text(run[i - 1].1) {
                key += 1;
            }
            keys[run[i].1 as usize] = key;
        }
        key += 1;
        start = end;
    }
    keys
}

impl Keyed {
    /// The events sorted by (key, time).
    pub fn sorted(mut events: Vec<Event>) -> Keyed {
        // Ties in (key, time) may come in any order: they pair with each other all the same.
        events.par_sort_unstable_by(|a, b| a.key.cmp(&b.key).then_with(|| by_time(a, b)));
        Keyed { events }
    }

    /// The events, each paired with those of its key within `window` of its time.
    pub fn windowed(self, window: f64) -> Windowed {
        let mut units = Vec::with_capacity(self.events.len());
        for (start, end) in group_bounds(&self.events) {
            let group = &self.events[start..end];
            let windows = group_windows(group, start, window);
            units.extend(group.iter().zip(windows).map(|(e, (lo, hi))| Unit {
                user: e.user,
                message: e.message,
                lo,
                hi,
                time: e.time,
            }));
        }
        Windowed { units }
    }

    /// For each event, the range of events with its key whose time is within `window` of its own
    /// (`t - window <= t' <= t + window`, computed in `f64` as SQLite does).
    pub fn windows(&self, window: f64) -> Vec<(u32, u32)> {
        let events = &self.events;
        let groups = group_bounds(events);
        groups
            .par_iter()
            .flat_map_iter(|&(start, end)| group_windows(&events[start..end], start, window))
            .collect()
    }
}

/// The windows of the events of one key, `group`, which starts at `start` of all events.
fn group_windows(
    group: &[Event],
    start: usize,
    window: f64,
) -> impl Iterator<Item = (u32, u32)> + '_ {
    // Both ends only move forward as the times grow: one sweep of the group.
    let (mut lo, mut hi) = (0, 0);
    group.iter().map(move |e| {
        while lo < group.len() && group[lo].time < e.time - window {
            lo += 1;
        }
        while hi < group.len() && group[hi].time <= e.time + window {
            hi += 1;
        }
        ((start + lo) as u32, (start + hi) as u32)
    })
}

fn by_time(a: &Event, b: &Event) -> std::cmp::Ordering {
    a.time.total_cmp(&b.time)
}

/// Whether keys below `key_bound` are few enough, for `count` events, to sort by counting.
fn is_dense(key_bound: usize, count: usize) -> bool {
    key_bound <= count.saturating_mul(4).max(1 << 16)
}

/// The events of `keyed` (message, key), keys below `key_bound` (a few times the number of
/// events: URL, message or text ids), sorted by (key, time): a counting sort by key, in
/// message order, then each key's run sorted by time, which is mostly a check, as inputs are
/// mostly in time order already. Linear but for those runs, where one sort of every event
/// compares each some twenty times.
fn sorted_by_dense_key(
    keyed: &[(u32, u32)],
    key_bound: usize,
    event: impl Fn(&(u32, u32)) -> Event,
) -> Vec<Event> {
    let mut next = vec![0u32; key_bound + 1];
    for &(_, key) in keyed {
        next[key as usize + 1] += 1;
    }
    for k in 1..next.len() {
        next[k] += next[k - 1];
    }
    let mut sorted = vec![Event::default(); keyed.len()];
    for pair in keyed {
        let at = &mut next[pair.1 as usize];
        sorted[*at as usize] = event(pair);
        *at += 1;
    }
    for (start, end) in group_bounds(&sorted) {
        let run = &mut sorted[start..end];
        if !run.is_sorted_by(|a, b| by_time(a, b).is_le()) {
            run.sort_unstable_by(by_time);
        }
    }
    sorted
}

/// The (start, end) of each run of equal keys.
pub(super) fn group_bounds(events: &[Event]) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 1..=events.len() {
        if i == events.len() || events[i].key != events[start].key {
            if i > start {
                bounds.push((start, i));
            }
            start = i;
        }
    }
    bounds
}
