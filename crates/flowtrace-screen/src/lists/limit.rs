//! A guard on the bytes a reader may take in one piece. The XML and CSV parsers keep a whole
//! text, tag or record in memory before handing it over, so without a guard one huge element or
//! an endless line (a corrupt or hostile file) would be read whole before any length check ran.

use std::error::Error;
use std::fmt;
use std::io::{self, Read};

use super::MAX_FIELD_BYTES;

/// Fails a read once more than [`MAX_FIELD_BYTES`] bytes pass without one of the separators
/// (`<` or `>` for XML, the line break for CSV and JSON lines).
pub(crate) struct RunLimit<R> {
    inner: R,
    separators: &'static [u8],
    run: usize,
}

impl<R> RunLimit<R> {
    pub(crate) fn new(inner: R, separators: &'static [u8]) -> Self {
        RunLimit {
            inner,
            separators,
            run: 0,
        }
    }
}

impl<R: Read> Read for RunLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let got = &buf[..n];
        self.run = match got.iter().rposition(|b| self.separators.contains(b)) {
            Some(i) => n - i - 1,
            None => self.run + n,
        };
        if self.run > MAX_FIELD_BYTES {
            return Err(io::Error::other(RunTooLong));
        }
        Ok(n)
    }
}

/// Whether an I/O error is the one [`RunLimit`] raises.
pub(crate) fn is_run_too_long(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|e| e.is::<RunTooLong>())
}

/// The I/O error [`RunLimit`] raises.
#[derive(Debug)]
struct RunTooLong;

impl fmt::Display for RunTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "more than {MAX_FIELD_BYTES} bytes in one piece")
    }
}

impl Error for RunTooLong {}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        RunLimit::new(input, b"\n").read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn passes_long_input_with_separators_and_stops_an_endless_run() {
        let line = [b'a'; 1000];
        let ok: Vec<u8> = (0..2000)
            .flat_map(|_| line.iter().chain(b"\n"))
            .copied()
            .collect();
        assert_eq!(read_all(&ok).unwrap().len(), ok.len());
        let endless = vec![b'a'; MAX_FIELD_BYTES + 10];
        let error = read_all(&endless).unwrap_err();
        assert!(is_run_too_long(&error));
    }
}
