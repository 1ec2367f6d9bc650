//! The test kit for Kotlin and Swift test suites: SePay's emulator running
//! in this process (`sepay_sandbox::kit`) and made-up webhook deliveries
//! (`WebhookReceiver.testDelivery`, in `webhook.rs`).

use std::sync::{Arc, Mutex};

use sepay::webhook::BodyEncoding;
use sepay_sandbox::kit::{Emulator as Kit, KIT_WEBHOOK_TIME_SCALE};
use sepay_sandbox::{
    BodyFormat, DeliveryAttempt, SandboxConfig, SimulateTransaction, SimulatedTransaction, VaPay,
    WebhookAuth as TargetAuth, WebhookTarget,
};

use crate::client::{ClientOptions, SePayClient};
use crate::error::SePayError;
use crate::seconds::Seconds;

/// How the emulator's dataset is generated and how strict it is.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct EmulatorOptions {
    /// The API token it accepts.
    #[uniffi(default = "sandbox-token")]
    pub token: String,
    /// Generated transactions.
    #[uniffi(default = 100)]
    pub transactions: u64,
    /// Generated bank accounts.
    #[uniffi(default = 3)]
    pub bank_accounts: u32,
    /// Seed of the generated dataset.
    #[uniffi(default = 42)]
    pub seed: u64,
    /// Requests per second, as SePay (0 = off).
    #[uniffi(default = 3.0)]
    pub requests_per_second: f64,
}

/// What a client needs to reach every surface of an emulator.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EmulatorCredentials {
    /// `http://127.0.0.1:PORT` (the root URL of the `…Emulator` constructors).
    pub base_url: String,
    /// API token.
    pub token: String,
    /// Payment gateway merchant id.
    pub pg_merchant_id: String,
    /// Payment gateway secret key.
    pub pg_secret_key: String,
    /// OAuth2 app client id.
    pub oauth_client_id: Option<String>,
    /// OAuth2 app client secret.
    pub oauth_client_secret: Option<String>,
    /// OAuth2 app redirect URI.
    pub oauth_redirect_uri: Option<String>,
    /// Bank Hub client id.
    pub bank_hub_client_id: String,
    /// Bank Hub client secret.
    pub bank_hub_client_secret: String,
}

/// A transfer the emulator received, as it reports it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SimulatedPayment {
    /// v1 id (also the webhook's `id`).
    pub v1_id: u64,
    /// v2 id.
    pub v2_id: String,
    /// v1 id of the bank account.
    pub bank_account_id: String,
    /// `YYYY-MM-DD HH:MM:SS` (Vietnam time).
    pub transaction_date: String,
    /// `in` or `out`.
    pub transfer_type: String,
    /// Amount in VND.
    pub amount: u64,
    /// Payment code found in the memo.
    pub code: Option<String>,
    /// Memo.
    pub content: String,
    /// Virtual account, if any.
    pub sub_account: Option<String>,
    /// Ids of the webhook targets it is delivered to.
    pub delivered_to: Vec<u64>,
}

impl From<SimulatedTransaction> for SimulatedPayment {
    fn from(t: SimulatedTransaction) -> Self {
        SimulatedPayment {
            v1_id: t.v1_id,
            v2_id: t.v2_id,
            bank_account_id: t.bank_account_id,
            transaction_date: t.transaction_date,
            transfer_type: t.transfer_type,
            amount: t.amount,
            code: t.code,
            content: t.content,
            sub_account: t.sub_account,
            delivered_to: t.delivered_to,
        }
    }
}

/// How the emulator authenticates its webhook deliveries (SePay's modes).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum EmulatorWebhookAuth {
    /// Nothing.
    None,
    /// `Authorization: Apikey <key>`.
    ApiKey {
        /// The key.
        key: String,
    },
    /// `X-SePay-Signature` and `X-SePay-Timestamp`.
    Hmac {
        /// The webhook's secret key.
        secret: String,
    },
    /// `Authorization: Bearer <token>` from your token endpoint.
    OAuth2 {
        /// Your token endpoint.
        token_url: String,
        /// Client id sent to it.
        client_id: String,
        /// Client secret sent to it.
        client_secret: String,
    },
}

