//! Naive local date-times (Vietnam time, no zone) as seconds since
//! `1970-01-01 00:00:00`, formatted `YYYY-MM-DD HH:MM:SS` like SePay.

use std::fmt;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Calendar date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Broken-down time: `(year, month, day, hour, minute, second)`.
pub fn parts(secs: i64) -> (i64, u32, u32, u32, u32, u32) {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400) as u32;
    (y, m, d, t / 3600, t / 60 % 60, t % 60)
}

/// Seconds of `YYYY-MM-DD HH:MM:SS`.
pub fn from_parts(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
    days_from_civil(y, mo, d) * 86_400 + i64::from(h * 3600 + mi * 60 + s)
}

/// Vietnam's offset from UTC in seconds (UTC+7, no daylight saving).
pub const VN_OFFSET_SECS: i64 = 7 * 3600;

/// The current naive Vietnam time (for records created at run time).
pub fn now_local() -> i64 {
    let unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    unix + VN_OFFSET_SECS
}

/// A naive date-time that displays and serialises as `YYYY-MM-DD HH:MM:SS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime(pub i64);

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = parts(self.0);
        write!(f, "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A parsed date filter value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    /// Seconds of the value (midnight for a date-only value).
    pub secs: i64,
    /// True when only `YYYY-MM-DD` was given.
    pub date_only: bool,
}

impl ParsedDate {
    /// The value as a lower bound (`>=`).
    pub fn lower(self) -> i64 {
        self.secs
    }

    /// The value as an inclusive upper bound: a date-only value covers the whole day.
    pub fn upper(self) -> i64 {
        if self.date_only {
            self.secs + 86_399
        } else {
            self.secs
        }
    }
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` (a `T` separator is accepted too).
pub fn parse(s: &str) -> Option<ParsedDate> {
    let s = s.trim();
    let (date, time) = match s.len() {
        10 => (s, None),
        19 if matches!(s.as_bytes()[10], b' ' | b'T') => (&s[..10], Some(&s[11..])),
        _ => return None,
    };
    let db = date.as_bytes();
    if db[4] != b'-' || db[7] != b'-' {
        return None;
    }
    let y = num(&date[0..4])?;
    let mo = num(&date[5..7])?;
    let d = num(&date[8..10])?;
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(i64::from(y), mo) {
        return None;
    }
    let (h, mi, sec) = match time {
        None => (0, 0, 0),
        Some(t) => {
            let tb = t.as_bytes();
            if tb[2] != b':' || tb[5] != b':' {
                return None;
            }
            let (h, mi, sec) = (num(&t[0..2])?, num(&t[3..5])?, num(&t[6..8])?);
            if h > 23 || mi > 59 || sec > 59 {
                return None;
            }
            (h, mi, sec)
        }
    };
    Some(ParsedDate {
        secs: from_parts(i64::from(y), mo, d, h, mi, sec),
        date_only: time.is_none(),
    })
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_parse() {
        let t = from_parts(2025, 1, 1, 0, 0, 31);
        assert_eq!(DateTime(t).to_string(), "2025-01-01 00:00:31");
        assert_eq!(DateTime(0).to_string(), "1970-01-01 00:00:00");
        let p = parse("2024-02-29 23:59:59").unwrap();
        assert_eq!(DateTime(p.secs).to_string(), "2024-02-29 23:59:59");
        assert!(!p.date_only);
        let d = parse("2025-12-31").unwrap();
        assert!(d.date_only);
        assert_eq!(DateTime(d.upper()).to_string(), "2025-12-31 23:59:59");
        assert_eq!(parse("2025-02-29"), None);
        assert_eq!(parse("2025-13-01"), None);
        assert_eq!(parse("2025-01-01 24:00:00"), None);
        assert_eq!(parse("yesterday"), None);
        assert_eq!(
            parse("2025-01-01T10:00:00").unwrap().secs,
            from_parts(2025, 1, 1, 10, 0, 0)
        );
        for z in [-1000i64, 0, 19_000, 20_000, 100_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}
