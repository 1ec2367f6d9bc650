//! Money in whole VND: v1 shows it as decimal strings with 2 decimals
//! (`"19689000.00"`), v2 as JSON integers.

use std::fmt;

/// Whole-dong amount displayed and serialised as a v1 string `"N.00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct V1Money(pub u128);

impl fmt::Display for V1Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.00", self.0)
    }
}

impl serde::Serialize for V1Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parses a non-negative decimal with at most 2 decimals (`18067000`,
/// `18067000.00`, `1.5`) into cents; `None` when malformed.
pub fn parse_cents(s: &str) -> Option<u128> {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || frac.len() > 2 || int.len() > 30 {
        return None;
    }
    let whole: u128 = int.parse().ok()?;
    let mut cents: u128 = frac.parse().ok()?;
    if frac.len() == 1 {
        cents *= 10;
    }
    Some(whole * 100 + cents)
}

/// Cents of a whole-dong amount.
pub fn cents(vnd: u64) -> u128 {
    u128::from(vnd) * 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        assert_eq!(V1Money(19_689_000).to_string(), "19689000.00");
        assert_eq!(V1Money(0).to_string(), "0.00");
        assert_eq!(parse_cents("18067000"), Some(1_806_700_000));
        assert_eq!(parse_cents("18067000.00"), Some(1_806_700_000));
        assert_eq!(parse_cents("1.5"), Some(150));
        assert_eq!(parse_cents("1.05"), Some(105));
        assert_eq!(parse_cents("abc"), None);
        assert_eq!(parse_cents("-5"), None);
        assert_eq!(parse_cents("5."), None);
        assert_eq!(parse_cents(".5"), None);
        assert_eq!(parse_cents("5.001"), None);
        assert_eq!(parse_cents(""), None);
        assert_eq!(cents(7), 700);
    }
}
