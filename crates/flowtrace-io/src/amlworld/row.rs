//! One AMLworld CSV line to one parsed row, or the reason it is refused.
//!
//! This runs on every row of multi-gigabyte files, in parallel, so it borrows from the input
//! buffer and allocates nothing on the common path (unquoted fields).

use std::borrow::Cow;

use flowtrace_graph::time::CivilTime;
use flowtrace_graph::{Currency, KeyHasher, PaymentFormat, MAX_KEY_PART_LEN};

use crate::error::RejectKind;

/// Column names in file order; the two `Account` columns are told apart by position.
pub const COLUMNS: [&str; 11] = [
    "Timestamp",
    "From Bank",
    "Account",
    "To Bank",
    "Account",
    "Amount Received",
    "Receiving Currency",
    "Amount Paid",
    "Payment Currency",
    "Payment Format",
    "Is Laundering",
];

const TIMESTAMP: usize = 0;
const FROM_BANK: usize = 1;
const FROM_ACCOUNT: usize = 2;
const TO_BANK: usize = 3;
const TO_ACCOUNT: usize = 4;
const AMOUNT_RECEIVED: usize = 5;
const RECEIVING_CURRENCY: usize = 6;
const AMOUNT_PAID: usize = 7;
const PAYMENT_CURRENCY: usize = 8;
const PAYMENT_FORMAT: usize = 9;
const IS_LAUNDERING: usize = 10;

/// A row that passed every check; account keys still to be interned.
pub struct ParsedRow<'a> {
    pub ts: i64,
    pub from_bank: Cow<'a, str>,
    pub from_account: Cow<'a, str>,
    pub to_bank: Cow<'a, str>,
    pub to_account: Cow<'a, str>,
    pub from_hash: u64,
    pub to_hash: u64,
    pub amount_received: f64,
    pub receiving_currency: Currency,
    pub amount_paid: f64,
    pub payment_currency: Currency,
    pub format: PaymentFormat,
    pub label: Option<bool>,
}

/// Why a row was refused: the column (index into [`COLUMNS`]) when one is at fault.
#[derive(Debug, PartialEq)]
pub struct RowFault {
    pub column: Option<usize>,
    pub kind: RejectKind,
    pub detail: String,
}

impl RowFault {
    fn at(column: usize, kind: RejectKind, detail: String) -> RowFault {
        RowFault {
            column: Some(column),
            kind,
            detail,
        }
    }
}

/// Parses one line (without its line break, possibly with a trailing `\r`).
/// `complete` is false for a last line that ended without a line break.
pub fn parse_line<'a>(
    line: &'a [u8],
    complete: bool,
    hasher: &KeyHasher,
) -> Result<ParsedRow<'a>, RowFault> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let fields = split_fields(line)?;
    if fields.len() != COLUMNS.len() {
        let kind = if !complete && fields.len() < COLUMNS.len() {
            RejectKind::TruncatedLine
        } else {
            RejectKind::WrongColumnCount
        };
        let detail = format!("{} fields, expected {}", fields.len(), COLUMNS.len());
        return Err(RowFault {
            column: None,
            kind,
            detail,
        });
    }
    let f = |i: usize| &fields[i];
    let from_bank = key_part(f(FROM_BANK), FROM_BANK)?;
    let from_account = key_part(f(FROM_ACCOUNT), FROM_ACCOUNT)?;
    let to_bank = key_part(f(TO_BANK), TO_BANK)?;
    let to_account = key_part(f(TO_ACCOUNT), TO_ACCOUNT)?;
    let row = ParsedRow {
        ts: timestamp(f(TIMESTAMP))?,
        from_hash: hasher.hash(from_bank.as_bytes(), from_account.as_bytes()),
        to_hash: hasher.hash(to_bank.as_bytes(), to_account.as_bytes()),
        from_bank,
        from_account,
        to_bank,
        to_account,
        amount_received: amount(f(AMOUNT_RECEIVED), AMOUNT_RECEIVED)?,
        receiving_currency: currency(f(RECEIVING_CURRENCY), RECEIVING_CURRENCY)?,
        amount_paid: amount(f(AMOUNT_PAID), AMOUNT_PAID)?,
        payment_currency: currency(f(PAYMENT_CURRENCY), PAYMENT_CURRENCY)?,
        format: payment_format(f(PAYMENT_FORMAT))?,
        label: label(f(IS_LAUNDERING))?,
    };
    Ok(row)
}

