//! Writing a network as the toolkit's edge CSV, so files can be swapped between the two.

use std::io::{self, Write};

use super::Network;
use crate::messages::Messages;

/// Writes `network` as CSV with the toolkit's columns `source,target,weight,edge_type`, accounts
/// by their platform ids, every field quoted as the toolkit's export quotes them.
pub fn write_edges_csv(network: &Network, messages: &Messages, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    out.write_all(b"\"source\",\"target\",\"weight\",\"edge_type\"\n")?;
    let kind = network.kind().name();
    for edge in network.edges() {
        quoted(&mut out, messages.user_key(edge.from))?;
        out.write_all(b",")?;
        quoted(&mut out, messages.user_key(edge.to))?;
        writeln!(out, ",\"{}\",\"{kind}\"", edge.weight)?;
    }
    out.flush()
}

pub(crate) fn quoted(out: &mut impl Write, field: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    out.write_all(field.replace('"', "\"\"").as_bytes())?;
    out.write_all(b"\"")
}
