//! Recall per typology and detection per pattern instance, split by role.
//!
//! The counting is the same at transfer and at account level; only what an *item* is differs
//! (a transaction row, or an account taking part in an illicit transfer). Each illicit item is
//! a [`Member`] of an instance; an instance is *found* when at least one of its items is
//! flagged and the flagged share of its items is at least `share` (0 means "any one").

use serde::Serialize;

use crate::truth::Role;

/// The typologies the world simulator plants, in the order reports list them; others follow
/// in order of first appearance.
pub const KNOWN_TYPOLOGIES: [&str; 13] = [
    "FAN-OUT",
    "FAN-IN",
    "CYCLE",
    "RANDOM",
    "BIPARTITE",
    "STACK",
    "SCATTER-GATHER",
    "GATHER-SCATTER",
    "CROWDFUNDING",
    "CHARITY-DIVERSION",
    "STRUCTURING",
    "TRADE-BASED",
    "LISTED-PARTY",
];

/// One illicit item's membership of one instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    /// Index into the typology names.
    pub typology: u32,
    /// The instance.
    pub pattern_id: u32,
    /// Pattern or follow-on.
    pub role: Role,
    /// The item: a 0-based row or an account id.
    pub item: u64,
    /// Whether the detector flagged the item.
    pub flagged: bool,
}

/// How much of one typology (or of all) a detector caught, for one role or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Detection {
    /// Distinct illicit items.
    pub items: u64,
    /// Of which flagged.
    pub flagged: u64,
    /// `flagged / items`; `None` when there is no item.
    pub recall: Option<f64>,
    /// Instances with at least one item.
    pub instances: u64,
    /// Of which found.
    pub found: u64,
    /// `found / instances`; `None` when there is no instance.
    pub found_rate: Option<f64>,
}

/// Detection for one typology, by role.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TypologyRow {
    /// Typology name, or `all` for the totals.
    pub typology: String,
    /// Items listed in the patterns file, and instances judged on those alone.
    pub pattern: Detection,
    /// Follow-on items, and instances judged on those alone (instances that have some).
    pub propagated: Detection,
    /// Both roles together.
    pub all: Detection,
}

/// Whether an instance with `flagged` of `items` flagged counts as found.
pub fn instance_found(flagged: usize, items: usize, share: f64) -> bool {
    flagged >= 1 && flagged as f64 >= share * items as f64
}

/// One row per typology in `names` (known ones first, see [`KNOWN_TYPOLOGIES`]) and the totals.
pub fn typology_table(
    members: &[Member],
    names: &[String],
    share: f64,
) -> (Vec<TypologyRow>, TypologyRow) {
    let roles = [Some(Role::Pattern), Some(Role::Propagated), None];
    let [pattern, propagated, all] =
        roles.map(|role| detections(members, role, names.len(), share));
    let row = |typology: String, k: Option<usize>| {
        let pick = |d: &(Vec<Detection>, Detection)| k.map_or(d.1, |k| d.0[k]);
        TypologyRow {
            typology,
            pattern: pick(&pattern),
            propagated: pick(&propagated),
            all: pick(&all),
        }
    };
    let rows = report_order(names)
        .into_iter()
        .map(|k| row(names[k].clone(), Some(k)))
        .collect();
    (rows, row("all".to_string(), None))
}

/// Indices of `names`: known typologies in their canonical order, then the rest as they came.
fn report_order(names: &[String]) -> Vec<usize> {
    let rank = |name: &String| {
        KNOWN_TYPOLOGIES
            .iter()
            .position(|k| k == name)
            .unwrap_or(KNOWN_TYPOLOGIES.len())
    };
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&k| (rank(&names[k]), k));
    order
}