/// Splits on commas; fields in double quotes may hold commas and doubled quotes (RFC 4180), but
/// not line breaks, since rows are found by line before they are split.
fn split_fields(line: &[u8]) -> Result<Vec<Cow<'_, [u8]>>, RowFault> {
    let mut fields = Vec::with_capacity(COLUMNS.len());
    if memchr::memchr(b'"', line).is_none() {
        fields.extend(line.split(|&b| b == b',').map(Cow::Borrowed));
        return Ok(fields);
    }
    let mut rest = line;
    loop {
        let (field, after) = match rest.first() {
            Some(b'"') => quoted_field(rest, fields.len())?,
            _ => match memchr::memchr(b',', rest) {
                Some(i) => (Cow::Borrowed(&rest[..i]), Some(&rest[i + 1..])),
                None => (Cow::Borrowed(rest), None),
            },
        };
        fields.push(field);
        match after {
            Some(next) => rest = next,
            None => return Ok(fields),
        }
    }
}

/// Reads a quoted field at the start of `text`; returns it and what follows its comma, if any.
fn quoted_field(text: &[u8], index: usize) -> Result<(Cow<'_, [u8]>, Option<&[u8]>), RowFault> {
    let mut value = Vec::new();
    let mut i = 1;
    loop {
        match text.get(i) {
            Some(b'"') if text.get(i + 1) == Some(&b'"') => {
                value.push(b'"');
                i += 2;
            }
            Some(b'"') => break,
            Some(&b) => {
                value.push(b);
                i += 1;
            }
            None => {
                let detail = "quoted field is not closed before the end of the line".to_string();
                return Err(RowFault::at(index.min(10), RejectKind::BadQuoting, detail));
            }
        }
    }
    match text.get(i + 1) {
        None => Ok((Cow::Owned(value), None)),
        Some(b',') => Ok((Cow::Owned(value), Some(&text[i + 2..]))),
        Some(_) => {
            let detail = "text after the closing quote".to_string();
            Err(RowFault::at(index.min(10), RejectKind::BadQuoting, detail))
        }
    }
}

fn utf8<'a>(field: &Cow<'a, [u8]>, column: usize) -> Result<Cow<'a, str>, RowFault> {
    let invalid = |e: std::str::Utf8Error| {
        let detail = format!("byte {} is not valid UTF-8", e.valid_up_to() + 1);
        RowFault::at(column, RejectKind::InvalidUtf8, detail)
    };
    match field {
        Cow::Borrowed(bytes) => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(invalid),
        Cow::Owned(bytes) => std::str::from_utf8(bytes)
            .map(|s| Cow::Owned(s.to_string()))
            .map_err(invalid),
    }
}

fn required<'a>(field: &Cow<'a, [u8]>, column: usize) -> Result<Cow<'a, str>, RowFault> {
    if field.is_empty() {
        let detail = format!("{} is required", COLUMNS[column]);
        return Err(RowFault::at(column, RejectKind::EmptyField, detail));
    }
    utf8(field, column)
}

fn key_part<'a>(field: &Cow<'a, [u8]>, column: usize) -> Result<Cow<'a, str>, RowFault> {
    if field.len() > MAX_KEY_PART_LEN {
        let detail = format!("{} bytes, the limit is {MAX_KEY_PART_LEN}", field.len());
        return Err(RowFault::at(column, RejectKind::FieldTooLong, detail));
    }
    required(field, column)
}

/// Quotes a field for an error message, cut short if long.
fn shown(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("`{}...`", &text[..cut]),
        None => format!("`{text}`"),
    }
}