/// One webhook delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WebhookDeliveryAttempt {
    /// The target's id (from `addWebhook`).
    pub target_id: u64,
    /// The webhook's `id` (v1 transaction id).
    pub event_id: u64,
    /// 1-based attempt number.
    pub attempt: u32,
    /// HTTP status (0: no response).
    pub status: u16,
    /// Whether SePay would count it as delivered.
    pub success: bool,
    /// Why it failed.
    pub error: Option<String>,
}

impl From<DeliveryAttempt> for WebhookDeliveryAttempt {
    fn from(d: DeliveryAttempt) -> Self {
        WebhookDeliveryAttempt {
            target_id: d.target_id,
            event_id: d.event_id,
            attempt: d.attempt,
            status: d.status,
            success: d.success,
            error: d.error,
        }
    }
}

/// SePay emulated on `127.0.0.1` (a free port) in this process, on its own
/// threads: seed it, point a client at it, simulate incoming payments and
/// read the webhook deliveries it made. Webhook retries wait a thousandth of
/// SePay's schedule. `stop()` it, or free it.
#[derive(uniffi::Object)]
pub struct Emulator {
    kit: Mutex<Kit>,
}

fn refused(operation: &str, message: impl Into<String>) -> SePayError {
    sepay::Error::invalid_param(operation, "request", message).into()
}

fn configuration(message: String) -> SePayError {
    sepay::Error::Configuration { message }.into()
}

fn io(operation: &str, e: std::io::Error) -> SePayError {
    match e.kind() {
        std::io::ErrorKind::InvalidInput => refused(operation, e.to_string()),
        _ => configuration(format!("{operation}: {e}")),
    }
}

impl Emulator {
    fn with<T>(
        &self,
        operation: &str,
        f: impl FnOnce(&Kit) -> std::io::Result<T>,
    ) -> Result<T, SePayError> {
        let kit = self
            .kit
            .lock()
            .map_err(|_| configuration("the emulator failed earlier".into()))?;
        f(&kit).map_err(|e| io(operation, e))
    }
}

