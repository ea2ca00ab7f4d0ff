//! The files of a world directory and the order they are written in.
//!
//! - `transactions.csv` (AMLworld format) or `transactions.parquet`, in time order;
//! - `truth.csv`: `row,pattern_id,typology,role` for every illicit transfer, `row` being the
//!   1-based data row of the transactions file and `role` `pattern` or `propagated`;
//! - `patterns.txt`: AMLworld's `BEGIN LAUNDERING ATTEMPT - ...` blocks, terrorist-financing
//!   typologies included;
//! - `accounts.csv`:
//!   `bank,account,bank_name,entity_id,entity_name,entity_type,country,role,identifier`, the
//!   identifier being the account's IBAN or card number ([`super::identifier`]; empty for cash
//!   desks);
//! - `roles.csv`: `pattern_id,typology,bank,account,role`, the part each account plays in each
//!   instance (an account may play parts in several; `accounts.csv` keeps only its last);
//! - `listed.csv`: accounts of listed parties with the list entry they stand for.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::identifier::payment_identifier;
use super::parquet::ParquetSink;
use super::row::{account, RowFormatter};
use crate::naming::ListedAccount;
use crate::plant::{Pattern, Role};
use crate::transfer::SimTransfer;
use crate::world::population::Population;
use crate::SimError;

/// The transactions file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// IBM AMLworld CSV.
    Csv,
    /// Parquet in flowtrace's transfer schema.
    Parquet,
}

enum Transactions {
    Csv(BufWriter<File>),
    Parquet(Box<ParquetSink>),
}

/// A world directory being written.
pub struct WorldFiles {
    dir: PathBuf,
    transactions: Transactions,
    truth: BufWriter<File>,
    patterns: BufWriter<File>,
    roles: BufWriter<File>,
    rows: u64,
    line: Vec<u8>,
    formatter: RowFormatter,
}

fn create(dir: &Path, name: &str) -> Result<BufWriter<File>, SimError> {
    let path = dir.join(name);
    let file = File::create(&path).map_err(|source| SimError::Io { path, source })?;
    Ok(BufWriter::with_capacity(1 << 20, file))
}

