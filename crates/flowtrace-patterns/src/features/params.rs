//! The parameters, with snapml's own keys and defaults, and the output column layout they imply.

use serde::{Deserialize, Serialize};

/// One pattern family's switch, window and histogram bins.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternParams {
    /// Whether the family is computed.
    pub enabled: bool,
    /// Window length, in the unit of the timestamps.
    pub tw: i64,
    /// Ascending upper edges of the histogram bins (inclusive); the last bin takes every
    /// size above the one before it, whatever its own value.
    pub bins: Vec<i64>,
}

impl PatternParams {
    /// The bin a pattern of `size` falls in: bin `i` holds `bins[i - 1] < size <= bins[i]`,
    /// the first bin everything up to `bins[0]` and the last everything above `bins[last - 1]`
    /// (as probed on snapml 1.17.2: with bins `[3, 5]` a fan of 2 lands in the first bin and
    /// one of 9 in the last). Sizes below 2 are no pattern.
    pub fn bin(&self, size: usize) -> Option<usize> {
        let last = self.bins.len().checked_sub(1)?;
        let size = size as i64;
        (size >= 2).then(|| self.bins[..last].partition_point(|&b| b < size))
    }
}

/// snapml `GraphFeaturePreprocessor` parameters, read from the same JSON keys.
///
/// Unknown keys are an error (snapml's `set_params` rejects them too); missing keys take
/// snapml's defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GfpParams {
    /// Threads (flowtrace uses the rayon pool it runs in; this value is kept for round trips).
    pub num_threads: i64,
    /// Length of the window edges are kept for between batches; negative means the largest
    /// window of an enabled pattern family.
    pub time_window: i64,
    /// Most edges kept between batches (the last inserted); negative means no limit, zero
    /// is refused (as snapml refuses it).
    pub max_no_edges: i64,
    /// Vertex statistics on or off.
    pub vertex_stats: bool,
    /// Window of the vertex statistics' running moments.
    pub vertex_stats_tw: i64,
    /// Input columns the statistics are computed over (0 EdgeID, 1 src, 2 dst, 3 timestamp, ...).
    pub vertex_stats_cols: Vec<usize>,
    /// Statistics: 0 fan, 1 degree, 2 ratio, 3 avg, 4 sum, 5 min, 6 max, 7 median, 8 var,
    /// 9 skew, 10 kurtosis.
    pub vertex_stats_feats: Vec<u8>,
    #[allow(missing_docs)]
    pub fan: bool,
    #[allow(missing_docs)]
    pub fan_tw: i64,
    #[allow(missing_docs)]
    pub fan_bins: Vec<i64>,
    #[allow(missing_docs)]
    pub degree: bool,
    #[allow(missing_docs)]
    pub degree_tw: i64,
    #[allow(missing_docs)]
    pub degree_bins: Vec<i64>,
    #[allow(missing_docs)]
    #[serde(rename = "scatter-gather")]
    pub scatter_gather: bool,
    #[allow(missing_docs)]
    #[serde(rename = "scatter-gather_tw")]
    pub scatter_gather_tw: i64,
    #[allow(missing_docs)]
    #[serde(rename = "scatter-gather_bins")]
    pub scatter_gather_bins: Vec<i64>,
    #[allow(missing_docs)]
    #[serde(rename = "temp-cycle")]
    pub temp_cycle: bool,
    #[allow(missing_docs)]
    #[serde(rename = "temp-cycle_tw")]
    pub temp_cycle_tw: i64,
    #[allow(missing_docs)]
    #[serde(rename = "temp-cycle_bins")]
    pub temp_cycle_bins: Vec<i64>,
    #[allow(missing_docs)]
    #[serde(rename = "lc-cycle")]
    pub lc_cycle: bool,
    #[allow(missing_docs)]
    #[serde(rename = "lc-cycle_tw")]
    pub lc_cycle_tw: i64,
    /// Longest cycle counted, in edges.
    #[serde(rename = "lc-cycle_len")]
    pub lc_cycle_len: usize,
    #[allow(missing_docs)]
    #[serde(rename = "lc-cycle_bins")]
    pub lc_cycle_bins: Vec<i64>,
}

