//! Writes transfers as an AMLworld transactions CSV, in time order.
//!
//! Amounts are written in Rust's shortest round-trip form, so reading the file back gives the
//! same `f64`s. AMLworld times have minutes only; a time with seconds gets `:SS` appended, which
//! this crate's reader accepts but stricter AMLworld tools may not.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use flowtrace_graph::time::CivilTime;
use flowtrace_graph::{Accounts, TransferId, Transfers};

use super::HEADER;
use crate::error::WriteError;

/// Writes every transfer to `path`.
pub fn write(accounts: &Accounts, transfers: &Transfers, path: &Path) -> Result<(), WriteError> {
    let io_error = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::create(path).map_err(io_error)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    write_to(&mut out, accounts, transfers).map_err(io_error)?;
    out.flush().map_err(io_error)
}

/// Writes the header and every transfer to any byte sink.
pub fn write_to(
    out: &mut impl Write,
    accounts: &Accounts,
    transfers: &Transfers,
) -> std::io::Result<()> {
    writeln!(out, "{HEADER}")?;
    for id in 0..transfers.len() as TransferId {
        let t = transfers.get(id);
        let c = CivilTime::from_unix(t.ts);
        write!(
            out,
            "{:04}/{:02}/{:02} {:02}:{:02}",
            c.year, c.month, c.day, c.hour, c.minute
        )?;
        if c.second != 0 {
            write!(out, ":{:02}", c.second)?;
        }
        out.write_all(b",")?;
        write_field(out, accounts.bank(t.src))?;
        write_field(out, accounts.number(t.src))?;
        write_field(out, accounts.bank(t.dst))?;
        write_field(out, accounts.number(t.dst))?;
        write!(
            out,
            "{},{},",
            t.amount_received,
            t.currency_received.amlworld_name()
        )?;
        write!(
            out,
            "{},{},",
            t.amount_paid,
            t.currency_paid.amlworld_name()
        )?;
        out.write_all(t.format.name().as_bytes())?;
        match t.label {
            Some(true) => out.write_all(b",1\n")?,
            Some(false) => out.write_all(b",0\n")?,
            None => out.write_all(b",\n")?,
        }
    }
    Ok(())
}

/// Writes a key field and its comma, quoting it only if it needs quoting.
fn write_field(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    if text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        write!(out, "\"{}\",", text.replace('"', "\"\""))
    } else {
        write!(out, "{text},")
    }
}
