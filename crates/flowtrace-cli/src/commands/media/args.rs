//! Arguments of `flowtrace media` (clap derive), kept beside the commands they configure.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::args::OnErrorArg;

/// The bank database every bank command reads or writes.
#[derive(Args, Debug)]
pub struct DbArg {
    /// Bank database (SQLite; one file holds any number of banks and can be sent as it is).
    #[arg(long, value_name = "FILE", default_value = "banks.sqlite")]
    pub db: PathBuf,
}

#[derive(Subcommand, Debug)]
pub enum MediaCommand {
    /// PDQ (with quality), MD5 and SHA-256 of image files, as CSV file,pdq,quality,md5,sha256.
    #[command(
        after_help = "FILES may be directories: their JPEG, PNG, WebP and GIF files are hashed, \
        recursively. A file that cannot be read or decoded gets an error line on stderr and the \
        batch goes on (exit code 3).\n\nExamples:\n  flowtrace media hash poster.jpg clip-frame.png\n  \
        flowtrace media hash uploads/ --out hashes.csv"
    )]
    Hash(MediaHashArgs),
    /// Hash banks: create, fill from files or HMA / ThreatExchange CSV, export, list, remove.
    #[command(
        subcommand,
        after_help = "A bank holds PDQ, MD5 and SHA-256 hashes (and texts, see `flowtrace text`) \
        with labels; by convention the first label is the item's id. CSV rows are \
        hash_type,hash_value[,label...] as Hasher-Matcher-Actioner and ThreatExchange exchange \
        them.\n\nExamples:\n  flowtrace media bank create partner --description \"shared by X\"\n  \
        flowtrace media bank import partner partner-hashes.csv\n  \
        flowtrace media bank add partner poster.jpg --item item-17 --label ideology=x\n  \
        flowtrace media bank export partner --out partner.csv\n  flowtrace media bank list"
    )]
    Bank(BankCommand),
    /// Match image files against a bank: exact copies by MD5/SHA-256, edited ones by PDQ distance.
    #[command(
        after_help = "Output: CSV (or JSON lines with --json) file,bank,matched_by,distance,\
        quality,item,labels,hash_type,hash_value; one row per banked hash a file matches, none \
        for a file that matches nothing. --dihedral also matches rotated and mirrored copies.\n\n\
        Example:\n  flowtrace media match uploads/ --bank partner --threshold 31 --min-quality 50"
    )]
    Match(MediaMatchArgs),
}

#[derive(Args, Debug)]
pub struct MediaHashArgs {
    /// Image files (JPEG, PNG, WebP, GIF) or directories of them.
    #[arg(value_name = "FILES", required = true)]
    pub files: Vec<PathBuf>,
    /// Write the CSV here (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum BankCommand {
    /// Create an empty bank.
    Create(BankCreateArgs),
    /// Hash image files into a bank (PDQ, MD5 and SHA-256, each with the labels given).
    Add(BankAddArgs),
    /// Import hashes from CSV (hash_type,hash_value[,label...]; a header row is optional).
    Import(BankImportArgs),
    /// Export a bank as CSV with a header row.
    Export(BankExportArgs),
    /// List the banks with their counts of hashes and texts.
    List(BankListArgs),
    /// Remove hashes from a bank.
    Remove(BankRemoveArgs),
    /// Delete a bank and everything in it.
    Delete(BankNameArgs),
}

#[derive(Args, Debug)]
pub struct BankNameArgs {
    /// The bank's name.
    #[arg(value_name = "BANK")]
    pub bank: String,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Args, Debug)]
pub struct BankCreateArgs {
    #[command(flatten)]
    pub name: BankNameArgs,
    /// What the bank is: source, sharing terms.
    #[arg(long, default_value = "")]
    pub description: String,
}

#[derive(Args, Debug)]
pub struct BankAddArgs {
    #[command(flatten)]
    pub name: BankNameArgs,
    /// Image files or directories of them.
    #[arg(value_name = "FILES", required = true)]
    pub files: Vec<PathBuf>,
    /// The item's id, stored as the first label (default: each file's name).
    #[arg(long, value_name = "ID")]
    pub item: Option<String>,
    /// More labels (ideology=..., source=...), in order; repeat for several.
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,
}

#[derive(Args, Debug)]
pub struct BankImportArgs {
    #[command(flatten)]
    pub name: BankNameArgs,
    /// CSV file: hash_type,hash_value[,label...].
    #[arg(value_name = "CSV")]
    pub csv: PathBuf,
    /// On a bad row: import nothing and say where (fail), or import the rest (skip).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write every rejected row with its reason here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct BankExportArgs {
    #[command(flatten)]
    pub name: BankNameArgs,
    /// Write the CSV here (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct BankListArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct BankRemoveArgs {
    #[command(flatten)]
    pub name: BankNameArgs,
    /// pdq, md5 or sha256.
    #[arg(long = "type", value_name = "TYPE")]
    pub hash_type: String,
    /// The hash values to remove.
    #[arg(value_name = "HASH", required = true)]
    pub values: Vec<String>,
}

#[derive(Args, Debug)]
pub struct MediaMatchArgs {
    /// Image files or directories of them.
    #[arg(value_name = "FILES", required = true)]
    pub files: Vec<PathBuf>,
    /// The bank to match against.
    #[arg(long, value_name = "NAME")]
    pub bank: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Largest PDQ Hamming distance (of 256 bits) that matches.
    #[arg(long, default_value_t = 31, value_name = "BITS")]
    pub threshold: u32,
    /// Files whose PDQ quality is lower are matched only by MD5/SHA-256.
    #[arg(long, default_value_t = 50, value_name = "Q")]
    pub min_quality: u8,
    /// Also match rotated and mirrored copies (the eight PDQ dihedral hashes).
    #[arg(long)]
    pub dihedral: bool,
    /// JSON lines instead of CSV.
    #[arg(long)]
    pub json: bool,
    /// Write the matches here (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}
