//! Writing links as CSV or JSON lines, accounts by their keys in the transfer data.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{AccountIndex, Link};
use crate::coord::write::quoted;
use crate::messages::Messages;

/// The CSV columns of [`write_links_csv`].
pub const LINK_COLUMNS: &str =
    "message_id,user_id,identifier,kind,check,account,transfers_in,transfers_out,written";

/// One row per link: the post, its author, the identifier (canonical), its kind and check, the
/// account `BANK:ACCOUNT` it links to (empty when none) with its transfer counts, and the
/// identifier as written.
pub fn write_links_csv(
    links: &[Link],
    messages: &Messages,
    index: &AccountIndex,
    out: impl Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    writeln!(out, "{LINK_COLUMNS}")?;
    for link in links {
        let id = &link.identifier;
        quoted(&mut out, messages.message_key(link.message))?;
        out.write_all(b",")?;
        quoted(&mut out, messages.user_key(link.user))?;
        out.write_all(b",")?;
        quoted(&mut out, &id.canonical)?;
        write!(out, ",{},{},", id.kind.name(), id.check.name())?;
        match link.account {
            Some(a) => {
                let accounts = index.accounts();
                quoted(
                    &mut out,
                    &format!("{}:{}", accounts.bank(a), accounts.number(a)),
                )?;
                write!(
                    out,
                    ",{},{},",
                    index.transfers_in(a),
                    index.transfers_out(a)
                )?;
            }
            None => out.write_all(b",,,")?,
        }
        quoted(&mut out, &id.written)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// A link as one JSON object with the CSV's fields (`account` and the counts `null` when none).
pub fn link_to_json(link: &Link, messages: &Messages, index: &AccountIndex) -> Value {
    let id = &link.identifier;
    let accounts = index.accounts();
    let account = link
        .account
        .map(|a| format!("{}:{}", accounts.bank(a), accounts.number(a)));
    json!({
        "message_id": messages.message_key(link.message),
        "user_id": messages.user_key(link.user),
        "identifier": id.canonical,
        "kind": id.kind.name(),
        "check": id.check.name(),
        "account": account,
        "transfers_in": link.account.map(|a| index.transfers_in(a)),
        "transfers_out": link.account.map(|a| index.transfers_out(a)),
        "written": id.written,
    })
}
