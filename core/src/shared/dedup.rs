//! Webhook deduplication shared by every replica: the claim / complete /
//! release lifecycle of [`DedupStore`] in Redis, so a retry that lands on
//! another process is recognised. As a [`DedupStore`] (synchronous) it needs
//! a runner that can block (the native Redis connection); the `*_async`
//! methods work with any runner (JavaScript). A handled key is remembered for
//! `dedup_ttl`, a claim for its lease.

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
    /// A store in `state`, for use as a [`DedupStore`]. Fails when its runner
    /// cannot block (use [`new_async`](Self::new_async) there).
    pub fn new(state: Arc<SharedState>) -> Result<Self> {
        if !state.can_block() {
            return Err(Error::config(
                "this shared state cannot answer synchronously: use the asynchronous webhook methods",
            ));
        }
        Ok(Self::new_async(state))
    }

    /// A store in `state` used only through the `*_async` methods.
    pub fn new_async(state: Arc<SharedState>) -> Self {
        SharedDedup {
            state,
            fallback: MemoryDedup::default(),
        }
    }

    /// The script, the Redis key and the argument of one step.
    fn step(
        &self,
        step: Step,
        key: &str,
        lease: Duration,
    ) -> (&'static scripts::Script, [String; 1], Vec<String>) {
        let redis_key = self.state.settings().key(&format!("webhook:{key}"));
        let ms = |d: Duration| d.as_millis().max(1).to_string();
        match step {
            Step::Claim => (&scripts::CLAIM, [redis_key], vec![ms(lease)]),
            Step::Complete => (
                &scripts::COMPLETE,
                [redis_key],
                vec![ms(self.state.settings().dedup_ttl)],
            ),
            Step::Release => (&scripts::RELEASE, [redis_key], vec![]),
        }
    }

    fn run(&self, step: Step, key: &str, lease: Duration) -> Result<scripts::Reply> {
        let (script, keys, args) = self.step(step, key, lease);
        self.state.run_blocking(script, &keys, &args)
    }

    async fn run_async(&self, step: Step, key: &str, lease: Duration) -> Result<scripts::Reply> {
        let (script, keys, args) = self.step(step, key, lease);
        self.state.run(script, &keys, &args).await
    }

    /// [`DedupStore::claim`] for runners that cannot block.
    pub async fn claim_async(&self, key: &str, lease: Duration) -> Result<Claim> {
        match self.run_async(Step::Claim, key, lease).await {
            Ok(reply) => claimed(&reply),
            Err(e) => self.outage(e, |m| m.claim(key, lease)),
        }
    }

    /// [`DedupStore::complete`] for runners that cannot block.
    pub async fn complete_async(&self, key: &str) -> Result<()> {
        match self.run_async(Step::Complete, key, Duration::ZERO).await {
            Ok(_) => Ok(()),
            Err(e) => self.outage(e, |m| m.complete(key)),
        }
    }

    /// [`DedupStore::release`] for runners that cannot block.
    pub async fn release_async(&self, key: &str) -> Result<()> {
        match self.run_async(Step::Release, key, Duration::ZERO).await {
            Ok(_) => Ok(()),
            Err(e) => self.outage(e, |m| m.release(key)),
        }
    }

    /// The fallback's answer, or the closed error.
    fn outage<T>(&self, why: Error, local: impl FnOnce(&MemoryDedup) -> Result<T>) -> Result<T> {
        match self.state.settings().on_outage {
            OnOutage::Local { .. } => local(&self.fallback),
            OnOutage::Fail => Err(self.state.closed(&why)),
        }
    }
}

/// One step of the lifecycle.
#[derive(Clone, Copy)]
enum Step {
    Claim,
    Complete,
    Release,
}

/// The claim script's answer.
fn claimed(reply: &scripts::Reply) -> Result<Claim> {
    reply.text().and_then(Claim::parse).ok_or_else(|| {
        super::unavailable(&format!(
            "the claim script answered {reply:?}, expected new, in_progress or done"
        ))
    })
}

impl DedupStore for SharedDedup {
    fn claim(&self, key: &str, lease: Duration) -> Result<Claim> {
        match self.run(Step::Claim, key, lease) {
            Ok(reply) => claimed(&reply),
            Err(e) => self.outage(e, |m| m.claim(key, lease)),
        }
    }

    fn complete(&self, key: &str) -> Result<()> {
        match self.run(Step::Complete, key, Duration::ZERO) {
            Ok(_) => Ok(()),
            Err(e) => self.outage(e, |m| m.complete(key)),
        }
    }

    fn release(&self, key: &str) -> Result<()> {
        match self.run(Step::Release, key, Duration::ZERO) {
            Ok(_) => Ok(()),
            Err(e) => self.outage(e, |m| m.release(key)),
        }
    }
}
