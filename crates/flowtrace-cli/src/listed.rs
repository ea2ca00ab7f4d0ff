//! The listed parties whose names the simulator gives to listed accounts: the ISIL (Da'esh) and
//! Al-Qaida entries of the UN Security Council Consolidated List.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flowtrace_screen::{read_un, Schema};
use flowtrace_sim::ListedParty;

/// The copy of the UN list kept in the repository (dated 2026-02-27), found from the working
/// directory or, for `cargo run`, from the source tree.
pub fn default_list() -> Option<PathBuf> {
    let relative = Path::new("data/watchlists/un_consolidated.xml");
    let in_tree = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    [relative.to_path_buf(), in_tree]
        .into_iter()
        .find(|p| p.is_file())
}

/// `path`, or the repository's copy of the UN list.
pub fn list_path(path: Option<&Path>) -> Result<PathBuf> {
    match path {
        Some(p) => Ok(p.to_path_buf()),
        None => match default_list() {
            Some(p) => Ok(p),
            None => bail!(
                "cannot find data/watchlists/un_consolidated.xml (run from the flowtrace \
                 checkout, or pass --listed FILE with the UN Consolidated List XML)"
            ),
        },
    }
}

/// Parties from the UN list at `path`, or from the repository's copy.
pub fn parties(path: Option<&Path>) -> Result<Vec<ListedParty>> {
    let path = list_path(path)?;
    let list =
        read_un(&path).with_context(|| format!("cannot read the UN list {}", path.display()))?;
    let on_isil_list = |programmes: &[String]| programmes.iter().any(|p| p.contains("Al-Qaida"));
    let chosen: Vec<_> = if list.entities.iter().any(|e| on_isil_list(&e.programmes)) {
        list.entities
            .iter()
            .filter(|e| on_isil_list(&e.programmes))
            .collect()
    } else {
        list.entities.iter().collect()
    };
    Ok(chosen
        .into_iter()
        .filter_map(|e| {
            Some(ListedParty {
                reference: e.reference.clone(),
                name: e.primary_name()?.to_string(),
                organisation: e.schema == Schema::Organization,
            })
        })
        .collect())
}