#[uniffi::export]
impl Emulator {
    /// Generates the dataset and starts serving it.
    #[uniffi::constructor(default(options))]
    pub fn new(options: EmulatorOptions) -> Result<Arc<Self>, SePayError> {
        let rate = options.requests_per_second;
        if !(rate.is_finite() && rate >= 0.0) {
            let message = format!("requests_per_second must be 0 (off) or more, got {rate}");
            return Err(refused("emulator.start", message));
        }
        let config = SandboxConfig {
            token: options.token,
            transactions: options.transactions,
            bank_accounts: options.bank_accounts,
            seed: options.seed,
            rate_limit: (options.requests_per_second > 0.0).then_some(options.requests_per_second),
            webhook_time_scale: KIT_WEBHOOK_TIME_SCALE,
            ..SandboxConfig::default()
        };
        let kit = Kit::start(config).map_err(|e| io("emulator.start", e))?;
        Ok(Arc::new(Emulator {
            kit: Mutex::new(kit),
        }))
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> Result<String, SePayError> {
        self.with("emulator.base_url", Kit::base_url)
    }

    /// The base URL, token and credentials that reach every surface.
    pub fn credentials(&self) -> Result<EmulatorCredentials, SePayError> {
        self.with("emulator.credentials", |k| {
            let c = k.credentials();
            Ok(EmulatorCredentials {
                base_url: k.base_url()?,
                token: c.token,
                pg_merchant_id: c.pg_merchant_id,
                pg_secret_key: c.pg_secret_key,
                oauth_client_id: c.oauth_client_id,
                oauth_client_secret: c.oauth_client_secret,
                oauth_redirect_uri: c.oauth_redirect_uri,
                bank_hub_client_id: c.bank_hub_client_id,
                bank_hub_client_secret: c.bank_hub_client_secret,
            })
        })
    }

    /// A User API client for this emulator.
    #[uniffi::method(default(options))]
    pub fn client(&self, options: ClientOptions) -> Result<Arc<SePayClient>, SePayError> {
        let c = self.credentials()?;
        SePayClient::emulator(c.token, c.base_url, options)
    }

    /// A bank transfer of `amount` VND arrives with memo `content`: it is
    /// listed by v1 and v2 and its webhook goes to every target.
    #[uniffi::method(default(content = "", code = None, sub_account = None))]
    pub fn simulate_payment(
        &self,
        amount: u64,
        content: String,
        code: Option<String>,
        sub_account: Option<String>,
    ) -> Result<SimulatedPayment, SePayError> {
        let mut request = SimulateTransaction::incoming(amount, content);
        request.code = code;
        request.sub_account = sub_account;
        let op = "emulator.simulate_payment";
        Ok(self.with(op, |k| k.simulate_payment(request))?.into())
    }

    /// Pays `amount` VND into a VA order's virtual account (the order moves
    /// along and its webhook is delivered).
    #[uniffi::method(default(content = None))]
    pub fn pay_va(
        &self,
        va_number: String,
        amount: u64,
        content: Option<String>,
    ) -> Result<SimulatedPayment, SePayError> {
        let request = VaPay {
            va_number,
            amount,
            content,
        };
        let paid = self.with("emulator.pay_va", |k| k.pay_va(&request))?;
        Ok(paid.transaction.into())
    }

    /// Registers where webhooks go, as in SePay's dashboard; returns its id.
    /// `encoding` defaults to JSON.
    #[uniffi::method(default(auth = None, encoding = None))]
    pub fn add_webhook(
        &self,
        url: String,
        auth: Option<EmulatorWebhookAuth>,
        encoding: Option<BodyEncoding>,
    ) -> Result<u64, SePayError> {
        let mut target = WebhookTarget::new(url);
        target.content_type = match encoding.unwrap_or_default() {
            BodyEncoding::Json => BodyFormat::Json,
            BodyEncoding::FormUrlEncoded => BodyFormat::Form,
            BodyEncoding::Multipart => BodyFormat::Multipart,
        };
        match auth.unwrap_or(EmulatorWebhookAuth::None) {
            EmulatorWebhookAuth::None => {}
            EmulatorWebhookAuth::ApiKey { key } => {
                target.auth = TargetAuth::ApiKey;
                target.api_key = Some(key);
            }
            EmulatorWebhookAuth::Hmac { secret } => {
                target.auth = TargetAuth::Hmac;
                target.secret = Some(secret);
            }
            EmulatorWebhookAuth::OAuth2 {
                token_url,
                client_id,
                client_secret,
            } => {
                target.auth = TargetAuth::Oauth2;
                target.token_url = Some(token_url);
                target.client_id = Some(client_id);
                target.client_secret = Some(client_secret);
            }
        }
        self.with("emulator.add_webhook", |k| k.add_webhook(target))
    }

    /// Every delivery attempt so far, after waiting up to `timeout` for at
    /// least `wait_for` of them.
    #[uniffi::method(default(wait_for = 0, timeout = None))]
    pub fn webhook_deliveries(
        &self,
        wait_for: u32,
        timeout: Option<Seconds>,
    ) -> Result<Vec<WebhookDeliveryAttempt>, SePayError> {
        let timeout = timeout.unwrap_or(Seconds(5.0)).duration("timeout")?;
        let seen = self.with("emulator.webhook_deliveries", |k| {
            k.wait_for_deliveries(wait_for as usize, timeout)
        })?;
        Ok(seen.into_iter().map(Into::into).collect())
    }

    /// How many API requests the emulator received.
    pub fn request_count(&self) -> Result<u64, SePayError> {
        Ok(self.with("emulator.requests", Kit::requests)?.len() as u64)
    }

    /// Stops the emulator (idempotent); later calls fail. Freeing the object
    /// (Kotlin `close()` / `use {}`, Swift `deinit`) stops it too.
    pub fn stop(&self) {
        if let Ok(mut kit) = self.kit.lock() {
            kit.close();
        }
    }
}
