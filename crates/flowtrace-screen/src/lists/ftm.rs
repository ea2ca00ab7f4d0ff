//! FollowTheMoney entities as JSON lines, as OpenSanctions exports them: one object a line with
//! `id`, `schema` and `properties` (every property a list of strings, or of nested entities in
//! the nested exports). Parties (Person, Organization, Company, LegalEntity, Vessel, Airplane)
//! become entities; Sanction, Identification, Passport and Address entities are attached to the
//! party they point at; everything else (ownership, family, positions) is skipped.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::ftm_entity::{attach, party, party_schema, Line};
use super::limit::{is_run_too_long, RunLimit};
use crate::error::{ListError, Location, Problem};
use crate::model::{Address, Schema, Watchlist};

/// Reads FollowTheMoney JSON lines.
pub fn read_ftm(path: &Path) -> Result<Watchlist, ListError> {
    let file = File::open(path).map_err(|e| ListError::io(path, e))?;
    let mut input = BufReader::new(RunLimit::new(file, b"\n"));
    let fallback = path
        .file_stem()
        .map_or("FtM".into(), |s| s.to_string_lossy().into_owned());
    let mut collect = Collect::new(fallback);
    let (mut line, mut offset, mut buf) = (0u64, 0u64, Vec::new());
    loop {
        buf.clear();
        let read = input.read_until(b'\n', &mut buf).map_err(|e| {
            if is_run_too_long(&e) {
                let at = Location::line(line + 1);
                ListError::invalid(path, at, Problem::FieldTooLong, "the line is too long")
            } else {
                ListError::io(path, e)
            }
        })?;
        if read == 0 {
            break;
        }
        line += 1;
        parse_line(path, line, offset, &buf, &mut collect)?;
        offset += read as u64;
    }
    if collect.lines == 0 {
        return Err(ListError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(collect.finish())
}

fn parse_line(
    path: &Path,
    line: u64,
    offset: u64,
    bytes: &[u8],
    collect: &mut Collect,
) -> Result<(), ListError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let at = |byte: Option<u64>| Location {
        record: Some(collect.lines + 1),
        line: Some(line),
        byte,
        key: None,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let byte = Some(offset + e.valid_up_to() as u64);
        ListError::invalid(path, at(byte), Problem::NotUtf8, e.to_string())
    })?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\x1A')
        .is_empty()
    {
        return Ok(());
    }
    let entity: Line = serde_json::from_str(text).map_err(|e| {
        // serde_json counts lines within this one line; the column is what helps.
        let message = e.to_string();
        let reason = message.split(" at line ").next().unwrap_or_default();
        let detail = format!("{reason} at column {}", e.column());
        ListError::invalid(path, at(Some(offset)), Problem::BadJson, detail)
    })?;
    collect.lines += 1;
    collect.add(entity, None);
    Ok(())
}

/// Parties read so far, and the side entities to attach to them at the end (a Sanction may come
/// before or after the Person it names).
struct Collect {
    fallback_list: String,
    lines: u64,
    list: Watchlist,
    by_id: HashMap<String, usize>,
    /// (party ids, the side entity).
    pending: Vec<(Vec<String>, Line)>,
    addresses: HashMap<String, Address>,
    /// (party index, address entity ids).
    address_refs: Vec<(usize, Vec<String>)>,
}

impl Collect {
    fn new(fallback_list: String) -> Self {
        Collect {
            fallback_list,
            lines: 0,
            list: Watchlist::default(),
            by_id: HashMap::new(),
            pending: Vec::new(),
            addresses: HashMap::new(),
            address_refs: Vec::new(),
        }
    }

    /// Takes one entity; `parent` is the party a nested entity sits under.
    fn add(&mut self, line: Line, parent: Option<&str>) {
        let links = |prop: &str| -> Vec<String> {
            let mut ids: Vec<String> = line.strings(prop).map(str::to_owned).collect();
            ids.extend(
                parent
                    .filter(|p| !ids.iter().any(|id| id == p))
                    .map(str::to_owned),
            );
            ids
        };
        let party = party_schema(&line.schema);
        match line.schema.as_str() {
            "Sanction" => self.pending.push((links("entity"), line)),
            "Identification" | "Passport" => self.pending.push((links("holder"), line)),
            "Address" => {
                if let Some(parent) = parent.and_then(|p| self.by_id.get(p)) {
                    self.address_refs.push((*parent, vec![line.id.clone()]));
                }
                let full = line.first("full");
                let country = line.first("country");
                self.addresses.insert(line.id, Address { full, country });
            }
            _ => self.add_party(line, party),
        }
    }

    fn add_party(&mut self, line: Line, schema: Option<Schema>) {
        let Some(schema) = schema else {
            return;
        };
        let index = self.list.entities.len();
        self.list
            .entities
            .push(party(&line, schema, &self.fallback_list));
        self.by_id.insert(line.id.clone(), index);
        let refs: Vec<String> = line.strings("addressEntity").map(str::to_owned).collect();
        if !refs.is_empty() {
            self.address_refs.push((index, refs));
        }
        for nested in line.nested() {
            self.add(nested, Some(&line.id));
        }
    }

    /// Attaches sanctions, documents and addresses to their parties; unknown ids are ignored
    /// (a partial export may hold the Sanction without its party).
    fn finish(mut self) -> Watchlist {
        for (ids, side) in std::mem::take(&mut self.pending) {
            for id in ids {
                if let Some(&i) = self.by_id.get(&id) {
                    attach(&mut self.list.entities[i], &side);
                }
            }
        }
        for (i, refs) in std::mem::take(&mut self.address_refs) {
            let found = refs.iter().filter_map(|r| self.addresses.get(r)).cloned();
            self.list.entities[i].addresses.extend(found);
        }
        self.list
    }
}
