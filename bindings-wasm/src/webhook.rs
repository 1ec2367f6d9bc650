//! Receiving SePay's notifications: a receiver per endpoint and auth mode, the
//! OAuth2-mode token issuer and `hmacSignature`. The core verifies, parses,
//! deduplicates and chooses the reply; this file converts headers, bodies and
//! results (the options object and the JavaScript dedup store: `dedup.rs`;
//! with a `SharedState` store the claim is made in Redis, in a Promise).

use std::sync::Arc;
use std::time::Duration;

use js_sys::{Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use sepay::shared::SharedDedup;
use sepay::webhook::{
    self, Claim, DedupStore, Delivery, Received, WebhookAuth, WebhookReceiver, WebhookReply,
};
use sepay::Error;

use crate::calls::to_promise;
use crate::convert::{error, to_js};
use crate::dedup::receiver_options;
use crate::shared_state::WasmSharedState;

/// Unix seconds now.
fn now() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

fn reply_js(reply: &WebhookReply) -> Result<JsValue, JsValue> {
    to_js(&serde_json::json!({
        "status": reply.status,
        "headers": { "content-type": reply.content_type },
        "body": reply.body,
    }))
}

/// `{event, key, delivery, duplicate, reply}` for `index.js`.
fn received_js<T: Serialize>(r: Received<T>) -> Result<JsValue, JsValue> {
    let out = js_sys::Object::new();
    Reflect::set(&out, &"event".into(), &to_js(&r.event)?)?;
    Reflect::set(&out, &"key".into(), &r.key.into())?;
    Reflect::set(&out, &"delivery".into(), &r.delivery.as_str().into())?;
    Reflect::set(&out, &"duplicate".into(), &r.duplicate.into())?;
    Reflect::set(&out, &"reply".into(), &reply_js(&r.reply)?)?;
    Ok(out.into())
}

fn seconds(name: &str, value: f64) -> Result<Duration, JsValue> {
    sepay::config::seconds(name, value).map_err(|e| error(&e))
}

/// Issues and checks the bearer tokens SePay requests in OAuth2 mode.
#[wasm_bindgen]
pub struct WasmTokenIssuer {
    inner: webhook::WebhookTokenIssuer,
}

#[wasm_bindgen]
impl WasmTokenIssuer {
    #[wasm_bindgen(constructor)]
    pub fn new(
        client_id: String,
        client_secret: String,
        ttl_seconds: f64,
    ) -> Result<WasmTokenIssuer, JsValue> {
        let ttl = seconds("ttlSeconds", ttl_seconds)?;
        let inner = webhook::WebhookTokenIssuer::new(client_id, client_secret, ttl)
            .map_err(|e| error(&e))?;
        Ok(WasmTokenIssuer { inner })
    }

    /// Answers SePay's token request body: `{status, headers, body}`.
    pub fn issue(&self, body: &[u8]) -> Result<JsValue, JsValue> {
        let r = self.inner.issue(body, now());
        to_js(&serde_json::json!({
            "status": r.status,
            "headers": { "content-type": "application/json" },
            "body": r.body,
        }))
    }

    /// The core's description, secret masked.
    pub fn describe(&self) -> String {
        format!("{:?}", self.inner)
    }
}

/// A receiver for one endpoint.
#[wasm_bindgen]
pub struct WasmWebhookReceiver {
    inner: WebhookReceiver,
    /// Deduplication in the shared state (Redis), claimed asynchronously;
    /// the core's receiver then holds a store that answers `New` to all.
    shared: Option<Arc<SharedDedup>>,
}

/// The core receiver's store when the claim is made asynchronously in the
/// shared state: it records nothing and lets every delivery through to the
/// real claim.
struct ClaimLater;

impl DedupStore for ClaimLater {
    fn claim(&self, _key: &str, _lease: Duration) -> sepay::Result<Claim> {
        Ok(Claim::New)
    }
    fn complete(&self, _key: &str) -> sepay::Result<()> {
        Ok(())
    }
    fn release(&self, _key: &str) -> sepay::Result<()> {
        Ok(())
    }
}

/// Builds a receiver in `auth` mode from the factory's options object and,
/// for deduplication in Redis, the shared state.
fn receiver(
    auth: WebhookAuth,
    options: JsValue,
    shared: Option<WasmSharedState>,
) -> Result<WasmWebhookReceiver, JsValue> {
    let shared = shared.map(|s| Arc::new(SharedDedup::new_async(s.state)));
    let build = || -> sepay::Result<WebhookReceiver> {
        let hmac = matches!(auth, WebhookAuth::Hmac { .. });
        let mut o = receiver_options(&options, hmac)?;
        if shared.is_some() {
            o.store = Arc::new(ClaimLater);
        }
        let auth = match (auth, o.tolerance) {
            (WebhookAuth::Hmac { secret, .. }, Some(tolerance)) => {
                WebhookAuth::Hmac { secret, tolerance }
            }
            (auth, _) => auth,
        };
        let mut r = WebhookReceiver::with_store(auth, o.store)?;
        if let Some(encoding) = o.encoding {
            r = r.with_encoding(encoding)?;
        }
        if let Some(lease) = o.lease {
            r = r.with_lease(lease)?;
        }
        if let Some(window) = o.replay_window {
            r = r.with_replay_window(window)?;
        }
        Ok(r)
    };
    let inner = build().map_err(|e| error(&e))?;
    Ok(WasmWebhookReceiver { inner, shared })
}

/// Claims a verified delivery in the shared state and applies the core's
/// decision, in a Promise.
fn claim_later<T: Serialize + 'static>(
    inner: WebhookReceiver,
    dedup: Arc<SharedDedup>,
    received: sepay::Result<Received<T>>,
) -> Promise {
    to_promise(async move {
        let mut r = received.map_err(|e| error(&e))?;
        let claim = dedup
            .claim_async(&r.key, inner.lease())
            .await
            .map_err(|e| error(&e))?;
        let (delivery, reply) = inner.decide(claim);
        r.duplicate = delivery != Delivery::New;
        r.delivery = delivery;
        r.reply = reply;
        received_js(r)
    })
}

