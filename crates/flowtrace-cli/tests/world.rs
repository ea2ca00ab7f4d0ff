//! `flowtrace simulate`, `eval` and `demo` run as a user runs them.

mod common;

use std::path::Path;
use std::process::Output;

use common::flowtrace;

use serde_json::Value;

fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn failed(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn simulate(dir: &Path, extra: &[&str]) -> Value {
    let dir = dir.to_str().unwrap();
    let mut args = vec!["simulate", "--out", dir, "--json", "--transfers", "20000"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&flowtrace(&args))).unwrap()
}

#[test]
fn simulate_writes_a_world_that_its_config_regenerates() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let summary = simulate(a.path(), &["--seed", "4"]);
    assert_eq!(summary["transfers"], 20_000);
    assert!(summary["illicit"].as_u64().unwrap() > 0);
    for file in [
        "transactions.csv",
        "truth.csv",
        "patterns.txt",
        "accounts.csv",
        "listed.csv",
        "world.toml",
    ] {
        assert!(a.path().join(file).is_file(), "{file} missing");
    }
    // The world.toml written beside a world regenerates it byte for byte.
    let config = a.path().join("world.toml");
    let out = flowtrace(&[
        "simulate",
        "--config",
        config.to_str().unwrap(),
        "--out",
        b.path().to_str().unwrap(),
    ]);
    ok(&out);
    for file in [
        "transactions.csv",
        "truth.csv",
        "patterns.txt",
        "accounts.csv",
    ] {
        let same = std::fs::read(a.path().join(file)).unwrap()
            == std::fs::read(b.path().join(file)).unwrap();
        assert!(same, "{file} differs when regenerated from world.toml");
    }
    // And the stats command reads it without a rejected row.
    let transactions = a.path().join("transactions.csv");
    let stats = flowtrace(&["stats", transactions.to_str().unwrap()]);
    ok(&stats);
    assert!(String::from_utf8_lossy(&stats.stderr)
        .contains("read 20000 rows = 20000 accepted + 0 rejected"));
}

#[test]
fn simulate_refuses_a_bad_config_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.toml");
    std::fs::write(
        &config,
        "preset = \"hi\"\n[laundering]\nmax_fan_degree = 1000\n",
    )
    .unwrap();
    let out = flowtrace(&[
        "simulate",
        "--config",
        config.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    let err = failed(&out);
    assert!(
        err.contains("laundering.max_fan_degree") && err.contains("bad.toml"),
        "{err}"
    );
}

#[test]
fn eval_scores_perfect_and_empty_predictions() {
    let dir = tempfile::tempdir().unwrap();
    simulate(dir.path(), &[]);
    let truth = std::fs::read_to_string(dir.path().join("truth.csv")).unwrap();
    let mut perfect = String::from("row,label\n");
    for line in truth.lines().skip(1) {
        perfect.push_str(line.split(',').next().unwrap());
        perfect.push_str(",1\n");
    }
    let predictions = dir.path().join("perfect.csv");
    std::fs::write(&predictions, perfect).unwrap();
    let world = dir.path().to_str().unwrap();
    let out = flowtrace(&[
        "eval",
        world,
        "--predictions",
        predictions.to_str().unwrap(),
        "--json",
    ]);
    let report: Value = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!(report["at_threshold"]["precision"], 1.0);
    assert_eq!(report["at_threshold"]["recall"], 1.0);
    let typologies = report["typologies"].as_array().unwrap();
    assert!(typologies.len() >= 3, "{typologies:?}");

    std::fs::write(&predictions, "row,label\n").unwrap();
    let out = flowtrace(&[
        "eval",
        world,
        "--predictions",
        predictions.to_str().unwrap(),
        "--split",
        "test",
    ]);
    let text = ok(&out);
    assert!(text.contains("split test"), "{text}");

    let out = flowtrace(&["eval", world, "--predictions", "no-such-file.csv"]);
    assert!(failed(&out).contains("no-such-file.csv"));
}

#[test]
fn patterns_lists_instances_by_row_and_scores_rows_for_eval() {
    let dir = tempfile::tempdir().unwrap();
    simulate(dir.path(), &["--seed", "3"]);
    let world = dir.path().to_str().unwrap();
    let transactions = dir.path().join("transactions.csv");
    let (instances, scores) = (dir.path().join("i.jsonl"), dir.path().join("s.csv"));
    let run = flowtrace(&[
        "patterns",
        transactions.to_str().unwrap(),
        "--out",
        instances.to_str().unwrap(),
        "--scores",
        scores.to_str().unwrap(),
    ]);
    ok(&run);
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(err.contains("instances written to"), "{err}");

    // Data rows as `from bank:account`, `to bank:account`.
    let csv = std::fs::read_to_string(&transactions).unwrap();
    let rows: Vec<(String, String)> = csv
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (format!("{}:{}", f[1], f[2]), format!("{}:{}", f[3], f[4]))
        })
        .collect();
    let text = std::fs::read_to_string(&instances).unwrap();
    let mut best = vec![0.0f64; rows.len()];
    let mut n = 0;
    for line in text.lines() {
        let instance: Value = serde_json::from_str(line).unwrap();
        let accounts: Vec<&str> = instance["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let score = instance["score"].as_f64().unwrap();
        for row in instance["rows"].as_array().unwrap() {
            let row = row.as_u64().unwrap() as usize;
            let (from, to) = &rows[row - 1];
            assert!(
                accounts.contains(&from.as_str()) || accounts.contains(&to.as_str()),
                "row {row} ({from} -> {to}) is not among {accounts:?}"
            );
            best[row - 1] = best[row - 1].max(score);
        }
        assert!(!instance["why"].as_str().unwrap().is_empty());
        n += 1;
    }
    assert!(n > 0, "a world with planted typologies has instances");

    let written = std::fs::read_to_string(&scores).unwrap();
    let written: Vec<f64> = written
        .lines()
        .skip(1)
        .map(|l| l.split_once(',').unwrap().1.parse().unwrap())
        .collect();
    assert_eq!(written.len(), best.len());
    // serde_json's default float parsing may land one ulp off; the CSV parses exactly.
    let differ = written
        .iter()
        .zip(&best)
        .position(|(w, b)| (w - b).abs() > 1e-12);
    assert_eq!(differ, None, "each row scores as its strongest instance");

    let out = flowtrace(&[
        "eval",
        world,
        "--predictions",
        scores.to_str().unwrap(),
        "--json",
    ]);
    let report: Value = serde_json::from_str(&ok(&out)).unwrap();
    assert!(report["typologies"].as_array().unwrap().len() >= 3);
}

