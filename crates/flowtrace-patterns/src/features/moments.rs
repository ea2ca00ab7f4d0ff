//! snapml's running moments of a vertex's values: mean and central moment sums updated one
//! value at a time (Terriberry's online update), values taken out again when `fit` prunes
//! old edges, and two resets that make snapml's variance, skewness and kurtosis what they
//! are. Pinned down by probing snapml 1.17.2 with hand-made vertices (see the parity test):
//!
//! - **Removal** undoes an insertion exactly (the update solved for the previous state),
//!   except that when the `M2` left is below `1e-5` times the `M2` before in magnitude, it
//!   becomes 0 (against cancellation); the `M3` and `M4` updates that follow use that 0. So a
//!   vertex whose survivors are close together next to the spread of the evicted values
//!   loses their spread: survivors at 850,119 and 850,434 s after evicting values from 118
//!   to 508,173 s drop `315^2 / 2` from `M2` (0.16% of the vertices of the 1M benchmark).
//! - **Output**: variance `M2 / n`; when it is not above `1e-5 * mean^2` variance, skewness
//!   and kurtosis are all 0; otherwise skewness `(M3 / n) / var^1.5` and kurtosis
//!   `(M4 / n) / var^2` (not excess).
//!
//! A two-pass computation over the same values agrees except where a reset fires, which is
//! why the order of insertions and removals is replayed rather than the values summarised.

/// Below this fraction of the squared mean, an output variance is taken to be 0.
const RELATIVE_VARIANCE_FLOOR: f64 = 1e-5;

/// Below this fraction of `M2` before a removal, the `M2` after it is taken to be 0.
const CANCELLATION_FLOOR: f64 = 1e-5;

/// Running count, sum, mean and central moment sums of the values inserted and not removed.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Moments {
    n: f64,
    sum: f64,
    mean: f64,
    m2: f64,
    m3: f64,
    m4: f64,
}

/// avg, sum, var, skew, kurtosis as snapml outputs them.
pub(crate) struct MomentStats {
    pub avg: f64,
    pub sum: f64,
    pub var: f64,
    pub skew: f64,
    pub kurtosis: f64,
}

impl Moments {
    /// Inserts `x`.
    pub fn add(&mut self, x: f64) {
        let before = self.n;
        let n = before + 1.0;
        let delta = x - self.mean;
        let dn = delta / n;
        let dn2 = dn * dn;
        let term1 = delta * dn * before;
        self.mean += dn;
        self.m4 += term1 * dn2 * (n * n - 3.0 * n + 3.0) + 6.0 * dn2 * self.m2 - 4.0 * dn * self.m3;
        self.m3 += term1 * dn * (n - 2.0) - 3.0 * dn * self.m2;
        self.m2 += term1;
        self.n = n;
        self.sum += x;
    }

    /// Removes `x` (inserted earlier), with snapml's reset of a negligible variance.
    pub fn remove(&mut self, x: f64) {
        if self.n <= 1.0 {
            *self = Moments::default();
            return;
        }
        let n = self.n;
        let mean = (n * self.mean - x) / (n - 1.0);
        let delta = x - mean;
        let dn = delta / n;
        let dn2 = dn * dn;
        let term1 = delta * dn * (n - 1.0);
        let mut m2 = self.m2 - term1;
        // Magnitude against the M2 before: an M2 already reset to 0 can go negative here,
        // and snapml keeps it (a vertex left with one value then carries -d^2/2).
        if m2.abs() < CANCELLATION_FLOOR * self.m2 {
            m2 = 0.0;
        }
        let m3 = self.m3 - term1 * dn * (n - 2.0) + 3.0 * dn * m2;
        let m4 = self.m4 - term1 * dn2 * (n * n - 3.0 * n + 3.0) - 6.0 * dn2 * m2 + 4.0 * dn * m3;
        *self = Moments {
            n: n - 1.0,
            sum: self.sum - x,
            mean,
            m2,
            m3,
            m4,
        };
    }

    /// The statistics snapml outputs for this state.
    pub fn stats(&self) -> MomentStats {
        if self.n == 0.0 {
            return MomentStats {
                avg: 0.0,
                sum: 0.0,
                var: 0.0,
                skew: 0.0,
                kurtosis: 0.0,
            };
        }
        let var = self.m2 / self.n;
        let spread = var > RELATIVE_VARIANCE_FLOOR * self.mean * self.mean;
        let (var, skew, kurtosis) = if spread {
            let skew = (self.m3 / self.n) / var.powf(1.5);
            (var, skew, (self.m4 / self.n) / (var * var))
        } else {
            (0.0, 0.0, 0.0)
        };
        MomentStats {
            avg: self.mean,
            sum: self.sum,
            var,
            skew,
            kurtosis,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats_of(add: &[f64], remove: &[f64], add_again: &[f64]) -> MomentStats {
        let mut m = Moments::default();
        add.iter().for_each(|&x| m.add(x));
        remove.iter().for_each(|&x| m.remove(x));
        add_again.iter().for_each(|&x| m.add(x));
        m.stats()
    }

    #[test]
    fn removal_undoes_insertion() {
        let s = stats_of(&[3.0, 9.0, 4.0, 10.0], &[3.0, 9.0], &[]);
        assert!((s.avg - 7.0).abs() < 1e-12);
        assert!((s.var - 9.0).abs() < 1e-12);
        assert!(s.skew.abs() < 1e-12);
        assert!((s.kurtosis - 1.0).abs() < 1e-12);
    }

    #[test]
    fn spread_cancelled_by_removal_is_reset() {
        // snapml 1.17.2 gives var 2559360.14, skew 1.4999997557983418, kurtosis
        // 3.2499998371989003 (5000 evicted, then all three inserted again).
        let s = stats_of(
            &[5000.0, 1000.0, 1001.0],
            &[5000.0],
            &[5000.0, 1000.0, 1001.0],
        );
        assert!((s.var - 2559360.14).abs() < 1e-6);
        assert!((s.skew - 1.4999997557983418).abs() < 1e-12);
        assert!((s.kurtosis - 3.2499998371989003).abs() < 1e-12);
    }

    #[test]
    fn negligible_variance_is_output_as_zero() {
        let s = stats_of(&[1000.0, 1001.0, 1000.0, 1001.0], &[], &[]);
        assert_eq!((s.var, s.skew, s.kurtosis), (0.0, 0.0, 0.0));
        let s = stats_of(&[-1e-9, 1e-9], &[], &[]);
        assert!(s.var > 0.0);
    }
}
