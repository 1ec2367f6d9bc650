//! Money parsing: any text or JSON value reads as an exact amount or an error;
//! an amount survives its own text (plain and canonical) and JSON unchanged;
//! a plain decimal literal reads as exactly its digits (no float on the way).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use sepay::Amount;

/// The value of `-?digits(.digits)?` computed from its digits alone, when the
/// text has that form and fits.
fn exact(s: &str) -> Option<(i128, u32)> {
    let (neg, t) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || int.len() + frac.len() > 27 {
        return None;
    }
    if t.contains('.') && frac.is_empty() {
        return None;
    }
    let m: i128 = format!("{int}{frac}").parse().ok()?;
    Some((if neg { -m } else { m }, frac.len() as u32))
}

fn round_trips(a: Amount) {
    assert_eq!(a.to_string().parse::<Amount>(), Ok(a), "{a}");
    assert_eq!(a.to_canonical_string().parse::<Amount>(), Ok(a), "{a}");
    let json = serde_json::to_string(&a).expect("an amount serializes");
    assert_eq!(
        serde_json::from_str::<Amount>(&json).ok(),
        Some(a),
        "{json}"
    );
    if let Some(d) = a.to_dong() {
        assert_eq!(Amount::from_dong(d), a);
    }
    let _ = (a.is_negative(), a.checked_add(a), format!("{a:?}"));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(a) = text.parse::<Amount>() {
        round_trips(a);
        if let Some((m, scale)) = exact(text.trim()) {
            if let Ok(expected) = Decimal::try_from_i128_with_scale(m, scale) {
                assert_eq!(a.as_decimal(), expected, "{text:?}");
            }
        }
    }
    // Every JSON form SePay uses: strings, integers, numbers with decimals.
    if let Ok(a) = serde_json::from_slice::<Amount>(data) {
        round_trips(a);
    }
});
