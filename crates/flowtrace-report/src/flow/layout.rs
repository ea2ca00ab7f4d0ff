//! The layered ("Sugiyama") part of the flow layout: break cycles, put each node in a column,
//! thread long arrows through placeholder vertices, and order each column to cut crossings.

use std::collections::VecDeque;

/// How an arrow is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// Left to right through these vertices: the source, placeholders, the target.
    Forward(Vec<usize>),
    /// Closes a cycle: right to left, drawn as an arc under the boxes.
    Back,
    /// From a node to itself.
    SelfLoop,
}

/// Columns of vertices. Vertices `0..nodes` are the drawn nodes; the rest are placeholders that
/// carry an arrow across a column it skips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layers {
    /// The number of real nodes.
    pub nodes: usize,
    /// The column of every vertex.
    pub layer: Vec<usize>,
    /// The vertices of each column, top to bottom.
    pub order: Vec<Vec<usize>>,
    /// One route per link, in link order.
    pub routes: Vec<Route>,
    /// The (from, to) nodes of each link, in link order.
    pub ends: Vec<(usize, usize)>,
}

impl Layers {
    /// Whether a vertex is a placeholder rather than a node.
    pub fn is_dummy(&self, v: usize) -> bool {
        v >= self.nodes
    }

    /// Vertex pairs in adjacent columns joined by part of an arrow.
    pub fn segments(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.routes.iter().flat_map(|r| match r {
            Route::Forward(chain) => chain.windows(2).map(|w| (w[0], w[1])).collect(),
            _ => Vec::new(),
        })
    }
}

/// Lays out `nodes` nodes joined by `links` (from, to), given in time order.
pub(crate) fn layers(nodes: usize, links: &[(usize, usize)]) -> Layers {
    let back = back_edges(nodes, links);
    let forward: Vec<(usize, usize)> = links
        .iter()
        .zip(&back)
        .filter(|&(&(a, b), &is_back)| !is_back && a != b)
        .map(|(&l, _)| l)
        .collect();
    let mut layer = longest_path(nodes, &forward);
    let mut routes = Vec::with_capacity(links.len());
    for (&(a, b), &is_back) in links.iter().zip(&back) {
        routes.push(if a == b {
            Route::SelfLoop
        } else if is_back {
            Route::Back
        } else {
            let mut chain = vec![a];
            for l in layer[a] + 1..layer[b] {
                chain.push(layer.len());
                layer.push(l);
            }
            chain.push(b);
            Route::Forward(chain)
        });
    }
    let columns = layer.iter().max().map_or(0, |m| m + 1);
    let mut order = vec![Vec::new(); columns];
    for (v, &l) in layer.iter().enumerate() {
        order[l].push(v);
    }
    let ends = links.to_vec();
    let mut result = Layers {
        nodes,
        layer,
        order,
        routes,
        ends,
    };
    reduce_crossings(&mut result);
    result
}

/// Marks the links that close a cycle, found by depth-first search in link order from the
/// sources first: with links in time order, the transfer that closes a cycle is the late one.
fn back_edges(nodes: usize, links: &[(usize, usize)]) -> Vec<bool> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    let mut has_in = vec![false; nodes];
    for (i, &(a, b)) in links.iter().enumerate() {
        out[a].push(i);
        has_in[b] |= a != b;
    }
    let (mut state, mut back) = (vec![0u8; nodes], vec![false; links.len()]);
    let starts = (0..nodes).filter(|&v| !has_in[v]).chain(0..nodes);
    for start in starts {
        if state[start] != 0 {
            continue;
        }
        // Explicit stack of (node, next outgoing link): a long chain must not overflow the stack.
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&(v, next)) = stack.last() {
            let Some(&link) = out[v].get(next) else {
                state[v] = 2;
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            let w = links[link].1;
            match state[w] {
                0 => {
                    state[w] = 1;
                    stack.push((w, 0));
                }
                1 => back[link] = true,
                _ => {}
            }
        }
    }
    back
}

/// Columns by longest path from the sources, then each source moved right next to its nearest
/// successor, so an account that pays in late is not stranded in the first column.
fn longest_path(nodes: usize, forward: &[(usize, usize)]) -> Vec<usize> {
    let mut succ = vec![Vec::new(); nodes];
    let mut indegree = vec![0usize; nodes];
    for &(a, b) in forward {
        succ[a].push(b);
        indegree[b] += 1;
    }
    let mut queue: VecDeque<usize> = (0..nodes).filter(|&v| indegree[v] == 0).collect();
    let mut layer = vec![0usize; nodes];
    let mut remaining = indegree.clone();
    while let Some(v) = queue.pop_front() {
        for &w in &succ[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            remaining[w] -= 1;
            if remaining[w] == 0 {
                queue.push_back(w);
            }
        }
    }
    for v in 0..nodes {
        if indegree[v] == 0 {
            if let Some(nearest) = succ[v].iter().map(|&w| layer[w]).min() {
                layer[v] = nearest - 1;
            }
        }
    }
    layer
}

