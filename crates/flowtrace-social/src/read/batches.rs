//! The CSV reader's first stage, on its own thread: records are cut from the file into batches
//! of a few thousand, each batch's bytes copied once and checked as UTF-8 at once, and every
//! record checked into a row ([`super::rows`]) or a reject. The second stage (interning, which
//! must be sequential for ids to follow the file) takes the batches in file order.

use std::io::BufRead;
use std::ops::Range;

use super::fields::Bad;
use super::records::{Record, Records};
use super::rows::{check, Shape};
use crate::messages::{Columns, KeyHashes, UrlPiece};

/// Rows per batch: big enough to make the hand-over cheap, small enough that a batch (about
/// 100 KiB) is still in cache when the interning thread takes it, also when the two threads
/// take turns on one core.
const BATCH_ROWS: usize = 1024;
/// Bytes after which a batch is cut whatever its rows (offsets in a batch are `u32`s; a record
/// holds at most 2 MiB: its raw bytes and its unquoted fields).
const BATCH_BYTES: usize = 16 << 20;

/// A checked row: its bytes as a range of [`Batch::text`], its fields as the (start, end) in
/// it at `fields..fields + 8` of [`Batch::bounds`].
pub(super) struct Row {
    pub line: u64,
    pub raw: Range<u32>,
    pub fields: u32,
    pub timestamp: f64,
    /// Its ids' hashes, computed here, with the row's bytes at hand (and, with two threads,
    /// on the one that has time to spare).
    pub hashes: KeyHashes,
    /// Its URLs (when the table keeps them): a range of [`Batch::urls`].
    pub urls: Range<u32>,
}

/// What one record of the file turned out to be.
pub(super) enum Entry {
    Row(Row),
    /// A reject; `raw` is a range of [`Batch::rejected`].
    Bad {
        line: u64,
        raw: Range<u32>,
        bad: Bad,
    },
}

/// Checked records in file order, owning their bytes.
#[derive(Default)]
pub(super) struct Batch {
    /// The rows' bytes (raw lines, then the unquoted fields of quoted records).
    pub text: String,
    /// Where each field is in `text`.
    pub bounds: Vec<(u32, u32)>,
    /// The raw bytes of rejected records (not always UTF-8).
    pub rejected: Vec<u8>,
    /// The rows' URLs (places in `text`, and hashes), row after row.
    pub urls: Vec<UrlPiece>,
    pub entries: Vec<Entry>,
    /// Input bytes consumed once this batch was cut.
    pub consumed: u64,
}

impl Batch {
    pub fn field(&self, row: &Row, i: usize) -> &str {
        let (a, b) = self.bounds[row.fields as usize + i];
        self.text.get(a as usize..b as usize).unwrap_or("")
    }

    pub fn urls(&self, row: &Row) -> &[UrlPiece] {
        &self.urls[row.urls.start as usize..row.urls.end as usize]
    }

    pub fn raw(&self, row: &Row) -> &[u8] {
        &self.text.as_bytes()[row.raw.start as usize..row.raw.end as usize]
    }

    pub fn rejected_raw(&self, raw: &Range<u32>) -> &[u8] {
        &self.rejected[raw.start as usize..raw.end as usize]
    }
}

/// Copies a rejected record's raw bytes aside (to [`Batch::rejected`]); their range there.
pub(super) fn keep_rejected(rejected: &mut Vec<u8>, raw: &[u8]) -> Range<u32> {
    let start = rejected.len() as u32;
    rejected.extend_from_slice(raw);
    start..rejected.len() as u32
}

/// One record's place in [`Cut::bytes`], before checking.
pub(super) struct Span {
    pub line: u64,
    pub raw: Range<u32>,
    /// Its fields: a range of [`Cut::bounds`].
    pub fields: Range<u32>,
    pub shape: Shape,
}

/// Records as cut from the file: their bytes, and each field's (start, end) in them.
#[derive(Default)]
pub(super) struct Cut {
    pub bytes: Vec<u8>,
    pub spans: Vec<Span>,
    pub bounds: Vec<(u32, u32)>,
}

/// A record of the bulk fast path, to be copied to `start` of [`Cut::bytes`]: `len` bytes with
/// commas at `commas` (offsets in the record).
fn plain(
    spans: &mut Vec<Span>,
    bounds: &mut Vec<(u32, u32)>,
    (line, start, len): (u64, usize, usize),
    commas: &[usize],
) {
    let first = bounds.len() as u32;
    let mut from = start;
    for &comma in commas {
        bounds.push((from as u32, (start + comma) as u32));
        from = start + comma + 1;
    }
    bounds.push((from as u32, (start + len) as u32));
    spans.push(Span {
        line,
        raw: start as u32..(start + len) as u32,
        fields: first..bounds.len() as u32,
        shape: Shape::default(),
    });
}

impl Cut {
    /// A record split by the byte-by-byte path (quoted fields, or a line across two reads).
    fn record(&mut self, rec: &Record) {
        let raw = self.push(&rec.raw);
        let first = self.bounds.len() as u32;
        for i in 0..rec.field_count() {
            let field = self.push(rec.field(i));
            self.bounds.push((field.start, field.end));
        }
        let shape = Shape {
            too_long: rec.too_long().then_some(rec.len),
            unclosed_quote: rec.unclosed_quote,
            terminated: rec.terminated,
        };
        self.spans.push(Span {
            line: rec.line,
            raw,
            fields: first..self.bounds.len() as u32,
            shape,
        });
    }

    fn push(&mut self, bytes: &[u8]) -> Range<u32> {
        let start = self.bytes.len() as u32;
        self.bytes.extend_from_slice(bytes);
        start..self.bytes.len() as u32
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.spans.clear();
        self.bounds.clear();
    }
}

/// Reads every record after the header and hands over the batches in file order, and a read
/// error if one happens; `hand_over` gives back a batch to fill next (so that buffers are
/// allocated once), or `None` to stop (the load ended on a bad row). Each row's URLs and repost
/// and reply targets are hashed when the table keeps them (`columns`).
pub(super) fn produce<R: BufRead>(
    mut records: Records<R>,
    columns: Columns,
    mut hand_over: impl FnMut(std::io::Result<Batch>) -> Option<Batch>,
) {
    let mut cut = Cut::default();
    let mut rec = Record::default();
    let mut next = Batch::default();
    loop {
        let room = BATCH_ROWS - cut.spans.len();
        let Cut {
            bytes,
            spans,
            bounds,
        } = &mut cut;
        let took = records.take_plain_lines(bytes, room, |line, start, len, commas| {
            plain(spans, bounds, (line, start, len), commas)
        });
        let more = match took {
            Ok(0) => match records.next_into(&mut rec) {
                Ok(true) if rec.is_blank() => true,
                Ok(true) => {
                    cut.record(&rec);
                    true
                }
                Ok(false) => false,
                Err(e) => {
                    hand_over(Err(e));
                    return;
                }
            },
            Ok(_) => true,
            Err(e) => {
                hand_over(Err(e));
                return;
            }
        };
        if cut.spans.len() >= BATCH_ROWS || cut.bytes.len() >= BATCH_BYTES || !more {
            let mut batch = std::mem::take(&mut next);
            check(&mut cut, &mut batch, columns);
            batch.consumed = records.consumed();
            cut.clear();
            match hand_over(Ok(batch)) {
                Some(spent) if more => next = spent,
                _ => return,
            }
        }
    }
}
