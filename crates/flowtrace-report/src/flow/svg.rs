//! Drawing a flow graph: a figure with a title, the SVG, a legend and a caption that says what
//! was left out.

use std::fmt::Write;

use super::edges::{shapes, Shape};
use super::labels::{place_labels, Label};
use super::layout::{layers, Layers, Route};
use super::place::{place, Placement, MARGIN, PAGE_WIDTH};
use super::select::{select, Link, Shown};
use super::{FlowGraph, NodeKind};
use crate::escape::{escape, number, truncate};

/// Most transfers listed in one arrow's tooltip.
const TOOLTIP_TRANSFERS: usize = 12;

/// Renders a flow graph as a `<figure>`; `index` makes its marker ids unique on the page.
pub(crate) fn render(graph: &FlowGraph, index: usize) -> String {
    let shown = select(graph);
    let mut out = String::from("<figure class=\"card flow\">\n");
    let _ = writeln!(out, "<h3 dir=\"auto\">{}</h3>", escape(&graph.title));
    if shown.nodes.is_empty() {
        out.push_str("<p class=\"empty\">No flows to show.</p>\n");
    } else {
        let ends: Vec<(usize, usize)> = shown.links.iter().map(|l| (l.from, l.to)).collect();
        let layers = layers(shown.nodes.len(), &ends);
        let placement = place(&layers);
        out.push_str(&svg(&shown, &layers, &placement, index, &graph.title));
        out.push_str(&legend(&shown, &layers));
    }
    let caption = caption(graph, &shown);
    if !caption.is_empty() {
        let _ = writeln!(out, "<figcaption dir=\"auto\">{caption}</figcaption>");
    }
    out.push_str("</figure>\n");
    out
}

