//! The client: holds credentials, base URLs, the transport and the shared rate
//! limiter, and runs operations with retries. It never decides what a request
//! looks like or what a response means; operations do.

use std::any::Any;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::token::{TokenCache, TokenProvider};
use crate::config::{BaseUrls, CallOptions, ClientOptions, Environment};
use crate::error::{Error, Result};
use crate::http::rt::{self, Instant};
use crate::http::{
    DefaultTransport, HttpRequest, HttpResponse, MaybeSendSync, Transport, TransportErrorKind,
};
use crate::limit::Jitter;
use crate::observe::{self, CallEvent, CallEventKind, CallObserver};
use crate::operation::{Exchange, Operation, Sender, Surface};
use crate::secret::SecretString;
use crate::shared::limiter::Refusal;
use crate::shared::{Pacing, SharedState, SharedTokens};

/// A value kept for a surface built on the client (`Send + Sync` where the
/// client is).
#[cfg(not(target_arch = "wasm32"))]
type Extension = dyn Any + Send + Sync;
#[cfg(target_arch = "wasm32")]
type Extension = dyn Any;

/// Values kept for the surfaces built on the client, one per type.
type Extensions = Vec<Arc<Extension>>;

/// A SePay API client. Cheap to clone; clones share the connection pool and the
/// rate limiter.
///
/// ```no_run
/// use sepay::userapi::v2::V2TransactionListParams;
/// use sepay::{Client, Environment};
///
/// # async fn run() -> sepay::Result<()> {
/// let client = Client::builder()
///     .token("YOUR_API_TOKEN")
///     .environment(Environment::Live)
///     .build()?;
/// // One page:
/// let params = V2TransactionListParams::default();
/// let page = client.v2().transactions().list(&params).await?;
/// println!("{} of {:?}", page.items.len(), page.pagination);
/// // Every item, one page in memory at a time (paced at SePay's 3 requests/s):
/// let mut all = client.v2().transactions().iter(&params);
/// while let Some(t) = all.next().await? {
///     println!("{} {}", t.transaction_date, t.amount_in);
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    /// This view's per-call options ([`Client::with_options`]).
    call: Arc<CallOptions>,
}

struct Inner {
    token: Option<SecretString>,
    pg: Option<PgCredentials>,
    /// Expiring-token caches per surface (OAuth2 API, Bank Hub).
    token_caches: Vec<(Surface, Arc<TokenCache>)>,
    /// Set-up of the surfaces built on the client (OAuth2's app and token
    /// store), kept by type so the client does not depend on them.
    extensions: Extensions,
    urls: BaseUrls,
    options: ClientOptions,
    transport: Arc<dyn Transport>,
    custom_transport: bool,
    limiter: Pacing,
    shared: Option<Arc<SharedState>>,
    jitter: Jitter,
    observer: Option<Arc<dyn CallObserver>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("token", &self.inner.token)
            .field("payment_gateway", &self.inner.pg)
            .field("user_api_v1", &self.inner.urls.user_api_v1.as_str())
            .field("user_api_v2", &self.inner.urls.user_api_v2.as_str())
            .finish_non_exhaustive()
    }
}

/// Builds a [`Client`]. The environment (or explicit base URLs) must be chosen;
/// there is no default, so a token is never sent to an environment by accident.
#[derive(Debug, Default)]
pub struct ClientBuilder {
    token: Option<SecretString>,
    pg: Option<PgCredentials>,
    token_providers: Vec<(Surface, Box<dyn TokenProvider>, Duration)>,
    shared: Option<Arc<SharedState>>,
    extensions: Extensions,
    urls: Option<BaseUrls>,
    options: ClientOptions,
    transport: Option<Arc<dyn Transport>>,
    observer: Option<observe::Kept>,
    /// A setting refused when it was given, reported by `build()`.
    refused: Option<String>,
}

impl ClientBuilder {
    /// Remembers a refused setting; `build()` fails with it.
    pub(crate) fn refuse(mut self, why: &str) -> Self {
        self.refused.get_or_insert_with(|| why.to_string());
        self
    }

