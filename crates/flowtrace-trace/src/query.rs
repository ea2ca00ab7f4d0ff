//! What a trace asks: where to start, which way, how far, and how amounts are attributed.

use std::fmt;
use std::str::FromStr;

use flowtrace_graph::AccountId;
use serde::Serialize;

use crate::TraceError;

/// Which way money is followed from the seeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Where the seeds' money went.
    Forward,
    /// Where the seeds' money came from.
    Backward,
    /// Both, as two separate flows.
    Both,
}

/// How much of a transfer counts as the traced money once it mixes with other funds.
///
/// Worked example: account B receives 100 untraced at 09:00 and 50 traced at 10:00, then pays
/// 30 at 11:00 and 90 at 12:00.
/// - `poison`: both payments are traced in full (30 and 90): any contact taints everything after.
/// - `haircut`: the 30 carries 30 * 50/150 = 10 traced; the 90 carries 90 * 40/120 = 30 traced;
///   10 stay in B. Traced money is a share of the balance, and shares move together.
/// - `fifo`: the untraced 100 arrived first and leave first: the 30 and the first 70 of the 90
///   are untraced; the last 20 of the 90 are traced; 30 traced stay in B.
/// - `lifo`: the latest arrival leaves first: the 30 is traced, then 20 traced and 70 untraced
///   make the 90; nothing traced stays in B.
///
/// Each account starts with the smallest opening balance its payments in the range imply (data
/// rarely shows an account from its first day); those funds are untraced and, being oldest, leave
/// first under `fifo`. So a policy other than `poison` never attributes more than arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// Any contact taints all later outflows in full.
    Poison,
    /// Traced money is a proportional share of the balance.
    Haircut,
    /// Earliest arrived funds leave first.
    Fifo,
    /// Latest arrived funds leave first.
    Lifo,
}

impl Policy {
    /// The policy's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Policy::Poison => "poison",
            Policy::Haircut => "haircut",
            Policy::Fifo => "fifo",
            Policy::Lifo => "lifo",
        }
    }

    /// Whether traced amounts are conserved (everything but `poison`).
    pub fn conserves(self) -> bool {
        self != Policy::Poison
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Policy {
    type Err = TraceError;

    fn from_str(text: &str) -> Result<Policy, TraceError> {
        match text.to_ascii_lowercase().as_str() {
            "poison" => Ok(Policy::Poison),
            "haircut" | "proportional" => Ok(Policy::Haircut),
            "fifo" => Ok(Policy::Fifo),
            "lifo" => Ok(Policy::Lifo),
            _ => Err(TraceError::Query(format!(
                "unknown policy `{text}` (expected poison, haircut, fifo or lifo)"
            ))),
        }
    }
}

impl FromStr for Direction {
    type Err = TraceError;

    fn from_str(text: &str) -> Result<Direction, TraceError> {
        match text.to_ascii_lowercase().as_str() {
            "forward" => Ok(Direction::Forward),
            "backward" => Ok(Direction::Backward),
            "both" => Ok(Direction::Both),
            _ => Err(TraceError::Query(format!(
                "unknown direction `{text}` (expected forward, backward or both)"
            ))),
        }
    }
}

/// A trace request. Times are UTC seconds; amounts are in the base currency of the rates.
#[derive(Clone, Debug, Serialize)]
pub struct TraceQuery {
    /// Accounts the trace starts from.
    pub seeds: Vec<AccountId>,
    /// Which way to follow.
    pub direction: Direction,
    /// Longest chain of transfers followed from a seed.
    pub max_hops: u32,
    /// Transfers before this are ignored.
    pub since: Option<i64>,
    /// Transfers after this are ignored.
    pub until: Option<i64>,
    /// How long money may rest in an account before it counts as moved on (seconds); `None`
    /// for no limit.
    pub window: Option<i64>,
    /// Transfers carrying less traced money than this are not followed.
    pub min_amount: f64,
    /// How amounts are attributed.
    pub policy: Policy,
}

impl TraceQuery {
    /// A forward, 6-hop, haircut trace from `seeds` over all time.
    pub fn forward(seeds: Vec<AccountId>) -> TraceQuery {
        TraceQuery {
            seeds,
            direction: Direction::Forward,
            max_hops: 6,
            since: None,
            until: None,
            window: None,
            min_amount: 0.0,
            policy: Policy::Haircut,
        }
    }

    /// Checks the parts that a user can get wrong.
    pub fn validate(&self) -> Result<(), TraceError> {
        if self.seeds.is_empty() {
            return Err(TraceError::Query("no seed account to trace from".into()));
        }
        if self.max_hops == 0 || self.max_hops > 255 {
            return Err(TraceError::Query(
                "max hops must be between 1 and 255".into(),
            ));
        }
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(TraceError::Query(
                    "the time range ends before it starts (since > until)".into(),
                ));
            }
        }
        if self.window.is_some_and(|w| w < 0) {
            return Err(TraceError::Query("the window must not be negative".into()));
        }
        if !(self.min_amount >= 0.0 && self.min_amount.is_finite()) {
            return Err(TraceError::Query(
                "the minimum amount must be a finite number >= 0".into(),
            ));
        }
        Ok(())
    }
}

/// Parses a duration such as `90s`, `30m`, `12h`, `7d` or `2w` into seconds.
pub fn parse_duration(text: &str) -> Result<i64, TraceError> {
    let text = text.trim();
    let bad = || {
        TraceError::Query(format!(
            "cannot read duration `{text}` (expected a number and a unit: 90s, 30m, 12h, 7d, 2w)"
        ))
    };
    let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (number, unit) = text.split_at(split);
    let number: i64 = number.parse().map_err(|_| bad())?;
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(bad()),
    };
    number.checked_mul(scale).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_their_units() {
        assert_eq!(parse_duration("90s").unwrap(), 90);
        assert_eq!(parse_duration("12h").unwrap(), 43_200);
        assert_eq!(parse_duration("7d").unwrap(), 604_800);
        for bad in ["", "7", "d", "7y", "-3d", "99999999999999999999d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_queries_are_refused() {
        let mut q = TraceQuery::forward(vec![]);
        assert!(q.validate().is_err());
        q.seeds = vec![0];
        q.validate().unwrap();
        q.since = Some(10);
        q.until = Some(5);
        assert!(q.validate().is_err());
    }
}
