//! The snapml parameter sets the parity tests run, in snapml's JSON.

/// Parameter sets covering every family, several windows and bins, every statistic.
pub fn parameter_sets() -> Vec<(&'static str, String)> {
    let all = r#"{"num_threads": 2, "time_window": -1, "max_no_edges": -1,
        "vertex_stats": true, "vertex_stats_tw": 12, "vertex_stats_cols": [3, 4],
        "vertex_stats_feats": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "fan": true, "fan_tw": 6, "fan_bins": [2, 3, 4, 6],
        "degree": true, "degree_tw": 9, "degree_bins": [2, 3, 5, 8],
        "scatter-gather": true, "scatter-gather_tw": 10, "scatter-gather_bins": [2, 3, 4],
        "temp-cycle": true, "temp-cycle_tw": 12, "temp-cycle_bins": [2, 3, 4, 5],
        "lc-cycle": true, "lc-cycle_tw": 8, "lc-cycle_len": 5, "lc-cycle_bins": [2, 3, 4, 5]}"#;
    let wide = r#"{"num_threads": 2, "time_window": 40, "vertex_stats": true,
        "vertex_stats_tw": 5, "vertex_stats_cols": [4], "vertex_stats_feats": [10, 0, 7, 3, 1],
        "fan": true, "fan_tw": 20, "fan_bins": [3, 5],
        "degree": true, "degree_tw": 30, "degree_bins": [2, 4, 9],
        "scatter-gather": true, "scatter-gather_tw": 25, "scatter-gather_bins": [2, 5],
        "temp-cycle": true, "temp-cycle_tw": 30, "temp-cycle_bins": [3, 4, 6],
        "lc-cycle": true, "lc-cycle_tw": 15, "lc-cycle_len": 4, "lc-cycle_bins": [2, 3]}"#;
    let defaults = r#"{"num_threads": 2, "vertex_stats_tw": 50, "fan_tw": 7,
        "degree": true, "degree_tw": 3}"#;
    let fan_stats = r#"{"num_threads": 2, "vertex_stats_tw": 50, "fan_tw": 7,
        "vertex_stats_cols": [3, 4], "vertex_stats_feats": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}"#;
    let mut sets = vec![
        ("all", all.to_string()),
        ("wide", wide.to_string()),
        ("defaults", defaults.to_string()),
        ("fan_stats", fan_stats.to_string()),
    ];
    // Each family alone (with the statistics), so that one family's gap does not hide
    // another's parity. With one family on, `time_window: -1` becomes its own window.
    for (family, all_name, wide_name) in [
        ("degree", "degree_all", "degree_wide"),
        ("scatter-gather", "sg_all", "sg_wide"),
        ("temp-cycle", "tc_all", "tc_wide"),
        ("lc-cycle", "lc_all", "lc_wide"),
    ] {
        sets.push((all_name, only(all, family)));
        sets.push((wide_name, only(wide, family)));
    }
    sets
}

/// `params` with every pattern family but `family` switched off.
pub fn only(params: &str, family: &str) -> String {
    let mut p: serde_json::Value = serde_json::from_str(params).unwrap();
    for f in ["fan", "degree", "scatter-gather", "temp-cycle", "lc-cycle"] {
        p[f] = serde_json::Value::Bool(f == family);
    }
    p.to_string()
}

/// The parameter set `name` of [`parameter_sets`] with each `(key, value)` set.
pub fn with_keys(name: &str, keys: &[(&str, serde_json::Value)]) -> String {
    let (_, params) = parameter_sets()
        .into_iter()
        .find(|(s, _)| *s == name)
        .expect("a known parameter set");
    let mut p: serde_json::Value = serde_json::from_str(&params).unwrap();
    for (key, value) in keys {
        p[*key] = value.clone();
    }
    p.to_string()
}
