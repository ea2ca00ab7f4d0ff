//! Record batches to accounts and transfers: finds the columns by name, checks every record, and
//! sends the bad ones through the reject policy with their record number and column.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Schema};
use flowtrace_graph::time::format_iso8601;
use flowtrace_graph::{
    Accounts, Currency, PaymentFormat, Transfer, TransferBuilder, MAX_KEY_PART_LEN,
};

use super::schema::Col;
use super::views::{Amounts, Labels, Strings, Times};
use crate::error::{Column, Location, ReadError, RejectKind, RowError};
use crate::rejects::RejectHandler;
use crate::{Loaded, ReadOptions};

/// Where the documented columns sit in the file: 0-based position in the file's schema.
#[derive(Clone, Debug)]
pub(super) struct Layout {
    positions: [Option<usize>; Col::COUNT],
}

impl Layout {
    /// Finds every column by name and checks its type, so a wrong file fails before any row.
    pub(super) fn resolve(schema: &Schema, file: &Path) -> Result<Layout, ReadError> {
        let mut positions = [None; Col::COUNT];
        for (slot, col) in positions.iter_mut().zip(Col::ALL) {
            match schema.index_of(col.name()) {
                Ok(i) => {
                    check_type(col, schema.field(i).data_type(), file)?;
                    *slot = Some(i);
                }
                Err(_) if col.required() => return Err(missing(col, schema, file)),
                Err(_) => {}
            }
        }
        Ok(Layout { positions })
    }

    /// The 0-based positions of the columns present, ascending (a projection).
    pub(super) fn projection(&self) -> Vec<usize> {
        let mut p: Vec<usize> = self.positions.iter().flatten().copied().collect();
        p.sort_unstable();
        p
    }

    fn column(&self, col: Col) -> Column {
        Column {
            number: self.positions[col as usize].map_or(0, |p| p + 1),
            name: col.name().to_string(),
        }
    }
}

fn check_type(col: Col, data_type: &DataType, file: &Path) -> Result<(), ReadError> {
    let accepted = match col {
        Col::Timestamp => Times::accepts(data_type),
        Col::AmountPaid | Col::AmountReceived => Amounts::accepts(data_type),
        Col::IsLaundering => Labels::accepts(data_type),
        _ => Strings::accepts(data_type),
    };
    if accepted {
        Ok(())
    } else {
        Err(wrong_type(col, data_type, file))
    }
}

fn wrong_type(col: Col, data_type: &DataType, file: &Path) -> ReadError {
    let (name, expected) = (col.name(), col.accepted_types());
    ReadError::format(
        file,
        format!("column `{name}` has type {data_type}; expected {expected}"),
    )
}

fn missing(col: Col, schema: &Schema, file: &Path) -> ReadError {
    let found: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    ReadError::format(
        file,
        format!(
            "missing column `{}` (the file has: {})",
            col.name(),
            found.join(", ")
        ),
    )
}

/// The view of column `col` of `batch`. Batches are searched by name again, because a projected
/// batch has its own column order (and batches handed in by a caller may differ from the first).
fn typed<'a, T>(
    batch: &'a RecordBatch,
    col: Col,
    file: &Path,
    make: impl FnOnce(&'a dyn Array) -> Option<T>,
) -> Result<T, ReadError> {
    let lacks = || format!("a record batch lacks column `{}`", col.name());
    let array = batch
        .column_by_name(col.name())
        .ok_or_else(|| ReadError::format(file, lacks()))?;
    make(array.as_ref()).ok_or_else(|| wrong_type(col, array.data_type(), file))
}

/// The columns of one batch, typed.
struct Views<'a> {
    time: Times,
    from_bank: Strings<'a>,
    from_account: Strings<'a>,
    to_bank: Strings<'a>,
    to_account: Strings<'a>,
    amount_paid: Amounts,
    payment_currency: Strings<'a>,
    amount_received: Amounts,
    receiving_currency: Strings<'a>,
    payment_format: Strings<'a>,
    label: Option<Labels>,
}

