//! Receiving SePay's notifications: `WebhookReceiver` (one per endpoint and
//! auth mode), `hmacSignature` and the OAuth2-mode `WebhookTokenIssuer`. The
//! core verifies, parses, deduplicates and chooses the reply; this file only
//! converts headers, bodies, options and results.

use std::sync::Arc;

use sepay::webhook::{
    self, BankHubEvent, BankHubIpn, BodyEncoding, Delivery, PgIpn, WebhookAuth, WebhookEvent,
};

use crate::dedup::{DedupStore, ForeignDedup};
use crate::error::SePayError;
use crate::seconds::Seconds;

/// A name and a value: one request header, or one form field.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NameValue {
    /// The name (header names in any case).
    pub name: String,
    /// The value.
    pub value: String,
}

/// A made-up webhook delivery (`WebhookReceiver.testDelivery`): POST these
/// headers and body to the handler under test, or pass them to `receive`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TestDelivery {
    /// `Content-Type` and the authentication headers.
    pub headers: Vec<NameValue>,
    /// The body.
    pub body: Vec<u8>,
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
            /// Its deduplication key: pass it to `complete` once handled, or to
            /// `release` if handling failed.
            pub key: String,
            /// `New`: handle it, then `complete(key)` and send `reply` (on
            /// failure `release(key)` and send `WebhookReply.retryLater()`).
            /// `Duplicate`: already handled, send `reply`. `InProgress`: another
            /// request holds it, send `reply` (503, SePay retries later).
            pub delivery: Delivery,
            /// True unless `delivery` is `New`: do not handle it.
            pub duplicate: bool,
            /// The reply to send (success for new and duplicate deliveries, 503
            /// while another request handles the event).
            pub reply: WebhookReply,
        }

        impl From<webhook::Received<$event>> for $name {
            fn from(r: webhook::Received<$event>) -> Self {
                $name {
                    event: r.event,
                    key: r.key,
                    delivery: r.delivery,
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
    /// access tokens live for `ttl` (1 s to 1 day). Blank credentials are a
    /// Configuration error.
    #[uniffi::constructor]
    pub fn new(
        client_id: String,
        client_secret: String,
        ttl: Seconds,
    ) -> Result<Arc<Self>, SePayError> {
        let ttl = ttl.duration("ttl")?;
        Ok(Arc::new(WebhookTokenIssuer {
            inner: webhook::WebhookTokenIssuer::new(client_id, client_secret, ttl)?,
        }))
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
/// mode, parses bodies in its encoding (never by `Content-Type`), deduplicates
/// (in memory, or in your `DedupStore`) and says what to reply. It runs no
/// server. `toString()` / `description` masks the secret.
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

/// The options every constructor takes after its credentials.
struct Options {
    encoding: Option<BodyEncoding>,
    store: Option<Arc<dyn DedupStore>>,
    lease: Option<Seconds>,
    replay_window: Option<Seconds>,
}

fn receiver(auth: WebhookAuth, o: Options) -> Result<Arc<WebhookReceiver>, SePayError> {
    let mut inner = match o.store {
        Some(store) => webhook::WebhookReceiver::with_store(auth, Arc::new(ForeignDedup(store)))?,
        None => webhook::WebhookReceiver::new(auth)?,
    };
    if let Some(encoding) = o.encoding {
        inner = inner.with_encoding(encoding)?;
    }
    if let Some(lease) = o.lease {
        inner = inner.with_lease(lease.duration("lease")?)?;
    }
    if let Some(window) = o.replay_window {
        inner = inner.with_replay_window(window.duration("replay_window")?)?;
    }
    Ok(Arc::new(WebhookReceiver { inner }))
}

// Every constructor ends with the same options: `encoding` (what you chose in
// SePay's webhook settings; form encodings only for no-auth and API-key
// receivers, JSON by default), `store` (null: in memory, this process only),
// `lease` (how long a delivery holds its key, 1 s to 1 day, default 60 s) and
// `replay_window` (how far a PG IPN's or Bank Hub event's own time may lie from
// now, default 6 h). Blank secrets and invalid options are Configuration errors.
#[uniffi::export]
impl WebhookReceiver {
    /// No authentication (rely on an IP allowlist).
    #[uniffi::constructor(default(encoding = None, store = None, lease = None, replay_window = None))]
    pub fn no_auth(
        encoding: Option<BodyEncoding>,
        store: Option<Arc<dyn DedupStore>>,
        lease: Option<Seconds>,
        replay_window: Option<Seconds>,
    ) -> Result<Arc<Self>, SePayError> {
        let o = Options {
            encoding,
            store,
            lease,
            replay_window,
        };
        receiver(WebhookAuth::None, o)
    }

    /// `Authorization: Apikey <key>`.
    #[uniffi::constructor(default(encoding = None, store = None, lease = None, replay_window = None))]
    pub fn api_key(
        key: String,
        encoding: Option<BodyEncoding>,
        store: Option<Arc<dyn DedupStore>>,
        lease: Option<Seconds>,
        replay_window: Option<Seconds>,
    ) -> Result<Arc<Self>, SePayError> {
        let o = Options {
            encoding,
            store,
            lease,
            replay_window,
        };
        receiver(WebhookAuth::ApiKey(key.into()), o)
    }

    /// HMAC-SHA256 signatures with timestamps within `tolerance` of `now`
    /// (null: SePay's 5 minutes). Signed bodies are JSON.
    #[uniffi::constructor(default(tolerance = None, encoding = None, store = None, lease = None, replay_window = None))]
    pub fn hmac(
        secret: String,
        tolerance: Option<Seconds>,
        encoding: Option<BodyEncoding>,
        store: Option<Arc<dyn DedupStore>>,
        lease: Option<Seconds>,
        replay_window: Option<Seconds>,
    ) -> Result<Arc<Self>, SePayError> {
        let auth = match tolerance {
            None => WebhookAuth::hmac(secret),
            Some(t) => WebhookAuth::Hmac {
                secret: secret.into(),
                tolerance: t.duration("tolerance")?,
            },
        };
        receiver(
            auth,
            Options {
                encoding,
                store,
                lease,
                replay_window,
            },
        )
    }

    /// `Authorization: Bearer <token>` issued by `issuer`.
    #[uniffi::constructor(default(encoding = None, store = None, lease = None, replay_window = None))]
    pub fn oauth2(
        issuer: Arc<WebhookTokenIssuer>,
        encoding: Option<BodyEncoding>,
        store: Option<Arc<dyn DedupStore>>,
        lease: Option<Seconds>,
        replay_window: Option<Seconds>,
    ) -> Result<Arc<Self>, SePayError> {
        let o = Options {
            encoding,
            store,
            lease,
            replay_window,
        };
        receiver(WebhookAuth::OAuth2(issuer.inner.clone()), o)
    }

    /// `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events).
    #[uniffi::constructor(default(encoding = None, store = None, lease = None, replay_window = None))]
    pub fn secret_key(
        secret: String,
        encoding: Option<BodyEncoding>,
        store: Option<Arc<dyn DedupStore>>,
        lease: Option<Seconds>,
        replay_window: Option<Seconds>,
    ) -> Result<Arc<Self>, SePayError> {
        let o = Options {
            encoding,
            store,
            lease,
            replay_window,
        };
        receiver(WebhookAuth::SecretKey(secret.into()), o)
    }

    /// The encoding bodies are read in.
    pub fn encoding(&self) -> BodyEncoding {
        self.inner.encoding()
    }

    /// A made-up delivery this receiver accepts at Unix time `now`: the
    /// webhook SePay would send for `transaction`, in this receiver's
    /// encoding and mode (HMAC signature and timestamp, API key, bearer token
    /// or secret key), for testing a handler without SePay.
    pub fn test_delivery(
        &self,
        transaction: webhook::TestTransaction,
        now: i64,
    ) -> Result<TestDelivery, SePayError> {
        let delivery = self.inner.test_delivery(&transaction, now)?;
        Ok(TestDelivery {
            headers: delivery
                .headers
                .into_iter()
                .map(|(name, value)| NameValue { name, value })
                .collect(),
            body: delivery.body,
        })
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

    /// Marks a `New` delivery's key handled: later deliveries are duplicates.
    pub fn complete(&self, key: String) -> Result<(), SePayError> {
        Ok(self.inner.complete(&key)?)
    }

    /// Gives a `New` delivery's key up (handling failed): SePay's next retry
    /// is processed again. Reply `WebhookReply.retryLater()` meanwhile.
    pub fn release(&self, key: String) -> Result<(), SePayError> {
        Ok(self.inner.release(&key)?)
    }
}

/// The reply for a failed `receive` or `complete`: 401 for verification
/// failures, 503 when the dedup store failed (SePay retries), 400 for
/// unreadable bodies.
#[uniffi::export]
pub fn webhook_error_reply(error: SePayError) -> WebhookReply {
    webhook::WebhookReceiver::error_reply(&error.to_core()).into()
}

/// The reply after handling a `New` delivery failed (and its key was
/// released): 503, SePay delivers again later. Kotlin and Swift also offer it
/// as `WebhookReply.retryLater()`.
#[uniffi::export]
pub fn webhook_retry_later_reply() -> WebhookReply {
    webhook::WebhookReply::retry_later().into()
}

/// `sha256=<hex>` over `"{timestamp}.{body}"`: the `X-SePay-Signature` SePay sends.
#[uniffi::export]
pub fn hmac_signature(secret: String, timestamp: i64, body: Vec<u8>) -> String {
    webhook::hmac_signature(&secret, timestamp, &body)
}
