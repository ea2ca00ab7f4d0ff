//! Tests of Sankey layouts and drawings: the invariants a reader relies on (bars as tall as
//! their totals, bands that fill their bars), folding, and input that must not break the page.

use super::fold::{fold, Folded};
use super::layout::{layout, Layout};
use super::*;

/// Relative closeness, for sums of floating-point band widths.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A trace shaped like a real one: seeds fan out to countries, which pass money on, some of it
/// straight from the seeds to the last hop.
fn trace() -> Sankey {
    Sankey::new("Amounts by hop")
        .column("seed")
        .column("hop 1")
        .column("hop 2")
        .node(SankeyNode::new("s1", "Seed A", 0))
        .node(SankeyNode::new("s2", "Seed B", 0))
        .node(SankeyNode::new("ru", "Russia", 1))
        .node(SankeyNode::new("tr", "Türkiye", 1))
        .node(SankeyNode::new("ae", "UAE", 1))
        .node(SankeyNode::new("cy", "Cyprus", 2))
        .node(SankeyNode::new("cash", "Cash", 2))
        .link(SankeyLink::new("s1", "ru", 500.0))
        .link(SankeyLink::new("s1", "tr", 300.0).label("USD"))
        .link(SankeyLink::new("s2", "tr", 200.0))
        .link(SankeyLink::new("s2", "ae", 100.0))
        .link(SankeyLink::new("ru", "cy", 450.0))
        .link(SankeyLink::new("tr", "cy", 120.0))
        .link(SankeyLink::new("tr", "cash", 600.0))
        .link(SankeyLink::new("s2", "cash", 40.0))
}

/// One seed paying `n` groups of hop 1, group `i` getting `i + 1`, each passing it all to one
/// group of hop 2.
fn fan(n: usize) -> Sankey {
    let mut s = Sankey::new("fan")
        .column("seed")
        .column("hop 1")
        .column("hop 2")
        .node(SankeyNode::new("seed", "Seed", 0))
        .node(SankeyNode::new("end", "End", 2));
    for i in 0..n {
        let id = format!("g{i}");
        s = s
            .node(SankeyNode::new(&id, format!("Group {i}"), 1))
            .link(SankeyLink::new("seed", &id, (i + 1) as f64))
            .link(SankeyLink::new(&id, "end", (i + 1) as f64));
    }
    s
}

/// Checks the layout invariants and returns the pixels per unit of amount.
fn check_invariants(folded: &Folded, layout: &Layout) -> f64 {
    let per_unit = layout.nodes[0].h / folded.groups[0].total();
    assert!(per_unit.is_finite() && per_unit > 0.0);
    for (group, node) in folded.groups.iter().zip(&layout.nodes) {
        // Bars are as tall as max(inflow, outflow), on one scale.
        assert!(
            close(node.h, group.total() * per_unit),
            "{group:?} {node:?}"
        );
    }
    for (g, node) in layout.nodes.iter().enumerate() {
        let mut out: Vec<(f64, f64)> = Vec::new();
        let mut inc: Vec<(f64, f64)> = Vec::new();
        for (flow, band) in folded.flows.iter().zip(&layout.bands) {
            assert!(close(band.width, flow.value * per_unit));
            if flow.from == g {
                out.push((band.y_from, band.width));
            }
            if flow.to == g {
                inc.push((band.y_to, band.width));
            }
        }
        let group = &folded.groups[g];
        for (side, flow) in [(&mut out, group.outflow), (&mut inc, group.inflow)] {
            let sum: f64 = side.iter().map(|b| b.1).sum();
            assert!(close(sum, flow * per_unit), "side of {group:?}");
            // Stacked without gaps or overlaps, inside the bar.
            side.sort_by(|a, b| a.0.total_cmp(&b.0));
            for pair in side.windows(2) {
                assert!(close(pair[0].0 + pair[0].1, pair[1].0), "{side:?}");
            }
            if let (Some(first), Some(last)) = (side.first(), side.last()) {
                assert!(first.0 >= node.y - 1e-9 && last.0 + last.1 <= node.y + node.h + 1e-6);
            }
        }
        // The larger side fills the bar exactly.
        let larger = out
            .iter()
            .map(|b| b.1)
            .sum::<f64>()
            .max(inc.iter().map(|b| b.1).sum());
        assert!(close(larger, node.h));
    }
    per_unit
}

#[test]
fn bars_are_as_tall_as_their_totals_and_bands_fill_them() {
    let sankey = trace();
    let folded = fold(&sankey);
    let layout = layout(&folded);
    check_invariants(&folded, &layout);
    let total = |label: &str| {
        let g = folded.groups.iter().find(|g| g.label() == label).unwrap();
        (g.inflow, g.outflow, g.total())
    };
    assert_eq!(total("Türkiye"), (500.0, 720.0, 720.0));
    assert_eq!(total("Cash"), (640.0, 0.0, 640.0));
    assert_eq!(total("Seed B"), (0.0, 340.0, 340.0));
    // Nodes of a column do not overlap.
    for c in 0..3 {
        let mut boxes: Vec<_> = folded
            .groups
            .iter()
            .zip(&layout.nodes)
            .filter(|(g, _)| g.column == c)
            .map(|(_, n)| (n.y, n.h))
            .collect();
        boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(boxes.windows(2).all(|p| p[0].0 + p[0].1 < p[1].0));
    }
}

