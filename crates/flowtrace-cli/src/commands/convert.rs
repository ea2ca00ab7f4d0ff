//! `flowtrace convert`: read transfers in one format, write them in another.

use anyhow::Result;

use crate::args::{ConvertArgs, GlobalArgs};
use crate::{input, Outcome};

pub fn run(global: &GlobalArgs, args: &ConvertArgs) -> Result<Outcome> {
    let to = input::format_of(args.to, &args.out, "output format", "--to")?;
    let loaded = input::load(global, &args.input)?;
    flowtrace_io::write_transfers(&loaded.accounts, &loaded.transfers, &args.out, to)?;
    if !global.quiet {
        eprintln!(
            "wrote {} transfers ({} accounts) to {} as {}",
            loaded.transfers.len(),
            loaded.accounts.len(),
            args.out.display(),
            to.name()
        );
    }
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}
