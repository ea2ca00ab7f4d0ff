//! Joining identifiers to the accounts of a transfer dataset, and the mapping file that says
//! which IBAN, card, wallet or phone belongs to which account.

use std::collections::HashMap;
use std::path::Path;

use flowtrace_graph::{AccountId, Accounts, Transfers};

use super::{canonical_identifier, IdKind, Identifier};
use crate::table::{Table, TableError};

/// The accounts of a transfer dataset, searchable by identifier, with each one's transfer
/// counts.
pub struct AccountIndex<'a> {
    accounts: &'a Accounts,
    by_identifier: HashMap<String, AccountId>,
    incoming: Vec<u32>,
    outgoing: Vec<u32>,
}

/// What reading a mapping file did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappingReport {
    /// Data rows read.
    pub rows: u64,
    /// Identifiers now mapped to an account.
    pub mapped: u64,
    /// Rows with an empty identifier (accounts with none).
    pub empty: u64,
    /// Identifiers of accounts the transfer data does not have.
    pub unknown_accounts: u64,
    /// Identifiers already mapped to another account (the first mapping is kept).
    pub conflicts: u64,
}

/// The outcome of [`AccountIndex::add_identifier`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    /// Mapped (or already mapped to the same account).
    Mapped,
    /// The identifier is empty.
    Empty,
    /// The account is not in the transfer data.
    UnknownAccount,
    /// The identifier already belongs to another account, which keeps it.
    Conflict,
}

impl<'a> AccountIndex<'a> {
    /// Indexes `accounts`, counting each one's transfers in and out of `transfers`.
    pub fn new(accounts: &'a Accounts, transfers: &Transfers) -> Self {
        let mut incoming = vec![0u32; accounts.len()];
        let mut outgoing = vec![0u32; accounts.len()];
        for &a in transfers.srcs() {
            if let Some(n) = outgoing.get_mut(a as usize) {
                *n = n.saturating_add(1);
            }
        }
        for &a in transfers.dsts() {
            if let Some(n) = incoming.get_mut(a as usize) {
                *n = n.saturating_add(1);
            }
        }
        AccountIndex {
            accounts,
            by_identifier: HashMap::new(),
            incoming,
            outgoing,
        }
    }

    /// The accounts indexed.
    pub fn accounts(&self) -> &Accounts {
        self.accounts
    }

    /// Says that `identifier` (in any spelling [`canonical_identifier`] reads) belongs to the
    /// account (`bank`, `account`).
    pub fn add_identifier(&mut self, identifier: &str, bank: &str, account: &str) -> Added {
        let key = canonical_identifier(identifier);
        if key.is_empty() {
            return Added::Empty;
        }
        let Some(id) = self.accounts.lookup(bank, account) else {
            return Added::UnknownAccount;
        };
        match self.by_identifier.get(&key) {
            Some(&other) if other != id => Added::Conflict,
            Some(_) => Added::Mapped,
            None => {
                self.by_identifier.insert(key, id);
                Added::Mapped
            }
        }
    }

    /// Reads a mapping file: CSV with a header naming `bank`, `account` and `identifier` columns
    /// (others are ignored, so a world's `accounts.csv` with an `identifier` column will do); an
    /// identifier field may list several, separated by `;`.
    pub fn read_mapping(&mut self, path: &Path) -> Result<MappingReport, TableError> {
        let mut table = Table::open(
            path,
            &[&["bank"], &["account"], &["identifier", "identifiers"]],
        )?;
        let mut report = MappingReport::default();
        while let Some((_, fields)) = table.next_row()? {
            report.rows += 1;
            let [bank, account, identifiers] = &fields[..] else {
                continue;
            };
            if identifiers.is_empty() {
                report.empty += 1;
            }
            for identifier in identifiers.split(';').filter(|s| !s.trim().is_empty()) {
                match self.add_identifier(identifier, bank, account) {
                    Added::Mapped => report.mapped += 1,
                    Added::Empty => report.empty += 1,
                    Added::UnknownAccount => report.unknown_accounts += 1,
                    Added::Conflict => report.conflicts += 1,
                }
            }
        }
        Ok(report)
    }

    /// The account `identifier` belongs to: a bank account by its key, anything else through
    /// the mapping; never for an identifier whose checksum failed.
    pub fn find(&self, identifier: &Identifier) -> Option<AccountId> {
        if !identifier.is_linkable() {
            return None;
        }
        let direct = match (&identifier.kind, &identifier.account) {
            (IdKind::BankAccount, Some((bank, account))) => self.accounts.lookup(bank, account),
            _ => None,
        };
        direct.or_else(|| self.by_identifier.get(&identifier.canonical).copied())
    }

    /// Transfers received by `account`.
    pub fn transfers_in(&self, account: AccountId) -> u32 {
        self.incoming.get(account as usize).copied().unwrap_or(0)
    }

    /// Transfers sent by `account`.
    pub fn transfers_out(&self, account: AccountId) -> u32 {
        self.outgoing.get(account as usize).copied().unwrap_or(0)
    }
}