#[test]
fn links_that_skip_a_column_run_to_the_later_column() {
    let sankey = trace();
    let folded = fold(&sankey);
    let layout = layout(&folded);
    let skip = folded
        .flows
        .iter()
        .position(|f| folded.groups[f.from].column == 0 && folded.groups[f.to].column == 2)
        .expect("the seed-to-cash band");
    let html = render(&sankey);
    let x2 = layout.column_x[2];
    let band = html
        .lines()
        .filter(|l| l.starts_with("<path class=\"band\""))
        .nth(skip)
        .unwrap();
    assert!(band.contains(&format!(" {x2:.1},")), "{band}");
    assert!(band.contains("Seed B → Cash: 40"));
}

#[test]
fn small_nodes_fold_into_one_other_node_per_column() {
    let sankey = fan(20).max_nodes_per_column(5);
    let folded = fold(&sankey);
    let hop1: Vec<_> = folded.groups.iter().filter(|g| g.column == 1).collect();
    assert_eq!(hop1.len(), 5);
    let other = hop1
        .iter()
        .find(|g| g.node.is_none())
        .expect("an other node");
    assert_eq!(other.folded.len(), 16);
    // The sixteen smallest groups carry 1 + 2 + ... + 16.
    assert_eq!(other.inflow, 136.0);
    assert_eq!(other.outflow, 136.0);
    assert_eq!(folded.folded_nodes, 16);
    // Their links are merged: one band in, one band out.
    let into_other: Vec<_> = folded
        .flows
        .iter()
        .filter(|f| folded.groups[f.to].node.is_none())
        .collect();
    assert_eq!(into_other.len(), 1);
    assert_eq!(into_other[0].parts, 16);
    assert_eq!(folded.flows.len(), 10);
    check_invariants(&folded, &layout(&folded));

    let html = render(&sankey);
    assert!(html.contains("other (16)"));
    assert!(html.contains("16 smaller nodes are folded into “other”"));
    assert!(html.contains("… and 8 more"));
    // The kept nodes are the biggest.
    assert!(html.contains("\u{2068}Group 19\u{2069}") && !html.contains("\u{2068}Group 3\u{2069}"));
}

#[test]
fn bad_values_and_stray_links_are_left_out_and_counted() {
    let sankey = trace()
        .node(SankeyNode::new("far", "Far", usize::MAX))
        .link(SankeyLink::new("s1", "cy", f64::NAN))
        .link(SankeyLink::new("s1", "cy", f64::INFINITY))
        .link(SankeyLink::new("s1", "cy", -5.0))
        .link(SankeyLink::new("s1", "cy", 0.0))
        .link(SankeyLink::new("s1", "nobody", 10.0))
        .link(SankeyLink::new("cy", "s1", 10.0))
        .link(SankeyLink::new("ru", "tr", 10.0))
        .link(SankeyLink::new("ru", "far", 10.0));
    let folded = fold(&sankey);
    assert_eq!(folded.bad_values, 4);
    assert_eq!(folded.stray_links, 4);
    assert_eq!(folded.far_nodes, 1);
    assert_eq!(folded.columns, 3);
    let html = render(&sankey);
    assert_eq!(html, render(&trace()).replace(
        "</svg></div>\n",
        "</svg></div>\n<figcaption dir=\"auto\">4 links name a node that is not in the diagram or \
         do not run left to right, and are left out. 4 links without a positive amount are left \
         out. 1 node in a column past 64 is left out.</figcaption>\n",
    ));
    assert!(!html.contains("NaN") && !html.contains("inf"));
}

#[test]
fn nothing_to_draw_says_no_data() {
    let empty = render(&Sankey::new("empty"));
    assert!(empty.contains("<p class=\"empty\">No data.</p>"));
    assert!(!empty.contains("<svg"));

    let one_column = Sankey::new("one column")
        .column("seed")
        .node(SankeyNode::new("a", "A", 0))
        .node(SankeyNode::new("b", "B", 0))
        .link(SankeyLink::new("a", "b", 5.0));
    let html = render(&one_column);
    assert!(html.contains("No data.") && !html.contains("<svg"));
    assert!(html.contains("1 link names a node"));

    let only_bad = fan(3).links.iter().fold(
        Sankey::new("bad").node(SankeyNode::new("x", "X", 0)),
        |s, l| s.link(SankeyLink::new(&l.from, &l.to, -l.value)),
    );
    assert!(render(&only_bad).contains("No data."));
}

