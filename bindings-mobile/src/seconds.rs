//! Spans of time passed in from Kotlin and Swift. They cross the FFI as a
//! float number of seconds (`Seconds`), shown as `java.time.Duration` in
//! Kotlin and `TimeInterval` in Swift (`bindgen.toml`), and become a Rust
//! `Duration` only through the core's `sepay::config::seconds`, which refuses
//! NaN, infinities, negatives and more than a day with a Configuration error.
//! (uniffi's own `Duration` would trap in Swift on a negative or NaN value.)

use std::time::Duration;

use crate::error::SePayError;

/// A span of time in seconds (Kotlin `java.time.Duration`, Swift `TimeInterval`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seconds(pub f64);

uniffi::custom_newtype!(Seconds, f64);

impl Seconds {
    /// The span as a `Duration`, or a Configuration error naming `name`.
    pub(crate) fn duration(self, name: &str) -> Result<Duration, SePayError> {
        Ok(sepay::config::seconds(name, self.0)?)
    }
}

/// `value` converted when present.
pub(crate) fn optional(name: &str, value: Option<Seconds>) -> Result<Option<Duration>, SePayError> {
    value.map(|s| s.duration(name)).transpose()
}