fn not_shared() -> JsValue {
    error(&sepay::Error::Configuration {
        message: "this receiver's store is not a SharedState".into(),
    })
}

/// Headers as `[name, value, name, value, ...]` (flattened by `index.js`).
fn pairs(flat: Vec<String>) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(flat.len() / 2);
    let mut it = flat.into_iter();
    while let (Some(n), Some(v)) = (it.next(), it.next()) {
        out.push((n, v));
    }
    out
}

#[wasm_bindgen]
impl WasmWebhookReceiver {
    /// No authentication (rely on an IP allowlist).
    pub fn none(
        options: JsValue,
        shared: Option<WasmSharedState>,
    ) -> Result<WasmWebhookReceiver, JsValue> {
        receiver(WebhookAuth::None, options, shared)
    }

    /// `Authorization: Apikey <key>`.
    pub fn api_key(
        key: String,
        options: JsValue,
        shared: Option<WasmSharedState>,
    ) -> Result<WasmWebhookReceiver, JsValue> {
        receiver(WebhookAuth::ApiKey(key.into()), options, shared)
    }

    /// HMAC signatures within `toleranceSeconds` (default: SePay's 300 s).
    pub fn hmac(
        secret: String,
        options: JsValue,
        shared: Option<WasmSharedState>,
    ) -> Result<WasmWebhookReceiver, JsValue> {
        receiver(WebhookAuth::hmac(secret), options, shared)
    }

    /// `Authorization: Bearer <token>` issued by `issuer`.
    pub fn oauth2(
        issuer: &WasmTokenIssuer,
        options: JsValue,
        shared: Option<WasmSharedState>,
    ) -> Result<WasmWebhookReceiver, JsValue> {
        receiver(WebhookAuth::OAuth2(issuer.inner.clone()), options, shared)
    }

    /// `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events).
    pub fn secret_key(
        secret: String,
        options: JsValue,
        shared: Option<WasmSharedState>,
    ) -> Result<WasmWebhookReceiver, JsValue> {
        receiver(WebhookAuth::SecretKey(secret.into()), options, shared)
    }

    pub fn receive(
        &self,
        method: &str,
        headers: Vec<String>,
        body: &[u8],
    ) -> Result<JsValue, JsValue> {
        let r = self.inner.receive(method, &pairs(headers), body, now());
        self.finish(r)
    }

    pub fn receive_pg_ipn(
        &self,
        method: &str,
        headers: Vec<String>,
        body: &[u8],
    ) -> Result<JsValue, JsValue> {
        let r = self
            .inner
            .receive_pg_ipn(method, &pairs(headers), body, now());
        self.finish(r)
    }

    pub fn receive_bankhub_ipn(
        &self,
        method: &str,
        headers: Vec<String>,
        body: &[u8],
    ) -> Result<JsValue, JsValue> {
        let r = self
            .inner
            .receive_bankhub_ipn(method, &pairs(headers), body, now());
        self.finish(r)
    }

    pub fn receive_bankhub_event(
        &self,
        method: &str,
        headers: Vec<String>,
        body: &[u8],
    ) -> Result<JsValue, JsValue> {
        let r = self
            .inner
            .receive_bankhub_event(method, &pairs(headers), body, now());
        self.finish(r)
    }

    /// True when deduplication is in the shared state: `receive_shared`,
    /// `complete_shared` and `release_shared` (Promises) are the methods.
    pub fn is_shared(&self) -> bool {
        self.shared.is_some()
    }

