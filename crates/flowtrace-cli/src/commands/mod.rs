//! One module per subcommand.

pub mod convert;
pub mod cut;
pub mod demo;
pub mod eval;
pub mod features;
mod features_columnar;
pub mod media;
pub mod patterns;
pub mod screen;
pub mod simulate;
pub mod social;
pub mod stats;
pub mod text;
pub mod trace;
mod traced_graph;
