//! Coordinates for the columns built by [`layout`](super::layout): each vertex is pulled toward
//! the average position of its neighbours, without overlapping or reordering its layer, so
//! chains come out straight and a payer sits level with the middle of what it pays.
//!
//! Coordinates are computed along the layers (the direction money moves) and across them, then
//! mapped to the screen: left to right when that fits the page, top to bottom when a long chain
//! would otherwise shrink to illegible text.

use super::layout::Layers;

/// Width of a node box.
pub(crate) const NODE_W: f64 = 150.0;
/// Height of a node box.
pub(crate) const NODE_H: f64 = 34.0;
/// Room around the drawing.
pub(crate) const MARGIN: f64 = 16.0;
/// The widest drawing that shows at full size in a report card.
pub(crate) const PAGE_WIDTH: f64 = 1150.0;

/// Sizes in the layout's own frame: "along" runs from payer to payee, "across" within a layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dims {
    /// Size of a node box along the flow.
    pub along: f64,
    /// Size of a node box across the flow.
    pub across: f64,
    /// Room between layers, where arrows and their amounts go.
    pub gap: f64,
    /// Room a node claims across the flow on each side of its centre.
    node_half: f64,
    /// Room a placeholder claims: just enough to keep parallel arrows apart.
    dummy_half: f64,
    /// How far apart arrows leaving one box may start, at most, across the flow.
    pub port_step: f64,
    /// How much of a box's side arrows may spread over.
    pub port_span: f64,
    /// How far a cycle arc's label sits from the arc, so the line does not cross the text.
    pub arc_label: f64,
}

/// Left to right: boxes are wide along the flow, amounts sit between columns.
const LEFT_TO_RIGHT: Dims = Dims {
    along: NODE_W,
    across: NODE_H,
    gap: 130.0,
    node_half: NODE_H / 2.0 + 9.0,
    dummy_half: 7.0,
    port_step: 7.0,
    port_span: NODE_H - 14.0,
    arc_label: 13.0,
};
/// Top to bottom: boxes sit side by side in rows, amounts between rows.
const TOP_TO_BOTTOM: Dims = Dims {
    along: NODE_H,
    across: NODE_W,
    gap: 84.0,
    node_half: NODE_W / 2.0 + 12.0,
    dummy_half: 12.0,
    port_step: 18.0,
    port_span: NODE_W - 40.0,
    arc_label: 38.0,
};

/// Where every vertex goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placement {
    /// Whether layers run top to bottom rather than left to right.
    pub vertical: bool,
    /// Sizes for this orientation.
    pub dims: Dims,
    /// Start of each vertex's layer band, along the flow.
    pub along: Vec<f64>,
    /// Centre of each vertex across the flow.
    pub across: Vec<f64>,
}

impl Placement {
    /// Screen coordinates of a point given along and across the flow.
    pub fn xy(&self, along: f64, across: f64) -> (f64, f64) {
        if self.vertical {
            (across, along)
        } else {
            (along, across)
        }
    }

    /// A vertex's box on screen: x, y, width, height.
    pub fn rect(&self, v: usize) -> (f64, f64, f64, f64) {
        let (x, y) = self.xy(self.along[v], self.across[v] - self.dims.across / 2.0);
        let (w, h) = self.xy(self.dims.along, self.dims.across);
        (x, y, w, h)
    }

    /// The screen width the boxes need.
    fn width(&self, nodes: usize) -> f64 {
        let (lo, hi) = (0..nodes)
            .map(|v| self.rect(v))
            .fold((f64::MAX, f64::MIN), |(lo, hi), r| {
                (lo.min(r.0), hi.max(r.0 + r.2))
            });
        if nodes == 0 {
            0.0
        } else {
            hi - lo + 2.0 * MARGIN
        }
    }
}

/// Places every vertex, left to right unless top to bottom shows the graph larger.
pub(crate) fn place(layers: &Layers) -> Placement {
    let wide = place_in(layers, LEFT_TO_RIGHT, false);
    let width = wide.width(layers.nodes);
    if width <= PAGE_WIDTH {
        return wide;
    }
    let tall = place_in(layers, TOP_TO_BOTTOM, true);
    if tall.width(layers.nodes) < width {
        tall
    } else {
        wide
    }
}

