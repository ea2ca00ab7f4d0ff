//! The AMLworld CSV reader: blocks of whole lines are parsed in parallel, then interned in order.
//!
//! Parsing (splitting, number and date parsing, key hashing) is most of the work and needs no
//! shared state, so each block is cut into pieces that rayon parses at once. Interning account
//! keys and appending to the columns must happen in file order to keep ids deterministic; with
//! hashes computed in the parallel step that sequential part is a table probe and a few pushes.

use std::fs::File;
use std::path::Path;

use flowtrace_graph::{Accounts, KeyHasher, Transfer, TransferBuilder};
use rayon::prelude::*;

use super::blocks::{Chunk, LineBlocks, BLOCK_BYTES};
use super::row::{parse_line, ParsedRow, RowFault, COLUMNS};
use super::HEADER;
use crate::error::{Column, Location, ReadError, RejectKind, RowError};
use crate::rejects::RejectHandler;
use crate::{Loaded, ReadOptions};

/// The parsed rows and faults of one piece of a block, lines counted from the piece's start.
struct Piece<'a> {
    rows: Vec<ParsedRow<'a>>,
    faults: Vec<(u64, RowFault, &'a [u8])>,
    lines: u64,
}

/// Reads an AMLworld transactions CSV.
pub fn read(path: &Path, options: &ReadOptions) -> Result<Loaded, ReadError> {
    let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut blocks = LineBlocks::new(file);
    let header = blocks.first_line().map_err(|e| ReadError::io(path, e))?;
    check_header(path, header)?;

    let mut handler = RejectHandler::new(path, &options.on_error)?;
    let mut accounts = Accounts::new();
    let hasher = accounts.key_hasher();
    // About 90 bytes a row in real files; reserving is cheap as untouched pages cost nothing.
    let mut builder = TransferBuilder::with_capacity((size / 60) as usize);
    let mut next_line = 2u64;
    while let Some(chunk) = blocks.next_chunk().map_err(|e| ReadError::io(path, e))? {
        match chunk {
            Chunk::Lines {
                bytes,
                last_complete,
            } => {
                let pieces = parse_block(bytes, last_complete, &hasher);
                for piece in pieces {
                    for (line, fault, raw) in piece.faults {
                        handler.reject(row_error(path, next_line + line, fault), raw)?;
                    }
                    handler.accept_many(piece.rows.len() as u64);
                    for row in &piece.rows {
                        push_row(row, &mut accounts, &mut builder)
                            .map_err(|e| ReadError::model(path, e))?;
                    }
                    next_line += piece.lines;
                }
            }
            Chunk::Overlong { prefix, len } => {
                let detail = format!("line of {len} bytes is longer than {BLOCK_BYTES} bytes");
                let fault = RowFault {
                    column: None,
                    kind: RejectKind::FieldTooLong,
                    detail,
                };
                handler.reject(row_error(path, next_line, fault), &prefix)?;
                next_line += 1;
            }
        }
        if let Some(progress) = options.progress {
            progress(blocks.consumed);
        }
    }
    accounts.shrink_to_fit();
    let transfers = builder.finish();
    Ok(Loaded {
        accounts,
        transfers,
        report: handler.finish()?,
    })
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
    let target = bytes.len() / (rayon::current_num_threads() * 4) + 1;
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
    };
    let mut start = 0;
    while start < piece.len() {
        let (end, next, complete) = match memchr::memchr(b'\n', &piece[start..]) {
            Some(i) => (start + i, start + i + 1, true),
            None => (piece.len(), piece.len(), last_complete),
        };
        let line = &piece[start..end];
        if !(line.is_empty() || line == b"\r") {
            match parse_line(line, complete, hasher) {
                Ok(row) => out.rows.push(row),
                Err(fault) => out.faults.push((out.lines, fault, line)),
            }
        }
        out.lines += 1;
        start = next;
    }
    out
}

fn push_row(
    row: &ParsedRow,
    accounts: &mut Accounts,
    builder: &mut TransferBuilder,
) -> Result<(), flowtrace_graph::ModelError> {
    let src = accounts.intern_hashed(row.from_hash, &row.from_bank, &row.from_account)?;
    let dst = accounts.intern_hashed(row.to_hash, &row.to_bank, &row.to_account)?;
    builder.push(&Transfer {
        src,
        dst,
        ts: row.ts,
        amount_paid: row.amount_paid,
        currency_paid: row.payment_currency,
        amount_received: row.amount_received,
        currency_received: row.receiving_currency,
        format: row.format,
        label: row.label,
    })
}

fn row_error(path: &Path, line: u64, fault: RowFault) -> RowError {
    RowError {
        file: path.to_path_buf(),
        location: Location::Line(line),
        column: fault.column.map(|i| Column {
            number: i + 1,
            name: COLUMNS[i].to_string(),
        }),
        kind: fault.kind,
        detail: fault.detail,
    }
}
