//! Transfers as columns sorted by time, and the builder that collects and sorts them.
//!
//! Memory is the constraint that shapes this file: flowtrace promises at most 40 bytes a transfer
//! all included, CSR adjacency and account table too. So a transfer costs 22 bytes here:
//! source and destination ids (4 + 4), time as a `u32` offset from the earliest transfer (4; the
//! wide `i64` form is used only when a file spans more than 136 years), amount paid (8), currency
//! paid (1) and one byte of flags (payment format, label). The amount and currency received are
//! stored only for the few transfers where they differ from those paid (cross-currency payments),
//! and the input row numbers only when the input was not already in time order.

use crate::{AccountId, Currency, ModelError, PaymentFormat};

/// Index of a transfer in time order; also its position in every column.
pub type TransferId = u32;

/// One transfer, as a value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transfer {
    /// Paying account.
    pub src: AccountId,
    /// Receiving account (may equal `src`: self-transfers are allowed).
    pub dst: AccountId,
    /// UTC seconds since the Unix epoch.
    pub ts: i64,
    /// Amount that left `src`, in `currency_paid`.
    pub amount_paid: f64,
    /// Currency of `amount_paid`.
    pub currency_paid: Currency,
    /// Amount that reached `dst`, in `currency_received`.
    pub amount_received: f64,
    /// Currency of `amount_received`.
    pub currency_received: Currency,
    /// How the money moved.
    pub format: PaymentFormat,
    /// Ground truth where the source has it (AMLworld's `Is Laundering`).
    pub label: Option<bool>,
}

const FORMAT_MASK: u8 = 0b0000_0111;
const HAS_LABEL: u8 = 0b0000_1000;
const LABEL: u8 = 0b0001_0000;
const RECEIVED_DIFFERS: u8 = 0b0010_0000;

fn pack_flags(t: &Transfer) -> u8 {
    let mut flags = t.format as u8;
    if let Some(label) = t.label {
        flags |= HAS_LABEL | if label { LABEL } else { 0 };
    }
    if t.amount_received.to_bits() != t.amount_paid.to_bits()
        || t.currency_received != t.currency_paid
    {
        flags |= RECEIVED_DIFFERS;
    }
    flags
}

/// Transfer times, compact when the span allows.
#[derive(Clone, Debug)]
enum TimeColumn {
    /// Seconds after `base`; used when every time fits in a `u32` from the earliest.
    Compact { base: i64, offsets: Vec<u32> },
    /// Plain UTC seconds.
    Wide(Vec<i64>),
}

impl TimeColumn {
    fn from_sorted(times: Vec<i64>) -> TimeColumn {
        let (Some(&first), Some(&last)) = (times.first(), times.last()) else {
            return TimeColumn::Compact {
                base: 0,
                offsets: Vec::new(),
            };
        };
        if u32::try_from(last.abs_diff(first)).is_err() {
            return TimeColumn::Wide(times);
        }
        let offsets = times.iter().map(|&t| (t - first) as u32).collect();
        TimeColumn::Compact {
            base: first,
            offsets,
        }
    }

    #[inline]
    fn get(&self, i: usize) -> i64 {
        match self {
            TimeColumn::Compact { base, offsets } => base + i64::from(offsets[i]),
            TimeColumn::Wide(times) => times[i],
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            TimeColumn::Compact { offsets, .. } => offsets.capacity() * 4,
            TimeColumn::Wide(times) => times.capacity() * 8,
        }
    }
}

/// Received amounts that differ from the paid ones, keyed by transfer id (ascending).
#[derive(Clone, Debug, Default)]
struct ReceivedOverrides {
    ids: Vec<u32>,
    amounts: Vec<f64>,
    currencies: Vec<u8>,
}

impl ReceivedOverrides {
    fn push(&mut self, id: u32, amount: f64, currency: Currency) {
        self.ids.push(id);
        self.amounts.push(amount);
        self.currencies.push(currency.index());
    }

    fn find(&self, id: u32) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    fn heap_bytes(&self) -> usize {
        self.ids.capacity() * 4 + self.amounts.capacity() * 8 + self.currencies.capacity()
    }
}

