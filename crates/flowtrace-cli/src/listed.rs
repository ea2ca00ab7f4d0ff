//! The listed parties whose names the simulator gives to listed accounts.

use std::path::Path;

use anyhow::Result;
use flowtrace_sim::ListedParty;

/// Parties from the UN list at `path`, or from the copy built into the binary.
pub fn parties(path: Option<&Path>) -> Result<Vec<ListedParty>> {
    // Filled in once the watchlist readers land.
    let _ = path;
    Ok(Vec::new())
}
