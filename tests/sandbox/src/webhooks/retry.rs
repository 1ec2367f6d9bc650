//! SePay's delivery retry schedule (user webhooks, and the PG IPN here too):
//! an attempt, then retries after 1, 1, 2, 3, 5, 8 and 13 minutes (Fibonacci),
//! 8 attempts in all, every wait multiplied by a time scale for tests.

use std::future::Future;
use std::time::Duration;

/// Minutes waited after attempts 1, 2, … 7.
pub const WAIT_MINUTES: [u64; 7] = [1, 1, 2, 3, 5, 8, 13];

/// Attempts in total (the first one plus 7 retries).
pub const MAX_ATTEMPTS: u32 = WAIT_MINUTES.len() as u32 + 1;

/// The wait after failed attempt `attempt` (1-based), `None` after the last.
pub fn wait_after(attempt: u32, scale: f64) -> Option<Duration> {
    let minutes = *WAIT_MINUTES.get(usize::try_from(attempt).ok()?.checked_sub(1)?)?;
    let secs = (minutes as f64) * 60.0 * scale.max(0.0);
    Some(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
}

/// Calls `attempt(1)`, `attempt(2)`, … until one returns true or
/// [`MAX_ATTEMPTS`] have failed, sleeping the scheduled wait in between.
/// Returns whether an attempt succeeded.
pub async fn run<F, Fut>(scale: f64, mut attempt: F) -> bool
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = bool>,
{
    for n in 1..=MAX_ATTEMPTS {
        if attempt(n).await {
            return true;
        }
        match wait_after(n, scale) {
            Some(wait) => tokio::time::sleep(wait).await,
            None => break,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule() {
        assert_eq!(MAX_ATTEMPTS, 8);
        assert_eq!(wait_after(1, 1.0), Some(Duration::from_secs(60)));
        assert_eq!(wait_after(7, 1.0), Some(Duration::from_secs(13 * 60)));
        assert_eq!(wait_after(8, 1.0), None);
        assert_eq!(wait_after(0, 1.0), None);
        assert_eq!(wait_after(3, 0.001), Some(Duration::from_millis(120)));
        let total: u64 = WAIT_MINUTES.iter().sum();
        assert_eq!(total, 33);
    }

    #[tokio::test]
    async fn runs_until_success_or_exhaustion() {
        let mut calls = Vec::new();
        let ok = run(0.0, |n| {
            calls.push(n);
            async move { n == 3 }
        })
        .await;
        assert!(ok);
        assert_eq!(calls, [1, 2, 3]);
        let mut count = 0;
        assert!(
            !run(0.0, |_| {
                count += 1;
                async { false }
            })
            .await
        );
        assert_eq!(count, 8);
    }
}
