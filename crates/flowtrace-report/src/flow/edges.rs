//! The shapes of arrows: smooth S-curves along the flow through their placeholders, arcs beside
//! the boxes for arrows that close a cycle, and small loops for payments to oneself.
//!
//! Shapes are worked out along and across the flow, the frame [`Placement`] lays out in, and
//! mapped to the screen as each point is written, so one set of rules serves both orientations.

use std::fmt::Write;

use super::layout::{Layers, Route};
use super::place::Placement;

/// One arrow's path and where its label goes, in screen coordinates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    /// SVG path data.
    pub d: String,
    /// The curve a label may slide along, on screen.
    pub label_curve: [(f64, f64); 4],
    /// Where on that curve the label fits best (0 at the payer end, 1 at the payee end).
    pub label_t: f64,
    /// How far the label sits off the curve, on screen.
    pub label_shift: (f64, f64),
    /// Every point the path is built from (ends and control points): the curve stays inside
    /// their hull, so they bound the drawing.
    pub points: Vec<(f64, f64)>,
}

/// A point along and across the flow.
type Pt = (f64, f64);

/// The shape of every link, in link order.
pub(crate) fn shapes(layers: &Layers, place: &Placement) -> Vec<Shape> {
    let ports = ports(layers, place);
    let (mut out_degree, mut in_degree) = (vec![0; layers.nodes], vec![0; layers.nodes]);
    for (route, &(from, to)) in layers.routes.iter().zip(&layers.ends) {
        if matches!(route, Route::Forward(_)) {
            out_degree[from] += 1;
            in_degree[to] += 1;
        }
    }
    let mut shapes = Vec::with_capacity(layers.routes.len());
    for ((route, &(from, to)), (out_dy, in_dy)) in layers.routes.iter().zip(&layers.ends).zip(ports)
    {
        // Labels go where arrows are furthest apart: near the payers of a fan-in, near the
        // payees of a fan-out, midway along a chain.
        let t = match out_degree[from].cmp(&in_degree[to]) {
            std::cmp::Ordering::Less => 0.3,
            std::cmp::Ordering::Equal => 0.5,
            std::cmp::Ordering::Greater => 0.7,
        };
        shapes.push(match route {
            Route::Forward(chain) => forward(chain, place, (out_dy, in_dy), t),
            Route::Back => back(place, from, to),
            Route::SelfLoop => self_loop(place, from),
        });
    }
    shapes
}

/// Where each arrow leaves its source and enters its target, as offsets across the flow from
/// the box's middle: arrows leaving one box fan out in the order of where they go, so they do
/// not cross at the box edge.
fn ports(layers: &Layers, place: &Placement) -> Vec<(f64, f64)> {
    let mut outgoing: Vec<Vec<(f64, usize)>> = vec![Vec::new(); layers.nodes];
    let mut incoming: Vec<Vec<(f64, usize)>> = vec![Vec::new(); layers.nodes];
    for (i, route) in layers.routes.iter().enumerate() {
        if let Route::Forward(chain) = route {
            let (first, next) = (chain[0], chain[1]);
            let (prev, last) = (chain[chain.len() - 2], chain[chain.len() - 1]);
            outgoing[first].push((place.across[next], i));
            incoming[last].push((place.across[prev], i));
        }
    }
    let mut result = vec![(0.0, 0.0); layers.routes.len()];
    for (lists, out) in [(&mut outgoing, true), (&mut incoming, false)] {
        for list in lists.iter_mut() {
            list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let gaps = list.len().saturating_sub(1).max(1) as f64;
            let step = (place.dims.port_span / gaps).min(place.dims.port_step);
            let middle = (list.len() as f64 - 1.0) / 2.0;
            for (k, &(_, link)) in list.iter().enumerate() {
                let offset = (k as f64 - middle) * step;
                if out {
                    result[link].0 = offset;
                } else {
                    result[link].1 = offset;
                }
            }
        }
    }
    result
}

/// Builds path data from points along and across the flow, mapping each to the screen.
struct Path<'a> {
    place: &'a Placement,
    d: String,
    points: Vec<(f64, f64)>,
}

