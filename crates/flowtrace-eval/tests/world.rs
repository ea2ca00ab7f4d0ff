//! A 20-row world written by the test, scored end to end; every expected number is worked out
//! by hand in the comments.

mod common;

use common::{close, eval, world, ROWS, SCORES};
use flowtrace_eval::{EvalOptions, Level, Split, TruthSource};

#[test]
fn transfer_scores_on_all_rows() {
    let (dir, world) = world();
    let r = eval(&world, dir.path(), SCORES, EvalOptions::default());
    assert_eq!(
        (r.items, r.illicit, r.truth),
        (20, 9, TruthSource::Patterns)
    );
    // At 0.5, flagged: rows 2, 3, 13, 17, 19 (illicit) and 1, 5, 20 (licit):
    // TP 5, FP 3, FN 4 (rows 4, 14, 15, 18), TN 8. P = 5/8, R = 5/9, F1 = 10/17.
    let c = r.at_threshold.confusion;
    assert_eq!(
        (c.true_pos, c.false_pos, c.false_neg, c.true_neg),
        (5, 3, 4, 8)
    );
    assert!(close(r.at_threshold.precision, 0.625) && close(r.at_threshold.recall, 5.0 / 9.0));
    assert!(close(r.at_threshold.f1, 10.0 / 17.0));
    // Sweep: at 0.1 every illicit row is flagged with 3 licit ones: F1 = 18/21 = 6/7, the best
    // (0.2 gives 16/20, 0.3 gives 14/19, 0 gives 18/29).
    let best = r.best.unwrap();
    assert_eq!(best.threshold, 0.1);
    assert!(close(best.f1, 6.0 / 7.0));
    assert_eq!(r.label_disagreements, 0);
}

#[test]
fn typology_table_on_all_rows() {
    let (dir, world) = world();
    let r = eval(&world, dir.path(), SCORES, EvalOptions::default());
    let names: Vec<&str> = r.typologies.iter().map(|t| t.typology.as_str()).collect();
    assert_eq!(names, ["FAN-OUT", "FAN-IN", "CYCLE"]);
    let [fan_out, fan_in, cycle] = [0, 1, 2].map(|k| &r.typologies[k]);
    // FAN-OUT rows 2, 3, 4 score 0.9, 0.8, 0.3: 2 of 3 flagged, the instance found.
    assert_eq!(
        (
            fan_out.pattern.items,
            fan_out.pattern.flagged,
            fan_out.pattern.found
        ),
        (3, 2, 1)
    );
    // FAN-IN rows 17, 19: both flagged.
    assert_eq!(fan_in.pattern.recall, Some(1.0));
    // CYCLE rows 13, 14, 15 score 0.7, 0.2, 0.1: 1 of 3; its follow-on row 18 (0.4) is missed.
    assert_eq!((cycle.pattern.flagged, cycle.pattern.found), (1, 1));
    assert_eq!((cycle.propagated.items, cycle.propagated.flagged), (1, 0));
    assert_eq!((cycle.propagated.instances, cycle.propagated.found), (1, 0));
    assert_eq!((cycle.all.items, cycle.all.flagged), (4, 1));
    let total = r.typology_total.as_ref().unwrap();
    assert_eq!(
        (total.all.items, total.all.flagged, total.all.instances),
        (9, 5, 3)
    );
    // Asking for half of each instance: CYCLE (1 of 3, and 1 of 4 with its follow-on) is lost.
    let half = EvalOptions {
        instance_share: 0.5,
        ..EvalOptions::default()
    };
    let r = eval(&world, dir.path(), SCORES, half);
    let found: Vec<u64> = r.typologies.iter().map(|t| t.all.found).collect();
    assert_eq!(found, [1, 1, 0]);
}

