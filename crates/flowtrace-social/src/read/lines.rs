//! Lines of a JSON-lines file, with a cap on what is held: a runaway line is measured and
//! skipped, never kept whole.

use std::io::{self, BufRead};

/// Splits a byte stream at `\n`, counting the bytes consumed.
pub(super) struct Lines<R> {
    input: R,
    consumed: u64,
    had_break: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R) -> Self {
        Lines {
            input,
            consumed: 0,
            had_break: false,
        }
    }

    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Whether the line last read ended with a `\n` (the last line of a file may not).
    pub fn had_break(&self) -> bool {
        self.had_break
    }

    /// Reads the next line into `buf` without its `\n` (nor a `\r` before it), keeping at most
    /// `limit` bytes. Returns the line's full length, or `None` at the end of the input.
    pub fn next_into(&mut self, buf: &mut Vec<u8>, limit: usize) -> io::Result<Option<u64>> {
        buf.clear();
        self.had_break = false;
        let mut len = 0u64;
        let mut any = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            any = true;
            let end = memchr::memchr(b'\n', chunk);
            let part = &chunk[..end.unwrap_or(chunk.len())];
            let room = limit.saturating_sub(buf.len()).min(part.len());
            buf.extend_from_slice(&part[..room]);
            len += part.len() as u64;
            let used = end.map_or(chunk.len(), |i| i + 1);
            self.input.consume(used);
            self.consumed += used as u64;
            if end.is_some() {
                self.had_break = true;
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if len <= limit as u64 && buf.last() == Some(&b'\r') {
            buf.pop();
            len -= 1;
        }
        Ok(Some(len))
    }
}
