//! Starting a sandbox and controlling it in-process.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use axum::routing::any;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::dataset::{Dataset, DatasetStats};
use crate::payment_gateway::admin::{PgPaid, PgPay};
use crate::payment_gateway::store::{IpnTarget, PgError};
use crate::server::config::SandboxConfig;
use crate::server::faults::{Fault, FaultConfig};
use crate::server::log::LoggedRequest;
use crate::server::ratelimit::RateLimiter;
use crate::server::state::AppState;
use crate::server::{admin, connections, pipeline};
use crate::va_orders::pay::{VaPaid, VaPay};
use crate::va_orders::store::VaError;
use crate::webhooks::deliveries::{DeliveryAttempt, IpnAttempt};
use crate::webhooks::simulate::{self, SimulateTransaction, SimulatedTransaction};
use crate::webhooks::target::{RegisteredWebhook, WebhookTarget};
use crate::{oauth, payment_gateway, va_orders};

/// A running sandbox. Dropping it without [`SandboxHandle::shutdown`] leaves
/// the server running until the tokio runtime ends.
#[derive(Debug)]
pub struct SandboxHandle {
    addr: SocketAddr,
    state: Arc<AppState>,
    shutdown: watch::Sender<bool>,
    task: JoinHandle<()>,
}

/// Generates the dataset, binds `addr` (port 0 = any free port) and spawns
/// the server on the current tokio runtime.
pub async fn start(config: SandboxConfig, addr: SocketAddr) -> io::Result<SandboxHandle> {
    let listener = TcpListener::bind(addr).await?;
    let mut local = listener.local_addr()?;
    if local.ip().is_unspecified() {
        local.set_ip(match local.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
        });
    }
    let (seed, n, m) = (config.seed, config.transactions, config.bank_accounts);
    let dataset = tokio::task::spawn_blocking(move || Dataset::generate(seed, n, m))
        .await
        .map_err(io::Error::other)?;
    let state = Arc::new(AppState::new(config, dataset));
    let router = admin::routes()
        .route(
            "/pay/v1/checkout/init",
            any(payment_gateway::checkout::checkout),
        )
        .route("/oauth/authorize", any(oauth::authorize::authorize))
        .fallback(pipeline::handle)
        .with_state(state.clone());
    let (tx, rx) = watch::channel(false);
    let task = tokio::spawn(connections::serve(listener, router, rx));
    Ok(SandboxHandle {
        addr: local,
        state,
        shutdown: tx,
        task,
    })
}

impl SandboxHandle {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The request log (API requests only), in arrival order.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.state.log().snapshot()
    }

    /// Empties the request log.
    pub fn clear_requests(&self) {
        self.state.log().clear();
    }

    /// Replaces the random-fault configuration.
    pub fn set_faults(&self, f: FaultConfig) {
        self.state.faults().set_config(f);
    }

    /// Queues faults for the next API requests, one each, in order (before random ones).
    pub fn push_faults(&self, faults: impl IntoIterator<Item = Fault>) {
        self.state.faults().push(faults);
    }

    /// Sets the rate limit (requests per second; `None` or 0 = off) with a full bucket.
    pub fn set_rate_limit(&self, per_second: Option<f64>) {
        *self.state.limiter() = RateLimiter::new(per_second);
    }

    /// Dataset totals.
    pub fn stats(&self) -> DatasetStats {
        self.state.dataset().stats()
    }

    /// Registers a user-webhook target (like `POST /__sandbox/webhooks`).
    pub fn add_webhook(&self, target: WebhookTarget) -> Result<u64, String> {
        self.state.webhooks().add(target)
    }

    /// Registered webhook targets.
    pub fn webhooks(&self) -> Vec<RegisteredWebhook> {
        self.state.webhooks().list()
    }

    /// Unregisters a webhook target; false when unknown.
    pub fn remove_webhook(&self, id: u64) -> bool {
        self.state.webhooks().remove(id)
    }

    /// Appends a transaction and delivers its webhook to every target in
    /// background tasks (like `POST /__sandbox/simulate/transaction`; call
    /// it inside the sandbox's tokio runtime).
    pub fn simulate_transaction(
        &self,
        req: SimulateTransaction,
    ) -> Result<SimulatedTransaction, String> {
        simulate::simulate(&self.state, req)
    }

    /// Every user-webhook delivery attempt so far, in order.
    pub fn webhook_deliveries(&self) -> Vec<DeliveryAttempt> {
        self.state.deliveries().clone()
    }

    /// Sets (or with `None` removes) the PG IPN target.
    pub fn set_pg_ipn(&self, target: Option<IpnTarget>) {
        self.state.pg().ipn = target;
    }

    /// Marks a PG order paid and queues its IPN (like `POST /__sandbox/pg/pay`;
    /// call it inside the sandbox's tokio runtime).
    pub fn pg_pay(&self, req: &PgPay) -> Result<PgPaid, String> {
        payment_gateway::admin::pay(&self.state, req).map_err(|e| match e {
            PgError::NotFound => "Order not found".to_string(),
            PgError::Rejected(m) => m,
        })
    }

    /// Pays into a VA-order virtual account (like `POST /__sandbox/va/pay`;
    /// call it inside the sandbox's tokio runtime): appends the transaction,
    /// delivers its webhooks and moves the VA and the order along.
    pub fn va_pay(&self, req: &VaPay) -> Result<VaPaid, String> {
        va_orders::pay::pay(&self.state, req).map_err(|e| match e {
            VaError::NotFound(m) => m.to_string(),
            VaError::InvalidState(m) | VaError::Conflict(m) => m,
            VaError::Duplicate => "duplicate".to_string(),
            VaError::Validation(errors) => errors
                .into_iter()
                .map(|(k, m)| format!("{k} {m}"))
                .collect::<Vec<_>>()
                .join("; "),
        })
    }

    /// Expires every OAuth2 access token now (refresh tokens keep working),
    /// like `POST /__sandbox/oauth/expire`.
    pub fn expire_oauth_tokens(&self) {
        self.state.oauth().expire_access_tokens();
    }

    /// Expires every Bank Hub access token now, like
    /// `POST /__sandbox/bankhub/expire`.
    pub fn expire_bankhub_tokens(&self) {
        self.state.bankhub().expire_tokens();
    }

    /// Every PG IPN delivery attempt so far, in order.
    pub fn ipn_deliveries(&self) -> Vec<IpnAttempt> {
        self.state.ipn_deliveries().clone()
    }

    /// Stops accepting, closes every connection, aborts pending deliveries
    /// and waits for the server task.
    pub async fn shutdown(self) {
        self.state.abort_tasks();
        let _ = self.shutdown.send(true);
        let _ = self.task.await;
    }
}
