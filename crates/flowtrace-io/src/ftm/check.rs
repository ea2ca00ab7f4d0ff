//! What makes a line acceptable: one JSON entity, and for a payment every property a transfer
//! needs; each refusal says which property and why.

use std::path::Path;

use flowtrace_graph::{Currency, EntityType, MAX_KEY_PART_LEN};

use super::entity::{Entity, First, Properties};
use super::timestamp::parse_timestamp;
use super::MAX_LINE_BYTES;
use crate::error::{Column, Location, RejectKind, RowError};

/// What a rejected line is told: the property at fault, the kind, the specifics.
pub(super) struct Bad {
    column: Option<&'static str>,
    kind: RejectKind,
    detail: String,
}

impl Bad {
    fn new(kind: RejectKind, column: &'static str, detail: impl Into<String>) -> Bad {
        Bad {
            column: Some(column),
            kind,
            detail: detail.into(),
        }
    }

    fn line(kind: RejectKind, detail: impl Into<String>) -> Bad {
        Bad {
            column: None,
            kind,
            detail: detail.into(),
        }
    }

    pub fn at(self, file: &Path, line: u64) -> RowError {
        RowError {
            file: file.to_path_buf(),
            location: Location::Line(line),
            column: self.column.map(|name| Column {
                number: 0,
                name: name.to_owned(),
            }),
            kind: self.kind,
            detail: self.detail,
        }
    }
}

/// What a side entity tells about an account.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A `BankAccount`: keys an account.
    Account,
    /// A person or organisation: holds one.
    Holder(EntityType),
}

/// The few facts kept of a side entity.
pub(super) struct Side {
    pub role: Role,
    pub name: Option<Box<str>>,
    pub country: Option<Box<str>>,
    pub bank: Option<Box<str>>,
    pub number: Option<Box<str>>,
}

impl Side {
    /// Fills what `self` lacks from a later fragment of the same entity.
    pub fn merge(&mut self, later: Side) {
        self.name = self.name.take().or(later.name);
        self.country = self.country.take().or(later.country);
        self.bank = self.bank.take().or(later.bank);
        self.number = self.number.take().or(later.number);
    }

    pub fn account(side: Option<&Side>) -> Option<&Side> {
        side.filter(|s| s.role == Role::Account)
    }
}

/// A payment line that passed every check, still borrowing from the line.
pub(super) struct Checked<'a> {
    pub src_key: &'a str,
    pub src_party: Option<&'a str>,
    pub dst_key: &'a str,
    pub dst_party: Option<&'a str>,
    pub ts: i64,
    pub amount: f64,
    pub currency: Currency,
}

/// The entity on a line, or `None` for a blank line.
pub(super) fn parse_line(line: &[u8], len: u64) -> Result<Option<Entity<'_>>, Bad> {
    if len > MAX_LINE_BYTES as u64 {
        let detail = format!("line of {len} bytes is over the {MAX_LINE_BYTES}-byte limit");
        return Err(Bad::line(RejectKind::FieldTooLong, detail));
    }
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let text = std::str::from_utf8(line).map_err(|e| {
        let at = e.valid_up_to() + 1;
        Bad::line(
            RejectKind::InvalidUtf8,
            format!("byte {at} is not valid UTF-8"),
        )
    })?;
    serde_json::from_str(text).map(Some).map_err(json_error)
}

/// serde_json's message without its "at line 1 column N" (the line is known; the column is kept).
fn json_error(e: serde_json::Error) -> Bad {
    let message = e.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((head, _)) => format!("{head} (column {})", e.column()),
        None => message,
    };
    Bad::line(RejectKind::BadJson, message)
}

pub(super) fn check_payment<'a>(p: &'a Properties<'a>) -> Result<Checked<'a>, Bad> {
    let payer = ("properties.payer", &p.payer);
    let (src_key, src_party) = check_side_of(payer, ("properties.payerAccount", &p.payer_account))?;
    let beneficiary = ("properties.beneficiary", &p.beneficiary);
    let account = ("properties.beneficiaryAccount", &p.beneficiary_account);
    let (dst_key, dst_party) = check_side_of(beneficiary, account)?;
    let (amount, currency) = check_money(p)?;
    let (column, date) = match (p.date.get(), p.start_date.get()) {
        (Some(date), _) => ("properties.date", date),
        (None, Some(date)) => ("properties.startDate", date),
        (None, None) => {
            return Err(Bad::new(
                RejectKind::MissingField,
                "properties.date",
                "no date or startDate",
            ))
        }
    };
    let ts = parse_timestamp(date).ok_or_else(|| {
        let detail = format!(
            "{} is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS][Z])",
            quote(date)
        );
        Bad::new(RejectKind::BadTimestamp, column, detail)
    })?;
    Ok(Checked {
        src_key,
        src_party,
        dst_key,
        dst_party,
        ts,
        amount,
        currency,
    })
}

