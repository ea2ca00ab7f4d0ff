//! The `[online]` table of a world configuration: how big the online world is and how much of
//! each planted behaviour it holds.

use serde::{Deserialize, Serialize};

use crate::config::ConfigError;

/// Shape of the online world generated beside a money world (`[online]` in the TOML; every key
/// is optional, missing ones take the demo values of [`OnlineConfig::default`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OnlineConfig {
    /// Online accounts (ordinary users, supporters and cell members together).
    pub accounts: u32,
    /// Simulated days, starting on the money world's first day.
    pub days: u32,
    /// Ordinary posts (originals, reposts and replies), exact; planted posts come on top.
    pub posts: u64,
    /// Mean number of accounts each account follows (the follow graph is heavy-tailed).
    pub follows: u32,
    /// Planted coordinated cells.
    pub cells: u32,
    /// Smallest and largest number of accounts in a cell.
    pub cell_size: [u32; 2],
    /// Smallest and largest number of coordinated bursts of a cell over the run.
    pub bursts: [u32; 2],
    /// Smallest and largest spread, in seconds, of one burst's posts (each cell draws its own).
    pub window_secs: [u32; 2],
    /// Popular organic items (reposts, links, greetings) that many accounts share
    /// independently over hours: the decoys a coordination detector must not flag.
    pub decoys: u32,
    /// Propaganda items spread from a seeder by amplifiers in waves.
    pub cascades: u32,
    /// Smallest and largest number of amplifiers of a cascade.
    pub amplifiers: [u32; 2],
    /// Share of accounts that are supporters (the amplifier pool, Berger's "active" 9%).
    pub supporters: f64,
    /// Posts advertising donation accounts of the money world's terrorist-financing schemes.
    pub appeals: u32,
    /// Appeals for legitimate charities of the money world.
    pub charity_appeals: u32,
    /// Posts with an IBAN or card number whose checksum fails.
    pub invalid_appeals: u32,
}

impl Default for OnlineConfig {
    /// The demo's online world: 5,000 accounts, 60,000 ordinary posts over seven days,
    /// twelve cells, forty cascades and sixty appeals.
    fn default() -> Self {
        OnlineConfig {
            accounts: 5_000,
            days: 7,
            posts: 60_000,
            follows: 40,
            cells: 12,
            cell_size: [4, 12],
            bursts: [8, 20],
            window_secs: [5, 45],
            decoys: 40,
            cascades: 40,
            amplifiers: [10, 60],
            supporters: 0.04,
            appeals: 60,
            charity_appeals: 30,
            invalid_appeals: 20,
        }
    }
}

impl OnlineConfig {
    /// Checks every value's range.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |key, problem: &str| {
            Err(ConfigError::Invalid {
                key,
                problem: problem.to_string(),
            })
        };
        if !(100..=50_000_000).contains(&self.accounts) {
            return invalid("online.accounts", "must be between 100 and 50000000");
        }
        if !(1..=366).contains(&self.days) {
            return invalid("online.days", "must be between 1 and 366");
        }
        if self.posts > u64::from(u32::MAX) / 2 {
            return invalid("online.posts", "must be at most 2147483647");
        }
        if self.follows == 0 || self.follows > 5_000 {
            return invalid("online.follows", "must be between 1 and 5000");
        }
        let [lo, hi] = self.cell_size;
        if lo < 3 || hi < lo || hi > 500 {
            return invalid(
                "online.cell_size",
                "must be [low, high] with 3 <= low <= high <= 500",
            );
        }
        let [lo, hi] = self.bursts;
        if lo < 2 || hi < lo || hi > 10_000 {
            return invalid(
                "online.bursts",
                "must be [low, high] with 2 <= low <= high <= 10000",
            );
        }
        let [lo, hi] = self.window_secs;
        if hi < lo || hi > 3_600 {
            return invalid(
                "online.window_secs",
                "must be [low, high] with low <= high <= 3600",
            );
        }
        let [lo, hi] = self.amplifiers;
        if lo < 1 || hi < lo {
            return invalid(
                "online.amplifiers",
                "must be [low, high] with 1 <= low <= high",
            );
        }
        if !(0.0..=0.5).contains(&self.supporters) {
            return invalid("online.supporters", "must be between 0 and 0.5");
        }
        let supporters = (f64::from(self.accounts) * self.supporters) as u64;
        if self.cascades > 0 && supporters < u64::from(hi) {
            return invalid(
                "online.amplifiers",
                "the largest cascade needs more supporters (raise online.supporters)",
            );
        }
        let planted = u64::from(self.cells) * u64::from(self.cell_size[1]) + supporters + 16;
        if planted * 2 > u64::from(self.accounts) {
            return invalid(
                "online.cells",
                "cells and supporters must take at most half of the accounts",
            );
        }
        Ok(())
    }
}
