//! The JSON shape of one FtM entity line, deserialised borrowing from the line where it can.
//!
//! Only the fields flowtrace uses are named; serde skips every other key (`caption` aside, FtM
//! exports carry `datasets`, `referents`, `first_seen`, ... which cost nothing to skip).

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

/// One entity: `{"id": ..., "schema": ..., "properties": {...}}`.
#[derive(Deserialize)]
pub(super) struct Entity<'a> {
    #[serde(default, borrow)]
    pub id: Option<Str<'a>>,
    #[serde(borrow)]
    pub schema: Str<'a>,
    /// The display name OpenSanctions adds to its exports; used when there is no `name`.
    #[serde(default, borrow)]
    pub caption: Option<Str<'a>>,
    #[serde(default, borrow)]
    pub properties: Properties<'a>,
}

/// The properties flowtrace reads, from every schema it cares about (a `Payment` uses the first
/// eight, a `BankAccount` the next three, parties the last three; `country` serves both).
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Properties<'a> {
    #[serde(default, borrow)]
    pub payer: First<'a>,
    #[serde(default, borrow)]
    pub payer_account: First<'a>,
    #[serde(default, borrow)]
    pub beneficiary: First<'a>,
    #[serde(default, borrow)]
    pub beneficiary_account: First<'a>,
    #[serde(default, borrow)]
    pub amount: First<'a>,
    #[serde(default, borrow)]
    pub currency: First<'a>,
    #[serde(default, borrow)]
    pub date: First<'a>,
    #[serde(default, borrow)]
    pub start_date: First<'a>,
    #[serde(default, borrow)]
    pub bank_name: First<'a>,
    #[serde(default, borrow)]
    pub iban: First<'a>,
    #[serde(default, borrow)]
    pub account_number: First<'a>,
    #[serde(default, borrow)]
    pub name: First<'a>,
    #[serde(default, borrow)]
    pub country: First<'a>,
    #[serde(default, borrow)]
    pub nationality: First<'a>,
}

/// A JSON string, borrowed from the line unless it had escapes.
pub(super) struct Str<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor)
    }
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Str<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Str(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Str(Cow::Owned(v)))
    }
}

/// The first non-empty value of a property. FtM writes every property as an array of strings;
/// a bare string or `null` is taken too, since hand-made files use them and nothing is ambiguous.
/// Later values are read (to check they are strings) and dropped.
#[derive(Default)]
pub(super) struct First<'a>(Option<Cow<'a, str>>);

impl First<'_> {
    /// The value, if the property had a non-empty one.
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for First<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FirstVisitor)
    }
}

struct FirstVisitor;

impl<'de> Visitor<'de> for FirstVisitor {
    type Value = First<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of strings")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut first = None;
        while let Some(Str(value)) = seq.next_element::<Str<'de>>()? {
            if first.is_none() && !value.is_empty() {
                first = Some(value);
            }
        }
        Ok(First(first))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(First((!v.is_empty()).then_some(Cow::Borrowed(v))))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(First((!v.is_empty()).then(|| Cow::Owned(v.to_owned()))))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(First(None))
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(First(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Entity<'_>, serde_json::Error> {
        serde_json::from_str(line)
    }

    #[test]
    fn takes_the_first_non_empty_value_and_borrows_it() {
        let line = r#"{"schema": "Payment", "properties": {"amount": ["", "12.5", "13"],
            "currency": "EUR", "date": null, "payer": [], "notes": [{"any": "shape"}]}}"#;
        let e = parse(line).unwrap();
        assert_eq!(e.schema.0, "Payment");
        assert!(e.id.is_none());
        let p = &e.properties;
        assert_eq!(p.amount.get(), Some("12.5"));
        assert!(matches!(p.amount.0, Some(Cow::Borrowed(_))));
        assert_eq!(p.currency.get(), Some("EUR"));
        assert_eq!((p.date.get(), p.payer.get()), (None, None));
    }

    #[test]
    fn escaped_values_are_unescaped() {
        let e =
            parse(r#"{"id": "a\"b", "schema": "Person", "properties": {"name": ["Jos\u00e9"]}}"#)
                .unwrap();
        assert_eq!(e.id.unwrap().0, "a\"b");
        assert_eq!(e.properties.name.get(), Some("José"));
    }

    #[test]
    fn refuses_what_is_not_an_entity() {
        assert!(parse(r#"{"id": "x", "properties": {}}"#).is_err());
        assert!(parse(r#"{"schema": "Payment", "properties": {"amount": [12.5]}}"#).is_err());
        assert!(parse(r#"{"schema": "Payment", "properties": {"amount": 12.5}}"#).is_err());
        assert!(parse(r#"["Payment"]"#).is_err());
        assert!(parse(r#"{"schema": "Payment""#).is_err());
    }
}
