//! Streaming parity with snapml: `FeatureStream::transform` on consecutive batches against
//! snapml's `transform` on the same batches (`bench/gfp/snapml_features.py --batches N`,
//! split like numpy's `array_split`), every column; and `partial_fit` against values
//! snapml 1.17.2 printed for hand-made batches (no python needed for those).

mod common;

use common::*;
use flowtrace_patterns::features::{FeatureStream, FeatureTable, GfpParams};

/// The rows of `g` in `n` consecutive batches, sized like numpy's `array_split`.
fn batches(g: &EdgeList, n: usize) -> Vec<Vec<Vec<f64>>> {
    let rows = g.columns[0].len();
    let (size, extra) = (rows / n, rows % n);
    let mut start = 0;
    (0..n)
        .map(|b| {
            let len = size + usize::from(b < extra);
            let part = g
                .columns
                .iter()
                .map(|c| c[start..start + len].to_vec())
                .collect();
            start += len;
            part
        })
        .collect()
}

/// flowtrace's stream over `n` batches, outputs stacked in row order.
fn stream(params: &str, g: &EdgeList, n: usize) -> FeatureTable {
    let mut s = FeatureStream::new(GfpParams::from_json(params).unwrap()).unwrap();
    let mut all: Option<FeatureTable> = None;
    for part in batches(g, n) {
        let cols: Vec<&[f64]> = part.iter().map(Vec::as_slice).collect();
        let out = s.transform(&cols).unwrap();
        match &mut all {
            None => all = Some(out),
            Some(a) => a
                .columns
                .iter_mut()
                .zip(out.columns)
                .for_each(|(a, c)| a.extend(c)),
        }
    }
    all.unwrap()
}

/// Every parameter set on every parity graph (retimed; the time-sorted ones only when
/// `sorted_only`) in `n` batches: differing values.
fn stream_parity(
    sets: &[(&str, String)],
    retime: Retime,
    n: usize,
    sorted_only: bool,
) -> Option<usize> {
    let python = snapml_python()?;
    let dir = tempfile::tempdir().unwrap();
    let mut bad = 0;
    for g in test_graphs(retime)
        .into_iter()
        .filter(|g| !sorted_only || g.name.ends_with("sortedtrue"))
    {
        for (set, params) in sets {
            let n_text = n.to_string();
            let want = run_snapml_with(&python, dir.path(), &g, params, &["--batches", &n_text]);
            bad += compare_table(&g, set, &stream(params, &g, n), &want);
        }
    }
    Some(bad)
}

/// Fan, degree, scatter-gather and vertex statistics together.
fn fan_degree_sg_stats() -> String {
    with_keys(
        "fan_stats",
        &[
            ("degree", true.into()),
            ("degree_tw", 9.into()),
            ("degree_bins", serde_json::json!([2, 3, 5, 8])),
            ("scatter-gather", true.into()),
            ("scatter-gather_tw", 10.into()),
            ("scatter-gather_bins", serde_json::json!([2, 3, 4])),
        ],
    )
}

/// Fan, degree, scatter-gather and every vertex statistic on the graphs as generated (ties
/// in time across batches, self-loops; the shuffled ones go back in time from batch to
/// batch), in 3 batches; every family on distinct timestamps in 4 batches; and with a
/// `max_no_edges` cap on the time-sorted graphs (see the next test for the shuffled ones).
#[test]
fn streamed_batches_match_snapml() {
    let tied = [("fan_deg_sg_stats", fan_degree_sg_stats())];
    let distinct = [("all", with_keys("all", &[]))];
    let capped = [("wide_cap9", wide_capped())];
    let bad = [
        stream_parity(&tied, Retime::Keep, 3, false),
        stream_parity(&distinct, Retime::Distinct, 4, false),
        stream_parity(&capped, Retime::Distinct, 4, true),
    ];
    if bad.iter().all(Option::is_some) {
        assert_eq!(
            bad,
            [Some(0); 3],
            "values differ from snapml (first ones printed above)"
        );
    }
}

fn wide_capped() -> String {
    with_keys("wide", &[("max_no_edges", 9.into())])
}

/// Not exact: `max_no_edges` on batches that go back in time (the shuffled graphs, distinct
/// timestamps, 4 batches). Every pattern count, fan, degree, minimum, maximum and median
/// agree; only the running moments (average, sum, variance, skewness, kurtosis) differ on
/// about 600 values from the third batch on, so which insertions the moments drop when the
/// cap evicts is not pinned down (the same set without the cap is exact). Run with
/// `--ignored`.
#[test]
#[ignore]
fn streamed_unsorted_batches_with_a_cap_match_snapml() {
    let capped = [("wide_cap9", wide_capped())];
    if let Some(bad) = stream_parity(&capped, Retime::Distinct, 4, false) {
        assert_eq!(
            bad, 0,
            "values differ from snapml (first ones printed above)"
        );
    }
}