/// The entity keying one side's account (its account if given, else its party) and the party.
fn check_side_of<'a>(
    (party_column, party): (&'static str, &'a First<'a>),
    (account_column, account): (&'static str, &'a First<'a>),
) -> Result<(&'a str, Option<&'a str>), Bad> {
    check_id(party_column, party.get())?;
    check_id(account_column, account.get())?;
    match (party.get(), account.get()) {
        (party, Some(account)) => Ok((account, party)),
        (Some(party), None) => Ok((party, Some(party))),
        (None, None) => {
            let (party, account) = (property(party_column), property(account_column));
            let detail = format!("no {party} or {account}");
            Err(Bad::new(RejectKind::MissingField, party_column, detail))
        }
    }
}

fn check_money(p: &Properties) -> Result<(f64, Currency), Bad> {
    const AMOUNT: &str = "properties.amount";
    const CURRENCY: &str = "properties.currency";
    let text = p
        .amount
        .get()
        .ok_or_else(|| Bad::new(RejectKind::MissingField, AMOUNT, "no amount"))?;
    let amount: f64 = text.trim().parse().map_err(|_| {
        Bad::new(
            RejectKind::BadAmount,
            AMOUNT,
            format!("{} is not a number", quote(text)),
        )
    })?;
    if !amount.is_finite() {
        let detail = format!("{} is not a finite number", quote(text));
        return Err(Bad::new(RejectKind::BadAmount, AMOUNT, detail));
    }
    if amount < 0.0 {
        let detail = format!("{} is below zero", quote(text));
        return Err(Bad::new(RejectKind::NegativeAmount, AMOUNT, detail));
    }
    let code = p
        .currency
        .get()
        .ok_or_else(|| Bad::new(RejectKind::MissingField, CURRENCY, "no currency"))?;
    let currency = Currency::parse(code.trim()).ok_or_else(|| {
        let detail = format!("{} is not a currency flowtrace knows", quote(code));
        Bad::new(RejectKind::UnknownCurrency, CURRENCY, detail)
    })?;
    Ok((amount, currency))
}

/// The side entity on a non-payment line, if its schema names accounts or holders; `None` for
/// other schemas and for entities without an id (nothing can refer to them).
pub(super) fn check_side<'a>(e: &'a Entity<'a>) -> Result<Option<(&'a str, Side)>, Bad> {
    let role = match e.schema.0.as_ref() {
        "BankAccount" => Role::Account,
        "Person" => Role::Holder(EntityType::Person),
        "Organization" | "Company" | "LegalEntity" | "PublicBody" => {
            Role::Holder(EntityType::Organization)
        }
        _ => return Ok(None),
    };
    let Some(id) =
        e.id.as_ref()
            .map(|id| id.0.as_ref())
            .filter(|id| !id.is_empty())
    else {
        return Ok(None);
    };
    let p = &e.properties;
    check_id("id", Some(id))?;
    let side = match role {
        Role::Account => {
            check_id("properties.bankName", p.bank_name.get())?;
            check_id("properties.iban", p.iban.get())?;
            check_id("properties.accountNumber", p.account_number.get())?;
            Side {
                role,
                name: boxed(p.name.get().or(e.caption.as_ref().map(|c| c.0.as_ref()))),
                country: boxed(p.country.get()),
                bank: boxed(p.bank_name.get()),
                number: boxed(p.iban.get().or(p.account_number.get())),
            }
        }
        Role::Holder(_) => Side {
            role,
            name: boxed(p.name.get().or(e.caption.as_ref().map(|c| c.0.as_ref()))),
            country: boxed(p.country.get().or(p.nationality.get())),
            bank: None,
            number: None,
        },
    };
    Ok(Some((id, side)))
}

/// Refuses an id or key part longer than an account key part may be.
fn check_id(column: &'static str, value: Option<&str>) -> Result<(), Bad> {
    match value {
        Some(v) if v.len() > MAX_KEY_PART_LEN => {
            let detail = format!("{} bytes, over the {MAX_KEY_PART_LEN}-byte limit", v.len());
            Err(Bad::new(RejectKind::FieldTooLong, column, detail))
        }
        _ => Ok(()),
    }
}

fn property(column: &str) -> &str {
    column.trim_start_matches("properties.")
}

fn boxed(value: Option<&str>) -> Option<Box<str>> {
    value.map(Box::from)
}

/// A value quoted for a message, cut short if long.
fn quote(value: &str) -> String {
    const SHOWN: usize = 60;
    match value.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("`{}...`", &value[..end]),
        None => format!("`{value}`"),
    }
}
