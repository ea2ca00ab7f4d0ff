//! Horizontal bar charts as inline SVG: labels on the left, bars on a light track, the value at
//! the end of each bar.

use std::fmt::Write;

use crate::block::BarChart;
use crate::escape::{escape, number, truncate};

/// Width of the drawing in user units; the SVG scales to the card.
const WIDTH: f64 = 960.0;
/// Vertical room per bar.
const ROW: f64 = 30.0;
/// Thickness of a bar.
const BAR: f64 = 18.0;
/// Room right of the track for the value text.
const VALUE_ROOM: f64 = 86.0;
/// Rough width of one character of a 13px label, to size the label column.
const CHAR: f64 = 7.0;

/// Renders a bar chart as a `<figure>`.
pub(crate) fn render(chart: &BarChart) -> String {
    let mut out = String::from("<figure class=\"card bars\">\n");
    let _ = writeln!(out, "<h3 dir=\"auto\">{}</h3>", escape(&chart.title));
    if chart.items.is_empty() {
        out.push_str("<p class=\"empty\">No data.</p>\n</figure>\n");
        return out;
    }
    let longest = chart
        .items
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0);
    let label_w = (longest as f64 * CHAR + 16.0).clamp(80.0, 260.0);
    let max_chars = ((label_w - 16.0) / CHAR) as usize;
    let track = WIDTH - label_w - VALUE_ROOM;
    let largest = chart.items.iter().map(|b| b.value).fold(0.0, f64::max);
    let full = chart.max.filter(|m| *m > 0.0).unwrap_or(largest);
    let height = chart.items.len() as f64 * ROW + 8.0;
    let _ = writeln!(
        out,
        "<div class=\"scroll-x\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars-svg\" viewBox=\"0 0 {WIDTH} \
         {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        escape(&chart.title)
    );
    for (i, bar) in chart.items.iter().enumerate() {
        let y = 4.0 + i as f64 * ROW;
        let mid = y + ROW / 2.0;
        // A bar is never drawn past its track, even if a value exceeds the stated maximum.
        let share = if full > 0.0 {
            (bar.value.max(0.0) / full).min(1.0)
        } else {
            0.0
        };
        let len = if bar.value > 0.0 {
            (share * track).max(2.0)
        } else {
            0.0
        };
        let text = bar.text.clone().unwrap_or_else(|| number(bar.value));
        let class = if bar.highlight { "bar hl" } else { "bar" };
        let _ = writeln!(
            out,
            "<g class=\"{class}\"><title>{}: {}</title>\
             <text class=\"label\" x=\"{:.1}\" y=\"{mid:.1}\">{}</text>\
             <rect class=\"track\" x=\"{label_w:.1}\" y=\"{:.1}\" width=\"{track:.1}\" height=\"{BAR}\" rx=\"4\"/>\
             <rect class=\"fill\" x=\"{label_w:.1}\" y=\"{:.1}\" width=\"{len:.1}\" height=\"{BAR}\" rx=\"4\"/>\
             <text class=\"value\" x=\"{:.1}\" y=\"{mid:.1}\">{}</text></g>",
            escape(&bar.label),
            escape(&text),
            label_w - 10.0,
            escape(&truncate(&bar.label, max_chars)),
            mid - BAR / 2.0,
            mid - BAR / 2.0,
            label_w + len + 8.0,
            escape(&text),
        );
    }
    out.push_str("</svg></div>\n</figure>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::Bar;

    #[test]
    fn escapes_labels_and_scales_to_the_stated_maximum() {
        let chart = BarChart::new("Recall <by> typology")
            .max(1.0)
            .bar(Bar::new("fan-in & out", 0.5).text("50%"))
            .bar(Bar::new("cycle", 1.5).highlight());
        let html = render(&chart);
        assert!(html.contains("Recall &lt;by&gt; typology"));
        assert!(html.contains("fan-in &amp; out"));
        assert!(!html.contains("<by>"));
        let half = format!("width=\"{:.1}\"", (WIDTH - 100.0 - VALUE_ROOM) / 2.0);
        assert!(html.contains(&half), "{html}");
        assert!(html.contains("class=\"bar hl\""));
    }

    #[test]
    fn an_empty_chart_says_so() {
        assert!(render(&BarChart::new("t")).contains("No data."));
    }
}
