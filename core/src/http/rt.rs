//! The only runtime the core needs: sleep, a monotonic clock and a timeout,
//! implemented with tokio on native targets and with `setTimeout` on wasm32.
//! The core never creates a runtime; the caller (or binding) owns it.

use std::future::Future;
use std::time::Duration;

pub use web_time::Instant;

/// Waits for `duration`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn sleep(duration: Duration) {
    tokio::time::sleep(duration).await
}

/// Waits for `duration`.
#[cfg(target_arch = "wasm32")]
pub async fn sleep(duration: Duration) {
    let ms = u32::try_from(duration.as_millis()).unwrap_or(u32::MAX);
    gloo_timers::future::TimeoutFuture::new(ms).await
}

/// Runs `future` for at most `limit`; `None` when time ran out.
pub async fn timeout<F: Future>(limit: Duration, future: F) -> Option<F::Output> {
    use futures::future::{select, Either};
    let future = std::pin::pin!(future);
    let timer = std::pin::pin!(sleep(limit));
    match select(future, timer).await {
        Either::Left((value, _)) => Some(value),
        Either::Right(_) => None,
    }
}

/// Nanoseconds since the Unix epoch (for seeding jitter only).
pub fn entropy() -> u64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0x9E37_79B9_7F4A_7C15)
}