    /// The User API token (64 characters, from my.sepay.vn → API Access).
    pub fn token(mut self, token: impl Into<SecretString>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Payment gateway credentials (merchant id and secret key from SePay's PG
    /// dashboard), sent as Basic auth to the PG order API.
    pub fn payment_gateway(
        mut self,
        merchant_id: impl Into<String>,
        secret_key: impl Into<SecretString>,
    ) -> Self {
        self.pg = Some(PgCredentials {
            merchant_id: merchant_id.into(),
            secret_key: secret_key.into(),
        });
        self
    }

    /// Bearer tokens for `surface` come from `provider`, cached and renewed
    /// `margin` before expiry (used by the OAuth2 and Bank Hub set-ups).
    pub fn token_provider(
        mut self,
        surface: Surface,
        provider: Box<dyn TokenProvider>,
        margin: Duration,
    ) -> Self {
        self.token_providers.retain(|(s, ..)| *s != surface);
        self.token_providers.push((surface, provider, margin));
        self
    }

    /// Shares the rate limit and token renewals with every process that uses
    /// the same shared state (Redis, same key prefix); see [`crate::shared`].
    pub fn shared_state(mut self, state: Arc<SharedState>) -> Self {
        self.shared = Some(state);
        self
    }

    /// Keeps `value` for the client (one per type; a later one replaces it).
    pub(crate) fn extension<T: Any + MaybeSendSync>(mut self, value: T) -> Self {
        self.extensions.retain(|e| !e.is::<Arc<T>>());
        self.extensions.push(Arc::new(Arc::new(value)));
        self
    }

    /// Use the documented hosts of `environment`.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.urls = Some(BaseUrls::for_environment(environment));
        self
    }

    /// Use these base URLs (the local sandbox, a proxy, ...).
    pub fn base_urls(mut self, urls: BaseUrls) -> Self {
        self.urls = Some(urls);
        self
    }

    /// Wire behaviour: timeouts, rate limit, retries, body limit.
    pub fn options(mut self, options: ClientOptions) -> Self {
        self.options = options;
        self
    }

    /// Receives every call's events (requests, responses, retries): the
    /// hook behind the bindings' listeners. `tracing` gets them too.
    pub fn observer(mut self, observer: Arc<dyn CallObserver>) -> Self {
        self.observer = Some(observe::Kept(observer));
        self
    }

    /// Replace the HTTP transport (tests, custom stacks).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client> {
        if let Some(why) = self.refused {
            return Err(Error::config(why));
        }
        let token = self.token;
        if token.is_none() && self.pg.is_none() && self.token_providers.is_empty() {
            return Err(Error::config(
                "an API token (or payment gateway credentials) is required",
            ));
        }
        let bad = |s: &str| s.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control());
        if token.as_ref().is_some_and(|t| t.is_blank()) {
            return Err(Error::config("the API token is empty"));
        }
        if token.as_ref().is_some_and(|t| bad(t.expose())) {
            return Err(Error::config("the API token contains whitespace"));
        }
        if let Some(pg) = &self.pg {
            if bad(&pg.merchant_id) || pg.merchant_id.contains(':') || bad(pg.secret_key.expose()) {
                return Err(Error::config(
                    "the payment gateway merchant id and secret key must be non-empty, without spaces (and the id without ':')",
                ));
            }
        }
        let urls = self.urls.ok_or_else(|| {
            Error::config("choose an environment (Live or Sandbox) or set base URLs")
        })?;
        urls.validate()?;
        self.options.validate()?;
        let custom_transport = self.transport.is_some();
        let transport = match self.transport {
            Some(t) => t,
            None => Arc::new(DefaultTransport::new(&self.options)?),
        };
        let shared = self.shared;
        let token_caches = self
            .token_providers
            .into_iter()
            .map(|(surface, provider, margin)| {
                let provider: Box<dyn TokenProvider> = match &shared {
                    Some(state) => Box::new(SharedTokens::new(Arc::from(provider), state.clone())),
                    None => provider,
                };
                (surface, Arc::new(TokenCache::new(provider, margin)))
            })
            .collect();
        Ok(Client {
            inner: Arc::new(Inner {
                limiter: Pacing::new(shared.clone(), self.options.requests_per_second),
                shared,
                token,
                pg: self.pg,
                token_caches,
                extensions: self.extensions,
                urls,
                options: self.options,
                transport,
                custom_transport,
                jitter: Jitter::new(),
                observer: self.observer.map(|k| k.0),
            }),
            call: Arc::default(),
        })
    }
}

/// Payment gateway merchant credentials.
#[derive(Debug, Clone)]
pub(crate) struct PgCredentials {
    pub(crate) merchant_id: String,
    pub(crate) secret_key: SecretString,
}

impl PgCredentials {
    fn basic_auth(&self) -> String {
        use base64::Engine;
        let pair = format!("{}:{}", self.merchant_id, self.secret_key.expose());
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }
}

/// What one attempt produced when it did not produce a result.
struct Failure {
    error: Error,
    retry: bool,
    /// The HTTP status, when the failure was an answer.
    status: Option<u16>,
    /// SePay's request id of that answer.
    request_id: Option<String>,
    /// The wait SePay asked for (a 429); the limiter's pause enforces it.
    server_wait: Option<Duration>,
}