/// All transfers of a dataset, in time order (ties keep input order), as columns.
#[derive(Clone, Debug)]
pub struct Transfers {
    src: Vec<AccountId>,
    dst: Vec<AccountId>,
    time: TimeColumn,
    amount_paid: Vec<f64>,
    currency_paid: Vec<u8>,
    flags: Vec<u8>,
    received: ReceivedOverrides,
    /// `input_rows[id]` is the 0-based input position of transfer `id`; `None` when the input
    /// was already in time order, so the two coincide.
    input_rows: Option<Vec<u32>>,
}

impl Transfers {
    /// Number of transfers.
    pub fn len(&self) -> usize {
        self.src.len()
    }

    /// Whether there is no transfer.
    pub fn is_empty(&self) -> bool {
        self.src.is_empty()
    }

    /// Paying account of every transfer, in time order.
    pub fn srcs(&self) -> &[AccountId] {
        &self.src
    }

    /// Receiving account of every transfer, in time order.
    pub fn dsts(&self) -> &[AccountId] {
        &self.dst
    }

    /// Paying account.
    #[inline]
    pub fn src(&self, id: TransferId) -> AccountId {
        self.src[id as usize]
    }

    /// Receiving account.
    #[inline]
    pub fn dst(&self, id: TransferId) -> AccountId {
        self.dst[id as usize]
    }

    /// UTC seconds.
    #[inline]
    pub fn ts(&self, id: TransferId) -> i64 {
        self.time.get(id as usize)
    }

    /// Amount paid, in [`Transfers::currency_paid`].
    #[inline]
    pub fn amount_paid(&self, id: TransferId) -> f64 {
        self.amount_paid[id as usize]
    }

    /// Currency paid.
    #[inline]
    pub fn currency_paid(&self, id: TransferId) -> Currency {
        Currency::from_index(self.currency_paid[id as usize]).expect("ids come from Currency")
    }

    /// Amount received, in [`Transfers::currency_received`].
    pub fn amount_received(&self, id: TransferId) -> f64 {
        match self.received_override(id) {
            Some(k) => self.received.amounts[k],
            None => self.amount_paid(id),
        }
    }

    /// Currency received.
    pub fn currency_received(&self, id: TransferId) -> Currency {
        match self.received_override(id) {
            Some(k) => {
                Currency::from_index(self.received.currencies[k]).expect("ids come from Currency")
            }
            None => self.currency_paid(id),
        }
    }

    fn received_override(&self, id: TransferId) -> Option<usize> {
        if self.flags[id as usize] & RECEIVED_DIFFERS == 0 {
            return None;
        }
        self.received.find(id)
    }

    /// How the money moved.
    #[inline]
    pub fn format(&self, id: TransferId) -> PaymentFormat {
        PaymentFormat::from_index(self.flags[id as usize] & FORMAT_MASK)
            .expect("three bits hold a format id")
    }

    /// Ground-truth label, if the source had one.
    #[inline]
    pub fn label(&self, id: TransferId) -> Option<bool> {
        let flags = self.flags[id as usize];
        (flags & HAS_LABEL != 0).then_some(flags & LABEL != 0)
    }

    /// 0-based position of the transfer in the input it was read from.
    #[inline]
    pub fn input_row(&self, id: TransferId) -> u32 {
        match &self.input_rows {
            Some(rows) => rows[id as usize],
            None => id,
        }
    }

    /// Whether the input was already in time order (then [`Transfers::input_row`] is the id).
    pub fn input_was_sorted(&self) -> bool {
        self.input_rows.is_none()
    }

    /// The whole transfer as a value.
    pub fn get(&self, id: TransferId) -> Transfer {
        Transfer {
            src: self.src(id),
            dst: self.dst(id),
            ts: self.ts(id),
            amount_paid: self.amount_paid(id),
            currency_paid: self.currency_paid(id),
            amount_received: self.amount_received(id),
            currency_received: self.currency_received(id),
            format: self.format(id),
            label: self.label(id),
        }
    }