impl<'a> Path<'a> {
    fn new(place: &'a Placement, start: Pt) -> Path<'a> {
        let mut path = Path {
            place,
            d: String::new(),
            points: Vec::new(),
        };
        let (x, y) = path.screen(start);
        let _ = write!(path.d, "M{x:.1},{y:.1}");
        path
    }

    fn screen(&mut self, p: Pt) -> (f64, f64) {
        let xy = self.place.xy(p.0, p.1);
        self.points.push(xy);
        xy
    }

    fn cubic(&mut self, c1: Pt, c2: Pt, to: Pt) {
        for (i, p) in [c1, c2, to].into_iter().enumerate() {
            let (x, y) = self.screen(p);
            let _ = write!(self.d, " {}{x:.1},{y:.1}", if i == 0 { "C" } else { "" });
        }
    }

    fn finish(self, curve: [Pt; 4], t: f64, shift: Pt) -> Shape {
        let label_curve = curve.map(|p| self.place.xy(p.0, p.1));
        let label_shift = self.place.xy(shift.0, shift.1);
        Shape {
            d: self.d,
            label_curve,
            label_t: t,
            label_shift,
            points: self.points,
        }
    }
}

/// An S-curve's control points: it leaves and enters boxes straight along the flow, which reads
/// calmer than diagonal lines.
fn s_curve(a: Pt, b: Pt) -> [Pt; 4] {
    let d = (b.0 - a.0) / 2.0;
    [a, (a.0 + d, a.1), (b.0 - d, b.1), b]
}

fn forward(chain: &[usize], place: &Placement, (out_dy, in_dy): (f64, f64), t: f64) -> Shape {
    let (first, last) = (chain[0], chain[chain.len() - 1]);
    let len = place.dims.along;
    let start = (place.along[first] + len, place.across[first] + out_dy);
    let end = (place.along[last], place.across[last] + in_dy);
    let mut points = vec![start];
    points.extend(
        chain[1..chain.len() - 1]
            .iter()
            .map(|&v| (place.along[v] + len / 2.0, place.across[v])),
    );
    points.push(end);
    let curves = if points.len() == 2 {
        vec![s_curve(start, end)]
    } else {
        smooth(&points)
    };
    let mut path = Path::new(place, start);
    for c in &curves {
        path.cubic(c[1], c[2], c[3]);
    }
    // The label sits on the first curve when it leans to the payer, else on the last.
    let on = if t < 0.5 {
        curves[0]
    } else {
        curves[curves.len() - 1]
    };
    path.finish(on, t, (0.0, 0.0))
}

/// A smooth curve through the placeholders of a long arrow (Catmull-Rom, as Bezier pieces):
/// bending gently where the placeholders drift reads better than a staircase of S-bends. The
/// phantom points before and after make it leave and enter boxes straight along the flow.
fn smooth(points: &[Pt]) -> Vec<[Pt; 4]> {
    let n = points.len();
    let reach = (points[1].0 - points[0].0).abs();
    let before = (points[0].0 - reach, points[0].1);
    let after = (points[n - 1].0 + reach, points[n - 1].1);
    let at = |i: isize| -> Pt {
        match i {
            -1 => before,
            i if i as usize >= n => after,
            i => points[i as usize],
        }
    };
    (0..n - 1)
        .map(|i| {
            let i = i as isize;
            let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
            let c1 = (p1.0 + (p2.0 - p0.0) / 6.0, p1.1 + (p2.1 - p0.1) / 6.0);
            let c2 = (p2.0 - (p3.0 - p1.0) / 6.0, p2.1 - (p3.1 - p1.1) / 6.0);
            [p1, c1, c2, p2]
        })
        .collect()
}

fn back(place: &Placement, from: usize, to: usize) -> Shape {
    let dims = place.dims;
    let nudge = dims.along / 12.0;
    let start = (
        place.along[from] + dims.along / 2.0 + nudge,
        place.across[from] + dims.across / 2.0,
    );
    let end = (
        place.along[to] + dims.along / 2.0 - nudge,
        place.across[to] + dims.across / 2.0,
    );
    // Deeper for longer arcs, so arcs between far layers clear the boxes in between.
    let low = start.1.max(end.1) + 36.0 + 0.12 * (start.0 - end.0).abs();
    let curve = [start, (start.0, low), (end.0, low), end];
    let mut path = Path::new(place, start);
    path.cubic(curve[1], curve[2], curve[3]);
    path.finish(curve, 0.5, (0.0, dims.arc_label))
}

/// A small loop on the side of the box no other arrow uses (the top when the flow runs left to
/// right, the left when it runs down), with its label beyond it.
fn self_loop(place: &Placement, v: usize) -> Shape {
    let dims = place.dims;
    let mid = place.along[v] + dims.along / 2.0;
    let side = place.across[v] - dims.across / 2.0;
    let (a, b) = ((mid - 10.0, side), (mid + 10.0, side));
    let mut path = Path::new(place, a);
    path.cubic((a.0 - 10.0, side - 34.0), (b.0 + 10.0, side - 34.0), b);
    let label = (mid, side - 28.0 - dims.arc_label);
    path.finish([label; 4], 0.5, (0.0, 0.0))
}

impl Shape {
    /// The label's centre when slid to `t` along its curve.
    pub fn label_at(&self, t: f64) -> (f64, f64) {
        let (x, y) = bezier(self.label_curve, t);
        (x + self.label_shift.0, y + self.label_shift.1)
    }
}

fn bezier(p: [Pt; 4], t: f64) -> Pt {
    let u = 1.0 - t;
    let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
    let along = (0..4).map(|i| w[i] * p[i].0).sum();
    let across = (0..4).map(|i| w[i] * p[i].1).sum();
    (along, across)
}
