//! The page around the blocks: head, header, headline tiles, table of contents, sections,
//! tables, notes and key-value lists.

use std::fmt::Write;

use crate::block::{Block, Cell, Table};
use crate::escape::{escape, looks_numeric};
use crate::report::{Metric, Report, Section};
use crate::{bars, flow, sankey, style};

/// Renders a whole report.
pub(crate) fn render(report: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, report);
    out.push_str("<main class=\"wrap\">\n");
    metrics(&mut out, &report.metrics);
    toc(&mut out, &report.sections);
    let mut flows = 0;
    for (i, section) in report.sections.iter().enumerate() {
        render_section(&mut out, section, i + 1, &mut flows);
    }
    out.push_str("</main>\n");
    out.push_str(
        "<footer class=\"wrap foot\">A self-contained page made by flowtrace: no scripts, no \
         network, safe to mail or archive.</footer>\n</body>\n</html>\n",
    );
    out
}

fn head(out: &mut String, report: &Report) {
    let title = escape(&report.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"flowtrace-report\">\n<title>{title}</title>\n\
         <style>\n{}</style>\n</head>\n<body>\n<header class=\"page-head\">\n<div class=\"wrap\">\n\
         <p class=\"brand\">flowtrace</p>\n<h1 dir=\"auto\">{title}</h1>\n",
        style::CSS
    );
    if let Some(subtitle) = &report.subtitle {
        let _ = writeln!(
            out,
            "<p class=\"subtitle\" dir=\"auto\">{}</p>",
            escape(subtitle)
        );
    }
    if let Some(generated) = &report.generated {
        let _ = writeln!(
            out,
            "<p class=\"meta\" dir=\"auto\">{}</p>",
            escape(generated)
        );
    }
    out.push_str("</div>\n</header>\n");
}

fn metrics(out: &mut String, metrics: &[Metric]) {
    if metrics.is_empty() {
        return;
    }
    out.push_str("<section class=\"metrics\" aria-label=\"Summary\">\n");
    for m in metrics {
        let _ = write!(
            out,
            "<div class=\"card metric\"><div class=\"label\" dir=\"auto\">{}</div>\
             <div class=\"value {}\" dir=\"auto\">{}</div>",
            escape(&m.label),
            m.status.class(),
            escape(&m.value)
        );
        if let Some(note) = &m.note {
            let _ = write!(
                out,
                "<div class=\"metric-note\" dir=\"auto\">{}</div>",
                escape(note)
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn toc(out: &mut String, sections: &[Section]) {
    if sections.is_empty() {
        return;
    }
    out.push_str("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
    for (i, section) in sections.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#s{n}\"><span class=\"n\">{n}</span><span dir=\"auto\">{}</span></a></li>",
            escape(&section.heading),
            n = i + 1
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

fn render_section(out: &mut String, section: &Section, number: usize, flows: &mut usize) {
    let _ = writeln!(
        out,
        "<section class=\"section\" id=\"s{number}\">\n<h2 dir=\"auto\">{}</h2>",
        escape(&section.heading)
    );
    if let Some(intro) = &section.intro {
        let _ = writeln!(out, "<p class=\"intro\" dir=\"auto\">{}</p>", escape(intro));
    }
    for block in &section.blocks {
        match block {
            Block::Table(table) => render_table(out, table),
            Block::Bars(chart) => out.push_str(&bars::render(chart)),
            Block::Flow(graph) => {
                *flows += 1;
                out.push_str(&flow::render(graph, *flows));
            }
            Block::Sankey(diagram) => out.push_str(&sankey::render(diagram)),
            Block::Note(text) => {
                let _ = writeln!(
                    out,
                    "<aside class=\"note\" dir=\"auto\">{}</aside>",
                    escape(text)
                );
            }
            Block::KeyValues(pairs) => render_key_values(out, pairs),
        }
    }
    out.push_str("</section>\n");
}

fn render_table(out: &mut String, table: &Table) {
    let width = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.columns.len()])
        .max()
        .unwrap_or(0);
    // A column is numeric when every non-empty cell in it is; then its heading aligns right too.
    let numeric: Vec<bool> = (0..width)
        .map(|c| {
            let mut cells = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .filter(|x| !x.text.is_empty());
            cells.clone().next().is_some() && cells.all(|x| looks_numeric(&x.text))
        })
        .collect();
    out.push_str("<div class=\"card table-card\"><div class=\"table-wrap\"><table>\n<thead><tr>");
    for (c, &is_numeric) in numeric.iter().enumerate() {
        let heading = table.columns.get(c).map_or("", String::as_str);
        let class = if is_numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class} dir=\"auto\">{}</th>", escape(heading));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let blank = Cell::default();
    for row in &table.rows {
        out.push_str("<tr>");
        for (c, &is_numeric) in numeric.iter().enumerate() {
            let cell = row.get(c).unwrap_or(&blank);
            let mut class = cell.status.class().to_string();
            if is_numeric {
                class.push_str(if class.is_empty() { "num" } else { " num" });
            }
            let class = if class.is_empty() {
                String::new()
            } else {
                format!(" class=\"{class}\"")
            };
            let _ = write!(out, "<td{class} dir=\"auto\">{}</td>", escape(&cell.text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
    if table.rows.is_empty() {
        out.push_str("<p class=\"empty\">No rows.</p>\n");
    }
    if let Some(caption) = &table.caption {
        let _ = writeln!(
            out,
            "<p class=\"caption\" dir=\"auto\">{}</p>",
            escape(caption)
        );
    }
    out.push_str("</div>\n");
}

fn render_key_values(out: &mut String, pairs: &[(String, String)]) {
    out.push_str("<dl class=\"card kv\">\n");
    for (key, value) in pairs {
        let _ = writeln!(
            out,
            "<div><dt dir=\"auto\">{}</dt><dd dir=\"auto\">{}</dd></div>",
            escape(key),
            escape(value)
        );
    }
    out.push_str("</dl>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::Status;

    #[test]
    fn numeric_columns_align_right_and_status_colours_cells() {
        let table = Table::new(["typology", "found"])
            .row([Cell::new("fan-out"), Cell::found("12")])
            .row([Cell::new("cycle"), Cell::missed("0")]);
        let mut out = String::new();
        render_table(&mut out, &table);
        assert!(out.contains("<th class=\"num\" dir=\"auto\">found</th>"));
        assert!(out.contains("<td class=\"found num\" dir=\"auto\">12</td>"));
        assert!(out.contains("<td class=\"missed num\" dir=\"auto\">0</td>"));
        assert_eq!(Status::default(), Status::Neutral);
    }

    #[test]
    fn short_rows_are_padded() {
        let table = Table::new(["a", "b", "c"]).row(["only one"]);
        let mut out = String::new();
        render_table(&mut out, &table);
        assert_eq!(out.matches("<td").count(), 3);
    }
}
