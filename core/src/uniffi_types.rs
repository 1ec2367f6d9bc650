//! uniffi conversions for `bindings-mobile` (feature `uniffi`). The models and
//! parameters derive `uniffi::Record` / `uniffi::Enum` where they are declared;
//! this module adds the three custom types they use. Each crosses the FFI as
//! text and becomes a native type in Kotlin and Swift (chosen in
//! `bindings-mobile/uniffi.toml`):
//!
//! | Rust | on the wire | Kotlin | Swift |
//! |---|---|---|---|
//! | [`Amount`] | `"19689000.00"` | `java.math.BigDecimal` | `Decimal` |
//! | [`OffsetDateTime`] | RFC 3339 with offset | `java.time.OffsetDateTime` | `Date` |
//! | [`LocalDate`] | `YYYY-MM-DD` | `java.time.LocalDate` | `String` |

use chrono::{FixedOffset, NaiveDate};

use crate::money::Amount;

/// A zone-aware time, the core's [`crate::time::DateTime`] (named after Java's
/// type, which is what it becomes in Kotlin).
pub type OffsetDateTime = chrono::DateTime<FixedOffset>;

/// A calendar day (a [`crate::time::DateBound::Date`] filter).
pub type LocalDate = NaiveDate;

uniffi::custom_type!(Amount, String, {
    lower: |amount| amount.to_string(),
    try_lift: |text| Ok(text.parse::<Amount>()?),
});

uniffi::custom_type!(OffsetDateTime, String, {
    remote,
    lower: |time| time.to_rfc3339(),
    try_lift: |text| Ok(chrono::DateTime::parse_from_rfc3339(&text)?),
});

uniffi::custom_type!(LocalDate, String, {
    remote,
    lower: |day| day.format("%Y-%m-%d").to_string(),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, "%Y-%m-%d")?),
});
