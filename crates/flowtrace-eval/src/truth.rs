//! The ground truth of a world: which transaction rows are illicit, and for each the pattern
//! instance it belongs to, its typology and its role.
//!
//! `truth.csv` has the header `row,pattern_id,typology,role` and one line per illicit transfer:
//! `row` is the 1-based data row of the transactions file, `pattern_id` the instance (>= 1),
//! `typology` its AMLworld-style name (`FAN-OUT`, `CYCLE`, ...; any non-empty name is kept, so
//! new typologies need no change here) and `role` either `pattern` (the transfer is listed in
//! the patterns file) or `propagated` (an illicit follow-on transfer, labelled the way AMLworld
//! propagates labels, not in the patterns file).
//!
//! For real AMLworld data, which has no truth file, [`Truth::from_labels`] takes the
//! `Is Laundering` column instead; such a truth knows no instances or typologies.

use std::path::Path;

use serde::Serialize;

use crate::csv_input::{parse_row, CsvInput};
use crate::error::{EvalError, Problem};

/// Whether an illicit transfer is part of a laundering pattern or a follow-on of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Listed in the patterns file.
    Pattern,
    /// Labelled illicit by propagation, not in the patterns file.
    Propagated,
}

impl Role {
    /// The name used in `truth.csv` and reports.
    pub fn name(self) -> &'static str {
        match self {
            Role::Pattern => "pattern",
            Role::Propagated => "propagated",
        }
    }
}

/// One illicit transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TruthRow {
    /// 0-based data row in the transactions file.
    pub row: u32,
    /// The instance (>= 1; 0 when the truth came from labels and knows no instances).
    pub pattern_id: u32,
    /// Index into [`Truth::typologies`].
    pub typology: u32,
    /// Pattern or follow-on.
    pub role: Role,
}

/// Where a truth came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TruthSource {
    /// A `truth.csv` file (or rows pushed one by one), with instances and typologies.
    Patterns,
    /// The transactions' own labels (`Is Laundering`): illicit or not, nothing more.
    Labels,
}

/// The illicit rows of a world of `rows` transactions.
#[derive(Clone, Debug)]
pub struct Truth {
    /// `slots[row]` is 1 + the index into `entries` of the row's entry, 0 when licit: one lookup
    /// per row for evaluation and for finding duplicates while reading.
    slots: Vec<u32>,
    entries: Vec<TruthRow>,
    typologies: Vec<String>,
    source: TruthSource,
}

impl Truth {
    /// A truth with no illicit row, to [`push`](Truth::push) into.
    pub fn new(rows: usize) -> Truth {
        Truth {
            slots: vec![0; rows],
            entries: Vec::new(),
            typologies: Vec::new(),
            source: TruthSource::Patterns,
        }
    }

    /// A truth that knows only which rows are illicit (AMLworld's `Is Laundering`), row by row.
    pub fn from_labels(labels: impl IntoIterator<Item = bool>) -> Truth {
        let labels: Vec<bool> = labels.into_iter().collect();
        let mut truth = Truth::new(labels.len());
        truth.source = TruthSource::Labels;
        truth.typologies.push("(labels)".to_string());
        for (row, _) in labels.iter().enumerate().filter(|(_, &l)| l) {
            truth.insert(row, 0, 0, Role::Pattern);
        }
        truth
    }

    /// Marks 0-based `row` illicit. Fails (naming the row 1-based) on a row out of range, one
    /// already illicit, a `pattern_id` of 0 or an empty typology.
    pub fn push(
        &mut self,
        row: usize,
        pattern_id: u32,
        typology: &str,
        role: Role,
    ) -> Result<(), Problem> {
        let rows = self.rows();
        if row >= rows {
            return Err(Problem::RowOutOfRange {
                row: row as u64 + 1,
                rows,
            });
        }
        if self.is_illicit(row) {
            return Err(Problem::AlreadyIllicit {
                row: row as u64 + 1,
            });
        }
        if pattern_id == 0 {
            return Err(Problem::BadPatternId {
                value: "0".to_string(),
            });
        }
        let typology = self.typology_id(typology)?;
        self.insert(row, pattern_id, typology, role);
        Ok(())
    }

