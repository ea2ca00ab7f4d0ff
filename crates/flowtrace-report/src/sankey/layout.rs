//! Where everything of a Sankey goes: the order of the nodes in each column (fewer crossing
//! bands), one scale for every bar and band, node boxes stacked in centred columns, and each
//! band's place on the sides of its two nodes.

use super::fold::Folded;

/// Width of a node's bar.
pub(crate) const NODE_W: f64 = 14.0;
/// Narrowest drawing; the SVG scales to the card.
pub(crate) const MIN_WIDTH: f64 = 960.0;
/// Horizontal room a column needs for its bands and labels; past five or so columns the drawing
/// gets wider and scrolls rather than squeezing labels to nothing.
const COLUMN_GAP: f64 = 170.0;
/// Room right of the last column for its labels: labels always sit right of their bar, so a
/// label never shares its gap with the next column's.
pub(crate) const LAST_LABELS: f64 = 180.0;
/// Room left of the first bars and right of the last labels.
const MARGIN_X: f64 = 8.0;
/// Room above the bars for the column headings.
pub(crate) const TOP: f64 = 30.0;
/// Room under the tallest column.
const BOTTOM: f64 = 10.0;
/// Space between two nodes of a column.
const GAP: f64 = 10.0;
/// Each node gets at least this much height, bar or not, so labels of thin nodes never overlap.
const LABEL_H: f64 = 18.0;
/// The height the bars of the fullest column aim to fill.
const TARGET: f64 = 360.0;
/// Crossing-reduction passes: left to right, back, and left to right again.
const SWEEPS: usize = 3;

/// A node's bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NodeBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Height: the node's total, on the one scale of the drawing.
    pub h: f64,
}

/// A band's two ends: where its top edge leaves the source and meets the target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BandEnds {
    /// Top of the band at the source's right side.
    pub y_from: f64,
    /// Top of the band at the target's left side.
    pub y_to: f64,
    /// Thickness: the amount, on the same scale as the bars.
    pub width: f64,
}

/// Coordinates for a folded Sankey.
#[derive(Debug)]
pub(crate) struct Layout {
    /// Drawing width.
    pub width: f64,
    /// Drawing height.
    pub height: f64,
    /// Left edge of each column's bars.
    pub column_x: Vec<f64>,
    /// One per group, in [`Folded::groups`] order.
    pub nodes: Vec<NodeBox>,
    /// One per flow, in [`Folded::flows`] order.
    pub bands: Vec<BandEnds>,
}

/// Lays out a folded Sankey with at least one flow.
pub(crate) fn layout(folded: &Folded) -> Layout {
    let columns = folded.columns.max(1);
    let span = |step: f64| (columns - 1) as f64 * step + NODE_W + LAST_LABELS + 2.0 * MARGIN_X;
    let width = MIN_WIDTH.max(span(COLUMN_GAP));
    let step = if columns > 1 {
        (width - span(0.0)) / (columns - 1) as f64
    } else {
        0.0
    };
    let column_x: Vec<f64> = (0..columns).map(|c| MARGIN_X + c as f64 * step).collect();
    // Amounts in units of the largest band: a sum of huge amounts stays finite, so no
    // coordinate can become infinite or NaN.
    let unit = folded.flows.iter().map(|f| f.value).fold(0.0, f64::max);
    let weight: Vec<f64> = folded
        .flows
        .iter()
        .map(|f| if unit > 0.0 { f.value / unit } else { 0.0 })
        .collect();
    let (win, wout) = sides(folded, &weight);
    let total: Vec<f64> = win.iter().zip(&wout).map(|(a, b)| a.max(*b)).collect();
    let order = order(folded, &weight, columns);
    let pixels = pixels_per_weight(&order, &total);
    let (nodes, height) = stack(&order, &total, pixels, &column_x, folded.groups.len());
    let bands = bands(folded, &weight, &nodes, pixels);
    Layout {
        width,
        height,
        column_x,
        nodes,
        bands,
    }
}

/// Each group's weight in and out.
fn sides(folded: &Folded, weight: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = folded.groups.len();
    let (mut win, mut wout) = (vec![0.0; n], vec![0.0; n]);
    for (flow, w) in folded.flows.iter().zip(weight) {
        wout[flow.from] += w;
        win[flow.to] += w;
    }
    (win, wout)
}

