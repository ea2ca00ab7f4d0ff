//! Reading Arrow IPC files (and streams), with a structural check of the file first.
//!
//! arrow-ipc trusts the offsets and lengths a file declares and panics when they point outside
//! the data (`Buffer::slice_with_length`, `to_usize().unwrap()` on block lengths). A corrupt or
//! hostile file is a user's mistake, not a bug, so before any decoding we walk the footer and
//! every message's metadata (a few hundred bytes each, not the bodies) and refuse a file whose
//! blocks or buffers do not fit. The decoder's own validation covers the data inside the buffers,
//! and [`guarded`](super::read::guarded) catches what slips through both.

use std::fmt;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use arrow_ipc::reader::{read_footer_length, FileReader, StreamReader};
use arrow_ipc::{Block, MessageHeader};
use arrow_schema::{ArrowError, Schema};

use super::load::Loader;
use super::read::{guarded, open, undecodable};
use crate::error::ReadError;
use crate::{Loaded, ReadOptions};

/// Bytes an IPC file starts and ends with.
const MAGIC: &[u8; 6] = b"ARROW1";

/// The four bytes before a message's metadata length in current IPC streams.
const CONTINUATION: [u8; 4] = [0xff; 4];

/// Reads transfers from an Arrow IPC file in the transfer schema. An Arrow IPC *stream* is read
/// too, since the two are easily confused (`.arrow` is used for both).
pub fn read_ipc(path: &Path, options: &ReadOptions) -> Result<Loaded, ReadError> {
    let (mut file, len) = open(path)?;
    let io = |e| ReadError::io(path, e);
    let mut head = [0u8; 6];
    let head_len = read_up_to(&mut file, &mut head).map_err(io)?;
    file.rewind().map_err(io)?;
    if head[..head_len] != MAGIC[..] {
        return read_stream(file, len, path, options);
    }
    let corrupt = |message: String| {
        ReadError::format(path, format!("not a readable Arrow IPC file: {message}"))
    };
    let schema = guarded(|| check_file(&mut file, len)).map_err(corrupt)?;
    file.rewind().map_err(io)?;
    let mut loader = Loader::new(path, options, 0)?;
    let projection = loader.set_schema(&schema)?.projection();
    let mut reader =
        guarded(|| FileReader::try_new_buffered(file, Some(projection))).map_err(corrupt)?;
    while let Some(batch) =
        guarded(|| reader.next().transpose()).map_err(|e| undecodable(path, &loader, e))?
    {
        loader.push(&batch)?;
        report_position(options, reader.get_mut());
    }
    loader.finish()
}

fn read_stream(
    mut file: File,
    len: u64,
    path: &Path,
    options: &ReadOptions,
) -> Result<Loaded, ReadError> {
    let not_ipc = |message: String| {
        ReadError::format(
            path,
            format!("not a readable Arrow IPC file or stream: {message}"),
        )
    };
    guarded(|| check_stream(&mut file, len)).map_err(not_ipc)?;
    file.rewind().map_err(|e| ReadError::io(path, e))?;
    let mut reader = guarded(|| StreamReader::try_new_buffered(file, None)).map_err(not_ipc)?;
    let mut loader = Loader::new(path, options, 0)?;
    loader.set_schema(&reader.schema())?;
    while let Some(batch) =
        guarded(|| reader.next().transpose()).map_err(|e| undecodable(path, &loader, e))?
    {
        loader.push(&batch)?;
        report_position(options, reader.get_mut());
    }
    loader.finish()
}

fn report_position<R: Read + Seek>(options: &ReadOptions, reader: &mut BufReader<R>) {
    if let Some(progress) = options.progress {
        if let Ok(position) = reader.stream_position() {
            progress(position);
        }
    }
}

/// Why a file failed the structural check.
enum Corrupt {
    Io(std::io::Error),
    Arrow(ArrowError),
    Layout(String),
}

impl fmt::Display for Corrupt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Corrupt::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                f.write_str("the file ends early (truncated?)")
            }
            Corrupt::Io(e) => e.fmt(f),
            Corrupt::Arrow(e) => e.fmt(f),
            Corrupt::Layout(m) => f.write_str(m),
        }
    }
}

impl From<std::io::Error> for Corrupt {
    fn from(e: std::io::Error) -> Corrupt {
        Corrupt::Io(e)
    }
}

fn layout(message: impl Into<String>) -> Corrupt {
    Corrupt::Layout(message.into())
}

