//! Transfers as columns sorted by time (the builder that sorts them is in `builder.rs`).
//!
//! Memory is the constraint that shapes this file: flowtrace promises at most 40 bytes a transfer
//! all included, CSR adjacency and account table too. So a transfer costs 18 to 22 bytes here:
//! source and destination ids (4 + 4), amount paid (8), currency paid (1), one byte of flags
//! (payment format, label) and its time, which costs nothing per transfer when times repeat (as
//! minutes do) and 4 bytes otherwise (see `time_column.rs`). The amount and currency received are
//! stored only for the few transfers where they differ from those paid (cross-currency payments),
//! and input positions only when the input was out of time order and the reader was asked to
//! keep them.

use crate::time_column::TimeColumn;
use crate::{AccountId, Currency, PaymentFormat};

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

impl Transfer {
    /// A transfer received in the currency and amount it was paid in, without a label: the
    /// common case, to which fields can be added with struct update syntax.
    pub fn new(
        src: AccountId,
        dst: AccountId,
        ts: i64,
        amount: f64,
        currency: Currency,
        format: PaymentFormat,
    ) -> Transfer {
        Transfer {
            src,
            dst,
            ts,
            amount_paid: amount,
            currency_paid: currency,
            amount_received: amount,
            currency_received: currency,
            format,
            label: None,
        }
    }
}

pub(crate) const FORMAT_MASK: u8 = 0b0000_0111;
pub(crate) const HAS_LABEL: u8 = 0b0000_1000;
pub(crate) const LABEL: u8 = 0b0001_0000;
pub(crate) const RECEIVED_DIFFERS: u8 = 0b0010_0000;

