//! `flowtrace media bank`: create banks, fill them from image files or HMA / ThreatExchange
//! CSV, export, list, remove.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context, Result};
use flowtrace_media::bank::{BankEntry, BankError, BankStore, HashType, ImportReport, PdqBank};
use flowtrace_media::FileHashes;

use super::args::{
    BankAddArgs, BankCommand, BankCreateArgs, BankExportArgs, BankImportArgs, BankListArgs,
    BankNameArgs, BankRemoveArgs,
};
use super::{expand_files, hash_files, open_store, print_file_reconciliation};
use crate::args::GlobalArgs;
use crate::commands::social::write_to;
use crate::{output, Outcome};

pub fn run(global: &GlobalArgs, command: &BankCommand) -> Result<Outcome> {
    match command {
        BankCommand::Create(args) => create(global, args),
        BankCommand::Add(args) => add(global, args),
        BankCommand::Import(args) => import(global, args),
        BankCommand::Export(args) => export(args),
        BankCommand::List(args) => list(args),
        BankCommand::Remove(args) => remove(global, args),
        BankCommand::Delete(args) => delete(global, args),
    }
}

fn note(global: &GlobalArgs, text: String) {
    if !global.quiet {
        eprintln!("{text}");
    }
}

fn create(global: &GlobalArgs, args: &BankCreateArgs) -> Result<Outcome> {
    let BankNameArgs { bank, db } = &args.name;
    let mut store = open_store(&db.db, true)?;
    store.create_bank(bank, &args.description)?;
    note(
        global,
        format!("created bank {bank:?} in {}", db.db.display()),
    );
    Ok(Outcome::default())
}

/// The entries of one hashed file: its PDQ, MD5 and SHA-256, each with the same labels.
fn entries_of(hashes: &FileHashes, labels: &[String]) -> Vec<BankEntry> {
    let values = [
        (HashType::Pdq, hashes.pdq.hash.to_hex()),
        (HashType::Md5, hashes.digests.md5.clone()),
        (HashType::Sha256, hashes.digests.sha256.clone()),
    ];
    values
        .into_iter()
        .map(|(hash_type, hash_value)| BankEntry {
            hash_type,
            hash_value,
            labels: labels.to_vec(),
        })
        .collect()
}

fn add(global: &GlobalArgs, args: &BankAddArgs) -> Result<Outcome> {
    let BankNameArgs { bank, db } = &args.name;
    let mut store = open_store(&db.db, false)?;
    // Fail on a missing bank before hashing anything.
    require_bank(&store, bank)?;
    let files = expand_files(&args.files)?;
    let results = hash_files(&files, false);
    let mut entries = Vec::new();
    for (path, hashes) in files.iter().zip(&results) {
        let Some(hashes) = hashes else { continue };
        if hashes.pdq.quality < PdqBank::DEFAULT_MIN_QUALITY {
            note(global, format!(
                "note: {} has PDQ quality {} (below 50: flat or tiny), so its PDQ hash will rarely match",
                path.display(),
                hashes.pdq.quality
            ));
        }
        let item = args.item.clone().unwrap_or_else(|| file_name(path));
        let labels: Vec<String> = std::iter::once(item).chain(args.labels.clone()).collect();
        entries.extend(entries_of(hashes, &labels));
    }
    let added = store.add_all(bank, &entries)?;
    let present = entries.len() as u64 - added;
    let failed = print_file_reconciliation("hashed", &results);
    note(
        global,
        format!("bank {bank:?}: {added} hashes added, {present} already there"),
    );
    Ok(Outcome {
        rejected_rows: failed,
    })
}

