//! Deciding what of a flow graph gets drawn: the most important nodes when there are too many,
//! and one arrow per ordered pair of accounts however many transfers it carries (ten parallel
//! curves between two boxes read as a smear).

use std::collections::BTreeMap;

use super::{FlowEdge, FlowGraph, FlowNode, NodeKind};

/// The transfers from one drawn node to another, drawn as one arrow.
#[derive(Debug)]
pub(crate) struct Link<'a> {
    /// Index into [`Shown::nodes`].
    pub from: usize,
    /// Index into [`Shown::nodes`].
    pub to: usize,
    /// The transfers, in input order.
    pub edges: Vec<&'a FlowEdge>,
}

impl Link<'_> {
    /// Whether any of its transfers is highlighted.
    pub fn highlighted(&self) -> bool {
        self.edges.iter().any(|e| e.highlighted)
    }
}

/// What will be drawn, and how much was left out.
#[derive(Debug)]
pub(crate) struct Shown<'a> {
    /// The drawn nodes, in input order.
    pub nodes: Vec<&'a FlowNode>,
    /// The drawn arrows, in the order of their first transfer.
    pub links: Vec<Link<'a>>,
    /// Nodes left out because the graph was too big (or repeated an id).
    pub hidden_nodes: usize,
    /// Transfers left out because they touch a left-out node.
    pub hidden_edges: usize,
    /// Transfers left out because an end is not a node of the graph.
    pub dangling_edges: usize,
    /// Transfers between drawn nodes left out because there were too many arrows to draw.
    pub crowded_edges: usize,
}

/// Arrows drawn at most per node allowed: past this a drawing is a hairball whatever the layout,
/// and the layout's cost grows with arrows times columns.
const LINKS_PER_NODE: usize = 5;

/// Chooses the nodes and arrows to draw.
pub(crate) fn select(graph: &FlowGraph) -> Shown<'_> {
    let (unique, index) = unique_nodes(&graph.nodes);
    let ends: Vec<Option<(usize, usize)>> = graph
        .edges
        .iter()
        .map(|e| Some((*index.get(e.from.as_str())?, *index.get(e.to.as_str())?)))
        .collect();
    let keep = kept(&unique, &graph.edges, &ends, graph.max_nodes.max(1));
    // New positions for kept nodes; input order is kept so ties break the way the caller chose.
    let mut position = vec![usize::MAX; unique.len()];
    let mut nodes = Vec::new();
    for (i, node) in unique.iter().enumerate() {
        if keep[i] {
            position[i] = nodes.len();
            nodes.push(*node);
        }
    }
    let mut links: Vec<Link> = Vec::new();
    let mut link_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let (mut hidden_edges, mut dangling_edges) = (0, 0);
    for (edge, end) in graph.edges.iter().zip(&ends) {
        let Some((a, b)) = *end else {
            dangling_edges += 1;
            continue;
        };
        if !keep[a] || !keep[b] {
            hidden_edges += 1;
            continue;
        }
        let (from, to) = (position[a], position[b]);
        let slot = *link_of.entry((from, to)).or_insert_with(|| {
            links.push(Link {
                from,
                to,
                edges: Vec::new(),
            });
            links.len() - 1
        });
        links[slot].edges.push(edge);
    }
    let crowded_edges = thin(&mut links, graph.max_nodes.max(1) * LINKS_PER_NODE);
    Shown {
        hidden_nodes: graph.nodes.len() - nodes.len(),
        nodes,
        links,
        hidden_edges,
        dangling_edges,
        crowded_edges,
    }
}

/// Keeps the `max` most important arrows (highlighted, then carrying the most transfers, then
/// earliest), in their original order; returns how many transfers were dropped.
fn thin(links: &mut Vec<Link>, max: usize) -> usize {
    if links.len() <= max {
        return 0;
    }
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by(|&a, &b| {
        (links[b].highlighted().cmp(&links[a].highlighted()))
            .then_with(|| links[b].edges.len().cmp(&links[a].edges.len()))
    });
    let mut keep = vec![false; links.len()];
    order.iter().take(max).for_each(|&i| keep[i] = true);
    let mut dropped = 0;
    let mut i = 0;
    links.retain(|link| {
        let kept = keep[i];
        i += 1;
        if !kept {
            dropped += link.edges.len();
        }
        kept
    });
    dropped
}

