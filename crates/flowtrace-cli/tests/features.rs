//! `flowtrace features`: snapml-compatible graph features of an edge-list CSV.

mod common;

use std::fs;

use common::flowtrace;

const PARAMS: &str = r#"{"fan": true, "fan_tw": 10, "fan_bins": [2, 3, 4],
    "vertex_stats": true, "vertex_stats_cols": [4], "vertex_stats_feats": [0, 3]}"#;

fn run(dir: &std::path::Path, csv: &str, params: &str) -> std::process::Output {
    let (input, p, out) = (dir.join("e.csv"), dir.join("p.json"), dir.join("o.csv"));
    fs::write(&input, csv).unwrap();
    fs::write(&p, params).unwrap();
    flowtrace(&[
        "features",
        input.to_str().unwrap(),
        "--params",
        p.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn fan_out_of_three_lands_in_the_right_bins() {
    let dir = tempfile::tempdir().unwrap();
    // Account 1 pays 2, 3 and 4 within the window: a fan-out of 2 at t=1, of 3 at t=2.
    let out = run(
        dir.path(),
        "EdgeID,src,dst,timestamp,amount\n0,1,2,0,10.5\n1,1,3,1,20\n2,1,4,2,30\n",
        PARAMS,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(dir.path().join("o.csv")).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 4, "header + 3 rows in input order");
    let header = &rows[0];
    // 5 input columns, 3 fan-in + 3 fan-out bins, 4 blocks of 2 statistics.
    assert_eq!(header.len(), 5 + 6 + 8);
    assert_eq!(header[..5], ["EdgeID", "src", "dst", "timestamp", "amount"]);
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let values = |name: &str| -> Vec<f64> {
        rows[1..]
            .iter()
            .map(|r| r[col(name)].parse().unwrap())
            .collect()
    };
    // Input columns come back unchanged, in input order.
    assert_eq!(values("amount"), [10.5, 20.0, 30.0]);
    // Bins [2, 3, 4]: the fan of 2 is in bin `fan_out_2`, the fan of 3 in `fan_out_3`;
    // fit_transform counts each surviving edge twice (snapml's fit then transform).
    assert_eq!(values("fan_out_2"), [2.0, 2.0, 0.0]);
    assert_eq!(values("fan_out_3"), [2.0, 2.0, 2.0]);
    assert_eq!(values("fan_out_4"), [0.0, 0.0, 0.0]);
    assert_eq!(values("fan_in_2"), [0.0, 0.0, 0.0]);
    // The source has 3 counterparties; each target receives one edge.
    assert_eq!(values("src_out_fan"), [3.0, 3.0, 3.0]);
    assert_eq!(values("dst_in_avg_c4"), [10.5, 20.0, 30.0]);
    let avg = values("src_out_avg_c4")[0];
    assert!((avg - 60.5 / 3.0).abs() < 1e-9, "{avg}");
}

#[test]
fn headerless_input_gets_default_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), "0,1,2,0,5\n1,2,1,3,6\n", PARAMS);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(dir.path().join("o.csv")).unwrap();
    assert!(text.starts_with("EdgeID,src,dst,timestamp,col4,fan_in_2,"));
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn bad_input_names_file_line_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), "0,1,2,0,5\n1,2,abc,3,6\n", PARAMS);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("e.csv:2: column 3 (dst): \"abc\" is not a finite number"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let out = run(dir.path(), "0,1,2,0,5\n1,2,3\n", PARAMS);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("e.csv:2: 3 fields, but the first line has 5"),
        "{err}"
    );

    let out = run(dir.path(), "0,1,2,0\n", r#"{"fan": true, "fan_bins": []}"#);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("p.json") && err.contains("fan_bins"), "{err}");
}

#[test]
fn unexact_families_warn_but_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        "0,1,2,0\n1,2,1,3\n",
        r#"{"fan": false, "temp-cycle": true, "temp-cycle_tw": 10, "vertex_stats": false}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: ") && err.contains("not yet exact"),
        "{err}"
    );
}

#[test]
fn parquet_and_arrow_outputs_hold_the_csvs_table() {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Float64Type;
    use arrow_array::RecordBatch;

    let dir = tempfile::tempdir().unwrap();
    let edges = "EdgeID,src,dst,timestamp,amount\n0,1,2,0,10.5\n1,1,3,1,20\n2,1,4,2,30\n\
                 3,4,1,5,7.25\n4,2,1,6,1e6\n";
    let ok = |out: &std::process::Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    ok(&run(dir.path(), edges, PARAMS));
    let csv = fs::read_to_string(dir.path().join("o.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect();
    let same = |table: RecordBatch, what: &str| {
        let names: Vec<&str> = table
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        assert_eq!(names, header, "{what}");
        for (c, column) in table.columns().iter().enumerate() {
            let values = column.as_primitive::<Float64Type>().values();
            let want: Vec<f64> = rows.iter().map(|r| r[c]).collect();
            assert_eq!(&values[..], &want[..], "{what} column {}", header[c]);
        }
    };

    let (input, params) = (dir.path().join("e.csv"), dir.path().join("p.json"));
    for name in ["o.parquet", "o.arrow"] {
        let out = dir.path().join(name);
        ok(&flowtrace(&[
            "features",
            input.to_str().unwrap(),
            "--params",
            params.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]));
        let file = fs::File::open(&out).unwrap();
        let batches: Vec<RecordBatch> = if name.ends_with(".parquet") {
            parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
                .unwrap()
                .build()
                .unwrap()
                .map(Result::unwrap)
                .collect()
        } else {
            arrow_ipc::reader::FileReader::try_new(file, None)
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(batches.len(), 1, "{name}");
        same(batches.into_iter().next().unwrap(), name);
    }
}
