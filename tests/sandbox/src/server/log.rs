//! The request log of API requests (admin requests are not logged).

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

/// One API request as the sandbox saw and answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedRequest {
    /// Arrival order, from 1.
    pub seq: u64,
    /// HTTP method.
    pub method: String,
    /// Path without the query string.
    pub path: String,
    /// Raw query string (empty when none).
    pub query: String,
    /// Status sent (0 when the connection was dropped without a response).
    pub status: u16,
    /// Name of the injected fault, if any (`"500"`, `"drop"`, …).
    pub fault: Option<String>,
    /// Whether the request carried the right bearer token.
    pub authorized: bool,
    /// Milliseconds between sandbox start and arrival.
    pub received_ms: u64,
    /// The request's `X-…` headers and its `User-Agent` (lower-case names),
    /// to check what a client adds.
    #[serde(default)]
    pub x_headers: Vec<(String, String)>,
}

/// A bounded log: the oldest entries are dropped beyond `capacity`.
#[derive(Debug)]
pub struct RequestLog {
    capacity: usize,
    entries: VecDeque<LoggedRequest>,
}

impl RequestLog {
    /// An empty log keeping at most `capacity` entries.
    pub fn new(capacity: usize) -> RequestLog {
        RequestLog {
            capacity,
            entries: VecDeque::new(),
        }
    }

    /// Records an entry (before its response is sent).
    pub fn push(&mut self, entry: LoggedRequest) {
        if self.capacity == 0 {
            return;
        }
        while self.entries.len() >= self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// All entries in `seq` order.
    pub fn snapshot(&self) -> Vec<LoggedRequest> {
        let mut v: Vec<_> = self.entries.iter().cloned().collect();
        v.sort_by_key(|e| e.seq);
        v
    }

    /// Forgets every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: u64) -> LoggedRequest {
        LoggedRequest {
            seq,
            method: "GET".into(),
            path: "/v2/transactions".into(),
            query: String::new(),
            status: 200,
            fault: None,
            authorized: true,
            received_ms: 0,
            x_headers: Vec::new(),
        }
    }

    #[test]
    fn bounded_and_sorted() {
        let mut log = RequestLog::new(2);
        log.push(entry(2));
        log.push(entry(1));
        log.push(entry(3));
        let s: Vec<u64> = log.snapshot().iter().map(|e| e.seq).collect();
        assert_eq!(s, vec![1, 3]);
        log.clear();
        assert!(log.snapshot().is_empty());
    }
}
