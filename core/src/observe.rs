//! What happens around each call, for logs and hooks: every attempt's
//! request and response, and every retry with its reason and wait.
//!
//! The client emits each [`CallEvent`] twice: as a `tracing` event (target
//! `sepay::call`; `debug` for requests and responses, `info` for retries) and
//! to the [`CallObserver`] given to [`ClientBuilder::observer`](crate::client::ClientBuilder::observer),
//! which the JavaScript, Kotlin and Swift bindings turn into hooks and
//! listeners. Neither carries a header, a token or a body: only the operation,
//! the path, numbers and SePay's request id. With no subscriber interested and
//! no observer, an event is never built.

use std::fmt;
use std::time::Duration;

use crate::http::MaybeSendSync;

/// What an event reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CallEventKind {
    /// An attempt is about to be sent (after any wait for the rate limit).
    Request,
    /// An attempt ended: an HTTP status, or a transport failure (`error`).
    Response,
    /// The call will be tried again after `retry_in`, for `reason`.
    Retry,
}

impl CallEventKind {
    /// `"request"`, `"response"` or `"retry"`.
    pub fn as_str(self) -> &'static str {
        match self {
            CallEventKind::Request => "request",
            CallEventKind::Response => "response",
            CallEventKind::Retry => "retry",
        }
    }
}

/// One step of one call. Never holds a secret: no headers, no bodies.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CallEvent {
    /// What this event reports.
    pub kind: CallEventKind,
    /// The operation (`v1.transactions.list`).
    pub operation: String,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The URL's path, without the query (which may hold account data).
    pub path: String,
    /// Attempt number, from 1.
    pub attempt: u32,
    /// The HTTP status (responses with a status, and retries after one).
    pub status: Option<u16>,
    /// Time of this attempt, from sending to the whole body (responses).
    pub latency: Option<Duration>,
    /// Time this attempt waited for the rate limiter or a pause SePay asked for.
    pub waited: Duration,
    /// Wait before the next attempt (retries).
    pub retry_in: Option<Duration>,
    /// Why: the failure of a failed attempt, or of a retried one.
    pub reason: Option<String>,
    /// SePay's request id (`X-Request-Id`), when the answer had one.
    pub request_id: Option<String>,
}

impl fmt::Display for CallEvent {
    /// One log line: `response v1.transactions.list GET /userapi/transactions/list attempt=1 status=200 latency_ms=12.3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {} attempt={}",
            self.kind.as_str(),
            self.operation,
            self.method,
            self.path,
            self.attempt
        )?;
        if let Some(s) = self.status {
            write!(f, " status={s}")?;
        }
        if let Some(l) = self.latency {
            write!(f, " latency_ms={:.1}", l.as_secs_f64() * 1000.0)?;
        }
        if !self.waited.is_zero() {
            write!(f, " waited_ms={:.1}", self.waited.as_secs_f64() * 1000.0)?;
        }
        if let Some(r) = self.retry_in {
            write!(f, " retry_in_ms={:.1}", r.as_secs_f64() * 1000.0)?;
        }
        if let Some(r) = &self.reason {
            write!(f, " reason={r:?}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " request_id={id}")?;
        }
        Ok(())
    }
}

/// Receives every [`CallEvent`] of a client (a hook, a listener, a logger).
/// Called on the task that runs the call: keep it quick and do not panic.
pub trait CallObserver: MaybeSendSync {
    /// One event.
    fn on_event(&self, event: &CallEvent);
}

/// An observer kept by a builder (printed as a placeholder).
#[derive(Clone)]
pub(crate) struct Kept(pub(crate) std::sync::Arc<dyn CallObserver>);

impl fmt::Debug for Kept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CallObserver")
    }
}

/// Whether anyone wants events: an observer, or a `tracing` subscriber.
pub(crate) fn wanted(observer: Option<&dyn CallObserver>, kind: CallEventKind) -> bool {
    observer.is_some()
        || match kind {
            CallEventKind::Retry => tracing::enabled!(target: "sepay::call", tracing::Level::INFO),
            _ => tracing::enabled!(target: "sepay::call", tracing::Level::DEBUG),
        }
}

/// Hands `event` to the observer and to `tracing`.
pub(crate) fn emit(observer: Option<&dyn CallObserver>, event: CallEvent) {
    if let Some(o) = observer {
        o.on_event(&event);
    }
    match event.kind {
        CallEventKind::Retry => tracing::info!(target: "sepay::call", "{event}"),
        _ => tracing::debug!(target: "sepay::call", "{event}"),
    }
}
