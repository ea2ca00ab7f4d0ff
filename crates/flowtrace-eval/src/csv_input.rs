//! The CSV plumbing that the predictions and truth readers share: opening, finding columns by
//! name, turning the `csv` crate's errors into line-numbered ones and parsing values.

use std::fs::File;
use std::path::Path;

use csv::{ErrorKind, StringRecord};

use crate::error::{EvalError, Problem};
use crate::predictions::ValueKind;

/// An open CSV file past its header.
pub(crate) struct CsvInput<'p> {
    pub(crate) path: &'p Path,
    reader: csv::Reader<File>,
    /// Header names, trimmed and lower-cased (names are matched case-insensitively).
    names: Vec<String>,
    /// The header as written, for messages.
    raw: String,
}

impl<'p> CsvInput<'p> {
    /// Opens `path` and reads its header; a file without one is [`EvalError::Empty`].
    pub(crate) fn open(path: &'p Path) -> Result<CsvInput<'p>, EvalError> {
        let file = File::open(path).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        // Not flexible: a line with a field too many or too few is an error, not a guess.
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(file);
        let header = reader.headers().map_err(|e| csv_error(path, e, 1))?.clone();
        let raw = header.iter().collect::<Vec<_>>().join(",");
        if raw.trim().is_empty() {
            return Err(EvalError::Empty {
                path: path.to_path_buf(),
            });
        }
        let names = header
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
            .collect();
        Ok(CsvInput {
            path,
            reader,
            names,
            raw,
        })
    }

    /// Position of the column called `name` (case-insensitive), if there is one.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// Number of columns in the header.
    pub(crate) fn width(&self) -> usize {
        self.names.len()
    }

    /// The error for a column the file needs and lacks.
    pub(crate) fn missing(&self, column: &str) -> EvalError {
        EvalError::MissingColumn {
            path: self.path.to_path_buf(),
            column: column.to_string(),
            header: self.raw.clone(),
        }
    }

    /// The column holding the values: `score` if there is one, else `label`.
    pub(crate) fn value_column(&self) -> Result<(usize, ValueKind), EvalError> {
        if let Some(i) = self.find("score") {
            return Ok((i, ValueKind::Score));
        }
        self.find("label")
            .map(|i| (i, ValueKind::Label))
            .ok_or_else(|| self.missing("score or label"))
    }

    /// Calls `visit` with each data record and its line number, stopping at the first error.
    pub(crate) fn for_each(
        mut self,
        mut visit: impl FnMut(&StringRecord, u64) -> Result<(), EvalError>,
    ) -> Result<u64, EvalError> {
        let mut record = StringRecord::new();
        let mut last_line = 1;
        loop {
            match self.reader.read_record(&mut record) {
                Ok(false) => return Ok(last_line),
                Ok(true) => {
                    last_line = record.position().map_or(last_line + 1, |p| p.line());
                    visit(&record, last_line)?;
                }
                Err(e) => return Err(csv_error(self.path, e, last_line + 1)),
            }
        }
    }
}

/// A `csv` error as a line error, `fallback_line` used when the crate does not know the line.
fn csv_error(path: &Path, error: csv::Error, fallback_line: u64) -> EvalError {
    let line = error.position().map_or(fallback_line, |p| p.line());
    let problem = match error.into_kind() {
        ErrorKind::Io(source) => {
            return EvalError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
        ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields, expected {expected_len} as in the header"),
        ErrorKind::Utf8 { err, .. } => format!("field {} is not valid UTF-8", err.field() + 1),
        other => format!("{other:?}"),
    };
    EvalError::line(path, line, Problem::Csv(problem))
}

/// Parses a score (any number but NaN) or a label (`0`, `1`, `true`, `false`, any case).
pub(crate) fn parse_value(kind: ValueKind, column: &str, field: &str) -> Result<f64, Problem> {
    let text = field.trim();
    match kind {
        ValueKind::Score => text
            .parse::<f64>()
            .ok()
            .filter(|v| !v.is_nan())
            .ok_or_else(|| Problem::BadNumber {
                column: column.to_string(),
                value: field.to_string(),
            }),
        ValueKind::Label => parse_label(text).ok_or_else(|| Problem::BadLabel {
            column: column.to_string(),
            value: field.to_string(),
        }),
    }
}

fn parse_label(text: &str) -> Option<f64> {
    if text == "1" || text.eq_ignore_ascii_case("true") {
        Some(1.0)
    } else if text == "0" || text.eq_ignore_ascii_case("false") {
        Some(0.0)
    } else {
        None
    }
}

/// Parses a 1-based row number into a 0-based index below `rows`.
pub(crate) fn parse_row(field: &str, rows: usize) -> Result<usize, Problem> {
    let row: u64 = field.trim().parse().map_err(|_| Problem::BadNumber {
        column: "row".to_string(),
        value: field.to_string(),
    })?;
    match usize::try_from(row) {
        Ok(r) if r >= 1 && r <= rows => Ok(r - 1),
        _ => Err(Problem::RowOutOfRange { row, rows }),
    }
}