    /// Data rows of the transactions file the truth is about.
    pub fn rows(&self) -> usize {
        self.slots.len()
    }

    /// Where this truth came from.
    pub fn source(&self) -> TruthSource {
        self.source
    }

    /// The illicit rows, in the order they were read.
    pub fn entries(&self) -> &[TruthRow] {
        &self.entries
    }

    /// Typology names, indexed by [`TruthRow::typology`], in order of first appearance.
    pub fn typologies(&self) -> &[String] {
        &self.typologies
    }

    /// The entry of 0-based `row`, if it is illicit.
    pub fn get(&self, row: usize) -> Option<&TruthRow> {
        let slot = *self.slots.get(row)?;
        slot.checked_sub(1).map(|i| &self.entries[i as usize])
    }

    /// Whether 0-based `row` is illicit.
    pub fn is_illicit(&self, row: usize) -> bool {
        self.slots.get(row).is_some_and(|&s| s != 0)
    }

    /// Reads `truth.csv` for a transactions file of `rows` data rows.
    pub fn read(path: &Path, rows: usize) -> Result<Truth, EvalError> {
        let input = CsvInput::open(path)?;
        let column = |name| input.find(name).ok_or_else(|| input.missing(name));
        let columns = [column("row")?, column("pattern_id")?, column("typology")?];
        let role_column = column("role")?;
        let mut truth = Truth::new(rows);
        let mut lines = Vec::new();
        input.for_each(|record, line| {
            let [row, pattern, typology] = columns.map(|c| record.get(c).unwrap_or(""));
            let role = record.get(role_column).unwrap_or("");
            truth
                .push_text(row, pattern, typology, role, &lines)
                .map_err(|problem| EvalError::line(path, line, problem))?;
            lines.push(line);
            Ok(())
        })?;
        Ok(truth)
    }

    /// One line of `truth.csv`; `lines[i]` is the line `entries[i]` came from.
    fn push_text(
        &mut self,
        row: &str,
        pattern_id: &str,
        typology: &str,
        role: &str,
        lines: &[u64],
    ) -> Result<(), Problem> {
        let row = parse_row(row, self.rows())?;
        if let Some(slot) = self.slots[row].checked_sub(1) {
            let first_line = lines.get(slot as usize).copied().unwrap_or(0);
            let row = row as u64 + 1;
            return Err(Problem::DuplicateRow { row, first_line });
        }
        let pattern_id = pattern_id.trim();
        let pattern_id = pattern_id
            .parse::<u32>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| Problem::BadPatternId {
                value: pattern_id.to_string(),
            })?;
        let role = match role.trim() {
            r if r.eq_ignore_ascii_case("pattern") => Role::Pattern,
            r if r.eq_ignore_ascii_case("propagated") => Role::Propagated,
            other => {
                let value = other.to_string();
                return Err(Problem::BadRole { value });
            }
        };
        let typology = self.typology_id(typology)?;
        self.insert(row, pattern_id, typology, role);
        Ok(())
    }

    fn typology_id(&mut self, name: &str) -> Result<u32, Problem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Problem::EmptyTypology);
        }
        if let Some(i) = self.typologies.iter().position(|t| t == name) {
            return Ok(i as u32);
        }
        self.typologies.push(name.to_string());
        Ok(self.typologies.len() as u32 - 1)
    }

    /// Adds an entry for a licit, in-range row.
    fn insert(&mut self, row: usize, pattern_id: u32, typology: u32, role: Role) {
        self.entries.push(TruthRow {
            row: row as u32,
            pattern_id,
            typology,
            role,
        });
        self.slots[row] = self.entries.len() as u32;
    }
}