/// Per-typology and total detection over the members with `role` (or all of them).
fn detections(
    members: &[Member],
    role: Option<Role>,
    typologies: usize,
    share: f64,
) -> (Vec<Detection>, Detection) {
    let mut per = vec![Detection::default(); typologies];
    let mut total = Detection::default();
    // (typology, instance, item): an item counts once per instance even if listed twice.
    let mut by_instance: Vec<(u32, u32, u64, bool)> = members
        .iter()
        .filter(|m| role.is_none_or(|r| m.role == r))
        .map(|m| (m.typology, m.pattern_id, m.item, m.flagged))
        .collect();
    by_instance.sort_unstable();
    by_instance.dedup_by_key(|e| (e.0, e.1, e.2));
    for run in by_instance.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let flagged = run.iter().filter(|e| e.3).count();
        let found = u64::from(instance_found(flagged, run.len(), share));
        for d in [&mut total]
            .into_iter()
            .chain(per.get_mut(run[0].0 as usize))
        {
            d.instances += 1;
            d.found += found;
        }
    }
    // Items count once per typology, and once in the totals, whatever their instances.
    let mut by_item: Vec<(u32, u64, bool)> = by_instance.iter().map(|e| (e.0, e.2, e.3)).collect();
    by_item.sort_unstable();
    by_item.dedup_by_key(|e| (e.0, e.1));
    for &(typology, _, flagged) in &by_item {
        if let Some(d) = per.get_mut(typology as usize) {
            d.items += 1;
            d.flagged += u64::from(flagged);
        }
    }
    let mut items: Vec<(u64, bool)> = by_item.iter().map(|e| (e.1, e.2)).collect();
    items.sort_unstable();
    items.dedup_by_key(|e| e.0);
    total.items = items.len() as u64;
    total.flagged = items.iter().filter(|e| e.1).count() as u64;
    for d in per.iter_mut().chain([&mut total]) {
        d.recall = rate(d.flagged, d.items);
        d.found_rate = rate(d.found, d.instances);
    }
    (per, total)
}

fn rate(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(typology: u32, pattern_id: u32, role: Role, item: u64, flagged: bool) -> Member {
        Member {
            typology,
            pattern_id,
            role,
            item,
            flagged,
        }
    }

    #[test]
    fn recall_and_instances_by_typology_and_role() {
        use Role::{Pattern as P, Propagated as Q};
        let names = vec!["CYCLE".to_string(), "FAN-OUT".to_string()];
        let members = [
            // CYCLE #1: 3 pattern items, 1 flagged; 1 propagated, flagged.
            member(0, 1, P, 10, true),
            member(0, 1, P, 11, false),
            member(0, 1, P, 12, false),
            member(0, 1, Q, 13, true),
            // CYCLE #2: 1 pattern item, not flagged.
            member(0, 2, P, 20, false),
            // FAN-OUT #3: 2 pattern items, both flagged.
            member(1, 3, P, 30, true),
            member(1, 3, P, 31, true),
        ];
        let (rows, total) = typology_table(&members, &names, 0.0);
        // FAN-OUT is listed first: it comes first in KNOWN_TYPOLOGIES.
        assert_eq!(rows[0].typology, "FAN-OUT");
        let cycle = &rows[1];
        // Pattern: 4 items, 1 flagged; instance 1 found (1 >= 1), instance 2 not.
        assert_eq!((cycle.pattern.items, cycle.pattern.flagged), (4, 1));
        assert_eq!((cycle.pattern.instances, cycle.pattern.found), (2, 1));
        assert_eq!(cycle.pattern.recall, Some(0.25));
        // Propagated: only instance 1 has any, and its one item is flagged.
        assert_eq!((cycle.propagated.instances, cycle.propagated.found), (1, 1));
        // Both: 5 items, 2 flagged; instances 2, 1 found.
        assert_eq!(
            (cycle.all.items, cycle.all.flagged, cycle.all.found),
            (5, 2, 1)
        );
        assert_eq!((total.all.items, total.all.flagged), (7, 4));
        assert_eq!((total.all.instances, total.all.found), (3, 2));
        assert_eq!(total.propagated.found_rate, Some(1.0));
        // With a share of one half, CYCLE #1 (1 of 3 pattern items) is no longer found,
        // but judged on both roles (2 of 4) it is.
        let (rows, _) = typology_table(&members, &names, 0.5);
        assert_eq!((rows[1].pattern.found, rows[1].all.found), (0, 1));
    }

    #[test]
    fn items_shared_by_instances_count_once_per_typology() {
        // One account in two FAN-IN instances: two instances, one item.
        let names = vec!["FAN-IN".to_string()];
        let members = [
            member(0, 1, Role::Pattern, 7, true),
            member(0, 2, Role::Pattern, 7, true),
        ];
        let (rows, total) = typology_table(&members, &names, 0.0);
        assert_eq!(
            (rows[0].all.items, rows[0].all.instances, rows[0].all.found),
            (1, 2, 2)
        );
        assert_eq!(total.all.items, 1);
        assert_eq!(rows[0].propagated.recall, None);
    }
}
