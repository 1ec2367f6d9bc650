//! Exact money. SePay sends amounts as decimal strings (`"19689000.00"`, v1),
//! integers (v2, webhooks) and JSON numbers with decimals (OAuth2). All of them
//! parse into [`Amount`], which never goes through a binary float.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::stack_text::StackText;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact amount of money in Vietnamese dong (VND), possibly with decimals.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

/// The text given to [`Amount::from_str`] was not a decimal number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a decimal amount such as \"19689000.00\", found {found:?}")]
pub struct ParseAmountError {
    /// The rejected text.
    pub found: String,
}

impl Amount {
    /// Zero dong.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// An amount of whole dong.
    pub fn from_dong(dong: i64) -> Self {
        Amount(Decimal::from(dong))
    }

    /// The exact decimal value.
    pub fn as_decimal(&self) -> Decimal {
        self.0
    }

    /// The decimal text with SePay's scale (`"19689000.00"`), without allocating.
    pub fn text(&self) -> StackText {
        let mut out = StackText::new();
        let scale = self.0.scale() as usize;
        let digits = self.0.mantissa().unsigned_abs();
        // 64-bit arithmetic when it fits: 128-bit division is a slow library
        // call on wasm32 (≈ 3% of a JavaScript page).
        let (mut low, mut high) = match u64::try_from(digits) {
            Ok(d) => (d, 0u128),
            Err(_) => (0, digits),
        };
        let mut written = 0;
        while low > 0 || high > 0 || written <= scale {
            if written == scale && scale > 0 {
                out.prepend(b'.');
            }
            let digit = if high > 0 {
                let d = (high % 10) as u8;
                high /= 10;
                d
            } else {
                let d = (low % 10) as u8;
                low /= 10;
                d
            };
            out.prepend(b'0' + digit);
            written += 1;
        }
        if self.0.is_sign_negative() && !self.0.is_zero() {
            out.prepend(b'-');
        }
        out
    }

    /// The amount as whole dong, if it has no fractional part and fits in an `i64`.
    pub fn to_dong(&self) -> Option<i64> {
        if self.0.fract().is_zero() {
            i64::try_from(self.0).ok()
        } else {
            None
        }
    }

    /// True when the amount is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Sum of two amounts, or `None` on overflow.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// Canonical text: no trailing fractional zeros (`"19689000"`, `"12.5"`).
    pub fn to_canonical_string(&self) -> String {
        self.0.normalize().to_string()
    }
}

impl From<Decimal> for Amount {
    fn from(value: Decimal) -> Self {
        Amount(value)
    }
}

impl From<Amount> for Decimal {
    fn from(value: Amount) -> Self {
        value.0
    }
}

impl FromStr for Amount {
    type Err = ParseAmountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(amount) = plain_decimal(s.as_bytes()) {
            return Ok(amount);
        }
        let t = s.trim();
        let ok = !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
            && t.bytes().filter(|b| *b == b'.').count() <= 1;
        if !ok {
            return Err(ParseAmountError {
                found: s.to_string(),
            });
        }
        Decimal::from_str_exact(t)
            .map(Amount)
            .map_err(|_| ParseAmountError {
                found: s.to_string(),
            })
    }
}

/// The common case read without `rust_decimal`'s general parser:
/// `-?digits(.digits)?` with at most 18 digits, as SePay sends money
/// (`"2000000.00"`). Anything else (`None`) takes the general path.
fn plain_decimal(s: &[u8]) -> Option<Amount> {
    let (negative, digits) = match s.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, s),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut scale: Option<u32> = None;
    let mut count = 0;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            // At most 18 digits: the mantissa then always fits in an i64.
            b'0'..=b'9' if count < 18 => {
                mantissa = mantissa * 10 + i64::from(b - b'0');
                count += 1;
            }
            b'.' if scale.is_none() && i > 0 && i + 1 < digits.len() => {
                scale = Some((digits.len() - i - 1) as u32);
            }
            _ => return None,
        }
    }
    if negative && mantissa == 0 {
        return None; // keeps `-0.00` exactly as the general parser reads it
    }
    let mantissa = if negative { -mantissa } else { mantissa };
    Some(Amount(Decimal::new(mantissa, scale.unwrap_or(0))))
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({})", self.0)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

struct AmountVisitor;

impl Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an amount as a decimal string or a JSON number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        v.parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(v)))
    }

    /// JSON numbers with a fraction (`1777283273.00`) arrive as `f64`. Rust prints
    /// an `f64` as the shortest text that reads back to the same value, which is the
    /// original literal for every amount with up to 15 significant digits; that text
    /// is parsed exactly. Anything non-finite is rejected.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        if !v.is_finite() {
            return Err(E::invalid_value(de::Unexpected::Float(v), &self));
        }
        Decimal::from_str_exact(&format!("{v}"))
            .map(Amount)
            .map_err(|_| E::invalid_value(de::Unexpected::Float(v), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_wire_form_exactly() {
        let a: Amount = serde_json::from_str("\"19689000.00\"").unwrap();
        assert_eq!(a.to_canonical_string(), "19689000");
        let b: Amount = serde_json::from_str("50000").unwrap();
        assert_eq!(b.to_dong(), Some(50000));
        let c: Amount = serde_json::from_str("1777283273.00").unwrap();
        assert_eq!(c, Amount::from_dong(1_777_283_273));
        let d: Amount = serde_json::from_str("0.1").unwrap();
        assert_eq!(d.to_string(), "0.1");
    }

    #[test]
    fn fast_path_reads_what_the_general_parser_reads() {
        let samples = [
            "0",
            "0.00",
            "-0.00",
            "7",
            "2000000.00",
            "-2000000.00",
            "1777283273.00",
            "0.1",
            "999999999999999999",
            "9999999999999999.99",
            "1000000000000000000",
            "12.3456",
            "-1",
            "1.",
            ".5",
            "1..2",
            "1.2.3",
            "--1",
            "",
            "-",
            "1e5",
            " 1",
            "01.50",
        ];
        for s in samples {
            let general = Decimal::from_str_exact(s.trim()).ok();
            // `None`: the general path decides.
            if let Some(Amount(fast)) = plain_decimal(s.as_bytes()) {
                let general =
                    general.unwrap_or_else(|| panic!("{s:?}: only the fast path read it"));
                assert_eq!(fast, general, "{s:?}");
                assert_eq!(fast.to_string(), general.to_string(), "{s:?} (scale)");
            }
        }
        assert_eq!(
            plain_decimal(b"2000000.00").map(|a| a.to_string()),
            Some("2000000.00".into())
        );
    }

    #[test]
    fn rejects_non_amounts_with_a_clear_message() {
        for bad in ["true", "\"abc\"", "\"1e5\"", "null", "\"\"", "\"1.2.3\""] {
            let err = serde_json::from_str::<Amount>(bad).unwrap_err().to_string();
            assert!(err.contains("amount"), "{bad}: {err}");
        }
    }

    #[test]
    fn sums_stay_exact() {
        let total = (0..10).fold(Amount::ZERO, |acc, _| {
            acc.checked_add("0.10".parse().unwrap()).unwrap()
        });
        assert_eq!(total, "1".parse().unwrap());
    }
}
