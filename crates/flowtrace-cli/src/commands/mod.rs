//! One module per subcommand.

pub mod convert;
pub mod simulate;
pub mod stats;