fn place_in(layers: &Layers, dims: Dims, vertical: bool) -> Placement {
    let count = layers.layer.len();
    let half: Vec<f64> = (0..count)
        .map(|v| {
            if layers.is_dummy(v) {
                dims.dummy_half
            } else {
                dims.node_half
            }
        })
        .collect();
    let mut pred = vec![Vec::new(); count];
    let mut succ = vec![Vec::new(); count];
    for (a, b) in layers.segments() {
        succ[a].push(b);
        pred[b].push(a);
    }
    let mut y = vec![0.0; count];
    for column in &layers.order {
        let offsets = offsets(column, &half);
        let middle = offsets.last().copied().unwrap_or(0.0) / 2.0;
        for (&v, o) in column.iter().zip(&offsets) {
            y[v] = o - middle;
        }
    }
    // Down, up, then both ways: each pass moves vertices toward their neighbours.
    for pass in 0..8 {
        for l in 0..layers.order.len() {
            let column = &layers.order[if pass % 2 == 1 {
                layers.order.len() - 1 - l
            } else {
                l
            }];
            let desired: Vec<f64> = column
                .iter()
                .map(|&v| {
                    let neighbours: Vec<usize> = if pass >= 4 {
                        pred[v].iter().chain(&succ[v]).copied().collect()
                    } else if pass % 2 == 0 {
                        pred[v].clone()
                    } else {
                        succ[v].clone()
                    };
                    mean(neighbours.iter().map(|&w| y[w])).unwrap_or(y[v])
                })
                .collect();
            let placed = fit(&desired, &offsets(column, &half));
            for (&v, p) in column.iter().zip(placed) {
                y[v] = p;
            }
        }
    }
    let top = (0..count)
        .map(|v| y[v] - half[v])
        .fold(f64::INFINITY, f64::min);
    let shift = if top.is_finite() {
        MARGIN - top
    } else {
        MARGIN
    };
    Placement {
        vertical,
        dims,
        along: layers
            .layer
            .iter()
            .map(|&l| MARGIN + l as f64 * (dims.along + dims.gap))
            .collect(),
        across: y.into_iter().map(|v| v + shift).collect(),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The least distance from the top of a column to each of its vertices' centres.
fn offsets(column: &[usize], half: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(column.len());
    let mut at = 0.0;
    for (i, &v) in column.iter().enumerate() {
        if i > 0 {
            at += half[column[i - 1]] + half[v];
        }
        out.push(at);
    }
    out
}

/// The heights closest (least squares) to `desired` that keep the column's order and spacing:
/// with `z = y - offset` the constraint is just "z never decreases", which pool-adjacent-
/// violators solves exactly in one pass.
fn fit(desired: &[f64], offsets: &[f64]) -> Vec<f64> {
    // Blocks of (sum of targets, count); a new target that is lower than the block before it
    // merges with it until the sequence of block means rises again.
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for (d, o) in desired.iter().zip(offsets) {
        blocks.push((d - o, 1));
        while blocks.len() > 1 {
            let (s2, n2) = blocks[blocks.len() - 1];
            let (s1, n1) = blocks[blocks.len() - 2];
            if s1 / n1 as f64 <= s2 / n2 as f64 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = (s1 + s2, n1 + n2);
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (sum, n) in blocks {
        for _ in 0..n {
            out.push(sum / n as f64 + offsets[out.len()]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::layout::layers;
    use super::*;

    #[test]
    fn fit_keeps_order_and_spacing() {
        let y = fit(&[10.0, 0.0, 5.0], &[0.0, 50.0, 100.0]);
        assert!(y.windows(2).all(|w| w[1] - w[0] >= 50.0 - 1e-9), "{y:?}");
    }

    #[test]
    fn fit_leaves_a_spaced_column_alone() {
        assert_eq!(fit(&[0.0, 100.0], &[0.0, 46.0]), vec![0.0, 100.0]);
    }

    #[test]
    fn a_chain_is_drawn_straight() {
        let l = layers(3, &[(0, 1), (1, 2)]);
        let p = place(&l);
        assert!(!p.vertical);
        assert_eq!(p.across[0], p.across[1]);
        assert_eq!(p.across[1], p.across[2]);
        assert!(p.along[0] < p.along[1] && p.along[1] < p.along[2]);
    }

    #[test]
    fn a_long_chain_runs_top_to_bottom() {
        let links: Vec<(usize, usize)> = (1..10).map(|i| (i - 1, i)).collect();
        let p = place(&layers(10, &links));
        assert!(p.vertical);
        let (x0, y0, _, _) = p.rect(0);
        let (x9, y9, _, _) = p.rect(9);
        assert_eq!(x0, x9);
        assert!(y0 < y9);
    }

    #[test]
    fn a_payer_sits_level_with_the_middle_of_its_payees() {
        let l = layers(4, &[(0, 1), (0, 2), (0, 3)]);
        let p = place(&l);
        assert!((p.across[0] - p.across[2]).abs() < 1e-9, "{:?}", p.across);
    }
}
