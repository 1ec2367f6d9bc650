//! One entry point per notification kind: verify, parse, deduplicate, and say
//! what to reply. Framework-agnostic: it takes the method, headers and raw body
//! and runs no server.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

use super::bankhub::{BankHubEvent, BankHubIpn};
use super::dedup::{DedupStore, MemoryDedup};
use super::event::{parse_body, WebhookEvent};
use super::pg_ipn::PgIpn;
use super::reply::WebhookReply;
use super::verify::{header, rejected, WebhookAuth};

/// A verified, parsed notification.
#[derive(Debug, Clone, PartialEq)]
pub struct Received<T> {
    /// The event.
    pub event: T,
    /// Its deduplication key (pass it to [`WebhookReceiver::forget`] if handling failed).
    pub key: String,
    /// True when this key was already received: do not process it again, but reply.
    pub duplicate: bool,
    /// The reply SePay counts as success (also for duplicates).
    pub reply: WebhookReply,
}

/// Receives SePay's notifications for one endpoint.
#[derive(Clone)]
pub struct WebhookReceiver {
    auth: WebhookAuth,
    store: Arc<dyn DedupStore>,
}

impl std::fmt::Debug for WebhookReceiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookReceiver")
            .field("auth", &self.auth)
            .finish_non_exhaustive()
    }
}

impl WebhookReceiver {
    /// A receiver with an in-memory deduplication store.
    pub fn new(auth: WebhookAuth) -> Self {
        Self::with_store(auth, Arc::new(MemoryDedup::default()))
    }

    /// A receiver with your own deduplication store.
    pub fn with_store(auth: WebhookAuth, store: Arc<dyn DedupStore>) -> Self {
        WebhookReceiver { auth, store }
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
            method,
            headers,
            body,
            now,
            "webhook.receive",
            |e: &WebhookEvent| format!("tx:{}", e.id),
        )
    }

    /// A payment gateway IPN, deduplicated on notification type + transaction id.
    pub fn receive_pg_ipn(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Result<Received<PgIpn>> {
        self.handle(
            method,
            headers,
            body,
            now,
            "webhook.receive_pg_ipn",
            |e: &PgIpn| format!("pg:{:?}:{}", e.notification_type, e.transaction.id),
        )
    }

    /// A Bank Hub balance-change IPN, deduplicated on `transaction_id`.
    pub fn receive_bankhub_ipn(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Result<Received<BankHubIpn>> {
        self.handle(
            method,
            headers,
            body,
            now,
            "webhook.receive_bankhub_ipn",
            |e: &BankHubIpn| format!("bhipn:{}", e.transaction_id),
        )
    }

    /// A Bank Hub linking event, deduplicated on `xid`.
    pub fn receive_bankhub_event(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Result<Received<BankHubEvent>> {
        self.handle(
            method,
            headers,
            body,
            now,
            "webhook.receive_bankhub_event",
            |e: &BankHubEvent| format!("bhev:{}", e.xid),
        )
    }

    /// Forgets a key so SePay's redelivery is processed again.
    pub fn forget(&self, key: &str) {
        self.store.forget(key);
    }

    /// The reply for a failed [`receive`](Self::receive): 401 for verification
    /// failures, 400 for unreadable bodies.
    pub fn error_reply(error: &Error) -> WebhookReply {
        match error {
            Error::WebhookVerification { .. } => WebhookReply::unauthorized(),
            _ => WebhookReply::bad_request(),
        }
    }

    fn handle<T: DeserializeOwned>(
        &self,
        method: &str,
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
        operation: &str,
        key_of: impl Fn(&T) -> String,
    ) -> Result<Received<T>> {
        if !method.eq_ignore_ascii_case("POST") {
            return Err(rejected(format!("expected a POST, got {method}")));
        }
        self.auth.verify(headers, body, now)?;
        let event: T = parse_body(operation, header(headers, "content-type"), body)?;
        let key = key_of(&event);
        let duplicate = !self.store.insert_if_new(&key);
        Ok(Received {
            event,
            key,
            duplicate,
            reply: WebhookReply::success(self.auth.success_status()),
        })
    }
}
