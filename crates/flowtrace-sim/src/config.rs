//! World configuration: presets, TOML files layered over a preset, and the checks that make a
//! bad configuration an error instead of a strange world.

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use crate::online::OnlineConfig;

/// Everything that shapes a simulated world. The same configuration and seed always give the
/// same bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldConfig {
    /// Preset the configuration started from (informational).
    pub preset: String,
    /// Seed of every random draw.
    pub seed: u64,
    /// First simulated day, `YYYY-MM-DD` (UTC).
    pub start: String,
    /// Number of simulated days.
    pub days: u32,
    /// Transfers in the world, illicit ones included (exact).
    pub transfers: u64,
    /// Ordinary account holders (persons and companies), one account each.
    pub accounts: u32,
    /// Banks, spread over the countries in proportion to their weight.
    pub banks: u32,
    /// Share of transfers that are illicit (`Is Laundering` = 1), reached exactly up to rounding.
    pub illicit_ratio: f64,
    /// The eight AMLworld laundering typologies.
    pub laundering: LaunderingConfig,
    /// The terrorist-financing typologies.
    pub terror: TerrorConfig,
    /// The online world generated beside the money world: absent (no online world) unless an
    /// `[online]` table is given, so money worlds stay exactly as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<OnlineConfig>,
}

/// Relative frequency and shape of the AMLworld laundering typologies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LaunderingConfig {
    /// Relative weights of FAN-OUT, FAN-IN, CYCLE, RANDOM, BIPARTITE, STACK, SCATTER-GATHER and
    /// GATHER-SCATTER, in that order.
    pub weights: [f64; 8],
    /// Largest degree of a fan (AMLworld: 16).
    pub max_fan_degree: u32,
    /// Smallest and largest number of hops of a cycle (AMLworld: 2 to about 10).
    pub cycle_hops: [u32; 2],
    /// Smallest and largest number of hops of a random walk.
    pub random_hops: [u32; 2],
    /// Largest number of accounts on one side of a bipartite or stack layer.
    pub max_layer_width: u32,
    /// Largest number of middle accounts of a scatter-gather or gather-scatter.
    pub max_scatter_width: u32,
    /// Chance that the launderer spends the proceeds afterwards in transfers labelled illicit
    /// but not listed in the patterns file, as AMLworld propagates its labels.
    pub propagate: f64,
}

/// Terrorist-financing typologies: where they sit in the illicit budget and their shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerrorConfig {
    /// Share of the illicit transfers given to terrorist financing (0 turns it off).
    pub share: f64,
    /// Relative weights of CROWDFUNDING, CHARITY-DIVERSION, STRUCTURING, TRADE-BASED and
    /// LISTED-PARTY, in that order.
    pub weights: [f64; 5],
    /// Smallest and largest number of donors of a crowdfunding campaign.
    pub donors: [u32; 2],
    /// Cash reporting threshold that structuring stays under (in the account's currency).
    pub reporting_threshold: f64,
    /// Smallest and largest number of structured deposits.
    pub deposits: [u32; 2],
    /// How many accounts are held by parties on the UN Consolidated List.
    pub listed_accounts: u32,
}

/// A configuration that cannot give a sensible world.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The TOML text did not parse or named an unknown key.
    #[error("{0}")]
    Toml(String),
    /// No preset has this name.
    #[error("unknown preset `{0}` (expected small, hi, li or tf)")]
    UnknownPreset(String),
    /// A value is out of its range.
    #[error("`{key}` {problem}")]
    Invalid {
        /// The key, dotted.
        key: &'static str,
        /// What is wrong with its value.
        problem: String,
    },
}

/// Names of the presets, for help texts.
pub const PRESETS: [&str; 4] = ["small", "hi", "li", "tf"];

