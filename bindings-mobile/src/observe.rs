//! Call listeners and per-call options for Kotlin and Swift:
//! `ClientOptions(listener = ...)` receives the core's call events, and
//! `client.withOptions(CallOptions(...))` is the core's `Client::with_options`.

use std::collections::HashMap;
use std::sync::Arc;

use sepay::observe::{CallEvent, CallObserver};

use crate::client::SePayClient;
use crate::error::SePayError;
use crate::seconds::{optional, Seconds};

/// Receives every call's events: each attempt's request and response, each
/// retry with its reason and wait. Never given a token, header or body.
/// Called on the SDK's threads: keep it quick; what it throws is ignored.
#[uniffi::export(with_foreign)]
pub trait CallListener: Send + Sync {
    /// One event.
    fn on_event(&self, event: CallEvent);
}

/// The core's observer, forwarding to a Kotlin or Swift listener.
pub(crate) struct Forward(pub(crate) Arc<dyn CallListener>);

impl CallObserver for Forward {
    fn on_event(&self, event: &CallEvent) {
        self.0.on_event(event.clone());
    }
}

/// Options for the calls of one view of a client (`withOptions`). Each null
/// keeps the client's own value.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct CallOptions {
    /// Budget for one attempt.
    #[uniffi(default)]
    pub timeout: Option<Seconds>,
    /// Attempts in all, retries included.
    #[uniffi(default)]
    pub max_attempts: Option<u32>,
    /// Budget for the whole call, waits and retries included.
    #[uniffi(default)]
    pub max_elapsed: Option<Seconds>,
    /// Extra request headers (e.g. a correlation id); the SDK's own
    /// (`Authorization`, `Content-Type`, `User-Agent`, ...) cannot be set.
    #[uniffi(default)]
    pub headers: HashMap<String, String>,
}

#[uniffi::export]
impl SePayClient {
    /// A view of this client whose calls use `options`. It shares the
    /// connections, rate limit and tokens.
    pub fn with_options(&self, options: CallOptions) -> Result<Arc<SePayClient>, SePayError> {
        let options = sepay::config::CallOptions {
            timeout: optional("timeout", options.timeout)?,
            max_attempts: options.max_attempts,
            max_elapsed: optional("max_elapsed", options.max_elapsed)?,
            headers: options.headers.into_iter().collect(),
        };
        Ok(Arc::new(SePayClient::from_core(
            self.core().with_options(options)?,
        )))
    }
}
