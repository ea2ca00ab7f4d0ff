//! Tests of whole flow drawings: what a reader of the page would notice if it broke.

use super::*;

fn cycle() -> FlowGraph {
    FlowGraph::new("cycle")
        .node(FlowNode::new("a", "A", NodeKind::Funder))
        .node(FlowNode::new("b", "B", NodeKind::Intermediary))
        .node(FlowNode::new("c", "C", NodeKind::Beneficiary))
        .edge(FlowEdge::new("a", "b").amount("10").highlighted())
        .edge(FlowEdge::new("b", "c").amount("9").highlighted())
        .edge(FlowEdge::new("c", "a").amount("8").highlighted())
}

/// A graph shaped like a real trace: a fan-in, a chain, a fan-out and some cross links.
fn tangle(n: usize) -> FlowGraph {
    let mut g = FlowGraph::new("tangle");
    for i in 0..n {
        let kind = NodeKind::ALL[i % NodeKind::ALL.len()];
        g = g.node(FlowNode::new(format!("n{i}"), format!("Account {i}"), kind));
    }
    for i in 0..n {
        for step in [1, 3, 7] {
            let j = (i * 5 + step) % n;
            if i != j {
                let e = FlowEdge::new(format!("n{i}"), format!("n{j}")).amount(format!("{i}.{j}"));
                g = g.edge(if i % 4 == 0 { e.highlighted() } else { e });
            }
        }
    }
    g
}

#[test]
fn same_graph_same_bytes() {
    for g in [cycle(), tangle(12), tangle(45), tangle(200)] {
        assert_eq!(render(&g, 1), render(&g.clone(), 1));
    }
}

#[test]
fn a_cycle_renders_with_every_edge_and_a_dashed_back_edge() {
    let html = render(&cycle(), 1);
    assert_eq!(html.matches("<g class=\"node\">").count(), 3);
    assert_eq!(html.matches("<g class=\"edge hl").count(), 3);
    assert_eq!(html.matches("class=\"edge hl back\"").count(), 1);
    assert!(html.contains("closes a cycle"));
    assert!(!html.contains("NaN") && !html.contains("inf"));
}

#[test]
fn a_big_graph_is_cut_to_its_top_nodes_and_says_so() {
    let html = render(&tangle(200), 3);
    assert_eq!(
        html.matches("<g class=\"node\">").count(),
        DEFAULT_MAX_NODES
    );
    assert!(
        html.contains("Showing 60 of 200 accounts: 140 accounts"),
        "{html}"
    );
    assert!(!html.contains("NaN"));
}

#[test]
fn every_graph_size_from_two_to_sixty_draws_finite_coordinates() {
    for n in 2..=60 {
        let html = render(&tangle(n), n);
        assert!(!html.contains("NaN") && !html.contains("inf"), "n = {n}");
        assert_eq!(html.matches("<g class=\"node\">").count(), n);
    }
}

#[test]
fn marker_ids_are_unique_per_figure() {
    assert!(render(&cycle(), 7).contains("id=\"ft7h\""));
    assert!(render(&cycle(), 7).contains("url(#ft7h)"));
}

#[test]
fn names_are_escaped_in_boxes_tooltips_and_labels() {
    let g = FlowGraph::new("<t>")
        .node(FlowNode::new("x", "<img src=x onerror=1>", NodeKind::Listed).tooltip("a\"b"))
        .node(FlowNode::new("y", "شركة & Co", NodeKind::Ordinary))
        .edge(FlowEdge::new("x", "y").amount("<1>").time("'t'").label("&"));
    let html = render(&g, 1);
    assert!(!html.contains("<img") && !html.contains("<1>") && !html.contains("<t>"));
    assert!(html.contains("&lt;img") && html.contains("شركة &amp; Co"));
    assert!(html.contains("a&quot;b"));
}

#[test]
fn parallel_transfers_are_summarised_with_their_time_span() {
    let g = FlowGraph::new("p")
        .node(FlowNode::new("a", "A", NodeKind::Ordinary))
        .node(FlowNode::new("b", "B", NodeKind::Ordinary))
        .edge(FlowEdge::new("a", "b").amount("1").time("03-04 09:30"))
        .edge(FlowEdge::new("a", "b").amount("2").time("03-04 09:31"));
    let html = render(&g, 1);
    assert!(html.contains(">2 transfers<"));
    assert!(html.contains("03-04 09:30 → 09:31"));
}

#[test]
fn an_empty_graph_says_so() {
    assert!(render(&FlowGraph::new("none"), 1).contains("No flows to show."));
}
