//! The emulator as a blocking object that owns its runtime: what the
//! bindings' test kits (`sepay_sdk.testing` in Python, `Emulator` in
//! Kotlin/Swift) wrap, so a user's test suite starts SePay on a free
//! loopback port without a Rust toolchain or a separate process.

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::runtime::Runtime;

use crate::server::config::{ClientCredentials, SandboxConfig};
use crate::server::handle::{start, SandboxHandle};
use crate::server::log::LoggedRequest;
use crate::va_orders::pay::{VaPaid, VaPay};
use crate::webhooks::deliveries::DeliveryAttempt;
use crate::webhooks::simulate::{SimulateTransaction, SimulatedTransaction};
use crate::webhooks::target::WebhookTarget;
use crate::DatasetStats;

/// The webhook retry waits of a test kit's emulator: a "minute" of SePay's
/// schedule lasts 60 ms, so a failed delivery is retried within a test.
pub const KIT_WEBHOOK_TIME_SCALE: f64 = 0.001;

/// A running emulator on `127.0.0.1` with its own two-thread runtime.
/// Dropping it stops the server.
#[derive(Debug)]
pub struct Emulator {
    // Declared before `runtime`: the handle is shut down first (see Drop).
    handle: Option<SandboxHandle>,
    config: SandboxConfig,
    runtime: Runtime,
}

impl Emulator {
    /// Generates the dataset of `config` and serves it on a free port.
    pub fn start(config: SandboxConfig) -> io::Result<Emulator> {
        if let Some(rate) = config.rate_limit {
            if !(rate.is_finite() && rate >= 0.0) {
                return Err(invalid(format!(
                    "rate_limit must be requests per second ≥ 0, got {rate}"
                )));
            }
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("sepay-emulator")
            .enable_all()
            .build()?;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
        let handle = runtime.block_on(start(config.clone(), addr))?;
        Ok(Emulator {
            handle: Some(handle),
            config,
            runtime,
        })
    }

    fn handle(&self) -> io::Result<&SandboxHandle> {
        self.handle
            .as_ref()
            .ok_or_else(|| io::Error::other("the emulator was closed"))
    }

    /// `http://127.0.0.1:PORT`: pass it as the client's emulator base URL.
    pub fn base_url(&self) -> io::Result<String> {
        Ok(self.handle()?.base_url())
    }

    /// What a client needs to reach every surface: the API token, payment
    /// gateway credentials, the first OAuth2 app and the Bank Hub client.
    pub fn credentials(&self) -> ClientCredentials {
        self.config.credentials()
    }

    /// Dataset totals (bank accounts, transactions, ...).
    pub fn stats(&self) -> io::Result<DatasetStats> {
        Ok(self.handle()?.stats())
    }

    /// A bank transfer arrives: it is appended to the dataset (visible to
    /// v1 and v2 lists) and its webhook goes to every registered target.
    pub fn simulate_payment(&self, req: SimulateTransaction) -> io::Result<SimulatedTransaction> {
        let handle = self.handle()?;
        let _inside = self.runtime.enter();
        handle.simulate_transaction(req).map_err(invalid)
    }

    /// Pays into a VA order's virtual account (the order moves along and
    /// its webhook is delivered).
    pub fn pay_va(&self, req: &VaPay) -> io::Result<VaPaid> {
        let handle = self.handle()?;
        let _inside = self.runtime.enter();
        handle.va_pay(req).map_err(invalid)
    }

    /// Registers where webhooks go (and how they authenticate); returns its id.
    pub fn add_webhook(&self, target: WebhookTarget) -> io::Result<u64> {
        self.handle()?.add_webhook(target).map_err(invalid)
    }

    /// Every webhook delivery attempt so far, in order.
    pub fn webhook_deliveries(&self) -> io::Result<Vec<DeliveryAttempt>> {
        Ok(self.handle()?.webhook_deliveries())
    }

    /// Waits until at least `count` delivery attempts were made (deliveries
    /// run in the background) or `timeout` passes; returns them all.
    pub fn wait_for_deliveries(
        &self,
        count: usize,
        timeout: Duration,
    ) -> io::Result<Vec<DeliveryAttempt>> {
        let deadline = Instant::now() + timeout;
        loop {
            let seen = self.webhook_deliveries()?;
            if seen.len() >= count || Instant::now() >= deadline {
                return Ok(seen);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The API requests received, in arrival order.
    pub fn requests(&self) -> io::Result<Vec<LoggedRequest>> {
        Ok(self.handle()?.requests())
    }

    /// Stops the server (idempotent).
    pub fn close(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.runtime.block_on(handle.shutdown());
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.close();
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}
