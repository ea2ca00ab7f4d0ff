//! The toolkit's posts CSV: header, eight fields a row, each row a message or a reject.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::batches::{self, Batch, Entry};
use super::error::{Column, ReadError, RejectKind};
use super::fields::{add_row, parse_timestamp, split_urls, Bad};
use super::records::{Record, Records, MAX_RECORD_BYTES};
use super::rejects::RejectHandler;
use super::{LoadedMessages, ReadOptions, PROGRESS_STEP};
use crate::messages::{Messages, Post};

/// The columns, in the order the toolkit requires them.
pub const COLUMNS: [&str; 8] = [
    "message_id",
    "user_id",
    "username",
    "repost_id",
    "reply_id",
    "message",
    "timestamp",
    "urls",
];

const MESSAGE_ID: usize = 0;
const USER_ID: usize = 1;
const TIMESTAMP: usize = 6;

/// Reads the toolkit's posts CSV at `path` (see the [module documentation](super)).
///
/// Two threads: [`batches::produce`] splits and checks rows and normalises their texts, this one
/// interns them in file order, so ids are the same as on one thread.
pub fn read(path: &Path, options: &ReadOptions) -> Result<LoadedMessages, ReadError> {
    let file = File::open(path).map_err(|source| io(path, source))?;
    let mut records = Records::new(BufReader::with_capacity(1 << 16, file));
    let mut rec = Record::default();
    if !records.next_into(&mut rec).map_err(|e| io(path, e))? {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    check_header(path, &rec)?;
    let mut rejects = RejectHandler::new(path, &options.on_error)?;
    let mut messages = Messages::new(options.keep_text);
    // Untouched reserved pages cost no memory, so err on the large side: rows of 40 bytes,
    // normalised texts half the file.
    let size = std::fs::metadata(path).map_or(0, |m| m.len()) as usize;
    messages.reserve(size / 40, size / 2);
    let keep_text = options.keep_text;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        scope.spawn(move || batches::produce(records, keep_text, tx));
        let (mut told, mut consumed) = (0, 0);
        // Returning early drops `rx`, which tells the producer to stop.
        for batch in rx {
            let batch = batch.map_err(|e| io(path, e))?;
            take_batch(path, &batch, &mut messages, &mut rejects)?;
            consumed = batch.consumed;
            if let Some(progress) = options.progress {
                if consumed - told >= PROGRESS_STEP {
                    told = consumed;
                    progress(told);
                }
            }
        }
        if let Some(progress) = options.progress {
            progress(consumed);
        }
        Ok::<(), ReadError>(())
    })?;
    Ok(LoadedMessages {
        messages,
        report: rejects.finish()?,
    })
}

fn take_batch(
    path: &Path,
    batch: &Batch,
    messages: &mut Messages,
    rejects: &mut RejectHandler,
) -> Result<(), ReadError> {
    for entry in &batch.entries {
        match entry {
            Entry::Row(row) => {
                let post = batch.post(row);
                let normalised = batch.text.get(row.normalised.clone()).unwrap_or("");
                let at = (path, row.line, batch.raw(&row.raw));
                let prepared = Some((normalised, row.hash));
                add_row(messages, &post, prepared, column(MESSAGE_ID), at, rejects)?;
            }
            Entry::Bad { line, raw, bad } => {
                rejects.reject(bad.clone().at(path, *line), batch.raw(raw))?;
            }
        }
    }
    Ok(())
}

fn io(path: &Path, source: std::io::Error) -> ReadError {
    ReadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn column(i: usize) -> Column {
    Column {
        number: i + 1,
        name: COLUMNS[i],
    }
}

/// The header must name the eight columns in order (a UTF-8 byte-order mark is allowed). The
/// toolkit skips its first row unread; here a wrong header stops the load, as it means the
/// columns are not what the rows will be taken for.
fn check_header(path: &Path, rec: &Record) -> Result<(), ReadError> {
    let names: Vec<&[u8]> = (0..rec.field_count()).map(|i| rec.field(i)).collect();
    let first = names
        .first()
        .map(|f| f.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(f));
    let matches = !rec.too_long()
        && names.len() == COLUMNS.len()
        && first == Some(COLUMNS[0].as_bytes())
        && names[1..]
            .iter()
            .zip(&COLUMNS[1..])
            .all(|(a, b)| *a == b.as_bytes());
    if matches {
        return Ok(());
    }
    let shown = &rec.raw[..rec.raw.len().min(200)];
    Err(ReadError::Header {
        path: path.to_path_buf(),
        expected: COLUMNS.join(","),
        found: String::from_utf8_lossy(shown).into_owned(),
    })
}

/// Checks one record and borrows its fields as a post.
pub(super) fn check_row(rec: &Record) -> Result<Post<'_>, Bad> {
    if rec.too_long() {
        let detail = format!("row of {} bytes, the limit is {MAX_RECORD_BYTES}", rec.len);
        return Err(Bad::new(None, RejectKind::FieldTooLong, detail));
    }
    if rec.unclosed_quote {
        let detail = "a quoted field is never closed (the file ends inside it)";
        return Err(Bad::new(None, RejectKind::BadQuoting, detail));
    }
    let count = rec.field_count();
    if count != COLUMNS.len() {
        let kind = if !rec.terminated && count < COLUMNS.len() {
            RejectKind::TruncatedLine
        } else {
            RejectKind::WrongColumnCount
        };
        let detail = format!("{count} fields, expected {}", COLUMNS.len());
        return Err(Bad::new(None, kind, detail));
    }
    let mut f: [&str; 8] = [""; 8];
    for (i, slot) in f.iter_mut().enumerate() {
        *slot = std::str::from_utf8(rec.field(i)).map_err(|e| {
            let detail = format!("byte {} of the field is not UTF-8", e.valid_up_to() + 1);
            Bad::new(Some(column(i)), RejectKind::InvalidUtf8, detail)
        })?;
    }
    for i in [MESSAGE_ID, USER_ID, TIMESTAMP] {
        if f[i].is_empty() {
            let detail = format!("{} is required", COLUMNS[i]);
            return Err(Bad::new(Some(column(i)), RejectKind::EmptyField, detail));
        }
    }
    let timestamp = parse_timestamp(f[TIMESTAMP])
        .map_err(|d| Bad::new(Some(column(TIMESTAMP)), RejectKind::BadTimestamp, d))?;
    Ok(Post {
        message_id: f[0],
        user_id: f[1],
        username: f[2],
        repost_id: Some(f[3]).filter(|s| !s.is_empty()),
        reply_id: Some(f[4]).filter(|s| !s.is_empty()),
        message: f[5],
        timestamp,
        urls: split_urls(f[7]),
    })
}
