//! CSV records as Python's `csv.reader` splits them, which is how the toolkit reads its files.
//!
//! The toolkit opens its CSV in text mode and reads it with the default (`excel`) dialect,
//! not strict. So: fields are separated by `,`; a field that starts with `"` is quoted, may hold
//! commas and line breaks, and writes a `"` as `""`; a `"` anywhere else is an ordinary
//! character; after a closing quote, characters up to the next comma are kept as they are
//! (`"ab"c` is `abc`). `\r\n` is a line break (also inside quoted fields, where it is kept as
//! `\n`, as text mode does); a lone `\r` is an ordinary character here (text mode would make it
//! a line break). A record ends at the first line break outside quotes, so it may span lines.
//!
//! A record longer than [`MAX_RECORD_BYTES`] is scanned to its end but not held; a quoted field
//! still open at the end of the input is reported rather than silently closed.

use std::io::{self, BufRead};

use super::scan::{marks, BLOCK};

/// Longest record held, in bytes (1 MiB); longer ones are measured, flagged and skipped.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// One record: its raw bytes (up to the cap), its fields, and what went wrong at its edges.
#[derive(Default)]
pub struct Record {
    /// The record's bytes as in the file, line break excluded, at most [`MAX_RECORD_BYTES`].
    pub raw: Vec<u8>,
    /// The record's full length in bytes.
    pub len: u64,
    /// 1-based line the record starts on.
    pub line: u64,
    /// Whether a line break ended it (false for a last line without one).
    pub terminated: bool,
    /// Whether the input ended inside a quoted field.
    pub unclosed_quote: bool,
    fields: Vec<u8>,
    ends: Vec<usize>,
}

impl Record {
    /// Whether the record was longer than [`MAX_RECORD_BYTES`] (its fields are then not kept).
    pub fn too_long(&self) -> bool {
        self.len > MAX_RECORD_BYTES as u64
    }

    /// Whether this is a blank line (not a row).
    pub fn is_blank(&self) -> bool {
        !self.too_long() && self.raw.is_empty()
    }

    /// Number of fields.
    pub fn field_count(&self) -> usize {
        self.ends.len()
    }

    /// Field `i` (0-based), unquoted.
    pub fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.fields[start..self.ends[i]]
    }

    fn clear(&mut self, line: u64) {
        self.raw.clear();
        self.fields.clear();
        self.ends.clear();
        self.len = 0;
        self.line = line;
        self.terminated = false;
        self.unclosed_quote = false;
    }
}

/// Splits a byte stream into [`Record`]s.
pub struct Records<R> {
    input: R,
    /// Lines started so far (the next record starts on line `lines + 1`).
    lines: u64,
    consumed: u64,
}

impl<R: BufRead> Records<R> {
    /// Reads records from `input`.
    pub fn new(input: R) -> Self {
        Records {
            input,
            lines: 0,
            consumed: 0,
        }
    }

    /// Bytes consumed so far.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Reads the next record into `rec`; `false` at the end of the input.
    pub fn next_into(&mut self, rec: &mut Record) -> io::Result<bool> {
        rec.clear(self.lines + 1);
        if self.plain_line(rec)? {
            return Ok(true);
        }
        let mut state = State::StartField;
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
            let mut used = chunk.len();
            for (i, &b) in chunk.iter().enumerate() {
                if b == b'\n' {
                    self.lines += 1;
                    if state != State::InQuoted {
                        used = i + 1;
                        rec.terminated = true;
                        break;
                    }
                }
                state = step(rec, state, b);
            }
            self.input.consume(used);
            self.consumed += used as u64;
            if rec.terminated {
                break;
            }
        }
        if !any {
            return Ok(false);
        }
        if !rec.terminated && rec.len > 0 {
            // The last line has no line break, but it is a line.
            self.lines += 1;
        }
        rec.unclosed_quote = state == State::InQuoted;
        if !rec.unclosed_quote && rec.raw.last() == Some(&b'\r') && !rec.too_long() {
            // The `\r` of a `\r\n` line break; outside quotes it was kept as a field byte.
            rec.raw.pop();
            let field_start = rec.ends.last().copied().unwrap_or(0);
            if rec.fields.len() > field_start && rec.fields.last() == Some(&b'\r') {
                rec.fields.pop();
            }
        }
        finish_field(rec);
        Ok(true)
    }
}

