//! One AMLworld CSV line to one parsed row, or the reason it is refused.
//!
//! This runs on every row of multi-gigabyte files, in parallel, so it borrows from the input
//! buffer and allocates nothing on the common path (unquoted fields).

use std::borrow::Cow;

use flowtrace_graph::time::CivilTime;
use flowtrace_graph::{Currency, KeyHasher, KeyPair, PaymentFormat, MAX_KEY_PART_LEN};

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

impl KeyPair for ParsedRow<'_> {
    fn keys(&self) -> [(u64, &str, &str); 2] {
        [
            (self.from_hash, &self.from_bank, &self.from_account),
            (self.to_hash, &self.to_bank, &self.to_account),
        ]
    }
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
    // One UTF-8 check for the whole line is far cheaper than one per field.
    let text = std::str::from_utf8(line).map_err(|e| utf8_fault(line, e))?;
    if memchr::memchr(b'"', line).is_none() {
        // A plain byte loop beats `str::split` and memchr on fields this short.
        let mut fields = [""; COLUMNS.len()];
        let mut count = 0;
        let mut start = 0;
        for (i, &b) in line.iter().enumerate() {
            if b == b',' {
                if let Some(slot) = fields.get_mut(count) {
                    *slot = &text[start..i];
                }
                count += 1;
                start = i + 1;
            }
        }
        if let Some(slot) = fields.get_mut(count) {
            *slot = &text[start..];
        }
        count += 1;
        check_count(count, complete)?;
        build_row(&fields, hasher, &mut None)
    } else {
        let fields = split_quoted(text)?;
        check_count(fields.len(), complete)?;
        let fields: [Cow<'a, str>; COLUMNS.len()] =
            fields.try_into().map_err(|_| count_fault(0, true))?;
        build_row(&fields, hasher, &mut None)
    }
}

fn check_count(count: usize, complete: bool) -> Result<(), RowFault> {
    if count == COLUMNS.len() {
        Ok(())
    } else {
        Err(count_fault(count, complete))
    }
}

pub fn count_fault(count: usize, complete: bool) -> RowFault {
    let kind = if !complete && count < COLUMNS.len() {
        RejectKind::TruncatedLine
    } else {
        RejectKind::WrongColumnCount
    };
    let detail = format!("{count} fields, expected {}", COLUMNS.len());
    RowFault {
        column: None,
        kind,
        detail,
    }
}

/// Names the column holding the first byte that is not UTF-8.
fn utf8_fault(line: &[u8], e: std::str::Utf8Error) -> RowFault {
    let at = e.valid_up_to();
    let column = line[..at]
        .iter()
        .filter(|&&b| b == b',')
        .count()
        .min(COLUMNS.len() - 1);
    let detail = format!("byte {} of the line is not valid UTF-8", at + 1);
    RowFault::at(column, RejectKind::InvalidUtf8, detail)
}

/// A field of a split row: text borrowed from the input (nearly every row), or unescaped from a
/// quoted field. Being generic over it lets the common case build no `Cow` at all.
pub trait Field<'a> {
    /// The field's text.
    fn text(&self) -> &str;
    /// The text, borrowed from the input when it is.
    fn borrowed(&self) -> Option<&'a str>;
    /// The text as a `Cow` that outlives the split fields.
    fn to_cow(&self) -> Cow<'a, str>;
}

impl<'a> Field<'a> for &'a str {
    #[inline]
    fn text(&self) -> &str {
        self
    }
    #[inline]
    fn borrowed(&self) -> Option<&'a str> {
        Some(self)
    }
    #[inline]
    fn to_cow(&self) -> Cow<'a, str> {
        Cow::Borrowed(self)
    }
}

impl<'a> Field<'a> for Cow<'a, str> {
    fn text(&self) -> &str {
        self
    }
    fn borrowed(&self) -> Option<&'a str> {
        match self {
            Cow::Borrowed(text) => Some(text),
            Cow::Owned(_) => None,
        }
    }
    fn to_cow(&self) -> Cow<'a, str> {
        self.clone()
    }
}

