//! Checking cut records into rows: UTF-8 once for a whole batch (a record of valid UTF-8 split
//! at ASCII commas and quotes gives valid fields), then per record its length, quoting, field
//! count, required fields and timestamp. The first fault found, in that order, is the reason a
//! record is rejected.

use std::ops::Range;

use super::batches::{keep_rejected, Batch, Cut, Entry, Row, Span};
use super::csv::{column, COLUMNS};
use super::error::RejectKind;
use super::fields::{parse_timestamp, Bad};
use super::records::MAX_RECORD_BYTES;
use crate::intern::hash;
use crate::messages::{Columns, KeyHashes, UrlPiece};

const MESSAGE_ID: usize = 0;
const USER_ID: usize = 1;
const REPOST_ID: usize = 3;
const REPLY_ID: usize = 4;
const TIMESTAMP: usize = 6;
const URLS: usize = 7;

/// How a record ended, as the splitter saw it.
#[derive(Clone, Copy)]
pub(super) struct Shape {
    /// The record's length, when over [`MAX_RECORD_BYTES`] (its bytes were not kept).
    pub too_long: Option<u64>,
    /// The input ended inside a quoted field.
    pub unclosed_quote: bool,
    /// A line break ended it.
    pub terminated: bool,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            too_long: None,
            unclosed_quote: false,
            terminated: true,
        }
    }
}

/// Turns the records of `cut` into `batch`'s entries, moving the bytes over (the batch's old
/// buffer becomes the cut's next one), hashing the URLs and targets the table keeps (`columns`).
pub(super) fn check(cut: &mut Cut, batch: &mut Batch, columns: Columns) {
    batch.entries.clear();
    batch.rejected.clear();
    batch.urls.clear();
    let mut spare = std::mem::take(&mut batch.text).into_bytes();
    spare.clear();
    let bytes = std::mem::replace(&mut cut.bytes, spare);
    std::mem::swap(&mut cut.bounds, &mut batch.bounds);
    cut.bounds.clear();
    let mut not_utf8: Vec<(usize, Bad, Range<u32>)> = Vec::new();
    batch.text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => blank_invalid(e.into_bytes(), cut, batch, &mut not_utf8),
    };
    let mut not_utf8 = not_utf8.into_iter().peekable();
    for (i, span) in cut.spans.iter().enumerate() {
        let line = span.line;
        let entry = if let Some((_, bad, raw)) = not_utf8.next_if(|(at, ..)| *at == i) {
            Entry::Bad { line, raw, bad }
        } else {
            match check_span(span, &batch.bounds, &batch.text, columns.targets) {
                Ok(mut row) => {
                    if columns.urls {
                        let first = batch.urls.len() as u32;
                        let field = batch.bounds[row.fields as usize + URLS];
                        cut_urls(&batch.text, field, &mut batch.urls);
                        row.urls = first..batch.urls.len() as u32;
                    }
                    Entry::Row(row)
                }
                Err(bad) => {
                    let raw =
                        keep_rejected(&mut batch.rejected, span_bytes(batch.text.as_bytes(), span));
                    Entry::Bad { line, raw, bad }
                }
            }
        };
        batch.entries.push(entry);
    }
}

/// Splits the `urls` field at `(start, end)` of `text` as [`super::fields::split_urls`] does, keeping each
/// URL's place and hash.
fn cut_urls(text: &str, (start, end): (u32, u32), urls: &mut Vec<UrlPiece>) {
    let field = text.get(start as usize..end as usize).unwrap_or("");
    let mut at = start;
    for piece in field.split(' ') {
        let piece_end = at + piece.len() as u32;
        if !piece.is_empty() {
            urls.push(UrlPiece {
                hash: hash(piece),
                start: at,
                end: piece_end,
            });
        }
        at = piece_end + 1;
    }
}

fn span_bytes<'a>(bytes: &'a [u8], span: &Span) -> &'a [u8] {
    &bytes[span.raw.start as usize..span.raw.end as usize]
}

