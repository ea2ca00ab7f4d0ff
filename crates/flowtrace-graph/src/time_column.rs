//! The time column of sorted transfers, in whichever of three forms is smallest.
//!
//! Sorted times are a step function of the transfer id. Files with minute resolution, such as
//! AMLworld's, have far fewer distinct times than transfers (26 thousand minutes in 18 days against
//! 5 million transfers), so storing each distinct time once with the id where it starts costs a
//! few hundred kilobytes instead of 4 bytes a transfer. A lookup is then a binary search in a
//! table small enough to stay in cache, about as fast as the cache miss a plain column costs on
//! random access. Times with few repeats are stored as `u32` offsets from the earliest time, or
//! as plain `i64` when the span exceeds 136 years.

/// Times of transfers in time order.
#[derive(Clone, Debug)]
pub(crate) enum TimeColumn {
    /// `times[r]` holds for ids `starts[r]..starts[r + 1]` (the last run ends at `len`).
    Runs {
        starts: Vec<u32>,
        times: Vec<i64>,
        len: usize,
    },
    /// Seconds after `base`.
    Compact { base: i64, offsets: Vec<u32> },
    /// Plain UTC seconds.
    Wide(Vec<i64>),
}

/// Bytes a run costs (start id and time) against bytes an offset costs.
const RUN_BYTES: usize = 12;
const OFFSET_BYTES: usize = 4;

impl TimeColumn {
    /// The smallest form of sorted `base + offsets`.
    pub(crate) fn from_sorted_offsets(base: i64, offsets: Vec<u32>) -> TimeColumn {
        match runs(&offsets, |o| base + i64::from(o)) {
            Some((starts, times)) => TimeColumn::Runs {
                starts,
                times,
                len: offsets.len(),
            },
            None => {
                let mut offsets = offsets;
                offsets.shrink_to_fit();
                TimeColumn::Compact { base, offsets }
            }
        }
    }

    /// The smallest form of sorted `times`.
    pub(crate) fn from_sorted(times: Vec<i64>) -> TimeColumn {
        let (Some(&first), Some(&last)) = (times.first(), times.last()) else {
            return TimeColumn::Compact {
                base: 0,
                offsets: Vec::new(),
            };
        };
        if u32::try_from(last.abs_diff(first)).is_ok() {
            let offsets = times.iter().map(|&t| (t - first) as u32).collect();
            return Self::from_sorted_offsets(first, offsets);
        }
        match runs(&times, |t| t) {
            Some((starts, times_of_runs)) => TimeColumn::Runs {
                starts,
                times: times_of_runs,
                len: times.len(),
            },
            None => TimeColumn::Wide(times),
        }
    }

    /// The time of transfer `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> i64 {
        match self {
            TimeColumn::Runs { starts, times, .. } => {
                times[starts.partition_point(|&s| s as usize <= i) - 1]
            }
            TimeColumn::Compact { base, offsets } => base + i64::from(offsets[i]),
            TimeColumn::Wide(times) => times[i],
        }
    }

    /// Index of the first transfer at or after `t` (the length if none).
    pub(crate) fn first_at_or_after(&self, t: i64) -> usize {
        match self {
            TimeColumn::Runs { starts, times, len } => {
                let run = times.partition_point(|&x| x < t);
                starts.get(run).map_or(*len, |&s| s as usize)
            }
            TimeColumn::Compact { base, offsets } => {
                if t <= *base {
                    return 0;
                }
                match u32::try_from(t - base) {
                    Ok(off) => offsets.partition_point(|&o| o < off),
                    Err(_) => offsets.len(),
                }
            }
            TimeColumn::Wide(times) => times.partition_point(|&x| x < t),
        }
    }

    /// Bytes of heap memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        match self {
            TimeColumn::Runs { starts, times, .. } => starts.capacity() * 4 + times.capacity() * 8,
            TimeColumn::Compact { offsets, .. } => offsets.capacity() * 4,
            TimeColumn::Wide(times) => times.capacity() * 8,
        }
    }
}

/// Run starts and times of a sorted column, if runs are the smaller form.
fn runs<T: Copy + PartialEq>(
    sorted: &[T],
    time: impl Fn(T) -> i64,
) -> Option<(Vec<u32>, Vec<i64>)> {
    let distinct = 1 + sorted.windows(2).filter(|w| w[0] != w[1]).count();
    if sorted.is_empty() || distinct * RUN_BYTES >= sorted.len() * OFFSET_BYTES {
        return None;
    }
    let mut starts = Vec::with_capacity(distinct);
    let mut times = Vec::with_capacity(distinct);
    for (i, &value) in sorted.iter().enumerate() {
        if i == 0 || sorted[i - 1] != value {
            starts.push(i as u32);
            times.push(time(value));
        }
    }
    Some((starts, times))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_against_plain(times: Vec<i64>) {
        let column = TimeColumn::from_sorted(times.clone());
        for (i, &t) in times.iter().enumerate() {
            assert_eq!(column.get(i), t);
        }
        for probe in [i64::MIN, -1, 0, 5, 59, 60, 61, 600, 10_000, i64::MAX] {
            assert_eq!(
                column.first_at_or_after(probe),
                times.partition_point(|&x| x < probe)
            );
        }
    }

    #[test]
    fn minute_data_uses_runs() {
        let times: Vec<i64> = (0..1000).map(|i| (i / 40) * 60).collect();
        assert!(matches!(
            TimeColumn::from_sorted(times.clone()),
            TimeColumn::Runs { .. }
        ));
        check_against_plain(times);
    }

    #[test]
    fn distinct_times_use_offsets_or_wide() {
        let times: Vec<i64> = (0..1000).map(|i| i * 7).collect();
        assert!(matches!(
            TimeColumn::from_sorted(times.clone()),
            TimeColumn::Compact { .. }
        ));
        check_against_plain(times);
        let wide = vec![-(1 << 40), 0, 1, 2, 3, 1 << 40];
        assert!(matches!(
            TimeColumn::from_sorted(wide.clone()),
            TimeColumn::Wide(_)
        ));
        check_against_plain(wide);
        let wide_runs: Vec<i64> = (0..100)
            .map(|i| if i < 50 { -(1 << 40) } else { 1 << 40 })
            .collect();
        assert!(matches!(
            TimeColumn::from_sorted(wide_runs.clone()),
            TimeColumn::Runs { .. }
        ));
        check_against_plain(wide_runs);
        check_against_plain(Vec::new());
    }
}