/// The limiter scope of an operation: the API surface its name starts with
/// (`v1`, `v2`, `oauth`, `bank_hub`, `pg`).
fn scope_of(operation: &str) -> &str {
    operation.split('.').next().unwrap_or(operation)
}

impl Client {
    /// Starts building a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A new client with the same token, base URLs and options but its own
    /// connection pool and rate limiter (a shared state opens new connections
    /// in a new process by itself). Use it in a child process after `fork()`,
    /// where the parent's connections and runtime are unusable. A custom
    /// transport given to the builder is kept.
    pub fn reconnect(&self) -> Result<Client> {
        let inner = &self.inner;
        let transport: Arc<dyn Transport> = if inner.custom_transport {
            inner.transport.clone()
        } else {
            Arc::new(DefaultTransport::new(&inner.options)?)
        };
        let shared = inner.shared.clone();
        Ok(Client {
            inner: Arc::new(Inner {
                limiter: Pacing::new(shared.clone(), inner.options.requests_per_second),
                shared,
                token: inner.token.clone(),
                pg: inner.pg.clone(),
                token_caches: inner.token_caches.clone(),
                extensions: inner.extensions.clone(),
                urls: inner.urls.clone(),
                options: inner.options.clone(),
                transport,
                custom_transport: inner.custom_transport,
                jitter: Jitter::new(),
                observer: inner.observer.clone(),
            }),
            call: self.call.clone(),
        })
    }

    /// A view of this client whose calls use `options` over this view's own
    /// (timeout, attempts, time budget, extra headers). It shares the
    /// connections, rate limit, shared state and tokens; nothing is rebuilt.
    pub fn with_options(&self, options: CallOptions) -> Result<Client> {
        options.validate()?;
        Ok(Client {
            inner: self.inner.clone(),
            call: Arc::new(options.over(&self.call)),
        })
    }

    /// This view's per-call options (empty for a client from the builder).
    pub fn call_options(&self) -> &CallOptions {
        &self.call
    }

    /// The base URLs in use.
    pub fn base_urls(&self) -> &BaseUrls {
        &self.inner.urls
    }

    /// The options in use.
    pub fn options(&self) -> &ClientOptions {
        &self.inner.options
    }

    /// The shared state this client uses, if any (its `status()` says
    /// whether Redis answers).
    pub fn shared_state(&self) -> Option<&Arc<SharedState>> {
        self.inner.shared.as_ref()
    }

    /// Changes the client-side rate limit for this client and all its clones.
    /// `None` or `0` turns it off; other values must be a finite rate from
    /// 0.001 to 1,000 (`Error::Configuration` otherwise, and nothing changes).
    pub fn set_rate_limit(&self, requests_per_second: Option<f64>) -> Result<()> {
        let rate = requests_per_second.filter(|r| *r != 0.0);
        crate::config::check_rate(rate)?;
        self.inner.limiter.set_rate(rate);
        Ok(())
    }

    /// Runs one operation: credentials, rate limit, send, retry what is safe to
    /// retry, decode. A 401 on a surface with expiring tokens renews the token
    /// once and repeats the call.
    pub async fn execute<O: Operation>(&self, op: &O) -> Result<O::Output> {
        crate::operation::run(self, op).await
    }

    /// Everything between the request and its final response, written once
    /// for every operation type (only building the request and decoding the
    /// answer are per operation), so the retry loop is compiled once.
    async fn exchange_once_renewed(
        &self,
        op: &dyn Exchange,
        base: HttpRequest,
    ) -> Result<HttpResponse> {
        let mut renewed = false;
        loop {
            let mut request = base.clone();
            for (name, value) in &self.call.headers {
                request.set_header(name, value.clone());
            }
            let bearer = self.authorize(op, &mut request).await?;
            let response = self.send(op, request).await?;
            match bearer {
                Some((cache, token)) if response.status == 401 && !renewed => {
                    cache.reject(&token).await;
                    renewed = true;
                }
                _ => return Ok(response),
            }
        }
    }