/// The rare batch that is not all UTF-8: each record holding a field that is not gets its
/// reject (unless an earlier check rejects it anyway) and its raw bytes kept aside, then its
/// bytes are blanked, so that what is left is UTF-8.
fn blank_invalid(
    mut bytes: Vec<u8>,
    cut: &Cut,
    batch: &mut Batch,
    not_utf8: &mut Vec<(usize, Bad, Range<u32>)>,
) -> String {
    for (i, span) in cut.spans.iter().enumerate() {
        let fields = field_ranges(span, &batch.bounds);
        let bad = fields.clone().enumerate().find_map(|(col, (a, b))| {
            let e = std::str::from_utf8(&bytes[a as usize..b as usize]).err()?;
            let detail = format!("byte {} of the field is not UTF-8", e.valid_up_to() + 1);
            Some(Bad::new(column_of(col), RejectKind::InvalidUtf8, detail))
        });
        let Some(bad) = bad else { continue };
        let bad = shape_fault(span, fields.len()).unwrap_or(bad);
        let raw = keep_rejected(&mut batch.rejected, span_bytes(&bytes, span));
        not_utf8.push((i, bad, raw));
        for (a, b) in fields.chain([(span.raw.start, span.raw.end)]) {
            bytes[a as usize..b as usize].fill(b' ');
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| {
        // Every byte is in some record's fields or raw bytes, or is a line break: unreachable,
        // but should it happen, the lossy text keeps the load going with wrong fields rather
        // than losing rows.
        String::from_utf8_lossy(e.as_bytes()).into_owned()
    })
}

fn column_of(i: usize) -> Option<super::error::Column> {
    (i < COLUMNS.len()).then(|| column(i))
}

fn field_ranges<'a>(
    span: &Span,
    bounds: &'a [(u32, u32)],
) -> impl ExactSizeIterator<Item = (u32, u32)> + Clone + 'a {
    bounds[span.fields.start as usize..span.fields.end as usize]
        .iter()
        .copied()
}

/// A fault in the record's length, quoting or field count.
fn shape_fault(span: &Span, field_count: usize) -> Option<Bad> {
    if let Some(len) = span.shape.too_long {
        let detail = format!("row of {len} bytes, the limit is {MAX_RECORD_BYTES}");
        return Some(Bad::new(None, RejectKind::FieldTooLong, detail));
    }
    if span.shape.unclosed_quote {
        let detail = "a quoted field is never closed (the file ends inside it)";
        return Some(Bad::new(None, RejectKind::BadQuoting, detail));
    }
    if field_count != COLUMNS.len() {
        let kind = if !span.shape.terminated && field_count < COLUMNS.len() {
            RejectKind::TruncatedLine
        } else {
            RejectKind::WrongColumnCount
        };
        let detail = format!("{field_count} fields, expected {}", COLUMNS.len());
        return Some(Bad::new(None, kind, detail));
    }
    None
}

/// Checks one record whose bytes are UTF-8 (hashing its targets when `targets`).
fn check_span(span: &Span, bounds: &[(u32, u32)], text: &str, targets: bool) -> Result<Row, Bad> {
    let fields = &bounds[span.fields.start as usize..span.fields.end as usize];
    if let Some(bad) = shape_fault(span, fields.len()) {
        return Err(bad);
    }
    for i in [MESSAGE_ID, USER_ID, TIMESTAMP] {
        if fields[i].0 == fields[i].1 {
            let detail = format!("{} is required", COLUMNS[i]);
            return Err(Bad::new(Some(column(i)), RejectKind::EmptyField, detail));
        }
    }
    let (a, b) = fields[TIMESTAMP];
    let timestamp = parse_timestamp(text.get(a as usize..b as usize).unwrap_or(""))
        .map_err(|d| Bad::new(Some(column(TIMESTAMP)), RejectKind::BadTimestamp, d))?;
    let field = |i: usize| {
        text.get(fields[i].0 as usize..fields[i].1 as usize)
            .unwrap_or("")
    };
    let optional = |i: usize| (targets && fields[i].0 != fields[i].1).then(|| hash(field(i)));
    let hashes = KeyHashes {
        message_id: hash(field(MESSAGE_ID)),
        user_id: hash(field(USER_ID)),
        repost_id: optional(REPOST_ID),
        reply_id: optional(REPLY_ID),
    };
    Ok(Row {
        line: span.line,
        raw: span.raw.clone(),
        fields: span.fields.start,
        timestamp,
        hashes,
        urls: 0..0,
    })
}
