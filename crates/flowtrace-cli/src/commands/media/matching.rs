//! `flowtrace media match`: image files against a bank, one row per banked hash matched.

use std::io::Write;

use anyhow::Result;
use flowtrace_media::bank::{FileMatch, MatchOptions, MatchedBy};
use flowtrace_media::pdq::Dihedral;
use flowtrace_media::FileHashes;

use super::args::MediaMatchArgs;
use super::bank::require_bank;
use super::{expand_files, hash_files, open_store, print_file_reconciliation};
use crate::args::GlobalArgs;
use crate::commands::social::write_to;
use crate::Outcome;

const COLUMNS: [&str; 9] = [
    "file",
    "bank",
    "matched_by",
    "distance",
    "quality",
    "item",
    "labels",
    "hash_type",
    "hash_value",
];

pub fn run(global: &GlobalArgs, args: &MediaMatchArgs) -> Result<Outcome> {
    let store = open_store(&args.db.db, false)?;
    require_bank(&store, &args.bank)?;
    let matcher = store.matcher(&args.bank)?;
    let options = MatchOptions {
        radius: args.threshold,
        min_quality: args.min_quality,
    };
    let files = expand_files(&args.files)?;
    let results = hash_files(&files, args.dihedral);
    // All files' hashes go to the index in one batch.
    let hashed: Vec<(&std::path::PathBuf, &_)> = files
        .iter()
        .zip(&results)
        .filter_map(|(path, hashes)| Some((path, hashes.as_ref()?)))
        .collect();
    let all: Vec<_> = hashed.iter().map(|&(_, hashes)| hashes).collect();
    let found_all = matcher.matches_all(&all, &options);
    let mut matched_files = 0;
    write_to(args.out.as_deref(), |w| {
        if !args.json {
            writeln!(w, "{}", COLUMNS.join(","))?;
        }
        for ((path, hashes), found) in hashed.iter().zip(&found_all) {
            matched_files += usize::from(!found.is_empty());
            let file = path.display().to_string();
            for m in found {
                let row = Row::new(&file, &args.bank, hashes, m);
                if args.json {
                    writeln!(w, "{}", row.json())?;
                } else {
                    row.csv(w)?;
                }
            }
        }
        Ok(())
    })?;
    let failed = print_file_reconciliation("hashed", &results);
    if !global.quiet {
        let (pdq, exact) = matcher.counts();
        eprintln!(
            "{matched_files} of {} files match bank {:?} ({pdq} PDQ hashes within {} bits, {exact} MD5/SHA-256)",
            results.len() as u64 - failed,
            args.bank,
            args.threshold
        );
    }
    Ok(Outcome {
        rejected_rows: failed,
    })
}

/// How a match came about, as the output names it.
fn matched_by(by: MatchedBy) -> &'static str {
    match by {
        MatchedBy::Md5 => "md5",
        MatchedBy::Sha256 => "sha256",
        MatchedBy::Pdq(g) => match g {
            Dihedral::Original => "pdq",
            Dihedral::Rotate90 => "pdq-rotate-90",
            Dihedral::Rotate180 => "pdq-rotate-180",
            Dihedral::Rotate270 => "pdq-rotate-270",
            Dihedral::FlipVertical => "pdq-flip-vertical",
            Dihedral::FlipHorizontal => "pdq-flip-horizontal",
            Dihedral::Transpose => "pdq-transpose",
            Dihedral::AntiTranspose => "pdq-anti-transpose",
        },
    }
}

/// One output row.
struct Row<'a> {
    file: &'a str,
    bank: &'a str,
    matched_by: &'static str,
    distance: u32,
    quality: u8,
    item: &'a str,
    labels: &'a [String],
    hash_type: &'static str,
    hash_value: &'a str,
}

impl<'a> Row<'a> {
    fn new(file: &'a str, bank: &'a str, hashes: &FileHashes, m: &FileMatch<'a>) -> Row<'a> {
        let labels = m.entry.labels.as_slice();
        Row {
            file,
            bank,
            matched_by: matched_by(m.by),
            distance: m.distance,
            quality: hashes.pdq.quality,
            item: labels.first().map_or("", String::as_str),
            labels: labels.get(1..).unwrap_or_default(),
            hash_type: m.entry.hash_type.name(),
            hash_value: &m.entry.hash_value,
        }
    }

    fn csv(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(w);
        csv.write_record([
            self.file,
            self.bank,
            self.matched_by,
            &self.distance.to_string(),
            &self.quality.to_string(),
            self.item,
            &self.labels.join(";"),
            self.hash_type,
            self.hash_value,
        ])?;
        csv.flush()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "file": self.file, "bank": self.bank, "matched_by": self.matched_by,
            "distance": self.distance, "quality": self.quality, "item": self.item,
            "labels": self.labels, "hash_type": self.hash_type, "hash_value": self.hash_value,
        })
    }
}
