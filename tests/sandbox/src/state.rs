//! State shared by every connection.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use crate::config::{SandboxConfig, V1Order};
use crate::dataset::Dataset;
use crate::faults::FaultPicker;
use crate::log::RequestLog;
use crate::ratelimit::RateLimiter;

/// Everything the handlers need.
#[derive(Debug)]
pub struct AppState {
    /// The dataset.
    pub dataset: Dataset,
    /// Accepted bearer token.
    pub token: String,
    /// v1 `since_id` ordering.
    pub v1_order: V1Order,
    /// When the sandbox started (for `received_ms`).
    pub started: Instant,
    seq: AtomicU64,
    limiter: Mutex<RateLimiter>,
    faults: Mutex<FaultPicker>,
    log: Mutex<RequestLog>,
}

/// Locks a mutex, ignoring poisoning (state stays usable after a panic).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    /// State for `config` over `dataset`.
    pub fn new(config: SandboxConfig, dataset: Dataset) -> AppState {
        AppState {
            dataset,
            token: config.token,
            v1_order: config.v1_order,
            started: Instant::now(),
            seq: AtomicU64::new(0),
            limiter: Mutex::new(RateLimiter::new(config.rate_limit)),
            faults: Mutex::new(FaultPicker::new(config.faults, config.seed)),
            log: Mutex::new(RequestLog::new(config.request_log_capacity)),
        }
    }

    /// Next request sequence number (from 1).
    pub fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// The rate limiter.
    pub fn limiter(&self) -> MutexGuard<'_, RateLimiter> {
        lock(&self.limiter)
    }

    /// The fault picker.
    pub fn faults(&self) -> MutexGuard<'_, FaultPicker> {
        lock(&self.faults)
    }

    /// The request log.
    pub fn log(&self) -> MutexGuard<'_, RequestLog> {
        lock(&self.log)
    }
}
