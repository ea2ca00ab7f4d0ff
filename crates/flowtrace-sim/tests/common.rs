//! Reading a generated world back for the tests: its rows, pattern blocks and accounts.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

use flowtrace_sim::{simulate, ListedParty, OutputFormat, WorldConfig, WorldSummary};

/// One transactions row, as text fields.
#[derive(Clone, Debug)]
pub struct Row {
    pub time: String,
    pub from: String,
    pub to: String,
    pub paid: f64,
    pub currency: String,
    pub format: String,
    pub label: bool,
}

impl Row {
    pub fn parse(line: &str) -> Row {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 11, "row {line}");
        Row {
            time: f[0].to_string(),
            from: format!("{}/{}", f[1], f[2]),
            to: format!("{}/{}", f[3], f[4]),
            paid: f[7].parse().unwrap(),
            currency: f[8].to_string(),
            format: f[9].to_string(),
            label: f[10] == "1",
        }
    }
}

/// A block of the patterns file.
#[derive(Debug)]
pub struct Block {
    pub typology: String,
    pub detail: String,
    pub rows: Vec<Row>,
}

pub fn blocks(dir: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(dir.join("patterns.txt")).unwrap();
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if let Some(head) = line.strip_prefix("BEGIN LAUNDERING ATTEMPT - ") {
            let (typology, detail) = head.split_once(":  ").unwrap_or((head, ""));
            out.push(Block {
                typology: typology.to_string(),
                detail: detail.to_string(),
                rows: Vec::new(),
            });
            open = true;
        } else if let Some(tail) = line.strip_prefix("END LAUNDERING ATTEMPT - ") {
            assert_eq!(tail, out.last().unwrap().typology);
            open = false;
        } else if !line.is_empty() {
            assert!(open, "row outside a block: {line}");
            out.last_mut().unwrap().rows.push(Row::parse(line));
        }
    }
    assert!(!open, "unterminated block");
    out
}

pub fn rows(dir: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(dir.join("transactions.csv")).unwrap();
    text.lines().skip(1).map(Row::parse).collect()
}

/// `bank/account` -> (entity_type, country, role).
pub fn accounts(dir: &Path) -> HashMap<String, (String, String, String)> {
    let mut reader = csv_lines(&dir.join("accounts.csv"));
    reader.remove(0);
    reader
        .into_iter()
        .map(|f| {
            (
                format!("{}/{}", f[0], f[1]),
                (f[5].clone(), f[6].clone(), f[7].clone()),
            )
        })
        .collect()
}

/// Splits a CSV file whose fields may be quoted (names hold commas).
pub fn csv_lines(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().map(csv_lines_of).collect()
}

/// Splits one CSV line whose fields may be quoted.
pub fn csv_lines_of(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

pub fn small_world(dir: &Path, transfers: u64, seed: u64) -> WorldSummary {
    let mut config = WorldConfig::preset("small").unwrap();
    config.transfers = transfers;
    config.seed = seed;
    let parties = vec![
        ListedParty {
            reference: "QDi.001".into(),
            name: "Sayf al-Adl".into(),
            organisation: false,
        },
        ListedParty {
            reference: "QDe.115".into(),
            name: "Al-Noor Relief Foundation".into(),
            organisation: true,
        },
    ];
    simulate(&config, &parties, dir, OutputFormat::Csv, None).unwrap()
}
