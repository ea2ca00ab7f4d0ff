//! The AMLworld temporal split: the first 60% of transfers in time order train a model, the next
//! 20% validate it and the last 20% test it.
//!
//! Boundaries are chosen by row count, exactly: with `n` transfers sorted by time (ties in file
//! order, which is the order flowtrace's readers keep), train is positions `0 .. n*60/100`,
//! validation `n*60/100 .. n*80/100` and test `n*80/100 .. n`, each division rounded down. So
//! with 20 transfers train holds 12, validation 4 and test 4; with 7 the cuts fall at 4 (4.2
//! rounded down) and 5 (5.6 rounded down): train 4, validation 1, test 2. Every transfer is in
//! exactly one part. Pipelines that cut at whole days instead put the few rows around each boundary on the
//! other side; this split is the one to use for results comparable with flowtrace's.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::Serialize;

/// Which part of the transfers to evaluate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// The first 60% in time order.
    Train,
    /// The next 20%.
    Validation,
    /// The last 20%: where AMLworld results are reported.
    Test,
    /// Every transfer.
    #[default]
    All,
}

impl Split {
    /// Every split, in the order they are listed.
    pub const ALL: [Split; 4] = [Split::Train, Split::Validation, Split::Test, Split::All];

    /// Positions in time order (transfer ids) that this split covers out of `n` transfers.
    pub fn range(self, n: usize) -> Range<usize> {
        // u128 so that n * 80 cannot overflow on any platform.
        let cut = |percent: u128| (n as u128 * percent / 100) as usize;
        match self {
            Split::Train => 0..cut(60),
            Split::Validation => cut(60)..cut(80),
            Split::Test => cut(80)..n,
            Split::All => 0..n,
        }
    }

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Validation => "validation",
            Split::Test => "test",
            Split::All => "all",
        }
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A split name that is not one of `train`, `validation`, `test`, `all`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown split `{0}`: expected train, validation, test or all")]
pub struct UnknownSplit(pub String);

impl FromStr for Split {
    type Err = UnknownSplit;

    fn from_str(s: &str) -> Result<Split, UnknownSplit> {
        Split::ALL
            .into_iter()
            .find(|split| split.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownSplit(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_round_down_at_sixty_and_eighty_percent() {
        assert_eq!(Split::Train.range(20), 0..12);
        assert_eq!(Split::Validation.range(20), 12..16);
        assert_eq!(Split::Test.range(20), 16..20);
        assert_eq!(Split::Train.range(7), 0..4);
        assert_eq!(Split::Validation.range(7), 4..5);
        assert_eq!(Split::Test.range(7), 5..7);
        assert_eq!(Split::All.range(7), 0..7);
        assert_eq!(Split::Test.range(0), 0..0);
        assert_eq!(Split::Train.range(1), 0..0);
        assert_eq!(Split::Test.range(1), 0..1);
    }

    #[test]
    fn parts_cover_every_position_once() {
        for n in 0..200 {
            let parts = [Split::Train, Split::Validation, Split::Test].map(|s| s.range(n));
            assert_eq!(parts[0].start, 0);
            assert_eq!(parts[0].end, parts[1].start);
            assert_eq!(parts[1].end, parts[2].start);
            assert_eq!(parts[2].end, n);
        }
    }

    #[test]
    fn names_parse_back() {
        for split in Split::ALL {
            assert_eq!(split.name().parse::<Split>(), Ok(split));
        }
        assert_eq!("TEST".parse::<Split>(), Ok(Split::Test));
        assert!("val".parse::<Split>().is_err());
    }
}