impl<R: BufRead> Records<R> {
    /// The bulk fast path: takes the run of whole lines already buffered that hold no `"` (so
    /// each is one record, split at its commas), at most `max` records, and appends their bytes
    /// to `out` in one copy. `each` is told every record's line number, where its bytes start in
    /// `out`, its length (line break and a `\r` before it excluded) and where its commas are in
    /// it; blank lines are counted but not records. One scan finds line breaks, commas and
    /// quotes together. Stops, leaving the rest for [`Records::next_into`], at a line with a
    /// quote, a line over [`MAX_RECORD_BYTES`] or one not wholly buffered. Returns how many
    /// records it took.
    pub fn take_plain_lines(
        &mut self,
        out: &mut Vec<u8>,
        max: usize,
        mut each: impl FnMut(u64, usize, usize, &[usize]),
    ) -> io::Result<usize> {
        let chunk = loop {
            match self.input.fill_buf() {
                Ok(chunk) => break chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let base = out.len();
        let (mut line_start, mut taken) = (0, 0);
        let mut commas: Vec<usize> = Vec::with_capacity(16);
        let mut block_at = 0;
        'scan: while max > 0 && block_at < chunk.len() {
            let end = (block_at + BLOCK).min(chunk.len());
            let marks = match chunk[block_at..end].try_into() {
                Ok(block) => marks(block),
                Err(_) => {
                    let mut tail = [0u8; BLOCK];
                    tail[..end - block_at].copy_from_slice(&chunk[block_at..end]);
                    marks(&tail)
                }
            };
            // Only what comes before the block's first quote: that line is left to the
            // byte-by-byte path.
            let before_quote = match marks.quotes {
                0 => u64::MAX,
                quotes => (1 << quotes.trailing_zeros()) - 1,
            };
            let mut hits = (marks.commas | marks.lines) & before_quote;
            while hits != 0 {
                let bit = hits.trailing_zeros();
                hits &= hits - 1;
                let at = block_at + bit as usize;
                if marks.lines >> bit & 1 == 0 {
                    commas.push(at - line_start);
                    continue;
                }
                if at - line_start > MAX_RECORD_BYTES {
                    break 'scan;
                }
                let mut len = at - line_start;
                if len > 0 && chunk[at - 1] == b'\r' {
                    len -= 1;
                }
                self.lines += 1;
                if len > 0 {
                    each(self.lines, base + line_start, len, &commas);
                    taken += 1;
                }
                commas.clear();
                line_start = at + 1;
                if taken == max {
                    break 'scan;
                }
            }
            if marks.quotes != 0 {
                break;
            }
            block_at = end;
        }
        out.extend_from_slice(&chunk[..line_start]);
        self.input.consume(line_start);
        self.consumed += line_start as u64;
        Ok(taken)
    }

    /// The fast path for most rows: a whole line already buffered, without any `"`, is split at
    /// its commas at once. Returns false, having consumed nothing, when the line is not such.
    fn plain_line(&mut self, rec: &mut Record) -> io::Result<bool> {
        let chunk = loop {
            match self.input.fill_buf() {
                Ok(chunk) => break chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let Some(end) = memchr::memchr(b'\n', chunk) else {
            return Ok(false);
        };
        let line = &chunk[..end];
        if end > MAX_RECORD_BYTES || memchr::memchr(b'"', line).is_some() {
            return Ok(false);
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        rec.raw.extend_from_slice(line);
        for field in line.split(|&b| b == b',') {
            rec.fields.extend_from_slice(field);
            rec.ends.push(rec.fields.len());
        }
        rec.len = end as u64;
        rec.terminated = true;
        self.lines += 1;
        self.input.consume(end + 1);
        self.consumed += end as u64 + 1;
        Ok(true)
    }
}

/// Takes one byte of a record that is not its ending line break.
fn step(rec: &mut Record, state: State, b: u8) -> State {
    rec.len += 1;
    if rec.too_long() {
        rec.raw.clear();
        rec.fields.clear();
        rec.ends.clear();
        return next_state(state, b).0;
    }
    rec.raw.push(b);
    if b == b'\n' {
        // A line break inside quotes: text mode has already turned `\r\n` into `\n`.
        if rec.fields.last() == Some(&b'\r') {
            rec.fields.pop();
        }
    }
    let (next, action) = next_state(state, b);
    match action {
        Action::Keep => rec.fields.push(b),
        Action::EndField => finish_field(rec),
        Action::Skip => {}
    }
    next
}

enum Action {
    Keep,
    EndField,
    Skip,
}

fn next_state(state: State, b: u8) -> (State, Action) {
    match (state, b) {
        (State::StartField, b'"') => (State::InQuoted, Action::Skip),
        (State::StartField | State::InField, b',') => (State::StartField, Action::EndField),
        (State::StartField | State::InField, _) => (State::InField, Action::Keep),
        (State::InQuoted, b'"') => (State::QuoteInQuoted, Action::Skip),
        (State::InQuoted, _) => (State::InQuoted, Action::Keep),
        (State::QuoteInQuoted, b'"') => (State::InQuoted, Action::Keep),
        (State::QuoteInQuoted, b',') => (State::StartField, Action::EndField),
        (State::QuoteInQuoted, _) => (State::InField, Action::Keep),
    }
}

fn finish_field(rec: &mut Record) {
    if rec.too_long() {
        return;
    }
    rec.ends.push(rec.fields.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8]) -> Vec<(u64, Vec<String>, bool, bool)> {
        let mut records = Records::new(io::BufReader::with_capacity(3, input));
        let mut rec = Record::default();
        let mut out = Vec::new();
        while records.next_into(&mut rec).unwrap() {
            let fields = (0..rec.field_count())
                .map(|i| String::from_utf8_lossy(rec.field(i)).into_owned())
                .collect();
            out.push((rec.line, fields, rec.terminated, rec.unclosed_quote));
        }
        assert_eq!(records.consumed(), input.len() as u64);
        out
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn splits_like_python_csv() {
        let got = all(b"a,\"b,\"\"c\"\"\",d\"e\r\n\"x\ny\"z,\n\nlast");
        assert_eq!(
            got,
            vec![
                (1, s(&["a", "b,\"c\"", "d\"e"]), true, false),
                (2, s(&["x\nyz", ""]), true, false),
                (4, s(&[""]), true, false),
                (5, s(&["last"]), false, false),
            ]
        );
    }

    #[test]
    fn crlf_inside_quotes_becomes_lf_and_open_quotes_are_flagged() {
        let got = all(b"\"a\r\nb\"\r\n\"open,\nrest");
        assert_eq!(
            got,
            vec![
                (1, s(&["a\nb"]), true, false),
                (3, s(&["open,\nrest"]), false, true),
            ]
        );
    }

    #[test]
    fn long_records_are_measured_not_kept() {
        let mut input = vec![b'x'; MAX_RECORD_BYTES + 10];
        input.extend_from_slice(b"\nok\n");
        let mut records = Records::new(io::BufReader::new(&input[..]));
        let mut rec = Record::default();
        assert!(records.next_into(&mut rec).unwrap());
        assert!(rec.too_long() && rec.raw.is_empty());
        assert_eq!(rec.len, MAX_RECORD_BYTES as u64 + 10);
        assert!(records.next_into(&mut rec).unwrap());
        assert_eq!((rec.line, rec.field(0)), (2, &b"ok"[..]));
        assert!(!records.next_into(&mut rec).unwrap());
    }
}
