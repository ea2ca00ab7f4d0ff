//! Simulated money worlds with ground truth: a background economy of persons, companies and
//! banks across countries, with planted laundering (the eight AMLworld typologies) and
//! terrorist-financing flows (crowdfunding, charity diversion, structuring, trade-based, listed
//! parties), written as AMLworld files plus the truth every detector is measured against; and
//! beside it an online world ([`online`]) of posts with planted coordinated cells, propaganda
//! cascades and donation appeals pointing at the money world's accounts.
//!
//! Real labelled terrorist-financing data is never public, so flowtrace measures itself on
//! worlds like these. The same configuration and seed give byte-identical files on any machine,
//! and generation streams to disk: memory depends on the number of accounts, not transfers.
//!
//! ```no_run
//! use flowtrace_sim::{simulate, OutputFormat, WorldConfig};
//!
//! let config = WorldConfig::preset("small")?;
//! let summary = simulate(&config, &[], "world".as_ref(), OutputFormat::Csv, None)?;
//! println!("{} transfers, {} illicit", summary.transfers, summary.illicit);
//! # Ok::<(), flowtrace_sim::SimError>(())
//! ```
#![warn(missing_docs)]

pub mod clock;
pub mod config;
pub mod economy;
pub mod naming;
pub mod online;
pub mod output;
pub mod plant;
pub mod random;
mod run;
pub mod transfer;
pub mod world;

use std::path::PathBuf;

pub use config::{ConfigError, WorldConfig, PRESETS};
pub use naming::ListedParty;
pub use online::{simulate_online, OnlineConfig, OnlineSummary};
pub use output::OutputFormat;
pub use plant::{Role, Typology};
pub use run::{simulate, TypologyCount, WorldSummary};

/// Why a world could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// The configuration is invalid.
    #[error("invalid world configuration: {0}")]
    Config(#[from] ConfigError),
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The money world an online world points into is not one the simulator wrote.
    #[error("{}: {problem}", path.display())]
    MoneyWorld {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// The Parquet encoder failed.
    #[error("cannot encode {}: {message}", path.display())]
    Encode {
        /// The file.
        path: PathBuf,
        /// The encoder's message.
        message: String,
    },
}
