//! Hash banks in an embedded SQLite file: named banks of PDQ, MD5 and SHA-256 hashes with
//! labels, added and removed one by one or imported and exported as CSV in the convention
//! ThreatExchange and Hasher-Matcher-Actioner exchange (`hash_type,hash_value,label...`).
//! The database file is self-contained, so a bank can be sent to a partner as it is.
//!
//! ```
//! use std::path::Path;
//!
//! use flowtrace_media::bank::{BankEntry, BankStore, HashType, OnError};
//!
//! let mut store = BankStore::open_in_memory()?;
//! store.create_bank("gifct-sample", "hashes shared by a partner")?;
//! let csv = "pdq,f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,item-17,ideology=x\n";
//! let partner = Path::new("partner.csv");
//! let report = store.import_csv("gifct-sample", csv.as_bytes(), partner, &OnError::Fail)?;
//! assert_eq!(report.added, 1);
//! assert_eq!(store.entries("gifct-sample")?[0].labels, ["item-17", "ideology=x"]);
//! # Ok::<(), flowtrace_media::bank::BankError>(())
//! ```

mod csv_io;
mod entry;
mod error;
mod matcher;
mod texts;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

pub use csv_io::{ImportReport, RefusedRow};
pub use entry::{BankEntry, HashType};
pub use error::BankError;
pub use flowtrace_rejects::OnError;
pub use matcher::{BankMatcher, FileMatch, MatchOptions, MatchedBy, PdqBank, PdqMatch};
pub use texts::{TextBank, TextEntry, TextMatch};

const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS bank (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS entry (
    id INTEGER PRIMARY KEY,
    bank_id INTEGER NOT NULL REFERENCES bank(id) ON DELETE CASCADE,
    hash_type TEXT NOT NULL,
    hash_value TEXT NOT NULL,
    labels TEXT NOT NULL DEFAULT '',
    UNIQUE (bank_id, hash_type, hash_value)
);
CREATE TABLE IF NOT EXISTS text_entry (
    id INTEGER PRIMARY KEY,
    bank_id INTEGER NOT NULL REFERENCES bank(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    labels TEXT NOT NULL DEFAULT '',
    UNIQUE (bank_id, text)
);
";

/// A bank's name, description and how many hashes of each type it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankInfo {
    /// The bank's name.
    pub name: String,
    /// What the bank is (source, sharing terms...).
    pub description: String,
    /// Number of hashes per type, in type order.
    pub counts: Vec<(HashType, u64)>,
    /// Number of texts ([`TextEntry`]).
    pub texts: u64,
}

/// A set of named banks in one SQLite database.
pub struct BankStore {
    conn: Connection,
    path: PathBuf,
}

/// Labels are stored as one CSV record, which keeps commas and quotes inside labels.
fn encode_labels(labels: &[String]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(labels);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes)
        .trim_end_matches(['\r', '\n'])
        .to_owned()
}

fn decode_labels(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .unwrap_or_default()
}

impl BankStore {
    /// Opens (creating if needed) the bank database at `path`.
    pub fn open(path: &Path) -> Result<Self, BankError> {
        let conn = Connection::open(path).map_err(|source| BankError::Database {
            path: path.to_owned(),
            source,
        })?;
        Self::with_connection(conn, path.to_owned())
    }

