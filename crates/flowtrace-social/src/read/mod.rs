//! Reading posts into a [`Messages`] table, losing nothing: every row is accepted or rejected
//! with its file, line, column and reason, and every load reconciles (read = accepted +
//! rejected).
//!
//! # The toolkit's CSV ([`MessageFormat::ToolkitCsv`])
//!
//! QUT coordination-network-toolkit's input, exactly: the header
//! `message_id,user_id,username,repost_id,reply_id,message,timestamp,urls` and one message a row,
//! quoted as Python's `csv` module writes and reads it (fields may hold commas, quotes and line
//! breaks; see [`records`] for the exact splitting rules).
//!
//! - `message_id` and `user_id`: any non-empty text, compared exactly (`010` is not `10`).
//! - `username`: display only; an account shows the largest name it posted under.
//! - `repost_id`, `reply_id`: the id of the message reposted verbatim / replied to; empty is none.
//! - `message`: the text; co-tweet compares its normalised form ([`crate::text`]).
//! - `timestamp`: seconds, a decimal number with optional fraction and exponent (the toolkit's
//!   `float()`), on any clock as long as all rows share it.
//! - `urls`: URLs separated by single spaces. Empty pieces are no URL.
//!
//! # JSON lines ([`MessageFormat::JsonLines`])
//!
//! One object a line with the same eight properties; ids may be strings or integers, `urls` an
//! array of strings or a space-separated string, `timestamp` a number or a numeric string;
//! missing or `null` optional properties are empty. Other properties are ignored.
//!
//! # Bad rows
//!
//! Rejected, with the reason counted by [`RejectKind`]: a row of the wrong field count, a last
//! line without line break that is incomplete (`TruncatedLine`), a field that is not UTF-8, an
//! empty `message_id`, `user_id` or `timestamp` (`EmptyField`; JSON: `MissingField`), a timestamp
//! that is not a finite number, a row or line over [`MAX_RECORD_BYTES`] (`FieldTooLong`, not held
//! in memory), a quoted field left open at the end of the file, a line that is not a JSON
//! object, and a message id an earlier row already has (`DuplicateId`; the earlier row stays).
//! A file of zero bytes is [`ReadError::Empty`], a wrong CSV header [`ReadError::Header`].
//! Blank lines are not rows.
//!
//! Where the toolkit differs: it stops with a Python exception on a wrong field count, a blank
//! line, bad UTF-8, a timestamp `float()` refuses or a field over 128 KiB; it takes `nan`,
//! `inf`, `1_000` and empty ids; it keeps the first of two rows with one message id silently (yet
//! still files the second row's URLs under that id, with the second row's account and time, for
//! co-link); it reads a lone `\r` as a line break; and it turns an empty piece of `urls` into the
//! URL `""`, which co-links every link-less post.

mod batches;
mod csv;
mod error;
mod fields;
mod jsonl;
mod lines;
pub mod records;
mod rejects;
mod rows;
mod scan;

use std::path::Path;

pub use self::csv::COLUMNS;
pub use error::{Column, ReadError, RejectKind, RowError};
pub use records::MAX_RECORD_BYTES;
pub use rejects::{LoadReport, OnError, SAMPLE_ERRORS};

use crate::messages::{Columns, Messages};

/// How often, in bytes read, the progress callback is told.
const PROGRESS_STEP: u64 = 4 << 20;

/// Callback told how many input bytes have been processed so far (for progress bars).
pub type Progress<'a> = &'a (dyn Fn(u64) + Sync);

/// The file formats posts are read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageFormat {
    /// coordination-network-toolkit's CSV.
    ToolkitCsv,
    /// One JSON object a line with the same properties.
    JsonLines,
}

impl MessageFormat {
    /// Guesses the format from the file name: `.csv`, or `.json`/`.jsonl`/`.ndjson`.
    pub fn from_path(path: &Path) -> Option<MessageFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(MessageFormat::ToolkitCsv),
            "json" | "jsonl" | "ndjson" => Some(MessageFormat::JsonLines),
            _ => None,
        }
    }
}

/// How to read.
#[derive(Default)]
pub struct ReadOptions<'a> {
    /// What to do with bad rows.
    pub on_error: OnError,
    /// Told the bytes processed so far, now and then.
    pub progress: Option<Progress<'a>>,
    /// Keep every message's raw text ([`Messages::raw_text`]); off by default, as the
    /// coordination networks need only the normalised text.
    pub keep_text: bool,
    /// The optional columns to keep ([`Columns::for_networks`] gives what some networks need);
    /// all by default. Rows are checked and rejected the same whatever is kept.
    pub columns: Columns,
}

/// Messages read from a file, with the books of the load.
pub struct LoadedMessages {
    /// The accepted messages, in file order.
    pub messages: Messages,
    /// Counts and rejects.
    pub report: LoadReport,
}

/// Reads posts from `path` in `format`.
pub fn read_messages(
    path: &Path,
    format: MessageFormat,
    options: &ReadOptions,
) -> Result<LoadedMessages, ReadError> {
    match format {
        MessageFormat::ToolkitCsv => csv::read(path, options),
        MessageFormat::JsonLines => jsonl::read(path, options),
    }
}
