//! Client-side rate limiting and the retry policy.
//!
//! One [`RateLimiter`] belongs to a client and is shared by its clones and
//! tasks: it hands out evenly spaced send slots (`1 / rate` apart), so a client
//! never exceeds SePay's limit on its own. A 429 that still arrives (another
//! process on the same IP, say) pauses every task of the client that calls the
//! same API surface (the scope: `v1`, `v2`, `oauth`, `bank_hub`, `pg`) for the
//! time SePay advertised; other surfaces keep going. A caller with a deadline
//! never waits past it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::http::rt::{self, Instant};

/// Evenly spaced send slots plus a shared pause.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Mutex<Option<Duration>>,
    state: Mutex<SlotState>,
}

#[derive(Debug, Default)]
struct SlotState {
    next_slot: Option<Instant>,
    /// Pauses per scope (a handful of API surfaces at most).
    paused_until: Vec<(String, Instant)>,
}

impl SlotState {
    fn paused(&self, scope: &str) -> Option<Instant> {
        self.paused_until
            .iter()
            .find(|(s, _)| s == scope)
            .map(|(_, t)| *t)
    }
}

impl RateLimiter {
    /// A limiter for `per_second` requests per second; `None` (or a non-positive
    /// rate) turns spacing off, but 429 pauses still apply.
    pub fn new(per_second: Option<f64>) -> Self {
        RateLimiter {
            interval: Mutex::new(interval_of(per_second)),
            state: Mutex::new(SlotState::default()),
        }
    }

    /// Changes the rate; takes effect for the next slot handed out.
    pub fn set_rate(&self, per_second: Option<f64>) {
        *lock(&self.interval) = interval_of(per_second);
    }

    /// Waits until this caller may send to `scope`.
    pub async fn acquire(&self, scope: &str) {
        // Without a deadline the wait always succeeds.
        let _ = self.acquire_until(scope, None).await;
    }

    /// Waits until this caller may send to `scope`, but not past `deadline`:
    /// when the slot (or a pause of the scope) lies beyond it, returns at once
    /// with `Err(wait)`, the time that would have been needed, and reserves nothing.
    pub async fn acquire_until(
        &self,
        scope: &str,
        deadline: Option<Instant>,
    ) -> Result<(), Duration> {
        loop {
            let wait = {
                let interval = *lock(&self.interval);
                let mut s = lock(&self.state);
                let now = Instant::now();
                let mut start = now;
                for t in [s.next_slot, s.paused(scope)].into_iter().flatten() {
                    start = start.max(t);
                }
                if deadline.is_some_and(|d| start > d) {
                    return Err(start - now);
                }
                if let Some(i) = interval {
                    s.next_slot = Some(start + i);
                }
                start - now
            };
            if !wait.is_zero() {
                rt::sleep(wait).await;
            }
            let paused = lock(&self.state)
                .paused(scope)
                .is_some_and(|p| p > Instant::now());
            if !paused {
                return Ok(());
            }
        }
    }

    /// Pauses every caller of `scope` for `duration` from now (a 429, or
    /// `X-RateLimit-Remaining: 0`). Durations beyond one hour are capped.
    pub fn pause_for(&self, scope: &str, duration: Duration) {
        let until = Instant::now() + duration.min(Duration::from_secs(3600));
        let mut s = lock(&self.state);
        s.paused_until.retain(|(_, t)| *t > Instant::now());
        match s.paused_until.iter_mut().find(|(sc, _)| sc == scope) {
            Some((_, t)) => *t = (*t).max(until),
            None => s.paused_until.push((scope.to_string(), until)),
        }
    }
}

/// The spacing of `per_second`, at most an hour (callers validate rates; this
/// never panics whatever it is given).
pub(crate) fn interval_of(per_second: Option<f64>) -> Option<Duration> {
    per_second.filter(|r| r.is_finite() && *r > 0.0).map(|r| {
        Duration::try_from_secs_f64(1.0 / r).map_or(Duration::from_secs(3600), |d| {
            d.min(Duration::from_secs(3600))
        })
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// How often and how long to retry an idempotent request.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in total, including the first. `1` disables retries. Default 6.
    pub max_attempts: u32,
    /// No new attempt starts after this much time since the first. Default 60 s.
    pub max_elapsed: Duration,
    /// Backoff before the second attempt; doubles each time. Default 200 ms.
    pub initial_backoff: Duration,
    /// Upper bound of one backoff. Default 10 s.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 6,
            max_elapsed: Duration::from_secs(60),
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The jittered delay after failed attempt number `attempt` (1-based):
    /// uniformly random in `[d/2, d]` where `d = initial * 2^(attempt-1)`, capped.
    pub fn backoff(&self, attempt: u32, jitter: &Jitter) -> Duration {
        let exp = attempt.saturating_sub(1).min(20);
        let full = self
            .initial_backoff
            .saturating_mul(1u32 << exp)
            .min(self.max_backoff);
        let half = full / 2;
        half + half.mul_f64(jitter.unit())
    }
}

/// A small, lock-free pseudo-random source for backoff jitter (SplitMix64).
#[derive(Debug)]
pub struct Jitter(AtomicU64);

impl Jitter {
    /// Seeded from the clock.
    pub fn new() -> Self {
        Jitter(AtomicU64::new(rt::entropy()))
    }

    /// A number in `[0, 1)`.
    pub fn unit(&self) -> f64 {
        let mut z = self
            .0
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl Default for Jitter {
    fn default() -> Self {
        Jitter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter_and_cap() {
        let p = RetryPolicy::default();
        let j = Jitter::new();
        for attempt in 1..10 {
            let d = p.backoff(attempt, &j);
            let full = (p.initial_backoff * 2u32.pow(attempt - 1)).min(p.max_backoff);
            assert!(d >= full / 2 && d <= full, "{attempt}: {d:?}");
        }
    }

    #[tokio::test]
    async fn slots_are_spaced_and_pauses_shared() {
        let l = RateLimiter::new(Some(20.0));
        let t0 = Instant::now();
        for _ in 0..5 {
            l.acquire("v2").await;
        }
        assert!(t0.elapsed() >= Duration::from_millis(200));
        l.pause_for("v2", Duration::from_millis(300));
        let t1 = Instant::now();
        l.acquire("v2").await;
        assert!(t1.elapsed() >= Duration::from_millis(300));
    }

    #[tokio::test]
    async fn pauses_are_per_scope_and_deadlines_hold() {
        let l = RateLimiter::new(None);
        l.pause_for("v2", Duration::from_secs(30));
        let t0 = Instant::now();
        l.acquire("bank_hub").await;
        assert!(
            t0.elapsed() < Duration::from_millis(100),
            "other scopes go on"
        );
        let deadline = Instant::now() + Duration::from_secs(1);
        let wait = l.acquire_until("v2", Some(deadline)).await.unwrap_err();
        assert!(wait > Duration::from_secs(25), "{wait:?}");
        assert!(
            t0.elapsed() < Duration::from_millis(100),
            "no waiting past the deadline"
        );
    }
}
