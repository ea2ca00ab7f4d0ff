//! Drawing a Sankey: a figure with a title, the SVG (column headings, bands under bars, labels
//! with totals) and a caption that says what was folded or left out.

use std::fmt::Write;

use super::fold::{fold, Flow, Folded, Group, MAX_COLUMNS};
use super::layout::{layout, Layout, NodeBox, LAST_LABELS, MIN_WIDTH, NODE_W, TOP};
use super::Sankey;
use crate::escape::{escape, number, truncate};

/// Rough width of one character of a 12px label, to fit labels in their column gap.
const CHAR: f64 = 7.2;
/// Fewest characters of a name kept however tight the room: less says nothing.
const MIN_NAME: usize = 4;
/// Most folded names listed in an "other" node's tooltip.
const TOOLTIP_NAMES: usize = 8;
/// Hues for nodes, picked by a hash of the label so a group (a country, a bank) keeps its colour
/// in every column and every report. Mid tones: bars read on white, bands at low opacity stay
/// light behind dark labels.
const PALETTE: [&str; 12] = [
    "#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#8b5cf6", "#14b8a6", "#f97316", "#3b82f6",
    "#ec4899", "#84cc16", "#06b6d4", "#a855f7",
];
/// The colour of "other" nodes: neutral, because they are not one group.
const OTHER: &str = "#94a3b8";

/// Renders a Sankey diagram as a `<figure>`.
pub(crate) fn render(sankey: &Sankey) -> String {
    let folded = fold(sankey);
    let mut out = String::from("<figure class=\"card sankey\">\n");
    let _ = writeln!(out, "<h3 dir=\"auto\">{}</h3>", escape(&sankey.title));
    if folded.flows.is_empty() {
        out.push_str("<p class=\"empty\">No data.</p>\n");
    } else {
        let layout = layout(&folded);
        out.push_str(&svg(sankey, &folded, &layout));
    }
    let caption = caption(sankey, &folded);
    if !caption.is_empty() {
        let _ = writeln!(out, "<figcaption dir=\"auto\">{caption}</figcaption>");
    }
    out.push_str("</figure>\n");
    out
}

fn svg(sankey: &Sankey, folded: &Folded, layout: &Layout) -> String {
    let (width, height) = (layout.width, layout.height);
    // Many columns: scroll sideways rather than shrink the labels below legibility.
    let style = if width > MIN_WIDTH {
        format!(" style=\"min-width:{:.0}px\"", width * 0.75)
    } else {
        String::new()
    };
    let mut out = format!(
        "<div class=\"scroll-x\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sankey-svg\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" \
         role=\"img\" aria-label=\"{}\"{style}>\n",
        escape(&sankey.title)
    );
    out.push_str(&headings(sankey, layout));
    out.push_str("<g class=\"bands\">\n");
    for (flow, ends) in folded.flows.iter().zip(&layout.bands) {
        let (from, to) = (&layout.nodes[flow.from], &layout.nodes[flow.to]);
        let _ = writeln!(
            out,
            "<path class=\"band\" d=\"{}\" fill=\"{}\"><title>{}</title></path>",
            band_path(from, to, ends.y_from, ends.y_to, ends.width),
            colour(&folded.groups[flow.from]),
            escape(&band_tooltip(folded, flow)),
        );
    }
    out.push_str("</g>\n<g class=\"groups\">\n");
    for (group, node) in folded.groups.iter().zip(&layout.nodes) {
        out.push_str(&group_svg(sankey, layout, group, node));
    }
    out.push_str("</g>\n</svg></div>\n");
    out
}

/// Column headings over the bars, starting where the bars do, like the labels under them.
fn headings(sankey: &Sankey, layout: &Layout) -> String {
    let room = label_room(layout, 0) + NODE_W;
    let mut out = String::from("<g class=\"headings\">");
    for (heading, x) in sankey.columns.iter().zip(&layout.column_x) {
        if heading.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<text class=\"heading\" x=\"{x:.1}\" y=\"{:.1}\"><title>{}</title>{}</text>",
            TOP / 2.0 - 2.0,
            escape(heading),
            escape(&truncate(heading, chars(room))),
        );
    }
    out.push_str("</g>\n");
    out
}

/// One node: its bar, its label with its total right of it, and a tooltip with both sides.
fn group_svg(sankey: &Sankey, layout: &Layout, group: &Group, node: &NodeBox) -> String {
    let label = group.label();
    let total = number(group.total());
    let room = chars(label_room(layout, group.column));
    let name_chars = room.saturating_sub(total.chars().count() + 1).max(MIN_NAME);
    // A bar too thin to see still gets a hairline, so its label points at something. The name is
    // isolated (U+2068..U+2069) so an Arabic name does not pull the total to its left.
    format!(
        "<g class=\"group\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{NODE_W}\" \
         height=\"{:.1}\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">\u{2068}{}\u{2069} \
         <tspan class=\"total\">{}</tspan></text></g>\n",
        escape(&group_tooltip(sankey, group)),
        node.x,
        node.y,
        node.h.max(1.0),
        colour(group),
        node.x + NODE_W + 5.0,
        node.y + node.h / 2.0,
        escape(&truncate(&label, name_chars)),
        escape(&total),
    )
}