/// `[EdgeID, src, dst, ts]` columns of rows `(src, dst, ts)`, EdgeIDs from `first_id`.
fn rows(edges: &[(f64, f64, f64)], first_id: f64) -> Vec<Vec<f64>> {
    let mut cols = vec![Vec::new(); 4];
    for (i, &(s, d, t)) in edges.iter().enumerate() {
        for (c, x) in cols.iter_mut().zip([first_id + i as f64, s, d, t]) {
            c.push(x);
        }
    }
    cols
}

fn slices(cols: &[Vec<f64>]) -> Vec<&[f64]> {
    cols.iter().map(Vec::as_slice).collect()
}

/// The probes in the `features::stream` docs: fan window 100, bins 2..=5, statistics fan,
/// degree and average of the timestamp; the values are snapml 1.17.2's.
#[test]
fn partial_fit_and_transform_match_snapml_probes() {
    let params = GfpParams::from_json(
        r#"{"fan_tw": 100, "fan_bins": [2, 3, 4, 5], "vertex_stats_tw": 100,
        "vertex_stats_feats": [0, 1, 3]}"#,
    )
    .unwrap();
    let (b1, b2) = (
        rows(&[(0.0, 1.0, 1.0), (0.0, 2.0, 2.0)], 0.0),
        rows(&[(0.0, 3.0, 3.0)], 2.0),
    );
    // fan_out_3, src_out fan, degree, avg for the single row of b2.
    let pick = |t: &FeatureTable| {
        [
            t.columns[5][0],
            t.columns[8][0],
            t.columns[9][0],
            t.columns[10][0],
        ]
    };
    let mut s = FeatureStream::new(params.clone()).unwrap();
    s.transform(&slices(&b1)).unwrap();
    assert_eq!(
        pick(&s.transform(&slices(&b2)).unwrap()),
        [1.0, 3.0, 3.0, 2.0]
    );
    let mut s = FeatureStream::new(params.clone()).unwrap();
    s.partial_fit(&slices(&b1)).unwrap();
    s.partial_fit(&slices(&b2)).unwrap();
    assert_eq!(
        pick(&s.transform(&slices(&b2)).unwrap()),
        [2.0, 3.0, 4.0, 2.25]
    );
    let mut s = FeatureStream::new(params).unwrap();
    s.partial_fit(&slices(&b1)).unwrap();
    let t1 = s.transform(&slices(&b1)).unwrap();
    assert_eq!([t1.columns[4][0], t1.columns[9][0]], [2.0, 4.0]);
    s.partial_fit(&slices(&b2)).unwrap();
    assert_eq!(
        pick(&s.transform(&slices(&b2)).unwrap()),
        [2.0, 3.0, 6.0, 2.0]
    );
}

/// Eviction between batches (fan window 100, statistics window 50): one edge per batch at
/// 1, 60, 120, 200 and 300; snapml's source out fan, degree, average, sum, minimum, maximum,
/// median and variance of the timestamp after each.
#[test]
fn eviction_between_batches_matches_snapml_probe() {
    let params = GfpParams::from_json(
        r#"{"fan_tw": 100, "fan_bins": [2, 3, 4, 5], "vertex_stats_tw": 50,
        "vertex_stats_feats": [0, 1, 3, 4, 5, 6, 7, 8]}"#,
    )
    .unwrap();
    let want = [
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
        [2.0, 2.0, 30.5, 61.0, 1.0, 60.0, 30.5, 870.25],
        [3.0, 3.0, 90.0, 180.0, 1.0, 120.0, 60.0, 900.0],
        [2.0, 3.0, 160.0, 320.0, 60.0, 200.0, 120.0, 1600.0],
        [2.0, 3.0, 250.0, 500.0, 120.0, 300.0, 200.0, 2500.0],
    ];
    let mut s = FeatureStream::new(params).unwrap();
    for (k, (dst, t)) in [
        (1.0, 1.0),
        (2.0, 60.0),
        (3.0, 120.0),
        (3.0, 200.0),
        (4.0, 300.0),
    ]
    .into_iter()
    .enumerate()
    {
        let out = s
            .transform(&slices(&rows(&[(0.0, dst, t)], k as f64)))
            .unwrap();
        let got: Vec<f64> = (8..16).map(|c| out.columns[c][0]).collect();
        assert_eq!(got, want[k], "batch {k}");
    }
    assert!(s.stored_edges() <= 3);
    let empty = s.transform(&slices(&rows(&[], 9.0))).unwrap();
    assert_eq!(empty.columns.len(), empty.names.len());
    assert!(empty.columns.iter().all(Vec::is_empty));
}