fn svg(shown: &Shown, layers: &Layers, place: &Placement, index: usize, title: &str) -> String {
    let shapes = shapes(layers, place);
    let labels = place_labels(shown, &shapes, place);
    let (x0, y0, x1, y1) = bounds(shown.nodes.len(), place, &shapes, &labels);
    let (width, height) = (x1 - x0, y1 - y0);
    // Wider than the page: scroll sideways rather than shrink the text below legibility.
    let style = if width > PAGE_WIDTH {
        format!(" style=\"min-width:{:.0}px\"", width * 0.75)
    } else {
        String::new()
    };
    let mut out = format!(
        "<div class=\"scroll-x\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-svg\" \
         viewBox=\"{x0:.1} {y0:.1} {width:.1} {height:.1}\" width=\"{width:.0}\" height=\"{height:.0}\" \
         role=\"img\" aria-label=\"{}\"{style}>\n",
        escape(title)
    );
    out.push_str(&markers(index));
    out.push_str("<g class=\"edges\">\n");
    for (i, link) in shown.links.iter().enumerate() {
        out.push_str(&edge(
            shown,
            link,
            (&shapes[i], &layers.routes[i], labels[i].as_ref()),
            index,
        ));
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for (v, node) in shown.nodes.iter().enumerate() {
        let (fill, stroke, ink) = node.kind.colours();
        let (x, y, w, h) = place.rect(v);
        let mut tip = format!("{}\n{}", node.label, node.kind.name());
        if let Some(extra) = &node.tooltip {
            let _ = write!(tip, "\n{extra}");
        }
        let _ = writeln!(
            out,
            "<g class=\"node\"><title>{}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w}\" \
             height=\"{h}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\"/><text x=\"{:.1}\" \
             y=\"{:.1}\" fill=\"{ink}\">{}</text></g>",
            escape(&tip),
            x + w / 2.0,
            y + h / 2.0,
            escape(&truncate(&node.label, 18)),
        );
    }
    out.push_str("</g>\n</svg></div>\n");
    out
}

/// The drawing's extent: every box, every arrow and room for every label, plus a margin.
fn bounds(
    nodes: usize,
    place: &Placement,
    shapes: &[Shape],
    labels: &[Option<Label>],
) -> (f64, f64, f64, f64) {
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let mut take = |x: f64, y: f64| b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    for v in 0..nodes {
        let (x, y, w, h) = place.rect(v);
        take(x, y);
        take(x + w, y + h);
    }
    for shape in shapes {
        shape.points.iter().for_each(|&(x, y)| take(x, y));
    }
    for label in labels.iter().flatten() {
        let ((x, y), (w, h)) = (label.at, label.size);
        take(x - w / 2.0, y - h / 2.0);
        take(x + w / 2.0, y + h / 2.0);
    }
    (b.0 - MARGIN, b.1 - MARGIN, b.2 + MARGIN, b.3 + MARGIN)
}

/// Arrowheads, one per colour; ids carry the figure's index because ids are page-wide.
fn markers(index: usize) -> String {
    let mut out = String::from("<defs>");
    for (name, colour) in [("a", "#94a3b8"), ("h", "#e11d48")] {
        let _ = write!(
            out,
            "<marker id=\"ft{index}{name}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
             markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" \
             orient=\"auto-start-reverse\"><path d=\"M0,1 L10,5 L0,9 z\" fill=\"{colour}\"/></marker>"
        );
    }
    out.push_str("</defs>\n");
    out
}

fn edge(
    shown: &Shown,
    link: &Link,
    (shape, route, label): (&Shape, &Route, Option<&Label>),
    index: usize,
) -> String {
    let hl = link.highlighted();
    let mut class = String::from("edge");
    if hl {
        class.push_str(" hl");
    }
    if *route == Route::Back {
        class.push_str(" back");
    }
    // Thicker for more transfers, up to five, so a busy pair reads as busy.
    let width = if hl { 2.4 } else { 1.4 } + (link.edges.len().min(5) - 1) as f64 * 0.5;
    let mut out = format!(
        "<g class=\"{class}\"><title>{}</title><path d=\"{}\" stroke-width=\"{width:.1}\" \
         marker-end=\"url(#ft{index}{})\"/>",
        escape(&edge_tooltip(shown, link)),
        shape.d,
        if hl { "h" } else { "a" }
    );
    if let Some(label) = label {
        let (x, y) = label.at;
        // Baselines that centre one line, or two, on the label's point.
        let first_y = if label.second.is_some() {
            y - 2.5
        } else {
            y + 4.0
        };
        let _ = write!(
            out,
            "<text x=\"{x:.1}\" y=\"{first_y:.1}\">{}",
            escape(&label.first)
        );
        if let Some(second) = &label.second {
            let _ = write!(
                out,
                "<tspan class=\"sub\" x=\"{x:.1}\" dy=\"12\">{}</tspan>",
                escape(second)
            );
        }
        out.push_str("</text>");
    }
    out.push_str("</g>\n");
    out
}

fn edge_tooltip(shown: &Shown, link: &Link) -> String {
    let mut tip = format!(
        "{} → {}",
        shown.nodes[link.from].label, shown.nodes[link.to].label
    );
    for e in link.edges.iter().take(TOOLTIP_TRANSFERS) {
        let parts: Vec<&str> = [
            e.amount.as_str(),
            e.time.as_str(),
            e.label.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
        let _ = write!(tip, "\n{}", parts.join(" · "));
    }
    if link.edges.len() > TOOLTIP_TRANSFERS {
        let more = number((link.edges.len() - TOOLTIP_TRANSFERS) as f64);
        let _ = write!(tip, "\n… and {more} more");
    }
    tip
}

/// The colours in use, and the kinds of arrow in use, explained under the drawing.
fn legend(shown: &Shown, layers: &Layers) -> String {
    let mut out = String::from("<ul class=\"legend\">");
    for kind in NodeKind::ALL {
        if shown.nodes.iter().any(|n| n.kind == kind) {
            let (fill, stroke, _) = kind.colours();
            let _ = write!(
                out,
                "<li><span class=\"swatch\" style=\"background:{fill};border-color:{stroke}\">\
                 </span>{}</li>",
                kind.name()
            );
        }
    }
    if shown.links.iter().any(Link::highlighted) {
        out.push_str("<li><span class=\"line hl\"></span>highlighted flow</li>");
    }
    if layers.routes.contains(&Route::Back) {
        out.push_str("<li><span class=\"line back\"></span>closes a cycle</li>");
    }
    out.push_str("</ul>\n");
    out
}

/// The caller's caption, then what was left out and why.
fn caption(graph: &FlowGraph, shown: &Shown) -> String {
    let mut parts = Vec::new();
    if let Some(text) = &graph.caption {
        parts.push(escape(text));
    }
    if shown.hidden_nodes > 0 {
        parts.push(format!(
            "Showing {} of {} accounts: {} accounts and the {} transfers touching them are left \
             out, keeping the highlighted flow, special roles and the busiest accounts.",
            number(shown.nodes.len() as f64),
            number(graph.nodes.len() as f64),
            number(shown.hidden_nodes as f64),
            number(shown.hidden_edges as f64),
        ));
    }
    if shown.crowded_edges > 0 {
        parts.push(format!(
            "{} transfers between the accounts shown are left out to keep the drawing readable.",
            number(shown.crowded_edges as f64)
        ));
    }
    match shown.dangling_edges {
        0 => {}
        1 => parts
            .push("1 transfer names an account that is not in the graph and is left out.".into()),
        n => parts.push(format!(
            "{} transfers name an account that is not in the graph and are left out.",
            number(n as f64)
        )),
    }
    parts.join(" ")
}