    /// Earliest and latest time, if there is any transfer.
    pub fn time_span(&self) -> Option<(i64, i64)> {
        let last = self.len().checked_sub(1)?;
        Some((self.time.get(0), self.time.get(last)))
    }

    /// The ids of transfers with `from <= ts <= to`; a range because ids follow time.
    pub fn ids_between(&self, from: i64, to: i64) -> std::ops::Range<TransferId> {
        let start = self.first_at_or_after(from);
        let end = to
            .checked_add(1)
            .map_or(self.len(), |t| self.first_at_or_after(t));
        start as TransferId..end.max(start) as TransferId
    }

    /// Index of the first transfer at or after `t` (the length if none).
    pub fn first_at_or_after(&self, t: i64) -> usize {
        match &self.time {
            TimeColumn::Compact { base, offsets } => {
                if t <= *base {
                    0
                } else {
                    match u32::try_from(t - base) {
                        Ok(off) => offsets.partition_point(|&o| o < off),
                        Err(_) => offsets.len(),
                    }
                }
            }
            TimeColumn::Wide(times) => times.partition_point(|&x| x < t),
        }
    }

    /// Bytes of heap memory held by the columns.
    pub fn heap_bytes(&self) -> usize {
        self.src.capacity() * 4
            + self.dst.capacity() * 4
            + self.time.heap_bytes()
            + self.amount_paid.capacity() * 8
            + self.currency_paid.capacity()
            + self.flags.capacity()
            + self.received.heap_bytes()
            + self.input_rows.as_ref().map_or(0, |r| r.capacity() * 4)
    }
}

/// Collects transfers in input order and sorts them by time once at the end.
#[derive(Default)]
pub struct TransferBuilder {
    src: Vec<AccountId>,
    dst: Vec<AccountId>,
    ts: Vec<i64>,
    amount_paid: Vec<f64>,
    currency_paid: Vec<u8>,
    flags: Vec<u8>,
    received: ReceivedOverrides,
}

impl TransferBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with room for `n` transfers.
    pub fn with_capacity(n: usize) -> Self {
        TransferBuilder {
            src: Vec::with_capacity(n),
            dst: Vec::with_capacity(n),
            ts: Vec::with_capacity(n),
            amount_paid: Vec::with_capacity(n),
            currency_paid: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            received: ReceivedOverrides::default(),
        }
    }

    /// Number of transfers pushed so far.
    pub fn len(&self) -> usize {
        self.src.len()
    }

    /// Whether nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.src.is_empty()
    }

    /// Appends a transfer. Fails only when the dataset outgrows `u32` transfer ids.
    pub fn push(&mut self, t: &Transfer) -> Result<(), ModelError> {
        let id = u32::try_from(self.len())
            .ok()
            .filter(|&id| id < u32::MAX)
            .ok_or(ModelError::TooManyTransfers)?;
        let flags = pack_flags(t);
        if flags & RECEIVED_DIFFERS != 0 {
            self.received
                .push(id, t.amount_received, t.currency_received);
        }
        self.src.push(t.src);
        self.dst.push(t.dst);
        self.ts.push(t.ts);
        self.amount_paid.push(t.amount_paid);
        self.currency_paid.push(t.currency_paid.index());
        self.flags.push(flags);
        Ok(())
    }

    /// Sorts by time (stable, so ties keep input order) and compacts the columns.
    pub fn finish(self) -> Transfers {
        let TransferBuilder {
            src,
            dst,
            ts,
            amount_paid,
            currency_paid,
            flags,
            received,
        } = self;
        if ts.is_sorted() {
            return Transfers {
                src: shrunk(src),
                dst: shrunk(dst),
                time: TimeColumn::from_sorted(ts),
                amount_paid: shrunk(amount_paid),
                currency_paid: shrunk(currency_paid),
                flags: shrunk(flags),
                received,
                input_rows: None,
            };
        }
        let mut order: Vec<u32> = (0..ts.len() as u32).collect();
        order.sort_by_key(|&i| ts[i as usize]);
        // Columns are permuted one at a time so only one extra column is alive at once.
        let time = TimeColumn::from_sorted(gather(ts, &order));
        let flags = gather(flags, &order);
        let received = permute_overrides(&received, &order, &flags);
        Transfers {
            src: gather(src, &order),
            dst: gather(dst, &order),
            time,
            amount_paid: gather(amount_paid, &order),
            currency_paid: gather(currency_paid, &order),
            flags,
            received,
            input_rows: Some(order),
        }
    }
}

