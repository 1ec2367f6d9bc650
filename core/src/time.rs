//! SePay's wall-clock times. Every API sends `"YYYY-MM-DD HH:MM:SS"` without a
//! zone; it is Vietnam local time (Asia/Ho_Chi_Minh, UTC+07:00, no daylight
//! saving), so the SDK attaches `+07:00` and exposes zone-aware values.

use std::fmt;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Timelike};
use serde::de::{self, Visitor};
use serde::Deserializer;

use crate::stack_text::StackText;

/// A zone-aware time at `+07:00`.
pub type DateTime = chrono::DateTime<FixedOffset>;

/// SePay's wire format for times.
pub const WIRE_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// Vietnam's fixed offset, UTC+07:00.
pub fn vietnam() -> FixedOffset {
    #[allow(clippy::expect_used, reason = "+07:00 is a valid offset")]
    FixedOffset::east_opt(7 * 3600).expect("+07:00 is a valid offset")
}

/// Parses `"YYYY-MM-DD HH:MM:SS"` (Vietnam local time) into a `+07:00` time.
pub fn parse_wall_clock(text: &str) -> Option<DateTime> {
    let text = text.trim();
    let naive = canonical_wall_clock(text.as_bytes())
        .or_else(|| NaiveDateTime::parse_from_str(text, WIRE_FORMAT).ok())?;
    vietnam().from_local_datetime(&naive).single()
}

/// Exactly `YYYY-MM-DD HH:MM:SS`, read byte by byte: the form SePay always
/// sends, parsed about ten times faster than chrono's format parser (which
/// still handles everything else, with the same results).
fn canonical_wall_clock(b: &[u8]) -> Option<NaiveDateTime> {
    let separators = [(4, b'-'), (7, b'-'), (10, b' '), (13, b':'), (16, b':')];
    if b.len() != 19 || separators.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let num = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?.and_hms_opt(
        num(11, 13)?,
        num(14, 16)?,
        num(17, 19)?,
    )
}

/// Formats any zone-aware time as SePay's Vietnam wall-clock text.
pub fn format_wall_clock(time: &DateTime) -> String {
    time.with_timezone(&vietnam())
        .format(WIRE_FORMAT)
        .to_string()
}

/// A date filter bound: a whole day (`YYYY-MM-DD`) or an exact Vietnam time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DateBound {
    /// A calendar day.
    Date(NaiveDate),
    /// An exact time; sent as Vietnam wall-clock.
    DateTime(DateTime),
}

impl DateBound {
    /// The bound as SePay expects it in a query string.
    pub fn to_query(&self) -> String {
        match self {
            DateBound::Date(d) => d.format("%Y-%m-%d").to_string(),
            DateBound::DateTime(t) => format_wall_clock(t),
        }
    }
}

impl DateBound {
    /// Reads `YYYY-MM-DD` (a day), `YYYY-MM-DD HH:MM:SS` (Vietnam wall-clock
    /// time) or an RFC 3339 time with an offset.
    pub fn parse(text: &str) -> Option<DateBound> {
        let text = text.trim();
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(DateBound::Date(day));
        }
        parse_wall_clock(text)
            .or_else(|| chrono::DateTime::parse_from_rfc3339(text).ok())
            .map(DateBound::DateTime)
    }
}

impl<'de> serde::Deserialize<'de> for DateBound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct BoundVisitor;
        impl Visitor<'_> for BoundVisitor {
            type Value = DateBound;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a date \"YYYY-MM-DD\", a Vietnam time \"YYYY-MM-DD HH:MM:SS\" or an RFC 3339 time with an offset",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateBound, E> {
                DateBound::parse(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(BoundVisitor)
    }
}

impl From<NaiveDate> for DateBound {
    fn from(value: NaiveDate) -> Self {
        DateBound::Date(value)
    }
}

impl From<DateTime> for DateBound {
    fn from(value: DateTime) -> Self {
        DateBound::DateTime(value)
    }
}

struct WallClockVisitor {
    nullable: bool,
}

