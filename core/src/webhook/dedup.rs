//! Deduplication of deliveries: SePay retries and may deliver an event twice;
//! its advice is to deduplicate on the event id (sepay-api.md §7.5).
//!
//! An event is marked done only when the application has handled it: a
//! delivery *claims* its key for a lease, the application *completes* the key
//! after handling or *releases* it on failure. A retry that arrives while a
//! claim is open is told to come back later; a claim whose process died ends
//! with its lease, so SePay's next retry is processed.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use web_time::Instant;

use crate::error::Result;
use crate::http::MaybeSendSync;

/// What a claim found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Claim {
    /// Never seen, released, or its last claim's lease ran out: the caller
    /// now holds the key and must complete or release it.
    New,
    /// Another delivery holds an open claim: answer "retry later".
    InProgress,
    /// Handled already: answer success, do not handle again.
    Done,
}

impl Claim {
    /// `new`, `in_progress` or `done` (for bindings and user stores).
    pub fn as_str(&self) -> &'static str {
        match self {
            Claim::New => "new",
            Claim::InProgress => "in_progress",
            Claim::Done => "done",
        }
    }

    /// Parses [`as_str`](Self::as_str)'s names.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "new" => Some(Claim::New),
            "in_progress" => Some(Claim::InProgress),
            "done" => Some(Claim::Done),
            _ => None,
        }
    }
}

/// Remembers which events were handled. Implement it over a database or
/// Redis to share it between processes; every method must be atomic. A
/// failing store returns `Error::Store` (see [`crate::Error::store`]).
pub trait DedupStore: MaybeSendSync {
    /// Claims `key` for `lease` (see [`Claim`]).
    fn claim(&self, key: &str, lease: Duration) -> Result<Claim>;
    /// Marks `key` handled: later deliveries are duplicates.
    fn complete(&self, key: &str) -> Result<()>;
    /// Gives the claim up (handling failed): the next delivery is processed.
    fn release(&self, key: &str) -> Result<()>;
}

#[derive(Debug, Clone, Copy)]
enum Entry {
    Claimed { until: Instant },
    Done,
}

/// An in-memory store that remembers the last `capacity` handled keys.
#[derive(Debug)]
pub struct MemoryDedup {
    capacity: usize,
    state: Mutex<(HashMap<String, Entry>, VecDeque<String>)>,
}

impl MemoryDedup {
    /// Remembers up to `capacity` handled keys (oldest forgotten first).
    pub fn new(capacity: usize) -> Self {
        MemoryDedup {
            capacity: capacity.max(1),
            state: Mutex::new((HashMap::new(), VecDeque::new())),
        }
    }
}

impl Default for MemoryDedup {
    fn default() -> Self {
        MemoryDedup::new(100_000)
    }
}

impl DedupStore for MemoryDedup {
    fn claim(&self, key: &str, lease: Duration) -> Result<Claim> {
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let (map, _) = &mut *guard;
        let outcome = match map.get(key) {
            Some(Entry::Done) => return Ok(Claim::Done),
            Some(Entry::Claimed { until }) if *until > now => return Ok(Claim::InProgress),
            _ => Claim::New,
        };
        let until = now
            .checked_add(lease)
            .unwrap_or(now + Duration::from_secs(86_400));
        map.insert(key.to_string(), Entry::Claimed { until });
        // Claims never completed nor released (their holder died) go once expired.
        if map.len() > self.capacity.saturating_mul(2) {
            map.retain(|_, e| !matches!(e, Entry::Claimed { until } if *until <= now));
        }
        Ok(outcome)
    }

    fn complete(&self, key: &str) -> Result<()> {
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (map, order) = &mut *guard;
        if !matches!(map.insert(key.to_string(), Entry::Done), Some(Entry::Done)) {
            order.push_back(key.to_string());
        }
        while order.len() > self.capacity {
            if let Some(old) = order.pop_front() {
                map.remove(&old);
            }
        }
        Ok(())
    }

    fn release(&self, key: &str) -> Result<()> {
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (map, _) = &mut *guard;
        if matches!(map.get(key), Some(Entry::Claimed { .. })) {
            map.remove(key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEASE: Duration = Duration::from_secs(60);

    #[test]
    fn lifecycle() {
        let d = MemoryDedup::new(2);
        assert_eq!(d.claim("a", LEASE).unwrap(), Claim::New);
        assert_eq!(d.claim("a", LEASE).unwrap(), Claim::InProgress);
        d.release("a").unwrap();
        assert_eq!(
            d.claim("a", LEASE).unwrap(),
            Claim::New,
            "released: processed again"
        );
        d.complete("a").unwrap();
        assert_eq!(d.claim("a", LEASE).unwrap(), Claim::Done);
        d.release("a").unwrap();
        assert_eq!(
            d.claim("a", LEASE).unwrap(),
            Claim::Done,
            "release never undoes done"
        );
    }

    #[test]
    fn an_expired_lease_is_claimed_again() {
        let d = MemoryDedup::new(2);
        assert_eq!(d.claim("a", Duration::ZERO).unwrap(), Claim::New);
        assert_eq!(d.claim("a", LEASE).unwrap(), Claim::New, "the holder died");
    }

    #[test]
    fn remembers_within_capacity() {
        let d = MemoryDedup::new(2);
        for k in ["a", "b", "c"] {
            d.claim(k, LEASE).unwrap();
            d.complete(k).unwrap();
        }
        assert_eq!(d.claim("a", LEASE).unwrap(), Claim::New, "a was evicted");
        assert_eq!(d.claim("c", LEASE).unwrap(), Claim::Done);
    }
}