fn shrunk<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// `result[new] = column[order[new]]`, dropping the input column.
fn gather<T: Copy>(column: Vec<T>, order: &[u32]) -> Vec<T> {
    order.iter().map(|&old| column[old as usize]).collect()
}

/// Re-keys the overrides from input positions to sorted ids; `flags` is already sorted.
fn permute_overrides(
    by_input: &ReceivedOverrides,
    order: &[u32],
    flags: &[u8],
) -> ReceivedOverrides {
    let mut sorted = ReceivedOverrides::default();
    for (new, &old) in order.iter().enumerate() {
        if flags[new] & RECEIVED_DIFFERS != 0 {
            let k = by_input
                .find(old)
                .expect("every flagged transfer has an override");
            let currency = Currency::from_index(by_input.currencies[k]).expect("valid id");
            sorted.push(new as u32, by_input.amounts[k], currency);
        }
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transfer(src: u32, dst: u32, ts: i64, amount: f64) -> Transfer {
        Transfer {
            src,
            dst,
            ts,
            amount_paid: amount,
            currency_paid: Currency::USD,
            amount_received: amount,
            currency_received: Currency::USD,
            format: PaymentFormat::Wire,
            label: None,
        }
    }

    #[test]
    fn sorts_by_time_keeping_input_order_on_ties() {
        let mut b = TransferBuilder::new();
        for (i, ts) in [30, 10, 20, 10].into_iter().enumerate() {
            b.push(&transfer(i as u32, 0, ts, i as f64)).unwrap();
        }
        let t = b.finish();
        let order: Vec<_> = (0..4)
            .map(|id| (t.ts(id), t.src(id), t.input_row(id)))
            .collect();
        assert_eq!(order, [(10, 1, 1), (10, 3, 3), (20, 2, 2), (30, 0, 0)]);
        assert!(!t.input_was_sorted());
    }

    #[test]
    fn every_field_round_trips_through_the_columns() {
        let euro = Currency::parse("EUR").unwrap();
        let mut cross = transfer(4, 5, 100, 10.5);
        cross.amount_received = 9.25;
        cross.currency_received = euro;
        cross.format = PaymentFormat::Bitcoin;
        cross.label = Some(true);
        let mut plain = transfer(6, 6, 50, 1.0);
        plain.label = Some(false);
        let mut b = TransferBuilder::new();
        b.push(&cross).unwrap();
        b.push(&plain).unwrap();
        let t = b.finish();
        assert_eq!(t.get(0), plain);
        assert_eq!(t.get(1), cross);
    }

    #[test]
    fn time_windows_are_id_ranges() {
        let mut b = TransferBuilder::new();
        for ts in [5, 5, 7, 9, 12] {
            b.push(&transfer(0, 1, ts, 1.0)).unwrap();
        }
        let t = b.finish();
        assert!(t.input_was_sorted());
        assert_eq!(t.ids_between(5, 9), 0..4);
        assert_eq!(t.ids_between(6, 8), 2..3);
        assert_eq!(t.ids_between(13, 20), 5..5);
        assert_eq!(t.ids_between(10, 1), 4..4);
        assert_eq!(t.ids_between(i64::MIN, i64::MAX), 0..5);
        assert_eq!(t.time_span(), Some((5, 12)));
    }

    #[test]
    fn spans_beyond_u32_seconds_use_wide_times() {
        let mut b = TransferBuilder::new();
        b.push(&transfer(0, 1, i64::from(u32::MAX) * 3, 1.0))
            .unwrap();
        b.push(&transfer(0, 1, -10, 1.0)).unwrap();
        let t = b.finish();
        assert_eq!((t.ts(0), t.ts(1)), (-10, i64::from(u32::MAX) * 3));
        assert_eq!(t.ids_between(0, i64::MAX), 1..2);
    }
}
