//! A detector's output read from CSV, one value per transaction row or per account.
//!
//! Three layouts, told apart by the header (names are case-insensitive, `score` is used when a
//! file has both `score` and `label`):
//!
//! - **by row**: `row` plus `score` or `label`, in any order, other columns ignored. `row` is
//!   the 1-based data row of the transactions file (row 1 is the first line after the header);
//!   rows not listed score 0. Blank lines of the transactions file are not rows, as
//!   flowtrace's readers count them.
//! - **positional**: a single column, `score` or `label`, with exactly one value per transaction
//!   row in file order.
//! - **by account**: `bank`, `account` plus `score` or `label`. Bank and account are matched as
//!   text, exactly: `010` is not `10`. Accounts not listed score 0.
//!
//! Scores are numbers (NaN refused); labels are `0`, `1`, `true` or `false` and become 0 and 1.

use std::path::Path;

use flowtrace_graph::Accounts;
use serde::Serialize;

use crate::csv_input::{parse_row, parse_value, CsvInput};
use crate::error::{EvalError, Problem};

/// What a predictions file scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// One value per transfer.
    Transfer,
    /// One value per account.
    Account,
}

/// Whether the values are scores or hard labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    /// Any number; higher means more suspicious.
    Score,
    /// 0 or 1.
    Label,
}

/// A detector's output for one world.
#[derive(Clone, Debug, PartialEq)]
pub struct Predictions {
    /// Transfers or accounts.
    pub level: Level,
    /// Scores or labels.
    pub kind: ValueKind,
    /// At transfer level, indexed by 0-based data row of the transactions file; at account
    /// level, by the world's [`flowtrace_graph::AccountId`]. Items not listed hold 0.
    pub values: Vec<f64>,
}

/// Reads transfer or account predictions, whichever layout the header shows, for a world of
/// `rows` transactions whose accounts are `accounts`.
pub fn read_predictions(
    path: &Path,
    rows: usize,
    accounts: &Accounts,
) -> Result<Predictions, EvalError> {
    let input = CsvInput::open(path)?;
    if input.find("bank").is_some() && input.find("account").is_some() {
        read_by_account(input, accounts)
    } else {
        read_transfers_from(input, rows)
    }
}

/// Reads transfer predictions (by row or positional) for `rows` transactions.
pub fn read_transfer_predictions(path: &Path, rows: usize) -> Result<Predictions, EvalError> {
    read_transfers_from(CsvInput::open(path)?, rows)
}

/// Reads account predictions (`bank,account,score|label`) for the accounts of a world.
pub fn read_account_predictions(
    path: &Path,
    accounts: &Accounts,
) -> Result<Predictions, EvalError> {
    read_by_account(CsvInput::open(path)?, accounts)
}

fn read_transfers_from(input: CsvInput, rows: usize) -> Result<Predictions, EvalError> {
    if input.find("row").is_some() {
        read_by_row(input, rows)
    } else if input.width() == 1 {
        read_positional(input, rows)
    } else {
        // Several columns and no `row`: a positional reading would silently trust the order.
        Err(input.missing("row"))
    }
}

fn read_by_row(input: CsvInput, rows: usize) -> Result<Predictions, EvalError> {
    let (column, kind) = input.value_column()?;
    let row_column = input.find("row").ok_or_else(|| input.missing("row"))?;
    let path = input.path;
    let mut values = vec![0.0; rows];
    // Line of each row's first mention (0: not yet seen), to name both lines of a duplicate.
    let mut seen = vec![0u32; rows];
    input.for_each(|record, line| {
        let fail = |problem| EvalError::line(path, line, problem);
        let row = parse_row(field(record, row_column), rows).map_err(fail)?;
        let value = parse_value(kind, value_name(kind), field(record, column)).map_err(fail)?;
        if seen[row] != 0 {
            let first_line = u64::from(seen[row]);
            let row = row as u64 + 1;
            return Err(fail(Problem::DuplicateRow { row, first_line }));
        }
        seen[row] = u32::try_from(line).unwrap_or(u32::MAX);
        values[row] = value;
        Ok(())
    })?;
    Ok(Predictions {
        level: Level::Transfer,
        kind,
        values,
    })
}

fn read_positional(input: CsvInput, rows: usize) -> Result<Predictions, EvalError> {
    let (column, kind) = input.value_column()?;
    let path = input.path;
    let mut values = Vec::with_capacity(rows);
    let last_line = input.for_each(|record, line| {
        let fail = |problem| EvalError::line(path, line, problem);
        if values.len() == rows {
            return Err(fail(Problem::TooManyValues { expected: rows }));
        }
        values.push(parse_value(kind, value_name(kind), field(record, column)).map_err(fail)?);
        Ok(())
    })?;
    if values.len() < rows {
        let problem = Problem::TooFewValues {
            found: values.len(),
            expected: rows,
        };
        return Err(EvalError::line(path, last_line, problem));
    }
    Ok(Predictions {
        level: Level::Transfer,
        kind,
        values,
    })
}

fn read_by_account(input: CsvInput, accounts: &Accounts) -> Result<Predictions, EvalError> {
    let (column, kind) = input.value_column()?;
    let bank_column = input.find("bank").ok_or_else(|| input.missing("bank"))?;
    let account_column = input
        .find("account")
        .ok_or_else(|| input.missing("account"))?;
    let path = input.path;
    let mut values = vec![0.0; accounts.len()];
    let mut seen = vec![0u32; accounts.len()];
    input.for_each(|record, line| {
        let fail = |problem| EvalError::line(path, line, problem);
        let (bank, account) = (field(record, bank_column), field(record, account_column));
        let value = parse_value(kind, value_name(kind), field(record, column)).map_err(fail)?;
        let Some(id) = accounts.lookup(bank, account) else {
            let (bank, account) = (bank.to_string(), account.to_string());
            return Err(fail(Problem::UnknownAccount { bank, account }));
        };
        let id = id as usize;
        if seen[id] != 0 {
            return Err(fail(Problem::DuplicateAccount {
                bank: bank.to_string(),
                account: account.to_string(),
                first_line: u64::from(seen[id]),
            }));
        }
        seen[id] = u32::try_from(line).unwrap_or(u32::MAX);
        values[id] = value;
        Ok(())
    })?;
    Ok(Predictions {
        level: Level::Account,
        kind,
        values,
    })
}

/// A field the header promises; the reader is not flexible, so every record has them all.
fn field(record: &csv::StringRecord, column: usize) -> &str {
    record.get(column).unwrap_or("")
}

fn value_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Score => "score",
        ValueKind::Label => "label",
    }
}
