//! Fault configuration, the fault kinds and the per-request fault picker.

use std::collections::VecDeque;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::common::hash::Rng;

/// Delay of a `"slow"` fault given without a duration.
pub const DEFAULT_SLOW_MS: u64 = 2000;

/// Probabilities (0..1) of random faults, drawn per API request with a
/// seeded RNG. Missing JSON fields take their default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FaultConfig {
    /// HTTP 500.
    pub error_500: f64,
    /// HTTP 503.
    pub error_503: f64,
    /// Probability that a request starts a burst of `burst_length` 429s.
    pub burst_429: f64,
    /// Length of a 429 burst (default 3).
    pub burst_length: u32,
    /// Answer after `slow_ms`.
    pub slow: f64,
    /// Delay of random slow faults in ms (default 2000).
    pub slow_ms: u64,
    /// Send about half of the body, then close the connection.
    pub truncate: f64,
    /// Close the connection without any response.
    pub drop: f64,
}

impl Default for FaultConfig {
    fn default() -> Self {
        FaultConfig {
            error_500: 0.0,
            error_503: 0.0,
            burst_429: 0.0,
            burst_length: 3,
            slow: 0.0,
            slow_ms: DEFAULT_SLOW_MS,
            truncate: 0.0,
            drop: 0.0,
        }
    }
}

/// One injected fault.
///
/// JSON: a string name (`"500"`, `"503"`, `"429"`, `"slow"`, `"truncate"`,
/// `"drop"`, `"drop_after"`, `"html"`, `"empty"`, `"truncated_json"`, `"wrong_type"`,
/// `"unknown_enum"`, `"missing_field"`); a slow fault with a delay is
/// `{"slow": 1500}` (also accepted: `"slow:1500"`; plain `"slow"` = 2000 ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// HTTP 500.
    Error500,
    /// HTTP 503.
    Error503,
    /// HTTP 429, exactly like the rate limiter (Retry-After 1).
    RateLimited,
    /// Sleep this many ms, then answer normally.
    Slow(u64),
    /// Full Content-Length, half the body, then close.
    Truncate,
    /// Close the connection without a response.
    Drop,
    /// Process the request (e.g. create the order), then close the
    /// connection without a response.
    DropAfter,
    /// 200 with an HTML error page.
    Html,
    /// 200 with an empty body.
    Empty,
    /// 200 with the JSON cut in half (consistent Content-Length).
    TruncatedJson,
    /// First money field replaced by `true`.
    WrongType,
    /// First `transfer_type` set to `"sideways"` (v1: like `WrongType`).
    UnknownEnum,
    /// First item's `id` removed.
    MissingField,
}

impl Fault {
    /// The serde / log name.
    pub fn name(&self) -> &'static str {
        match self {
            Fault::Error500 => "500",
            Fault::Error503 => "503",
            Fault::RateLimited => "429",
            Fault::Slow(_) => "slow",
            Fault::Truncate => "truncate",
            Fault::Drop => "drop",
            Fault::DropAfter => "drop_after",
            Fault::Html => "html",
            Fault::Empty => "empty",
            Fault::TruncatedJson => "truncated_json",
            Fault::WrongType => "wrong_type",
            Fault::UnknownEnum => "unknown_enum",
            Fault::MissingField => "missing_field",
        }
    }

    fn from_name(s: &str) -> Option<Fault> {
        Some(match s {
            "500" => Fault::Error500,
            "503" => Fault::Error503,
            "429" => Fault::RateLimited,
            "slow" => Fault::Slow(DEFAULT_SLOW_MS),
            "truncate" => Fault::Truncate,
            "drop" => Fault::Drop,
            "drop_after" => Fault::DropAfter,
            "html" => Fault::Html,
            "empty" => Fault::Empty,
            "truncated_json" => Fault::TruncatedJson,
            "wrong_type" => Fault::WrongType,
            "unknown_enum" => Fault::UnknownEnum,
            "missing_field" => Fault::MissingField,
            other => {
                let ms = other.strip_prefix("slow:")?;
                Fault::Slow(ms.parse().ok()?)
            }
        })
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Fault {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fault::Slow(ms) => {
                let mut m = std::collections::BTreeMap::new();
                m.insert("slow", *ms);
                m.serialize(s)
            }
            other => s.serialize_str(other.name()),
        }
    }
}

impl<'de> Deserialize<'de> for Fault {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Name(String),
            Slow { slow: u64 },
        }
        match Raw::deserialize(d)? {
            Raw::Slow { slow } => Ok(Fault::Slow(slow)),
            Raw::Name(n) => Fault::from_name(&n)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown fault {n:?}"))),
        }
    }
}