impl WorldFiles {
    /// Creates `dir` (if needed) and the world's files in it.
    pub fn create(dir: &Path, format: OutputFormat) -> Result<WorldFiles, SimError> {
        std::fs::create_dir_all(dir).map_err(|source| SimError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let transactions = match format {
            OutputFormat::Csv => {
                let mut out = create(dir, "transactions.csv")?;
                writeln!(out, "{}", flowtrace_io::amlworld::HEADER)
                    .map_err(|e| io(dir, "transactions.csv", e))?;
                Transactions::Csv(out)
            }
            OutputFormat::Parquet => {
                let path = dir.join("transactions.parquet");
                let file = File::create(&path).map_err(|source| SimError::Io {
                    path: path.clone(),
                    source,
                })?;
                Transactions::Parquet(Box::new(
                    ParquetSink::new(file).map_err(|e| SimError::Encode { path, message: e })?,
                ))
            }
        };
        let mut truth = create(dir, "truth.csv")?;
        writeln!(truth, "row,pattern_id,typology,role").map_err(|e| io(dir, "truth.csv", e))?;
        let mut roles = create(dir, "roles.csv")?;
        writeln!(roles, "pattern_id,typology,bank,account,role")
            .map_err(|e| io(dir, "roles.csv", e))?;
        Ok(WorldFiles {
            dir: dir.to_path_buf(),
            transactions,
            truth,
            patterns: create(dir, "patterns.txt")?,
            roles,
            rows: 0,
            line: Vec::with_capacity(1 << 16),
            formatter: RowFormatter::new(),
        })
    }

    /// Transfers written so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Writes the next transfer (they must come in time order).
    pub fn transfer(
        &mut self,
        pop: &Population,
        t: &SimTransfer,
        typology: Option<&str>,
    ) -> Result<(), SimError> {
        self.rows += 1;
        match &mut self.transactions {
            Transactions::Csv(out) => {
                self.formatter.row(pop, t, &mut self.line);
                if self.line.len() >= 1 << 16 {
                    out.write_all(&self.line)
                        .map_err(|e| io(&self.dir, "transactions.csv", e))?;
                    self.line.clear();
                }
            }
            Transactions::Parquet(sink) => {
                sink.push(pop, t).map_err(|message| SimError::Encode {
                    path: self.dir.join("transactions.parquet"),
                    message,
                })?
            }
        }
        if let (true, Some(typology)) = (t.illicit(), typology) {
            let role = if t.propagated {
                "propagated"
            } else {
                "pattern"
            };
            writeln!(
                self.truth,
                "{},{},{},{}",
                self.rows, t.pattern, typology, role
            )
            .map_err(|e| io(&self.dir, "truth.csv", e))?;
        }
        Ok(())
    }

    /// Writes an instance's block to the patterns file.
    pub fn pattern(&mut self, pop: &Population, p: &Pattern) -> Result<(), SimError> {
        let mut block = Vec::new();
        let name = p.typology.name();
        if p.detail.is_empty() {
            writeln!(block, "BEGIN LAUNDERING ATTEMPT - {name}").expect("writing to a Vec");
        } else {
            writeln!(block, "BEGIN LAUNDERING ATTEMPT - {name}:  {}", p.detail)
                .expect("writing to a Vec");
        }
        let mut formatter = RowFormatter::new();
        for t in &p.transfers {
            formatter.row(pop, t, &mut block);
        }
        writeln!(block, "END LAUNDERING ATTEMPT - {name}\n").expect("writing to a Vec");
        self.patterns
            .write_all(&block)
            .map_err(|e| io(&self.dir, "patterns.txt", e))?;
        let mut lines = Vec::new();
        for &(a, role) in &p.roles {
            write!(lines, "{},{name},", p.id).expect("writing to a Vec");
            account(pop, a, &mut lines);
            writeln!(lines, ",{}", role.name()).expect("writing to a Vec");
        }
        self.roles
            .write_all(&lines)
            .map_err(|e| io(&self.dir, "roles.csv", e))
    }

    /// Writes the accounts and listed-party files and closes everything.
    pub fn finish(
        mut self,
        pop: &Population,
        roles: &[Role],
        names: &dyn Fn(u32) -> String,
        listed: &[ListedAccount],
    ) -> Result<(), SimError> {
        let dir = self.dir.clone();
        match self.transactions {
            Transactions::Csv(mut out) => {
                out.write_all(&self.line)
                    .and_then(|_| out.flush())
                    .map_err(|e| io(&dir, "transactions.csv", e))?;
            }
            Transactions::Parquet(sink) => sink.finish().map_err(|message| SimError::Encode {
                path: dir.join("transactions.parquet"),
                message,
            })?,
        }
        self.truth.flush().map_err(|e| io(&dir, "truth.csv", e))?;
        self.patterns
            .flush()
            .map_err(|e| io(&dir, "patterns.txt", e))?;
        self.roles.flush().map_err(|e| io(&dir, "roles.csv", e))?;
        write_accounts(&dir, pop, roles, names)?;
        write_listed(&dir, pop, listed)
    }
}

fn write_accounts(
    dir: &Path,
    pop: &Population,
    roles: &[Role],
    names: &dyn Fn(u32) -> String,
) -> Result<(), SimError> {
    let mut out = create(dir, "accounts.csv")?;
    let mut line = Vec::with_capacity(1 << 16);
    line.extend_from_slice(
        b"bank,account,bank_name,entity_id,entity_name,entity_type,country,role,identifier\n",
    );
    let mut number = Vec::with_capacity(16);
    for a in 0..pop.len() as u32 {
        let country = pop.country(a);
        account(pop, a, &mut line);
        number.clear();
        pop.number(a, &mut number);
        let bank = pop.bank(a);
        write!(line, ",{} Bank #{},{:08X},", country.name, bank.id, a).expect("writing to a Vec");
        csv_field(&names(a), &mut line);
        let number = std::str::from_utf8(&number).expect("account numbers are ASCII");
        let identifier = payment_identifier(country.code, &bank.id, number);
        writeln!(
            line,
            ",{},{},{},{}",
            pop.kind(a).name(),
            country.code,
            roles[a as usize].name(),
            identifier.as_deref().unwrap_or("")
        )
        .expect("writing to a Vec");
        if line.len() >= 1 << 16 {
            out.write_all(&line)
                .map_err(|e| io(dir, "accounts.csv", e))?;
            line.clear();
        }
    }
    out.write_all(&line)
        .and_then(|_| out.flush())
        .map_err(|e| io(dir, "accounts.csv", e))
}

fn write_listed(dir: &Path, pop: &Population, listed: &[ListedAccount]) -> Result<(), SimError> {
    let mut out = Vec::new();
    out.extend_from_slice(b"bank,account,reference,listed_name,spelled_as\n");
    for l in listed {
        account(pop, l.account, &mut out);
        for field in [&l.reference, &l.listed_name, &l.spelled_as] {
            out.push(b',');
            csv_field(field, &mut out);
        }
        out.push(b'\n');
    }
    std::fs::write(dir.join("listed.csv"), out).map_err(|e| io(dir, "listed.csv", e))
}

/// Writes `text` as a CSV field, quoted when it holds a comma, quote or line break.
pub fn csv_field(text: &str, out: &mut Vec<u8>) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

fn io(dir: &Path, name: &str, source: std::io::Error) -> SimError {
    SimError::Io {
        path: dir.join(name),
        source,
    }
}
