//! One row of a queries or accounts file read into a [`Query`]: which header columns hold what,
//! and each field checked, or the fault that rejects the row.

use std::path::Path;

use super::QueryError;
use crate::date::PartialDate;
use crate::matcher::Query;
use crate::model::Schema;

/// Columns found in the header.
pub(super) struct Columns {
    /// The id column, or the bank and account columns of an accounts file.
    id: (usize, Option<usize>),
    name: usize,
    /// An accounts file's holder type is kept only when it names a schema.
    lenient_schema: bool,
    schema: Option<usize>,
    birth_date: Option<usize>,
    nationality: Option<usize>,
    width: usize,
}

pub(super) fn columns(path: &Path, header: &csv::ByteRecord) -> Result<Columns, QueryError> {
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_ascii().eq_ignore_ascii_case(name.as_bytes()))
    };
    let missing = |name: &str| QueryError::Bad {
        path: path.to_owned(),
        line: 1,
        reason: format!(
            "the header has no `{name}` column (expected id,name[,schema,birth_date,nationality])"
        ),
    };
    Ok(Columns {
        id: (find("id").ok_or_else(|| missing("id"))?, None),
        name: find("name").ok_or_else(|| missing("name"))?,
        lenient_schema: false,
        schema: find("schema"),
        birth_date: find("birth_date"),
        nationality: find("nationality"),
        width: header.len(),
    })
}

pub(super) fn account_columns(
    path: &Path,
    header: &csv::ByteRecord,
) -> Result<Columns, QueryError> {
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_ascii() == name.as_bytes())
    };
    let missing = |name: &str| QueryError::Bad {
        path: path.to_owned(),
        line: 1,
        reason: format!(
            "an accounts file needs a `{name}` column (bank,account,...,entity_name,...)"
        ),
    };
    Ok(Columns {
        id: (
            find("bank").ok_or_else(|| missing("bank"))?,
            Some(find("account").ok_or_else(|| missing("account"))?),
        ),
        name: find("entity_name").ok_or_else(|| missing("entity_name"))?,
        lenient_schema: true,
        schema: find("entity_type"),
        birth_date: None,
        nationality: find("country"),
        width: header.len(),
    })
}

/// Why a row is not a query: the column at fault (its index in the header), if one is, the
/// kind of fault and the specifics.
pub(super) struct Fault {
    pub(super) column: Option<usize>,
    pub(super) kind: &'static str,
    pub(super) reason: String,
}

impl Fault {
    fn new(column: Option<usize>, kind: &'static str, reason: String) -> Fault {
        Fault {
            column,
            kind,
            reason,
        }
    }
}

/// One row as a query, or why not.
pub(super) fn query(record: &csv::ByteRecord, c: &Columns) -> Result<Query, Fault> {
    if record.len() != c.width {
        let reason = format!("expected {} fields, found {}", c.width, record.len());
        return Err(Fault::new(None, "wrong field count", reason));
    }
    let field = |i: usize, what: &str| -> Result<String, Fault> {
        let text = std::str::from_utf8(&record[i])
            .map_err(|_| Fault::new(Some(i), "invalid UTF-8", format!("{what} is not UTF-8")))?;
        Ok(text.trim().to_owned())
    };
    let optional = |i: Option<usize>, what: &str| -> Result<Option<String>, Fault> {
        Ok(i.map(|i| field(i, what))
            .transpose()?
            .filter(|s| !s.is_empty()))
    };
    let name = field(c.name, "name")?;
    if name.chars().all(|ch| !ch.is_alphanumeric()) {
        return Err(Fault::new(
            Some(c.name),
            "empty name",
            "name is empty".to_owned(),
        ));
    }
    let schema = match optional(c.schema, "schema")? {
        Some(s) if c.lenient_schema => schema(&s).ok(),
        Some(s) => Some(schema(&s).map_err(|reason| Fault::new(c.schema, "bad schema", reason))?),
        None => None,
    };
    let id = match c.id {
        (id, None) => field(id, "id")?,
        (bank, Some(account)) => format!("{}:{}", field(bank, "bank")?, field(account, "account")?),
    };
    let birth_date = optional(c.birth_date, "birth_date")?
        .map(|d| {
            PartialDate::parse_iso(&d).ok_or_else(|| {
                let reason =
                    format!("birth_date {d:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
                Fault::new(c.birth_date, "bad date", reason)
            })
        })
        .transpose()?;
    Ok(Query {
        id,
        name,
        schema,
        birth_date,
        nationality: optional(c.nationality, "nationality")?,
    })
}

fn schema(text: &str) -> Result<Schema, String> {
    match text.to_ascii_lowercase().as_str() {
        "person" | "individual" => Ok(Schema::Person),
        "corporation" | "business" => Ok(Schema::Organization),
        "organization" | "organisation" | "company" | "entity" | "legalentity" => {
            Ok(Schema::Organization)
        }
        "vessel" => Ok(Schema::Vessel),
        "aircraft" | "airplane" => Ok(Schema::Aircraft),
        _ => Err(format!(
            "schema {text:?} is not Person, Organization, Vessel or Aircraft"
        )),
    }
}
