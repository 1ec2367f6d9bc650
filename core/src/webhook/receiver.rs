//! One entry point per notification kind: verify, parse, deduplicate, and say
//! what to reply. Framework-agnostic: it takes the method, headers and raw body
//! and runs no server.

use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

use super::bankhub::{BankHubEvent, BankHubIpn};
use super::dedup::{Claim, DedupStore, MemoryDedup};
use super::event::{parse_body, WebhookEvent};
use super::form::BodyEncoding;
use super::pg_ipn::PgIpn;
use super::reply::WebhookReply;
use super::test_delivery::{TestDelivery, TestTransaction};
use super::verify::{rejected, WebhookAuth};

/// What to do with a verified delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Delivery {
    /// First delivery (or a retry after a release or an expired lease): handle
    /// the event, then `complete` the key and send `reply`; on failure
    /// `release` it and send the "retry later" reply (503).
    New,
    /// Already handled: do not handle again; send `reply` (success).
    Duplicate,
    /// Another request is handling it right now: send `reply` (503, SePay retries).
    InProgress,
}

impl Delivery {
    /// `new`, `duplicate` or `in_progress`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Delivery::New => "new",
            Delivery::Duplicate => "duplicate",
            Delivery::InProgress => "in_progress",
        }
    }
}

/// A verified, parsed notification.
#[derive(Debug, Clone, PartialEq)]
pub struct Received<T> {
    /// The event.
    pub event: T,
    /// Its deduplication key (pass it to `complete` or `release`).
    pub key: String,
    /// Whether to handle it.
    pub delivery: Delivery,
    /// True unless `delivery` is [`Delivery::New`]: do not handle it.
    pub duplicate: bool,
    /// The reply to send: success for new (once handled) and duplicate
    /// deliveries, 503 "retry later" for one in progress.
    pub reply: WebhookReply,
}

/// How long a delivery may hold its event's key before another delivery may
/// take over (SePay waits 30 s for an answer). Default 60 s.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(60);

/// How far the time inside a payment gateway IPN or Bank Hub event may lie
/// from now (SePay stops retrying after about 33 minutes, queues hold items
/// up to 5 hours). Default 6 hours.
pub const DEFAULT_REPLAY_WINDOW: Duration = Duration::from_secs(6 * 3600);

/// Receives SePay's notifications for one endpoint.
///
/// ```
/// use sepay::webhook::{Delivery, TestTransaction, WebhookAuth, WebhookReceiver};
/// use sepay::Amount;
///
/// let receiver = WebhookReceiver::new(WebhookAuth::hmac("whsec_your_secret"))?;
/// // In a test, a made-up delivery; in production, the request's headers and body.
/// let now = 1_767_236_400;
/// let txn = TestTransaction::incoming(Amount::from_dong(150_000), "DH42 thanh toan");
/// let request = receiver.test_delivery(&txn, now)?;
///
/// let got = receiver.receive("POST", &request.headers, &request.body, now)?;
/// if got.delivery == Delivery::New {
///     // ... mark the order paid, then:
///     receiver.complete(&got.key)?;
/// }
/// assert_eq!(got.reply.status, 200); // send `got.reply` back to SePay
/// # Ok::<(), sepay::Error>(())
/// ```
#[derive(Clone)]
pub struct WebhookReceiver {
    auth: WebhookAuth,
    store: Arc<dyn DedupStore>,
    encoding: BodyEncoding,
    lease: Duration,
    replay_window: Duration,
}

impl std::fmt::Debug for WebhookReceiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookReceiver")
            .field("auth", &self.auth)
            .field("encoding", &self.encoding)
            .finish_non_exhaustive()
    }
}

impl WebhookReceiver {
    /// A receiver with an in-memory deduplication store. Refuses empty secrets.
    pub fn new(auth: WebhookAuth) -> Result<Self> {
        Self::with_store(auth, Arc::new(MemoryDedup::default()))
    }

    /// A receiver with your own deduplication store. Refuses empty secrets.
    pub fn with_store(auth: WebhookAuth, store: Arc<dyn DedupStore>) -> Result<Self> {
        auth.check()?;
        Ok(WebhookReceiver {
            auth,
            store,
            encoding: BodyEncoding::Json,
            lease: DEFAULT_LEASE,
            replay_window: DEFAULT_REPLAY_WINDOW,
        })
    }

    /// Reads bodies in `encoding` (what you chose in SePay's webhook
    /// settings). Only unsigned modes (none, API key) may use form encodings:
    /// HMAC signatures cover JSON bodies.
    pub fn with_encoding(mut self, encoding: BodyEncoding) -> Result<Self> {
        let signed = !matches!(self.auth, WebhookAuth::None | WebhookAuth::ApiKey(_));
        if signed && encoding != BodyEncoding::Json {
            return Err(Error::config(format!(
                "{} webhooks are JSON; the {} encoding is only for API-key and unauthenticated webhooks",
                self.auth.mode(),
                encoding.as_str()
            )));
        }
        self.encoding = encoding;
        Ok(self)
    }

    /// How long a delivery holds its key (1 s to 1 day).
    pub fn with_lease(mut self, lease: Duration) -> Result<Self> {
        self.lease = within("lease", lease)?;
        Ok(self)
    }

    /// How far the time inside a PG IPN or Bank Hub event may lie from now
    /// (1 s to 1 day).
    pub fn with_replay_window(mut self, window: Duration) -> Result<Self> {
        self.replay_window = within("replay_window", window)?;
        Ok(self)
    }

