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

pub mod bank_hub;
pub mod common;
pub mod dataset;
pub mod kit;
pub mod oauth;
pub mod payment_gateway;
pub mod redis_server;
pub mod server;
pub mod v1;
pub mod v2;
pub mod va_orders;
pub mod webhooks;

// Module paths of the flat layout that the SDK's tests and examples import.
pub use payment_gateway::admin as pg_admin;
pub use payment_gateway::store as pg_store;
pub use va_orders::pay as va_pay;
pub use webhooks::simulate;
pub use webhooks::target as webhook_target;

pub use dataset::DatasetStats;
pub use payment_gateway::admin::{PgPaid, PgPay};
pub use payment_gateway::model::{IpnPayload, OrderView};
pub use payment_gateway::store::IpnTarget;
pub use server::config::{ClientCredentials, OAuthClient, OAuthUser, SandboxConfig, V1Order};
pub use server::faults::{Fault, FaultConfig};
pub use server::handle::{start, SandboxHandle};
pub use server::log::LoggedRequest;
pub use va_orders::model::{OrderStatus, OrderVaView, VaOrderView, VaStatus};
pub use va_orders::pay::{VaPaid, VaPay};
pub use webhooks::deliveries::{DeliveryAttempt, IpnAttempt};
pub use webhooks::payload::WebhookPayload;
pub use webhooks::simulate::{SimulateTransaction, SimulatedTransaction};
pub use webhooks::target::{BodyFormat, RegisteredWebhook, WebhookAuth, WebhookTarget};
