//! Cuts a file into blocks of whole lines, reading a bounded buffer at a time.
//!
//! Memory stays flat whatever the file size: a block is 1 MiB and the reader holds two or three
//! (one being read, one parsed, one interned). Blocks are handed out as owned buffers so that
//! the reader can work on consecutive blocks at once. A line
//! longer than a whole block is not kept: its first bytes are returned for the rejects file and
//! the rest is skipped, so a corrupt file with no line breaks cannot exhaust memory.

use std::io::Read;

/// Bytes read per block, and the longest line kept whole.
pub const BLOCK_BYTES: usize = 1 << 20;

/// Bytes of an over-long line kept for the rejects file.
pub const OVERLONG_KEEP: usize = 4096;

/// What the next read produced.
pub enum Chunk {
    /// Whole lines; the last one lacks its line break only at the end of the file.
    Lines {
        /// The bytes, line breaks included.
        bytes: Vec<u8>,
        /// Whether the final line ended with a line break.
        last_complete: bool,
    },
    /// One line longer than [`BLOCK_BYTES`], skipped.
    Overlong {
        /// Its first [`OVERLONG_KEEP`] bytes.
        prefix: Vec<u8>,
        /// Its full length in bytes, line break excluded.
        len: u64,
    },
}

/// A reader that hands out whole lines a block at a time.
pub struct LineBlocks<R> {
    source: R,
    buf: Vec<u8>,
    /// Bytes at the front of `buf` already handed out.
    handed_out: usize,
    eof: bool,
    /// Bytes handed out and already dropped from the buffer.
    dropped: u64,
}

impl<R: Read> LineBlocks<R> {
    /// Wraps a byte source.
    pub fn new(source: R) -> Self {
        LineBlocks {
            source,
            buf: Vec::new(),
            handed_out: 0,
            eof: false,
            dropped: 0,
        }
    }

    /// Reads more bytes until `buf` holds `want` bytes or the source ends.
    fn fill(&mut self, want: usize) -> std::io::Result<()> {
        if self.eof || self.buf.len() >= want {
            return Ok(());
        }
        // `read_to_end` reads into the vector's spare capacity; for a `File` it does so without
        // zeroing it first, which a `resize` before `read` would do for every block.
        let missing = (want - self.buf.len()) as u64;
        self.buf.reserve(missing as usize);
        let got = (&mut self.source)
            .take(missing)
            .read_to_end(&mut self.buf)?;
        if (got as u64) < missing {
            self.eof = true;
        }
        Ok(())
    }

    fn drop_handed_out(&mut self) {
        self.dropped += self.handed_out as u64;
        self.buf.drain(..self.handed_out);
        self.handed_out = 0;
    }

    /// Bytes handed out so far (header included), for progress.
    pub fn consumed(&self) -> u64 {
        self.dropped + self.handed_out as u64
    }

    /// The first line (without its line break), or `None` for an empty source.
    pub fn first_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        self.fill(64 * 1024)?;
        if self.buf.is_empty() {
            return Ok(None);
        }
        let end = memchr::memchr(b'\n', &self.buf).unwrap_or(self.buf.len());
        let line = self.buf[..end.min(OVERLONG_KEEP)].to_vec();
        self.handed_out = (end + 1).min(self.buf.len());
        self.drop_handed_out();
        Ok(Some(line))
    }

    /// The next block of whole lines, or `None` at the end.
    pub fn next_chunk(&mut self) -> std::io::Result<Option<Chunk>> {
        self.drop_handed_out();
        self.fill(BLOCK_BYTES)?;
        if self.buf.is_empty() {
            return Ok(None);
        }
        let end = if self.eof {
            self.buf.len()
        } else {
            match memchr::memrchr(b'\n', &self.buf) {
                Some(i) => i + 1,
                None => return self.skip_overlong().map(Some),
            }
        };
        let last_complete = self.buf[..end].ends_with(b"\n");
        // The block keeps the buffer's allocation; only the partial line after it is copied.
        let rest = self.buf[end..].to_vec();
        let bytes = std::mem::replace(&mut self.buf, rest);
        let mut bytes = bytes;
        bytes.truncate(end);
        self.dropped += end as u64;
        Ok(Some(Chunk::Lines {
            bytes,
            last_complete,
        }))
    }

    /// Skips a line that fills a whole block, keeping its start.
    fn skip_overlong(&mut self) -> std::io::Result<Chunk> {
        let prefix = self.buf[..OVERLONG_KEEP].to_vec();
        let mut len = 0u64;
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.buf) {
                len += i as u64;
                self.handed_out = i + 1;
                return Ok(Chunk::Overlong { prefix, len });
            }
            len += self.buf.len() as u64;
            self.handed_out = self.buf.len();
            self.drop_handed_out();
            if self.eof {
                return Ok(Chunk::Overlong { prefix, len });
            }
            self.fill(BLOCK_BYTES)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header, the line blocks (with their `last_complete`) and the over-long line lengths.
    type Collected = (Option<Vec<u8>>, Vec<(Vec<u8>, bool)>, Vec<u64>);

    fn collect(input: &[u8]) -> Collected {
        let mut blocks = LineBlocks::new(input);
        let header = blocks.first_line().unwrap();
        let (mut lines, mut overlong) = (Vec::new(), Vec::new());
        while let Some(chunk) = blocks.next_chunk().unwrap() {
            match chunk {
                Chunk::Lines {
                    bytes,
                    last_complete,
                } => lines.push((bytes.to_vec(), last_complete)),
                Chunk::Overlong { len, prefix } => {
                    assert_eq!(prefix.len(), OVERLONG_KEEP);
                    overlong.push(len)
                }
            }
        }
        (header, lines, overlong)
    }

    #[test]
    fn header_then_lines() {
        let (h, lines, _) = collect(b"h1,h2\na,b\nc,d");
        assert_eq!(h.unwrap(), b"h1,h2");
        assert_eq!(lines, [(b"a,b\nc,d".to_vec(), false)]);
        let (h, lines, _) = collect(b"");
        assert!(h.is_none() && lines.is_empty());
        let (h, lines, _) = collect(b"only header");
        assert_eq!(h.unwrap(), b"only header");
        assert!(lines.is_empty());
    }

    #[test]
    fn big_inputs_split_at_line_breaks_only() {
        let mut input = b"h\n".to_vec();
        let line = b"2022/09/01 00:20,010,8000EBD30\n";
        while input.len() < 3 * BLOCK_BYTES {
            input.extend_from_slice(line);
        }
        let (_, blocks, _) = collect(&input);
        assert!(blocks.len() >= 3);
        let joined: Vec<u8> = blocks.iter().flat_map(|(b, _)| b.clone()).collect();
        assert_eq!(joined, input[2..]);
        assert!(blocks
            .iter()
            .all(|(b, complete)| *complete && b.ends_with(b"\n")));
    }

    #[test]
    fn overlong_lines_are_skipped_not_kept() {
        let mut input = b"h\nshort\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', BLOCK_BYTES * 2 + 5));
        input.extend_from_slice(b"\nafter\n");
        let (_, lines, overlong) = collect(&input);
        assert_eq!(overlong, [(BLOCK_BYTES * 2 + 5) as u64]);
        let joined: Vec<u8> = lines.iter().flat_map(|(b, _)| b.clone()).collect();
        assert_eq!(joined, b"short\nafter\n");
    }
}
