//! Typology detectors over the temporal money graph: explainable pattern instances and
//! snapml-compatible graph features.
//!
//! [`features`] computes the features of IBM's Graph Feature Preprocessor (snapml) from the same
//! parameters; fan-in/out and the vertex statistics match snapml exactly (tested against it),
//! the other families are being brought to parity (see the module's status). [`rules`] holds the transparent baseline a bank's transaction monitoring runs: structuring,
//! fan bursts, temporal cycles, scatter-gather and gather-scatter, rapid pass-through chains
//! and crowdfunding-like collection, each hit listing its transfers and saying in words why it
//! fired.
//!
//! ```
//! use flowtrace_graph::{Accounts, Currency, PaymentFormat, TemporalGraph, Transfer, TransferBuilder};
//! use flowtrace_patterns::{run_rules, RuleConfig, RuleKind};
//!
//! let mut accounts = Accounts::new();
//! let desk = accounts.intern("0724", "CASH01")?;
//! let saver = accounts.intern("0724", "8FDC2E720")?;
//! let mut transfers = TransferBuilder::new();
//! for (day, amount) in [9_120.0, 9_880.0, 9_400.0].into_iter().enumerate() {
//!     let at = 1_661_990_400 + day as i64 * 86_400; // 2022-09-01, 02, 03
//!     let cash = Transfer::new(desk, saver, at, amount, Currency::USD, PaymentFormat::Cash);
//!     transfers.push(&cash)?;
//! }
//! let graph = TemporalGraph::new(accounts, transfers.finish())?;
//!
//! let report = run_rules(&graph, &RuleConfig::default());
//! assert_eq!(report.count(RuleKind::Structuring), 1);
//! assert_eq!(
//!     report.hits()[0].why,
//!     "3 cash deposits of 9,120-9,880 USD into 0724/8FDC2E720 within 48 hours, \
//!      each under the 10,000 threshold"
//! );
//! // Per transfer, the strongest hit's score: what a ranking or a PR curve needs.
//! assert_eq!(report.transfer_scores(graph.transfers().len()), [0.5, 0.5, 0.5]);
//! # Ok::<(), flowtrace_graph::ModelError>(())
//! ```
#![warn(missing_docs)]

pub mod features;
pub mod rules;

pub use rules::{run_rules, Instance, RuleConfig, RuleHit, RuleKind, RuleReport};
