//! The UN Security Council Consolidated List in its official XML format: `<CONSOLIDATED_LIST>`
//! with `<INDIVIDUALS>` and `<ENTITIES>`, one element per listed party.

use std::path::Path;

use super::clean;
use super::un_alias::split_alias;
use super::xml::{for_each_record, RawGroup, RawRecord, Shape};
use crate::date::PartialDate;
use crate::error::{ListError, Location, Problem};
use crate::model::{
    Address, BirthDate, Document, ListedEntity, ListedName, NameKind, NameQuality, Schema,
    Watchlist, UN_LIST,
};

/// The root element of the UN list.
pub const UN_ROOT: &str = "CONSOLIDATED_LIST";

/// The name parts of an individual, in the order the UN joins them.
const NAME_PARTS: [&str; 4] = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

const SHAPE: Shape<'static> = Shape {
    root: UN_ROOT,
    records: &["INDIVIDUAL", "ENTITY"],
    keys: &["DATAID", "REFERENCE_NUMBER"],
};

/// Reads the UN consolidated list XML, streaming: one record in memory at a time.
pub fn read_un(path: &Path) -> Result<Watchlist, ListError> {
    let mut list = Watchlist::default();
    for_each_record(path, &SHAPE, |record| {
        list.entities.push(entity(path, &record)?);
        Ok(())
    })?;
    Ok(list)
}

fn entity(path: &Path, record: &RawRecord) -> Result<ListedEntity, ListError> {
    let Some(reference) = record.field("REFERENCE_NUMBER").and_then(clean) else {
        return Err(missing(path, record, "REFERENCE_NUMBER"));
    };
    let schema = match record.tag.as_str() {
        "INDIVIDUAL" => Schema::Person,
        _ => Schema::Organization,
    };
    let id = format!("un:{reference}");
    let mut entity = ListedEntity::new(id, UN_LIST.to_owned(), reference, schema);
    entity
        .programmes
        .extend(record.field("UN_LIST_TYPE").and_then(clean));
    entity.listed_on = record.field("LISTED_ON").and_then(PartialDate::parse_iso);
    entity.remarks = record.field("COMMENTS1").and_then(clean);
    entity.names = primary_names(path, record)?;
    // Usually Arabic or Cyrillic, but the script is told from the letters: a few are Latin.
    let original = record.field("NAME_ORIGINAL_SCRIPT").and_then(clean);
    let original = original.map(|name| ListedName::new(name, NameKind::Primary, NameQuality::Good));
    entity.names.extend(original);
    for group in &record.groups {
        add_group(&mut entity, group);
    }
    Ok(entity)
}

/// The name parts joined with single spaces; an individual's parts are kept too. An entity's
/// name may pack two names (`... (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)`): both are primary.
fn primary_names(path: &Path, record: &RawRecord) -> Result<Vec<ListedName>, ListError> {
    let parts: Vec<String> = NAME_PARTS
        .iter()
        .filter_map(|part| record.field(part).and_then(clean))
        .collect();
    if parts.is_empty() {
        return Err(missing(path, record, "FIRST_NAME"));
    }
    let full = parts.join(" ");
    let primary = |name| ListedName::new(name, NameKind::Primary, NameQuality::Good);
    if record.tag != "INDIVIDUAL" {
        return Ok(split_alias(&full).into_iter().map(primary).collect());
    }
    Ok(vec![ListedName {
        parts,
        ..primary(full)
    }])
}

fn add_group(entity: &mut ListedEntity, group: &RawGroup) {
    match group.tag.as_str() {
        "INDIVIDUAL_ALIAS" | "ENTITY_ALIAS" => add_alias(entity, group),
        "INDIVIDUAL_DATE_OF_BIRTH" => entity.birth_dates.extend(birth_date(group)),
        "INDIVIDUAL_PLACE_OF_BIRTH" => {
            let parts = ["STREET", "CITY", "STATE_PROVINCE", "COUNTRY"];
            let place = joined(group, &parts).or_else(|| group.field("NOTE").and_then(clean));
            entity.birth_places.extend(place);
        }
        "NATIONALITY" => {
            let values = group.fields.iter().filter(|(k, _)| k == "VALUE");
            entity
                .nationalities
                .extend(values.filter_map(|(_, v)| clean(v)));
        }
        "INDIVIDUAL_DOCUMENT" => entity.documents.extend(document(group)),
        "INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS" => entity.addresses.extend(address(group)),
        // LIST_TYPE, LAST_DAY_UPDATED, DESIGNATION, TITLE: not used for screening.
        _ => {}
    }
}

