//! The AMLworld CSV reader: blocks of whole lines are parsed in parallel, then interned in parallel.
//!
//! Parsing (splitting, number and date parsing, key hashing) needs no shared state, so each block
//! is cut into pieces that rayon parses at once. Interning account keys is bound by memory
//! latency; it runs on [`AccountShards`], one thread per shard, so it scales too while the ids
//! stay the same whatever the thread count. Only appending to the columns is sequential, and it
//! overlaps with parsing: block `k + 1` is parsed while block `k` is interned and appended.

use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use flowtrace_graph::{AccountShards, KeyHasher, ModelError, Transfer, TransferBuilder};
use rayon::prelude::*;

use super::blocks::{Chunk, LineBlocks, BLOCK_BYTES};
use super::row::{build_row, parse_line, ParsedRow, RowFault, COLUMNS};
use super::scan::for_each_separator;
use super::HEADER;
use crate::error::{Column, Location, ReadError, RejectKind, RowError};
use crate::rejects::RejectHandler;
use crate::{Loaded, ReadOptions};

/// The parsed rows and faults of one piece of a block, lines counted from the piece's start.
struct Piece<'a> {
    rows: Vec<ParsedRow<'a>>,
    faults: Vec<(u64, RowFault, &'a [u8])>,
    lines: u64,
    /// The last timestamp parsed in this piece (see [`build_row`]).
    last_time: Option<(&'a str, i64)>,
}

type Pieces<'a> = Vec<Piece<'a>>;

self_cell::self_cell!(
    /// A block of lines and its parsed pieces, which borrow from it: owning both lets one block
    /// be parsed while the one before it is interned.
    struct ParsedBlock {
        owner: Vec<u8>,
        #[covariant]
        dependent: Pieces,
    }
);

/// What the sequential half of loading accumulates, block after block.
struct Appender<'p> {
    path: &'p Path,
    handler: RejectHandler,
    shards: AccountShards,
    builder: TransferBuilder,
    ids: Vec<AtomicU32>,
    next_line: u64,
}

impl Appender<'_> {
    /// Books a parsed block's rejects and appends its rows, in file order.
    fn append(&mut self, block: &ParsedBlock) -> Result<(), ReadError> {
        let pieces = block.borrow_dependent();
        for piece in pieces {
            for (line, fault, raw) in &piece.faults {
                let error = row_error(self.path, self.next_line + line, fault);
                self.handler.reject(error, raw)?;
            }
            self.handler.accept_many(piece.rows.len() as u64);
            self.next_line += piece.lines;
        }
        append_block(pieces, &mut self.shards, &mut self.builder, &mut self.ids)
            .map_err(|e| ReadError::model(self.path, e))
    }

    fn reject_overlong(&mut self, prefix: &[u8], len: u64) -> Result<(), ReadError> {
        let detail = format!("line of {len} bytes is longer than {BLOCK_BYTES} bytes");
        let fault = RowFault {
            column: None,
            kind: RejectKind::FieldTooLong,
            detail,
        };
        self.handler
            .reject(row_error(self.path, self.next_line, &fault), prefix)?;
        self.next_line += 1;
        Ok(())
    }
}

