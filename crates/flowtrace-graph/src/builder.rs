//! Collecting transfers in input order, then sorting them by time in place.
//!
//! The builder is where a load's memory peaks, so it is as lean as the finished columns: times are
//! kept as `i32` seconds from the first transfer while they fit (±68 years), and sorting permutes
//! each column in place by following the permutation's cycles, so no second copy of a column is
//! ever alive. The permutation itself becomes [`Transfers`]' input-row column.

use rayon::prelude::*;

use crate::sort_order::stable_order;
use crate::time_column::TimeColumn;
use crate::transfers::{pack_flags, InputOrder, ReceivedOverrides, RECEIVED_DIFFERS};
use crate::{AccountId, Currency, ModelError, Transfer, Transfers};

/// Times in input order.
enum Times {
    /// Seconds from `base` (the first time pushed), while every time fits in an `i32`.
    Relative { base: i64, offsets: Vec<i32> },
    /// Plain seconds, once some time did not fit.
    Wide(Vec<i64>),
}

impl Times {
    fn push(&mut self, ts: i64) {
        match self {
            Times::Relative { base, offsets } => {
                if offsets.is_empty() {
                    *base = ts;
                }
                match ts.checked_sub(*base).and_then(|d| i32::try_from(d).ok()) {
                    Some(offset) => offsets.push(offset),
                    None => {
                        let base = *base;
                        let mut wide: Vec<i64> =
                            offsets.iter().map(|&o| base + i64::from(o)).collect();
                        wide.push(ts);
                        *self = Times::Wide(wide);
                    }
                }
            }
            Times::Wide(times) => times.push(ts),
        }
    }

    fn is_sorted(&self) -> bool {
        match self {
            Times::Relative { offsets, .. } => offsets.is_sorted(),
            Times::Wide(times) => times.is_sorted(),
        }
    }

    /// Input positions in time order; ties keep input order.
    fn sorted_order(&self) -> Vec<u32> {
        match self {
            Times::Relative { offsets, .. } => stable_order(offsets),
            Times::Wide(times) => stable_order(times),
        }
    }

    fn permute(&mut self, order: &[u32]) {
        match self {
            Times::Relative { offsets, .. } => *offsets = gather(offsets, order),
            Times::Wide(times) => *times = gather(times, order),
        }
    }

    /// The finished column; the times must be sorted.
    fn into_column(self) -> TimeColumn {
        match self {
            Times::Relative { base, offsets } => {
                let min = offsets.first().copied().unwrap_or(0);
                // Same-size `map().collect()` reuses the allocation, so this costs no memory.
                let offsets: Vec<u32> = offsets
                    .into_iter()
                    .map(|o| o.wrapping_sub(min) as u32)
                    .collect();
                TimeColumn::from_sorted_offsets(base + i64::from(min), offsets)
            }
            Times::Wide(times) => TimeColumn::from_sorted(times),
        }
    }
}

/// Collects transfers in input order and sorts them by time once at the end.
pub struct TransferBuilder {
    src: Vec<AccountId>,
    dst: Vec<AccountId>,
    times: Times,
    amount_paid: Vec<f64>,
    currency_paid: Vec<u8>,
    flags: Vec<u8>,
    received: ReceivedOverrides,
    keep_input_rows: bool,
}