impl<'a> Views<'a> {
    fn new(batch: &'a RecordBatch, layout: &Layout, file: &Path) -> Result<Views<'a>, ReadError> {
        let has_label = layout.positions[Col::IsLaundering as usize].is_some();
        Ok(Views {
            time: typed(batch, Col::Timestamp, file, Times::new)?,
            from_bank: typed(batch, Col::FromBank, file, Strings::new)?,
            from_account: typed(batch, Col::FromAccount, file, Strings::new)?,
            to_bank: typed(batch, Col::ToBank, file, Strings::new)?,
            to_account: typed(batch, Col::ToAccount, file, Strings::new)?,
            amount_paid: typed(batch, Col::AmountPaid, file, Amounts::new)?,
            payment_currency: typed(batch, Col::PaymentCurrency, file, Strings::new)?,
            amount_received: typed(batch, Col::AmountReceived, file, Amounts::new)?,
            receiving_currency: typed(batch, Col::ReceivingCurrency, file, Strings::new)?,
            payment_format: typed(batch, Col::PaymentFormat, file, Strings::new)?,
            label: match has_label {
                true => Some(typed(batch, Col::IsLaundering, file, Labels::new)?),
                false => None,
            },
        })
    }

    /// Record `i` rendered as comma-separated values in schema order (nulls empty), for rejects.
    fn render(&self, i: usize) -> String {
        let mut out = String::new();
        let time = self.time.get(i).map(format_iso8601).unwrap_or_default();
        let amount = |a: &Amounts| a.get(i).map(|v| v.to_string()).unwrap_or_default();
        let fields = [
            time,
            self.from_bank.get(i).unwrap_or_default().to_string(),
            self.from_account.get(i).unwrap_or_default().to_string(),
            self.to_bank.get(i).unwrap_or_default().to_string(),
            self.to_account.get(i).unwrap_or_default().to_string(),
            amount(&self.amount_paid),
            self.payment_currency.get(i).unwrap_or_default().to_string(),
            amount(&self.amount_received),
            self.receiving_currency
                .get(i)
                .unwrap_or_default()
                .to_string(),
            self.payment_format.get(i).unwrap_or_default().to_string(),
            self.label.as_ref().map(|l| l.text(i)).unwrap_or_default(),
        ];
        for (n, field) in fields.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            push_csv_field(&mut out, field);
        }
        out
    }
}

/// Quotes a field the way CSV does when it holds a comma, a quote or a line break.
fn push_csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
    } else {
        out.push_str(field);
    }
}

/// A checked record, before its accounts are interned.
struct Record<'a> {
    ts: i64,
    from: (&'a str, &'a str),
    to: (&'a str, &'a str),
    amount_paid: f64,
    currency_paid: Currency,
    amount_received: f64,
    currency_received: Currency,
    format: PaymentFormat,
    label: Option<bool>,
}

/// Why a record was refused, before it is placed in the file.
struct Fault {
    col: Col,
    kind: RejectKind,
    detail: String,
}

fn fault(col: Col, kind: RejectKind, detail: String) -> Fault {
    Fault { col, kind, detail }
}

fn null(col: Col) -> Fault {
    fault(
        col,
        RejectKind::EmptyField,
        format!("`{}` is null", col.name()),
    )
}

impl<'a> Views<'a> {
    fn record(&self, i: usize) -> Result<Record<'a>, Fault> {
        Ok(Record {
            ts: self.time.get(i).ok_or_else(|| null(Col::Timestamp))?,
            from: (
                key_part(&self.from_bank, i, Col::FromBank)?,
                key_part(&self.from_account, i, Col::FromAccount)?,
            ),
            to: (
                key_part(&self.to_bank, i, Col::ToBank)?,
                key_part(&self.to_account, i, Col::ToAccount)?,
            ),
            amount_paid: amount(&self.amount_paid, i, Col::AmountPaid)?,
            currency_paid: currency(&self.payment_currency, i, Col::PaymentCurrency)?,
            amount_received: amount(&self.amount_received, i, Col::AmountReceived)?,
            currency_received: currency(&self.receiving_currency, i, Col::ReceivingCurrency)?,
            format: payment_format(&self.payment_format, i)?,
            label: match &self.label {
                None => None,
                Some(labels) => labels.get(i).map_err(|v| {
                    let detail = format!("`{v}` is not 0 or 1");
                    fault(Col::IsLaundering, RejectKind::BadLabel, detail)
                })?,
            },
        })
    }
}

fn required<'a>(strings: &Strings<'a>, i: usize, col: Col) -> Result<&'a str, Fault> {
    match strings.get(i) {
        None => Err(null(col)),
        Some("") => Err(fault(
            col,
            RejectKind::EmptyField,
            format!("`{}` is empty", col.name()),
        )),
        Some(s) => Ok(s),
    }
}

fn key_part<'a>(strings: &Strings<'a>, i: usize, col: Col) -> Result<&'a str, Fault> {
    let s = required(strings, i, col)?;
    if s.len() > MAX_KEY_PART_LEN {
        let detail = format!(
            "{} bytes, longer than the {MAX_KEY_PART_LEN}-byte limit",
            s.len()
        );
        return Err(fault(col, RejectKind::FieldTooLong, detail));
    }
    Ok(s)
}