    /// `kind` (a `webhook.receive*` function name) with the claim in the
    /// shared state: verification and parsing errors throw now, the rest is
    /// a Promise of the received delivery.
    pub fn receive_shared(
        &self,
        kind: &str,
        method: &str,
        headers: Vec<String>,
        body: &[u8],
    ) -> Result<Promise, JsValue> {
        let dedup = self.shared.clone().ok_or_else(|| not_shared())?;
        let (inner, headers, now) = (self.inner.clone(), pairs(headers), now());
        Ok(match kind {
            "webhook.receive" => claim_later(
                inner.clone(),
                dedup,
                inner.receive(method, &headers, body, now),
            ),
            "webhook.receive_pg_ipn" => claim_later(
                inner.clone(),
                dedup,
                inner.receive_pg_ipn(method, &headers, body, now),
            ),
            "webhook.receive_bankhub_ipn" => claim_later(
                inner.clone(),
                dedup,
                inner.receive_bankhub_ipn(method, &headers, body, now),
            ),
            "webhook.receive_bankhub_event" => claim_later(
                inner.clone(),
                dedup,
                inner.receive_bankhub_event(method, &headers, body, now),
            ),
            other => {
                return Err(error(&sepay::Error::Configuration {
                    message: format!("unknown receive kind {other}"),
                }))
            }
        })
    }

    /// `complete` in the shared state (a Promise).
    pub fn complete_shared(&self, key: String) -> Result<Promise, JsValue> {
        let dedup = self.shared.clone().ok_or_else(|| not_shared())?;
        Ok(to_promise(async move {
            dedup
                .complete_async(&key)
                .await
                .map(|()| JsValue::UNDEFINED)
                .map_err(|e| error(&e))
        }))
    }

    /// `release` in the shared state (a Promise).
    pub fn release_shared(&self, key: String) -> Result<Promise, JsValue> {
        let dedup = self.shared.clone().ok_or_else(|| not_shared())?;
        Ok(to_promise(async move {
            dedup
                .release_async(&key)
                .await
                .map(|()| JsValue::UNDEFINED)
                .map_err(|e| error(&e))
        }))
    }

    /// Marks a key handled: later deliveries are duplicates.
    pub fn complete(&self, key: &str) -> Result<(), JsValue> {
        self.inner.complete(key).map_err(|e| error(&e))
    }

    /// Gives a key up (handling failed): SePay's next retry is processed.
    pub fn release(&self, key: &str) -> Result<(), JsValue> {
        self.inner.release(key).map_err(|e| error(&e))
    }

    /// A made-up delivery this receiver accepts, for `transaction` (the
    /// camelCase JSON of `TestTransaction`) at Unix seconds `now` (NaN:
    /// now): `[[name, value, ...], body]`.
    pub fn test_delivery(
        &self,
        transaction: &str,
        now_secs: f64,
    ) -> Result<js_sys::Array, JsValue> {
        let at = if now_secs.is_nan() {
            now()
        } else if now_secs.is_finite() && now_secs.fract() == 0.0 {
            now_secs as i64
        } else {
            let message = format!("must be whole Unix seconds, got {now_secs}");
            return Err(error(&Error::invalid_param(
                "webhook.test_delivery",
                "now",
                message,
            )));
        };
        let txn = webhook::TestTransaction::from_json(transaction).map_err(|e| error(&e))?;
        let delivery = self.inner.test_delivery(&txn, at).map_err(|e| error(&e))?;
        let headers = js_sys::Array::new();
        for (name, value) in &delivery.headers {
            headers.push(&name.into());
            headers.push(&value.into());
        }
        let body = js_sys::Uint8Array::from(delivery.body.as_slice());
        Ok(js_sys::Array::of2(&headers, &body))
    }

    /// The core's description, secrets masked.
    pub fn describe(&self) -> String {
        format!("{:?}", self.inner)
    }

    fn finish<T: Serialize>(&self, r: sepay::Result<Received<T>>) -> Result<JsValue, JsValue> {
        received_js(r.map_err(|e| error(&e))?)
    }
}

/// The core's reply for a failed receive, from the error's kind (401
/// unverified, 503 store failure, 400 otherwise).
#[wasm_bindgen(js_name = webhookErrorReply)]
pub fn webhook_error_reply(kind: &str) -> Result<JsValue, JsValue> {
    let like = match kind {
        "webhook_verification" => Error::WebhookVerification {
            reason: String::new(),
        },
        "store" => Error::store("", ""),
        _ => Error::Configuration {
            message: String::new(),
        },
    };
    reply_js(&WebhookReceiver::error_reply(&like))
}

/// 503 "retry later": the reply when handling a new delivery failed.
#[wasm_bindgen(js_name = webhookRetryLater)]
pub fn webhook_retry_later() -> Result<JsValue, JsValue> {
    reply_js(&WebhookReply::retry_later())
}

/// `sha256=<hex>` over `"{timestamp}.{body}"`: the `X-SePay-Signature` SePay sends.
#[wasm_bindgen(js_name = hmacSignature)]
pub fn hmac_signature(secret: &str, timestamp: f64, body: &[u8]) -> Result<String, JsValue> {
    if !timestamp.is_finite() || timestamp.fract() != 0.0 {
        let message = format!("must be whole Unix seconds, got {timestamp}");
        let e = Error::invalid_param("webhook.hmac_signature", "timestamp", message);
        return Err(error(&e));
    }
    Ok(webhook::hmac_signature(secret, timestamp as i64, body))
}

/// Every client-less function of the core, by name (`webhook.receive`, ...).
#[wasm_bindgen]
pub fn functions() -> Vec<String> {
    sepay::operations::FUNCTIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}
