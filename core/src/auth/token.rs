//! Expiring bearer tokens (OAuth2 access tokens, Bank Hub tokens): cached,
//! renewed shortly before they expire and once after a 401, single-flight —
//! however many tasks ask at once, one request fetches the token.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::Shared;

use crate::error::{Error, Result};
use crate::http::MaybeSendSync;
use crate::operation::Sender;
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

/// Unix seconds `seconds` from now, saturating (a server's absurd lifetime
/// never overflows).
pub fn expires_in(seconds: i64) -> i64 {
    unix_now().saturating_add(seconds)
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
        let margin = i64::try_from(margin.as_secs()).unwrap_or(i64::MAX);
        self.expires_at
            .is_some_and(|at| at <= unix_now().saturating_add(margin))
    }
}

/// Obtains fresh tokens (the network call); [`TokenCache`] decides when.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait TokenProvider: MaybeSendSync + fmt::Debug {
    /// A new token; `stale` is the one being replaced, if any.
    async fn fetch(&self, sender: &dyn Sender, stale: Option<&AccessToken>) -> Result<AccessToken>;

    /// Names whose tokens these are (`oauth:<client id>`), so processes that
    /// share state share one renewal per name. Never a secret.
    fn identity(&self) -> String;
}

/// One cached token per surface of a client, shared by its clones and tasks.
///
/// Renewals are single-flight and detached from their callers: the fetch runs
/// as its own task (on the caller's tokio runtime, or the JavaScript event
/// loop), so a caller that is cancelled (a dropped future, asyncio
/// cancellation, Ctrl-C) does not cancel it, and its outcome — a token or an
/// error — reaches every waiting caller at once. A renewal started by another
/// process (before a `fork()`) is never waited for.
#[derive(Debug)]
pub struct TokenCache {
    provider: Arc<dyn TokenProvider>,
    state: Arc<Mutex<State>>,
    margin: Duration,
}

#[cfg(not(target_arch = "wasm32"))]
type Fetch = Shared<futures::future::BoxFuture<'static, FetchResult>>;
#[cfg(target_arch = "wasm32")]
type Fetch = Shared<futures::future::LocalBoxFuture<'static, FetchResult>>;
type FetchResult = std::result::Result<AccessToken, Arc<Error>>;

#[derive(Default)]
struct State {
    current: Option<Cached>,
    /// The renewal in flight: the process that started it, its number, the shared result.
    inflight: Option<(u32, u64, Fetch)>,
    generation: u64,
}

impl fmt::Debug for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("State")
            .field("current", &self.current)
            .field("renewing", &self.inflight.is_some())
            .finish()
    }
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
        let half_life = (expires_at.saturating_sub(self.fetched_at).max(0) / 2) as u64;
        let margin = Duration::from_secs(margin.as_secs().min(half_life));
        self.token.expires_within(margin)
    }
}

fn lock(m: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// This process's id (0 on wasm32, which has no `fork`).
pub(crate) fn process_id() -> u32 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::process::id()
    }
    #[cfg(target_arch = "wasm32")]
    {
        0
    }
}

impl TokenCache {
    /// A cache that renews tokens `margin` before they expire.
    pub fn new(provider: Box<dyn TokenProvider>, margin: Duration) -> Self {
        TokenCache {
            provider: Arc::from(provider),
            state: Arc::new(Mutex::new(State::default())),
            margin,
        }
    }

    /// A valid token, fetched when there is none or it is about to expire.
    /// Concurrent callers share the one fetch in flight and its outcome.
    pub async fn get(&self, sender: &dyn Sender) -> Result<SecretString> {
        let fetch = {
            let mut s = lock(&self.state);
            if let Some(c) = s.current.as_ref().filter(|c| !c.needs_renewal(self.margin)) {
                return Ok(c.token.token.clone());
            }
            match s.inflight.as_ref().filter(|(pid, ..)| *pid == process_id()) {
                Some((_, _, fetch)) => fetch.clone(),
                None => self.start_fetch(&mut s, sender),
            }
        };
        match fetch.await {
            Ok(token) => Ok(token.token),
            Err(e) => Err(e.duplicate()),
        }
    }

    /// Starts a renewal as a detached task that updates the cache itself.
    fn start_fetch(&self, s: &mut State, sender: &dyn Sender) -> Fetch {
        s.generation += 1;
        let generation = s.generation;
        let stale = s.current.as_ref().map(|c| c.token.clone());
        let provider = self.provider.clone();
        let state = self.state.clone();
        let sender = sender.to_shared();
        let task = async move {
            let result = provider.fetch(&*sender, stale.as_ref()).await;
            let mut s = lock(&state);
            if let Ok(token) = &result {
                s.current = Some(Cached {
                    token: token.clone(),
                    fetched_at: unix_now(),
                });
            }
            if s.inflight
                .as_ref()
                .is_some_and(|(_, g, _)| *g == generation)
            {
                s.inflight = None;
            }
            result.map_err(Arc::new)
        };
        let fetch = detach(task);
        s.inflight = Some((process_id(), generation, fetch.clone()));
        fetch
    }

    /// Marks `rejected` as expired (SePay answered 401 with it), unless another
    /// task already replaced it; the next [`get`](Self::get) fetches once.
    pub async fn reject(&self, rejected: &SecretString) {
        let mut s = lock(&self.state);
        if let Some(c) = s.current.as_mut().filter(|c| &c.token.token == rejected) {
            c.token.expires_at = Some(0);
        }
    }

    /// Puts a token in the cache (after an authorization-code exchange, say).
    pub async fn set(&self, token: AccessToken) {
        lock(&self.state).current = Some(Cached {
            token,
            fetched_at: unix_now(),
        });
    }
}

/// Runs `task` on its own so dropping the caller does not cancel it; the
/// returned future yields its result (to any number of waiters).
#[cfg(not(target_arch = "wasm32"))]
fn detach<F>(task: F) -> Fetch
where
    F: std::future::Future<Output = FetchResult> + Send + 'static,
{
    use futures::FutureExt;
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => handle
            .spawn(task)
            .map(|joined| {
                joined.unwrap_or_else(|e| {
                    Err(Arc::new(Error::config(format!(
                        "token renewal task ended abnormally: {e}"
                    ))))
                })
            })
            .boxed()
            .shared(),
        // No runtime to detach onto (a foreign executor): run with the caller.
        Err(_) => task.boxed().shared(),
    }
}

#[cfg(target_arch = "wasm32")]
fn detach<F>(task: F) -> Fetch
where
    F: std::future::Future<Output = FetchResult> + 'static,
{
    use futures::FutureExt;
    let (tx, rx) = futures::channel::oneshot::channel();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = tx.send(task.await);
    });
    rx.map(|r| r.unwrap_or_else(|_| Err(Arc::new(Error::config("token renewal task was dropped")))))
        .boxed_local()
        .shared()
}