fn bins_2_to_30() -> Vec<i64> {
    (2..=30).collect()
}

impl Default for GfpParams {
    /// snapml 1.17.2's defaults.
    fn default() -> Self {
        GfpParams {
            num_threads: 12,
            time_window: -1,
            max_no_edges: -1,
            vertex_stats: true,
            vertex_stats_tw: 480 * 3600,
            vertex_stats_cols: vec![3],
            vertex_stats_feats: vec![0, 1, 2, 3, 4, 8, 9, 10],
            fan: true,
            fan_tw: 12 * 3600,
            fan_bins: bins_2_to_30(),
            degree: false,
            degree_tw: 12 * 3600,
            degree_bins: bins_2_to_30(),
            scatter_gather: false,
            scatter_gather_tw: 120 * 3600,
            scatter_gather_bins: bins_2_to_30(),
            temp_cycle: false,
            temp_cycle_tw: 480 * 3600,
            temp_cycle_bins: bins_2_to_30(),
            lc_cycle: false,
            lc_cycle_tw: 240 * 3600,
            lc_cycle_len: 10,
            lc_cycle_bins: (2..=10).collect(),
        }
    }
}

/// What is wrong with a parameter set.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParamsError {
    /// The JSON did not parse or named an unknown key.
    #[error("parameters: {0}")]
    Json(String),
    /// No window is given and no pattern family is enabled to take one from (snapml refuses
    /// this too).
    #[error("time_window is negative and no pattern family is enabled: the window must be > 0")]
    NoWindow,
    /// A statistic id outside 0..=10.
    #[error("vertex_stats_feats: {0} is not a statistic id (0 to 10)")]
    UnknownStat(u8),
    /// A family's bins are empty or not ascending.
    #[error("{0}_bins must be non-empty and strictly ascending")]
    BadBins(&'static str),
    /// `max_no_edges` is zero (snapml: "Max number of edges cannot be zero").
    #[error("max_no_edges cannot be zero (use a negative value for no limit)")]
    ZeroMaxEdges,
    /// A window that is not positive.
    #[error("{0}_tw must be greater than zero")]
    BadWindow(&'static str),
    /// A statistics column beyond the input's columns.
    #[error("vertex_stats_cols: column {col} does not exist (the input has {columns} columns)")]
    NoSuchColumn {
        /// The column asked for.
        col: usize,
        /// Columns in the input.
        columns: usize,
    },
}

/// The pattern families in output order, with their snapml names.
pub const FAMILIES: [&str; 5] = ["fan", "degree", "scatter-gather", "temp-cycle", "lc-cycle"];

/// Names of the 11 vertex statistics, by id.
pub const STAT_NAMES: [&str; 11] = [
    "fan", "deg", "ratio", "avg", "sum", "min", "max", "median", "var", "skew", "kurtosis",
];

impl GfpParams {
    /// Parses snapml-style JSON (`get_params()` output) and validates it.
    pub fn from_json(text: &str) -> Result<GfpParams, ParamsError> {
        let params: GfpParams =
            serde_json::from_str(text).map_err(|e| ParamsError::Json(e.to_string()))?;
        params.validate()?;
        Ok(params)
    }

    /// The family's parameters, by index in [`FAMILIES`].
    pub fn family(&self, index: usize) -> PatternParams {
        let (enabled, tw, bins) = match index {
            0 => (self.fan, self.fan_tw, &self.fan_bins),
            1 => (self.degree, self.degree_tw, &self.degree_bins),
            2 => (
                self.scatter_gather,
                self.scatter_gather_tw,
                &self.scatter_gather_bins,
            ),
            3 => (self.temp_cycle, self.temp_cycle_tw, &self.temp_cycle_bins),
            _ => (self.lc_cycle, self.lc_cycle_tw, &self.lc_cycle_bins),
        };
        PatternParams {
            enabled,
            tw,
            bins: bins.clone(),
        }
    }

    /// Checks what snapml checks, plus what flowtrace relies on (ascending bins).
    pub fn validate(&self) -> Result<(), ParamsError> {
        for (i, name) in FAMILIES.iter().enumerate() {
            let f = self.family(i);
            if !f.enabled {
                continue;
            }
            if f.tw <= 0 {
                return Err(ParamsError::BadWindow(name));
            }
            if f.bins.is_empty() || f.bins.windows(2).any(|w| w[0] >= w[1]) {
                return Err(ParamsError::BadBins(name));
            }
        }
        if self.max_no_edges == 0 {
            return Err(ParamsError::ZeroMaxEdges);
        }
        if let Some(&bad) = self.vertex_stats_feats.iter().find(|&&s| s > 10) {
            return Err(ParamsError::UnknownStat(bad));
        }
        self.effective_time_window().map(|_| ())
    }

    /// The window edges are kept for: `time_window`, or when negative the largest window of
    /// an enabled pattern family (the statistics' window does not count, as in snapml).
    pub fn effective_time_window(&self) -> Result<i64, ParamsError> {
        if self.time_window > 0 {
            return Ok(self.time_window);
        }
        (0..FAMILIES.len())
            .map(|i| self.family(i))
            .filter(|f| f.enabled)
            .map(|f| f.tw)
            .max()
            .filter(|&tw| tw > 0)
            .ok_or(ParamsError::NoWindow)
    }

    /// Names of the engineered columns, in snapml's order.
    pub fn feature_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        for (i, family) in FAMILIES.iter().enumerate() {
            let f = self.family(i);
            if !f.enabled {
                continue;
            }
            let sides: &[&str] = if i < 2 { &["in", "out"] } else { &[""] };
            for side in sides {
                for b in &f.bins {
                    let sep = if side.is_empty() { "" } else { "_" };
                    names.push(format!("{family}{sep}{side}_{b}"));
                }
            }
        }
        if self.vertex_stats {
            for who in ["src_out", "src_in", "dst_out", "dst_in"] {
                names.extend(self.stat_names().map(|s| format!("{who}_{s}")));
            }
        }
        names
    }

    /// Statistic names of one vertex side: fan, degree, ratio, then per column the rest.
    fn stat_names(&self) -> impl Iterator<Item = String> + '_ {
        let structural = [0u8, 1, 2]
            .into_iter()
            .filter(|s| self.vertex_stats_feats.contains(s))
            .map(|s| STAT_NAMES[s as usize].to_string());
        let per_col = self.vertex_stats_cols.iter().flat_map(move |c| {
            (3u8..=10)
                .filter(|s| self.vertex_stats_feats.contains(s))
                .map(move |s| format!("{}_c{c}", STAT_NAMES[s as usize]))
        });
        structural.chain(per_col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_are_upper_bounds_with_an_open_last_bin() {
        let bins = |bins: Vec<i64>| PatternParams {
            enabled: true,
            tw: 1,
            bins,
        };
        let got: Vec<_> = (0..8).map(|s| bins(vec![2, 3, 5]).bin(s)).collect();
        let want = [
            None,
            None,
            Some(0),
            Some(1),
            Some(2),
            Some(2),
            Some(2),
            Some(2),
        ];
        assert_eq!(got, want);
        let got: Vec<_> = (2..6).map(|s| bins(vec![3, 5]).bin(s)).collect();
        assert_eq!(got, [Some(0), Some(0), Some(1), Some(1)]);
    }

    #[test]
    fn snapml_json_round_trips_and_unknown_keys_fail() {
        let p = GfpParams::from_json(r#"{"fan": true, "scatter-gather": true, "lc-cycle_len": 4}"#)
            .unwrap();
        assert!(p.scatter_gather && p.lc_cycle_len == 4);
        assert_eq!(p.effective_time_window(), Ok(120 * 3600));
        assert!(GfpParams::from_json(r#"{"fanx": true}"#).is_err());
    }

    #[test]
    fn the_statistics_window_does_not_make_a_time_window() {
        let p = GfpParams {
            fan: false,
            ..GfpParams::default()
        };
        assert_eq!(p.validate(), Err(ParamsError::NoWindow));
    }
}