    /// The encoding bodies are read in.
    pub fn encoding(&self) -> BodyEncoding {
        self.encoding
    }

    /// A made-up delivery of `txn` that this receiver accepts at Unix time
    /// `now`: the body in its encoding and the headers of its mode (HMAC
    /// signature and timestamp, API key, bearer token or secret key). For
    /// testing a webhook handler without SePay.
    pub fn test_delivery(&self, txn: &TestTransaction, now: i64) -> Result<TestDelivery> {
        super::test_delivery::build(&self.auth, self.encoding, txn, now)
    }

    /// A user webhook (one bank transaction), deduplicated on its `id`.
    pub fn receive(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Result<Received<WebhookEvent>> {
        self.handle(
            Request {
                method,
                headers,
                body,
                now,
            },
            "webhook.receive",
            |e: &WebhookEvent| (format!("tx:{}", e.id), None),
        )
    }

    /// A payment gateway IPN, deduplicated on notification type + transaction
    /// id; its `timestamp` must lie within the replay window.
    pub fn receive_pg_ipn(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Result<Received<PgIpn>> {
        self.handle(
            Request {
                method,
                headers,
                body,
                now,
            },
            "webhook.receive_pg_ipn",
            |e: &PgIpn| {
                let key = format!("pg:{:?}:{}", e.notification_type, e.transaction.id);
                (key, Some(e.timestamp))
            },
        )
    }

    /// A Bank Hub balance-change IPN, deduplicated on `transaction_id` (its
    /// only time is the bank's transaction time, not the time of sending).
    pub fn receive_bankhub_ipn(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Result<Received<BankHubIpn>> {
        self.handle(
            Request {
                method,
                headers,
                body,
                now,
            },
            "webhook.receive_bankhub_ipn",
            |e: &BankHubIpn| (format!("bhipn:{}", e.transaction_id), None),
        )
    }

    /// A Bank Hub linking event, deduplicated on `xid`; its `timestamp` must
    /// lie within the replay window.
    pub fn receive_bankhub_event(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Result<Received<BankHubEvent>> {
        self.handle(
            Request {
                method,
                headers,
                body,
                now,
            },
            "webhook.receive_bankhub_event",
            |e: &BankHubEvent| (format!("bhev:{}", e.xid), Some(e.timestamp)),
        )
    }

    /// Marks a `Received.key` handled: later deliveries are duplicates.
    pub fn complete(&self, key: &str) -> Result<()> {
        self.store.complete(key)
    }

    /// Gives up a `Received.key` (handling failed): SePay's next retry is
    /// processed again. Reply [`WebhookReply::retry_later`] meanwhile.
    pub fn release(&self, key: &str) -> Result<()> {
        self.store.release(key)
    }

    /// How long a delivery holds its key.
    pub fn lease(&self) -> Duration {
        self.lease
    }

    /// What a claim means for the delivery and its reply. The `receive*`
    /// methods apply it; a binding whose store answers asynchronously (the
    /// shared state from JavaScript) claims itself and applies it here.
    pub fn decide(&self, claim: Claim) -> (Delivery, WebhookReply) {
        let success = || WebhookReply::success(self.auth.success_status());
        match claim {
            Claim::New => (Delivery::New, success()),
            Claim::Done => (Delivery::Duplicate, success()),
            Claim::InProgress => (Delivery::InProgress, WebhookReply::retry_later()),
        }
    }

    /// The reply for a failed [`receive`](Self::receive): 401 for verification
    /// failures, 503 when the dedup store failed (SePay retries), 400 for
    /// unreadable bodies.
    pub fn error_reply(error: &Error) -> WebhookReply {
        match error {
            Error::WebhookVerification { .. } => WebhookReply::unauthorized(),
            Error::Store { .. } => WebhookReply::retry_later(),
            _ => WebhookReply::bad_request(),
        }
    }

    fn handle<T: DeserializeOwned>(
        &self,
        request: Request<'_>,
        operation: &str,
        key_of: impl Fn(&T) -> (String, Option<i64>),
    ) -> Result<Received<T>> {
        let Request {
            method,
            headers,
            body,
            now,
        } = request;
        if !method.eq_ignore_ascii_case("POST") {
            return Err(rejected(format!("expected a POST, got {method}")));
        }
        self.auth.verify(headers, body, now)?;
        let event: T = parse_body(operation, self.encoding, body)?;
        let (key, sent_at) = key_of(&event);
        if let Some(at) = sent_at {
            let skew = now.abs_diff(at);
            if skew > self.replay_window.as_secs() {
                return Err(rejected(format!(
                    "the notification's timestamp is {skew} s away from now (more than {} s): stale or replayed",
                    self.replay_window.as_secs()
                )));
            }
        }
        let (delivery, reply) = self.decide(self.store.claim(&key, self.lease)?);
        Ok(Received {
            event,
            key,
            duplicate: delivery != Delivery::New,
            delivery,
            reply,
        })
    }
}

/// One inbound request as the receiver sees it.
struct Request<'a> {
    method: &'a str,
    headers: &'a [(String, String)],
    body: &'a [u8],
    now: i64,
}

fn within(name: &str, d: Duration) -> Result<Duration> {
    if d < Duration::from_secs(1) || d > crate::config::MAX_DURATION {
        return Err(Error::config(format!(
            "{name} must be 1 s to 1 day, got {d:?}"
        )));
    }
    Ok(d)
}
