//! The online world's truth files, and the demo's findings scored against them: planted cells
//! recovered, cascades' seeders, donation links found.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result};
use flowtrace_graph::{AccountId, Accounts};
use flowtrace_social::link::Link;
use flowtrace_social::{Cells, Messages, UserId};

/// Reads `online_truth/NAME` under `dir` as rows of fields (quoted fields allowed).
pub fn rows(dir: &Path, name: &str) -> Result<Vec<Vec<String>>> {
    let path = dir.join("online_truth").join(name);
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}, line {}", path.display(), i + 2))?;
        out.push(record.iter().map(str::to_string).collect());
    }
    Ok(out)
}

/// Planted cells: cell id -> member accounts (by id in the posts).
pub fn planted_cells(dir: &Path, messages: &Messages) -> Result<BTreeMap<u32, Vec<UserId>>> {
    let mut cells: BTreeMap<u32, Vec<UserId>> = BTreeMap::new();
    for row in rows(dir, "cells.csv")? {
        let (Some(cell), Some(user)) = (row.first(), row.get(1)) else {
            continue;
        };
        if let (Ok(cell), Some(user)) = (cell.parse(), messages.find_user(user)) {
            cells.entry(cell).or_default().push(user);
        }
    }
    Ok(cells)
}

/// How many planted cell members sit in a found cell where their own cell is the majority.
#[derive(Clone, Copy, Debug, Default)]
pub struct CellScore {
    pub members: usize,
    pub recovered: usize,
}

pub fn score_cells(found: &Cells, planted: &BTreeMap<u32, Vec<UserId>>) -> CellScore {
    let cell_of: HashMap<UserId, usize> = found
        .accounts
        .iter()
        .filter_map(|a| a.cell.map(|c| (a.user, c)))
        .collect();
    let mut score = CellScore::default();
    for users in planted.values() {
        let own: HashSet<UserId> = users.iter().copied().collect();
        for user in users {
            score.members += 1;
            let Some(&c) = cell_of.get(user) else {
                continue;
            };
            let members = &found.cells[c].members;
            let mine = members.iter().filter(|u| own.contains(u)).count();
            score.recovered += usize::from(2 * mine > members.len());
        }
    }
    score
}

/// The planted cell most of `members` belong to, and how many do.
pub fn majority_cell(
    members: &[UserId],
    planted: &BTreeMap<u32, Vec<UserId>>,
) -> Option<(u32, usize)> {
    planted
        .iter()
        .map(|(&id, users)| (id, members.iter().filter(|u| users.contains(u)).count()))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
}

/// A planted donation link: the post and the money-world account its identifier stands for.
pub struct Donation {
    pub message_id: String,
    pub account: Option<AccountId>,
    /// `appeal` (a terrorist-financing scheme), `charity` or `invalid`.
    pub kind: String,
}

pub fn donations(dir: &Path, accounts: &Accounts) -> Result<Vec<Donation>> {
    Ok(rows(dir, "donation_links.csv")?
        .into_iter()
        .filter(|r| r.len() == 7)
        .map(|r| Donation {
            account: accounts.lookup(&r[3], &r[4]),
            message_id: r[0].clone(),
            kind: r[6].clone(),
        })
        .collect())
}

/// Planted links (to an account of the transfers) found, and links that are not planted.
#[derive(Clone, Copy, Debug, Default)]
pub struct LinkScore {
    pub planted: usize,
    pub found: usize,
    pub false_links: usize,
    pub invalid_planted: usize,
    pub invalid_linked: usize,
}

pub fn score_links(links: &[Link], messages: &Messages, planted: &[Donation]) -> LinkScore {
    let linked: HashSet<(&str, AccountId)> = links
        .iter()
        .filter_map(|l| Some((messages.message_key(l.message), l.account?)))
        .collect();
    let truth: HashSet<(&str, AccountId)> = planted
        .iter()
        .filter_map(|d| Some((d.message_id.as_str(), d.account?)))
        .collect();
    let invalid: HashSet<&str> = planted
        .iter()
        .filter(|d| d.kind == "invalid")
        .map(|d| d.message_id.as_str())
        .collect();
    LinkScore {
        planted: truth.len(),
        found: truth.intersection(&linked).count(),
        false_links: linked.difference(&truth).count(),
        invalid_planted: invalid.len(),
        invalid_linked: linked.iter().filter(|(m, _)| invalid.contains(m)).count(),
    }
}
