//! Writing cells and account roles as CSV, accounts by their platform ids.

use std::io::{self, Write};

use super::Cells;
use crate::coord::write::quoted;
use crate::messages::Messages;

/// One row per cell, in rank order: `rank,size,density,internal_weight,activity,hub,members`
/// (members separated by spaces).
pub fn write_cells_csv(cells: &Cells, messages: &Messages, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    out.write_all(b"rank,size,density,internal_weight,activity,hub,members\n")?;
    for (rank, cell) in cells.cells.iter().enumerate() {
        write!(
            out,
            "{},{},{:.4},{},{},",
            rank + 1,
            cell.members.len(),
            cell.density,
            cell.internal_weight,
            cell.activity
        )?;
        quoted(&mut out, messages.user_key(cell.hub))?;
        out.write_all(b",")?;
        let members: Vec<&str> = cell.members.iter().map(|&u| messages.user_key(u)).collect();
        quoted(&mut out, &members.join(" "))?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// One row per account of the network: `account,username,cell,role,timing,degree,strength,
/// internal,participation,leads,follows` (`cell` is the cell's rank, empty if none).
pub fn write_accounts_csv(cells: &Cells, messages: &Messages, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    out.write_all(
        b"account,username,cell,role,timing,degree,strength,internal,participation,leads,follows\n",
    )?;
    for a in &cells.accounts {
        quoted(&mut out, messages.user_key(a.user))?;
        out.write_all(b",")?;
        quoted(&mut out, messages.username(a.user))?;
        let cell = a.cell.map_or(String::new(), |c| (c + 1).to_string());
        writeln!(
            out,
            ",{cell},{},{},{},{},{},{:.4},{},{}",
            a.role.name(),
            a.timing.name(),
            a.degree,
            a.strength,
            a.internal,
            a.participation,
            a.lead_follow.leads,
            a.lead_follow.follows
        )?;
    }
    out.flush()
}
