//! The flowtrace data model: accounts interned to dense ids, transfers as columns sorted by time,
//! and the [`TemporalGraph`] that walks them per account in time order.
//!
//! Every other flowtrace crate stands on this one. Readers fill an [`Accounts`] table and a
//! [`TransferBuilder`]; [`TransferBuilder::finish`] sorts by time; [`TemporalGraph::new`] adds
//! per-account adjacency so that "what did `v` pay between `t0` and `t1`" is a binary search.
//!
//! ```
//! use flowtrace_graph::{Accounts, Currency, PaymentFormat, TemporalGraph, Transfer, TransferBuilder};
//!
//! let mut accounts = Accounts::new();
//! let donor = accounts.intern("010", "8000EBD30")?;
//! let collector = accounts.intern("0220", "80012A7C1")?;
//! let mut transfers = TransferBuilder::new();
//! let at = 1_661_991_600; // 2022-09-01T00:20:00Z
//! transfers.push(&Transfer::new(donor, collector, at, 50.0, Currency::USD, PaymentFormat::Wire))?;
//! let graph = TemporalGraph::new(accounts, transfers.finish())?;
//! assert_eq!(graph.incoming_between(collector, 1_661_990_000, 1_662_000_000).len(), 1);
//! # Ok::<(), flowtrace_graph::ModelError>(())
//! ```
#![warn(missing_docs)]

mod accounts;
mod builder;
mod currency;
mod format;
mod graph;
mod key_table;
mod shards;
mod sort_order;
mod summary;
pub mod time;
mod time_column;
mod transfers;

pub use accounts::{AccountId, AccountInfo, Accounts, EntityType, KeyHasher, MAX_KEY_PART_LEN};
pub use builder::TransferBuilder;
pub use currency::{Currency, CurrencyInfo, CURRENCIES};
pub use format::PaymentFormat;
pub use graph::TemporalGraph;
pub use shards::{AccountShards, KeyPair, ShardIds, SHARDS};
pub use summary::{DegreeStats, GraphSummary};
pub use transfers::{Transfer, TransferId, Transfers};

/// Limits of the model that a dataset can run into.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// Transfer ids are `u32`.
    #[error("more than 4,294,967,294 transfers: flowtrace's transfer ids are 32-bit")]
    TooManyTransfers,
    /// Account ids and key offsets are `u32`.
    #[error("too many accounts (or over 4 GiB of account keys): account ids are 32-bit")]
    TooManyAccounts,
    /// A key part longer than [`MAX_KEY_PART_LEN`].
    #[error("account key part of {len} bytes is longer than the {max}-byte limit")]
    KeyTooLong {
        /// Length of the offending part.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A transfer names an account id outside the table.
    #[error("transfer names account id {id} but the table holds {accounts} accounts")]
    UnknownAccount {
        /// The id.
        id: AccountId,
        /// Size of the table.
        accounts: usize,
    },
}