#[test]
fn columns_past_the_last_heading_still_draw() {
    let sankey = Sankey::new("one heading")
        .column("seed")
        .node(SankeyNode::new("a", "A", 0))
        .node(SankeyNode::new("b", "B", 1))
        .link(SankeyLink::new("a", "b", 5.0));
    let html = render(&sankey);
    assert_eq!(html.matches("<path class=\"band\"").count(), 1);
    assert!(html.contains("B\ncolumn 1\nin: 5"));
}

#[test]
fn long_labels_are_shortened_and_kept_whole_in_tooltips() {
    let long = "Limited Liability Company Very Long Name Trading and Holding International";
    let sankey = Sankey::new("long")
        .column("a very long column heading that cannot fit in a narrow column at all")
        .column("b")
        .column("c")
        .column("d")
        .column("e")
        .column("f")
        .column("g")
        .column("h")
        .node(SankeyNode::new("a", long, 0))
        .node(SankeyNode::new("b", "Иванов Иван Иванович и партнёры", 1))
        .node(SankeyNode::new("h", long, 7))
        .link(SankeyLink::new("a", "b", 1_234_567.5))
        .link(SankeyLink::new("b", "h", 1_000.0));
    let html = render(&sankey);
    assert!(html.contains(&format!("<title>{long}\na very long")));
    assert!(!html.contains(&format!("\u{2068}{long}\u{2069}")));
    assert!(html.contains("…\u{2069} <tspan class=\"total\">1,234,567.5</tspan>"));
    assert!(html.contains("style=\"min-width:"), "eight columns scroll");
}

#[test]
fn escapes_names_and_colours_groups_by_label() {
    let sankey = Sankey::new("<b>t</b>")
        .column("<i>")
        .column("hop")
        .node(SankeyNode::new("a", "A & <Co>", 0).tooltip("\"quoted\""))
        .node(SankeyNode::new("b", "Same", 1))
        .node(SankeyNode::new("c", "Same", 2))
        .link(SankeyLink::new("a", "b", 2.0).label("<script>"))
        .link(SankeyLink::new("b", "c", 2.0));
    let html = render(&sankey);
    assert!(!html.contains("<b>") && !html.contains("<script>") && !html.contains("<i>"));
    assert!(html.contains("A &amp; &lt;Co&gt;") && html.contains("&quot;quoted&quot;"));
    let fills: Vec<&str> = html
        .split("<g class=\"group\">")
        .skip(1)
        .map(|g| {
            g.split("fill=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(fills.len(), 3);
    assert_eq!(fills[1], fills[2], "one label, one colour");
}

#[test]
fn huge_and_many_values_never_break_the_drawing() {
    let huge = Sankey::new("huge")
        .node(SankeyNode::new("a", "A", 0))
        .node(SankeyNode::new("b", "B", 1))
        .node(SankeyNode::new("c", "C", 1))
        .link(SankeyLink::new("a", "b", f64::MAX))
        .link(SankeyLink::new("a", "c", f64::MAX))
        .link(SankeyLink::new("a", "c", 1e-300));
    let html = render(&huge);
    // Every other piece between quotes is an attribute value: coordinates stay finite.
    let values: Vec<&str> = html.split('"').skip(1).step_by(2).collect();
    assert!(values.iter().any(|v| v.starts_with('M')), "a band is drawn");
    assert!(!values
        .iter()
        .any(|v| v.contains("NaN") || v.contains("inf")));

    // 5 columns of 100 nodes, each paying three nodes of the next column.
    let mut many = Sankey::new("many");
    for c in 0..5 {
        for i in 0..100 {
            many = many.node(SankeyNode::new(format!("{c}.{i}"), format!("Bank {i}"), c));
        }
    }
    for c in 0..4 {
        for i in 0..100 {
            for k in [1, 7, 31] {
                let value = ((i * k) % 97 + 1) as f64;
                let link = SankeyLink::new(
                    format!("{c}.{i}"),
                    format!("{}.{}", c + 1, (i + k) % 100),
                    value,
                );
                many = many.link(link);
            }
        }
    }
    let folded = fold(&many);
    for c in 0..5 {
        let n = folded.groups.iter().filter(|g| g.column == c).count();
        assert_eq!(n, Sankey::DEFAULT_MAX_NODES_PER_COLUMN);
    }
    check_invariants(&folded, &layout(&folded));
    assert_eq!(render(&many), render(&many.clone()));
}

#[test]
fn same_diagram_same_bytes() {
    for sankey in [trace(), fan(3), fan(40)] {
        assert_eq!(render(&sankey), render(&sankey.clone()));
    }
    // Merging and ordering do not depend on how ids sort.
    let a = fan(5);
    let mut b = fan(5);
    for node in &mut b.nodes {
        node.id = format!("zz{}", node.id);
    }
    for link in &mut b.links {
        link.from = format!("zz{}", link.from);
        link.to = format!("zz{}", link.to);
    }
    assert_eq!(render(&a), render(&b));
}
