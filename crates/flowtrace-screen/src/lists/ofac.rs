//! OFAC's Specially Designated Nationals list in its legacy CSV form: `sdn.csv` (one row per
//! party), `alt.csv` (aliases) and `add.csv` (addresses), joined on the entity number. The
//! files have no header, write `-0-` for an empty field, and were made for Windows: they may end
//! in a DOS end-of-file byte (control-Z) and carry Windows-1252 bytes rather than UTF-8.

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

use super::limit::{is_run_too_long, RunLimit};
use super::remarks::apply_remarks;
use super::{clean, MAX_FIELD_BYTES};
use crate::error::{ListError, Location, Problem};
use crate::model::{
    Address, Document, ListedEntity, ListedName, NameKind, NameQuality, Schema, Watchlist,
    OFAC_SDN_LIST,
};

/// Reads `sdn.csv`, with its aliases from `alt.csv` and addresses from `add.csv` when given.
pub fn read_ofac(
    sdn: &Path,
    alt: Option<&Path>,
    add: Option<&Path>,
) -> Result<Watchlist, ListError> {
    let mut list = Watchlist::default();
    let mut by_number = HashMap::new();
    for_each_row(sdn, 12, |row| {
        let number = row.entity_number()?;
        if by_number.insert(number, list.entities.len()).is_some() {
            let detail = format!("ent_num {number} is listed twice");
            return Err(row.error(Problem::BadValue, detail));
        }
        list.entities.push(sdn_entity(&row, number)?);
        Ok(())
    })?;
    if list.is_empty() {
        return Err(ListError::Empty {
            path: sdn.to_owned(),
        });
    }
    if let Some(alt) = alt {
        for_each_row(alt, 5, |row| {
            add_alias(target(&mut list, &by_number, &row)?, &row)
        })?;
    }
    if let Some(add) = add {
        for_each_row(add, 6, |row| {
            add_address(target(&mut list, &by_number, &row)?, &row);
            Ok(())
        })?;
    }
    Ok(list)
}

/// The SDN entity an alt or add row belongs to.
fn target<'a>(
    list: &'a mut Watchlist,
    by_number: &HashMap<u64, usize>,
    row: &Row<'_>,
) -> Result<&'a mut ListedEntity, ListError> {
    let number = row.entity_number()?;
    match by_number.get(&number) {
        Some(&i) => Ok(&mut list.entities[i]),
        None => Err(row.error(
            Problem::UnknownEntity,
            format!("no SDN with ent_num {number}"),
        )),
    }
}

/// `ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
/// Vess_owner, Remarks`.
fn sdn_entity(row: &Row<'_>, number: u64) -> Result<ListedEntity, ListError> {
    let Some(name) = row.get(1) else {
        return Err(row.error(Problem::MissingField, "SDN_Name is empty"));
    };
    let schema = match row.get(2).map(str::to_ascii_lowercase).as_deref() {
        Some("individual") => Schema::Person,
        Some("vessel") => Schema::Vessel,
        Some("aircraft") => Schema::Aircraft,
        // OFAC leaves the type empty for companies, groups and other entities.
        None => Schema::Organization,
        Some(_) => Schema::Unknown,
    };
    let id = format!("ofac:{number}");
    let mut entity = ListedEntity::new(id, OFAC_SDN_LIST.to_owned(), number.to_string(), schema);
    entity.names.push(ListedName::new(
        name.to_owned(),
        NameKind::Primary,
        NameQuality::Good,
    ));
    entity.programmes = row.get(3).map(programmes).unwrap_or_default();
    entity
        .documents
        .extend(row.get(5).map(|call_sign| Document {
            kind: "Call Sign".to_owned(),
            number: Some(call_sign.to_owned()),
            country: None,
            note: None,
        }));
    // A vessel's flag is its nationality.
    entity.nationalities.extend(row.get(9).map(str::to_owned));
    if let Some(remarks) = row.get(11) {
        apply_remarks(&mut entity, remarks);
        entity.remarks = Some(remarks.to_owned());
    }
    Ok(entity)
}

/// OFAC writes several programs as `SDGT] [IRAN`: the brackets of a list whose outer pair the
/// CSV export dropped.
fn programmes(field: &str) -> Vec<String> {
    field
        .split("] [")
        .filter_map(|p| clean(p.trim_matches(['[', ']'])))
        .collect()
}

/// `ent_num, alt_num, alt_type (aka, fka, nka), alt_name, alt_remarks`.
fn add_alias(entity: &mut ListedEntity, row: &Row<'_>) -> Result<(), ListError> {
    let Some(name) = row.get(3) else {
        return Err(row.error(Problem::MissingField, "alt_name is empty"));
    };
    let kind = match row.get(2).map(str::to_ascii_lowercase).as_deref() {
        Some("fka") => NameKind::FormerName,
        Some("nka") => NameKind::NewName,
        _ => NameKind::Alias,
    };
    // alt.csv holds OFAC's strong aliases; the weak ones are quoted in the remarks.
    let quality = NameQuality::Good;
    entity
        .names
        .push(ListedName::new(name.to_owned(), kind, quality));
    Ok(())
}

