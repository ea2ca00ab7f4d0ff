//! FollowTheMoney entities as they appear on a line, and how one becomes a [`ListedEntity`]:
//! which properties give names of which kind and quality, which give documents, and what a
//! Sanction or Identification adds to the party it points at.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::clean;
use crate::date::PartialDate;
use crate::model::{
    Address, BirthDate, Document, ListedEntity, ListedName, NameKind, NameQuality, Schema,
};

/// One FtM entity as it appears on a line.
#[derive(Debug, Deserialize)]
pub(super) struct Line {
    pub id: String,
    pub schema: String,
    #[serde(default)]
    pub properties: BTreeMap<String, Vec<Value>>,
    #[serde(default)]
    pub datasets: Vec<String>,
}

impl Line {
    /// The string values of a property (nested entities are not strings and are skipped here).
    pub fn strings<'a>(&'a self, property: &str) -> impl Iterator<Item = &'a str> + 'a {
        let values = self.properties.get(property).map_or(&[][..], Vec::as_slice);
        values.iter().filter_map(Value::as_str)
    }

    pub fn first(&self, property: &str) -> Option<String> {
        self.strings(property).find_map(clean)
    }

    /// Nested entities under any property (the `targets.nested.json` form).
    pub fn nested(&self) -> impl Iterator<Item = Line> + '_ {
        let values = self.properties.values().flatten();
        values.filter_map(|v| v.is_object().then(|| Line::deserialize(v).ok()).flatten())
    }
}

/// Names by property: which kind and quality each FtM name property gives.
const NAMES: [(&str, NameKind, NameQuality); 4] = [
    ("name", NameKind::Primary, NameQuality::Good),
    ("alias", NameKind::Alias, NameQuality::Good),
    ("weakAlias", NameKind::Alias, NameQuality::Low),
    ("previousName", NameKind::FormerName, NameQuality::Good),
];

/// Identifier properties kept as documents, with the document kind they give.
const DOCUMENTS: [(&str, &str); 6] = [
    ("passportNumber", "Passport"),
    ("idNumber", "ID"),
    ("taxNumber", "Tax"),
    ("registrationNumber", "Registration"),
    ("imoNumber", "IMO"),
    ("mmsi", "MMSI"),
];

pub(super) fn party_schema(schema: &str) -> Option<Schema> {
    match schema {
        "Person" => Some(Schema::Person),
        "Organization" | "Company" | "LegalEntity" | "PublicBody" => Some(Schema::Organization),
        "Vessel" => Some(Schema::Vessel),
        "Airplane" => Some(Schema::Aircraft),
        _ => None,
    }
}

pub(super) fn party(line: &Line, schema: Schema, fallback_list: &str) -> ListedEntity {
    let list = match line.datasets.is_empty() {
        true => fallback_list.to_owned(),
        false => line.datasets.join(","),
    };
    let mut e = ListedEntity::new(line.id.clone(), list, line.id.clone(), schema);
    for (property, kind, quality) in NAMES {
        let names = line.strings(property).filter_map(clean);
        e.names
            .extend(names.map(|n| ListedName::new(n, kind, quality)));
    }
    e.birth_dates.extend(
        line.strings("birthDate")
            .filter_map(clean)
            .map(|d| birth_date(&d)),
    );
    e.birth_places
        .extend(line.strings("birthPlace").filter_map(clean));
    for property in ["nationality", "citizenship", "flag"] {
        e.nationalities
            .extend(line.strings(property).filter_map(clean));
    }
    for (property, kind) in DOCUMENTS {
        e.documents.extend(
            line.strings(property)
                .filter_map(clean)
                .map(|number| Document {
                    kind: kind.to_owned(),
                    number: Some(number),
                    country: None,
                    note: None,
                }),
        );
    }
    let full = line
        .strings("address")
        .filter_map(clean)
        .map(|full| Address {
            full: Some(full),
            country: None,
        });
    e.addresses.extend(full);
    let countries = line.strings("country").filter_map(clean);
    e.addresses.extend(countries.map(|c| Address {
        full: None,
        country: Some(c),
    }));
    e.topics.extend(line.strings("topics").filter_map(clean));
    e.programmes
        .extend(line.strings("programId").filter_map(clean));
    e.listed_on = listing_date(line, &["listingDate", "createdAt"]);
    e.remarks = line.first("notes");
    e
}

/// Adds what a Sanction, Identification or Passport entity says to its party.
pub(super) fn attach(party: &mut ListedEntity, side: &Line) {
    if side.schema == "Sanction" {
        let programme = side.first("programId").or_else(|| side.first("program"));
        if let Some(programme) = programme.filter(|p| !party.programmes.contains(p)) {
            party.programmes.push(programme);
        }
        if party.listed_on.is_none() {
            party.listed_on = listing_date(side, &["listingDate", "startDate"]);
        }
        return;
    }
    let kind = side.first("type").unwrap_or_else(|| side.schema.clone());
    party.documents.push(Document {
        kind,
        number: side.first("number"),
        country: side.first("country"),
        note: None,
    });
}

fn listing_date(line: &Line, properties: &[&str]) -> Option<PartialDate> {
    let mut dates = properties.iter().flat_map(|p| line.strings(p));
    dates.find_map(PartialDate::parse_iso)
}

fn birth_date(text: &str) -> BirthDate {
    let date = PartialDate::parse_iso(text);
    BirthDate {
        text: date.is_none().then(|| text.to_owned()),
        date,
        to: None,
        circa: false,
    }
}