impl WorldConfig {
    /// A preset: `small` (the demo world, ~200k transfers with every typology), `hi` and `li`
    /// (AMLworld HI-Small and LI-Small: 5M transfers, 1 in ~950 and 1 in ~1,950 illicit,
    /// laundering only) or `tf` (a terrorist-financing-heavy world of 1M transfers).
    pub fn preset(name: &str) -> Result<WorldConfig, ConfigError> {
        let base = WorldConfig {
            preset: name.to_string(),
            seed: 1,
            start: "2022-09-01".to_string(),
            days: 14,
            transfers: 200_000,
            accounts: 20_000,
            banks: 300,
            illicit_ratio: 1.0 / 500.0,
            laundering: LaunderingConfig {
                weights: [1.0; 8],
                max_fan_degree: 16,
                cycle_hops: [2, 10],
                random_hops: [2, 10],
                max_layer_width: 6,
                max_scatter_width: 8,
                propagate: 0.3,
            },
            terror: TerrorConfig {
                share: 0.4,
                weights: [1.0; 5],
                donors: [8, 40],
                reporting_threshold: 10_000.0,
                deposits: [4, 10],
                listed_accounts: 12,
            },
            online: None,
        };
        let aml = |ratio: f64| WorldConfig {
            days: 18,
            transfers: 5_000_000,
            accounts: 500_000,
            banks: 3_000,
            illicit_ratio: ratio,
            terror: TerrorConfig {
                share: 0.0,
                listed_accounts: 0,
                ..base.terror.clone()
            },
            ..base.clone()
        };
        Ok(match name {
            "small" => base,
            "hi" => aml(1.0 / 950.0),
            "li" => aml(1.0 / 1950.0),
            "tf" => WorldConfig {
                days: 30,
                transfers: 1_000_000,
                accounts: 100_000,
                banks: 1_000,
                illicit_ratio: 1.0 / 600.0,
                terror: TerrorConfig {
                    share: 0.7,
                    listed_accounts: 40,
                    ..base.terror.clone()
                },
                ..base.clone()
            },
            other => return Err(ConfigError::UnknownPreset(other.to_string())),
        })
    }

    /// Reads a TOML configuration: keys it sets override the preset it names with
    /// `preset = "..."` (default `small`); nested tables merge key by key.
    pub fn from_toml(text: &str) -> Result<WorldConfig, ConfigError> {
        let overrides: toml::Table = text
            .parse()
            .map_err(|e| ConfigError::Toml(format!("{e}")))?;
        let preset = match overrides.get("preset") {
            Some(toml::Value::String(name)) => name.clone(),
            Some(_) => return Err(ConfigError::Toml("`preset` must be a string".into())),
            None => "small".to_string(),
        };
        let base = WorldConfig::preset(&preset)?;
        let mut table =
            toml::Table::try_from(&base).map_err(|e| ConfigError::Toml(e.to_string()))?;
        merge(&mut table, overrides);
        let config: WorldConfig = table
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError::Toml(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// The configuration as TOML, written beside a world so it can be regenerated.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a world configuration always serialises")
    }

    /// The first day as days since 1970-01-01.
    pub fn start_day(&self) -> Result<i64, ConfigError> {
        let bad = || ConfigError::Invalid {
            key: "start",
            problem: format!("must be a date YYYY-MM-DD, not `{}`", self.start),
        };
        let parts: Vec<&str> = self.start.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let (y, m, d) = (
            y.parse::<i32>().map_err(|_| bad())?,
            m.parse::<u32>().map_err(|_| bad())?,
            d.parse::<u32>().map_err(|_| bad())?,
        );
        if !(1970..=9999).contains(&y)
            || !(1..=12).contains(&m)
            || d == 0
            || d > flowtrace_graph::time::days_in_month(y, m)
        {
            return Err(bad());
        }
        Ok(flowtrace_graph::time::days_from_civil(y, m, d))
    }

    /// Checks every value's range.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |key, problem: &str| {
            Err(ConfigError::Invalid {
                key,
                problem: problem.to_string(),
            })
        };
        self.start_day()?;
        if self.days < 3 {
            return invalid("days", "must be at least 3 (patterns span days)");
        }
        if self.transfers < 1_000 || self.transfers > u32::MAX as u64 {
            return invalid("transfers", "must be between 1000 and 4294967295");
        }
        if self.accounts < 500 || self.accounts > 100_000_000 {
            return invalid("accounts", "must be between 500 and 100000000");
        }
        if self.banks == 0 || self.banks > 100_000 || self.banks > self.accounts / 4 {
            return invalid("banks", "must be between 1 and a quarter of the accounts");
        }
        if !(0.0..=0.05).contains(&self.illicit_ratio) {
            return invalid("illicit_ratio", "must be between 0 and 0.05");
        }
        let l = &self.laundering;
        if l.weights.iter().any(|w| !w.is_finite() || *w < 0.0)
            || l.weights.iter().sum::<f64>() <= 0.0
        {
            return invalid(
                "laundering.weights",
                "must be non-negative and not all zero",
            );
        }
        if !(2..=64).contains(&l.max_fan_degree) {
            return invalid("laundering.max_fan_degree", "must be between 2 and 64");
        }
        for (key, [lo, hi]) in [
            ("laundering.cycle_hops", l.cycle_hops),
            ("laundering.random_hops", l.random_hops),
        ] {
            if lo < 2 || hi < lo || hi > 32 {
                return invalid(key, "must be [low, high] with 2 <= low <= high <= 32");
            }
        }
        if !(1..=32).contains(&l.max_layer_width) || !(2..=32).contains(&l.max_scatter_width) {
            return invalid(
                "laundering.max_layer_width",
                "widths must be between 2 and 32",
            );
        }
        if !(0.0..=1.0).contains(&l.propagate) {
            return invalid("laundering.propagate", "must be between 0 and 1");
        }
        let t = &self.terror;
        if !(0.0..=1.0).contains(&t.share) {
            return invalid("terror.share", "must be between 0 and 1");
        }
        if t.weights.iter().any(|w| !w.is_finite() || *w < 0.0)
            || (t.share > 0.0 && t.weights.iter().sum::<f64>() <= 0.0)
        {
            return invalid("terror.weights", "must be non-negative and not all zero");
        }
        if t.donors[0] < 3 || t.donors[1] < t.donors[0] || t.donors[1] > 500 {
            return invalid(
                "terror.donors",
                "must be [low, high] with 3 <= low <= high <= 500",
            );
        }
        if t.deposits[0] < 2 || t.deposits[1] < t.deposits[0] || t.deposits[1] > 100 {
            return invalid(
                "terror.deposits",
                "must be [low, high] with 2 <= low <= high <= 100",
            );
        }
        if t.reporting_threshold.is_nan() || t.reporting_threshold < 100.0 {
            return invalid("terror.reporting_threshold", "must be at least 100");
        }
        if t.listed_accounts > 10_000 {
            return invalid("terror.listed_accounts", "must be at most 10000");
        }
        if let Some(online) = &self.online {
            online.validate()?;
        }
        Ok(())
    }
}