/// Reads an AMLworld transactions CSV.
pub fn read(path: &Path, options: &ReadOptions) -> Result<Loaded, ReadError> {
    let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut blocks = LineBlocks::new(file);
    let header = blocks.first_line().map_err(|e| ReadError::io(path, e))?;
    check_header(path, header)?;

    // About 90 bytes a row in real files; reserving is cheap as untouched pages cost nothing.
    let mut builder = TransferBuilder::with_capacity((size / 60) as usize);
    builder.keep_input_rows(options.keep_input_order);
    let mut appender = Appender {
        path,
        handler: RejectHandler::new(path, &options.on_error)?,
        shards: AccountShards::new(),
        builder,
        ids: Vec::new(),
        next_line: 2,
    };
    let hasher = KeyHasher::default();
    let mut pending: Option<ParsedBlock> = None;
    while let Some(chunk) = blocks.next_chunk().map_err(|e| ReadError::io(path, e))? {
        match chunk {
            Chunk::Lines {
                bytes,
                last_complete,
            } => {
                // Parse this block while the previous one is interned and appended: the
                // appending is partly sequential, and this keeps the other core busy meanwhile.
                let previous = pending.take();
                let (parsed, appended) = rayon::join(
                    || ParsedBlock::new(bytes, |b| parse_block(b, last_complete, &hasher)),
                    || previous.map_or(Ok(()), |p| appender.append(&p)),
                );
                appended?;
                pending = Some(parsed);
            }
            Chunk::Overlong { prefix, len } => {
                if let Some(previous) = pending.take() {
                    appender.append(&previous)?;
                }
                appender.reject_overlong(&prefix, len)?;
            }
        }
        if let Some(progress) = options.progress {
            progress(blocks.consumed());
        }
    }
    if let Some(last) = pending.take() {
        appender.append(&last)?;
    }
    let Appender {
        handler,
        shards,
        mut builder,
        ..
    } = appender;
    let shard_ids = shards.ids().map_err(|e| ReadError::model(path, e))?;
    // The merge of the shards could run beside the sort by time, but their temporary copies
    // together raised peak memory to the edge of the 40-bytes-a-transfer budget (measured).
    let accounts = shards.finish().map_err(|e| ReadError::model(path, e))?;
    builder.map_accounts(|encoded| shard_ids.resolve(encoded));
    let transfers = builder.finish();
    Ok(Loaded {
        accounts,
        transfers,
        report: handler.finish()?,
    })
}

/// Interns the accounts of a block's rows and appends the rows as transfers, in file order.
fn append_block(
    pieces: &[Piece],
    shards: &mut AccountShards,
    builder: &mut TransferBuilder,
    ids: &mut Vec<AtomicU32>,
) -> Result<(), ModelError> {
    let batches: Vec<&[ParsedRow]> = pieces.iter().map(|p| p.rows.as_slice()).collect();
    ids.clear();
    ids.resize_with(
        2 * batches.iter().map(|b| b.len()).sum::<usize>(),
        AtomicU32::default,
    );
    shards.intern_all(&batches, ids)?;
    let rows = batches.iter().flat_map(|b| b.iter());
    for (row, pair) in rows.zip(ids.chunks_exact(2)) {
        builder.push(&Transfer {
            src: pair[0].load(Ordering::Relaxed),
            dst: pair[1].load(Ordering::Relaxed),
            ts: row.ts,
            amount_paid: row.amount_paid,
            currency_paid: row.payment_currency,
            amount_received: row.amount_received,
            currency_received: row.receiving_currency,
            format: row.format,
            label: row.label,
        })?;
    }
    Ok(())
}

fn check_header(path: &Path, header: Option<Vec<u8>>) -> Result<(), ReadError> {
    let header = header.ok_or_else(|| ReadError::Empty {
        path: path.to_path_buf(),
    })?;
    let header = header.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&header);
    let header = header.strip_suffix(b"\r").unwrap_or(header);
    if header == HEADER.as_bytes() {
        return Ok(());
    }
    let found = String::from_utf8_lossy(header);
    let found: String = found.chars().take(200).collect();
    Err(ReadError::Header {
        path: path.to_path_buf(),
        expected: HEADER.to_string(),
        found,
    })
}

/// Cuts a block into pieces at line breaks and parses them in parallel, keeping their order.
fn parse_block<'a>(bytes: &'a [u8], last_complete: bool, hasher: &KeyHasher) -> Vec<Piece<'a>> {
    // Small pieces keep each piece's row vector under the allocator's mmap threshold, so the
    // memory is reused block after block instead of being mapped and faulted in again.
    let target = (bytes.len() / rayon::current_num_threads()).clamp(1, 48 * 1024);
    let mut pieces = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let cut = match memchr::memchr(b'\n', &rest[target.min(rest.len() - 1)..]) {
            Some(i) => target.min(rest.len() - 1) + i + 1,
            None => rest.len(),
        };
        let (piece, after) = rest.split_at(cut);
        pieces.push(piece);
        rest = after;
    }
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_par_iter()
        .enumerate()
        .map(|(i, piece)| parse_piece(piece, i != last || last_complete, hasher))
        .collect()
}