fn amount(amounts: &Amounts, i: usize, col: Col) -> Result<f64, Fault> {
    let v = amounts.get(i).ok_or_else(|| null(col))?;
    if !v.is_finite() {
        let detail = format!("`{v}` is not a finite number");
        return Err(fault(col, RejectKind::BadAmount, detail));
    }
    if v < 0.0 {
        let detail = format!("`{v}` is below zero");
        return Err(fault(col, RejectKind::NegativeAmount, detail));
    }
    Ok(v)
}

fn currency(strings: &Strings<'_>, i: usize, col: Col) -> Result<Currency, Fault> {
    let s = required(strings, i, col)?;
    Currency::parse(s).ok_or_else(|| {
        let detail = format!("`{s}` is not a currency flowtrace knows");
        fault(col, RejectKind::UnknownCurrency, detail)
    })
}

fn payment_format(strings: &Strings<'_>, i: usize) -> Result<PaymentFormat, Fault> {
    let col = Col::PaymentFormat;
    let s = required(strings, i, col)?;
    PaymentFormat::parse(s).ok_or_else(|| {
        let detail = format!("`{s}` is not a payment format flowtrace knows");
        fault(col, RejectKind::UnknownPaymentFormat, detail)
    })
}

/// Turns batches into a [`Loaded`], one batch at a time, keeping the books as it goes.
pub(super) struct Loader {
    file: PathBuf,
    layout: Option<Layout>,
    rejects: RejectHandler,
    accounts: Accounts,
    transfers: TransferBuilder,
    /// Records seen so far, accepted or not.
    records: u64,
}

impl Loader {
    /// A loader for `file`; `rows_hint` presizes the columns.
    pub(super) fn new(
        file: &Path,
        options: &ReadOptions,
        rows_hint: usize,
    ) -> Result<Loader, ReadError> {
        let mut transfers = TransferBuilder::with_capacity(rows_hint);
        transfers.keep_input_rows(options.keep_input_order);
        Ok(Loader {
            file: file.to_path_buf(),
            layout: None,
            rejects: RejectHandler::new(file, &options.on_error)?,
            accounts: Accounts::new(),
            transfers,
            records: 0,
        })
    }

    /// Fixes the layout from the file's schema (otherwise the first batch's schema is used).
    pub(super) fn set_schema(&mut self, schema: &Schema) -> Result<&Layout, ReadError> {
        Ok(self.layout.insert(Layout::resolve(schema, &self.file)?))
    }

    /// Records seen so far.
    pub(super) fn records(&self) -> u64 {
        self.records
    }

    /// Checks and adds every record of `batch`.
    pub(super) fn push(&mut self, batch: &RecordBatch) -> Result<(), ReadError> {
        if self.layout.is_none() {
            self.set_schema(&batch.schema())?;
        }
        let layout = self.layout.clone().expect("set above");
        let views = Views::new(batch, &layout, &self.file)?;
        for i in 0..batch.num_rows() {
            self.records += 1;
            match views.record(i) {
                Ok(record) => self.add(&record)?,
                Err(f) => {
                    let error = RowError {
                        file: self.file.clone(),
                        location: Location::Record(self.records),
                        column: Some(layout.column(f.col)),
                        kind: f.kind,
                        detail: f.detail,
                    };
                    self.rejects.reject(error, views.render(i).as_bytes())?;
                }
            }
        }
        Ok(())
    }

    fn add(&mut self, r: &Record<'_>) -> Result<(), ReadError> {
        let model = |e| ReadError::model(&self.file, e);
        let src = self.accounts.intern(r.from.0, r.from.1).map_err(model)?;
        let dst = self.accounts.intern(r.to.0, r.to.1).map_err(model)?;
        let transfer = Transfer {
            src,
            dst,
            ts: r.ts,
            amount_paid: r.amount_paid,
            currency_paid: r.currency_paid,
            amount_received: r.amount_received,
            currency_received: r.currency_received,
            format: r.format,
            label: r.label,
        };
        self.transfers.push(&transfer).map_err(model)?;
        self.rejects.accept();
        Ok(())
    }

    /// Sorts the transfers by time and closes the books.
    pub(super) fn finish(self) -> Result<Loaded, ReadError> {
        let mut accounts = self.accounts;
        accounts.shrink_to_fit();
        Ok(Loaded {
            accounts,
            transfers: self.transfers.finish(),
            report: self.rejects.finish()?,
        })
    }
}
