//! A flow network, built arc by arc, and its maximum flow (Dinic's, in [`super::residual`]),
//! with the minimum cut read off the residual graph.

use std::collections::VecDeque;

use super::residual::Residual;

/// Capacity treated as unlimited.
pub const UNLIMITED: f64 = f64::INFINITY;

/// Flow below this is rounding noise.
pub(super) const EPSILON: f64 = 1e-9;

/// A directed network with capacities; arcs come in (forward, reverse) pairs.
#[derive(Clone, Debug, Default)]
pub struct Network {
    head: Vec<u32>,
    to: Vec<u32>,
    next: Vec<u32>,
    capacity: Vec<f64>,
}

/// The end of a node's list of arcs.
const END: u32 = u32::MAX;

impl Network {
    /// A network of `nodes` nodes and no arcs.
    pub fn new(nodes: usize) -> Network {
        Network {
            head: vec![END; nodes],
            ..Network::default()
        }
    }

    /// Number of nodes.
    pub fn nodes(&self) -> usize {
        self.head.len()
    }

    /// Adds a node; returns its index.
    pub fn add_node(&mut self) -> u32 {
        self.head.push(END);
        (self.head.len() - 1) as u32
    }

    /// Adds an arc `from -> to`; returns its index (its reverse is the index + 1).
    pub fn add_arc(&mut self, from: u32, to: u32, capacity: f64) -> usize {
        let arc = self.to.len();
        for (a, b, c) in [(from, to, capacity), (to, from, 0.0)] {
            self.to.push(b);
            self.capacity.push(c);
            self.next.push(self.head[a as usize]);
            self.head[a as usize] = self.to.len() as u32 - 1;
        }
        arc
    }

    /// Flow on arc `arc` after [`Network::max_flow`] (its reverse's residual capacity).
    pub fn flow(&self, arc: usize) -> f64 {
        self.capacity[arc ^ 1]
    }

    /// Sets arc `arc`'s capacity (before a run).
    pub fn set_capacity(&mut self, arc: usize, capacity: f64) {
        self.capacity[arc] = capacity;
    }

    /// Pushes the maximum flow from `source` to `sink`; returns its value. Afterwards each
    /// arc's capacity is its residual capacity.
    pub fn max_flow(&mut self, source: u32, sink: u32) -> f64 {
        let mut residual = Residual::of(self);
        let total = residual.max_flow(source, sink);
        residual.write_back(self);
        total
    }

    /// Number of arcs (each reverse counted).
    pub(super) fn arcs(&self) -> usize {
        self.to.len()
    }

    /// The arcs leaving `v`, in list order (the latest added first).
    pub(super) fn arcs_of(&self, v: u32) -> impl Iterator<Item = usize> + '_ {
        let mut arc = self.head[v as usize];
        std::iter::from_fn(move || {
            (arc != END).then(|| {
                let a = arc as usize;
                arc = self.next[a];
                a
            })
        })
    }

    /// The node arc `arc` leads to.
    pub(super) fn head_of(&self, arc: usize) -> u32 {
        self.to[arc]
    }

    /// Arc `arc`'s (residual) capacity.
    pub(super) fn capacity(&self, arc: usize) -> f64 {
        self.capacity[arc]
    }

    /// Nodes reachable from `source` in the residual graph: the source side of a minimum cut.
    pub fn source_side(&self, source: u32) -> Vec<bool> {
        let mut seen = vec![false; self.nodes()];
        let mut queue = VecDeque::from([source]);
        seen[source as usize] = true;
        while let Some(v) = queue.pop_front() {
            let mut arc = self.head[v as usize];
            while arc != END {
                let w = self.to[arc as usize];
                if self.capacity[arc as usize] > EPSILON && !seen[w as usize] {
                    seen[w as usize] = true;
                    queue.push_back(w);
                }
                arc = self.next[arc as usize];
            }
        }
        seen
    }

    /// Arc `arc`'s endpoints.
    pub fn ends(&self, arc: usize) -> (u32, u32) {
        (self.to[arc ^ 1], self.to[arc])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_example_flow_and_cut() {
        // s=0, t=5; the textbook network with max flow 23.
        let mut n = Network::new(6);
        for (a, b, c) in [
            (0, 1, 16.0),
            (0, 2, 13.0),
            (1, 2, 10.0),
            (2, 1, 4.0),
            (1, 3, 12.0),
            (3, 2, 9.0),
            (2, 4, 14.0),
            (4, 3, 7.0),
            (3, 5, 20.0),
            (4, 5, 4.0),
        ] {
            n.add_arc(a, b, c);
        }
        assert_eq!(n.max_flow(0, 5), 23.0);
        let side = n.source_side(0);
        assert!(side[0] && !side[5]);
    }
}