pub(crate) fn pack_flags(t: &Transfer) -> u8 {
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

/// Transfers per block of [`ReceivedOverrides::before_block`].
const BLOCK: usize = 64;

/// Received amounts that differ from the paid ones, keyed by transfer id (ascending).
#[derive(Clone, Debug, Default)]
pub(crate) struct ReceivedOverrides {
    pub(crate) ids: Vec<u32>,
    pub(crate) amounts: Vec<f64>,
    pub(crate) currencies: Vec<u8>,
    /// Per block of 64 transfer ids, how many overrides come before the block. With the
    /// `RECEIVED_DIFFERS` flags inside the block this gives an override's place without a
    /// binary search, which on ten million transfers missed the cache about ten times a look
    /// (a twentieth of the transfers of a simulated world have one). 0.06 bytes a transfer.
    before_block: Vec<u32>,
}

impl ReceivedOverrides {
    pub(crate) fn push(&mut self, id: u32, amount: f64, currency: Currency) {
        self.ids.push(id);
        self.amounts.push(amount);
        self.currencies.push(currency.index());
    }

    /// The place of `id`'s override, by binary search (while the transfers are being built).
    pub(crate) fn find(&self, id: u32) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// Counts the overrides before each block of `flags`, the transfers' final flags.
    pub(crate) fn index_blocks(&mut self, flags: &[u8]) {
        let mut before = 0u32;
        self.before_block = flags
            .chunks(BLOCK)
            .map(|block| {
                let at = before;
                before += block.iter().filter(|&&f| f & RECEIVED_DIFFERS != 0).count() as u32;
                at
            })
            .collect();
    }

    /// The place of the override of `id`, whose flag in `flags` says it has one.
    #[inline]
    pub(crate) fn place(&self, id: u32, flags: &[u8]) -> Option<usize> {
        let id = id as usize;
        match self.before_block.get(id / BLOCK) {
            Some(&before) => {
                let block_start = id - id % BLOCK;
                let within = flags[block_start..id]
                    .iter()
                    .filter(|&&f| f & RECEIVED_DIFFERS != 0)
                    .count();
                Some(before as usize + within)
            }
            None => self.find(id as u32),
        }
    }

    fn heap_bytes(&self) -> usize {
        self.ids.capacity() * 4
            + self.amounts.capacity() * 8
            + self.currencies.capacity()
            + self.before_block.capacity() * 4
    }
}

/// All transfers of a dataset, in time order (ties keep input order), as columns.
#[derive(Clone, Debug)]
pub struct Transfers {
    pub(crate) src: Vec<AccountId>,
    pub(crate) dst: Vec<AccountId>,
    pub(crate) time: TimeColumn,
    pub(crate) amount_paid: Vec<f64>,
    pub(crate) currency_paid: Vec<u8>,
    pub(crate) flags: Vec<u8>,
    pub(crate) received: ReceivedOverrides,
    pub(crate) input_order: InputOrder,
}

/// How transfer ids relate to positions in the input.
#[derive(Clone, Debug)]
pub(crate) enum InputOrder {
    /// The input was in time order: id and input position coincide.
    Sorted,
    /// `rows[id]` is the 0-based input position of transfer `id`.
    Kept(Vec<u32>),
    /// The input was not in time order and the positions were not asked for (they cost 4 bytes
    /// a transfer; see [`TransferBuilder::keep_input_rows`](crate::TransferBuilder)).
    Dropped,
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

    /// Amount paid of every transfer, in time order (each in its own paying currency).
    pub fn amounts_paid(&self) -> &[f64] {
        &self.amount_paid
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
    #[inline]
    pub fn amount_received(&self, id: TransferId) -> f64 {
        match self.received_override(id) {
            Some(k) => self.received.amounts[k],
            None => self.amount_paid(id),
        }
    }

    /// Currency received.
    #[inline]
    pub fn currency_received(&self, id: TransferId) -> Currency {
        match self.received_override(id) {
            Some(k) => {
                Currency::from_index(self.received.currencies[k]).expect("ids come from Currency")
            }
            None => self.currency_paid(id),
        }
    }

    #[inline]
    fn received_override(&self, id: TransferId) -> Option<usize> {
        if self.flags[id as usize] & RECEIVED_DIFFERS == 0 {
            return None;
        }
        self.received.place(id, &self.flags)
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

    /// 0-based position of the transfer in the input it was read from; `None` if the input was
    /// out of time order and the reader was not asked to keep input positions.
    #[inline]
    pub fn input_row(&self, id: TransferId) -> Option<u32> {
        match &self.input_order {
            InputOrder::Sorted => Some(id),
            InputOrder::Kept(rows) => Some(rows[id as usize]),
            InputOrder::Dropped => None,
        }
    }

    /// Whether the input was already in time order (then [`Transfers::input_row`] is the id).
    pub fn input_was_sorted(&self) -> bool {
        matches!(self.input_order, InputOrder::Sorted)
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
        self.time.first_at_or_after(t)
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
            + match &self.input_order {
                InputOrder::Kept(rows) => rows.capacity() * 4,
                _ => 0,
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TransferBuilder;

    fn transfer(src: u32, dst: u32, ts: i64, amount: f64) -> Transfer {
        Transfer::new(src, dst, ts, amount, Currency::USD, PaymentFormat::Wire)
    }

    #[test]
    fn sorts_by_time_keeping_input_order_on_ties() {
        let mut b = TransferBuilder::new();
        for (i, ts) in [30, 10, 20, 10].into_iter().enumerate() {
            b.push(&transfer(i as u32, 0, ts, i as f64)).unwrap();
        }
        let t = b.finish();
        let order: Vec<_> = (0..4)
            .map(|id| (t.ts(id), t.src(id), t.input_row(id).unwrap()))
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

    /// Received amounts are found by counting flags within a block of 64: on a shuffled input
    /// where about one transfer in seven differs, across many blocks, every one reads back.
    #[test]
    fn received_amounts_read_back_across_blocks() {
        let euro = Currency::parse("EUR").unwrap();
        let mut rows = Vec::new();
        let mut b = TransferBuilder::new();
        for i in 0..5_000u32 {
            // A fixed pseudo-random time (so the builder reorders) and a sparse difference.
            let ts = i64::from((i.wrapping_mul(2_654_435_761)) % 997);
            let mut t = transfer(i % 13, i % 7, ts, f64::from(i) + 0.5);
            if (i * 7 + 3) % 50 < 7 {
                t.amount_received = f64::from(i) * 0.9;
                t.currency_received = euro;
            }
            b.push(&t).unwrap();
            rows.push(t);
        }
        let t = b.finish();
        for id in 0..t.len() as TransferId {
            let row = &rows[t.input_row(id).unwrap() as usize];
            assert_eq!(t.amount_received(id), row.amount_received, "transfer {id}");
            assert_eq!(
                t.currency_received(id),
                row.currency_received,
                "transfer {id}"
            );
        }
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
