//! Webhook deduplication shared by every replica: the claim / complete /
//! release lifecycle of [`DedupStore`] in Redis, so a retry that lands on
//! another process is recognised. The store's methods are synchronous, so it
//! needs a runner that can block (the native Redis connection); a handled
//! key is remembered for `dedup_ttl`, a claim for its lease.

use std::sync::Arc;
use std::time::Duration;

use super::{scripts, OnOutage, SharedState};
use crate::error::{Error, Result};
use crate::webhook::{Claim, DedupStore, MemoryDedup};

/// A [`DedupStore`] in the shared state; while Redis is unreachable it
/// deduplicates in memory (fail open) or fails, so SePay retries (fail closed).
#[derive(Debug)]
pub struct SharedDedup {
    state: Arc<SharedState>,
    fallback: MemoryDedup,
}

impl SharedDedup {
    /// A store in `state`. Fails when its runner cannot block (JavaScript,
    /// where the package's own adapter does this).
    pub fn new(state: Arc<SharedState>) -> Result<Self> {
        if !state.can_block() {
            return Err(Error::config(
                "this shared state cannot answer synchronously: use the package's webhook store adapter",
            ));
        }
        Ok(SharedDedup {
            state,
            fallback: MemoryDedup::default(),
        })
    }

    fn run(&self, script: &scripts::Script, key: &str, arg: u128) -> Result<scripts::Reply> {
        let key = self.state.settings().key(&format!("webhook:{key}"));
        self.state.run_blocking(script, &[key], &[arg.to_string()])
    }

    /// The fallback's answer, or the closed error.
    fn outage<T>(&self, why: Error, local: impl FnOnce(&MemoryDedup) -> Result<T>) -> Result<T> {
        match self.state.settings().on_outage {
            OnOutage::Local { .. } => local(&self.fallback),
            OnOutage::Fail => Err(self.state.closed(&why)),
        }
    }
}

impl DedupStore for SharedDedup {
    fn claim(&self, key: &str, lease: Duration) -> Result<Claim> {
        let lease_ms = lease.as_millis().max(1);
        match self.run(&scripts::CLAIM, key, lease_ms) {
            Ok(reply) => reply.text().and_then(Claim::parse).ok_or_else(|| {
                super::unavailable(&format!(
                    "the claim script answered {reply:?}, expected new, in_progress or done"
                ))
            }),
            Err(e) => self.outage(e, |m| m.claim(key, lease)),
        }
    }

    fn complete(&self, key: &str) -> Result<()> {
        let ttl = self.state.settings().dedup_ttl.as_millis();
        match self.run(&scripts::COMPLETE, key, ttl) {
            Ok(_) => Ok(()),
            Err(e) => self.outage(e, |m| m.complete(key)),
        }
    }

    fn release(&self, key: &str) -> Result<()> {
        let key_name = self.state.settings().key(&format!("webhook:{key}"));
        match self.state.run_blocking(&scripts::RELEASE, &[key_name], &[]) {
            Ok(_) => Ok(()),
            Err(e) => self.outage(e, |m| m.release(key)),
        }
    }
}
