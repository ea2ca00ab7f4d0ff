//! FollowTheMoney (FtM) entities as JSON lines, as OpenSanctions and OCCRP Aleph export them:
//! `Payment` entities are the transfers; `BankAccount`, `Person` and organisation entities in the
//! same file key the accounts and name their holders.
//!
//! ```text
//! {"id": "acc-1", "schema": "BankAccount", "properties": {"bankName": ["Bank A"],
//!  "iban": ["DE89370400440532013000"]}}
//! {"id": "p-1", "schema": "Person", "properties": {"name": ["Ana Diaz"], "nationality": ["es"]}}
//! {"id": "pay-1", "schema": "Payment", "properties": {"payer": ["p-1"], "payerAccount": ["acc-1"],
//!  "beneficiary": ["org-9"], "amount": ["1200.50"], "currency": ["EUR"], "date": ["2022-09-01"]}}
//! ```
//! (one entity a line; two are wrapped here to fit).
//!
//! # Reading ([`read()`])
//!
//! - **Rows.** Every `Payment` line is a row: accepted as a transfer or rejected. Lines of other
//!   schemas are side information and not rows, except that a line that cannot be an entity at
//!   all (over [`MAX_LINE_BYTES`], not UTF-8, not JSON, no `schema`) is rejected and counted as a
//!   row read whatever it was meant to be, and so is a side entity whose id or key part is longer
//!   than [`flowtrace_graph::MAX_KEY_PART_LEN`]. Blank lines are skipped; line numbers count them.
//!   A file of zero bytes is [`ReadError::Empty`](crate::ReadError::Empty).
//! - **Values.** Properties are arrays of strings (a bare string or `null` is taken too). Where a
//!   property has several values, the first non-empty one is used and the others are ignored;
//!   an empty string counts as no value.
//! - **A payment needs** `payer` or `payerAccount`, `beneficiary` or `beneficiaryAccount`
//!   (missing: `MissingField`); `amount`, a finite decimal number (`BadAmount`) not below zero
//!   (`NegativeAmount`); `currency`, an ISO 4217 code flowtrace knows (`UnknownCurrency`; a missing
//!   currency is `MissingField`, not a guess); and `date`, or `startDate` when there is no `date`
//!   (`MissingField` without either, `BadTimestamp` if it does not parse). Dates are `YYYY-MM-DD`
//!   (midnight UTC), `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS[.fff]`, with `Z` or a `±HH:MM`
//!   offset (converted to UTC) or nothing (UTC); partial dates such as `2022-09` are refused.
//!   Ids in a payment longer than [`flowtrace_graph::MAX_KEY_PART_LEN`] are `FieldTooLong`.
//! - **Accounts.** A side's account is keyed by its `payerAccount` / `beneficiaryAccount` if
//!   given, else by its `payer` / `beneficiary` entity. An entity that is a `BankAccount` in the
//!   file keys the account (bank = `bankName` or `""`, number = `iban`, else `accountNumber`,
//!   else the entity id); any other entity, or one the file never describes, keys the account
//!   (`""`, entity id). Every `BankAccount` in the file is an account, with or without payments.
//!   Accounts are numbered in order of first appearance of the entity keying them.
//! - **Holders.** A `Person` (entity type person) or `Organization`, `Company`, `LegalEntity` or
//!   `PublicBody` (organisation) named as a side's `payer` / `beneficiary` gives that account its
//!   holder name (`name`, else the export's `caption`) and country (`country`, else
//!   `nationality`), falling back on the bank account's own `name` and `country`; the first
//!   payment that names a holder for an account wins. A `BankAccount` with a `name` or `country`
//!   but no named holder gives those, without entity type.
//! - **Order.** Entities may come after the payments that name them: payments are kept in a
//!   compact form (about 40 bytes each) and resolved after the last line. Of side entities only
//!   the five facts above are kept; repeated ids are merged (the first value of each fact wins).
//! - **Transfers.** Amount and currency received equal those paid; the payment format is
//!   [`PaymentFormat::Unspecified`](flowtrace_graph::PaymentFormat::Unspecified); no label.
//!
//! # Writing ([`write()`])
//!
//! One `BankAccount` per account, then one `Payment` per transfer in time order, with ids that
//! depend only on the account and transfer ids, so [`read()`] gives back the same accounts (same
//! ids, keys and holder facts of accounts with transfers) and the same transfers. Lost on the way,
//! for FtM has no place for them: payment formats, labels, received amounts that differ from the
//! paid ones, an account number that is the empty string (it reads back as the `BankAccount` id),
//! and the entity type of an account that has no transfer.

mod check;
mod entity;
mod lines;
mod reader;
mod timestamp;
mod writer;

pub use reader::read;
pub use writer::write;

/// Longest line read, in bytes (1 MiB). A longer line is rejected as `FieldTooLong` without being
/// held in memory; the rejects file keeps its first [`MAX_LINE_BYTES`].
pub const MAX_LINE_BYTES: usize = 1 << 20;