/// Checks and converts the eleven fields of a row that has been split already.
/// `last_time` carries the previous row's timestamp text and value: consecutive rows mostly share
/// their minute, and comparing 16 bytes is cheaper than parsing them.
pub fn build_row<'a, F: Field<'a>>(
    f: &[F; COLUMNS.len()],
    hasher: &KeyHasher,
    last_time: &mut Option<(&'a str, i64)>,
) -> Result<ParsedRow<'a>, RowFault> {
    let ts = match (f[TIMESTAMP].borrowed(), *last_time) {
        (Some(text), Some((last, ts))) if same_text(text, last) => ts,
        (borrowed, _) => {
            let ts = timestamp(f[TIMESTAMP].text())?;
            if let Some(text) = borrowed {
                *last_time = Some((text, ts));
            }
            ts
        }
    };
    let from_bank = key_part(&f[FROM_BANK], FROM_BANK)?;
    let from_account = key_part(&f[FROM_ACCOUNT], FROM_ACCOUNT)?;
    let to_bank = key_part(&f[TO_BANK], TO_BANK)?;
    let to_account = key_part(&f[TO_ACCOUNT], TO_ACCOUNT)?;
    let amount_received = amount(f[AMOUNT_RECEIVED].text(), AMOUNT_RECEIVED)?;
    let receiving_currency = currency(f[RECEIVING_CURRENCY].text(), RECEIVING_CURRENCY)?;
    // Most rows pay and receive the same text; parsing it once saves a fifth of the work.
    let amount_paid = if same_text(f[AMOUNT_PAID].text(), f[AMOUNT_RECEIVED].text()) {
        amount_received
    } else {
        amount(f[AMOUNT_PAID].text(), AMOUNT_PAID)?
    };
    let payment_currency = if same_text(f[PAYMENT_CURRENCY].text(), f[RECEIVING_CURRENCY].text()) {
        receiving_currency
    } else {
        currency(f[PAYMENT_CURRENCY].text(), PAYMENT_CURRENCY)?
    };
    Ok(ParsedRow {
        ts,
        from_hash: hasher.hash(from_bank.as_bytes(), from_account.as_bytes()),
        to_hash: hasher.hash(to_bank.as_bytes(), to_account.as_bytes()),
        from_bank,
        from_account,
        to_bank,
        to_account,
        amount_received,
        receiving_currency,
        amount_paid,
        payment_currency,
        format: payment_format(f[PAYMENT_FORMAT].text())?,
        label: label(f[IS_LAUNDERING].text())?,
    })
}

/// Equality of short fields without calling the C library's `memcmp`, which costs more than
/// the comparison itself at these lengths (timestamps are 16 bytes, amounts about 7).
#[inline]
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    n == b.len()
        && match n {
            8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
            _ => a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0,
        }
}

