//! `flowtrace media hash`: one CSV row per image file, `file,pdq,quality,md5,sha256`.

use anyhow::Result;

use super::args::MediaHashArgs;
use super::{expand_files, hash_files, print_file_reconciliation};
use crate::args::GlobalArgs;
use crate::commands::social::write_to;
use crate::Outcome;

pub fn run(_global: &GlobalArgs, args: &MediaHashArgs) -> Result<Outcome> {
    let files = expand_files(&args.files)?;
    let results = hash_files(&files, false);
    write_to(args.out.as_deref(), |w| {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(["file", "pdq", "quality", "md5", "sha256"])?;
        for (path, hashes) in files.iter().zip(&results) {
            let Some(h) = hashes else { continue };
            csv.write_record([
                path.display().to_string().as_str(),
                &h.pdq.hash.to_hex(),
                &h.pdq.quality.to_string(),
                &h.digests.md5,
                &h.digests.sha256,
            ])?;
        }
        csv.flush()
    })?;
    let failed = print_file_reconciliation("hashed", &results);
    Ok(Outcome {
        rejected_rows: failed,
    })
}
