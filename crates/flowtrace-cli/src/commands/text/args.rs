//! Arguments of `flowtrace text` (clap derive), kept beside the commands they configure.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::args::OnErrorArg;
use crate::commands::media::DbArg;

#[derive(Subcommand, Debug)]
pub enum TextCommand {
    /// Add known texts to a bank (JSON lines id,text, or the toolkit's posts CSV).
    #[command(
        after_help = "Each text is stored with its id as the first label, then the --label \
        values. The bank must exist (flowtrace media bank create NAME).\n\nExample:\n  \
        flowtrace text add --bank known --input known-texts.jsonl --label source=partner"
    )]
    Add(TextAddArgs),
    /// Find posts that repeat a banked text, give or take some words (MinHash and LSH over
    /// word shingles, any script).
    #[command(
        after_help = "INPUT: JSON lines with id (or message_id) and text (or message), or \
        coordination-network-toolkit's posts CSV. Output: CSV (or JSON lines with --json) \
        post_id,bank,item,labels,jaccard; jaccard is the estimated share of shared \
        three-word shingles.\n\nExample:\n  flowtrace text match --bank known --input \
        posts.jsonl --threshold 0.5"
    )]
    Match(TextMatchArgs),
    /// Write a bank's texts as JSON lines {id, text, labels}, which `text add` reads back
    /// (to send a partner, or to move texts between bank files).
    #[command(
        after_help = "id is each text's first label (its item id), labels the rest.\n\n\
        Example:\n  flowtrace text export --bank known --out known-texts.jsonl"
    )]
    Export(TextExportArgs),
}

#[derive(Args, Debug)]
pub struct TextExportArgs {
    /// The bank to export.
    #[arg(long, value_name = "NAME")]
    pub bank: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Output file (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The posts or texts a `text` command reads, and what to do with bad rows.
#[derive(Args, Debug)]
pub struct TextInputArgs {
    /// JSON lines (.jsonl, .json, .ndjson) or the toolkit's posts CSV (.csv).
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// Input format (default: from the file extension).
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub format: Option<TextFormat>,
    /// On a bad row: stop with its line and reason (fail), or set it aside and go on (skip).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write every rejected row, byte for byte, with its reason, here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// One JSON object a line with id and text.
    Jsonl,
    /// coordination-network-toolkit's posts CSV (message_id and message are used).
    Csv,
}

#[derive(Args, Debug)]
pub struct TextAddArgs {
    /// The bank to add to.
    #[arg(long, value_name = "NAME")]
    pub bank: String,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub input: TextInputArgs,
    /// Labels after the id (ideology=..., source=...); repeat for several.
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,
}

#[derive(Args, Debug)]
pub struct TextMatchArgs {
    /// The bank to match against.
    #[arg(long, value_name = "NAME")]
    pub bank: String,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub input: TextInputArgs,
    /// Smallest estimated Jaccard similarity that matches (0 to 1).
    #[arg(long, default_value_t = 0.5)]
    pub threshold: f64,
    /// JSON lines instead of CSV.
    #[arg(long)]
    pub json: bool,
    /// Write the matches here (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}