    /// A database in memory (tests, one-off matching).
    pub fn open_in_memory() -> Result<Self, BankError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| BankError::Database {
            path: path.clone(),
            source,
        })?;
        Self::with_connection(conn, path)
    }

    fn with_connection(conn: Connection, path: PathBuf) -> Result<Self, BankError> {
        let store = BankStore { conn, path };
        store.conn.execute_batch(SCHEMA).map_err(|e| store.db(e))?;
        Ok(store)
    }

    fn db(&self, source: rusqlite::Error) -> BankError {
        BankError::Database {
            path: self.path.clone(),
            source,
        }
    }

    fn bank_id(&self, name: &str) -> Result<i64, BankError> {
        self.conn
            .query_row("SELECT id FROM bank WHERE name = ?1", [name], |r| r.get(0))
            .optional()
            .map_err(|e| self.db(e))?
            .ok_or_else(|| BankError::NoSuchBank(name.to_owned()))
    }

    /// Whether a bank of this name exists.
    pub fn has_bank(&self, name: &str) -> Result<bool, BankError> {
        match self.bank_id(name) {
            Ok(_) => Ok(true),
            Err(BankError::NoSuchBank(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Creates an empty bank.
    pub fn create_bank(&mut self, name: &str, description: &str) -> Result<(), BankError> {
        if name.trim().is_empty() || name.chars().count() > 200 {
            return Err(BankError::BadName(name.to_owned()));
        }
        if self.bank_id(name).is_ok() {
            return Err(BankError::BankExists(name.to_owned()));
        }
        self.conn
            .execute(
                "INSERT INTO bank (name, description) VALUES (?1, ?2)",
                [name, description],
            )
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    /// Deletes a bank and everything in it.
    pub fn delete_bank(&mut self, name: &str) -> Result<(), BankError> {
        let id = self.bank_id(name)?;
        self.conn
            .execute("DELETE FROM bank WHERE id = ?1", [id])
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    /// Every bank, by name.
    pub fn banks(&self) -> Result<Vec<BankInfo>, BankError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, description FROM bank ORDER BY name")
            .map_err(|e| self.db(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect::<Result<Vec<(i64, String, String)>, _>>())
            .map_err(|e| self.db(e))?;
        let mut out = Vec::new();
        for (id, name, description) in rows {
            let mut counts = Vec::new();
            for t in [HashType::Pdq, HashType::Md5, HashType::Sha256] {
                let n: u64 = self
                    .conn
                    .query_row(
                        "SELECT COUNT(*) FROM entry WHERE bank_id = ?1 AND hash_type = ?2",
                        params![id, t.name()],
                        |r| r.get(0),
                    )
                    .map_err(|e| self.db(e))?;
                counts.push((t, n));
            }
            let texts = self
                .conn
                .query_row(
                    "SELECT COUNT(*) FROM text_entry WHERE bank_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .map_err(|e| self.db(e))?;
            out.push(BankInfo {
                name,
                description,
                counts,
                texts,
            });
        }
        Ok(out)
    }

    /// Adds an entry; returns false (and changes nothing) if the bank has that hash already.
    pub fn add(&mut self, bank: &str, entry: &BankEntry) -> Result<bool, BankError> {
        let id = self.bank_id(bank)?;
        insert(&self.conn, id, entry).map_err(|e| self.db(e))
    }

    /// Adds entries in one transaction; returns how many were new (the others the bank had).
    pub fn add_all(&mut self, bank: &str, entries: &[BankEntry]) -> Result<u64, BankError> {
        self.insert_all(bank, entries, insert)
    }

    /// Inserts `rows` into bank `bank` in one transaction, all or none, and counts the rows
    /// `insert_row` reports new (a duplicate is ignored, not an error).
    fn insert_all<T>(
        &mut self,
        bank: &str,
        rows: &[T],
        insert_row: impl Fn(&Connection, i64, &T) -> rusqlite::Result<bool>,
    ) -> Result<u64, BankError> {
        let id = self.bank_id(bank)?;
        let path = self.path.clone();
        let db = |source| BankError::Database {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(db)?;
        let mut added = 0;
        for row in rows {
            added += u64::from(insert_row(&tx, id, row).map_err(db)?);
        }
        tx.commit().map_err(db)?;
        Ok(added)
    }

    /// Removes a hash from a bank; returns whether it was there.
    pub fn remove(
        &mut self,
        bank: &str,
        hash_type: HashType,
        value: &str,
    ) -> Result<bool, BankError> {
        let id = self.bank_id(bank)?;
        let value = value.trim().to_ascii_lowercase();
        let n = self
            .conn
            .execute(
                "DELETE FROM entry WHERE bank_id = ?1 AND hash_type = ?2 AND hash_value = ?3",
                params![id, hash_type.name(), value],
            )
            .map_err(|e| self.db(e))?;
        Ok(n > 0)
    }

    /// Every entry of a bank, in the order added.
    pub fn entries(&self, bank: &str) -> Result<Vec<BankEntry>, BankError> {
        let id = self.bank_id(bank)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT hash_type, hash_value, labels FROM entry WHERE bank_id = ?1 ORDER BY id",
            )
            .map_err(|e| self.db(e))?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.db(e))?;
        let mut out = Vec::with_capacity(rows.len());
        for (hash_type, hash_value, labels) in rows {
            // Only this module writes the table, so a bad type means the file was edited by hand.
            let hash_type = hash_type
                .parse()
                .map_err(|reason: String| BankError::BadRow {
                    file: self.path.display().to_string(),
                    line: 0,
                    reason: format!("bank {bank:?}: {reason}"),
                })?;
            out.push(BankEntry {
                hash_type,
                hash_value,
                labels: decode_labels(&labels),
            });
        }
        Ok(out)
    }
}

fn insert(conn: &Connection, bank_id: i64, entry: &BankEntry) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO entry (bank_id, hash_type, hash_value, labels) VALUES (?1, ?2, ?3, ?4)",
        params![bank_id, entry.hash_type.name(), entry.hash_value, encode_labels(&entry.labels)],
    )?;
    Ok(n > 0)
}
