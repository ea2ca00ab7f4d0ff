//! Money link: payment identifiers in posts, joined to accounts of a transfer dataset, so that a
//! trace can start from the account a donation appeal points at.
//!
//! [`find_identifiers`] reads a post's text (and its URLs) for:
//!
//! | kind | what | check |
//! |---|---|---|
//! | `iban` | two letters, two check digits, the country's length (ISO 13616), spaced in fours or not | mod 97 = 1, check digits 02 to 98 |
//! | `card` | 13 to 19 digits starting 2 to 6, whole or in groups | Luhn |
//! | `bank_account` | `BANK:ACCOUNT` as the transfer commands write it, or in words: `bank 0210 account 8000A1B2C`, `account 8000A1B2C at bank 0210` | none |
//! | `bitcoin` | base58 `1...` (P2PKH) and `3...` (P2SH); segwit `bc1...` | base58check; bech32 (v0) / bech32m (v1+) |
//! | `ethereum` | `0x` and 40 hex digits | EIP-55 when mixed case; none when one case |
//! | `phone` | `+`, 8 to 15 digits (E.164), spaced by ` -.()`, a trunk `(0)` left out | none |
//!
//! Text is folded first ([`fold`]): full-width and Arabic-Indic digits, no-break and thin spaces,
//! typographic dashes and zero-width characters do not hide an identifier. An identifier whose
//! check fails is reported with [`Check::Invalid`] and never linked: a checksum-valid identifier
//! can only link to the account it belongs to, and an invalid one to none.
//!
//! [`AccountIndex`] joins identifiers to accounts: a bank account by its key in the transfer
//! data (exactly: `010` is not `10`), anything else through a mapping file with columns
//! `bank,account,identifier` ([`AccountIndex::read_mapping`]). Each link carries the account's
//! transfers in and out.
//!
//! ```
//! use flowtrace_social::link::{find_identifiers, Check, IdKind};
//!
//! let found = find_identifiers("Donate: GB82 WEST 1234 5698 7654 32 or bank 0210 account 8000A1B2C");
//! assert_eq!(found[0].kind, IdKind::Iban);
//! assert_eq!(found[0].check, Check::Valid);
//! assert_eq!(found[0].canonical, "GB82WEST12345698765432");
//! assert_eq!(found[1].canonical, "0210:8000A1B2C");
//! ```

mod card;
mod crypto;
mod digest;
mod fold;
mod iban;
mod join;
mod scan;
mod write;

use rayon::prelude::*;

use crate::messages::{Messages, UserId};

pub use card::{luhn_check_digit, luhn_is_valid};
pub use crypto::{
    base58check_encode, bitcoin_base58_is_valid, eip55, segwit_encode, segwit_is_valid,
};
pub use iban::{iban_from_bban, iban_is_valid, iban_length};
pub use join::{AccountIndex, Added, MappingReport};
pub use write::{link_to_json, write_links_csv, LINK_COLUMNS};

/// What kind of payment identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdKind {
    /// International bank account number.
    Iban,
    /// Payment-card number.
    Card,
    /// A bank and account number as the transfer data keys accounts.
    BankAccount,
    /// Bitcoin address (base58 or segwit).
    Bitcoin,
    /// Ethereum address.
    Ethereum,
    /// Phone number (mobile money, messaging-app payments).
    Phone,
}

impl IdKind {
    /// Lower-case name for outputs.
    pub fn name(self) -> &'static str {
        match self {
            IdKind::Iban => "iban",
            IdKind::Card => "card",
            IdKind::BankAccount => "bank_account",
            IdKind::Bitcoin => "bitcoin",
            IdKind::Ethereum => "ethereum",
            IdKind::Phone => "phone",
        }
    }
}

/// The outcome of an identifier's checksum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Check {
    /// The checksum holds.
    Valid,
    /// It does not (or the identifier has the wrong length): never linked.
    Invalid,
    /// The identifier carries no checksum (bank accounts, phones, one-case Ethereum).
    NotApplicable,
}

impl Check {
    /// `valid`, `invalid` or `none`.
    pub fn name(self) -> &'static str {
        match self {
            Check::Valid => "valid",
            Check::Invalid => "invalid",
            Check::NotApplicable => "none",
        }
    }
}