/// `YYYY/MM/DD HH:MM`, as AMLworld writes it, or with `:SS` added; read as UTC.
fn timestamp(field: &Cow<'_, [u8]>) -> Result<i64, RowFault> {
    let text = required(field, TIMESTAMP)?;
    let bad = |why: &str| {
        let detail = format!("{} {why}", shown(&text));
        RowFault::at(TIMESTAMP, RejectKind::BadTimestamp, detail)
    };
    let b = text.as_bytes();
    let shape_ok = (b.len() == 16 || (b.len() == 19 && b[16] == b':'))
        && b[4] == b'/'
        && b[7] == b'/'
        && b[10] == b' '
        && b[13] == b':';
    if !shape_ok {
        return Err(bad("is not YYYY/MM/DD HH:MM"));
    }
    let num = |from: usize, to: usize| -> Result<u32, RowFault> {
        b[from..to].iter().try_fold(0u32, |acc, &d| match d {
            b'0'..=b'9' => Ok(acc * 10 + u32::from(d - b'0')),
            _ => Err(bad("is not YYYY/MM/DD HH:MM")),
        })
    };
    let civil = CivilTime {
        year: num(0, 4)? as i32,
        month: num(5, 7)?,
        day: num(8, 10)?,
        hour: num(11, 13)?,
        minute: num(14, 16)?,
        second: if b.len() == 19 { num(17, 19)? } else { 0 },
    };
    if !civil.is_valid() {
        return Err(bad("is not a real date and time"));
    }
    Ok(civil.to_unix())
}

fn amount(field: &Cow<'_, [u8]>, column: usize) -> Result<f64, RowFault> {
    let text = required(field, column)?;
    let value: f64 = text.parse().map_err(|_| {
        let detail = format!("{} is not a number", shown(&text));
        RowFault::at(column, RejectKind::BadAmount, detail)
    })?;
    if !value.is_finite() {
        let detail = format!("{} is not a finite number", shown(&text));
        return Err(RowFault::at(column, RejectKind::BadAmount, detail));
    }
    if value < 0.0 {
        let detail = format!("{} is below zero", shown(&text));
        return Err(RowFault::at(column, RejectKind::NegativeAmount, detail));
    }
    Ok(value)
}

fn currency(field: &Cow<'_, [u8]>, column: usize) -> Result<Currency, RowFault> {
    let text = required(field, column)?;
    Currency::parse(&text).ok_or_else(|| {
        let detail = format!("{} is not a known currency name or ISO code", shown(&text));
        RowFault::at(column, RejectKind::UnknownCurrency, detail)
    })
}

fn payment_format(field: &Cow<'_, [u8]>) -> Result<PaymentFormat, RowFault> {
    let text = required(field, PAYMENT_FORMAT)?;
    PaymentFormat::parse(&text).ok_or_else(|| {
        let detail = format!(
            "{} is not one of ACH, Wire, Cheque, Credit Card, Cash, Reinvestment, Bitcoin",
            shown(&text)
        );
        RowFault::at(PAYMENT_FORMAT, RejectKind::UnknownPaymentFormat, detail)
    })
}

