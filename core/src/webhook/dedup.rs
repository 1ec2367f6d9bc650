//! Deduplication of deliveries: SePay retries and may deliver an event twice;
//! its advice is to deduplicate on the event id (sepay-api.md §7.5).

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

use crate::http::MaybeSendSync;

/// Remembers which event ids were already received. Implement it over a
/// database or Redis to share it between processes.
pub trait DedupStore: MaybeSendSync {
    /// Records `key`; returns `true` if it was not seen before.
    fn insert_if_new(&self, key: &str) -> bool;
    /// Forgets `key`, so a redelivery is processed again (call it when handling failed).
    fn forget(&self, key: &str);
}

/// An in-memory store that remembers the last `capacity` keys.
#[derive(Debug)]
pub struct MemoryDedup {
    capacity: usize,
    seen: Mutex<(HashSet<String>, VecDeque<String>)>,
}

impl MemoryDedup {
    /// Remembers up to `capacity` keys (oldest forgotten first).
    pub fn new(capacity: usize) -> Self {
        MemoryDedup {
            capacity: capacity.max(1),
            seen: Mutex::new((HashSet::new(), VecDeque::new())),
        }
    }
}

impl Default for MemoryDedup {
    fn default() -> Self {
        MemoryDedup::new(100_000)
    }
}

impl DedupStore for MemoryDedup {
    fn insert_if_new(&self, key: &str) -> bool {
        let mut guard = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let (set, order) = &mut *guard;
        if !set.insert(key.to_string()) {
            return false;
        }
        order.push_back(key.to_string());
        while order.len() > self.capacity {
            if let Some(old) = order.pop_front() {
                set.remove(&old);
            }
        }
        true
    }

    fn forget(&self, key: &str) {
        let mut guard = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let (set, order) = &mut *guard;
        if set.remove(key) {
            order.retain(|k| k != key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_within_capacity() {
        let d = MemoryDedup::new(2);
        assert!(d.insert_if_new("a"));
        assert!(!d.insert_if_new("a"));
        assert!(d.insert_if_new("b"));
        assert!(d.insert_if_new("c"));
        assert!(d.insert_if_new("a"), "a was evicted");
        d.forget("c");
        assert!(d.insert_if_new("c"));
    }
}
