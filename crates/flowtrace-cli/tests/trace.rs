//! `flowtrace trace` and `flowtrace cut` on a small simulated world, run as a user runs them.

mod common;

use std::path::Path;

use common::flowtrace;
use serde_json::Value;

/// A small world and one planted crowdfunding scheme in it: (funders, beneficiary).
fn world(dir: &Path) -> (Vec<String>, String) {
    let out = dir.to_str().unwrap();
    let run = flowtrace(&["simulate", "--out", out, "--transfers", "30000", "-q"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let roles = std::fs::read_to_string(dir.join("roles.csv")).unwrap();
    let scheme: Vec<Vec<&str>> = roles
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|f| f[1] == "CROWDFUNDING")
        .collect();
    let first = scheme[0][0];
    let key = |f: &Vec<&str>| format!("{}:{}", f[2], f[3]);
    let funders = scheme
        .iter()
        .filter(|f| f[0] == first && f[4] == "funder")
        .map(key)
        .collect();
    let beneficiary = scheme
        .iter()
        .find(|f| f[0] == first && f[4] == "beneficiary")
        .map(key)
        .unwrap();
    (funders, beneficiary)
}

fn json(stdout: &[u8]) -> Value {
    serde_json::from_slice(stdout).expect("the command printed JSON")
}

#[test]
fn trace_follows_a_planted_scheme_and_writes_every_view() {
    let dir = tempfile::tempdir().unwrap();
    let (funders, beneficiary) = world(dir.path());
    let transactions = dir.path().join("transactions.csv");
    let out = dir.path().join("trace");
    let seeds = funders.join(",");
    let run = flowtrace(&[
        "trace",
        transactions.to_str().unwrap(),
        "--from",
        &seeds,
        "--policy",
        "fifo",
        "--json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("read 30000 rows = 30000 accepted + 0 rejected"),
        "{stderr}"
    );
    let trace = json(&run.stdout);
    let flow = &trace["flows"][0];
    assert_eq!(flow["direction"], "forward");
    let reached = flow["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"] == beneficiary.as_str())
        .expect("the beneficiary is on the traced flow");
    assert!(reached["traced_in"].as_f64().unwrap() > 0.0);
    // Each transfer carries at most its amount; the ends add up to what left the seeds.
    for t in flow["transfers"].as_array().unwrap() {
        assert!(t["traced"].as_f64().unwrap() <= t["amount"].as_f64().unwrap() + 1e-9);
    }
    let ends: f64 = [
        "held",
        "stalled",
        "cash",
        "not_followed",
        "returned_to_seeds",
    ]
    .iter()
    .map(|k| flow["ends"][k].as_f64().unwrap())
    .sum();
    let from_seeds = flow["from_seeds"].as_f64().unwrap();
    assert!(
        (ends - from_seeds).abs() <= 0.02 * from_seeds,
        "{ends} vs {from_seeds}"
    );
    for file in [
        "trace.json",
        "trace.parquet",
        "trace-forward.dot",
        "trace.html",
    ] {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    let html = std::fs::read_to_string(out.join("trace.html")).unwrap();
    assert!(html.contains("Trace forward") && html.contains("<svg"));
    let dot = std::fs::read_to_string(out.join("trace-forward.dot")).unwrap();
    assert!(dot.starts_with("digraph trace {") && dot.contains(&beneficiary));
}

#[test]
fn cut_separates_funders_from_the_beneficiary() {
    let dir = tempfile::tempdir().unwrap();
    let (funders, beneficiary) = world(dir.path());
    let sources = dir.path().join("funders.txt");
    let sinks = dir.path().join("beneficiary.txt");
    std::fs::write(&sources, format!("bank,account\n{}\n", funders.join("\n"))).unwrap();
    std::fs::write(&sinks, format!("{beneficiary}\n")).unwrap();
    let transactions = dir.path().join("transactions.csv");
    let run = flowtrace(&[
        "cut",
        transactions.to_str().unwrap(),
        "--sources",
        sources.to_str().unwrap(),
        "--sinks",
        sinks.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let plan = json(&run.stdout);
    assert_eq!(plan["connected_after"], false);
    assert_eq!(plan["flow_after"], 0.0);
    assert!(plan["flow_before"].as_f64().unwrap() > 0.0);
    assert!(!plan["accounts"].as_array().unwrap().is_empty());
    let run = flowtrace(&[
        "cut",
        transactions.to_str().unwrap(),
        "--sources",
        sources.to_str().unwrap(),
        "--sinks",
        sinks.to_str().unwrap(),
        "--transfers",
    ]);
    assert!(run.status.success());
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(
        text.contains("proven cheapest") && text.contains("a path survives: no"),
        "{text}"
    );
}

#[test]
fn mistakes_get_one_line_errors() {
    let sample = "tests/data/amlworld-sample.csv";
    let cases: [(&[&str], &str); 6] = [
        (&["trace", sample, "--from", "999:nobody"], "is not in"),
        (
            &["trace", sample, "--from", "nobank"],
            "is not BANK:ACCOUNT",
        ),
        (
            &[
                "trace",
                sample,
                "--from",
                "104:80941B9EC",
                "--policy",
                "magic",
            ],
            "unknown policy",
        ),
        (
            &["trace", sample, "--from", "104:80941B9EC", "--window", "3y"],
            "cannot read duration",
        ),
        (
            &[
                "trace",
                sample,
                "--from",
                "104:80941B9EC",
                "--since",
                "2022-13-01",
            ],
            "cannot read time",
        ),
        (
            &["cut", sample, "--sources", "/nonexistent", "--sinks", "x"],
            "cannot read account list",
        ),
    ];
    for (args, wanted) in cases {
        let run = flowtrace(args);
        assert!(!run.status.success(), "{args:?} succeeded");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(wanted), "{args:?}: {stderr}");
    }
}
