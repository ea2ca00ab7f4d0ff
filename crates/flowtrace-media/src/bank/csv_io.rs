//! Bank import and export as CSV in the ThreatExchange / HMA convention: one hash per row,
//! `hash_type,hash_value` then any number of label fields; an optional header row starting
//! `hash_type`. A bad row is reported with its file, line and reason; by default it stops the
//! import and nothing is imported (one transaction), or it can be skipped and listed.

use std::io::{Read, Write};

use super::{insert, BankEntry, BankError, BankStore, HashType};

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Rows read (header and blank lines not counted).
    pub rows: u64,
    /// New hashes added.
    pub added: u64,
    /// Rows whose hash the bank had already.
    pub duplicates: u64,
    /// Bad rows skipped (only when skipping was asked for), each a [`BankError::BadRow`].
    pub rejected: Vec<BankError>,
}

fn parse_row(record: &csv::StringRecord) -> Result<BankEntry, String> {
    let (Some(kind), Some(value)) = (record.get(0), record.get(1)) else {
        return Err("expected hash_type,hash_value[,label...]: fewer than two fields".into());
    };
    let hash_type: HashType = kind.parse()?;
    let labels = record.iter().skip(2).map(|l| l.trim().to_owned()).collect();
    BankEntry::new(hash_type, value, labels)
}

impl BankStore {
    /// Imports CSV rows into `bank`. `file` names the input in errors. With `skip_bad_rows`
    /// false, the first bad row is returned as the error and nothing is imported.
    pub fn import_csv(
        &mut self,
        bank: &str,
        input: impl Read,
        file: &str,
        skip_bad_rows: bool,
    ) -> Result<ImportReport, BankError> {
        let bank_id = self.bank_id(bank)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        let tx = self
            .conn
            .transaction()
            .map_err(|source| BankError::Database {
                path: self.path.clone(),
                source,
            })?;
        let mut report = ImportReport::default();
        for (k, record) in reader.records().enumerate() {
            let record = record.map_err(|source| BankError::Csv {
                file: file.to_owned(),
                source,
            })?;
            let line = record.position().map_or(k as u64 + 1, |p| p.line());
            let is_header = k == 0
                && record
                    .get(0)
                    .is_some_and(|f| f.trim().eq_ignore_ascii_case("hash_type"));
            if is_header || record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            report.rows += 1;
            let entry = match parse_row(&record) {
                Ok(entry) => entry,
                Err(reason) => {
                    let error = BankError::BadRow {
                        file: file.to_owned(),
                        line,
                        reason,
                    };
                    if !skip_bad_rows {
                        return Err(error);
                    }
                    report.rejected.push(error);
                    continue;
                }
            };
            let added = insert(&tx, bank_id, &entry).map_err(|source| BankError::Database {
                path: self.path.clone(),
                source,
            })?;
            if added {
                report.added += 1;
            } else {
                report.duplicates += 1;
            }
        }
        tx.commit().map_err(|source| BankError::Database {
            path: self.path.clone(),
            source,
        })?;
        Ok(report)
    }

    /// Writes `bank` as CSV with a header row; returns the number of hashes written.
    pub fn export_csv(
        &self,
        bank: &str,
        output: impl Write,
        file: &str,
    ) -> Result<usize, BankError> {
        let entries = self.entries(bank)?;
        let csv_error = |source| BankError::Csv {
            file: file.to_owned(),
            source,
        };
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(output);
        writer
            .write_record(["hash_type", "hash_value", "labels..."])
            .map_err(csv_error)?;
        for e in &entries {
            let mut row = vec![e.hash_type.name().to_owned(), e.hash_value.clone()];
            row.extend(e.labels.iter().cloned());
            writer.write_record(&row).map_err(csv_error)?;
        }
        writer.flush().map_err(|e| csv_error(e.into()))?;
        Ok(entries.len())
    }
}
