//! Reverse index from a folded spelling to the table entries that spell a name that way, so
//! `variant()` can move between the members of a spelling group.

use std::sync::OnceLock;

use super::{db, Entry};
use crate::origin::Origin;
use crate::text::fold;

/// One table entry a spelling belongs to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub entry: &'static Entry,
    pub origin: Origin,
    /// The entry is a family name (or nisba), not a given name.
    pub family: bool,
}

struct Index {
    /// Folded spelling, list number, entry number; sorted, so lookups are a binary search and
    /// the order of hits never depends on hashing.
    keys: Vec<(String, u16, u16)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut keys = Vec::new();
        for (li, list) in db().lists().iter().enumerate() {
            for (ei, e) in list.entries.iter().enumerate() {
                for f in e.forms.iter() {
                    keys.push((fold(f), li as u16, ei as u16));
                    if !e.particle.is_empty() {
                        keys.push((fold(&format!("{}{}", e.particle, f)), li as u16, ei as u16));
                    }
                }
            }
        }
        keys.sort();
        keys.dedup();
        Index { keys }
    })
}

/// Every entry that has a spelling folding to the same key as `text`, in table order.
pub(crate) fn lookup(text: &str) -> Vec<Hit> {
    let key = fold(text);
    if key.is_empty() {
        return Vec::new();
    }
    let idx = index();
    let start = idx
        .keys
        .partition_point(|(k, _, _)| k.as_str() < key.as_str());
    let lists = db().lists();
    let mut hits: Vec<Hit> = Vec::new();
    for (k, li, ei) in &idx.keys[start..] {
        if *k != key {
            break;
        }
        let list = &lists[*li as usize];
        let entry = &list.entries[*ei as usize];
        // One entry can be reached through several of its forms; keep it once.
        if hits.iter().any(|h| std::ptr::eq(h.entry, entry)) {
            continue;
        }
        hits.push(Hit {
            entry,
            origin: list.origin,
            family: list.family,
        });
    }
    hits
}
