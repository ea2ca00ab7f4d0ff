//! Builds the independent category of the labelled set: spelling variants of UN and OFAC names
//! made by `flowtrace-names` (written by another engineer than the matcher, with its own tables
//! of transliterations, particles and reorderings), so that the matcher is not only measured on
//! its own author's idea of variation. Writes `independent_pairs.csv` (the columns of
//! `pairs.csv`; categories `names_light`, `names_medium`, `names_heavy`, one per
//! [`Variation`]) and `independent_entities.jsonl` (the OFAC entities those pairs point at, as
//! FtM JSON lines; UN pairs point at `entities.jsonl`). Deterministic for a seed; not a test.
//!
//! ```text
//! cargo run --release -p flowtrace-screen --example screen_names_set -- \
//!     --un data/watchlists/un_consolidated.xml --ofac ../shared/data/watchlists/ofac_sdn.csv \
//!     --out tests/data/screen
//! ```

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use flowtrace_names::{variant, Variation};
use flowtrace_screen::matcher::country_code;
use flowtrace_screen::{read_watchlist, ListedEntity, NameKind, NameQuality, NameScript, Schema};
use serde_json::{json, Map, Value};

/// Pairs per strength from each list.
const PER_LIST: usize = 50;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (mut un, mut ofac, mut out, mut seed) = (None, None, None, 6u64);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--un" => un = Some(PathBuf::from(value)),
            "--ofac" => ofac = Some(PathBuf::from(value)),
            "--out" => out = Some(PathBuf::from(value)),
            "--seed" => seed = value.parse()?,
            _ => return Err(format!("unknown flag {flag}").into()),
        }
    }
    let un = read_watchlist(&un.ok_or("--un is required")?)?;
    let ofac = read_watchlist(&ofac.ok_or("--ofac is required")?)?;
    let out = out.ok_or("--out is required")?;
    let (un, ofac) = (shuffled(&un.entities, seed), shuffled(&ofac.entities, seed));
    let mut csv = String::from("id,category,label,name,schema,birth_date,nationality,entity\n");
    let mut entities = String::new();
    let mut id = 0;
    for (round, strength) in Variation::ALL.into_iter().enumerate() {
        let category = format!("names_{}", format!("{strength:?}").to_lowercase());
        for (list, prefix) in [(&un, "un"), (&ofac, "ofac")] {
            let slice = list.iter().skip(round * PER_LIST).take(PER_LIST);
            for entity in slice {
                let name = latin_primary(entity).ok_or("an entity without a Latin name")?;
                let key = mix(hash(entity.id.as_bytes()) ^ seed);
                let query = variant(name, key, strength);
                id += 1;
                let entity_id = format!("{prefix}-{}", entity.reference);
                let schema = format!("{:?}", entity.schema);
                writeln!(
                    csv,
                    "{id},{category},1,{},{schema},,,{entity_id}",
                    quote(&query)
                )?;
                if prefix == "ofac" {
                    entities.push_str(&ftm(entity, &entity_id).to_string());
                    entities.push('\n');
                }
            }
        }
    }
    fs::write(out.join("independent_pairs.csv"), csv)?;
    fs::write(out.join("independent_entities.jsonl"), entities)?;
    println!("{id} pairs -> {}", out.display());
    Ok(())
}

/// Persons and organisations with a Latin primary name, in an order fixed by the seed.
fn shuffled(entities: &[ListedEntity], seed: u64) -> Vec<&ListedEntity> {
    let mut kept: Vec<&ListedEntity> = entities
        .iter()
        .filter(|e| matches!(e.schema, Schema::Person | Schema::Organization))
        .filter(|e| latin_primary(e).is_some())
        .collect();
    kept.sort_by_key(|e| (mix(hash(e.id.as_bytes()) ^ seed), e.id.clone()));
    kept
}

fn latin_primary(entity: &ListedEntity) -> Option<&str> {
    let name = entity
        .names
        .iter()
        .find(|n| n.kind == NameKind::Primary && n.script == NameScript::Latin)?;
    Some(name.full.as_str())
}

/// The entity as an FtM JSON line, as `bench/screen_evalset.py` writes UN entities.
fn ftm(entity: &ListedEntity, id: &str) -> Value {
    let mut props = Map::new();
    let names = |kind: NameKind, quality: NameQuality| -> Vec<Value> {
        let chosen = entity.names.iter().filter(|n| n.kind == kind);
        let chosen =
            chosen.filter(|n| (n.quality == NameQuality::Low) == (quality == NameQuality::Low));
        chosen.map(|n| json!(n.full)).collect()
    };
    for (property, kind, quality) in [
        ("name", NameKind::Primary, NameQuality::Good),
        ("alias", NameKind::Alias, NameQuality::Good),
        ("weakAlias", NameKind::Alias, NameQuality::Low),
        ("previousName", NameKind::FormerName, NameQuality::Good),
    ] {
        let values = names(kind, quality);
        if !values.is_empty() {
            props.insert(property.to_owned(), Value::Array(values));
        }
    }
    let dates: Vec<Value> = entity
        .birth_dates
        .iter()
        .filter_map(|d| d.date)
        .map(|d| json!(d.to_string()))
        .collect();
    if !dates.is_empty() {
        props.insert("birthDate".to_owned(), Value::Array(dates));
    }
    let mut codes: Vec<String> = entity
        .nationalities
        .iter()
        .filter_map(|n| country_code(n))
        .map(|c| c.alpha2().to_lowercase())
        .collect();
    codes.sort();
    codes.dedup();
    if !codes.is_empty() {
        props.insert("nationality".to_owned(), json!(codes));
    }
    json!({"id": id, "schema": format!("{:?}", entity.schema), "properties": props,
           "datasets": ["us_ofac_sdn"]})
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// splitmix64's finaliser: neighbouring ids (OFAC's are numbers) land far apart.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a: a fixed hash, so the set is the same on every machine.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
