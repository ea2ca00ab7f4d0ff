//! Lines as bytes, with a cap on what is kept: a line longer than the cap is measured and skipped,
//! never held whole, so one runaway line cannot take the memory of the machine.

use std::io::{self, BufRead};

/// Splits a byte stream at `\n`, counting the bytes consumed (for progress reports).
pub(super) struct Lines<R> {
    input: R,
    consumed: u64,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R) -> Self {
        Lines { input, consumed: 0 }
    }

    /// Bytes consumed so far, line breaks included.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Reads the next line into `buf` without its `\n` (nor a `\r` before it), keeping at most
    /// `limit` bytes. Returns the line's full length, or `None` at the end of the input.
    pub fn next_into(&mut self, buf: &mut Vec<u8>, limit: usize) -> io::Result<Option<u64>> {
        buf.clear();
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
            let end = chunk.iter().position(|&b| b == b'\n');
            let part = &chunk[..end.unwrap_or(chunk.len())];
            let room = limit.saturating_sub(buf.len()).min(part.len());
            buf.extend_from_slice(&part[..room]);
            len += part.len() as u64;
            let used = end.map_or(chunk.len(), |i| i + 1);
            self.input.consume(used);
            self.consumed += used as u64;
            if end.is_some() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], limit: usize, capacity: usize) -> Vec<(Vec<u8>, u64)> {
        let mut lines = Lines::new(io::BufReader::with_capacity(capacity, input));
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(len) = lines.next_into(&mut buf, limit).unwrap() {
            out.push((buf.clone(), len));
        }
        assert_eq!(lines.consumed(), input.len() as u64);
        out
    }

    #[test]
    fn splits_on_newlines_and_drops_carriage_returns() {
        let got = all(b"ab\r\n\ncd", 100, 2);
        let want: Vec<(Vec<u8>, u64)> = vec![(b"ab".to_vec(), 2), (vec![], 0), (b"cd".to_vec(), 2)];
        assert_eq!(got, want);
        assert!(all(b"", 100, 2).is_empty());
        assert_eq!(all(b"\n", 100, 2), vec![(vec![], 0)]);
    }

    #[test]
    fn long_lines_are_measured_not_kept() {
        let got = all(b"0123456789\nok\n", 4, 3);
        let want: Vec<(Vec<u8>, u64)> = vec![(b"0123".to_vec(), 10), (b"ok".to_vec(), 2)];
        assert_eq!(got, want);
    }
}
