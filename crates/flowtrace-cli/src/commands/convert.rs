//! `flowtrace convert`: read transfers in one format, write them in another.

use anyhow::{Context, Result};
use flowtrace_io::FileFormat;

use crate::args::{ConvertArgs, GlobalArgs};
use crate::{input, Outcome};

pub fn run(global: &GlobalArgs, args: &ConvertArgs) -> Result<Outcome> {
    let to = match args.to {
        Some(f) => f.into(),
        None => FileFormat::from_path(&args.out).with_context(|| {
            format!(
                "cannot tell the output format of {} from its extension; say --to csv|parquet|arrow|ftm",
                args.out.display()
            )
        })?,
    };
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