/// Chooses the fault of each API request: queued faults first, then random ones.
#[derive(Debug)]
pub struct FaultPicker {
    config: FaultConfig,
    queue: VecDeque<Fault>,
    rng: Rng,
    burst_left: u32,
}

impl FaultPicker {
    /// A picker with a deterministic RNG seeded from `seed`.
    pub fn new(config: FaultConfig, seed: u64) -> FaultPicker {
        FaultPicker {
            config,
            queue: VecDeque::new(),
            rng: Rng::new(seed ^ 0xFA17_FA17_FA17_FA17),
            burst_left: 0,
        }
    }

    /// Replaces the random-fault configuration (ends any running burst).
    pub fn set_config(&mut self, config: FaultConfig) {
        self.config = config;
        self.burst_left = 0;
    }

    /// Current random-fault configuration.
    pub fn config(&self) -> &FaultConfig {
        &self.config
    }

    /// Queues faults for the next requests, one each, in order.
    pub fn push(&mut self, faults: impl IntoIterator<Item = Fault>) {
        self.queue.extend(faults);
    }

    /// Faults still queued.
    pub fn queued(&self) -> Vec<Fault> {
        self.queue.iter().copied().collect()
    }

    /// The fault for the next request, if any.
    pub fn next_fault(&mut self) -> Option<Fault> {
        if let Some(f) = self.queue.pop_front() {
            return Some(f);
        }
        if self.burst_left > 0 {
            self.burst_left -= 1;
            return Some(Fault::RateLimited);
        }
        let c = &self.config;
        let table = [
            (c.error_500, Fault::Error500),
            (c.error_503, Fault::Error503),
            (c.burst_429, Fault::RateLimited),
            (c.slow, Fault::Slow(c.slow_ms)),
            (c.truncate, Fault::Truncate),
            (c.drop, Fault::Drop),
        ];
        if table.iter().all(|(p, _)| *p <= 0.0) {
            return None;
        }
        let u = self.rng.next_f64();
        let mut acc = 0.0;
        for (p, fault) in table {
            acc += p.max(0.0);
            if u < acc {
                if fault == Fault::RateLimited {
                    self.burst_left = c.burst_length.saturating_sub(1);
                }
                return Some(fault);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names() {
        let all: Vec<Fault> = serde_json::from_str(
            r#"["500","503","429","slow","truncate","drop","html","empty",
               "truncated_json","wrong_type","unknown_enum","missing_field",
               {"slow":1500},"slow:10","drop_after"]"#,
        )
        .unwrap();
        assert_eq!(all.len(), 15);
        assert_eq!(all[14], Fault::DropAfter);
        assert_eq!(all[3], Fault::Slow(DEFAULT_SLOW_MS));
        assert_eq!(all[12], Fault::Slow(1500));
        assert_eq!(all[13], Fault::Slow(10));
        assert_eq!(serde_json::to_string(&all[0]).unwrap(), r#""500""#);
        assert_eq!(
            serde_json::to_string(&Fault::Slow(7)).unwrap(),
            r#"{"slow":7}"#
        );
        for f in &all {
            let back: Fault = serde_json::from_str(&serde_json::to_string(f).unwrap()).unwrap();
            assert_eq!(back, *f);
        }
        assert!(serde_json::from_str::<Fault>(r#""nope""#).is_err());
        let c: FaultConfig = serde_json::from_str(r#"{"error_500":0.5}"#).unwrap();
        assert_eq!(c.burst_length, 3);
        assert_eq!(c.error_500, 0.5);
    }

    #[test]
    fn queue_then_random_with_bursts() {
        let cfg = FaultConfig {
            burst_429: 1.0,
            burst_length: 2,
            ..FaultConfig::default()
        };
        let mut p = FaultPicker::new(cfg, 1);
        p.push([Fault::Html, Fault::Drop]);
        assert_eq!(p.next_fault(), Some(Fault::Html));
        assert_eq!(p.next_fault(), Some(Fault::Drop));
        assert_eq!(p.next_fault(), Some(Fault::RateLimited));
        assert_eq!(p.next_fault(), Some(Fault::RateLimited));
        p.set_config(FaultConfig::default());
        assert_eq!(p.next_fault(), None);
    }

    #[test]
    fn random_rate_roughly_matches() {
        let cfg = FaultConfig {
            error_500: 0.25,
            ..FaultConfig::default()
        };
        let mut p = FaultPicker::new(cfg, 9);
        let n = (0..4000).filter(|_| p.next_fault().is_some()).count();
        assert!((800..1200).contains(&n), "{n}");
    }
}
