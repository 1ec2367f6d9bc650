//! Whether the shared state answers: a failure marks it down (logged once),
//! and while down one caller per probe interval tries it again; the first
//! success marks it up (logged once).

use std::sync::Mutex;
use std::time::Duration;

use crate::error::Error;
use crate::http::rt::Instant;

/// Whether Redis answers now, and how many outages there have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SharedStatus {
    /// True unless the last script failed.
    pub reachable: bool,
    /// How many times Redis stopped answering since the start.
    pub outages: u64,
}

#[derive(Debug, Default)]
pub(super) struct Health(Mutex<State>);

#[derive(Debug, Default)]
struct State {
    /// Set while down: when the next try is due.
    next_try: Option<Instant>,
    outages: u64,
}

impl Health {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// True when Redis is up, or down and a try is due (this caller makes it;
    /// the next try moves on, so concurrent callers do not pile on).
    pub(super) fn may_try(&self, interval: Duration) -> bool {
        let mut s = self.lock();
        match s.next_try {
            None => true,
            Some(at) if Instant::now() >= at => {
                s.next_try = Some(Instant::now() + interval);
                true
            }
            Some(_) => false,
        }
    }

    // The log lines are written after the lock is released: a logger may
    // take other locks (Python's GIL) that a caller of this one holds.

    pub(super) fn succeeded(&self) {
        let recovered = self.lock().next_try.take().is_some();
        if recovered {
            tracing::warn!(target: "sepay::shared", "shared state (Redis) reachable again: sharing resumes");
        }
    }

    pub(super) fn failed(&self, error: &Error, interval: Duration) {
        let went_down = {
            let mut s = self.lock();
            let first = s.next_try.is_none();
            if first {
                s.outages += 1;
                s.next_try = Some(Instant::now() + interval);
            }
            first
        };
        if went_down {
            tracing::warn!(target: "sepay::shared", %error, "shared state (Redis) unreachable: falling back as configured (on_outage)");
        }
    }

    pub(super) fn status(&self) -> SharedStatus {
        let s = self.lock();
        SharedStatus {
            reachable: s.next_try.is_none(),
            outages: s.outages,
        }
    }
}
