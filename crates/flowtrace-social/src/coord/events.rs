//! The keyed messages of a network kind, sorted by (key, time), each with its window.

use rayon::prelude::*;

use super::pairs::Pairing;
use super::NetworkKind;
use crate::messages::{Messages, UserId, NONE};

/// One message under one key (a co-link message with three URLs is three events).
#[derive(Clone, Copy, Debug)]
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
    events: Vec<Event>,
    windows: Vec<(u32, u32)>,
}

impl Pairing for Windowed {
    fn len(&self) -> usize {
        self.events.len()
    }

    fn unit(&self, i: usize) -> (UserId, u32, f64) {
        let e = &self.events[i];
        (e.user, e.message, e.time)
    }

    fn for_each_partner(&self, i: usize, mut each: impl FnMut(UserId, f64)) {
        let (lo, hi) = self.windows[i];
        for other in &self.events[lo as usize..hi.max(lo) as usize] {
            each(other.user, other.time);
        }
    }
}

/// Gives every message that takes part in `kind` its key or keys.
pub(super) fn keyed_messages(messages: &Messages, kind: NetworkKind) -> Keyed {
    let (users, times) = (messages.users(), messages.times());
    let (reposts, replies) = (messages.reposts(), messages.replies());
    let event = |m: usize, key: u32| Event {
        key,
        user: users[m],
        message: m as u32,
        time: times[m],
    };
    let all = 0..messages.len();
    let events: Vec<Event> = match kind {
        NetworkKind::CoRetweet => all
            .filter(|&m| reposts[m] != NONE)
            .map(|m| event(m, reposts[m]))
            .collect(),
        NetworkKind::CoTweet => {
            let keys = text_keys(messages);
            all.filter(|&m| reposts[m] == NONE)
                .map(|m| event(m, keys[m]))
                .collect()
        }
        NetworkKind::CoReply => all
            .filter(|&m| reposts[m] == NONE && replies[m] != NONE)
            .map(|m| event(m, replies[m]))
            .collect(),
        NetworkKind::CoLink => all
            .filter(|&m| reposts[m] == NONE)
            .flat_map(|m| messages.urls_of(m).iter().map(move |&url| event(m, url)))
            .collect(),
        NetworkKind::CoPost => all.map(|m| event(m, 0)).collect(),
        // Pairs by text similarity, not by a key: see `super::similar`.
        NetworkKind::CoSimilarity => Vec::new(),
    };
    Keyed::sorted(events)
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
        events
            .par_sort_unstable_by(|a, b| a.key.cmp(&b.key).then_with(|| a.time.total_cmp(&b.time)));
        Keyed { events }
    }

    /// The events, each paired with those of its key within `window` of its time.
    pub fn windowed(self, window: f64) -> Windowed {
        let windows = self.windows(window);
        Windowed {
            events: self.events,
            windows,
        }
    }

    /// For each event, the range of events with its key whose time is within `window` of its own
    /// (`t - window <= t' <= t + window`, computed in `f64` as SQLite does).
    pub fn windows(&self, window: f64) -> Vec<(u32, u32)> {
        let events = &self.events;
        let groups = group_bounds(events);
        groups
            .par_iter()
            .flat_map_iter(|&(start, end)| {
                let group = &events[start..end];
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
            })
            .collect()
    }
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
