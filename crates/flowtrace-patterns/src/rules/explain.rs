//! Wording of the explanations: amounts, spans and sums as an analyst would write them.

use flowtrace_graph::{Currency, TransferId, Transfers};

use super::view::Edge;
use super::HOUR;

/// An amount with thousands separators: whole units from 100 up, cents below.
pub(crate) fn money(x: f64) -> String {
    if x.abs() < 100.0 {
        return format!("{x:.2}");
    }
    let whole = format!("{:.0}", x.abs());
    let mut out = String::with_capacity(whole.len() + whole.len() / 3 + 1);
    if x < 0.0 {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `9,120-9,880`, or one amount when both ends print the same.
pub(crate) fn money_range(lo: f64, hi: f64) -> String {
    let (lo, hi) = (money(lo), money(hi));
    if lo == hi {
        lo
    } else {
        format!("{lo}-{hi}")
    }
}

/// A span rounded up (so "within" stays true) to the unit a person would use: minutes under two
/// hours, hours under three days, days to a tenth beyond.
pub(crate) fn duration(secs: i64) -> String {
    let secs = secs.max(0);
    let up = |unit: i64| (secs + unit - 1) / unit;
    if secs < 2 * HOUR {
        plural(up(60).max(1) as usize, "minute")
    } else if secs < 72 * HOUR {
        plural(up(HOUR) as usize, "hour")
    } else {
        let tenths = up(24 * HOUR / 10);
        match tenths % 10 {
            0 => plural(tenths as usize / 10, "day"),
            _ => format!("{}.{} days", tenths / 10, tenths % 10),
        }
    }
}

/// `1 account`, `3 accounts`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Which side of the transfers an amount is read from: money leaving an account is counted as
/// paid, money reaching one as received, so each sum is in the account's own currency.
#[derive(Clone, Copy)]
pub(crate) enum Side {
    Paid,
    Received,
}

pub(crate) fn amount(t: &Transfers, id: TransferId, side: Side) -> (f64, Currency) {
    match side {
        Side::Paid => (t.amount_paid(id), t.currency_paid(id)),
        Side::Received => (t.amount_received(id), t.currency_received(id)),
    }
}

/// The sum of the transfers' amounts with its currency, e.g. `52,310 USD`.
pub(crate) fn total(t: &Transfers, ids: &[TransferId], side: Side) -> String {
    sum(ids.iter().map(|&id| amount(t, id, side)))
}

/// The sum of the edges' amounts (each on its account's side) with its currency.
pub(crate) fn edges_total(edges: &[Edge]) -> String {
    sum(edges.iter().map(|e| (e.amount, e.currency)))
}

/// A sum with its currency; a sum over several currencies says so instead of pretending to
/// be in one.
pub(crate) fn sum(amounts: impl IntoIterator<Item = (f64, Currency)>) -> String {
    let mut total = 0.0;
    let mut currency = None;
    let mut mixed = false;
    for (x, c) in amounts {
        total += x;
        mixed |= currency.is_some_and(|seen| seen != c);
        currency = Some(c);
    }
    match currency {
        Some(c) if !mixed => format!("{} {c}", money(total)),
        _ => format!("{} in mixed currencies", money(total)),
    }
}

/// ` USD` when every edge is in USD, ` (mixed currencies)` otherwise.
pub(crate) fn currency_suffix(edges: &[Edge]) -> String {
    match edges.first() {
        Some(first) if edges.iter().all(|e| e.currency == first.currency) => {
            format!(" {}", first.currency)
        }
        _ => " (mixed currencies)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_a_report() {
        assert_eq!(money(9_120.4), "9,120");
        assert_eq!(money(1_234_567.0), "1,234,567");
        assert_eq!(money(999.6), "1,000");
        assert_eq!(money(45.3), "45.30");
        assert_eq!(money(-12_000.0), "-12,000");
        assert_eq!(money_range(9_120.0, 9_880.0), "9,120-9,880");
        assert_eq!(money_range(500.0, 500.2), "500");
    }

    #[test]
    fn spans_round_up_to_a_human_unit() {
        assert_eq!(duration(0), "1 minute");
        assert_eq!(duration(90 * 60), "90 minutes");
        assert_eq!(duration(14 * HOUR - 5), "14 hours");
        assert_eq!(duration(2 * 24 * HOUR + 1), "49 hours");
        assert_eq!(duration(2 * 24 * HOUR + 16 * HOUR), "64 hours");
        assert_eq!(duration(75 * HOUR), "3.2 days");
        assert_eq!(duration(7 * 24 * HOUR), "7 days");
    }
}
