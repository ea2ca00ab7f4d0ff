//! Dates as precise as a list gives them: lists know a year of birth far more often than a day,
//! and a matcher must compare `1970` with `1970-03-02` as "consistent", not as "different".

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar date known to the year, the month or the day. Always a real date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

impl PartialDate {
    /// A date, or `None` when it does not exist (month 13, 30 February, a day without a month).
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
        };
        (year > 0 && month_ok && day_ok).then_some(PartialDate { year, month, day })
    }

    /// A year alone.
    pub fn year_only(year: u16) -> Option<Self> {
        Self::new(year, None, None)
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1 to 12), when known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, ignoring a time or time zone after the date
    /// (the UN writes some listing dates as `2015-04-07-04:00`, FtM timestamps carry a time).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let text = text.trim();
        let year = digits(text.get(..4)?)?;
        let rest = &text[4..];
        let Some(rest) = rest.strip_prefix('-').filter(|r| starts_with_2_digits(r)) else {
            return ends_cleanly(rest).then(|| Self::year_only(year)).flatten();
        };
        let month = digits(&rest[..2])? as u8;
        let rest = &rest[2..];
        let Some(rest) = rest.strip_prefix('-').filter(|r| starts_with_2_digits(r)) else {
            return ends_cleanly(rest)
                .then(|| Self::new(year, Some(month), None))
                .flatten();
        };
        let day = digits(&rest[..2])? as u8;
        rest_is_suffix(&rest[2..])
            .then(|| Self::new(year, Some(month), Some(day)))
            .flatten()
    }

    /// Reads OFAC's `01 Jan 1970`, `Jan 1970` or `1970` (month names in English, any case).
    pub fn parse_day_month_year(text: &str) -> Option<Self> {
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            [year] => Self::year_only(digits(year)?),
            [month, year] => Self::new(digits(year)?, Some(month_number(month)?), None),
            [day, month, year] => {
                let day = digits(day).filter(|d| *d <= 31)? as u8;
                Self::new(digits(year)?, Some(month_number(month)?), Some(day))
            }
            _ => None,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// Serialised as the ISO text (`1970`, `1970-03`, `1970-03-02`), as FtM writes dates.
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A year of 1 to 4 ASCII digits; `None` for anything else.
fn digits(text: &str) -> Option<u16> {
    let ok = !text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

fn starts_with_2_digits(text: &str) -> bool {
    text.len() >= 2 && text.as_bytes()[..2].iter().all(u8::is_ascii_digit)
}

/// What may follow a full date: nothing, a time (`T...`), or a time zone (`Z`, `+hh:mm`,
/// `-hh:mm`).
fn rest_is_suffix(rest: &str) -> bool {
    ends_cleanly(rest) || rest.starts_with(['+', '-'])
}

/// What may follow a year or a month: not a `-`, which would be a malformed next part.
fn ends_cleanly(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(['T', 'Z', ' '])
}

fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    let prefix = word.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == prefix)?;
    Some(index as u8 + 1)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        PartialDate::parse_iso(text).map(|d| d.to_string())
    }

    #[test]
    fn reads_iso_dates_at_any_precision_and_ignores_time_zones() {
        assert_eq!(iso("1970"), Some("1970".into()));
        assert_eq!(iso("1970-03"), Some("1970-03".into()));
        assert_eq!(iso("1970-03-02"), Some("1970-03-02".into()));
        assert_eq!(iso("2015-04-07-04:00"), Some("2015-04-07".into()));
        assert_eq!(iso("2021-01-05T10:00:00"), Some("2021-01-05".into()));
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert_eq!(iso("1970-02-30"), None);
        assert_eq!(iso("1970-13"), None);
        assert_eq!(iso("0000"), None);
        assert_eq!(iso("19x0"), None);
        assert_eq!(iso("1970-3-2"), None);
        assert_eq!(iso("1900-02-29"), None);
        assert_eq!(iso("2000-02-29"), Some("2000-02-29".into()));
    }

    #[test]
    fn reads_ofac_day_month_year() {
        let read = |t| PartialDate::parse_day_month_year(t).map(|d| d.to_string());
        assert_eq!(read("01 Jan 1970"), Some("1970-01-01".into()));
        assert_eq!(read("Sep 1938"), Some("1938-09".into()));
        assert_eq!(read("1946"), Some("1946".into()));
        assert_eq!(read("31 Feb 1970"), None);
        assert_eq!(read("circa 1970"), None);
    }
}