/// The nodes with distinct ids (the first of each id wins) and a map from id to position.
fn unique_nodes(nodes: &[FlowNode]) -> (Vec<&FlowNode>, BTreeMap<&str, usize>) {
    let mut unique = Vec::new();
    let mut index = BTreeMap::new();
    for node in nodes {
        if !index.contains_key(node.id.as_str()) {
            index.insert(node.id.as_str(), unique.len());
            unique.push(node);
        }
    }
    (unique, index)
}

/// Which nodes to keep: all of them if they fit, else the `max` most important ones.
fn kept(
    nodes: &[&FlowNode],
    edges: &[FlowEdge],
    ends: &[Option<(usize, usize)>],
    max: usize,
) -> Vec<bool> {
    if nodes.len() <= max {
        return vec![true; nodes.len()];
    }
    let mut degree = vec![0usize; nodes.len()];
    let mut highlighted = vec![0usize; nodes.len()];
    for (edge, end) in edges.iter().zip(ends) {
        if let Some((a, b)) = *end {
            for v in [a, b] {
                degree[v] += 1;
                highlighted[v] += usize::from(edge.highlighted);
            }
        }
    }
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    // Caller's rank first, then the highlighted chain, then any special role, then busy nodes;
    // the stable sort keeps input order among equals, so the choice is deterministic.
    order.sort_by(|&a, &b| {
        nodes[b]
            .rank
            .total_cmp(&nodes[a].rank)
            .then_with(|| highlighted[b].cmp(&highlighted[a]))
            .then_with(|| special(nodes[b]).cmp(&special(nodes[a])))
            .then_with(|| degree[b].cmp(&degree[a]))
    });
    let mut keep = vec![false; nodes.len()];
    for &v in order.iter().take(max) {
        keep[v] = true;
    }
    keep
}

fn special(node: &FlowNode) -> bool {
    node.kind != NodeKind::Ordinary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: usize) -> FlowGraph {
        let mut g = FlowGraph::new("chain");
        for i in 0..n {
            g = g.node(FlowNode::new(
                i.to_string(),
                format!("n{i}"),
                NodeKind::Ordinary,
            ));
        }
        for i in 1..n {
            g = g.edge(FlowEdge::new((i - 1).to_string(), i.to_string()));
        }
        g
    }

    #[test]
    fn merges_parallel_transfers_into_one_link() {
        let g = chain(2).edge(FlowEdge::new("0", "1").highlighted());
        let shown = select(&g);
        assert_eq!(shown.links.len(), 1);
        assert_eq!(shown.links[0].edges.len(), 2);
        assert!(shown.links[0].highlighted());
    }

    #[test]
    fn counts_edges_to_unknown_nodes() {
        let g = chain(2).edge(FlowEdge::new("0", "nobody"));
        assert_eq!(select(&g).dangling_edges, 1);
    }

    #[test]
    fn thins_a_hairball_to_its_heaviest_arrows() {
        let mut g = chain(10);
        for i in 0..10 {
            for j in 0..10 {
                g = g.edge(FlowEdge::new(i.to_string(), j.to_string()));
            }
        }
        let g = g.max_nodes(10);
        let shown = select(&g);
        assert_eq!(shown.links.len(), 50);
        let drawn: usize = shown.links.iter().map(|l| l.edges.len()).sum();
        assert_eq!(drawn + shown.crowded_edges, 109);
        // The chain's links carry two transfers each, so they are kept.
        assert!(shown.links.iter().filter(|l| l.edges.len() == 2).count() == 9);
    }

    #[test]
    fn keeps_the_highlighted_and_special_nodes_of_a_big_graph() {
        let mut g = chain(100).max_nodes(10);
        g.nodes[70].kind = NodeKind::Listed;
        g = g.edge(FlowEdge::new("90", "91").highlighted());
        let shown = select(&g);
        assert_eq!(shown.nodes.len(), 10);
        assert_eq!(shown.hidden_nodes, 90);
        let ids: Vec<&str> = shown.nodes.iter().map(|n| n.id.as_str()).collect();
        assert!(ids.contains(&"70") && ids.contains(&"90") && ids.contains(&"91"));
        assert_eq!(
            shown.hidden_edges + shown.links.iter().map(|l| l.edges.len()).sum::<usize>(),
            100
        );
    }
}
