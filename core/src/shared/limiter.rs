//! The client's send pacing: this process's [`RateLimiter`] alone, or the
//! shared slots in Redis (every process on the same prefix shares SePay's
//! budget) with the local limiter as the fallback during an outage.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{scripts, OnOutage, SharedState};
use crate::error::Error;
use crate::http::rt::{self, Instant};
use crate::limit::{interval_of, RateLimiter};

/// Why no send slot was handed out.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// The slot (or a pause) lies beyond the caller's deadline by this much.
    Beyond(Duration),
    /// Redis is unreachable and the client fails closed.
    Closed(Error),
}

/// Send pacing for one client and its clones.
#[derive(Debug)]
pub(crate) struct Pacing {
    /// This process's limiter: the pacing without shared state, the fallback
    /// (at rate / processes) and this process's own pauses with it.
    local: RateLimiter,
    shared: Option<(Arc<SharedState>, Mutex<Option<Duration>>)>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The rate each process keeps alone during an outage.
fn fallback_rate(state: Option<&SharedState>, rate: Option<f64>) -> Option<f64> {
    match state.map(|s| s.settings().on_outage) {
        Some(OnOutage::Local { processes }) => rate.map(|r| r / f64::from(processes.max(1))),
        _ => rate,
    }
}

impl Pacing {
    /// Pacing at `rate` requests per second (`None`: pauses only), shared
    /// through `state` when given.
    pub(crate) fn new(state: Option<Arc<SharedState>>, rate: Option<f64>) -> Self {
        Pacing {
            local: RateLimiter::new(fallback_rate(state.as_deref(), rate)),
            shared: state.map(|s| (s, Mutex::new(interval_of(rate)))),
        }
    }

    /// Changes the rate (every process should use the same one).
    pub(crate) fn set_rate(&self, rate: Option<f64>) {
        let state = self.shared.as_ref().map(|(s, _)| &**s);
        self.local.set_rate(fallback_rate(state, rate));
        if let Some((_, interval)) = &self.shared {
            *lock(interval) = interval_of(rate);
        }
    }

    /// Waits for a send slot for `scope`, but not past `deadline`.
    pub(crate) async fn acquire_until(
        &self,
        scope: &str,
        deadline: Instant,
    ) -> Result<(), Refusal> {
        let Some((state, interval)) = &self.shared else {
            return self.local_slot(scope, deadline).await;
        };
        let interval = lock(interval).map_or(0, |d| d.as_micros());
        let max_wait = deadline
            .saturating_duration_since(Instant::now())
            .as_micros();
        let settings = state.settings();
        let keys = [
            settings.key("limit"),
            settings.key(&format!("pause:{scope}")),
        ];
        let args = [interval.to_string(), "1".into(), max_wait.to_string()];
        let outcome = state
            .run(&scripts::LIMIT, &keys, &args)
            .await
            .and_then(|reply| match reply.ints().as_deref() {
                Some(&[reserved, wait]) => Ok((reserved == 1, micros(wait))),
                _ => Err(super::unavailable(&format!(
                    "the limit script answered {reply:?}, expected [reserved, wait_us]"
                ))),
            });
        match outcome {
            Ok((false, wait)) => Err(Refusal::Beyond(wait)),
            Ok((true, wait)) => {
                if !wait.is_zero() {
                    rt::sleep(wait).await;
                }
                Ok(())
            }
            Err(e) => match settings.on_outage {
                OnOutage::Local { .. } => self.local_slot(scope, deadline).await,
                OnOutage::Fail => Err(Refusal::Closed(state.closed(&e))),
            },
        }
    }

    async fn local_slot(&self, scope: &str, deadline: Instant) -> Result<(), Refusal> {
        self.local
            .acquire_until(scope, Some(deadline))
            .await
            .map_err(Refusal::Beyond)
    }

    /// Pauses `scope` for `duration`: this process at once, every process
    /// through Redis when it answers.
    pub(crate) async fn pause_for(&self, scope: &str, duration: Duration) {
        self.local.pause_for(scope, duration);
        if let Some((state, _)) = &self.shared {
            let duration = duration.min(Duration::from_secs(3600));
            let key = state.settings().key(&format!("pause:{scope}"));
            // A failure is logged by the health check; the local pause holds.
            let _ = state
                .run(&scripts::PAUSE, &[key], &[duration.as_micros().to_string()])
                .await;
        }
    }
}

fn micros(n: i64) -> Duration {
    Duration::from_micros(u64::try_from(n).unwrap_or(0))
}