/// A few barycenter sweeps down and up; keeps the best order seen. Ties keep the current order,
/// so the result depends on the input only.
fn reduce_crossings(layers: &mut Layers) {
    let segments: Vec<(usize, usize)> = layers.segments().collect();
    let mut pred = vec![Vec::new(); layers.layer.len()];
    let mut succ = vec![Vec::new(); layers.layer.len()];
    for &(a, b) in &segments {
        succ[a].push(b);
        pred[b].push(a);
    }
    let mut best = layers.order.clone();
    let mut best_crossings = crossings(&layers.order, &layers.layer, &segments);
    let columns = layers.order.len();
    for _ in 0..6 {
        for l in 1..columns {
            sort_by_barycenter(&mut layers.order, l, l - 1, &pred);
        }
        for l in (0..columns.saturating_sub(1)).rev() {
            sort_by_barycenter(&mut layers.order, l, l + 1, &succ);
        }
        let now = crossings(&layers.order, &layers.layer, &segments);
        if now < best_crossings {
            best_crossings = now;
            best.clone_from(&layers.order);
        }
    }
    layers.order = best;
}

fn sort_by_barycenter(order: &mut [Vec<usize>], l: usize, other: usize, adj: &[Vec<usize>]) {
    let mut pos = vec![0.0f64; adj.len()];
    for (i, &v) in order[other].iter().enumerate() {
        pos[v] = i as f64;
    }
    let keys: Vec<(f64, usize)> = order[l]
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let key = if adj[v].is_empty() {
                i as f64
            } else {
                adj[v].iter().map(|&w| pos[w]).sum::<f64>() / adj[v].len() as f64
            };
            (key, v)
        })
        .collect();
    let mut sorted = keys;
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    order[l] = sorted.into_iter().map(|(_, v)| v).collect();
}

/// Pairs of segments between the same two columns that cross.
fn crossings(order: &[Vec<usize>], layer: &[usize], segments: &[(usize, usize)]) -> usize {
    let mut pos = vec![0usize; layer.len()];
    for column in order {
        for (i, &v) in column.iter().enumerate() {
            pos[v] = i;
        }
    }
    // Only segments in the same gap between columns can cross: compare within each gap.
    let mut by_gap: Vec<Vec<(usize, usize)>> = vec![Vec::new(); order.len()];
    for &(a, b) in segments {
        by_gap[layer[a]].push((pos[a], pos[b]));
    }
    let mut count = 0;
    for gap in &by_gap {
        for (i, &(a, b)) in gap.iter().enumerate() {
            count += gap[i + 1..]
                .iter()
                .filter(|&&(c, d)| a != c && b != d && (a < c) != (b < d))
                .count();
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_is_broken_at_the_edge_that_closes_it() {
        let l = layers(3, &[(0, 1), (1, 2), (2, 0)]);
        assert_eq!(l.layer[..3], [0, 1, 2]);
        assert_eq!(l.routes[2], Route::Back);
        assert!(matches!(l.routes[0], Route::Forward(_)));
    }

    #[test]
    fn a_cycle_with_no_source_still_gets_columns() {
        // Every node has an incoming edge; the search starts from the first node.
        let l = layers(4, &[(1, 2), (2, 3), (3, 1), (0, 0)]);
        assert_eq!(l.routes[3], Route::SelfLoop);
        assert_eq!(l.routes.iter().filter(|r| **r == Route::Back).count(), 1);
    }

    #[test]
    fn long_edges_pass_through_placeholders() {
        let l = layers(4, &[(0, 1), (1, 2), (2, 3), (0, 3)]);
        let Route::Forward(chain) = &l.routes[3] else {
            panic!("forward expected")
        };
        assert_eq!(chain.len(), 4);
        assert!(chain[1..3].iter().all(|&v| l.is_dummy(v)));
    }

    #[test]
    fn barycenter_sweeps_untangle_a_crossing() {
        // 0->3 and 1->2: drawn in input order they cross; sorted they do not.
        let l = layers(4, &[(0, 3), (1, 2)]);
        let segments: Vec<_> = l.segments().collect();
        assert_eq!(crossings(&l.order, &l.layer, &segments), 0);
    }

    #[test]
    fn a_late_source_sits_next_to_what_it_pays() {
        let l = layers(5, &[(0, 1), (1, 2), (2, 3), (4, 3)]);
        assert_eq!(l.layer[4], 2);
    }
}
