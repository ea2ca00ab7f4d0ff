//! Readers from list files into the [`Watchlist`] model: the UN consolidated XML, OFAC's legacy
//! SDN CSV files and FollowTheMoney JSON lines, with [`read_watchlist`] telling them apart.

mod ftm;
mod ftm_entity;
mod limit;
mod ofac;
mod remarks;
mod un;
mod un_alias;
mod xml;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use ftm::read_ftm;
pub use ofac::read_ofac;
pub use un::{read_un, UN_ROOT};

use crate::error::ListError;
use crate::model::Watchlist;

/// The longest field (element text, CSV field, JSON line) the readers accept. The longest in the
/// real lists is a few kilobytes of remarks; anything near a megabyte is a broken or hostile
/// file, and refusing it keeps memory bounded.
pub const MAX_FIELD_BYTES: usize = 1 << 20;

/// A list file format flowtrace reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// The UN Security Council consolidated list XML.
    UnXml,
    /// OFAC's legacy SDN CSV (`sdn.csv`, with `alt.csv` and `add.csv` beside it).
    OfacCsv,
    /// FollowTheMoney entities, one JSON object a line.
    FtmJson,
}

/// Reads any list file, telling the format from its first bytes (`<` is XML, `{` is JSON) and
/// its extension (`.csv` is OFAC). For an OFAC SDN file, the alt and add files are taken from
/// beside it when they exist, named like it with `alt` / `add` in place of `sdn`
/// (`sdn.csv` → `alt.csv`, `ofac_sdn.csv` → `ofac_alt.csv`).
pub fn read_watchlist(path: &Path) -> Result<Watchlist, ListError> {
    match detect_format(path)? {
        ListFormat::UnXml => read_un(path),
        ListFormat::FtmJson => read_ftm(path),
        ListFormat::OfacCsv => {
            let alt = sibling(path, "alt");
            let add = sibling(path, "add");
            read_ofac(path, alt.as_deref(), add.as_deref())
        }
    }
}

/// Tells a list file's format from its first non-blank byte and its extension.
pub fn detect_format(path: &Path) -> Result<ListFormat, ListError> {
    let mut head = Vec::with_capacity(4096);
    let file = File::open(path).map_err(|e| ListError::io(path, e))?;
    file.take(4096)
        .read_to_end(&mut head)
        .map_err(|e| ListError::io(path, e))?;
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let first = body
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0x1A);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let extension = extension.to_ascii_lowercase();
    match (first, extension.as_str()) {
        (None, _) if head.len() < 4096 => Err(ListError::Empty {
            path: path.to_owned(),
        }),
        (Some(b'<'), _) | (_, "xml") => Ok(ListFormat::UnXml),
        (Some(b'{'), _) | (_, "json" | "jsonl" | "ndjson") => Ok(ListFormat::FtmJson),
        (_, "csv") => Ok(ListFormat::OfacCsv),
        _ => Err(ListError::UnknownFormat {
            path: path.to_owned(),
            reason: "expected UN XML, OFAC SDN CSV (.csv) or FollowTheMoney JSON lines".into(),
        }),
    }
}

/// The OFAC companion file beside an SDN file, if it exists.
fn sibling(sdn: &Path, kind: &str) -> Option<PathBuf> {
    let name = sdn.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let at = lower.rfind("sdn")?;
    let other = format!("{}{kind}{}", &name[..at], &name[at + 3..]);
    let other = sdn.with_file_name(other);
    other.is_file().then_some(other)
}

/// Trims a value and collapses its inner white space (line breaks inside UN values, double spaces
/// in OFAC's) to single spaces; `None` when nothing is left.
pub(crate) fn clean(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_white_space_and_drops_empty_values() {
        assert_eq!(
            clean("  AL-FATEH \n  GROUP "),
            Some("AL-FATEH GROUP".into())
        );
        assert_eq!(clean(" \n\t"), None);
    }

    #[test]
    fn sibling_swaps_sdn_for_the_companion_name() {
        let dir = std::env::temp_dir().join(format!("ft-screen-sibling-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ofac_alt.csv"), "").unwrap();
        assert_eq!(
            sibling(&dir.join("ofac_sdn.csv"), "alt"),
            Some(dir.join("ofac_alt.csv"))
        );
        assert_eq!(sibling(&dir.join("ofac_sdn.csv"), "add"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