/// Merges `overrides` into `base`, table by table.
fn merge(base: &mut toml::Table, overrides: toml::Table) {
    for (key, value) in overrides {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(inner)), toml::Value::Table(over)) => merge(inner, over),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_valid() {
        for name in PRESETS {
            WorldConfig::preset(name).unwrap().validate().unwrap();
        }
    }

    #[test]
    fn toml_overrides_a_preset() {
        let c =
            WorldConfig::from_toml("preset = \"hi\"\nseed = 9\n[laundering]\nmax_fan_degree = 8\n")
                .unwrap();
        assert_eq!(c.seed, 9);
        assert_eq!(c.transfers, 5_000_000);
        assert_eq!(c.laundering.max_fan_degree, 8);
        assert_eq!(c.laundering.cycle_hops, [2, 10]);
    }

    #[test]
    fn bad_configs_name_the_key() {
        let e = WorldConfig::from_toml("days = 1").unwrap_err();
        assert!(e.to_string().starts_with("`days`"), "{e}");
        let e = WorldConfig::from_toml("dayz = 10").unwrap_err();
        assert!(e.to_string().contains("dayz"), "{e}");
        let e = WorldConfig::from_toml("preset = \"huge\"").unwrap_err();
        assert!(e.to_string().contains("huge"), "{e}");
        let e = WorldConfig::from_toml("start = \"2022-02-30\"").unwrap_err();
        assert!(e.to_string().contains("start"), "{e}");
    }

    #[test]
    fn online_table_is_optional_and_partial() {
        assert!(WorldConfig::preset("small").unwrap().online.is_none());
        assert!(!WorldConfig::preset("small")
            .unwrap()
            .to_toml()
            .contains("online"));
        let c = WorldConfig::from_toml("[online]\ncells = 3\n").unwrap();
        let online = c.online.clone().unwrap();
        assert_eq!(online.cells, 3);
        assert_eq!(online.accounts, OnlineConfig::default().accounts);
        assert_eq!(WorldConfig::from_toml(&c.to_toml()).unwrap(), c);
        let e = WorldConfig::from_toml("[online]\ncell_size = [1, 2]\n").unwrap_err();
        assert!(e.to_string().contains("online.cell_size"), "{e}");
    }

    #[test]
    fn round_trips_through_toml() {
        let c = WorldConfig::preset("tf").unwrap();
        assert_eq!(WorldConfig::from_toml(&c.to_toml()).unwrap(), c);
    }
}
