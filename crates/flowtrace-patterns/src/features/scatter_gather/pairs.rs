//! The searches of one side of an edge pair by pair: each pair walks the walked list and looks
//! its intermediates up in the pair's own list, by the rules of the [`super`] module docs.
//! Used for sides with a hub among the intermediates (whose list is too long to read for
//! every search), and by the tests as the reference for [`super::intermediates`].

use super::super::credits::Histograms;
use super::super::graph::{Graph, Marks};
use super::super::hop_lists::{since, Hop};
use super::super::params::PatternParams;

/// Scratch of one thread for these searches; the marks are made on first use.
#[derive(Default)]
pub(super) struct Scratch {
    /// Intermediates with a lookup-side edge at or after `from`: the latest such time.
    linked: Marks,
    /// Intermediates with a lookup-side edge before `from` (filled only when needed).
    linked_early: Marks,
    /// Intermediates found (both hops in the window).
    confirmed: Marks,
    /// Intermediates found, when the lists are short.
    pending_confirmed: Vec<u32>,
    edges: Vec<u32>,
}

/// The role of the searching edge in a pair `(s, d)`: it decides which hop list is walked
/// and which is looked up (see the module docs).
#[derive(Clone, Copy)]
pub(super) enum Side {
    /// The edge leaves `s`: walk `s`'s payments, look up `d`'s receipts.
    Scatter { s: u32, d: u32 },
    /// The edge enters `d`: walk `d`'s receipts, look up `s`'s payments.
    Gather { s: u32, d: u32 },
}

impl Side {
    /// The walked list (from `from` on), the looked-up list (whole), the walked vertex. In
    /// both lists a hop's other vertex is its intermediate.
    fn lists(self, g: &Graph, from: i64) -> (&[Hop], &[Hop], u32) {
        match self {
            Side::Scatter { s, d } => (since(g.out_hops(s), from), g.in_hops(d), s),
            Side::Gather { s, d } => (since(g.in_hops(d), from), g.out_hops(s), d),
        }
    }
}

/// Below this product of the two lists' lengths, a pair's intermediates are found by scanning
/// the lists themselves (which stay in the first-level cache) rather than through per-vertex
/// marks (a cache miss each once a thread's marks outgrow its cache).
pub(super) const SMALL: usize = 256;

/// [`pattern`] for short lists, by the same rules. `lists` are the walked list (from `from`
/// on), the looked-up list (whole) and the walked vertex.
fn short_lists(
    g: &Graph,
    family: &PatternParams,
    lists: (&[Hop], &[Hop], u32),
    from: i64,
    t: i64,
    sc: &mut Scratch,
    hist: &Histograms,
) {
    let (walked, looked_up, walked_vertex) = lists;
    let linked = &looked_up[looked_up.partition_point(|h| h.ts < from)..];
    sc.pending_confirmed.clear();
    sc.edges.clear();
    for h in walked {
        let m = h.other;
        if m == walked_vertex {
            continue;
        }
        if h.ts > t {
            if looked_up.iter().any(|x| x.other == m) {
                return;
            }
            continue;
        }
        let Some(latest) = linked.iter().filter(|x| x.other == m).map(|x| x.ts).max() else {
            continue;
        };
        if latest > t {
            return;
        }
        if !sc.pending_confirmed.contains(&m) {
            sc.pending_confirmed.push(m);
        }
        sc.edges.push(h.pos);
    }
    let Some(bin) = family.bin(sc.pending_confirmed.len()) else {
        return;
    };
    for x in linked {
        if sc.pending_confirmed.contains(&x.other) {
            sc.edges.push(x.pos);
        }
    }
    for &f in &sc.edges {
        hist.add(f, bin, g.entries[f as usize]);
    }
}

/// The pattern of a pair from `from` on, credited if it has at least two intermediates and
/// nothing later than `t`; found by scanning both lists when their lengths multiply to at
/// most `small`, through per-vertex marks otherwise.
#[allow(clippy::too_many_arguments)]
pub(super) fn pattern(
    g: &Graph,
    family: &PatternParams,
    side: Side,
    (from, t): (i64, i64),
    small: usize,
    sc: &mut Scratch,
    hist: &Histograms,
) {
    let (walked, looked_up, walked_vertex) = side.lists(g, from);
    if walked.len() * looked_up.len() <= small {
        short_lists(
            g,
            family,
            (walked, looked_up, walked_vertex),
            from,
            t,
            sc,
            hist,
        );
        return;
    }
    for marks in [&mut sc.linked, &mut sc.linked_early, &mut sc.confirmed] {
        marks.ensure(g.vertices);
    }
    sc.linked.clear();
    sc.confirmed.clear();
    sc.edges.clear();
    let early = looked_up.partition_point(|h| h.ts < from);
    let mut early_marked = false;
    for h in &looked_up[early..] {
        let latest = sc.linked.get(h.other).unwrap_or(i64::MIN);
        sc.linked.set(h.other, latest.max(h.ts));
    }
    let mut size = 0;
    for h in walked {
        let m = h.other;
        if m == walked_vertex {
            continue;
        }
        if h.ts > t {
            // A later hop kills the pattern if its intermediate was ever linked, even
            // before the window.
            if !early_marked {
                sc.linked_early.clear();
                for h in &looked_up[..early] {
                    sc.linked_early.set(h.other, 0);
                }
                early_marked = true;
            }
            if sc.linked.has(m) || sc.linked_early.has(m) {
                return;
            }
            continue;
        }
        let Some(latest) = sc.linked.get(m) else {
            continue;
        };
        if latest > t {
            return;
        }
        if !sc.confirmed.has(m) {
            sc.confirmed.set(m, 0);
            size += 1;
        }
        sc.edges.push(h.pos);
    }
    let Some(bin) = family.bin(size) else {
        return;
    };
    for h in &looked_up[early..] {
        if sc.confirmed.has(h.other) {
            sc.edges.push(h.pos);
        }
    }
    for &f in &sc.edges {
        hist.add(f, bin, g.entries[f as usize]);
    }
}