/// Fails with the library's "no bank named" error when the bank does not exist.
pub fn require_bank(store: &BankStore, bank: &str) -> Result<()> {
    if !store.has_bank(bank)? {
        return Err(BankError::NoSuchBank(bank.to_owned()).into());
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn import(global: &GlobalArgs, args: &BankImportArgs) -> Result<Outcome> {
    let BankNameArgs { bank, db } = &args.name;
    let policy = crate::input::on_error(args.on_error, args.rejects.as_deref())?;
    let mut store = open_store(&db.db, false)?;
    let input =
        File::open(&args.csv).with_context(|| format!("cannot read {}", args.csv.display()))?;
    let report = store.import_csv(bank, BufReader::new(input), &args.csv, &policy)?;
    print_import(global, bank, &report);
    Ok(Outcome {
        rejected_rows: report.books.rejected,
    })
}

fn print_import(global: &GlobalArgs, bank: &str, report: &ImportReport) {
    let books = &report.books;
    let mut line = format!(
        "{}: read {} rows = {} added + {} already in bank {bank:?} + {} rejected",
        books.file.display(),
        books.rows_read,
        report.added,
        report.duplicates,
        books.rejected
    );
    if let Some(path) = &books.rejects_file {
        line.push_str(&format!(" (rejects in {})", path.display()));
    }
    crate::input::print_reconciliation(global, &line, &books.first_errors, books.rejected);
}

fn export(args: &BankExportArgs) -> Result<Outcome> {
    let BankNameArgs { bank, db } = &args.name;
    let store = open_store(&db.db, false)?;
    let name = args
        .out
        .as_ref()
        .map_or("standard output".to_owned(), |p| p.display().to_string());
    // Fail on a missing bank before creating the output file.
    require_bank(&store, bank)?;
    write_to(args.out.as_deref(), |w| {
        store
            .export_csv(bank, w, &name)
            .map(drop)
            .map_err(std::io::Error::other)
    })?;
    Ok(Outcome::default())
}

fn list(args: &BankListArgs) -> Result<Outcome> {
    let store = open_store(&args.db.db, false)?;
    let mut text = String::new();
    if !args.json {
        text.push_str(&format!(
            "{:<24} {:>10} {:>10} {:>10} {:>10}  description\n",
            "bank", "pdq", "md5", "sha256", "texts"
        ));
    }
    for info in store.banks()? {
        let count = |t: HashType| {
            info.counts
                .iter()
                .find(|(k, _)| *k == t)
                .map_or(0, |(_, n)| *n)
        };
        let (pdq, md5, sha256) = (
            count(HashType::Pdq),
            count(HashType::Md5),
            count(HashType::Sha256),
        );
        if args.json {
            let line = serde_json::json!({
                "bank": info.name, "description": info.description,
                "pdq": pdq, "md5": md5, "sha256": sha256, "texts": info.texts,
            });
            text.push_str(&format!("{line}\n"));
        } else {
            text.push_str(&format!(
                "{:<24} {pdq:>10} {md5:>10} {sha256:>10} {:>10}  {}\n",
                info.name, info.texts, info.description
            ));
        }
    }
    output::print(&text)?;
    Ok(Outcome::default())
}

fn remove(global: &GlobalArgs, args: &BankRemoveArgs) -> Result<Outcome> {
    let BankNameArgs { bank, db } = &args.name;
    let hash_type: HashType = args.hash_type.parse().map_err(anyhow::Error::msg)?;
    let mut store = open_store(&db.db, false)?;
    let mut removed = 0;
    for value in &args.values {
        let value = hash_type
            .normalise(value)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("cannot remove {value:?}"))?;
        if store.remove(bank, hash_type, &value)? {
            removed += 1;
        } else {
            eprintln!("note: bank {bank:?} has no {hash_type} hash {value}");
        }
    }
    note(
        global,
        format!(
            "bank {bank:?}: {removed} of {} hashes removed",
            args.values.len()
        ),
    );
    Ok(Outcome::default())
}

fn delete(global: &GlobalArgs, args: &BankNameArgs) -> Result<Outcome> {
    let mut store = open_store(&args.db.db, false)?;
    store.delete_bank(&args.bank)?;
    note(global, format!("deleted bank {:?}", args.bank));
    Ok(Outcome::default())
}
