//! Louvain community detection (Blondel et al. 2008), deterministic for a seed.
//!
//! Nodes are visited in an order shuffled by a fixed-algorithm generator (SplitMix64) seeded
//! by the caller; a node moves only to a community strictly better than its own, and among
//! equally good ones to the lowest-numbered, so a seed gives the same communities on every
//! machine. Sums run in a fixed order, so floating-point rounding cannot differ between runs.

use std::collections::BTreeMap;

/// A symmetric weighted graph in adjacency lists; `adj[i]` holds `(j, A_ij)` for `j != i`,
/// `self_weight[i]` holds `A_ii`.
pub(super) struct Graph {
    pub adj: Vec<Vec<(u32, f64)>>,
    pub self_weight: Vec<f64>,
}

impl Graph {
    fn len(&self) -> usize {
        self.adj.len()
    }

    /// k_i = sum over j of A_ij.
    fn strengths(&self) -> Vec<f64> {
        self.adj
            .iter()
            .zip(&self.self_weight)
            .map(|(row, &s)| s + row.iter().map(|&(_, w)| w).sum::<f64>())
            .collect()
    }
}

/// The community of every node of `graph`, numbered from 0 in order of each community's
/// lowest node.
pub(super) fn louvain(graph: Graph, resolution: f64, seed: u64) -> Vec<u32> {
    let mut rng = SplitMix64(seed);
    let mut membership: Vec<u32> = (0..graph.len() as u32).collect();
    let mut level = graph;
    loop {
        let (communities, moved) = local_moving(&level, resolution, &mut rng);
        if !moved {
            break;
        }
        let (numbered, count) = renumber(&communities);
        for c in membership.iter_mut() {
            *c = numbered[*c as usize];
        }
        if count == level.len() {
            break;
        }
        level = aggregate(&level, &numbered, count);
    }
    renumber(&membership).0
}

/// One Louvain phase: nodes move between communities until none gains by moving.
fn local_moving(graph: &Graph, resolution: f64, rng: &mut SplitMix64) -> (Vec<u32>, bool) {
    let n = graph.len();
    let k = graph.strengths();
    let two_m: f64 = k.iter().sum();
    let mut community: Vec<u32> = (0..n as u32).collect();
    if two_m <= 0.0 {
        return (community, false);
    }
    let mut total = k.clone();
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    // Weight from the current node to each neighbouring community; BTreeMap for a fixed order.
    let mut links: BTreeMap<u32, f64> = BTreeMap::new();
    let mut moved_any = false;
    for _pass in 0..100 {
        let mut moved = false;
        for &i in &order {
            let own = community[i];
            links.clear();
            links.insert(own, 0.0);
            for &(j, w) in &graph.adj[i] {
                *links.entry(community[j as usize]).or_insert(0.0) += w;
            }
            total[own as usize] -= k[i];
            let gain = |c: u32, to_c: f64| to_c - resolution * total[c as usize] * k[i] / two_m;
            let mut best = (own, gain(own, links[&own]));
            for (&c, &to_c) in &links {
                let g = gain(c, to_c);
                if g > best.1 + 1e-12 * k[i].max(1.0) {
                    best = (c, g);
                }
            }
            total[best.0 as usize] += k[i];
            if best.0 != own {
                community[i] = best.0;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    (community, moved_any)
}

/// Community ids made dense, in order of first appearance; and how many there are.
fn renumber(community: &[u32]) -> (Vec<u32>, usize) {
    let mut map: Vec<u32> = vec![u32::MAX; community.len().max(1)];
    let mut next = 0u32;
    let mut out = Vec::with_capacity(community.len());
    for &c in community {
        let slot = &mut map[c as usize];
        if *slot == u32::MAX {
            *slot = next;
            next += 1;
        }
        out.push(*slot);
    }
    (out, next as usize)
}

/// The graph of communities: A'_CD = sum of A_ij over i in C, j in D.
fn aggregate(graph: &Graph, community: &[u32], count: usize) -> Graph {
    let mut rows: Vec<BTreeMap<u32, f64>> = vec![BTreeMap::new(); count];
    let mut self_weight = vec![0.0; count];
    for i in 0..graph.len() {
        let ci = community[i];
        self_weight[ci as usize] += graph.self_weight[i];
        for &(j, w) in &graph.adj[i] {
            let cj = community[j as usize];
            if cj == ci {
                self_weight[ci as usize] += w;
            } else {
                *rows[ci as usize].entry(cj).or_insert(0.0) += w;
            }
        }
    }
    Graph {
        adj: rows.into_iter().map(|r| r.into_iter().collect()).collect(),
        self_weight,
    }
}

/// SplitMix64: a fixed algorithm, so a seed shuffles the same way everywhere.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(u32, u32, f64)]) -> Graph {
        let mut adj = vec![Vec::new(); n];
        for &(a, b, w) in edges {
            adj[a as usize].push((b, w));
            adj[b as usize].push((a, w));
        }
        Graph {
            adj,
            self_weight: vec![0.0; n],
        }
    }

    fn clique(nodes: std::ops::Range<u32>, w: f64, out: &mut Vec<(u32, u32, f64)>) {
        for a in nodes.clone() {
            for b in a + 1..nodes.end {
                out.push((a, b, w));
            }
        }
    }

    #[test]
    fn finds_two_cliques_joined_by_one_edge_whatever_the_seed() {
        let mut edges = Vec::new();
        clique(0..5, 3.0, &mut edges);
        clique(5..10, 3.0, &mut edges);
        edges.push((4, 5, 1.0));
        for seed in 0..20 {
            let c = louvain(graph(10, &edges), 1.0, seed);
            assert_eq!(c, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], "seed {seed}");
        }
    }

    #[test]
    fn a_ring_of_cliques_is_split_into_its_cliques() {
        let mut edges = Vec::new();
        for k in 0..8u32 {
            clique(k * 4..k * 4 + 4, 1.0, &mut edges);
            edges.push((k * 4 + 3, ((k + 1) % 8) * 4, 1.0));
        }
        let c = louvain(graph(32, &edges), 1.0, 7);
        for k in 0..8usize {
            assert!(c[k * 4..k * 4 + 4].iter().all(|&x| x == c[k * 4]));
            assert_ne!(c[k * 4], c[((k + 1) % 8) * 4]);
        }
    }

    #[test]
    fn isolated_nodes_stay_alone() {
        assert_eq!(louvain(graph(3, &[]), 1.0, 1), [0, 1, 2]);
    }
}
