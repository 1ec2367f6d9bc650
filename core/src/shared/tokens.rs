//! Token renewals single-flight across processes. The newest token of each
//! set of credentials is kept in Redis; a process that needs a new one first
//! looks there, and otherwise takes a lock with a lease, so N processes
//! across an expiry make one token request. For OAuth2 this is what keeps
//! rotating refresh tokens alive: two processes refreshing with the same
//! refresh token would leave one of them with a dead one (`invalid_grant`).
//! The refresh token itself stays in the application's token store.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{scripts, OnOutage, SharedState};
use crate::auth::token::{process_id, unix_now, AccessToken, TokenProvider};
use crate::error::{Error, Result};
use crate::http::rt::{self, Instant};
use crate::operation::Sender;
use crate::secret::SecretString;

/// A shared token is not taken when it expires within this.
const FRESH_FOR: Duration = Duration::from_secs(60);
/// How often a process waiting for another one's renewal looks again.
const POLL: Duration = Duration::from_millis(50);

/// Wraps a token provider so renewals are shared through Redis.
pub(crate) struct SharedTokens {
    inner: Arc<dyn TokenProvider>,
    state: Arc<SharedState>,
    holder: String,
}

impl fmt::Debug for SharedTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedTokens")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

/// A token as Redis keeps it.
#[derive(Serialize, Deserialize)]
struct Stored {
    token: String,
    expires_at: Option<i64>,
}

impl SharedTokens {
    pub(crate) fn new(inner: Arc<dyn TokenProvider>, state: Arc<SharedState>) -> Self {
        SharedTokens {
            inner,
            state,
            holder: format!("{}-{:x}", process_id(), rt::entropy()),
        }
    }

    /// The shared token, when there is one that is not `stale` and lives on.
    async fn shared(&self, key: &str, stale: Option<&AccessToken>) -> Result<Option<AccessToken>> {
        let reply = self
            .state
            .run(&scripts::GET, &[key.to_string()], &[])
            .await?;
        let Some(stored) = reply
            .text()
            .and_then(|t| serde_json::from_str::<Stored>(t).ok())
        else {
            return Ok(None);
        };
        let token = AccessToken {
            token: SecretString::from(stored.token),
            expires_at: stored.expires_at,
        };
        let replaced = stale.is_some_and(|s| s.token == token.token);
        Ok((!replaced && !token.expires_within(FRESH_FOR)).then_some(token))
    }

    async fn publish(&self, key: &str, token: &AccessToken) -> Result<()> {
        let lifetime = token
            .expires_at
            .map_or(3600, |at| at.saturating_sub(unix_now()).clamp(1, 86_400));
        let stored = Stored {
            token: token.token.expose().to_string(),
            expires_at: token.expires_at,
        };
        let value = serde_json::to_string(&stored).map_err(|e| Error::config(e.to_string()))?;
        let args = [value, (lifetime * 1000).to_string()];
        self.state
            .run(&scripts::PUT, &[key.to_string()], &args)
            .await
            .map(drop)
    }

    /// Renews holding the lock, unless a token appeared meanwhile.
    async fn renew_holding(
        &self,
        key: &str,
        lock: &str,
        sender: &dyn Sender,
        stale: Option<&AccessToken>,
    ) -> Result<AccessToken> {
        let result = match self.shared(key, stale).await {
            Ok(Some(token)) => Ok(token),
            _ => {
                let renewed = self.inner.fetch(sender, stale).await;
                if let Ok(token) = &renewed {
                    // Unpublished, the others renew too once the lock goes.
                    let _ = self.publish(key, token).await;
                }
                renewed
            }
        };
        let _ = self
            .state
            .run(
                &scripts::UNLOCK,
                &[lock.to_string()],
                std::slice::from_ref(&self.holder),
            )
            .await;
        result
    }

    /// Redis failed: renew alone (fail open) or not at all (fail closed).
    async fn alone(
        &self,
        why: Error,
        sender: &dyn Sender,
        stale: Option<&AccessToken>,
    ) -> Result<AccessToken> {
        match self.state.settings().on_outage {
            OnOutage::Local { .. } => self.inner.fetch(sender, stale).await,
            OnOutage::Fail => Err(self.state.closed(&why)),
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl TokenProvider for SharedTokens {
    async fn fetch(&self, sender: &dyn Sender, stale: Option<&AccessToken>) -> Result<AccessToken> {
        let settings = self.state.settings();
        let key = settings.key(&format!("token:{}", self.inner.identity()));
        let lock = format!("{key}:lock");
        let lease = settings.token_lease;
        // Past this, the holder died without its lease running out: go alone.
        let give_up = Instant::now() + lease + settings.command_timeout * 4;
        loop {
            match self.shared(&key, stale).await {
                Ok(Some(token)) => return Ok(token),
                Ok(None) => {}
                Err(e) => return self.alone(e, sender, stale).await,
            }
            let args = [self.holder.clone(), lease.as_millis().to_string()];
            match self
                .state
                .run(&scripts::LOCK, std::slice::from_ref(&lock), &args)
                .await
            {
                Ok(reply) if reply.int() == Some(1) => {
                    return self.renew_holding(&key, &lock, sender, stale).await
                }
                Ok(_) if Instant::now() < give_up => rt::sleep(POLL).await,
                Ok(_) => return self.inner.fetch(sender, stale).await,
                Err(e) => return self.alone(e, sender, stale).await,
            }
        }
    }

    fn identity(&self) -> String {
        self.inner.identity()
    }
}
