//! Binary-classification metrics for the illicit (minority) class, as pure functions over slices.
//!
//! Everything takes `scores` and `truth` side by side (same length, same order) so that other
//! crates can score their own results without files. A transfer or account is *flagged* when its
//! score is at least the threshold ([`is_flagged`]); labels are scores 0 and 1, so a label of 1
//! is flagged at any threshold in (0, 1]. NaN scores are never flagged.
//!
//! Where a ratio has a zero denominator (precision with nothing flagged, recall with no illicit
//! item) it is 0, as scikit-learn's `zero_division=0` makes it: a detector that flags nothing
//! should not score well.

use serde::Serialize;

#[cfg(test)]
mod tests;

/// Whether a score counts as a positive prediction at `threshold`.
#[inline]
pub fn is_flagged(score: f64, threshold: f64) -> bool {
    score >= threshold
}

/// Counts of flagged / not flagged against illicit / licit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// Flagged and illicit.
    pub true_pos: u64,
    /// Flagged but licit.
    pub false_pos: u64,
    /// Illicit but not flagged.
    pub false_neg: u64,
    /// Licit and not flagged.
    pub true_neg: u64,
}

impl Confusion {
    /// Counts the decisions at `threshold`.
    ///
    /// # Panics
    /// If `scores` and `truth` differ in length (a bug in the caller, not bad input).
    pub fn at(scores: &[f64], truth: &[bool], threshold: f64) -> Confusion {
        assert_eq!(scores.len(), truth.len(), "one score per truth value");
        let mut c = Confusion::default();
        for (&s, &t) in scores.iter().zip(truth) {
            match (is_flagged(s, threshold), t) {
                (true, true) => c.true_pos += 1,
                (true, false) => c.false_pos += 1,
                (false, true) => c.false_neg += 1,
                (false, false) => c.true_neg += 1,
            }
        }
        c
    }

    /// Items flagged.
    pub fn flagged(&self) -> u64 {
        self.true_pos + self.false_pos
    }

    /// Illicit items.
    pub fn positives(&self) -> u64 {
        self.true_pos + self.false_neg
    }

    /// All items.
    pub fn total(&self) -> u64 {
        self.true_pos + self.false_pos + self.false_neg + self.true_neg
    }

    /// Share of flagged items that are illicit (0 when nothing is flagged).
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.flagged())
    }

    /// Share of illicit items that are flagged (0 when nothing is illicit).
    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.positives())
    }

    /// Harmonic mean of precision and recall, computed as 2TP / (2TP + FP + FN), which equals
    /// 2PR / (P + R) without its 0/0 cases.
    pub fn f1(&self) -> f64 {
        ratio(
            2 * self.true_pos,
            2 * self.true_pos + self.false_pos + self.false_neg,
        )
    }
}

fn ratio(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// The decisions at one threshold and their precision, recall and F1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ThresholdPoint {
    /// Scores at or above this are flagged.
    pub threshold: f64,
    /// The counts.
    pub confusion: Confusion,
    /// See [`Confusion::precision`].
    pub precision: f64,
    /// See [`Confusion::recall`].
    pub recall: f64,
    /// See [`Confusion::f1`].
    pub f1: f64,
}

impl ThresholdPoint {
    /// The point for counts taken at `threshold`.
    pub fn new(threshold: f64, confusion: Confusion) -> ThresholdPoint {
        ThresholdPoint {
            threshold,
            confusion,
            precision: confusion.precision(),
            recall: confusion.recall(),
            f1: confusion.f1(),
        }
    }
}

/// Precision, recall and F1 at `threshold` (0.5 is the usual one; see [`is_flagged`]).
///
/// # Panics
/// If `scores` and `truth` differ in length.
pub fn at_threshold(scores: &[f64], truth: &[bool], threshold: f64) -> ThresholdPoint {
    ThresholdPoint::new(threshold, Confusion::at(scores, truth, threshold))
}

/// The threshold with the highest F1 among all distinct scores, in O(n log n).
///
/// Thresholds between two distinct scores flag the same items as the higher of the two, so
/// the distinct scores are all the candidates there are. On equal F1 the highest threshold
/// wins (fewest flags, the cheaper alert queue). `None` when there is no non-NaN score.
///
/// # Panics
/// If `scores` and `truth` differ in length.
pub fn best_threshold(scores: &[f64], truth: &[bool]) -> Option<ThresholdPoint> {
    let mut best: Option<ThresholdPoint> = None;
    sweep(scores, truth, |point| {
        if best.is_none_or(|b| point.f1 > b.f1) {
            best = Some(point);
        }
    });
    best
}

/// Average precision (the area under the precision-recall curve as a step sum):
/// the sum over distinct scores, highest first, of (recall gained there) x (precision there).
/// This is scikit-learn's `average_precision_score`. `None` when nothing is illicit.
///
/// # Panics
/// If `scores` and `truth` differ in length.
pub fn average_precision(scores: &[f64], truth: &[bool]) -> Option<f64> {
    let mut ap = 0.0;
    let mut last_recall = 0.0;
    let mut any_positive = false;
    sweep(scores, truth, |point| {
        any_positive = point.confusion.positives() > 0;
        ap += (point.recall - last_recall) * point.precision;
        last_recall = point.recall;
    });
    any_positive.then_some(ap)
}

/// Calls `visit` with the point at every distinct non-NaN score, highest first.
fn sweep(scores: &[f64], truth: &[bool], mut visit: impl FnMut(ThresholdPoint)) {
    assert_eq!(scores.len(), truth.len(), "one score per truth value");
    let mut order: Vec<u32> = (0..scores.len() as u32)
        .filter(|&i| !scores[i as usize].is_nan())
        .collect();
    order.sort_unstable_by(|&a, &b| scores[b as usize].total_cmp(&scores[a as usize]));
    let positives = truth.iter().filter(|&&t| t).count() as u64;
    let negatives = truth.len() as u64 - positives;
    let (mut tp, mut fp) = (0u64, 0u64);
    for (k, &i) in order.iter().enumerate() {
        if truth[i as usize] {
            tp += 1;
        } else {
            fp += 1;
        }
        let score = scores[i as usize];
        // `==` rather than bit equality so that -0.0 and 0.0, which `>=` cannot tell apart,
        // make one threshold.
        let group_ends = order
            .get(k + 1)
            .is_none_or(|&j| scores[j as usize] != score);
        if group_ends {
            let confusion = Confusion {
                true_pos: tp,
                false_pos: fp,
                false_neg: positives - tp,
                true_neg: negatives - fp,
            };
            visit(ThresholdPoint::new(score, confusion));
        }
    }
}
