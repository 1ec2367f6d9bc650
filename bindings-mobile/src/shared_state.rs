//! `SharedState`: the Redis that several processes (JVM replicas, Swift
//! services, and the other languages' workers) share for SePay's rate
//! limit, token renewals and webhook dedup. The options are the core's
//! `SharedOptions` record; this file only exposes the object.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use sepay::shared::{SharedDedup, SharedOptions, SharedStatus};
use sepay::webhook::{Claim, DedupStore as _};

use crate::dedup::{DedupStore, DedupStoreError};
use crate::error::SePayError;

/// State shared by every process through Redis (or Valkey): one rate budget
/// per prefix (one egress IP), one OAuth2 / Bank Hub token renewal across
/// processes, and webhook deduplication (`dedupStore()`). Pass it in
/// `ClientOptions.sharedState`. Connects on first use; while Redis is down
/// nothing hangs and `SharedOptions.onOutage` decides ("local", the default,
/// or "fail"). `toString()` / `description` never shows the URL.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct SharedState {
    pub(crate) inner: Arc<sepay::shared::SharedState>,
}

impl fmt::Debug for SharedState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let settings = self.inner.settings();
        write!(
            f,
            "SharedState(prefix={:?}, on_outage={})",
            settings.prefix, settings.on_outage
        )
    }
}

impl fmt::Display for SharedState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[uniffi::export]
impl SharedState {
    /// Shared state in the Redis at `url` (`redis://host:6379/0`).
    #[uniffi::constructor(default(options))]
    pub fn new(url: String, options: SharedOptions) -> Result<Arc<Self>, SePayError> {
        let inner = sepay::shared::SharedState::redis(&url, options.settings()?)?;
        Ok(Arc::new(SharedState { inner }))
    }

    /// Whether Redis answers, and how many outages there have been.
    pub fn status(&self) -> SharedStatus {
        self.inner.status()
    }

    /// A webhook deduplication store in this shared state, for a
    /// `WebhookReceiver`'s `store`.
    pub fn dedup_store(&self) -> Result<Arc<dyn DedupStore>, SePayError> {
        Ok(Arc::new(SharedDedupStore(SharedDedup::new(
            self.inner.clone(),
        )?)))
    }
}

/// The core's Redis dedup store behind the `DedupStore` interface.
struct SharedDedupStore(SharedDedup);

fn failed(e: sepay::Error) -> DedupStoreError {
    DedupStoreError::Failed {
        reason: e.to_string(),
    }
}

impl DedupStore for SharedDedupStore {
    fn claim(&self, key: String, lease_seconds: i64) -> Result<Claim, DedupStoreError> {
        let lease = Duration::from_secs(u64::try_from(lease_seconds.max(1)).unwrap_or(1));
        self.0.claim(&key, lease).map_err(failed)
    }

    fn complete(&self, key: String) -> Result<(), DedupStoreError> {
        self.0.complete(&key).map_err(failed)
    }

    fn release(&self, key: String) -> Result<(), DedupStoreError> {
        self.0.release(&key).map_err(failed)
    }
}
