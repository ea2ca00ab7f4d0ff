//! Formats a simulated transfer as an AMLworld CSV row, fast: the generator writes a million
//! rows a second, so nothing here allocates or goes through `format!`.

use flowtrace_graph::time::CivilTime;

use crate::transfer::{decimals, SimTransfer};
use crate::world::population::{AccountIdx, Population};

/// Formats rows, remembering the last minute it rendered (consecutive rows share it).
pub struct RowFormatter {
    minute: i64,
    stamp: Vec<u8>,
}

impl Default for RowFormatter {
    fn default() -> Self {
        RowFormatter::new()
    }
}

impl RowFormatter {
    /// A formatter with nothing cached.
    pub fn new() -> RowFormatter {
        RowFormatter {
            minute: i64::MIN,
            stamp: Vec::with_capacity(16),
        }
    }

    /// Appends `t` as one CSV line (with `\n`) to `out`.
    pub fn row(&mut self, pop: &Population, t: &SimTransfer, out: &mut Vec<u8>) {
        out.extend_from_slice(self.timestamp(t.ts));
        out.push(b',');
        account(pop, t.from, out);
        out.push(b',');
        account(pop, t.to, out);
        out.push(b',');
        amount(t.received, decimals(t.received_currency), out);
        out.push(b',');
        out.extend_from_slice(t.received_currency.amlworld_name().as_bytes());
        out.push(b',');
        amount(t.paid, decimals(t.paid_currency), out);
        out.push(b',');
        out.extend_from_slice(t.paid_currency.amlworld_name().as_bytes());
        out.push(b',');
        out.extend_from_slice(t.format.name().as_bytes());
        out.extend_from_slice(if t.illicit() { b",1\n" } else { b",0\n" });
    }

    /// `YYYY/MM/DD HH:MM` of `ts` (whole minutes).
    pub fn timestamp(&mut self, ts: i64) -> &[u8] {
        let minute = ts.div_euclid(60);
        if minute != self.minute {
            self.minute = minute;
            let c = CivilTime::from_unix(ts);
            self.stamp.clear();
            digits(c.year as u64, 4, &mut self.stamp);
            self.stamp.push(b'/');
            digits(c.month.into(), 2, &mut self.stamp);
            self.stamp.push(b'/');
            digits(c.day.into(), 2, &mut self.stamp);
            self.stamp.push(b' ');
            digits(c.hour.into(), 2, &mut self.stamp);
            self.stamp.push(b':');
            digits(c.minute.into(), 2, &mut self.stamp);
        }
        &self.stamp
    }
}

/// `bank,account` of `a`.
pub fn account(pop: &Population, a: AccountIdx, out: &mut Vec<u8>) {
    out.extend_from_slice(pop.bank(a).id.as_bytes());
    out.push(b',');
    pop.number(a, out);
}

/// A minor-unit amount with `decimals` places: `123456, 2` -> `1234.56`.
pub fn amount(minor: i64, decimals: usize, out: &mut Vec<u8>) {
    let scale = 10u64.pow(decimals as u32);
    let v = minor.unsigned_abs();
    if minor < 0 {
        out.push(b'-');
    }
    let mut buf = itoa::Buffer::new();
    out.extend_from_slice(buf.format(v / scale).as_bytes());
    out.push(b'.');
    digits(v % scale, decimals, out);
}

/// `value` zero-padded to `width` digits.
fn digits(value: u64, width: usize, out: &mut Vec<u8>) {
    let mut buf = itoa::Buffer::new();
    let s = buf.format(value);
    out.extend(std::iter::repeat_n(b'0', width.saturating_sub(s.len())));
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let mut out = Vec::new();
        amount(123_456, 2, &mut out);
        out.push(b' ');
        amount(5, 2, &mut out);
        out.push(b' ');
        amount(1_234, 8, &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "1234.56 0.05 0.00001234");
    }

    #[test]
    fn timestamps() {
        let mut f = RowFormatter::new();
        assert_eq!(f.timestamp(1_661_990_460), b"2022/09/01 00:01");
        assert_eq!(f.timestamp(1_661_990_520), b"2022/09/01 00:02");
    }
}