/// Splits a line with quotes: fields in double quotes may hold commas and doubled quotes
/// (RFC 4180), but not line breaks, since rows are found by line before they are split.
fn split_quoted(line: &str) -> Result<Vec<Cow<'_, str>>, RowFault> {
    let mut fields = Vec::with_capacity(COLUMNS.len());
    let mut rest = line;
    loop {
        let column = fields.len().min(COLUMNS.len() - 1);
        let (field, after) = match rest.strip_prefix('"') {
            Some(quoted) => quoted_field(quoted, column)?,
            None => match rest.split_once(',') {
                Some((field, after)) => (Cow::Borrowed(field), Some(after)),
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

/// Reads a quoted field whose opening quote is already gone; returns it and what follows its
/// comma, if anything does.
fn quoted_field(text: &str, column: usize) -> Result<(Cow<'_, str>, Option<&str>), RowFault> {
    let mut value = String::new();
    let mut rest = text;
    loop {
        let Some(quote) = rest.find('"') else {
            let detail = "quoted field is not closed before the end of the line".to_string();
            return Err(RowFault::at(column, RejectKind::BadQuoting, detail));
        };
        value.push_str(&rest[..quote]);
        rest = &rest[quote + 1..];
        match rest.strip_prefix('"') {
            Some(after_doubled) => {
                value.push('"');
                rest = after_doubled;
            }
            None => break,
        }
    }
    if rest.is_empty() {
        return Ok((Cow::Owned(value), None));
    }
    match rest.strip_prefix(',') {
        Some(after) => Ok((Cow::Owned(value), Some(after))),
        None => {
            let detail = "text after the closing quote".to_string();
            Err(RowFault::at(column, RejectKind::BadQuoting, detail))
        }
    }
}

fn required(field: &str, column: usize) -> Result<&str, RowFault> {
    if field.is_empty() {
        let detail = format!("{} is required", COLUMNS[column]);
        return Err(RowFault::at(column, RejectKind::EmptyField, detail));
    }
    Ok(field)
}

fn key_part<'a, F: Field<'a>>(field: &F, column: usize) -> Result<Cow<'a, str>, RowFault> {
    let text = field.text();
    if text.len() > MAX_KEY_PART_LEN {
        let detail = format!("{} bytes, the limit is {MAX_KEY_PART_LEN}", text.len());
        return Err(RowFault::at(column, RejectKind::FieldTooLong, detail));
    }
    required(text, column)?;
    Ok(field.to_cow())
}

/// Quotes a field for an error message, cut short if long.
fn shown(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("`{}...`", &text[..cut]),
        None => format!("`{text}`"),
    }
}

/// `YYYY/MM/DD HH:MM`, as AMLworld writes it, or with `:SS` added; read as UTC.
fn timestamp(field: &str) -> Result<i64, RowFault> {
    let text = required(field, TIMESTAMP)?;
    let bad = |why: &str| {
        let detail = format!("{} {why}", shown(text));
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

fn amount(field: &str, column: usize) -> Result<f64, RowFault> {
    let text = required(field, column)?;
    if let Some(value) = plain_decimal(text) {
        return Ok(value);
    }
    let value: f64 = text.parse().map_err(|_| {
        let detail = format!("{} is not a number", shown(text));
        RowFault::at(column, RejectKind::BadAmount, detail)
    })?;
    if !value.is_finite() {
        let detail = format!("{} is not a finite number", shown(text));
        return Err(RowFault::at(column, RejectKind::BadAmount, detail));
    }
    if value < 0.0 {
        let detail = format!("{} is below zero", shown(text));
        return Err(RowFault::at(column, RejectKind::NegativeAmount, detail));
    }
    Ok(value)
}

/// Parses `digits[.digits]` with at most 15 digits, the shape of nearly every amount, exactly as
/// `str::parse` would: the digits form an integer below 2^53 and the power of ten is exact, so
/// one IEEE division rounds correctly (Clinger's fast path). Other shapes return `None`.
fn plain_decimal(text: &str) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes[0] == b'.' || bytes.len() > 16 {
        return None;
    }
    let mut mantissa = 0u64;
    let mut digits = 0;
    let mut point = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    if digits > 15 {
        return None;
    }
    let decimals = point.map_or(0, |p| bytes.len() - p - 1);
    Some(mantissa as f64 / POWERS[decimals])
}

fn currency(field: &str, column: usize) -> Result<Currency, RowFault> {
    let text = required(field, column)?;
    Currency::from_amlworld_name(text)
        .or_else(|| Currency::from_code(text))
        .ok_or_else(|| {
            let detail = format!("{} is not a known currency name or ISO code", shown(text));
            RowFault::at(column, RejectKind::UnknownCurrency, detail)
        })
}

fn payment_format(field: &str) -> Result<PaymentFormat, RowFault> {
    let text = required(field, PAYMENT_FORMAT)?;
    PaymentFormat::parse(text).ok_or_else(|| {
        let detail = format!(
            "{} is not one of ACH, Wire, Cheque, Credit Card, Cash, Reinvestment, Bitcoin",
            shown(text)
        );
        RowFault::at(PAYMENT_FORMAT, RejectKind::UnknownPaymentFormat, detail)
    })
}

/// `0`, `1`, or empty for an unlabelled row.
fn label(field: &str) -> Result<Option<bool>, RowFault> {
    match field {
        "0" => Ok(Some(false)),
        "1" => Ok(Some(true)),
        "" => Ok(None),
        text => {
            let detail = format!("{} is not 0, 1 or empty", shown(text));
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
    fn inline_equality_agrees_with_str() {
        let texts = [
            "",
            "0",
            "3697.34",
            "3697.35",
            "US Dollar",
            "2022/09/01 00:20",
            "2022/09/01 00:21",
            "2022/09/01 00:20:00",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_text(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_decimal_fast_path_agrees_with_std() {
        let cases = [
            "0",
            "0.0",
            "3697.34",
            "0.012849",
            "1.00",
            "999999999999999",
            "123456.789012345",
            "0.1",
            "0.7",
            "2.675",
            "1e5",
            "1.",
            ".5",
            "12345678901234567",
            "-1",
            "1.2.3",
        ];
        for text in cases {
            let std: Option<f64> = text.parse().ok();
            if let Some(fast) = plain_decimal(text) {
                assert_eq!(Some(fast.to_bits()), std.map(f64::to_bits), "{text}");
            }
        }
        let mut x = 1u64;
        for _ in 0..100_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let text = format!("{}.{:02}", (x >> 20) % 10_000_000_000, x % 100);
            assert_eq!(
                plain_decimal(&text).map(f64::to_bits),
                text.parse::<f64>().ok().map(f64::to_bits),
                "{text}"
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