/// A payment identifier found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identifier {
    /// Its kind.
    pub kind: IdKind,
    /// Its checksum's verdict.
    pub check: Check,
    /// The form it is compared in: IBAN upper case without spaces, card digits, `BANK:ACCOUNT`,
    /// Bitcoin as written (segwit lower case), Ethereum lower case, phone `+` and digits.
    pub canonical: String,
    /// As written in the text.
    pub written: String,
    /// Byte range in the text.
    pub span: (usize, usize),
    /// For [`IdKind::BankAccount`]: the bank and account number.
    pub account: Option<(String, String)>,
}

impl Identifier {
    /// Whether it may be linked to an account: its checksum did not fail.
    pub fn is_linkable(&self) -> bool {
        self.check != Check::Invalid
    }
}

/// Every payment identifier in `text`, in order of appearance (see the [module
/// documentation](self)).
pub fn find_identifiers(text: &str) -> Vec<Identifier> {
    let folded = fold::Folded::new(text);
    scan::scan(&folded.chars)
        .into_iter()
        .map(|c| {
            let (from, to) = folded.byte_range(c.start, c.end);
            Identifier {
                kind: c.kind,
                check: c.check,
                canonical: c.canonical,
                written: text.get(from..to).unwrap_or("").to_string(),
                span: (from, to),
                account: c.account,
            }
        })
        .collect()
}

/// The form `text` is compared in: the canonical form of the identifier it consists of, or
/// the text itself, trimmed, when it is not exactly one identifier (a handle, a wallet id).
pub fn canonical_identifier(text: &str) -> String {
    let text = text.trim();
    match find_identifiers(text).as_slice() {
        [one] if one.span == (0, text.len()) => one.canonical.clone(),
        _ => text.to_string(),
    }
}

/// One identifier in one post, and the account it points at when it links.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The post (index into the [`Messages`]).
    pub message: usize,
    /// Its author.
    pub user: UserId,
    /// The identifier.
    pub identifier: Identifier,
    /// The account of the transfer data it belongs to; `None` when unknown or invalid.
    pub account: Option<flowtrace_graph::AccountId>,
}

/// Every identifier in every post (text, kept with `keep_text`, and URLs), in post order, each
/// post's repeats of one identifier reported once, joined to `index`.
pub fn link_messages(messages: &Messages, index: &AccountIndex) -> Vec<Link> {
    (0..messages.len())
        .into_par_iter()
        .flat_map_iter(|m| {
            let mut found = messages
                .raw_text(m)
                .map(find_identifiers)
                .unwrap_or_default();
            for &u in messages.urls_of(m) {
                found.extend(find_identifiers(messages.url(u)));
            }
            let mut seen: Vec<(IdKind, String)> = Vec::new();
            found.retain(|id| {
                let key = (id.kind, id.canonical.clone());
                let new = !seen.contains(&key);
                seen.push(key);
                new
            });
            let user = messages.users()[m];
            found.into_iter().map(move |identifier| Link {
                message: m,
                user,
                account: index.find(&identifier),
                identifier,
            })
        })
        .collect()
}

/// Counts over a list of links, for the summary line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkSummary {
    /// Identifiers found (one per post and identifier).
    pub identifiers: usize,
    /// Posts with at least one.
    pub posts: usize,
    /// Identifiers whose checksum holds.
    pub valid: usize,
    /// Identifiers whose checksum fails.
    pub invalid: usize,
    /// Identifiers linked to an account.
    pub linked: usize,
    /// Distinct accounts linked.
    pub accounts: usize,
    /// Distinct online accounts whose posts link.
    pub users: usize,
}

impl LinkSummary {
    /// Counts `links`.
    pub fn of(links: &[Link]) -> LinkSummary {
        let distinct = |mut v: Vec<u64>| {
            v.sort_unstable();
            v.dedup();
            v.len()
        };
        let linked: Vec<&Link> = links.iter().filter(|l| l.account.is_some()).collect();
        LinkSummary {
            identifiers: links.len(),
            posts: distinct(links.iter().map(|l| l.message as u64).collect()),
            valid: links
                .iter()
                .filter(|l| l.identifier.check == Check::Valid)
                .count(),
            invalid: links
                .iter()
                .filter(|l| l.identifier.check == Check::Invalid)
                .count(),
            linked: linked.len(),
            accounts: distinct(
                linked
                    .iter()
                    .filter_map(|l| l.account.map(u64::from))
                    .collect(),
            ),
            users: distinct(linked.iter().map(|l| u64::from(l.user)).collect()),
        }
    }
}
