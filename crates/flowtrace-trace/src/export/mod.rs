//! A trace's answer for people and other programs: JSON, GraphViz DOT, Parquet and an HTML page.
//!
//! Everything here names accounts by their external key (`bank:account`), never by the dense
//! ids the graph uses inside.

mod dot;
mod html;
mod json;
mod parquet;

pub use dot::to_dot;
pub use html::trace_section;
pub use json::{cut_to_json, to_json};
pub use parquet::write_parquet;

use flowtrace_graph::{AccountId, TemporalGraph};

/// `bank:account`, the way the command line names accounts.
pub fn account_key(g: &TemporalGraph, v: AccountId) -> String {
    format!("{}:{}", g.accounts().bank(v), g.accounts().number(v))
}

/// The account's country, when the data says.
pub fn country(g: &TemporalGraph, v: AccountId) -> Option<&str> {
    g.accounts().info(v).and_then(|i| i.country.as_deref())
}

/// Whether a transfer between `a` and `b` crosses a border (both countries known and unequal).
pub fn crosses_border(g: &TemporalGraph, a: AccountId, b: AccountId) -> bool {
    matches!((country(g, a), country(g, b)), (Some(x), Some(y)) if x != y)
}
