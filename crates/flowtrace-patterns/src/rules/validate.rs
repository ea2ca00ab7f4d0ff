//! Checking a [`RuleConfig`] read from a user's file before running it.

use super::RuleConfig;

/// A threshold that makes no sense (a user's mistake in a configuration file).
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("rule configuration: `{field}` {problem}")]
pub struct ConfigError {
    /// Dotted path of the field, e.g. `cycle.max_hops`.
    pub field: &'static str,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl RuleConfig {
    /// Checks that every threshold is in its meaningful range.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let fail = |field, problem| Err(ConfigError { field, problem });
        let fraction = |x: f64| (0.0..=1.0).contains(&x);
        let (s, c, p, f) = (
            &self.structuring,
            &self.cycle,
            &self.pass_through,
            &self.crowdfunding,
        );
        let counts = [
            s.min_deposits,
            self.fan.min_counterparties,
            self.scatter.min_width,
            p.min_hops,
            f.min_donors,
        ];
        if counts.contains(&0) {
            return fail(
                "min_*",
                "counts of deposits, accounts and hops must be at least 1",
            );
        }
        if !(self.hubs.percentile > 0.0 && self.hubs.percentile <= 100.0) {
            return fail("hubs.percentile", "must be in (0, 100]");
        }
        if !(s.threshold > 0.0 && fraction(s.lower_fraction) && fraction(s.onward_fraction)) {
            return fail(
                "structuring",
                "needs a positive threshold and fractions in [0, 1]",
            );
        }
        if !(2..=8).contains(&c.max_hops) || c.min_hops < 2 || c.min_hops > c.max_hops {
            return fail(
                "cycle.max_hops",
                "must satisfy 2 <= min_hops <= max_hops <= 8",
            );
        }
        if !(c.min_carry >= 0.0 && c.min_carry <= c.max_carry) {
            return fail(
                "cycle.min_carry",
                "must satisfy 0 <= min_carry <= max_carry",
            );
        }
        if !(fraction(p.min_fraction) && p.min_fraction <= p.max_fraction) {
            return fail("pass_through", "needs 0 <= min_fraction <= max_fraction");
        }
        if !(fraction(f.onward_fraction) && f.onward_fraction <= f.max_onward_fraction) {
            return fail(
                "crowdfunding",
                "needs 0 <= onward_fraction <= 1 and <= max_onward_fraction",
            );
        }
        let windows = [
            ("structuring.window", s.window),
            ("structuring.onward_window", s.onward_window),
            ("fan.window", self.fan.window),
            ("cycle.window", c.window),
            ("scatter.window", self.scatter.window),
            ("pass_through.max_delay", p.max_delay),
            ("crowdfunding.window", f.window),
            ("crowdfunding.onward_window", f.onward_window),
        ];
        if let Some(&(field, _)) = windows.iter().find(|(_, w)| *w < 0) {
            return fail(field, "must not be negative");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_nonsense_is_named() {
        assert_eq!(RuleConfig::default().validate(), Ok(()));
        let mut config = RuleConfig::default();
        config.cycle.max_hops = 12;
        assert_eq!(config.validate().unwrap_err().field, "cycle.max_hops");
        let mut config = RuleConfig::default();
        config.pass_through.min_fraction = 1.2;
        assert_eq!(config.validate().unwrap_err().field, "pass_through");
        let mut config = RuleConfig::default();
        config.fan.window = -1;
        let error = config.validate().unwrap_err();
        assert_eq!(
            error.to_string(),
            "rule configuration: `fan.window` must not be negative"
        );
    }
}