/// UN aliases: individuals' are graded Good/Low, entities' are marked a.k.a./f.k.a. The alias
/// may carry its own date and place of birth (the identity that alias was used with).
fn add_alias(entity: &mut ListedEntity, group: &RawGroup) {
    let Some(full) = group.field("ALIAS_NAME").and_then(clean) else {
        return; // The UN writes an empty alias element for parties without aliases.
    };
    let quality = group.field("QUALITY").and_then(clean).unwrap_or_default();
    let (kind, quality) = match quality.to_ascii_lowercase().as_str() {
        "good" => (NameKind::Alias, NameQuality::Good),
        "low" => (NameKind::Alias, NameQuality::Low),
        "f.k.a." => (NameKind::FormerName, NameQuality::Unknown),
        "n.k.a." => (NameKind::NewName, NameQuality::Unknown),
        _ => (NameKind::Alias, NameQuality::Unknown),
    };
    for name in split_alias(&full) {
        if !entity.names.iter().any(|n| n.full == name) {
            entity.names.push(ListedName::new(name, kind, quality));
        }
    }
    if let Some(date) = group.field("DATE_OF_BIRTH").and_then(clean) {
        entity.birth_dates.push(date_or_text(&date));
    }
    let place = joined(group, &["CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"]);
    entity.birth_places.extend(place);
}

/// A UN date of birth: EXACT / APPROXIMATELY with DATE or YEAR, BETWEEN with FROM_YEAR and
/// TO_YEAR, and a NOTE that sometimes is the only date there is ("Nov. 1973").
fn birth_date(group: &RawGroup) -> Option<BirthDate> {
    let year = |name| group.field(name).and_then(PartialDate::parse_iso);
    let circa = group.field("TYPE_OF_DATE").and_then(clean).as_deref() == Some("APPROXIMATELY");
    let mut birth = BirthDate {
        date: year("DATE")
            .or_else(|| year("YEAR"))
            .or_else(|| year("FROM_YEAR")),
        to: year("TO_YEAR"),
        circa,
        text: group.field("NOTE").and_then(clean),
    };
    if birth.date.is_none() {
        // Keep a value that did not parse rather than lose it.
        let raw = ["DATE", "YEAR", "FROM_YEAR"]
            .iter()
            .find_map(|k| group.field(k));
        birth.text = birth.text.or_else(|| raw.and_then(clean));
    }
    (birth.date.is_some() || birth.text.is_some()).then_some(birth)
}

fn date_or_text(text: &str) -> BirthDate {
    match PartialDate::parse_iso(text) {
        Some(date) => BirthDate {
            date: Some(date),
            ..BirthDate::default()
        },
        None => BirthDate {
            text: Some(text.to_owned()),
            ..BirthDate::default()
        },
    }
}

fn document(group: &RawGroup) -> Option<Document> {
    let number = group.field("NUMBER").and_then(clean);
    let kind = ["TYPE_OF_DOCUMENT", "TYPE_OF_DOCUMENT2"]
        .iter()
        .find_map(|k| group.field(k).and_then(clean));
    let note = joined(group, &["NOTE", "DATE_OF_ISSUE", "CITY_OF_ISSUE"]);
    if number.is_none() && kind.is_none() && note.is_none() {
        return None;
    }
    Some(Document {
        kind: kind.unwrap_or_else(|| "Document".to_owned()),
        number,
        country: ["ISSUING_COUNTRY", "COUNTRY_OF_ISSUE"]
            .iter()
            .find_map(|k| group.field(k).and_then(clean)),
        note,
    })
}

fn address(group: &RawGroup) -> Option<Address> {
    let full = joined(group, &["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE"]);
    let country = group.field("COUNTRY").and_then(clean);
    (full.is_some() || country.is_some()).then_some(Address { full, country })
}

/// The non-empty fields named, in that order, joined with `, `.
fn joined(group: &RawGroup, names: &[&str]) -> Option<String> {
    let parts: Vec<String> = names
        .iter()
        .filter_map(|k| group.field(k).and_then(clean))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn missing(path: &Path, record: &RawRecord, field: &str) -> ListError {
    let at = Location {
        record: Some(record.index),
        key: record.key(SHAPE.keys),
        line: super::xml::line_at(path, record.offset),
        byte: Some(record.offset),
    };
    let detail = format!("<{}> has no {field}", record.tag);
    ListError::invalid(path, at, Problem::MissingField, detail)
}