/// Checks the footer and every block it lists; returns the file's schema.
fn check_file(file: &mut File, len: u64) -> Result<Schema, Corrupt> {
    let mut tail = [0u8; 10];
    if len < (MAGIC.len() + 2 + tail.len()) as u64 {
        return Err(layout("too short for an IPC file"));
    }
    file.seek(SeekFrom::End(-(tail.len() as i64)))?;
    file.read_exact(&mut tail)?;
    let footer_len = read_footer_length(tail).map_err(Corrupt::Arrow)?;
    let body_end = (len - tail.len() as u64)
        .checked_sub(footer_len as u64)
        .ok_or_else(|| layout("the footer is longer than the file (truncated?)"))?;
    let mut footer = vec![0u8; footer_len];
    file.seek(SeekFrom::Start(body_end))?;
    file.read_exact(&mut footer)?;
    let footer = arrow_ipc::root_as_footer(&footer)
        .map_err(|e| layout(format!("unreadable footer: {e}")))?;
    let schema = footer
        .schema()
        .ok_or_else(|| layout("the footer has no schema"))?;
    let schema = arrow_ipc::convert::try_fb_to_schema(schema).map_err(Corrupt::Arrow)?;
    let blocks = footer.dictionaries().into_iter().flatten();
    for block in blocks.chain(footer.recordBatches().into_iter().flatten()) {
        check_block(file, block, body_end)?;
    }
    Ok(schema)
}

/// Checks that a block lies inside the data part of the file and its message fits its body.
fn check_block(file: &mut File, block: &Block, body_end: u64) -> Result<(), Corrupt> {
    let (offset, meta, body) = (block.offset(), block.metaDataLength(), block.bodyLength());
    let fits = u64::try_from(offset).ok().and_then(|o| {
        let meta = u64::try_from(meta).ok().filter(|&m| m >= 8)?;
        let end = o
            .checked_add(meta)?
            .checked_add(u64::try_from(body).ok()?)?;
        (end <= body_end).then_some((o, meta as usize))
    });
    let (offset, meta) = fits.ok_or_else(|| {
        layout(format!(
            "a block ({offset}, {meta}, {body}) lies outside the data"
        ))
    })?;
    let mut metadata = vec![0u8; meta];
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(&mut metadata)?;
    // The metadata starts with its length, after a continuation marker in current files.
    let start = if metadata[..4] == CONTINUATION { 8 } else { 4 };
    check_message(&metadata[start..], u64::try_from(body).unwrap_or(0)).map(|_| ())
}

/// Walks a stream message by message, checking each against the bytes that follow it.
fn check_stream(file: &mut File, len: u64) -> Result<(), Corrupt> {
    let mut reader = BufReader::new(file);
    let mut at = 0u64;
    while at < len {
        let mut prefix = [0u8; 4];
        reader.read_exact(&mut prefix)?;
        at += 4;
        if prefix == CONTINUATION {
            reader.read_exact(&mut prefix)?;
            at += 4;
        }
        let size = i32::from_le_bytes(prefix);
        if size == 0 {
            break; // end-of-stream marker
        }
        let size = u64::try_from(size)
            .ok()
            .filter(|&s| s <= len - at)
            .ok_or_else(|| {
                layout(format!(
                    "a message before byte {at} claims {size} bytes of metadata"
                ))
            })?;
        let mut metadata = vec![0u8; size as usize];
        reader.read_exact(&mut metadata)?;
        at += size;
        let body = check_message(&metadata, len - at)?;
        reader.seek_relative(body as i64)?;
        at += body;
    }
    Ok(())
}

/// Checks one message's metadata against the `room` bytes its body may take; returns the body
/// length it declares.
fn check_message(metadata: &[u8], room: u64) -> Result<u64, Corrupt> {
    let message = arrow_ipc::root_as_message(metadata)
        .map_err(|e| layout(format!("unreadable message metadata: {e}")))?;
    let body = u64::try_from(message.bodyLength())
        .ok()
        .filter(|&b| b <= room)
        .ok_or_else(|| {
            layout(format!(
                "a message claims a body of {} bytes",
                message.bodyLength()
            ))
        })?;
    let batch = match message.header_type() {
        MessageHeader::RecordBatch => message.header_as_record_batch(),
        MessageHeader::DictionaryBatch => {
            message.header_as_dictionary_batch().and_then(|d| d.data())
        }
        _ => return Ok(body),
    };
    let batch = batch.ok_or_else(|| layout("a batch message without its batch"))?;
    check_batch(&batch, body as i64)?;
    Ok(body)
}

/// Checks that every buffer of a batch lies inside its body and no count is negative.
fn check_batch(batch: &arrow_ipc::RecordBatch<'_>, body: i64) -> Result<(), Corrupt> {
    let buffers_fit = batch.buffers().into_iter().flatten().all(|b| {
        b.offset() >= 0
            && b.offset() % 8 == 0
            && b.length() >= 0
            && b.offset()
                .checked_add(b.length())
                .is_some_and(|end| end <= body)
    });
    let nodes_fit = batch
        .nodes()
        .into_iter()
        .flatten()
        .all(|n| n.length() >= 0 && (0..=n.length()).contains(&n.null_count()));
    let counts_fit = batch
        .variadicBufferCounts()
        .into_iter()
        .flatten()
        .all(|c| c >= 0);
    if batch.length() >= 0 && buffers_fit && nodes_fit && counts_fit {
        Ok(())
    } else {
        Err(layout("a batch's buffers or counts do not fit its body"))
    }
}

/// Reads as many bytes as there are, up to `buf.len()`.
fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}