#[test]
fn test_split_is_the_last_four_rows() {
    let (dir, world) = world();
    let options = EvalOptions {
        split: Split::Test,
        ..EvalOptions::default()
    };
    let r = eval(&world, dir.path(), SCORES, options);
    // 20 rows: train 0..12, validation 12..16, test 16..20, i.e. rows 17-20.
    assert_eq!(
        (r.split.start, r.split.end, r.items, r.illicit),
        (16, 20, 4, 3)
    );
    assert_eq!(r.split.from.as_deref(), Some("2022-09-01T01:25:00Z"));
    // Rows 17 (0.6, illicit), 18 (0.4, illicit), 19 (0.95, illicit), 20 (0.65, licit).
    // At 0.5: TP 2, FP 1, FN 1: P = R = F1 = 2/3.
    assert!(close(r.at_threshold.f1, 2.0 / 3.0) && close(r.at_threshold.precision, 2.0 / 3.0));
    // Best at 0.4 (all three illicit, one licit): F1 = 6/7.
    assert_eq!(r.best.unwrap().threshold, 0.4);
    // AP: 0.95 gains recall 1/3 at precision 1, 0.6 gains 1/3 at 2/3, 0.4 gains 1/3 at 3/4:
    // 1/3 + 2/9 + 1/4 = 29/36.
    assert!(close(r.average_precision.unwrap(), 29.0 / 36.0));
    // Only CYCLE's follow-on (row 18) and FAN-IN are in the test split.
    let fan_out = &r.typologies[0];
    assert_eq!((fan_out.all.items, fan_out.all.recall), (0, None));
    let cycle = &r.typologies[2];
    assert_eq!(
        (cycle.pattern.instances, cycle.propagated.instances),
        (0, 1)
    );
}

#[test]
fn account_scores() {
    let (dir, world) = world();
    let scores = "bank,account,score\n010,F1,0.9\n010,B1,0.2\n10,B3,0.7\n020,C1,0.8\n\
030,Y,0.6\n001,O2,0.7\n";
    let r = eval(&world, dir.path(), scores, EvalOptions::default());
    assert_eq!(r.level, Level::Account);
    // 15 accounts; illicit: F1 B1 B2 B3 C1 C2 C3 X1 X2 Y P1 (11). Flagged F1 B3 C1 Y (illicit)
    // and O2 (licit): TP 4, FP 1, FN 7, TN 3; F1 = 8/16.
    assert_eq!((r.items, r.illicit), (15, 11));
    let c = r.at_threshold.confusion;
    assert_eq!(
        (c.true_pos, c.false_pos, c.false_neg, c.true_neg),
        (4, 1, 7, 3)
    );
    assert!(close(r.at_threshold.f1, 0.5));
    // CYCLE's accounts: pattern C1 C2 C3 (C1 flagged); follow-on C1 P1; both C1 C2 C3 P1.
    let cycle = &r.typologies[2];
    assert_eq!((cycle.pattern.items, cycle.pattern.flagged), (3, 1));
    assert_eq!((cycle.propagated.items, cycle.all.items), (2, 4));
    assert_eq!(r.typology_total.unwrap().all.items, 11);
    // Test split, rows 17-20: accounts X1 Y C1 P1 X2 (illicit) and O2 (licit).
    // Flagged Y, C1, O2: TP 2, FP 1, FN 3, F1 = 4/8.
    let test = EvalOptions {
        split: Split::Test,
        ..EvalOptions::default()
    };
    let r = eval(&world, dir.path(), scores, test);
    assert_eq!((r.items, r.illicit), (6, 5));
    assert_eq!(r.at_threshold.confusion.true_pos, 2);
    assert!(close(r.at_threshold.f1, 0.5));
}

#[test]
fn positional_labels_and_the_printed_table() {
    let (dir, world) = world();
    // Label exactly the pattern rows: recall 8/9 (the follow-on row 18 is missed), precision 1.
    let labels: String = ROWS
        .iter()
        .map(|r| {
            if r.4.ends_with("pattern") {
                "1\n"
            } else {
                "0\n"
            }
        })
        .collect();
    let r = eval(
        &world,
        dir.path(),
        &format!("label\n{labels}"),
        EvalOptions::default(),
    );
    assert!(close(r.at_threshold.precision, 1.0) && close(r.at_threshold.recall, 8.0 / 9.0));
    let table = r.to_string();
    assert!(
        table.starts_with("transfer labels, split all: transfers 0..20 of 20"),
        "{table}"
    );
    assert!(table.contains("CYCLE"), "{table}");
    let json: serde_json::Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
    assert_eq!(json["split"]["split"], "all");
    assert_eq!(json["at_threshold"]["confusion"]["true_pos"], 8);
    assert_eq!(json["typologies"][2]["propagated"]["recall"], 0.0);
}
