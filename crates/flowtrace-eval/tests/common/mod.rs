//! The small world the integration tests score: 20 AMLworld rows and their truth, written by
//! the tests themselves.
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::Path;

use flowtrace_eval::{evaluate, EvalOptions, EvalReport, World};

pub const HEADER: &str = "Timestamp,From Bank,Account,To Bank,Account,Amount Received,\
Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering";

/// (from bank, from account, to bank, to account, truth line) for rows 1..=20, five minutes
/// apart. Illicit: FAN-OUT #1 rows 2-4; CYCLE #2 rows 13-15 and its follow-on row 18;
/// FAN-IN #3 rows 17 and 19. Bank `10` is not bank `010`.
pub const ROWS: [(&str, &str, &str, &str, &str); 20] = [
    ("001", "O1", "001", "O2", ""),
    ("010", "F1", "010", "B1", "1,FAN-OUT,pattern"),
    ("010", "F1", "010", "B2", "1,FAN-OUT,pattern"),
    ("010", "F1", "10", "B3", "1,FAN-OUT,pattern"),
    ("001", "O2", "001", "O3", ""),
    ("001", "O3", "001", "O4", ""),
    ("001", "O4", "001", "O1", ""),
    ("001", "O1", "001", "O3", ""),
    ("001", "O2", "001", "O4", ""),
    ("001", "O1", "001", "O1", ""),
    ("001", "O3", "001", "O2", ""),
    ("001", "O4", "001", "O2", ""),
    ("020", "C1", "020", "C2", "2,CYCLE,pattern"),
    ("020", "C2", "020", "C3", "2,CYCLE,pattern"),
    ("020", "C3", "020", "C1", "2,CYCLE,pattern"),
    ("001", "O1", "001", "O4", ""),
    ("030", "X1", "030", "Y", "3,FAN-IN,pattern"),
    ("020", "C1", "030", "P1", "2,CYCLE,propagated"),
    ("030", "X2", "030", "Y", "3,FAN-IN,pattern"),
    ("001", "O2", "030", "Y", ""),
];

/// Transfer scores by row; rows not listed score 0.
pub const SCORES: &str = "row,score\n1,0.55\n2,0.9\n3,0.8\n4,0.3\n5,0.85\n13,0.7\n14,0.2\n\
15,0.1\n17,0.6\n18,0.4\n19,0.95\n20,0.65\n";

pub fn write_world(dir: &Path, with_truth: bool) {
    let mut transactions = format!("{HEADER}\n");
    let mut truth = String::from("row,pattern_id,typology,role\n");
    for (k, (fb, fa, tb, ta, t)) in ROWS.iter().enumerate() {
        let row = k + 1;
        let label = u8::from(!t.is_empty());
        let time = format!("2022/09/01 {:02}:{:02}", row * 5 / 60, row * 5 % 60);
        transactions.push_str(&format!(
            "{time},{fb},{fa},{tb},{ta},100.00,US Dollar,100.00,US Dollar,Wire,{label}\n"
        ));
        if !t.is_empty() {
            truth.push_str(&format!("{row},{t}\n"));
        }
    }
    std::fs::write(dir.join("transactions.csv"), transactions).unwrap();
    if with_truth {
        std::fs::write(dir.join("truth.csv"), truth).unwrap();
    }
}

pub fn world() -> (tempfile::TempDir, World) {
    let dir = tempfile::tempdir().unwrap();
    write_world(dir.path(), true);
    let world = World::load(dir.path()).unwrap();
    (dir, world)
}

pub fn eval(world: &World, dir: &Path, predictions: &str, options: EvalOptions) -> EvalReport {
    let path = dir.join("predictions.csv");
    std::fs::write(&path, predictions).unwrap();
    let predictions = world.read_predictions(&path).unwrap();
    evaluate(world, &predictions, &options).unwrap()
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}
