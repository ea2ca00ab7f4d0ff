//! FtM dates and date-times to UTC seconds.
//!
//! Accepted: `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DDTHH:MM` and `YYYY-MM-DDTHH:MM:SS`, the last
//! optionally with fractional seconds (dropped); a time may end in `Z` or a `+HH:MM` / `-HH:MM`
//! offset, which is converted to UTC. FtM's partial dates (`2022`, `2022-09`, `2022-09-01T10`) are
//! refused: filling in the missing part would date a transfer to a moment it did not happen.

use flowtrace_graph::time::CivilTime;

/// UTC seconds of an FtM date or date-time, or `None` if it is not one of the accepted forms or
/// names an impossible date.
pub(super) fn parse_timestamp(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    let (date, rest) = b.split_at_checked(10)?;
    if date[4] != b'-' || date[7] != b'-' {
        return None;
    }
    let mut civil = CivilTime {
        year: i32::try_from(number(&date[..4])?).ok()?,
        month: number(&date[5..7])?,
        day: number(&date[8..10])?,
        hour: 0,
        minute: 0,
        second: 0,
    };
    let mut offset = 0;
    if let Some(time) = rest.strip_prefix(b"T") {
        offset = parse_time(time, &mut civil)?;
    } else if !rest.is_empty() {
        return None;
    }
    civil.is_valid().then(|| civil.to_unix() - offset)
}

/// Reads `HH:MM[:SS[.fff]][Z|±HH:MM]` into `civil`; returns the zone offset in seconds.
fn parse_time(time: &[u8], civil: &mut CivilTime) -> Option<i64> {
    let (hm, mut rest) = time.split_at_checked(5)?;
    if hm[2] != b':' {
        return None;
    }
    civil.hour = number(&hm[..2])?;
    civil.minute = number(&hm[3..])?;
    if let Some(after) = rest.strip_prefix(b":") {
        let (ss, after) = after.split_at_checked(2)?;
        civil.second = number(ss)?;
        rest = after;
        if let Some(fraction) = rest.strip_prefix(b".") {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            rest = &fraction[digits..];
        }
    }
    parse_offset(rest)
}

/// `""`, `Z` or `±HH:MM` as seconds east of UTC.
fn parse_offset(zone: &[u8]) -> Option<i64> {
    let sign = match zone.first() {
        None => return Some(0),
        Some(b'Z') if zone.len() == 1 => return Some(0),
        Some(b'+') => 1,
        Some(b'-') => -1,
        Some(_) => return None,
    };
    if zone.len() != 6 || zone[3] != b':' {
        return None;
    }
    let (hours, minutes) = (number(&zone[1..3])?, number(&zone[4..6])?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * i64::from(hours * 3600 + minutes * 60))
}

/// The value of a run of ASCII digits (at most four here, so no overflow).
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEPT_1: i64 = 1_661_990_400; // 2022-09-01T00:00:00Z

    #[test]
    fn accepts_dates_and_date_times() {
        assert_eq!(parse_timestamp("2022-09-01"), Some(SEPT_1));
        assert_eq!(parse_timestamp(" 2022-09-01 "), Some(SEPT_1));
        assert_eq!(parse_timestamp("2022-09-01T00:20"), Some(SEPT_1 + 1200));
        assert_eq!(parse_timestamp("2022-09-01T00:20:05"), Some(SEPT_1 + 1205));
        assert_eq!(parse_timestamp("2022-09-01T00:20:05Z"), Some(SEPT_1 + 1205));
        assert_eq!(
            parse_timestamp("2022-09-01T00:20:05+00:00"),
            Some(SEPT_1 + 1205)
        );
        assert_eq!(
            parse_timestamp("2022-09-01T00:20:05.999Z"),
            Some(SEPT_1 + 1205)
        );
        assert_eq!(
            parse_timestamp("2022-09-01T02:20+02:00"),
            Some(SEPT_1 + 1200)
        );
        assert_eq!(
            parse_timestamp("2022-08-31T22:20-01:30"),
            Some(SEPT_1 - 1800 + 1200)
        );
        assert_eq!(parse_timestamp("1969-12-31T23:59:59Z"), Some(-1));
        assert_eq!(parse_timestamp("2024-02-29"), Some(1_709_164_800));
    }

    #[test]
    fn refuses_partial_malformed_and_impossible_dates() {
        for bad in [
            "",
            "2022",
            "2022-09",
            "2022-09-01T10",
            "2022-9-01",
            "2022/09/01",
            "01-09-2022",
            "2022-09-01T",
            "2022-09-01 00:20",
            "2022-09-01T00:20:",
            "2022-09-01T00:20:05.",
            "2022-09-01T00:20Zx",
            "2022-09-01T00:20+0200",
            "2022-09-01T00:20+24:00",
            "2022-09-01Z",
            "2022-02-30",
            "2023-02-29",
            "2022-13-01",
            "2022-09-01T24:00",
            "2022-09-01T23:60",
            "2022-09-01T23:59:60",
            "+022-09-01",
            "2022-09-01T00:2a",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }
}