/// `0`, `1`, or empty for an unlabelled row.
fn label(field: &Cow<'_, [u8]>) -> Result<Option<bool>, RowFault> {
    match field.as_ref() {
        b"0" => Ok(Some(false)),
        b"1" => Ok(Some(true)),
        b"" => Ok(None),
        _ => {
            let text = utf8(field, IS_LAUNDERING)?;
            let detail = format!("{} is not 0, 1 or empty", shown(&text));
            Err(RowFault::at(IS_LAUNDERING, RejectKind::BadLabel, detail))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &[u8] =
        b"2022/09/01 00:20,010,8000EBD30,010,8000EBD30,3697.34,US Dollar,3697.34,US Dollar,Reinvestment,0";

    fn fault(line: &[u8]) -> RowFault {
        match parse_line(line, true, &KeyHasher::default()) {
            Ok(_) => panic!("accepted {}", String::from_utf8_lossy(line)),
            Err(f) => f,
        }
    }

    fn replace(column: usize, value: &str) -> Vec<u8> {
        let text = std::str::from_utf8(GOOD).unwrap();
        let mut fields: Vec<&str> = text.split(',').collect();
        fields[column] = value;
        fields.join(",").into_bytes()
    }

    #[test]
    fn parses_the_published_example() {
        let row = parse_line(GOOD, true, &KeyHasher::default()).unwrap();
        assert_eq!(row.ts, 1_661_991_600);
        assert_eq!(
            (row.from_bank.as_ref(), row.from_account.as_ref()),
            ("010", "8000EBD30")
        );
        assert_eq!(row.amount_paid, 3697.34);
        assert_eq!(row.format, PaymentFormat::Reinvestment);
        assert_eq!(row.label, Some(false));
        assert_eq!(row.from_hash, row.to_hash);
    }

    #[test]
    fn crlf_seconds_and_quotes_are_accepted() {
        let mut line = GOOD.to_vec();
        line.push(b'\r');
        assert!(parse_line(&line, true, &KeyHasher::default()).is_ok());
        let line = replace(TIMESTAMP, "2022/09/01 00:20:59");
        let row = parse_line(&line, true, &KeyHasher::default()).unwrap();
        assert_eq!(row.ts, 1_661_991_659);
        let line = replace(FROM_ACCOUNT, "\"80,\"\"0\"");
        let row = parse_line(&line, true, &KeyHasher::default()).unwrap();
        assert_eq!(row.from_account, "80,\"0");
    }

    #[test]
    fn each_fault_names_its_column() {
        let cases: &[(usize, &str, RejectKind)] = &[
            (TIMESTAMP, "2022-09-01 00:20", RejectKind::BadTimestamp),
            (TIMESTAMP, "2022/02/30 00:20", RejectKind::BadTimestamp),
            (TIMESTAMP, "2022/09/01 24:00", RejectKind::BadTimestamp),
            (FROM_BANK, "", RejectKind::EmptyField),
            (TO_ACCOUNT, "", RejectKind::EmptyField),
            (AMOUNT_RECEIVED, "12x", RejectKind::BadAmount),
            (AMOUNT_RECEIVED, "inf", RejectKind::BadAmount),
            (AMOUNT_PAID, "-5.00", RejectKind::NegativeAmount),
            (RECEIVING_CURRENCY, "Dinar", RejectKind::UnknownCurrency),
            (PAYMENT_FORMAT, "Hawala", RejectKind::UnknownPaymentFormat),
            (IS_LAUNDERING, "yes", RejectKind::BadLabel),
        ];
        for &(column, value, kind) in cases {
            let f = fault(&replace(column, value));
            assert_eq!(
                (f.column, f.kind),
                (Some(column), kind),
                "{value}: {}",
                f.detail
            );
        }
    }

    #[test]
    fn structural_faults() {
        assert_eq!(fault(b"a,b,c").kind, RejectKind::WrongColumnCount);
        let mut long = GOOD.to_vec();
        long.extend_from_slice(b",extra");
        assert_eq!(fault(&long).kind, RejectKind::WrongColumnCount);
        let cut = &GOOD[..60];
        let f = parse_line(cut, false, &KeyHasher::default()).err().unwrap();
        assert_eq!(f.kind, RejectKind::TruncatedLine);
        let accented = replace(FROM_ACCOUNT, "80\u{00e9}");
        assert!(parse_line(&accented, true, &KeyHasher::default()).is_ok());
        let mut bad = replace(FROM_ACCOUNT, "80X");
        let at = bad.iter().position(|&b| b == b'X').unwrap();
        bad[at] = 0xff;
        let f = fault(&bad);
        assert_eq!(
            (f.column, f.kind),
            (Some(FROM_ACCOUNT), RejectKind::InvalidUtf8)
        );
        let f = fault(&replace(FROM_BANK, &"9".repeat(MAX_KEY_PART_LEN + 1)));
        assert_eq!(f.kind, RejectKind::FieldTooLong);
        assert_eq!(
            fault(&replace(FROM_BANK, "\"010")).kind,
            RejectKind::BadQuoting
        );
    }
}