impl Default for TransferBuilder {
    fn default() -> Self {
        Self::with_capacity(0)
    }
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
            times: Times::Relative {
                base: 0,
                offsets: Vec::with_capacity(n),
            },
            amount_paid: Vec::with_capacity(n),
            currency_paid: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            received: ReceivedOverrides::default(),
            keep_input_rows: true,
        }
    }

    /// Whether [`Transfers::input_row`] should work when the input is out of time order
    /// (default: yes). Keeping the positions costs 4 bytes a transfer; results that are written
    /// back in input order need them, summaries and graph algorithms do not.
    pub fn keep_input_rows(&mut self, keep: bool) {
        self.keep_input_rows = keep;
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
        self.times.push(t.ts);
        self.amount_paid.push(t.amount_paid);
        self.currency_paid.push(t.currency_paid.index());
        self.flags.push(flags);
        Ok(())
    }

    /// Rewrites every source and destination id, e.g. from encoded shard ids to final ones.
    pub fn map_accounts(&mut self, map: impl Fn(AccountId) -> AccountId) {
        self.src
            .iter_mut()
            .chain(self.dst.iter_mut())
            .for_each(|id| *id = map(*id));
    }

    /// Sorts by time (stable, so ties keep input order) and compacts the columns.
    pub fn finish(mut self) -> Transfers {
        let mut input_order = InputOrder::Sorted;
        if !self.times.is_sorted() {
            let order = self.times.sorted_order();
            // Gathering into a new column is several times faster than moving along cycles, but
            // holds two copies of a column for a moment; the 8-byte amounts, the one column
            // whose copy would push the load past its memory budget, move in place instead,
            // on one thread while the other columns are gathered one by one on the rest.
            let TransferBuilder {
                src,
                dst,
                times,
                amount_paid,
                currency_paid,
                flags,
                ..
            } = &mut self;
            rayon::join(
                || {
                    let mut visited = vec![0u64; order.len().div_ceil(64)];
                    permute_in_place(amount_paid, &order, &mut visited);
                },
                || {
                    *src = gather(src, &order);
                    *dst = gather(dst, &order);
                    times.permute(&order);
                    *currency_paid = gather(currency_paid, &order);
                    *flags = gather(flags, &order);
                },
            );
            self.received = permute_overrides(&self.received, &order, &self.flags);
            input_order = if self.keep_input_rows {
                InputOrder::Kept(order)
            } else {
                InputOrder::Dropped
            };
        }
        self.received.index_blocks(&self.flags);
        Transfers {
            src: shrunk(self.src),
            dst: shrunk(self.dst),
            time: self.times.into_column(),
            amount_paid: shrunk(self.amount_paid),
            currency_paid: shrunk(self.currency_paid),
            flags: shrunk(self.flags),
            received: self.received,
            input_order,
        }
    }
}

fn shrunk<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// `result[k] = column[order[k]]`.
fn gather<T: Copy + Send + Sync>(column: &[T], order: &[u32]) -> Vec<T> {
    order.par_iter().map(|&i| column[i as usize]).collect()
}

/// Makes `column[k] = old column[order[k]]` for every `k`, moving values along the cycles of
/// the permutation. `visited` is scratch space of one bit per row, cleared on return.
fn permute_in_place<T: Copy>(column: &mut [T], order: &[u32], visited: &mut [u64]) {
    let seen = |v: &[u64], i: usize| v[i / 64] & (1 << (i % 64)) != 0;
    for start in 0..column.len() {
        if seen(visited, start) {
            continue;
        }
        let saved = column[start];
        let mut at = start;
        loop {
            visited[at / 64] |= 1 << (at % 64);
            let from = order[at] as usize;
            if from == start {
                column[at] = saved;
                break;
            }
            column[at] = column[from];
            at = from;
        }
    }
    visited.fill(0);
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

    #[test]
    fn in_place_permutation_matches_a_gather() {
        let n = 1000usize;
        let column: Vec<u64> = (0..n as u64).map(|i| i * 31 % 997).collect();
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&i| (i * 7919) % 1009);
        let want: Vec<u64> = order.iter().map(|&i| column[i as usize]).collect();
        let mut got = column.clone();
        let mut visited = vec![0u64; n.div_ceil(64)];
        permute_in_place(&mut got, &order, &mut visited);
        assert_eq!(got, want);
        assert!(visited.iter().all(|&w| w == 0));
    }

    #[test]
    fn times_switch_to_wide_when_an_offset_overflows() {
        let mut times = Times::Relative {
            base: 0,
            offsets: Vec::new(),
        };
        times.push(1_000);
        times.push(1_000 + i64::from(i32::MAX) + 1);
        times.push(-5);
        assert!(matches!(times, Times::Wide(_)));
        assert_eq!(times.sorted_order(), [2, 0, 1]);
    }
}
