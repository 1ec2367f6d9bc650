//! Kotlin (JVM) and Swift bindings of the `sepay` core, generated with uniffi.
//!
//! This crate only translates: it wraps core objects, converts types and maps
//! errors. Models, parameters, money and time types come from the core (its
//! `uniffi` feature derives them), so a field added there reaches Kotlin and
//! Swift by rebuilding. Every async export runs on uniffi's tokio runtime
//! (`async_runtime = "tokio"`), which reqwest and the core's timers need.

uniffi::setup_scaffolding!("sepay_mobile");

/// A page record for one item type (the core's `Page<T>` is generic).
macro_rules! page_record {
    ($name:ident, $item:ty, $doc:tt) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, uniffi::Record)]
        pub struct $name {
            /// The items on this page.
            pub items: Vec<$item>,
            /// Page metadata, when SePay sends it.
            pub pagination: Option<sepay::Pagination>,
        }

        impl From<sepay::Page<$item>> for $name {
            fn from(page: sepay::Page<$item>) -> Self {
                $name {
                    items: page.items,
                    pagination: page.pagination,
                }
            }
        }
    };
}

mod bank_hub;
mod client;
mod dedup;
mod error;
mod generated;
mod oauth;
mod observe;
mod orders;
mod paginator;
mod pg;
mod qr;
mod seconds;
mod shared_state;
mod testing;
mod webhook;

pub use bank_hub::BankHubWebhook;
pub use client::{ClientOptions, SePayClient};
pub use dedup::{DedupStore, DedupStoreError};
pub use error::SePayError;
pub use generated::*;
pub use oauth::{
    OAuthTokens, OAuthWebhook, OAuthWebhookPage, OAuthWebhookParams, TokenStore, TokenStoreError,
};
pub use orders::{VaOrderPage, VaOrders};
pub use pg::CheckoutForm;
pub use qr::{vietqr_decode, vietqr_image_url, vietqr_payload};
pub use seconds::Seconds;
pub use testing::{
    Emulator, EmulatorCredentials, EmulatorOptions, EmulatorWebhookAuth, SimulatedPayment,
    WebhookDeliveryAttempt,
};
pub use webhook::{
    hmac_signature, webhook_error_reply, webhook_retry_later_reply, NameValue,
    ReceivedBankHubEvent, ReceivedBankHubIpn, ReceivedPgIpn, ReceivedWebhook, TokenReply,
    WebhookReceiver, WebhookReply, WebhookTokenIssuer,
};

/// Every operation the core offers, by stable name (`v2.transactions.iter`, ...).
/// Each maps to a method chain on [`SePayClient`]: `client.v2().transactions().iter(...)`.
#[uniffi::export]
pub fn operations() -> Vec<String> {
    sepay::operations::OPERATIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Every client-less function of the core (`webhook.receive`, `qr.payload`,
/// ...): module-level functions here, or methods of the receiver / issuer.
#[uniffi::export]
pub fn functions() -> Vec<String> {
    sepay::operations::FUNCTIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// The SDK version (the core's crate version).
#[uniffi::export]
pub fn sdk_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
