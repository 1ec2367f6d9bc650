//! The client object and its options.

use std::fmt;
use std::sync::Arc;

use sepay::{BaseUrls, Environment};

use crate::error::SePayError;
use crate::generated::{BankHubApi, OAuthApi, PgApi, V1Api, V2Api};
use crate::oauth::{ForeignStore, TokenStore};
use crate::observe::{CallListener, Forward};
use crate::seconds::{optional, Seconds};

/// Wire behaviour of a client. Every field is optional; null keeps the core's
/// default (30 s timeout, 3 requests per second, 6 attempts within 60 s, ...).
/// Times are `java.time.Duration` in Kotlin and `TimeInterval` in Swift; a
/// value the core refuses (negative, NaN, more than a day, a rate over 1,000,
/// 0 attempts, ...) makes the constructor throw a Configuration error.
#[derive(Clone, Default, uniffi::Record)]
pub struct ClientOptions {
    /// Budget for one attempt, from sending to the last byte of the body.
    #[uniffi(default)]
    pub timeout: Option<Seconds>,
    /// Budget for establishing a connection.
    #[uniffi(default)]
    pub connect_timeout: Option<Seconds>,
    /// Client-side rate limit in requests per second, shared by every call on this
    /// client; `0` turns it off.
    #[uniffi(default)]
    pub requests_per_second: Option<f64>,
    /// Attempts in total, including the first (`1` disables retries).
    #[uniffi(default)]
    pub max_attempts: Option<u32>,
    /// A call never outlives this budget, counted from its first attempt
    /// (waits for the rate limiter and `Retry-After` included).
    #[uniffi(default)]
    pub max_elapsed: Option<Seconds>,
    /// Backoff before the second attempt; doubles each time.
    #[uniffi(default)]
    pub initial_backoff: Option<Seconds>,
    /// Upper bound of one backoff.
    #[uniffi(default)]
    pub max_backoff: Option<Seconds>,
    /// Largest response body accepted, in bytes.
    #[uniffi(default)]
    pub max_response_bytes: Option<u64>,
    /// `User-Agent` header.
    #[uniffi(default)]
    pub user_agent: Option<String>,
    /// Your application's name and version (`my-shop/2.1`), appended to the
    /// `User-Agent`.
    #[uniffi(default)]
    pub app_name: Option<String>,
    /// An explicit HTTP(S) proxy URL; without it `HTTPS_PROXY` / `HTTP_PROXY`
    /// / `NO_PROXY` are honoured.
    #[uniffi(default)]
    pub proxy: Option<String>,
    /// A PEM file of extra trusted root certificates (a gateway that
    /// re-signs TLS), added to the built-in roots.
    #[uniffi(default)]
    pub ca_bundle: Option<String>,
    /// Most pages one walk (`iter`) fetches before it stops with a Pagination
    /// error (default 100,000).
    #[uniffi(default)]
    pub max_pages: Option<u32>,
    /// Share the rate limit and token renewals with every process on the
    /// same Redis (see `SharedState`).
    #[uniffi(default)]
    pub shared_state: Option<Arc<crate::shared_state::SharedState>>,
    /// Receives every call's events (requests, responses, retries): a hook
    /// for logs and metrics. Default: none.
    #[uniffi(default)]
    pub listener: Option<Arc<dyn CallListener>>,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("timeout", &self.timeout)
            .field("requests_per_second", &self.requests_per_second)
            .field("max_attempts", &self.max_attempts)
            .field("listener", &self.listener.as_ref().map(|_| "CallListener"))
            .finish_non_exhaustive()
    }
}

impl ClientOptions {
    /// The core's options (checked by the core when the client is built).
    fn into_core(self) -> Result<sepay::ClientOptions, SePayError> {
        let mut o = sepay::ClientOptions::default();
        set(&mut o.timeout, optional("timeout", self.timeout)?);
        set(
            &mut o.connect_timeout,
            optional("connect_timeout", self.connect_timeout)?,
        );
        if let Some(rps) = self.requests_per_second {
            // This binding's spelling of "off" is 0; the core's is None.
            o.requests_per_second = (rps != 0.0).then_some(rps);
        }
        let r = &mut o.retry;
        set(&mut r.max_attempts, self.max_attempts);
        set(
            &mut r.max_elapsed,
            optional("max_elapsed", self.max_elapsed)?,
        );
        set(
            &mut r.initial_backoff,
            optional("initial_backoff", self.initial_backoff)?,
        );
        set(
            &mut r.max_backoff,
            optional("max_backoff", self.max_backoff)?,
        );
        if let Some(n) = self.max_response_bytes {
            o.max_response_bytes = usize::try_from(n).unwrap_or(usize::MAX);
        }
        set(&mut o.user_agent, self.user_agent);
        o.app_name = self.app_name;
        o.proxy = self.proxy;
        if let Some(path) = &self.ca_bundle {
            o.read_ca_bundle(path)?;
        }
        set(&mut o.max_pages, self.max_pages);
        Ok(o)
    }
}

fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *slot = v;
    }
}

/// A SePay API client. Thread-safe; every call on it (from any coroutine or task)
/// shares one connection pool and one rate limiter. `toString()` / `description`
/// masks the token.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct SePayClient {
    inner: sepay::Client,
}

impl SePayClient {
    /// Wraps a core client.
    pub(crate) fn from_core(inner: sepay::Client) -> SePayClient {
        SePayClient { inner }
    }

    /// The core client.
    pub(crate) fn core(&self) -> &sepay::Client {
        &self.inner
    }
}

impl fmt::Debug for SePayClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner, f)
    }
}

impl fmt::Display for SePayClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner, f)
    }
}

fn build(
    token: String,
    urls: BaseUrls,
    options: ClientOptions,
) -> Result<Arc<SePayClient>, SePayError> {
    build_with(sepay::Client::builder().token(token), urls, options)
}

fn build_with(
    builder: sepay::ClientBuilder,
    urls: BaseUrls,
    options: ClientOptions,
) -> Result<Arc<SePayClient>, SePayError> {
    let builder = match &options.shared_state {
        Some(state) => builder.shared_state(state.inner.clone()),
        None => builder,
    };
    let builder = match &options.listener {
        Some(listener) => builder.observer(Arc::new(Forward(listener.clone()))),
        None => builder,
    };
    let inner = builder
        .base_urls(urls)
        .options(options.into_core()?)
        .build()?;
    Ok(Arc::new(SePayClient { inner }))
}

#[uniffi::export]
impl SePayClient {
    /// A client for SePay's documented hosts of `environment` (Live or Sandbox).
    #[uniffi::constructor(default(options))]
    pub fn new(
        token: String,
        environment: Environment,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build(token, BaseUrls::for_environment(environment), options)
    }

    /// A client for explicit base URLs (a proxy, ...). HTTPS is required except
    /// for loopback hosts.
    #[uniffi::constructor(default(options))]
    pub fn with_base_urls(
        token: String,
        user_api_v1: String,
        user_api_v2: String,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        let urls = BaseUrls::user_api(Environment::Live, &user_api_v1, &user_api_v2)?;
        build(token, urls, options)
    }

    /// A client for the local `sepay-sandbox` emulator whose base URL (printed on
    /// its first output line) is `root_url`.
    #[uniffi::constructor(default(options))]
    pub fn emulator(
        token: String,
        root_url: String,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build(token, BaseUrls::emulator(&root_url)?, options)
    }

    /// A payment gateway client (merchant id and secret key from SePay's PG
    /// dashboard) for `environment`; `token` (optional) also enables the User API.
    #[uniffi::constructor(default(token = None, options))]
    pub fn payment_gateway(
        merchant_id: String,
        secret_key: String,
        environment: Environment,
        token: Option<String>,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build_with(
            pg_builder(merchant_id, secret_key, token),
            BaseUrls::for_environment(environment),
            options,
        )
    }

    /// A payment gateway client for the local `sepay-sandbox` emulator at `root_url`.
    #[uniffi::constructor(default(token = None, options))]
    pub fn payment_gateway_emulator(
        merchant_id: String,
        secret_key: String,
        root_url: String,
        token: Option<String>,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build_with(
            pg_builder(merchant_id, secret_key, token),
            BaseUrls::emulator(&root_url)?,
            options,
        )
    }

