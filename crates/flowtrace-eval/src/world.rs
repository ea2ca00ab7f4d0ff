//! A world to evaluate against: its transfers, read so that every transfer knows its data row,
//! and its ground truth.

use std::path::Path;

use flowtrace_graph::{Accounts, Transfers};
use flowtrace_io::{read_transfers, FileFormat, ReadOptions};

use crate::error::EvalError;
use crate::predictions::{read_predictions, Predictions};
use crate::truth::Truth;

/// Transfers, accounts and the truth about them.
pub struct World {
    accounts: Accounts,
    transfers: Transfers,
    truth: Truth,
}

impl World {
    /// Loads a world directory: `transactions.csv` (AMLworld CSV) or, failing that,
    /// `transactions.parquet`, and `truth.csv`. Without `truth.csv` the transactions' own
    /// labels are the truth ([`Truth::from_labels`]).
    ///
    /// Any bad transaction row fails the load: a skipped row would shift every row number
    /// after it, and predictions and truth are keyed by row number.
    pub fn load(dir: &Path) -> Result<World, EvalError> {
        let csv = dir.join("transactions.csv");
        let parquet = dir.join("transactions.parquet");
        let (path, format) = if csv.is_file() {
            (csv, FileFormat::AmlworldCsv)
        } else if parquet.is_file() {
            (parquet, FileFormat::Parquet)
        } else {
            return Err(EvalError::NoTransactions {
                dir: dir.to_path_buf(),
            });
        };
        let (accounts, transfers) = load_transfers(&path, format)?;
        let truth_path = dir.join("truth.csv");
        let truth = if truth_path.is_file() {
            Truth::read(&truth_path, transfers.len())?
        } else {
            labels_of(&transfers)?
        };
        World::new(accounts, transfers, truth)
    }

    /// Loads a transactions file alone (format from its extension, AMLworld CSV when unknown),
    /// its `Is Laundering` labels as the truth: how published AMLworld datasets are scored.
    pub fn from_transactions(path: &Path) -> Result<World, EvalError> {
        let format = FileFormat::from_path(path).unwrap_or(FileFormat::AmlworldCsv);
        let (accounts, transfers) = load_transfers(path, format)?;
        let truth = labels_of(&transfers)?;
        World::new(accounts, transfers, truth)
    }

    /// A world from parts already in memory (a simulator's output, say). The transfers must
    /// know their input rows (see [`ReadOptions::keep_input_order`]) and the truth must be
    /// about as many rows as there are transfers.
    pub fn new(accounts: Accounts, transfers: Transfers, truth: Truth) -> Result<World, EvalError> {
        if !transfers.is_empty() && transfers.input_row(0).is_none() {
            return Err(EvalError::NoInputOrder);
        }
        if truth.rows() != transfers.len() {
            return Err(EvalError::Mismatch {
                what: "truth rows for the transfers",
                expected: transfers.len(),
                found: truth.rows(),
            });
        }
        let named = transfers.srcs().iter().chain(transfers.dsts()).max();
        if let Some(&max) = named.filter(|&&max| max as usize >= accounts.len()) {
            return Err(EvalError::Mismatch {
                what: "accounts named by the transfers",
                expected: accounts.len(),
                found: max as usize + 1,
            });
        }
        Ok(World {
            accounts,
            transfers,
            truth,
        })
    }

    /// The accounts.
    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// The transfers, in time order.
    pub fn transfers(&self) -> &Transfers {
        &self.transfers
    }

    /// The ground truth.
    pub fn truth(&self) -> &Truth {
        &self.truth
    }

    /// Data rows of the transactions file (one transfer each).
    pub fn rows(&self) -> usize {
        self.transfers.len()
    }

    /// 0-based data row of transfer `id` (ids follow time; rows follow the file).
    ///
    /// # Panics
    /// If `id` is not below [`World::rows`].
    pub fn row_of(&self, id: u32) -> usize {
        // `new` checked that input rows were kept, and they are kept for all or none.
        self.transfers.input_row(id).unwrap_or(id) as usize
    }

    /// Reads a predictions file made for this world, in whichever layout its header shows
    /// (see [`crate::predictions`]).
    pub fn read_predictions(&self, path: &Path) -> Result<Predictions, EvalError> {
        read_predictions(path, self.rows(), &self.accounts)
    }

    /// Transfers whose `Is Laundering` label contradicts the truth (unlabelled ones do not
    /// count): a world whose two sources of truth disagree was written wrong.
    pub fn label_disagreements(&self) -> u64 {
        (0..self.transfers.len() as u32)
            .filter(|&id| {
                let illicit = self.truth.is_illicit(self.row_of(id));
                self.transfers.label(id).is_some_and(|l| l != illicit)
            })
            .count() as u64
    }
}

fn load_transfers(path: &Path, format: FileFormat) -> Result<(Accounts, Transfers), EvalError> {
    let options = ReadOptions {
        keep_input_order: true,
        ..ReadOptions::default()
    };
    let loaded = read_transfers(path, format, &options)?;
    Ok((loaded.accounts, loaded.transfers))
}

/// The truth as the transactions' labels tell it, by row (unlabelled rows are licit).
fn labels_of(transfers: &Transfers) -> Result<Truth, EvalError> {
    let mut labels = vec![false; transfers.len()];
    for id in 0..transfers.len() as u32 {
        let row = transfers.input_row(id).ok_or(EvalError::NoInputOrder)? as usize;
        if let Some(label) = labels.get_mut(row) {
            *label = transfers.label(id) == Some(true);
        }
    }
    Ok(Truth::from_labels(labels))
}