/// A filled band between two bars: two cubic curves with horizontal tangents at both ends, so
/// it leaves and enters the bars flat.
fn band_path(from: &NodeBox, to: &NodeBox, y0: f64, y1: f64, w: f64) -> String {
    let (x0, x1) = (from.x + NODE_W, to.x);
    let xm = (x0 + x1) / 2.0;
    format!(
        "M{x0:.1},{y0:.2}C{xm:.1},{y0:.2} {xm:.1},{y1:.2} {x1:.1},{y1:.2}L{x1:.1},{:.2}\
         C{xm:.1},{:.2} {xm:.1},{:.2} {x0:.1},{:.2}Z",
        y1 + w,
        y1 + w,
        y0 + w,
        y0 + w
    )
}

/// Room for the labels right of a column's bars: up to the next column, or the room kept right
/// of the last one.
fn label_room(layout: &Layout, column: usize) -> f64 {
    let gap = match layout.column_x.get(column..column + 2) {
        Some([a, b]) => b - a,
        _ => LAST_LABELS + NODE_W,
    };
    gap - NODE_W - 12.0
}

/// How many characters of label fit in `room` user units.
fn chars(room: f64) -> usize {
    (room / CHAR).clamp(4.0, 40.0) as usize
}

/// A colour per label (FNV-1a, not the standard hasher: its output may change between Rust
/// releases, and the same group should keep its colour across reports).
fn colour(group: &Group) -> &'static str {
    let Some(node) = group.node else {
        return OTHER;
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in node.label.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    PALETTE[(hash % PALETTE.len() as u64) as usize]
}

fn band_tooltip(folded: &Folded, flow: &Flow) -> String {
    let (from, to) = (&folded.groups[flow.from], &folded.groups[flow.to]);
    let mut tip = format!("{} → {}: {}", from.label(), to.label(), number(flow.value));
    if flow.parts > 1 {
        let _ = write!(tip, "\n{} links", number(flow.parts as f64));
    }
    if !flow.labels.is_empty() {
        let _ = write!(tip, "\n{}", flow.labels.join(" · "));
        if flow.more_labels {
            tip.push_str(" · …");
        }
    }
    tip
}

fn group_tooltip(sankey: &Sankey, group: &Group) -> String {
    let mut tip = group.label();
    match sankey.columns.get(group.column).filter(|h| !h.is_empty()) {
        Some(heading) => {
            let _ = write!(tip, "\n{heading}");
        }
        None => {
            let _ = write!(tip, "\ncolumn {}", group.column);
        }
    }
    if group.inflow > 0.0 {
        let _ = write!(tip, "\nin: {}", number(group.inflow));
    }
    if group.outflow > 0.0 {
        let _ = write!(tip, "\nout: {}", number(group.outflow));
    }
    match group.node {
        Some(node) => {
            if let Some(extra) = &node.tooltip {
                let _ = write!(tip, "\n{extra}");
            }
        }
        None => {
            let _ = write!(
                tip,
                "\n{} smaller nodes folded together:",
                group.folded.len()
            );
            for name in group.folded.iter().take(TOOLTIP_NAMES) {
                let _ = write!(tip, "\n{name}");
            }
            if group.folded.len() > TOOLTIP_NAMES {
                let more = number((group.folded.len() - TOOLTIP_NAMES) as f64);
                let _ = write!(tip, "\n… and {more} more");
            }
        }
    }
    tip
}

/// The caller's caption, then what was folded or left out and why.
fn caption(sankey: &Sankey, folded: &Folded) -> String {
    let mut parts = Vec::new();
    if let Some(text) = &sankey.caption {
        parts.push(escape(text));
    }
    if folded.folded_nodes > 0 {
        parts.push(format!(
            "{} smaller nodes are folded into “other” to keep at most {} per column.",
            number(folded.folded_nodes as f64),
            sankey.max_nodes_per_column.max(1)
        ));
    }
    let count = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{} {many}", number(n as f64))),
    };
    parts.extend(count(
        folded.stray_links,
        "link names a node that is not in the diagram or does not run left to right, and is \
         left out.",
        "links name a node that is not in the diagram or do not run left to right, and are \
         left out.",
    ));
    parts.extend(count(
        folded.bad_values,
        "link without a positive amount is left out.",
        "links without a positive amount are left out.",
    ));
    parts.extend(count(
        folded.far_nodes,
        &format!("node in a column past {MAX_COLUMNS} is left out."),
        &format!("nodes in columns past {MAX_COLUMNS} are left out."),
    ));
    parts.join(" ")
}
