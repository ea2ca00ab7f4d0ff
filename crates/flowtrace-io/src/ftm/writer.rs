//! Writing transfers as FtM JSON lines: a `BankAccount` per account (and a `Person` or
//! `Organization` for holders whose kind is known), then a `Payment` per transfer in time order.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use flowtrace_graph::time::format_iso8601;
use flowtrace_graph::{AccountId, Accounts, EntityType, Transfers};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::error::WriteError;

/// Writes every account and transfer to `path` as FtM entities, one JSON object a line.
///
/// Account `n` becomes `BankAccount` `ft-acct-n` (`bankName`, `accountNumber`, and the holder's
/// `name` and `country` when known); a holder whose kind is known also becomes `Person` or
/// `Organization` `ft-holder-n`, named as `payer` / `beneficiary` of that account's payments.
/// Transfer `t` becomes `Payment` `ft-pay-t` with `amount` (the shortest decimal that reads back
/// to the same `f64`), `currency` (ISO code) and `date` (`YYYY-MM-DDTHH:MM:SSZ`). FtM payments
/// have no payment format, label or separate received amount: those are not written.
pub fn write(accounts: &Accounts, transfers: &Transfers, path: &Path) -> Result<(), WriteError> {
    let fail = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::create(path).map_err(fail)?;
    let mut out = BufWriter::new(file);
    write_entities(accounts, transfers, &mut out).map_err(fail)?;
    out.flush().map_err(fail)
}

fn write_entities(
    accounts: &Accounts,
    transfers: &Transfers,
    out: &mut impl Write,
) -> io::Result<()> {
    for id in 0..accounts.len() as AccountId {
        let info = accounts.info(id);
        let name = info.and_then(|i| i.name.as_deref());
        let country = info.and_then(|i| i.country.as_deref());
        if let Some(kind) = info.and_then(|i| i.entity_type) {
            let schema = match kind {
                EntityType::Person => "Person",
                EntityType::Organization => "Organization",
            };
            let mut holder = Props::default();
            holder.put("name", name).put("country", country);
            emit(
                out,
                &Entity {
                    id: holder_id(id),
                    schema,
                    properties: holder,
                },
            )?;
        }
        let mut account = Props::default();
        account
            .put("bankName", Some(accounts.bank(id)))
            .put("accountNumber", Some(accounts.number(id)))
            .put("name", name)
            .put("country", country);
        emit(
            out,
            &Entity {
                id: account_id(id),
                schema: "BankAccount",
                properties: account,
            },
        )?;
    }
    for t in 0..transfers.len() as u32 {
        let (src, dst) = (transfers.src(t), transfers.dst(t));
        let mut payment = Props::default();
        payment
            .put("payer", has_holder(accounts, src).then(|| holder_id(src)))
            .put("payerAccount", Some(account_id(src)))
            .put(
                "beneficiary",
                has_holder(accounts, dst).then(|| holder_id(dst)),
            )
            .put("beneficiaryAccount", Some(account_id(dst)))
            .put("amount", Some(transfers.amount_paid(t).to_string()))
            .put("currency", Some(transfers.currency_paid(t).code()))
            .put("date", Some(format_iso8601(transfers.ts(t))));
        emit(
            out,
            &Entity {
                id: format!("ft-pay-{t}"),
                schema: "Payment",
                properties: payment,
            },
        )?;
    }
    Ok(())
}

fn account_id(id: AccountId) -> String {
    format!("ft-acct-{id}")
}

fn holder_id(id: AccountId) -> String {
    format!("ft-holder-{id}")
}

fn has_holder(accounts: &Accounts, id: AccountId) -> bool {
    accounts.info(id).is_some_and(|i| i.entity_type.is_some())
}

fn emit(out: &mut impl Write, entity: &Entity) -> io::Result<()> {
    serde_json::to_writer(&mut *out, entity)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct Entity<'a> {
    id: String,
    schema: &'static str,
    properties: Props<'a>,
}

/// Properties in the order put, each written as FtM writes them: an array of strings. Empty
/// values are left out, as FtM leaves them out.
#[derive(Default)]
struct Props<'a>(Vec<(&'static str, Cow<'a, str>)>);

impl<'a> Props<'a> {
    fn put(&mut self, key: &'static str, value: Option<impl Into<Cow<'a, str>>>) -> &mut Self {
        let value = value.map(Into::into).filter(|v: &Cow<str>| !v.is_empty());
        if let Some(value) = value {
            self.0.push((key, value));
        }
        self
    }
}

impl Serialize for Props<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, &[value])?;
        }
        map.end()
    }
}
