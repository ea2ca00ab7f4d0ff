use super::*;

const EPS: f64 = 1e-12;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < EPS
}

/// Six transfers, three illicit, scored 0.9 .. 0.2:
///   score  0.9 0.8 0.7 0.6 0.4 0.2
///   truth   1   1   0   1   0   0
fn six() -> (Vec<f64>, Vec<bool>) {
    let scores = vec![0.9, 0.8, 0.7, 0.6, 0.4, 0.2];
    let truth = vec![true, true, false, true, false, false];
    (scores, truth)
}

#[test]
fn precision_recall_f1_at_a_threshold_match_hand_counts() {
    let (scores, truth) = six();
    // At 0.75 the two top scores are flagged, both illicit: TP 2, FP 0, FN 1, TN 3.
    // P = 2/2 = 1, R = 2/3, F1 = 2 * 1 * 2/3 / (1 + 2/3) = (4/3) / (5/3) = 0.8.
    let p = at_threshold(&scores, &truth, 0.75);
    let counts = Confusion {
        true_pos: 2,
        false_pos: 0,
        false_neg: 1,
        true_neg: 3,
    };
    assert_eq!(p.confusion, counts);
    assert!(close(p.precision, 1.0) && close(p.recall, 2.0 / 3.0) && close(p.f1, 0.8));
    // At 0.5 four are flagged: TP 3, FP 1 (the 0.7). P = 3/4, R = 1,
    // F1 = 2 * 0.75 / 1.75 = 6/7.
    let p = at_threshold(&scores, &truth, 0.5);
    assert_eq!((p.confusion.true_pos, p.confusion.false_pos), (3, 1));
    assert!(close(p.precision, 0.75) && close(p.recall, 1.0) && close(p.f1, 6.0 / 7.0));
}

#[test]
fn best_threshold_and_average_precision_match_hand_sweep() {
    let (scores, truth) = six();
    // F1 at each distinct score, 2TP / (2TP + FP + FN):
    //   0.9: 2/(2+0+2) = 0.5   0.8: 4/(4+0+1) = 0.8   0.7: 4/(4+1+1) = 0.667
    //   0.6: 6/(6+1+0) = 6/7   0.4: 6/8 = 0.75        0.2: 6/9 = 0.667
    let best = best_threshold(&scores, &truth).unwrap();
    assert_eq!(best.threshold, 0.6);
    assert!(close(best.f1, 6.0 / 7.0));
    // AP: recall steps 1/3 at 0.9 (P 1), 1/3 at 0.8 (P 1), 1/3 at 0.6 (P 3/4):
    // 1/3 + 1/3 + 1/4 = 11/12.
    assert!(close(
        average_precision(&scores, &truth).unwrap(),
        11.0 / 12.0
    ));
}

#[test]
fn tied_scores_are_one_threshold() {
    // Three tied at 0.5 (two illicit) and one licit at 0.1. At 0.5: TP 2, FP 1, FN 0:
    // P = 2/3, R = 1, F1 = 4/5. AP = 1 (recall gained) x 2/3 = 2/3.
    let scores = [0.5, 0.5, 0.5, 0.1];
    let truth = [true, false, true, false];
    let best = best_threshold(&scores, &truth).unwrap();
    assert_eq!(best.threshold, 0.5);
    assert!(close(best.f1, 0.8) && close(best.precision, 2.0 / 3.0));
    assert!(close(
        average_precision(&scores, &truth).unwrap(),
        2.0 / 3.0
    ));
}

#[test]
fn labels_are_scores_zero_and_one() {
    // Labels 1,1,0,0 against truth 1,0,1,0: TP 1, FP 1, FN 1, TN 1: P = R = F1 = 1/2.
    let labels = [1.0, 1.0, 0.0, 0.0];
    let truth = [true, false, true, false];
    for threshold in [0.5, 1.0] {
        let p = at_threshold(&labels, &truth, threshold);
        assert!(close(p.precision, 0.5) && close(p.recall, 0.5) && close(p.f1, 0.5));
    }
}

#[test]
fn zero_denominators_give_zero_and_no_positives_give_no_average_precision() {
    let p = at_threshold(&[0.1, 0.2], &[false, false], 0.5);
    assert_eq!((p.precision, p.recall, p.f1), (0.0, 0.0, 0.0));
    assert_eq!(average_precision(&[0.1, 0.2], &[false, false]), None);
    assert_eq!(best_threshold(&[], &[]), None);
    // Best threshold with nothing illicit: every F1 is 0, so the highest score is kept.
    assert_eq!(
        best_threshold(&[0.1, 0.2], &[false, false])
            .unwrap()
            .threshold,
        0.2
    );
}

#[test]
fn nan_scores_are_never_flagged() {
    let scores = [f64::NAN, 0.9];
    let truth = [true, true];
    assert_eq!(Confusion::at(&scores, &truth, 0.0).false_neg, 1);
    let best = best_threshold(&scores, &truth).unwrap();
    assert_eq!((best.threshold, best.confusion.false_neg), (0.9, 1));
    assert!(close(average_precision(&scores, &truth).unwrap(), 0.5));
}

/// SplitMix64: a few lines of deterministic randomness, enough for property tests.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The definition, directly: try every distinct score as the threshold, O(n^2).
fn brute_best(scores: &[f64], truth: &[bool]) -> (f64, f64) {
    let mut distinct: Vec<f64> = scores.to_vec();
    distinct.sort_by(|a, b| b.total_cmp(a));
    distinct.dedup();
    let mut best = (f64::NAN, -1.0);
    for &t in &distinct {
        let f1 = Confusion::at(scores, truth, t).f1();
        if f1 > best.1 {
            best = (t, f1);
        }
    }
    best
}

#[test]
fn best_threshold_sweep_agrees_with_brute_force_on_random_data() {
    let mut rng = SplitMix(20_240_901);
    for case in 0..300 {
        let n = 1 + rng.below(60) as usize;
        // Few distinct levels in some cases so that ties are common.
        let levels = if case % 2 == 0 { 5 } else { 1000 };
        let scores: Vec<f64> = (0..n)
            .map(|_| rng.below(levels) as f64 / levels as f64)
            .collect();
        let truth: Vec<bool> = (0..n).map(|_| rng.below(4) == 0).collect();
        let fast = best_threshold(&scores, &truth).unwrap();
        let (threshold, f1) = brute_best(&scores, &truth);
        assert_eq!((fast.threshold, fast.f1), (threshold, f1), "case {case}");
        assert_eq!(fast.confusion, Confusion::at(&scores, &truth, threshold));
    }
}
