//! The rejects file: one CSV record per refused row, `file,location,column,kind,detail,row`,
//! with the raw row written byte for byte (quoted), so even rows that are not UTF-8 survive and
//! can be repaired and loaded again.

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The rejects file's header line.
pub const HEADER: &[u8] = b"file,location,column,kind,detail,row\n";

/// The fields of one refused row's record, except the raw row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectRecord<'a> {
    /// The file the row came from.
    pub file: &'a Path,
    /// Where in it, e.g. `line 3` or `record 12`.
    pub location: String,
    /// The column or property at fault, empty when none is.
    pub column: &'a str,
    /// The category's name, e.g. `bad amount`.
    pub kind: &'a str,
    /// Specifics, quoting the offending value.
    pub detail: &'a str,
}

/// The rejects file could not be created or written.
#[derive(Debug)]
pub struct RejectsError {
    /// The rejects file.
    pub path: PathBuf,
    /// What the operating system said.
    pub source: io::Error,
}

impl fmt::Display for RejectsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot write rejects file {}: {}",
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for RejectsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// An open rejects file.
pub struct RejectsFile {
    path: PathBuf,
    out: BufWriter<File>,
}

impl RejectsFile {
    /// Creates (or truncates) the file and writes the header.
    pub fn create(path: &Path) -> Result<RejectsFile, RejectsError> {
        let fail = |source| RejectsError {
            path: path.to_path_buf(),
            source,
        };
        let mut out = BufWriter::new(File::create(path).map_err(fail)?);
        out.write_all(HEADER).map_err(fail)?;
        Ok(RejectsFile {
            path: path.to_path_buf(),
            out,
        })
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one refused row.
    pub fn write(&mut self, record: &RejectRecord<'_>, raw: &[u8]) -> Result<(), RejectsError> {
        let file = record.file.display().to_string();
        let fields: [&[u8]; 6] = [
            file.as_bytes(),
            record.location.as_bytes(),
            record.column.as_bytes(),
            record.kind.as_bytes(),
            record.detail.as_bytes(),
            raw,
        ];
        write_record(&mut self.out, &fields).map_err(|source| self.error(source))
    }

    /// Flushes what is buffered.
    pub fn finish(mut self) -> Result<(), RejectsError> {
        self.out.flush().map_err(|source| self.error(source))
    }

    fn error(&self, source: io::Error) -> RejectsError {
        RejectsError {
            path: self.path.clone(),
            source,
        }
    }
}

/// One CSV record, every field quoted, quotes doubled, bytes as they are.
fn write_record(w: &mut impl Write, fields: &[&[u8]]) -> io::Result<()> {
    for (k, field) in fields.iter().enumerate() {
        if k > 0 {
            w.write_all(b",")?;
        }
        w.write_all(b"\"")?;
        for part in field.split_inclusive(|&b| b == b'"') {
            w.write_all(part)?;
            if part.ends_with(b"\"") {
                w.write_all(b"\"")?;
            }
        }
        w.write_all(b"\"")?;
    }
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_rows_are_kept_byte_for_byte_with_quotes_doubled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rejects.csv");
        let mut file = RejectsFile::create(&path).unwrap();
        let record = RejectRecord {
            file: Path::new("in.csv"),
            location: "line 2".into(),
            column: "Amount Received",
            kind: "bad amount",
            detail: "`x` is not a number",
        };
        file.write(&record, b"a,\"b\",\xff").unwrap();
        file.finish().unwrap();
        let expected: &[u8] = b"file,location,column,kind,detail,row\n\"in.csv\",\"line 2\",\
            \"Amount Received\",\"bad amount\",\"`x` is not a number\",\"a,\"\"b\"\",\xff\"\n";
        assert_eq!(std::fs::read(&path).unwrap(), expected);
    }

    #[test]
    fn a_rejects_file_that_cannot_be_created_names_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-dir").join("rejects.csv");
        let error = RejectsFile::create(&path).err().unwrap();
        assert!(error.to_string().starts_with("cannot write rejects file "));
        assert!(error.to_string().contains("no-such-dir"));
    }
}