    /// Sends with the retry policy. Everything the call waits for (the
    /// limiter, a pause SePay asked for, backoff, each attempt) fits in
    /// `retry.max_elapsed`: a wait that would not fit ends the call at once.
    async fn send(&self, op: &dyn Exchange, request: HttpRequest) -> Result<HttpResponse> {
        let policy = &self.inner.options.retry;
        let max_attempts = self.call.max_attempts.unwrap_or(policy.max_attempts);
        let max_elapsed = self.call.max_elapsed.unwrap_or(policy.max_elapsed);
        let started = Instant::now();
        let deadline = started + max_elapsed;
        let scope = scope_of(op.name());
        let observer = self.inner.observer.as_deref();
        let event = |kind, attempt, waited| CallEvent {
            kind,
            operation: op.name().to_string(),
            method: request.method.as_str().to_string(),
            path: request.url.path().to_string(),
            attempt,
            status: None,
            latency: None,
            waited,
            retry_in: None,
            reason: None,
            request_id: None,
        };
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let before = Instant::now();
            match self.inner.limiter.acquire_until(scope, deadline).await {
                Ok(()) => {}
                Err(Refusal::Beyond(wait)) => return Err(Error::RateLimited {
                    operation: op.name().to_string(),
                    retry_after: Some(wait),
                    message: "the next send slot (rate limit or a pause SePay asked for) lies beyond the call's time budget (retry.max_elapsed)".into(),
                }),
                Err(Refusal::Closed(error)) => return Err(error),
            }
            let waited = before.elapsed();
            if observe::wanted(observer, CallEventKind::Request) {
                observe::emit(observer, event(CallEventKind::Request, attempt, waited));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let timeout = self
                .call
                .timeout
                .unwrap_or(self.inner.options.timeout)
                .min(left);
            let sent = Instant::now();
            let outcome = self.attempt(op, request.clone(), timeout).await;
            if observe::wanted(observer, CallEventKind::Response) {
                let (status, request_id, reason) = match &outcome {
                    Ok(r) => (Some(r.status), request_id(r), None),
                    Err(f) => (f.status, f.request_id.clone(), Some(f.error.to_string())),
                };
                observe::emit(
                    observer,
                    CallEvent {
                        status,
                        latency: Some(sent.elapsed()),
                        request_id,
                        reason,
                        ..event(CallEventKind::Response, attempt, waited)
                    },
                );
            }
            let failure = match outcome {
                Ok(response) => return Ok(response),
                Err(f) => f,
            };
            // Never a hot loop: even `Retry-After: 0` waits at least the backoff.
            let backoff = policy.backoff(attempt, &self.inner.jitter);
            let wait = failure.server_wait.map_or(backoff, |w| w.max(backoff));
            if let Some(asked) = failure.server_wait {
                self.inner
                    .limiter
                    .pause_for(scope, asked.max(backoff))
                    .await;
            }
            let out_of_budget = attempt >= max_attempts || started.elapsed() + wait > max_elapsed;
            if !failure.retry || out_of_budget {
                return Err(failure.error);
            }
            if observe::wanted(observer, CallEventKind::Retry) {
                observe::emit(
                    observer,
                    CallEvent {
                        status: failure.status,
                        retry_in: Some(wait),
                        reason: Some(failure.error.to_string()),
                        request_id: failure.request_id.clone(),
                        ..event(CallEventKind::Retry, attempt, waited)
                    },
                );
            }
            if failure.server_wait.is_none() {
                rt::sleep(backoff).await;
            }
        }
    }

    /// Adds the operation's credentials; returns the token cache and token used
    /// when the surface has expiring tokens.
    async fn authorize(
        &self,
        op: &dyn Exchange,
        request: &mut HttpRequest,
    ) -> Result<Option<(Arc<TokenCache>, SecretString)>> {
        let missing =
            |what: &str| Error::config(format!("{}: this client has no {what}", op.name()));
        let (value, bearer) = match op.surface() {
            Surface::None => return Ok(None),
            Surface::UserApi => {
                let token = self
                    .inner
                    .token
                    .as_ref()
                    .ok_or_else(|| missing("User API token"))?;
                (format!("Bearer {}", token.expose()), None)
            }
            Surface::PaymentGateway => {
                let pg = self.inner.pg.as_ref().ok_or_else(|| {
                    missing("payment gateway credentials (ClientBuilder::payment_gateway)")
                })?;
                (pg.basic_auth(), None)
            }
            Surface::OAuth2Api | Surface::BankHub => {
                let cache = self
                    .token_cache(op.surface())
                    .ok_or_else(|| missing("OAuth2 / Bank Hub credentials for this API"))?;
                let token = cache.get(self).await?;
                (format!("Bearer {}", token.expose()), Some((cache, token)))
            }
        };
        request.set_header("authorization", value);
        Ok(bearer)
    }

    /// The value of type `T` the builder kept ([`ClientBuilder::extension`]).
    pub(crate) fn extension<T: Any + MaybeSendSync>(&self) -> Option<Arc<T>> {
        self.inner
            .extensions
            .iter()
            .find_map(|e| e.downcast_ref::<Arc<T>>().cloned())
    }

