//! Reads back the parts of a world directory the report shows: pattern blocks, accounts, listed
//! accounts and which transactions row each planted transfer is.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};

/// One planted transfer as the patterns file lists it.
pub struct PlantedRow {
    pub time: String,
    pub from: String,
    pub to: String,
    pub amount: String,
    pub currency: String,
    pub format: String,
    /// 1-based row of the transactions file.
    pub row: usize,
}

/// One instance of the patterns file.
pub struct Block {
    pub typology: String,
    pub detail: String,
    pub rows: Vec<PlantedRow>,
}

/// What the accounts file says about an account.
pub struct AccountInfo {
    pub name: String,
    pub entity_type: String,
    pub country: String,
    pub role: String,
}

/// A listed party's account.
pub struct Listed {
    pub account: String,
    pub reference: String,
    pub listed_name: String,
    pub spelled_as: String,
}

fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>> {
    csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Pattern blocks, each row tied to its transactions row through `truth.csv` (instance `k` of
/// the patterns file is pattern id `k`; its pattern rows, in row order, are the block's rows).
pub fn blocks(dir: &Path) -> Result<Vec<Block>> {
    let mut rows_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for record in reader(&dir.join("truth.csv"))?.records() {
        let r = record?;
        if &r[3] == "pattern" {
            rows_of
                .entry(r[1].parse()?)
                .or_default()
                .push(r[0].parse()?);
        }
    }
    let path = dir.join("patterns.txt");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut blocks: Vec<Block> = Vec::new();
    for line in text.lines() {
        if let Some(head) = line.strip_prefix("BEGIN LAUNDERING ATTEMPT - ") {
            let (typology, detail) = head.split_once(":  ").unwrap_or((head, ""));
            blocks.push(Block {
                typology: typology.to_string(),
                detail: detail.to_string(),
                rows: Vec::new(),
            });
        } else if !line.is_empty() && !line.starts_with("END ") {
            let f: Vec<&str> = line.split(',').collect();
            let block = blocks
                .last_mut()
                .context("patterns.txt: a row before any BEGIN line")?;
            block.rows.push(PlantedRow {
                time: f[0].to_string(),
                from: format!("{}/{}", f[1], f[2]),
                to: format!("{}/{}", f[3], f[4]),
                amount: f[7].to_string(),
                currency: f[8].to_string(),
                format: f[9].to_string(),
                row: 0,
            });
        }
    }
    for (k, block) in blocks.iter_mut().enumerate() {
        let mut rows = rows_of.remove(&(k + 1)).unwrap_or_default();
        rows.sort_unstable();
        for (planted, row) in block.rows.iter_mut().zip(rows) {
            planted.row = row;
        }
    }
    Ok(blocks)
}

/// `bank/account` -> what the accounts file says, for the accounts in `wanted` only.
pub fn accounts(dir: &Path, wanted: &dyn Fn(&str) -> bool) -> Result<HashMap<String, AccountInfo>> {
    let mut out = HashMap::new();
    for record in reader(&dir.join("accounts.csv"))?.records() {
        let r = record?;
        let key = format!("{}/{}", &r[0], &r[1]);
        if wanted(&key) {
            let info = AccountInfo {
                name: r[4].to_string(),
                entity_type: r[5].to_string(),
                country: r[6].to_string(),
                role: r[7].to_string(),
            };
            out.insert(key, info);
        }
    }
    Ok(out)
}

/// The listed parties' accounts.
pub fn listed(dir: &Path) -> Result<Vec<Listed>> {
    let mut out = Vec::new();
    for record in reader(&dir.join("listed.csv"))?.records() {
        let r = record?;
        out.push(Listed {
            account: format!("{}/{}", &r[0], &r[1]),
            reference: r[2].to_string(),
            listed_name: r[3].to_string(),
            spelled_as: r[4].to_string(),
        });
    }
    Ok(out)
}
