//! SePay's wall-clock times and date bounds: any text reads as a +07:00 time
//! (or a day, or an RFC 3339 time for bounds) or as nothing; what was read
//! survives its own wire text; the serde adapters never panic.
#![no_main]

use chrono::{Datelike, Offset};
use libfuzzer_sys::fuzz_target;
use sepay::time::{format_wall_clock, parse_wall_clock, vietnam, wall_clock, wall_clock_opt};
use sepay::DateBound;

/// Years the four-digit wire format can carry.
fn four_digit(year: i32) -> bool {
    (0..=9999).contains(&year)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(t) = parse_wall_clock(&text) {
        assert_eq!(t.offset().fix(), vietnam());
        let wire = format_wall_clock(&t);
        let _ = t.to_rfc3339();
        if four_digit(t.year()) {
            assert_eq!(parse_wall_clock(&wire), Some(t), "{text:?} -> {wire:?}");
        }
    }
    if let Some(b) = DateBound::parse(&text) {
        let query = b.to_query();
        let year = match b {
            DateBound::Date(d) => d.year(),
            DateBound::DateTime(t) => t.with_timezone(&vietnam()).year(),
        };
        if four_digit(year) {
            // A time's sub-second part is not sent.
            let back = DateBound::parse(&query).expect("a bound reads its own query text");
            match (b, back) {
                (DateBound::DateTime(a), DateBound::DateTime(c)) => {
                    assert_eq!(a.timestamp(), c.timestamp(), "{text:?} -> {query:?}")
                }
                (a, c) => assert_eq!(a, c, "{text:?} -> {query:?}"),
            }
        }
    }
    // JSON values through the serde adapters SePay's models use.
    let mut de = serde_json::Deserializer::from_slice(data);
    let _ = wall_clock::deserialize(&mut de);
    let mut de = serde_json::Deserializer::from_slice(data);
    let _ = wall_clock_opt::deserialize(&mut de);
    let _ = serde_json::from_slice::<DateBound>(data);
});
