//! The rejects file of the posts reader: the columns of the transfer readers' rejects
//! (`file,location,column,kind,detail,row`), the raw row written byte for byte so rows that
//! are not UTF-8 survive for repair.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use super::posts::{BadRow, OnBadRow, PostsError};

/// The rejects file, when one was asked for.
pub(crate) struct Rejects {
    pub(crate) path: Option<PathBuf>,
    writer: Option<BufWriter<File>>,
}

impl Rejects {
    pub(crate) fn open(on_bad: &OnBadRow) -> Result<Rejects, PostsError> {
        let OnBadRow::Skip {
            rejects: Some(path),
        } = on_bad
        else {
            return Ok(Rejects {
                path: None,
                writer: None,
            });
        };
        let fail = |source| PostsError::Rejects {
            path: path.clone(),
            source,
        };
        let mut w = BufWriter::new(File::create(path).map_err(fail)?);
        w.write_all(b"file,location,column,kind,detail,row\n")
            .map_err(fail)?;
        Ok(Rejects {
            path: Some(path.clone()),
            writer: Some(w),
        })
    }

    fn fail(&self, source: io::Error) -> PostsError {
        PostsError::Rejects {
            path: self.path.clone().unwrap_or_default(),
            source,
        }
    }

    pub(crate) fn write(&mut self, bad: &BadRow, raw: &[u8]) -> Result<(), PostsError> {
        let Some(w) = &mut self.writer else {
            return Ok(());
        };
        let (file, location) = (bad.file.display().to_string(), format!("line {}", bad.line));
        let fields: [&[u8]; 6] = [
            file.as_bytes(),
            location.as_bytes(),
            bad.property.unwrap_or("").as_bytes(),
            bad.kind.as_bytes(),
            bad.reason.as_bytes(),
            raw,
        ];
        let written = write_record(w, &fields);
        written.map_err(|e| self.fail(e))
    }

    pub(crate) fn finish(mut self) -> Result<(), PostsError> {
        match self.writer.take() {
            Some(mut w) => w.flush().map_err(|e| self.fail(e)),
            None => Ok(()),
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
