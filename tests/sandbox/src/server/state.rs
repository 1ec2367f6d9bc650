//! State shared by every connection.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use crate::bank_hub::store::BankHubStore;
use crate::dataset::Dataset;
use crate::oauth::store::OAuthStore;
use crate::oauth::webhooks::OAuthWebhooks;
use crate::payment_gateway::store::PgStore;
use crate::server::config::{ClientCredentials, OAuthUser, SandboxConfig, V1Order};
use crate::server::faults::FaultPicker;
use crate::server::log::RequestLog;
use crate::server::prerender::Prerendered;
use crate::server::ratelimit::RateLimiter;
use crate::va_orders::store::VaStore;
use crate::webhooks::deliveries::{DeliveryAttempt, IpnAttempt};
use crate::webhooks::target::WebhookRegistry;

/// Everything the handlers need.
#[derive(Debug)]
pub struct AppState {
    dataset: RwLock<Dataset>,
    /// Accepted bearer token.
    pub token: String,
    /// v1 `since_id` ordering.
    pub v1_order: V1Order,
    /// When the sandbox started (for `received_ms`).
    pub started: Instant,
    seq: AtomicU64,
    credentials: ClientCredentials,
    limiter: Mutex<RateLimiter>,
    faults: Mutex<FaultPicker>,
    log: Mutex<RequestLog>,
    /// HTTP client of outbound deliveries (8 s timeout, no proxy).
    pub http: reqwest::Client,
    /// Multiplier of the retry waits.
    pub time_scale: f64,
    /// Payment-gateway merchant id.
    pub pg_merchant_id: String,
    /// Payment-gateway secret key.
    pub pg_secret_key: String,
    pg: Mutex<PgStore>,
    ipn_deliveries: Mutex<Vec<IpnAttempt>>,
    webhooks: Mutex<WebhookRegistry>,
    deliveries: Mutex<Vec<DeliveryAttempt>>,
    tasks: Mutex<JoinSet<()>>,
    va_orders: Mutex<VaStore>,
    oauth: Mutex<OAuthStore>,
    /// The user behind every OAuth2 grant.
    pub oauth_user: OAuthUser,
    bankhub: Mutex<BankHubStore>,
    /// Rendered answers kept for `--prerender`.
    pub prerendered: Prerendered,
}

/// Timeout of one outbound delivery (SePay: 8 s response timeout).
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(8);

fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(DELIVERY_TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .user_agent("sepay-sandbox")
        .build()
        .unwrap_or_else(|_| reqwest::Client::new())
}

/// Locks a mutex, ignoring poisoning (state stays usable after a panic).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    /// State for `config` over `dataset`.
    pub fn new(config: SandboxConfig, dataset: Dataset) -> AppState {
        let credentials = config.credentials();
        let mut oauth = OAuthStore::new(
            config.oauth_clients,
            config.oauth_access_ttl,
            config.oauth_user.id,
            config.seed,
        );
        oauth.webhooks = OAuthWebhooks::seeded(&dataset);
        let bankhub = BankHubStore::new(
            config.seed,
            config.bankhub_client_id,
            config.bankhub_client_secret,
            config.bankhub_token_ttl,
        );
        AppState {
            dataset: RwLock::new(dataset),
            token: config.token,
            credentials,
            v1_order: config.v1_order,
            started: Instant::now(),
            seq: AtomicU64::new(0),
            limiter: Mutex::new(RateLimiter::new(config.rate_limit)),
            faults: Mutex::new(FaultPicker::new(config.faults, config.seed)),
            log: Mutex::new(RequestLog::new(config.request_log_capacity)),
            http: http_client(),
            time_scale: config.webhook_time_scale,
            pg_merchant_id: config.pg_merchant_id,
            pg_secret_key: config.pg_secret_key,
            pg: Mutex::new(PgStore::default()),
            ipn_deliveries: Mutex::new(Vec::new()),
            webhooks: Mutex::new(WebhookRegistry::default()),
            deliveries: Mutex::new(Vec::new()),
            tasks: Mutex::new(JoinSet::new()),
            va_orders: Mutex::new(VaStore::default()),
            oauth: Mutex::new(oauth),
            oauth_user: config.oauth_user,
            bankhub: Mutex::new(bankhub),
            prerendered: Prerendered::new(config.prerender),
        }
    }

    /// What a client needs to reach every surface (`GET /__sandbox/credentials`).
    pub fn credentials(&self) -> &ClientCredentials {
        &self.credentials
    }

    /// The dataset, for reading.
    pub fn dataset(&self) -> RwLockReadGuard<'_, Dataset> {
        self.dataset.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The dataset, for appending simulated transactions.
    pub fn dataset_mut(&self) -> RwLockWriteGuard<'_, Dataset> {
        self.prerendered.clear();
        self.dataset.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Next request sequence number (from 1).
    pub fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// The rate limiter.
    pub fn limiter(&self) -> MutexGuard<'_, RateLimiter> {
        lock(&self.limiter)
    }

    /// The fault picker.
    pub fn faults(&self) -> MutexGuard<'_, FaultPicker> {
        lock(&self.faults)
    }

    /// The request log.
    pub fn log(&self) -> MutexGuard<'_, RequestLog> {
        lock(&self.log)
    }

    /// Milliseconds since the sandbox started.
    pub fn elapsed_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// Payment-gateway orders and IPN target.
    pub fn pg(&self) -> MutexGuard<'_, PgStore> {
        lock(&self.pg)
    }

    /// PG IPN delivery attempts, in order.
    pub fn ipn_deliveries(&self) -> MutexGuard<'_, Vec<IpnAttempt>> {
        lock(&self.ipn_deliveries)
    }

    /// Registered webhook targets.
    pub fn webhooks(&self) -> MutexGuard<'_, WebhookRegistry> {
        lock(&self.webhooks)
    }

    /// User-webhook delivery attempts, in order.
    pub fn deliveries(&self) -> MutexGuard<'_, Vec<DeliveryAttempt>> {
        lock(&self.deliveries)
    }

    /// VA orders. Lock order: this store before the dataset.
    pub fn va_orders(&self) -> MutexGuard<'_, VaStore> {
        lock(&self.va_orders)
    }

    /// OAuth2 apps, codes, tokens and resource-API webhooks. Never held
    /// together with the dataset lock.
    pub fn oauth(&self) -> MutexGuard<'_, OAuthStore> {
        lock(&self.oauth)
    }

    /// Bank Hub tokens, companies, link tokens, merchant config and
    /// webhook. Never held together with the dataset lock.
    pub fn bankhub(&self) -> MutexGuard<'_, BankHubStore> {
        lock(&self.bankhub)
    }

    /// Runs a background task (a delivery) on the current runtime; it is
    /// aborted by [`AppState::abort_tasks`].
    pub fn spawn(&self, task: impl Future<Output = ()> + Send + 'static) {
        let mut tasks = lock(&self.tasks);
        while tasks.try_join_next().is_some() {}
        tasks.spawn(task);
    }

    /// Aborts every background task (at shutdown).
    pub fn abort_tasks(&self) {
        lock(&self.tasks).abort_all();
    }
}