/// `ent_num, add_num, address, city/state/zip, country, add_remarks`.
fn add_address(entity: &mut ListedEntity, row: &Row<'_>) {
    let parts: Vec<&str> = [row.get(2), row.get(3)].into_iter().flatten().collect();
    let full = (!parts.is_empty()).then(|| parts.join(", "));
    let country = row.get(4).map(str::to_owned);
    // Many rows are all `-0-`: OFAC keeps a row per address slot even when nothing is known.
    if full.is_some() || country.is_some() {
        entity.addresses.push(Address { full, country });
    }
}

/// One CSV row, its fields cleaned, with where it came from for error messages.
struct Row<'a> {
    path: &'a Path,
    line: u64,
    fields: Vec<Option<String>>,
}

impl Row<'_> {
    fn get(&self, index: usize) -> Option<&str> {
        self.fields.get(index)?.as_deref()
    }

    fn entity_number(&self) -> Result<u64, ListError> {
        let text = self.get(0).unwrap_or_default();
        text.parse().map_err(|_| {
            self.error(
                Problem::BadValue,
                format!("ent_num {text:?} is not a number"),
            )
        })
    }

    fn error(&self, problem: Problem, detail: impl Into<String>) -> ListError {
        let mut at = Location::line(self.line);
        at.key = self.get(0).map(|n| format!("ent_num {n}"));
        ListError::invalid(self.path, at, problem, detail)
    }
}

/// Reads a headerless OFAC CSV file, calling `each` with every row of `width` fields.
fn for_each_row(
    path: &Path,
    width: usize,
    mut each: impl FnMut(Row<'_>) -> Result<(), ListError>,
) -> Result<(), ListError> {
    let file = File::open(path).map_err(|e| ListError::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(RunLimit::new(file, b"\n"));
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(error) => return Err(csv_error(path, line, error)),
        }
        let line = record.position().map_or(line, |p| p.line());
        if is_end_of_file_mark(&record) {
            continue;
        }
        let row = Row {
            path,
            line,
            fields: record.iter().map(field).collect(),
        };
        check_row(&row, &record, width)?;
        each(row)?;
    }
}

/// The DOS end-of-file byte (control-Z) that ends the legacy files, on a line of its own.
fn is_end_of_file_mark(record: &csv::ByteRecord) -> bool {
    record.len() == 1
        && record[0]
            .iter()
            .all(|b| *b == 0x1A || b.is_ascii_whitespace())
}

fn check_row(row: &Row<'_>, record: &csv::ByteRecord, width: usize) -> Result<(), ListError> {
    if record.len() != width {
        let detail = format!("expected {width} fields, found {}", record.len());
        return Err(row.error(Problem::WrongColumnCount, detail));
    }
    if let Some(long) = record.iter().position(|f| f.len() > MAX_FIELD_BYTES) {
        let detail = format!("field {} is longer than {MAX_FIELD_BYTES} bytes", long + 1);
        return Err(row.error(Problem::FieldTooLong, detail));
    }
    Ok(())
}

/// A field as text: `-0-` (and the `-0` a truncated copy leaves) and blanks are empty; the
/// control-Z that may end the last field goes; bytes that are not UTF-8 are Windows-1252.
fn field(bytes: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    let text = clean(text.trim_end_matches('\x1A'))?;
    (text != "-0-" && text != "-0").then_some(text)
}

/// The Windows-1252 character of a byte: Latin-1, except for 0x80..=0x9F where Windows put
/// typographic quotes, dashes and a few letters.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn csv_error(path: &Path, line: u64, error: csv::Error) -> ListError {
    let at = Location::line(error.position().map_or(line, |p| p.line()));
    match error.into_kind() {
        csv::ErrorKind::Io(io) if is_run_too_long(&io) => {
            let detail = format!("a line longer than {MAX_FIELD_BYTES} bytes");
            ListError::invalid(path, at, Problem::FieldTooLong, detail)
        }
        csv::ErrorKind::Io(io) => ListError::io(path, io),
        other => ListError::invalid(path, at, Problem::BadValue, format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_empty_markers_and_windows_bytes() {
        assert_eq!(field(b"-0- "), None);
        assert_eq!(field(b"-0"), None);
        assert_eq!(
            field(b"  PE\xD1A  NIETO \x93X\x94"),
            Some("PEÑA NIETO “X”".into())
        );
        assert_eq!(field("Peña".as_bytes()), Some("Peña".into()));
        assert_eq!(field(b"Russia\x1A"), Some("Russia".into()));
    }

    #[test]
    fn programmes_split_on_brackets() {
        assert_eq!(programmes("SDGT] [SDT] [SYRIA"), ["SDGT", "SDT", "SYRIA"]);
        assert_eq!(programmes("IRAQ2"), ["IRAQ2"]);
    }
}
