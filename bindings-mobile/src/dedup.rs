//! The webhook deduplication store as a foreign trait: Kotlin and Swift
//! implement `DedupStore` over their database or cache and pass it to a
//! `WebhookReceiver` constructor; the core drives the claim / complete /
//! release lifecycle. A store that throws becomes `SePayError.Store`.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use sepay::webhook::{self, Claim};

/// Remembers which webhook events were handled, shared between processes
/// (a database table, Redis, ...). Every method must be atomic, and may throw
/// (`DedupStoreError`, or any other exception): the receiver's call then fails
/// with `SePayError.Store`.
#[uniffi::export(with_foreign)]
pub trait DedupStore: Send + Sync {
    /// Claims `key` for `lease_seconds` (whole seconds, at least 1):
    /// `New` when never seen, released, or the last claim's lease ran out (the
    /// caller now holds it); `InProgress` while another claim's lease runs;
    /// `Done` once completed.
    fn claim(&self, key: String, lease_seconds: i64) -> Result<Claim, DedupStoreError>;
    /// Marks `key` handled: later claims answer `Done`.
    fn complete(&self, key: String) -> Result<(), DedupStoreError>;
    /// Gives up an open claim (handling failed): the next claim answers `New`.
    /// Never undoes `complete`.
    fn release(&self, key: String) -> Result<(), DedupStoreError>;
}

/// What a [`DedupStore`] may throw (any other exception is carried as `Failed`).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum DedupStoreError {
    /// The store could not answer.
    #[error("{reason}")]
    Failed {
        /// Why.
        reason: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for DedupStoreError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        DedupStoreError::Failed { reason: e.reason }
    }
}

/// The core's view of a foreign store.
pub(crate) struct ForeignDedup(pub(crate) Arc<dyn DedupStore>);

impl fmt::Debug for ForeignDedup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DedupStore(..)")
    }
}

fn failed(method: &str, e: DedupStoreError) -> sepay::Error {
    sepay::Error::store("webhook.dedup_store", format!("{method}: {e}"))
}

impl webhook::DedupStore for ForeignDedup {
    fn claim(&self, key: &str, lease: Duration) -> sepay::Result<Claim> {
        let whole = lease
            .as_secs()
            .saturating_add(u64::from(lease.subsec_nanos() > 0));
        let seconds = i64::try_from(whole.max(1)).unwrap_or(i64::MAX);
        self.0
            .claim(key.to_string(), seconds)
            .map_err(|e| failed("claim", e))
    }

    fn complete(&self, key: &str) -> sepay::Result<()> {
        self.0
            .complete(key.to_string())
            .map_err(|e| failed("complete", e))
    }

    fn release(&self, key: &str) -> sepay::Result<()> {
        self.0
            .release(key.to_string())
            .map_err(|e| failed("release", e))
    }
}