#[test]
fn patterns_takes_rule_thresholds_and_refuses_bad_ones_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("i.jsonl");
    let config = dir.path().join("rules.json");
    let run = |json: &str| {
        std::fs::write(&config, json).unwrap();
        flowtrace(&[
            "patterns",
            "tests/data/amlworld-sample.csv",
            "--out",
            out.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "-q",
        ])
    };
    let typo = failed(&run(r#"{"fan": {"min_counterparty": 4}}"#));
    assert!(typo.contains("min_counterparty"), "{typo}");
    let zero = failed(&run(r#"{"fan": {"min_counterparties": 0}}"#));
    assert!(zero.contains("at least 1"), "{zero}");
    let fans = |json: &str| {
        ok(&run(json));
        let text = std::fs::read_to_string(&out).unwrap();
        text.lines()
            .filter(|l| l.contains(r#""rule":"fan-"#))
            .count()
    };
    assert!(fans(r#"{"fan": {"min_counterparties": 2}}"#) > fans("{}"));
}

#[test]
fn demo_writes_the_report_and_machine_readable_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = flowtrace(&[
        "demo",
        "--transfers",
        "30000",
        "--out",
        out_dir.to_str().unwrap(),
        "--quiet",
    ]);
    let text = ok(&out);
    assert!(text.contains("report.html"), "{text}");
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
    assert!(html.matches("<svg").count() >= 5, "pictures missing");
    for heading in [
        "The simulated world",
        "Detection",
        "Planted flows",
        "Alerts",
        "Online: coordinated cells",
        "Online: a propaganda cascade",
        "Online: donation appeals linked to the money",
        "Matching known propaganda images",
    ] {
        assert!(html.contains(heading), "{heading} missing");
    }
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["world"]["transfers"], 30_000);
    let eval: Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("eval.json")).unwrap()).unwrap();
    assert_eq!(eval["items"], 30_000);
    let scores = std::fs::read_to_string(out_dir.join("rule-scores.csv")).unwrap();
    assert_eq!(scores.lines().count(), 30_001);
    // The online world beside the money one, its cells, a cascade and the money links.
    for name in [
        "online/posts.csv",
        "social-cells.csv",
        "cascade.json",
        "social-links.csv",
    ] {
        let bytes = std::fs::metadata(out_dir.join(name)).map_or(0, |m| m.len());
        assert!(bytes > 0, "{name} missing");
    }
    // Every edited copy of the banked pictures has a row; exact copies always match.
    let media = std::fs::read_to_string(out_dir.join("media-matches.csv")).unwrap();
    assert_eq!(media.lines().count(), 1 + 3 * 13, "{media}");
    assert!(media
        .lines()
        .filter(|l| l.contains("exact copy"))
        .all(|l| l.contains(",MD5,")));
    assert!(out_dir.join("media/banks.sqlite").exists());
}
