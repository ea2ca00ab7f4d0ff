//! When ordinary payments happen: how many fall on each day and hour, exactly.
//!
//! Volumes follow a weekly rhythm (weekends are quieter) and a daily one (little at night, a
//! peak in business hours), and the counts are whole numbers that add up exactly to the
//! configured total, so a world has precisely as many transfers as it was asked for.

/// Relative volume by hour of day (UTC).
const HOURLY: [f64; 24] = [
    0.25, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.5, 1.9, 2.0, 2.0, 1.9, 1.9, 2.0, 1.9, 1.8, 1.6,
    1.4, 1.2, 1.0, 0.8, 0.6, 0.4,
];

/// Relative volume of a weekday (Monday first).
const WEEKLY: [f64; 7] = [1.1, 1.05, 1.0, 1.0, 1.1, 0.7, 0.5];

/// Day of the week of a day number (days since 1970-01-01, a Thursday); Monday is 0.
pub fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// Splits `total` into whole parts in proportion to `weights` (largest remainder, ties to the
/// earlier part), so the parts add up to `total` exactly.
pub fn apportion(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let short = total - parts.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order.iter().take(short as usize) {
        parts[i] += 1;
    }
    parts
}

/// Ordinary transfers per hour of every day: `volumes[day][hour]`.
pub fn hourly_volumes(total: u64, first_day: i64, days: u32) -> Vec<[u64; 24]> {
    let day_weights: Vec<f64> = (0..days as i64)
        .map(|d| WEEKLY[weekday(first_day + d)])
        .collect();
    apportion(total, &day_weights)
        .into_iter()
        .map(|n| {
            let mut hours = [0u64; 24];
            hours.copy_from_slice(&apportion(n, &HOURLY));
            hours
        })
        .collect()
}

/// Relative chance that a payment of business hours falls in each hour, for planted patterns
/// that should hide inside ordinary timing.
pub fn business_hour_weights() -> &'static [f64; 24] {
    &HOURLY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up() {
        let parts = apportion(1001, &[1.0, 1.0, 1.0]);
        assert_eq!(parts.iter().sum::<u64>(), 1001);
        assert_eq!(parts, vec![334, 334, 333]);
        let v = hourly_volumes(200_000, 19_236, 14);
        assert_eq!(v.iter().flatten().sum::<u64>(), 200_000);
        // Business hours outweigh the night.
        assert!(v[0][10] > 5 * v[0][3]);
    }

    #[test]
    fn weekdays() {
        // 2022-09-01 (day 19236) was a Thursday.
        assert_eq!(weekday(19_236), 3);
    }
}
