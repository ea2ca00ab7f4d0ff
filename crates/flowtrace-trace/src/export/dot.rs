//! The traced flow as a GraphViz DOT graph: seeds as double octagons, edges labelled with the
//! traced amount, accounts with what arrived and what stayed.

use std::fmt::Write;

use flowtrace_graph::TemporalGraph;

use super::account_key;
use crate::Flow;

/// One flow as a `digraph` (render with `dot -Tsvg`).
pub fn to_dot(g: &TemporalGraph, flow: &Flow) -> String {
    let t = g.transfers();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "digraph trace {{\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];"
    );
    for a in &flow.accounts {
        if !a.seed && a.traced_in <= 0.0 && a.traced_out <= 0.0 {
            continue;
        }
        let key = account_key(g, a.id);
        if a.seed {
            let _ = writeln!(
                out,
                "  \"{}\" [shape=doubleoctagon, label=\"{}\\nseed, {:.2} traced\"];",
                quote(&key),
                quote(&key),
                a.traced_out
            );
        } else {
            let _ = writeln!(
                out,
                "  \"{}\" [label=\"{}\\nhop {}: in {:.2}, held {:.2}\"];",
                quote(&key),
                quote(&key),
                a.hop,
                a.traced_in,
                a.held
            );
        }
    }
    for x in flow.transfers.iter().filter(|x| x.traced > 0.0) {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{:.2} of {:.2}\\n{}\"];",
            quote(&account_key(g, t.src(x.id))),
            quote(&account_key(g, t.dst(x.id))),
            x.traced,
            x.amount,
            flowtrace_graph::time::format_iso8601(t.ts(x.id)),
        );
    }
    out.push_str("}\n");
    out
}

/// Escapes a DOT string's quotes and backslashes.
fn quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}
