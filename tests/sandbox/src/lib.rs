//! `sepay-sandbox`: a local emulator of SePay's User API v1 (`/userapi/…`)
//! and v2 (`/v2/…`) read endpoints over a deterministic dataset, the payment
//! gateway (`/pgapi/v1/…`, `/pay/v1/checkout/init`) and user-webhook / IPN
//! delivery, with rate limiting, fault injection and a request log, used by
//! the SDK test suites of every language. It deliberately does not depend on the `sepay` crate:
//! it is the independent contract the SDK is tested against.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use sepay_sandbox::{start, SandboxConfig};
//! let sb = start(SandboxConfig::default(), "127.0.0.1:0".parse().unwrap()).await?;
//! println!("{}", sb.base_url());
//! sb.shutdown().await;
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod accounts;
pub mod admin;
pub mod api;
pub mod auth;
pub mod bankhub_api;
pub mod bankhub_companies;
pub mod bankhub_data;
pub mod bankhub_links;
pub mod bankhub_merchant;
pub mod bankhub_store;
pub mod bankhub_token;
pub mod banks;
pub mod body;
pub mod config;
pub mod dataset;
pub mod deliveries;
pub mod faults;
pub mod handle;
pub mod hash;
pub mod ids;
pub mod jsonw;
pub mod log;
pub mod mangle;
pub mod money;
pub mod oauth_api;
pub mod oauth_authorize;
pub mod oauth_model;
pub mod oauth_store;
pub mod oauth_token;
pub mod oauth_webhooks;
pub mod params;
pub mod pg_admin;
pub mod pg_api;
pub mod pg_checkout;
pub mod pg_crypto;
pub mod pg_ipn;
pub mod pg_model;
pub mod pg_store;
pub mod ratelimit;
pub mod respond;
pub mod retry;
pub mod server;
pub mod sim_txn;
pub mod simulate;
pub mod state;
pub mod surface;
pub mod timefmt;
pub mod txn;
pub mod v1;
pub mod v1_accounts;
pub mod v1_model;
pub mod v2;
pub mod v2_accounts;
pub mod v2_model;
pub mod v2_params;
pub mod va_api;
pub mod va_model;
pub mod va_pay;
pub mod va_payments;
pub mod va_rules;
pub mod va_store;
pub mod webhook_admin;
pub mod webhook_auth;
pub mod webhook_payload;
pub mod webhook_send;
pub mod webhook_target;

pub use config::{OAuthClient, OAuthUser, SandboxConfig, V1Order};
pub use dataset::DatasetStats;
pub use deliveries::{DeliveryAttempt, IpnAttempt};
pub use faults::{Fault, FaultConfig};
pub use handle::{start, SandboxHandle};
pub use log::LoggedRequest;
pub use pg_admin::{PgPaid, PgPay};
pub use pg_model::{IpnPayload, OrderView};
pub use pg_store::IpnTarget;
pub use simulate::{SimulateTransaction, SimulatedTransaction};
pub use va_model::{OrderStatus, OrderVaView, VaOrderView, VaStatus};
pub use va_pay::{VaPaid, VaPay};
pub use webhook_payload::WebhookPayload;
pub use webhook_target::{BodyFormat, RegisteredWebhook, WebhookAuth, WebhookTarget};
