//! Scores a detector's predictions against a simulated world's ground truth, the way AMLworld
//! results are reported: precision, recall and F1 of the illicit class at a threshold and at the
//! best threshold, average precision, on the AMLworld temporal split, plus recall per typology
//! and detection per pattern instance, at transfer or account level.
//!
//! A world is a directory the simulator wrote: `transactions.csv` (or `.parquet`) and
//! `truth.csv` ([`truth`]); predictions are a CSV by row, positional or by account
//! ([`predictions`]). The metrics are pure functions over slices ([`metrics`]) for crates that
//! score their own results without files.
//!
//! ```no_run
//! use flowtrace_eval::{evaluate, EvalOptions, Split, World};
//!
//! let world = World::load("world".as_ref())?;
//! let predictions = world.read_predictions("predictions.csv".as_ref())?;
//! let options = EvalOptions { split: Split::Test, ..EvalOptions::default() };
//! let report = evaluate(&world, &predictions, &options)?;
//! println!("{report}"); // the table; report.to_json() for machines
//! # Ok::<(), flowtrace_eval::EvalError>(())
//! ```
#![warn(missing_docs)]

mod csv_input;
mod error;
mod evaluate;
pub mod metrics;
pub mod predictions;
mod report;
pub mod split;
pub mod truth;
pub mod typology;
mod world;

pub use error::{EvalError, Problem};
pub use evaluate::{evaluate, EvalOptions};
pub use metrics::{Confusion, ThresholdPoint};
pub use predictions::{
    read_account_predictions, read_predictions, read_transfer_predictions, Level, Predictions,
    ValueKind,
};
pub use report::{EvalReport, SplitInfo};
pub use split::{Split, UnknownSplit};
pub use truth::{Role, Truth, TruthRow, TruthSource};
pub use typology::{Detection, TypologyRow};
pub use world::World;
