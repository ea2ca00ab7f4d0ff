//! The toolkit's posts CSV: header, eight fields a row, each row a message or a reject.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::batches::{self, Batch, Entry, Row};
use super::error::{Column, ReadError};
use super::fields::add_row;
use super::records::{Record, Records};
use super::rejects::RejectHandler;
use super::{LoadedMessages, ReadOptions, PROGRESS_STEP};
use crate::messages::{Messages, Post, Urls};

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

/// Reads the toolkit's posts CSV at `path` (see the [module documentation](super)).
///
/// Two threads when the thread pool has two or more: [`batches::produce`] cuts and checks
/// records, this one interns them in file order, so ids are the same as on one thread. With one
/// (`--threads 1`, or one core) the two stages take turns on this thread instead: a second
/// thread there would only add a switch of threads (and a batch leaving the cache) per batch.
pub fn read(path: &Path, options: &ReadOptions) -> Result<LoadedMessages, ReadError> {
    let file = File::open(path).map_err(|source| io(path, source))?;
    let mut records = Records::new(BufReader::with_capacity(READ_BUFFER, file));
    let mut rec = Record::default();
    if !records.next_into(&mut rec).map_err(|e| io(path, e))? {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    check_header(path, &rec)?;
    let mut load = Load {
        path,
        options,
        size: std::fs::metadata(path).map_or(0, |m| m.len()),
        messages: Messages::with_columns(options.keep_text, options.columns),
        rejects: RejectHandler::new(path, &options.on_error)?,
        told: 0,
        consumed: 0,
    };
    let columns = options.columns;
    // One worker thread asked for (`--threads 1`, RAYON_NUM_THREADS=1, or one core available,
    // which is rayon's default then): cutting and interning take turns on this thread.
    let one_thread = rayon::current_num_threads() == 1;
    if one_thread {
        let mut failed = None;
        batches::produce(records, columns, |batch| {
            load.take(batch).map_err(|e| failed = Some(e)).ok()
        });
        failed.map_or(Ok(()), Err)?;
    } else {
        std::thread::scope(|scope| {
            // One batch waiting at most: more would only have left the cache by their turn.
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            let (spent_tx, spent_rx) = std::sync::mpsc::channel();
            scope.spawn(move || {
                batches::produce(records, columns, |batch| {
                    tx.send(batch).ok()?;
                    Some(spent_rx.try_recv().unwrap_or_default())
                })
            });
            // Returning early drops `rx`, which tells the producer to stop.
            for batch in rx {
                let _ = spent_tx.send(load.take(batch)?);
            }
            Ok::<(), ReadError>(())
        })?;
    }
    if let Some(progress) = options.progress {
        progress(load.consumed);
    }
    Ok(LoadedMessages {
        messages: load.messages,
        report: load.rejects.finish()?,
    })
}

/// The second stage's state: the table being filled, the books, and the progress told.
struct Load<'a> {
    path: &'a Path,
    options: &'a ReadOptions<'a>,
    size: u64,
    messages: Messages,
    rejects: RejectHandler,
    told: u64,
    consumed: u64,
}

impl Load<'_> {
    /// Adds a batch's rows to the table (and its rejects to the books); gives the batch back
    /// to be filled again.
    fn take(&mut self, batch: std::io::Result<Batch>) -> Result<Batch, ReadError> {
        let batch = batch.map_err(|e| io(self.path, e))?;
        if self.consumed == 0 {
            reserve(&mut self.messages, &batch, self.size, self.options);
        }
        take_batch(self.path, &batch, &mut self.messages, &mut self.rejects)?;
        self.consumed = batch.consumed;
        if let Some(progress) = self.options.progress {
            if self.consumed - self.told >= PROGRESS_STEP {
                self.told = self.consumed;
                progress(self.told);
            }
        }
        Ok(batch)
    }
}

/// Bytes read from the file at a time; the bulk fast path takes whole lines from one read.
const READ_BUFFER: usize = 1 << 20;

/// Sizes the table for the whole file from its first batch, so that columns and the id table
/// grow once rather than doubling (and rehashing) some twenty times.
fn reserve(messages: &mut Messages, first: &Batch, file_size: u64, options: &ReadOptions) {
    let rows = first.entries.len().max(1) as u64;
    let per_row = (first.consumed / rows).max(1);
    let expected = (file_size / per_row) as usize;
    // Texts are most of a row: about half the file for original posts, three quarters for all.
    // Pages reserved and never touched cost no memory, so the estimate errs on the large side.
    let text_bytes = if options.keep_text {
        file_size / 5 * 4
    } else if options.columns.texts {
        file_size / 5 * 3
    } else {
        0
    };
    messages.reserve(expected + expected / 8, text_bytes as usize);
}

/// Rows ahead of the one being added whose table slots are fetched into cache meanwhile: the id
/// tables are far larger than the cache, and fetching several rows' slots at once overlaps
/// their waits for memory, which were most of the reader's time.
const PREFETCH_AHEAD: usize = 16;
/// Rows ahead whose slots, arrived by then, are read to fetch the entries they point at.
const ENTRIES_AHEAD: usize = 8;

/// Row `row` of `batch` as a message, with its URLs; the name and text only when the table
/// keeps them (`wanted`), as each field looked at is a few more loads a row.
fn post_of<'a>(batch: &'a Batch, row: &Row, (names, texts): (bool, bool)) -> (Post<'a>, Urls<'a>) {
    let field = |i| batch.field(row, i);
    let optional = |i| Some(field(i)).filter(|v: &&str| !v.is_empty());
    let post = Post {
        message_id: field(0),
        user_id: field(1),
        username: if names { field(2) } else { "" },
        repost_id: optional(3),
        reply_id: optional(4),
        message: if texts { field(5) } else { "" },
        timestamp: row.timestamp,
        urls: Vec::new(),
    };
    (post, Urls::Cut(&batch.text, batch.urls(row)))
}

fn take_batch(
    path: &Path,
    batch: &Batch,
    messages: &mut Messages,
    rejects: &mut RejectHandler,
) -> Result<(), ReadError> {
    // Each row's slots are fetched `PREFETCH_AHEAD` rows before it is added, from the hashes
    // of its ids (computed with the row) and its URLs.
    let prefetch = |messages: &Messages, i: usize| {
        if let Some(Entry::Row(row)) = batch.entries.get(i) {
            let urls = Urls::Cut(&batch.text, batch.urls(row));
            messages.prefetch(&row.hashes, urls);
        }
    };
    let prefetch_entries = |messages: &Messages, i: usize| {
        if let Some(Entry::Row(row)) = batch.entries.get(i) {
            messages.prefetch_entries(&row.hashes, batch.urls(row));
        }
    };
    let wanted = (messages.keeps_usernames(), messages.keeps_texts());
    (0..PREFETCH_AHEAD).for_each(|i| prefetch(messages, i));
    (0..ENTRIES_AHEAD).for_each(|i| prefetch_entries(messages, i));
    for (i, entry) in batch.entries.iter().enumerate() {
        prefetch(messages, i + PREFETCH_AHEAD);
        prefetch_entries(messages, i + ENTRIES_AHEAD);
        match entry {
            Entry::Row(row) => {
                let (post, urls) = post_of(batch, row, wanted);
                let at = (path, row.line, batch.raw(row));
                let row_post = (&post, urls, &row.hashes);
                add_row(messages, row_post, column(MESSAGE_ID), at, rejects)?;
            }
            Entry::Bad { line, raw, bad } => {
                rejects.reject(bad.clone().at(path, *line), batch.rejected_raw(raw))?;
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

pub(super) fn column(i: usize) -> Column {
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
