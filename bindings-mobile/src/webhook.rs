//! Receiving SePay's notifications: `WebhookReceiver` (one per endpoint and
//! auth mode), `hmacSignature` and the OAuth2-mode `WebhookTokenIssuer`. The
//! core verifies, parses, deduplicates and chooses the reply; this file only
//! converts headers, bodies and results.

use std::sync::Arc;
use std::time::Duration;

use sepay::webhook::{self, BankHubEvent, BankHubIpn, PgIpn, WebhookAuth, WebhookEvent};

use crate::error::SePayError;

/// A name and a value: one request header, or one form field.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NameValue {
    /// The name (header names in any case).
    pub name: String,
    /// The value.
    pub value: String,
}

/// The HTTP reply to send back to SePay.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WebhookReply {
    /// Status code.
    pub status: u16,
    /// `Content-Type` header value.
    pub content_type: String,
    /// Body text.
    pub body: String,
}

impl From<webhook::WebhookReply> for WebhookReply {
    fn from(r: webhook::WebhookReply) -> Self {
        WebhookReply {
            status: r.status,
            content_type: r.content_type.to_string(),
            body: r.body.to_string(),
        }
    }
}

macro_rules! received {
    ($name:ident, $event:ty, $doc:tt) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, uniffi::Record)]
        pub struct $name {
            /// The verified, parsed event.
            pub event: $event,
            /// Its deduplication key (pass it to `forget` if handling failed).
            pub key: String,
            /// True when this key was already received: do not process it again, but reply.
            pub duplicate: bool,
            /// The reply SePay counts as success (also for duplicates).
            pub reply: WebhookReply,
        }

        impl From<webhook::Received<$event>> for $name {
            fn from(r: webhook::Received<$event>) -> Self {
                $name {
                    event: r.event,
                    key: r.key,
                    duplicate: r.duplicate,
                    reply: r.reply.into(),
                }
            }
        }
    };
}

received!(ReceivedWebhook, WebhookEvent, "A verified user webhook.");
received!(ReceivedPgIpn, PgIpn, "A verified payment gateway IPN.");
received!(
    ReceivedBankHubIpn,
    BankHubIpn,
    "A verified Bank Hub balance-change IPN."
);
received!(
    ReceivedBankHubEvent,
    BankHubEvent,
    "A verified Bank Hub linking event."
);

fn pairs(headers: Vec<NameValue>) -> Vec<(String, String)> {
    headers.into_iter().map(|h| (h.name, h.value)).collect()
}

/// Issues and checks the access tokens SePay requests in OAuth2 mode.
/// `toString()` / `description` masks the client secret.
#[derive(uniffi::Object)]
#[uniffi::export(Debug)]
pub struct WebhookTokenIssuer {
    inner: webhook::WebhookTokenIssuer,
}

impl std::fmt::Debug for WebhookTokenIssuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.inner, f)
    }
}

/// The token endpoint's answer (send `body` as `application/json`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TokenReply {
    /// Status code.
    pub status: u16,
    /// JSON body.
    pub body: String,
}

#[uniffi::export]
impl WebhookTokenIssuer {
    /// An issuer for the client id and secret configured in SePay's dashboard;
    /// access tokens live for `ttl`.
    #[uniffi::constructor]
    pub fn new(client_id: String, client_secret: String, ttl: Duration) -> Arc<Self> {
        Arc::new(WebhookTokenIssuer {
            inner: webhook::WebhookTokenIssuer::new(client_id, client_secret, ttl),
        })
    }

    /// Answers SePay's token request body; `now` is Unix seconds.
    pub fn issue(&self, body: Vec<u8>, now: i64) -> TokenReply {
        let r = self.inner.issue(&body, now);
        TokenReply {
            status: r.status,
            body: r.body,
        }
    }
}

/// Receives SePay's notifications for one endpoint: verifies them in its auth
/// mode, parses JSON, form-urlencoded and multipart bodies, deduplicates (in
/// memory) and says what to reply. It runs no server.
#[derive(uniffi::Object)]
#[uniffi::export(Debug)]
pub struct WebhookReceiver {
    inner: webhook::WebhookReceiver,
}

