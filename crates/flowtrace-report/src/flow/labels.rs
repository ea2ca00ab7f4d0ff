//! Amount labels on arrows, placed so they never sit on each other or on a box: each label
//! slides along its arrow until it finds room, drops its second line if it must, and is left to
//! the tooltip if there is no room at all. Highlighted arrows choose first.

use super::edges::Shape;
use super::place::Placement;
use super::select::{Link, Shown};
use crate::escape::{number, truncate};

/// Above this many arrows, only highlighted ones carry an amount: more labels overlap.
const LABEL_ALL_UP_TO: usize = 40;
/// Above this many arrows, labels drop their second line (time or count).
const TWO_LINES_UP_TO: usize = 24;
/// Rough advance of one character of the 11px first line and the 10px second line.
const CHAR_FIRST: f64 = 6.4;
const CHAR_SECOND: f64 = 5.6;
/// Height of a one-line and a two-line label.
const ONE_LINE: f64 = 14.0;
const TWO_LINES: f64 = 26.0;

/// A placed label.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    /// Centre of the label on screen.
    pub at: (f64, f64),
    /// The amount, or how many transfers.
    pub first: String,
    /// The time, span or note, when there was room for it.
    pub second: Option<String>,
    /// Width and height it takes.
    pub size: (f64, f64),
}

/// A rectangle: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// Places a label for each link where one fits, in link order.
pub(crate) fn place_labels(
    shown: &Shown,
    shapes: &[Shape],
    place: &Placement,
) -> Vec<Option<Label>> {
    let mut taken: Vec<Rect> = (0..shown.nodes.len())
        .map(|v| {
            let (x, y, w, h) = place.rect(v);
            (x - 2.0, y - 2.0, x + w + 2.0, y + h + 2.0)
        })
        .collect();
    let all = shown.links.len() <= LABEL_ALL_UP_TO;
    let two_lines = shown.links.len() <= TWO_LINES_UP_TO;
    let mut order: Vec<usize> = (0..shown.links.len()).collect();
    order.sort_by_key(|&i| !shown.links[i].highlighted());
    let mut labels = vec![None; shown.links.len()];
    for i in order {
        let link = &shown.links[i];
        if !(all || link.highlighted()) {
            continue;
        }
        let (first, second) = label_lines(link);
        let second = (two_lines && !second.is_empty()).then_some(second);
        let mut variants = vec![(first.clone(), second.clone())];
        if second.is_some() {
            variants.push((first.clone(), None));
        }
        let found = variants.into_iter().find_map(|(first, second)| {
            let label = Label {
                size: size(&first, second.as_deref()),
                first,
                second,
                at: (0.0, 0.0),
            };
            fit(label, &shapes[i], &taken)
        });
        // A highlighted amount matters more than a tidy drawing: it goes where it belongs.
        let found = found.or_else(|| {
            link.highlighted().then(|| Label {
                at: shapes[i].label_at(shapes[i].label_t),
                size: size(&first, None),
                first,
                second: None,
            })
        });
        if let Some(label) = &found {
            taken.push(rect(label.at, label.size));
        }
        labels[i] = found;
    }
    labels
}

/// Slides a label along its arrow from its best spot outwards; the first spot with room wins.
fn fit(mut label: Label, shape: &Shape, taken: &[Rect]) -> Option<Label> {
    let best = shape.label_t;
    let steps = [0.0, -0.12, 0.12, -0.24, 0.24, -0.36, 0.36];
    steps
        .iter()
        .map(|s| best + s)
        .filter(|t| (0.08..=0.92).contains(t))
        .find_map(|t| {
            let at = shape.label_at(t);
            let r = rect(at, label.size);
            (!taken.iter().any(|o| overlaps(&r, o))).then(|| {
                label.at = at;
                label.clone()
            })
        })
}

fn size(first: &str, second: Option<&str>) -> (f64, f64) {
    let w1 = first.chars().count() as f64 * CHAR_FIRST;
    let w2 = second.map_or(0.0, |s| s.chars().count() as f64 * CHAR_SECOND);
    (
        w1.max(w2) + 8.0,
        if second.is_some() {
            TWO_LINES
        } else {
            ONE_LINE
        },
    )
}

fn rect((x, y): (f64, f64), (w, h): (f64, f64)) -> Rect {
    (x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0)
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The label's first line (the amount, or how many transfers) and second line (when, or the
/// caller's note), shortened to fit between two boxes.
fn label_lines(link: &Link) -> (String, String) {
    let first = link.edges[0];
    let last = link.edges[link.edges.len() - 1];
    let (top, bottom) = if link.edges.len() == 1 {
        (
            first.amount.clone(),
            first.label.clone().unwrap_or_else(|| first.time.clone()),
        )
    } else {
        let count = format!("{} transfers", number(link.edges.len() as f64));
        let span = if first.time.is_empty() || last.time.is_empty() {
            String::new()
        } else if first.time == last.time {
            first.time.clone()
        } else {
            format!(
                "{} → {}",
                first.time,
                without_shared_day(&first.time, &last.time)
            )
        };
        (count, span)
    };
    (truncate(&top, 24), truncate(&bottom, 26))
}

/// The later time without the date it shares with the earlier one ("03-04 09:31" after
/// "03-04 09:30" becomes "09:31"), so a span fits between two boxes.
fn without_shared_day<'a>(first: &str, last: &'a str) -> &'a str {
    match (first.split_once(' '), last.split_once(' ')) {
        (Some((day, _)), Some((same, rest))) if day == same => rest,
        _ => last,
    }
}