fn parse_piece<'a>(piece: &'a [u8], last_complete: bool, hasher: &KeyHasher) -> Piece<'a> {
    let mut out = Piece {
        rows: Vec::with_capacity(piece.len() / 80),
        faults: Vec::new(),
        lines: 0,
        last_time: None,
    };
    match std::str::from_utf8(piece) {
        Ok(text) => split_valid_piece(text, last_complete, hasher, &mut out),
        Err(_) => {
            for (line, complete) in lines(piece, last_complete) {
                parse_one(line, complete, hasher, &mut out);
            }
        }
    }
    out
}

/// Lines of a piece (without their line breaks) and whether each had one.
fn lines(piece: &[u8], last_complete: bool) -> impl Iterator<Item = (&[u8], bool)> {
    let mut rest = piece;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, complete) = match memchr::memchr(b'\n', rest) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                (line, true)
            }
            None => (std::mem::take(&mut rest), last_complete),
        };
        Some((line, complete))
    })
}

/// Parses one line on the general path (quotes, bytes that are not UTF-8, odd shapes).
fn parse_one<'a>(line: &'a [u8], complete: bool, hasher: &KeyHasher, out: &mut Piece<'a>) {
    if !(line.is_empty() || line == b"\r") {
        match parse_line(line, complete, hasher) {
            Ok(row) => out.rows.push(row),
            Err(fault) => out.faults.push((out.lines, fault, line)),
        }
    }
    out.lines += 1;
}

/// Where the commas of the line being scanned are, and whether it holds a quote.
struct LineScan {
    start: usize,
    commas: [usize; COLUMNS.len() - 1],
    count: usize,
    quoted: bool,
}

/// The fast path for a piece that is valid UTF-8: one word-at-a-time scan finds every comma,
/// line break and quote; plain lines are then split by those positions without looking at bytes again.
fn split_valid_piece<'a>(
    text: &'a str,
    last_complete: bool,
    hasher: &KeyHasher,
    out: &mut Piece<'a>,
) {
    let bytes = text.as_bytes();
    let mut scan = LineScan {
        start: 0,
        commas: [0; COLUMNS.len() - 1],
        count: 0,
        quoted: false,
    };
    for_each_separator(bytes, |at, byte| match byte {
        b',' => {
            if let Some(slot) = scan.commas.get_mut(scan.count) {
                *slot = at;
            }
            scan.count += 1;
        }
        b'\n' => {
            finish_line(text, &scan, at, true, hasher, out);
            scan.start = at + 1;
            scan.count = 0;
            scan.quoted = false;
        }
        _ => scan.quoted = true,
    });
    if scan.start < bytes.len() {
        finish_line(text, &scan, bytes.len(), last_complete, hasher, out);
    }
}

fn finish_line<'a>(
    text: &'a str,
    scan: &LineScan,
    end: usize,
    complete: bool,
    hasher: &KeyHasher,
    out: &mut Piece<'a>,
) {
    let line = &text[scan.start..end];
    if scan.quoted || scan.count != COLUMNS.len() - 1 {
        return parse_one(line.as_bytes(), complete, hasher, out);
    }
    let mut fields = [""; COLUMNS.len()];
    let mut start = scan.start;
    for (field, &comma) in fields.iter_mut().zip(&scan.commas) {
        // SAFETY: `start..comma` lies inside `line`, which lies inside `text`, and both ends
        // sit at the start of the line or next to an ASCII comma, so they are char boundaries
        // of this valid UTF-8 text. Slicing with checks cost a sixth of the parse.
        *field = unsafe { text.get_unchecked(start..comma) };
        start = comma + 1;
    }
    let last = &text[start..end];
    fields[COLUMNS.len() - 1] = last.strip_suffix('\r').unwrap_or(last);
    match build_row(&fields, hasher, &mut out.last_time) {
        Ok(row) => out.rows.push(row),
        Err(fault) => out.faults.push((out.lines, fault, line.as_bytes())),
    }
    out.lines += 1;
}

fn row_error(path: &Path, line: u64, fault: &RowFault) -> RowError {
    RowError {
        file: path.to_path_buf(),
        location: Location::Line(line),
        column: fault.column.map(|i| Column {
            number: i + 1,
            name: COLUMNS[i].to_string(),
        }),
        kind: fault.kind,
        detail: fault.detail.clone(),
    }
}