impl std::fmt::Debug for WebhookReceiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.inner, f)
    }
}

fn receiver(auth: WebhookAuth) -> Arc<WebhookReceiver> {
    Arc::new(WebhookReceiver {
        inner: webhook::WebhookReceiver::new(auth),
    })
}

#[uniffi::export]
impl WebhookReceiver {
    /// No authentication (rely on an IP allowlist).
    #[uniffi::constructor]
    pub fn no_auth() -> Arc<Self> {
        receiver(WebhookAuth::None)
    }

    /// `Authorization: Apikey <key>`.
    #[uniffi::constructor]
    pub fn api_key(key: String) -> Arc<Self> {
        receiver(WebhookAuth::ApiKey(key.into()))
    }

    /// HMAC-SHA256 signatures with timestamps within `tolerance` of `now`
    /// (null: SePay's 5 minutes).
    #[uniffi::constructor(default(tolerance))]
    pub fn hmac(secret: String, tolerance: Option<Duration>) -> Arc<Self> {
        receiver(match tolerance {
            None => WebhookAuth::hmac(secret),
            Some(tolerance) => WebhookAuth::Hmac {
                secret: secret.into(),
                tolerance,
            },
        })
    }

    /// `Authorization: Bearer <token>` issued by `issuer`.
    #[uniffi::constructor]
    pub fn oauth2(issuer: Arc<WebhookTokenIssuer>) -> Arc<Self> {
        receiver(WebhookAuth::OAuth2(issuer.inner.clone()))
    }

    /// `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events).
    #[uniffi::constructor]
    pub fn secret_key(secret: String) -> Arc<Self> {
        receiver(WebhookAuth::SecretKey(secret.into()))
    }

    /// A user webhook; `now` is Unix seconds.
    pub fn receive(
        &self,
        method: String,
        headers: Vec<NameValue>,
        body: Vec<u8>,
        now: i64,
    ) -> Result<ReceivedWebhook, SePayError> {
        Ok(self
            .inner
            .receive(&method, &pairs(headers), &body, now)?
            .into())
    }

    /// A payment gateway IPN; `now` is Unix seconds.
    pub fn receive_pg_ipn(
        &self,
        method: String,
        headers: Vec<NameValue>,
        body: Vec<u8>,
        now: i64,
    ) -> Result<ReceivedPgIpn, SePayError> {
        Ok(self
            .inner
            .receive_pg_ipn(&method, &pairs(headers), &body, now)?
            .into())
    }

    /// A Bank Hub balance-change IPN; `now` is Unix seconds.
    pub fn receive_bankhub_ipn(
        &self,
        method: String,
        headers: Vec<NameValue>,
        body: Vec<u8>,
        now: i64,
    ) -> Result<ReceivedBankHubIpn, SePayError> {
        Ok(self
            .inner
            .receive_bankhub_ipn(&method, &pairs(headers), &body, now)?
            .into())
    }

    /// A Bank Hub linking event; `now` is Unix seconds.
    pub fn receive_bankhub_event(
        &self,
        method: String,
        headers: Vec<NameValue>,
        body: Vec<u8>,
        now: i64,
    ) -> Result<ReceivedBankHubEvent, SePayError> {
        Ok(self
            .inner
            .receive_bankhub_event(&method, &pairs(headers), &body, now)?
            .into())
    }

    /// Forgets a key so SePay's redelivery is processed again.
    pub fn forget(&self, key: String) {
        self.inner.forget(&key);
    }
}

/// The reply for a failed `receive`: 401 for verification failures, 400 for
/// unreadable bodies.
#[uniffi::export]
pub fn webhook_error_reply(error: SePayError) -> WebhookReply {
    match error {
        SePayError::WebhookVerification { .. } => webhook::WebhookReply::unauthorized(),
        _ => webhook::WebhookReply::bad_request(),
    }
    .into()
}

/// `sha256=<hex>` over `"{timestamp}.{body}"`: the `X-SePay-Signature` SePay sends.
#[uniffi::export]
pub fn hmac_signature(secret: String, timestamp: i64, body: Vec<u8>) -> String {
    webhook::hmac_signature(&secret, timestamp, &body)
}
