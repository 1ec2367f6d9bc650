//! Expiring bearer tokens (OAuth2 access tokens, Bank Hub tokens): cached,
//! renewed shortly before they expire and once after a 401, single-flight —
//! however many tasks ask at once, one request fetches the token.

use std::fmt;
use std::time::Duration;

use futures::lock::Mutex;

use crate::client::Client;
use crate::error::Result;
use crate::http::MaybeSendSync;
use crate::secret::SecretString;

/// A bearer token and when it stops working.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken {
    /// The token.
    pub token: SecretString,
    /// Unix seconds after which it is no longer valid, if known.
    pub expires_at: Option<i64>,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("token", &self.token)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Unix seconds now.
pub fn unix_now() -> i64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl AccessToken {
    /// True when the token expires within `margin` from now.
    pub fn expires_within(&self, margin: Duration) -> bool {
        self.expires_at
            .is_some_and(|at| at <= unix_now() + margin.as_secs() as i64)
    }
}

/// Obtains fresh tokens (the network call); [`TokenCache`] decides when.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait TokenProvider: MaybeSendSync + fmt::Debug {
    /// A new token; `stale` is the one being replaced, if any.
    async fn fetch(&self, client: &Client, stale: Option<&AccessToken>) -> Result<AccessToken>;
}

/// One cached token per surface of a client, shared by its clones and tasks.
#[derive(Debug)]
pub struct TokenCache {
    provider: Box<dyn TokenProvider>,
    current: Mutex<Option<Cached>>,
    margin: Duration,
}

#[derive(Debug)]
struct Cached {
    token: AccessToken,
    fetched_at: i64,
}

impl Cached {
    /// Renew `margin` before expiry, but never sooner than half-way through the
    /// token's life (short-lived tokens would otherwise be renewed every call).
    fn needs_renewal(&self, margin: Duration) -> bool {
        let Some(expires_at) = self.token.expires_at else {
            return false;
        };
        let half_life = ((expires_at - self.fetched_at).max(0) / 2) as u64;
        let margin = Duration::from_secs(margin.as_secs().min(half_life));
        self.token.expires_within(margin)
    }
}

impl TokenCache {
    /// A cache that renews tokens `margin` before they expire.
    pub fn new(provider: Box<dyn TokenProvider>, margin: Duration) -> Self {
        TokenCache {
            provider,
            current: Mutex::new(None),
            margin,
        }
    }

    /// A valid token, fetched when there is none or it is about to expire.
    /// Concurrent callers wait for the one fetch in flight.
    pub async fn get(&self, client: &Client) -> Result<SecretString> {
        let mut current = self.current.lock().await;
        if let Some(c) = current.as_ref().filter(|c| !c.needs_renewal(self.margin)) {
            return Ok(c.token.token.clone());
        }
        let fresh = self
            .provider
            .fetch(client, current.as_ref().map(|c| &c.token))
            .await?;
        let token = fresh.token.clone();
        *current = Some(Cached {
            token: fresh,
            fetched_at: unix_now(),
        });
        Ok(token)
    }

    /// Marks `rejected` as expired (SePay answered 401 with it), unless another
    /// task already replaced it; the next [`get`](Self::get) fetches once.
    pub async fn reject(&self, rejected: &SecretString) {
        let mut current = self.current.lock().await;
        if let Some(c) = current.as_mut().filter(|c| &c.token.token == rejected) {
            c.token.expires_at = Some(0);
        }
    }

    /// Puts a token in the cache (after an authorization-code exchange, say).
    pub async fn set(&self, token: AccessToken) {
        *self.current.lock().await = Some(Cached {
            token,
            fetched_at: unix_now(),
        });
    }
}