impl<'de> Visitor<'de> for WallClockVisitor {
    type Value = Option<DateTime>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.nullable {
            f.write_str("a \"YYYY-MM-DD HH:MM:SS\" time or null")
        } else {
            f.write_str("a \"YYYY-MM-DD HH:MM:SS\" time")
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if self.nullable && (v.is_empty() || v.starts_with("0000-00-00")) {
            return Ok(None);
        }
        parse_wall_clock(v)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        if self.nullable {
            Ok(None)
        } else {
            Err(E::invalid_type(de::Unexpected::Unit, &self))
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `t` as RFC 3339 (`2023-05-04T11:59:47+07:00`) without allocating, when it
/// has whole seconds, a four-digit year and a whole-minute offset; else `None`.
pub fn rfc3339_text(t: &DateTime) -> Option<StackText> {
    let local = t.naive_local();
    let offset = t.offset().local_minus_utc();
    if local.nanosecond() != 0 || !(0..=9999).contains(&local.year()) || offset % 60 != 0 {
        return None;
    }
    let mut out = StackText::new();
    let minutes = offset.unsigned_abs() / 60;
    out.prepend_digits(minutes % 60, 2);
    out.prepend(b':');
    out.prepend_digits(minutes / 60, 2);
    out.prepend(if offset < 0 { b'-' } else { b'+' });
    out.prepend_digits(local.second(), 2);
    out.prepend(b':');
    out.prepend_digits(local.minute(), 2);
    out.prepend(b':');
    out.prepend_digits(local.hour(), 2);
    out.prepend(b'T');
    out.prepend_digits(local.day(), 2);
    out.prepend(b'-');
    out.prepend_digits(local.month(), 2);
    out.prepend(b'-');
    out.prepend_digits(local.year() as u32, 4);
    Some(out)
}

/// Writes `t` as RFC 3339 with its offset.
fn serialize_time<S: serde::Serializer>(t: &DateTime, s: S) -> Result<S::Ok, S::Error> {
    match rfc3339_text(t) {
        Some(text) => s.serialize_str(&text),
        None => s.serialize_str(&t.to_rfc3339()),
    }
}

/// Serde adapter for a required SePay time.
pub mod wall_clock {
    use super::*;

    /// Deserializes `"YYYY-MM-DD HH:MM:SS"` into a `+07:00` time.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime, D::Error> {
        d.deserialize_any(WallClockVisitor { nullable: false })?
            .ok_or_else(|| de::Error::custom("expected a time, found nothing"))
    }

    /// Serializes as an RFC 3339 time with its offset.
    pub fn serialize<S: serde::Serializer>(t: &DateTime, s: S) -> Result<S::Ok, S::Error> {
        serialize_time(t, s)
    }
}

/// Serde adapter for an optional SePay time (`null`, `""` and `0000-00-00 …` mean none).
pub mod wall_clock_opt {
    use super::*;

    /// Deserializes an optional SePay time.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime>, D::Error> {
        d.deserialize_option(WallClockVisitor { nullable: true })
    }

    /// Serializes as an RFC 3339 time with its offset, or null.
    pub fn serialize<S: serde::Serializer>(t: &Option<DateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => serialize_time(t, s),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_text_matches_chrono() {
        let times = [
            "2023-05-04T11:59:47+07:00",
            "0001-01-01T00:00:00+00:00",
            "9999-12-31T23:59:59-03:30",
            "2024-02-29T00:00:09+05:45",
        ];
        for t in times {
            let t = DateTime::parse_from_rfc3339(t).unwrap();
            assert_eq!(
                rfc3339_text(&t).map(|s| s.to_string()),
                Some(t.to_rfc3339())
            );
        }
        let fractional = DateTime::parse_from_rfc3339("2023-05-04T11:59:47.5+07:00").unwrap();
        assert!(rfc3339_text(&fractional).is_none());
    }

    #[test]
    fn wall_clock_becomes_plus_seven() {
        let t = parse_wall_clock("2023-05-04 11:59:47").unwrap();
        assert_eq!(t.to_rfc3339(), "2023-05-04T11:59:47+07:00");
        assert_eq!(format_wall_clock(&t), "2023-05-04 11:59:47");
    }

    #[test]
    fn utc_input_is_sent_as_vietnam_time() {
        let utc = chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00+00:00").unwrap();
        assert_eq!(DateBound::DateTime(utc).to_query(), "2024-01-01 07:00:00");
    }

    #[test]
    fn date_bounds_parse_days_wall_clock_and_offsets() {
        let day = DateBound::parse("2024-02-29").unwrap();
        assert_eq!(day.to_query(), "2024-02-29");
        let wall = DateBound::parse("2024-02-29 08:30:00").unwrap();
        assert_eq!(wall.to_query(), "2024-02-29 08:30:00");
        let utc = DateBound::parse("2024-02-29T01:30:00+00:00").unwrap();
        assert_eq!(utc.to_query(), "2024-02-29 08:30:00");
        for bad in ["2024-02-30", "29/02/2024", "", "2024-02-29T01:30:00"] {
            assert!(DateBound::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_fast_path_agrees_with_chrono() {
        for text in [
            "2023-05-04 11:59:47",
            "2024-02-29 00:00:00",
            "2023-02-29 10:00:00",
            "2023-13-01 10:00:00",
            "2023-05-04 24:00:00",
            "2023-05-04 23:59:60",
            "2023-05-04 1:59:47",
            "2023/05/04 11:59:47",
            "2023-05-04 11:59:4x",
            "+023-05-04 11:59:47",
        ] {
            let slow = NaiveDateTime::parse_from_str(text, WIRE_FORMAT).ok();
            let fast = canonical_wall_clock(text.as_bytes()).or(slow);
            assert_eq!(fast, slow, "{text}");
        }
    }

    #[test]
    fn rejects_other_formats() {
        assert!(parse_wall_clock("2023-05-04T11:59:47").is_none());
        assert!(parse_wall_clock("04/05/2023").is_none());
    }
}