    pub(crate) fn token_cache(&self, surface: Surface) -> Option<Arc<TokenCache>> {
        self.inner
            .token_caches
            .iter()
            .find(|(s, _)| *s == surface)
            .map(|(_, c)| c.clone())
    }

    /// The payment gateway credentials, if configured.
    pub(crate) fn pg_credentials(&self) -> Option<&PgCredentials> {
        self.inner.pg.as_ref()
    }

    /// One exchange. `Ok` means a response that the operation should decode
    /// (success or a final error answer); `Err` a failure that may be retried.
    async fn attempt(
        &self,
        op: &dyn Exchange,
        request: HttpRequest,
        timeout: Duration,
    ) -> std::result::Result<HttpResponse, Failure> {
        let name = op.name();
        let idempotent = op.idempotent();
        let outcome = rt::timeout(timeout, self.inner.transport.send(request)).await;
        let response = match outcome {
            None => {
                return Err(Failure {
                    error: Error::Timeout {
                        operation: name.to_string(),
                        after: timeout,
                    },
                    retry: idempotent,
                    status: None,
                    request_id: None,
                    server_wait: None,
                })
            }
            Some(Err(e)) => {
                let retry = match e.kind {
                    TransportErrorKind::Connect => true,
                    TransportErrorKind::TooLarge { .. } => false,
                    _ => idempotent,
                };
                let error = match e.kind {
                    TransportErrorKind::TooLarge { limit } => Error::Decode {
                        operation: name.to_string(),
                        path: None,
                        expected: format!("a response body of at most {limit} bytes"),
                        found: "a larger body".to_string(),
                    },
                    TransportErrorKind::Timeout => Error::Timeout {
                        operation: name.to_string(),
                        after: timeout,
                    },
                    _ => Error::Transport {
                        operation: name.to_string(),
                        message: e.message.clone(),
                        source: Some(Box::new(e)),
                    },
                };
                return Err(Failure {
                    error,
                    retry,
                    status: None,
                    request_id: None,
                    server_wait: None,
                });
            }
            Some(Ok(response)) => response,
        };
        self.observe_rate_headers(scope_of(name), &response).await;
        match response.status {
            429 => Err(Failure {
                error: op.error(&response),
                // A 429 is answered before the request is processed.
                retry: true,
                status: Some(429),
                request_id: request_id(&response),
                server_wait: Some(retry_after(&response).unwrap_or(Duration::from_secs(1))),
            }),
            status @ (500 | 502 | 503 | 504) => Err(Failure {
                error: op.error(&response),
                retry: idempotent,
                status: Some(status),
                request_id: request_id(&response),
                server_wait: None,
            }),
            _ => Ok(response),
        }
    }

    /// `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset: n` pauses the limiter
    /// for `n` seconds so the next request does not earn a 429.
    async fn observe_rate_headers(&self, scope: &str, response: &HttpResponse) {
        if response.status == 429 {
            return;
        }
        let remaining = response.header_seconds("x-ratelimit-remaining");
        let reset = response.header_seconds("x-ratelimit-reset");
        if let (Some(r), Some(reset)) = (remaining, reset) {
            if r < 1.0 && reset > 0.0 {
                self.inner
                    .limiter
                    .pause_for(scope, Duration::from_secs_f64(reset.min(60.0)))
                    .await;
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Sender for Client {
    fn base_urls(&self) -> &BaseUrls {
        &self.inner.urls
    }
    async fn exchange(&self, op: &dyn Exchange, request: HttpRequest) -> Result<HttpResponse> {
        self.exchange_once_renewed(op, request).await
    }
    fn to_shared(&self) -> Arc<dyn Sender> {
        Arc::new(self.clone())
    }
}

/// SePay's request id, if the answer carries one. The header name is
/// UNVERIFIED (SePay documents none): `X-Request-Id`, `X-SePay-Request-Id`
/// or `Request-Id`, the first present.
fn request_id(response: &HttpResponse) -> Option<String> {
    ["x-request-id", "x-sepay-request-id", "request-id"]
        .iter()
        .find_map(|h| response.header(h))
        .filter(|v| v.len() <= 200 && !v.chars().any(char::is_control))
        .map(str::to_string)
}

/// The wait SePay asked for: `x-sepay-userapi-retry-after` (v1) or `Retry-After` (v2).
pub(crate) fn retry_after(response: &HttpResponse) -> Option<Duration> {
    [
        "x-sepay-userapi-retry-after",
        "retry-after",
        "x-ratelimit-reset",
    ]
    .iter()
    .find_map(|h| response.header_seconds(h))
    .map(|s| Duration::from_secs_f64(s.min(3600.0)))
}