/// The groups of each column, top to bottom. Starts biggest first, then moves each node towards
/// the weighted mean position of the nodes it trades with (the barycentre heuristic), which
/// untangles most bands; "other" stays at the bottom of its column.
fn order(folded: &Folded, weight: &[f64], columns: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); columns];
    for (g, group) in folded.groups.iter().enumerate() {
        order[group.column].push(g);
    }
    let mut pos = vec![0.0; folded.groups.len()];
    let place = |order: &[Vec<usize>], pos: &mut Vec<f64>| {
        for column in order {
            for (i, &g) in column.iter().enumerate() {
                pos[g] = (i as f64 + 0.5) / column.len() as f64;
            }
        }
    };
    place(&order, &mut pos);
    for sweep in 0..SWEEPS {
        let forward = sweep % 2 == 0;
        let columns: Vec<usize> = if forward {
            (1..columns).collect()
        } else {
            (0..columns.saturating_sub(1)).rev().collect()
        };
        for c in columns {
            let mut sum = vec![(0.0, 0.0); folded.groups.len()];
            for (flow, w) in folded.flows.iter().zip(weight) {
                let (me, other) = if forward {
                    (flow.to, flow.from)
                } else {
                    (flow.from, flow.to)
                };
                if folded.groups[me].column == c {
                    sum[me].0 += w * pos[other];
                    sum[me].1 += w;
                }
            }
            let key = |g: usize| {
                let (ws, w) = sum[g];
                let mean = if w > 0.0 { ws / w } else { pos[g] };
                (folded.groups[g].node.is_none(), mean, pos[g])
            };
            order[c].sort_by(|&a, &b| {
                let (ka, kb) = (key(a), key(b));
                ka.0.cmp(&kb.0)
                    .then(ka.1.total_cmp(&kb.1))
                    .then(ka.2.total_cmp(&kb.2))
            });
            place(&order, &mut pos);
        }
    }
    order
}

/// One scale for the whole drawing: the fullest column fills [`TARGET`] less its gaps, but a
/// column of many nodes still gets some height for its bars.
fn pixels_per_weight(order: &[Vec<usize>], total: &[f64]) -> f64 {
    let pixels = order
        .iter()
        .filter_map(|column| {
            let sum: f64 = column.iter().map(|&g| total[g]).sum();
            let room = (TARGET - GAP * column.len().saturating_sub(1) as f64).max(TARGET * 0.4);
            (sum > 0.0).then(|| room / sum)
        })
        .fold(f64::INFINITY, f64::min);
    // Only a drawing without flows has no column to size; it is never laid out, but a zero
    // scale would still draw it without a NaN.
    if pixels.is_finite() {
        pixels
    } else {
        0.0
    }
}

/// Node boxes, each column stacked and centred on the tallest one; and the drawing's height.
fn stack(
    order: &[Vec<usize>],
    total: &[f64],
    pixels: f64,
    column_x: &[f64],
    groups: usize,
) -> (Vec<NodeBox>, f64) {
    let slot = |g: usize| (total[g] * pixels).max(LABEL_H);
    let column_h = |column: &Vec<usize>| {
        column.iter().map(|&g| slot(g)).sum::<f64>() + GAP * column.len().saturating_sub(1) as f64
    };
    let tallest = order.iter().map(column_h).fold(0.0, f64::max);
    let mut nodes = vec![
        NodeBox {
            x: 0.0,
            y: 0.0,
            h: 0.0
        };
        groups
    ];
    for (column, x) in order.iter().zip(column_x) {
        let mut y = TOP + (tallest - column_h(column)) / 2.0;
        for &g in column {
            let h = total[g] * pixels;
            nodes[g] = NodeBox {
                x: *x,
                y: y + (slot(g) - h) / 2.0,
                h,
            };
            y += slot(g) + GAP;
        }
    }
    (nodes, TOP + tallest + BOTTOM)
}

/// Stacks the bands on each node's sides, in the order of the node at their other end (top to
/// bottom, then first link first), centred on the node when that side carries less than its
/// total.
fn bands(folded: &Folded, weight: &[f64], nodes: &[NodeBox], pixels: f64) -> Vec<BandEnds> {
    let mut bands: Vec<BandEnds> = weight
        .iter()
        .map(|w| BandEnds {
            y_from: 0.0,
            y_to: 0.0,
            width: w * pixels,
        })
        .collect();
    let centre = |g: usize| nodes[g].y + nodes[g].h / 2.0;
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (f, flow) in folded.flows.iter().enumerate() {
        outgoing[flow.from].push(f);
        incoming[flow.to].push(f);
    }
    for (g, node) in nodes.iter().enumerate() {
        outgoing[g].sort_by(|&a, &b| {
            let (ta, tb) = (folded.flows[a].to, folded.flows[b].to);
            centre(ta).total_cmp(&centre(tb)).then(a.cmp(&b))
        });
        incoming[g].sort_by(|&a, &b| {
            let (fa, fb) = (folded.flows[a].from, folded.flows[b].from);
            centre(fa).total_cmp(&centre(fb)).then(a.cmp(&b))
        });
        let out_h: f64 = outgoing[g].iter().map(|&f| bands[f].width).sum();
        let mut y = node.y + (node.h - out_h).max(0.0) / 2.0;
        for &f in &outgoing[g] {
            bands[f].y_from = y;
            y += bands[f].width;
        }
        let in_h: f64 = incoming[g].iter().map(|&f| bands[f].width).sum();
        let mut y = node.y + (node.h - in_h).max(0.0) / 2.0;
        for &f in &incoming[g] {
            bands[f].y_to = y;
            y += bands[f].width;
        }
    }
    bands
}
