//! How a world is loaded (CSV, Parquet, with or without a truth file, rows out of time order)
//! and what is refused.

mod common;

use common::{eval, world, write_world, HEADER, SCORES};
use flowtrace_eval::{evaluate, EvalOptions, Level, Split, TruthSource, World};
use flowtrace_io::{write_transfers, FileFormat};

#[test]
fn without_truth_file_the_labels_are_the_truth() {
    let dir = tempfile::tempdir().unwrap();
    write_world(dir.path(), false);
    let world = World::load(dir.path()).unwrap();
    let r = eval(&world, dir.path(), SCORES, EvalOptions::default());
    assert_eq!((r.truth, r.illicit), (TruthSource::Labels, 9));
    assert!(r.typologies.is_empty() && r.typology_total.is_none());
    assert_eq!(r.at_threshold.confusion.true_pos, 5);
}

#[test]
fn parquet_world_scores_the_same() {
    let (dir, world) = world();
    let other = tempfile::tempdir().unwrap();
    let parquet = other.path().join("transactions.parquet");
    write_transfers(
        world.accounts(),
        world.transfers(),
        &parquet,
        FileFormat::Parquet,
    )
    .unwrap();
    std::fs::copy(dir.path().join("truth.csv"), other.path().join("truth.csv")).unwrap();
    let from_parquet = World::load(other.path()).unwrap();
    let a = eval(&world, dir.path(), SCORES, EvalOptions::default());
    let b = eval(&from_parquet, other.path(), SCORES, EvalOptions::default());
    assert_eq!(a, b);
}

#[test]
fn label_disagreements_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    write_world(dir.path(), true);
    // Say row 3 is licit in the transactions while the truth says FAN-OUT.
    let path = dir.path().join("transactions.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "010,F1,010,B2,100.00,US Dollar,100.00,US Dollar,Wire,1",
        "010,F1,010,B2,100.00,US Dollar,100.00,US Dollar,Wire,0",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let world = World::load(dir.path()).unwrap();
    assert_eq!(world.label_disagreements(), 1);
}

#[test]
fn rows_out_of_time_order_keep_their_file_row() {
    // Times 5, 1, 4, 2, 3 minutes: in time order the rows are 2, 4, 5, 3, 1, so the test split
    // (the last 20% = 1 transfer) is file row 1, and validation (position 3) is file row 3.
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("{HEADER}\n");
    for (row, minute) in [5, 1, 4, 2, 3].into_iter().enumerate() {
        let label = u8::from(row == 0);
        text.push_str(&format!(
            "2022/09/01 00:0{minute},001,A{row},001,B,1.00,US Dollar,1.00,US Dollar,Cash,{label}\n"
        ));
    }
    std::fs::write(dir.path().join("transactions.csv"), text).unwrap();
    std::fs::write(
        dir.path().join("truth.csv"),
        "row,pattern_id,typology,role\n1,1,STACK,pattern\n",
    )
    .unwrap();
    let world = World::load(dir.path()).unwrap();
    let scores = "score\n0.9\n0.1\n0.1\n0.1\n0.1\n";
    let test = EvalOptions {
        split: Split::Test,
        ..EvalOptions::default()
    };
    let r = eval(&world, dir.path(), scores, test);
    assert_eq!((r.items, r.at_threshold.confusion.true_pos), (1, 1));
    assert_eq!(r.split.to.as_deref(), Some("2022-09-01T00:05:00Z"));
    let validation = EvalOptions {
        split: Split::Validation,
        ..EvalOptions::default()
    };
    let r = eval(&world, dir.path(), scores, validation);
    assert_eq!((r.items, r.at_threshold.confusion.true_neg), (1, 1));
    assert_eq!(r.split.from.as_deref(), Some("2022-09-01T00:04:00Z"));
}

#[test]
fn predictions_for_another_world_are_refused() {
    let (dir, world) = world();
    let path = dir.path().join("p.csv");
    std::fs::write(&path, "row,score\n21,1\n").unwrap();
    let err = world.read_predictions(&path).unwrap_err();
    assert!(
        err.to_string().ends_with(
            "line 2: row 21 is out of range: the transactions have 20 rows (numbered from 1)"
        ),
        "{err}"
    );
    let wrong = flowtrace_eval::Predictions {
        level: Level::Transfer,
        kind: flowtrace_eval::ValueKind::Score,
        values: vec![0.0; 3],
    };
    assert!(evaluate(&world, &wrong, &EvalOptions::default()).is_err());
    let missing = tempfile::tempdir().unwrap();
    let err = World::load(missing.path()).err().unwrap();
    assert!(err
        .to_string()
        .contains("no transactions.csv or transactions.parquet"));
}