    /// A client acting for one SePay user through OAuth2: the app's
    /// credentials, and `store` keeping the user's tokens between runs (null:
    /// in memory only). Call `oauth().exchangeCode(code)` once after the
    /// redirect; later clients built on the same store carry on without it.
    #[uniffi::constructor(default(store = None, options))]
    pub fn for_oauth(
        client_id: String,
        client_secret: String,
        redirect_uri: String,
        environment: Environment,
        store: Option<Arc<dyn TokenStore>>,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build_with(
            oauth_builder(client_id, client_secret, redirect_uri, store),
            BaseUrls::for_environment(environment),
            options,
        )
    }

    /// An OAuth2 client for the local `sepay-sandbox` emulator at `root_url`.
    #[uniffi::constructor(default(store = None, options))]
    pub fn for_oauth_emulator(
        client_id: String,
        client_secret: String,
        redirect_uri: String,
        root_url: String,
        store: Option<Arc<dyn TokenStore>>,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build_with(
            oauth_builder(client_id, client_secret, redirect_uri, store),
            BaseUrls::emulator(&root_url)?,
            options,
        )
    }

    /// A Bank Hub client (the platform's client id and secret from SePay); the
    /// access token is fetched and renewed by the SDK.
    #[uniffi::constructor(default(options))]
    pub fn for_bank_hub(
        client_id: String,
        client_secret: String,
        environment: Environment,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build_with(
            sepay::Client::builder().bank_hub(client_id, client_secret),
            BaseUrls::for_environment(environment),
            options,
        )
    }

    /// A Bank Hub client for the local `sepay-sandbox` emulator at `root_url`.
    #[uniffi::constructor(default(options))]
    pub fn for_bank_hub_emulator(
        client_id: String,
        client_secret: String,
        root_url: String,
        options: ClientOptions,
    ) -> Result<Arc<Self>, SePayError> {
        build_with(
            sepay::Client::builder().bank_hub(client_id, client_secret),
            BaseUrls::emulator(&root_url)?,
            options,
        )
    }

    /// The OAuth2 flow and resource API; needs a client made by `forOauth` /
    /// `forOauthEmulator`.
    pub fn oauth(&self) -> Arc<OAuthApi> {
        OAuthApi::new(&self.inner)
    }

    /// Bank Hub; needs a client made by `forBankHub` / `forBankHubEmulator`.
    pub fn bank_hub(&self) -> Arc<BankHubApi> {
        BankHubApi::new(&self.inner)
    }

    /// The payment gateway (checkout forms and orders); needs a client made by
    /// `paymentGateway` / `paymentGatewayEmulator`.
    pub fn pg(&self) -> Arc<PgApi> {
        PgApi::new(&self.inner)
    }

    /// User API v1 (legacy; prefer v2 for new integrations).
    pub fn v1(&self) -> Arc<V1Api> {
        V1Api::new(&self.inner)
    }

    /// User API v2.
    pub fn v2(&self) -> Arc<V2Api> {
        V2Api::new(&self.inner)
    }

    /// Changes the client-side rate limit of this client (null or 0 = off;
    /// otherwise 0.001 to 1000 requests per second, else a Configuration error).
    pub fn set_rate_limit(&self, requests_per_second: Option<f64>) -> Result<(), SePayError> {
        Ok(self.inner.set_rate_limit(requests_per_second)?)
    }

    /// A new client with the same settings but its own connections and limiter.
    pub fn reconnect(&self) -> Result<Arc<Self>, SePayError> {
        Ok(Arc::new(SePayClient {
            inner: self.inner.reconnect()?,
        }))
    }
}

fn oauth_builder(
    client_id: String,
    client_secret: String,
    redirect_uri: String,
    store: Option<Arc<dyn TokenStore>>,
) -> sepay::ClientBuilder {
    let config = sepay::oauth::OAuthConfig {
        client_id,
        client_secret: client_secret.into(),
        redirect_uri,
    };
    let store: Arc<dyn sepay::oauth::TokenStore> = match store {
        Some(foreign) => Arc::new(ForeignStore(foreign)),
        None => Arc::new(sepay::oauth::MemoryTokenStore::default()),
    };
    sepay::Client::builder().oauth(config, store)
}

fn pg_builder(
    merchant_id: String,
    secret_key: String,
    token: Option<String>,
) -> sepay::ClientBuilder {
    let builder = sepay::Client::builder().payment_gateway(merchant_id, secret_key);
    match token {
        Some(token) => builder.token(token),
        None => builder,
    }
}
