//! Receiving SePay's notifications: a receiver per endpoint and auth mode, the
//! OAuth2-mode token issuer and `hmacSignature`. The core verifies, parses,
//! deduplicates and chooses the reply; this file converts headers, bodies,
//! results and the JavaScript deduplication store.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use js_sys::{Function, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use sepay::webhook::{self, DedupStore, MemoryDedup, Received, WebhookAuth, WebhookReply};
use sepay::Error;

use crate::convert::{error, to_js};

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

/// `{event, key, duplicate, reply}` for `index.js`.
fn received_js<T: Serialize>(r: Received<T>) -> Result<JsValue, JsValue> {
    let out = js_sys::Object::new();
    Reflect::set(&out, &"event".into(), &to_js(&r.event)?)?;
    Reflect::set(&out, &"key".into(), &r.key.into())?;
    Reflect::set(&out, &"duplicate".into(), &r.duplicate.into())?;
    Reflect::set(&out, &"reply".into(), &reply_js(&r.reply)?)?;
    Ok(out.into())
}

/// A deduplication store written in JavaScript: `{ insertIfNew(key): boolean,
/// forget(key): void }`. The core's trait cannot fail, so an exception (or a
/// non-boolean answer) is kept and rethrown once the core returns; the event
/// then counts as new.
struct JsDedup {
    store: JsValue,
    failure: RefCell<Option<JsValue>>,
}

impl JsDedup {
    fn call(&self, name: &str, key: &str) -> Option<JsValue> {
        let result = Reflect::get(&self.store, &name.into())
            .and_then(|f| f.dyn_into::<Function>())
            .and_then(|f| f.call1(&self.store, &key.into()));
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.failure.borrow_mut().get_or_insert(e);
                None
            }
        }
    }

    fn take_failure(&self) -> Option<JsValue> {
        self.failure.borrow_mut().take()
    }
}

impl DedupStore for JsDedup {
    fn insert_if_new(&self, key: &str) -> bool {
        match self.call("insertIfNew", key).map(|v| v.as_bool()) {
            Some(Some(new)) => new,
            Some(None) => {
                let e = error(&Error::Configuration {
                    message:
                        "webhook dedup store: insertIfNew(key) must return a boolean synchronously"
                            .into(),
                });
                self.failure.borrow_mut().get_or_insert(e);
                true
            }
            None => true,
        }
    }

    fn forget(&self, key: &str) {
        self.call("forget", key);
    }
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
        Ok(WasmTokenIssuer {
            inner: webhook::WebhookTokenIssuer::new(client_id, client_secret, ttl),
        })
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

fn seconds(name: &str, value: f64) -> Result<Duration, JsValue> {
    Duration::try_from_secs_f64(value).map_err(|_| {
        error(&Error::Configuration {
            message: format!(
                "{name} must be a finite, non-negative number of seconds, got {value}"
            ),
        })
    })
}

/// A receiver for one endpoint.
#[wasm_bindgen]
pub struct WasmWebhookReceiver {
    inner: webhook::WebhookReceiver,
    js_store: Option<Arc<JsDedup>>,
}

fn receiver(auth: WebhookAuth, store: JsValue) -> WasmWebhookReceiver {
    if store.is_undefined() || store.is_null() {
        return WasmWebhookReceiver {
            inner: webhook::WebhookReceiver::with_store(auth, Arc::new(MemoryDedup::default())),
            js_store: None,
        };
    }
    let js = Arc::new(JsDedup {
        store,
        failure: RefCell::new(None),
    });
    WasmWebhookReceiver {
        inner: webhook::WebhookReceiver::with_store(auth, js.clone()),
        js_store: Some(js),
    }
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
    pub fn none(store: JsValue) -> WasmWebhookReceiver {
        receiver(WebhookAuth::None, store)
    }

    /// `Authorization: Apikey <key>`.
    pub fn api_key(key: String, store: JsValue) -> WasmWebhookReceiver {
        receiver(WebhookAuth::ApiKey(key.into()), store)
    }

    /// HMAC signatures within `tolerance_seconds` (undefined: SePay's 300 s).
    pub fn hmac(
        secret: String,
        tolerance_seconds: Option<f64>,
        store: JsValue,
    ) -> Result<WasmWebhookReceiver, JsValue> {
        let auth = match tolerance_seconds {
            None => WebhookAuth::hmac(secret),
            Some(t) => WebhookAuth::Hmac {
                secret: secret.into(),
                tolerance: seconds("toleranceSeconds", t)?,
            },
        };
        Ok(receiver(auth, store))
    }

    /// `Authorization: Bearer <token>` issued by `issuer`.
    pub fn oauth2(issuer: &WasmTokenIssuer, store: JsValue) -> WasmWebhookReceiver {
        receiver(WebhookAuth::OAuth2(issuer.inner.clone()), store)
    }

    /// `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events).
    pub fn secret_key(secret: String, store: JsValue) -> WasmWebhookReceiver {
        receiver(WebhookAuth::SecretKey(secret.into()), store)
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

    /// Forgets a key so SePay's redelivery is processed again.
    pub fn forget(&self, key: &str) -> Result<(), JsValue> {
        self.inner.forget(key);
        match self.js_store.as_ref().and_then(|s| s.take_failure()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The core's description, secrets masked.
    pub fn describe(&self) -> String {
        format!("{:?}", self.inner)
    }

    fn finish<T: Serialize>(&self, r: sepay::Result<Received<T>>) -> Result<JsValue, JsValue> {
        if let Some(e) = self.js_store.as_ref().and_then(|s| s.take_failure()) {
            return Err(e);
        }
        received_js(r.map_err(|e| error(&e))?)
    }
}

/// The reply for a failed receive, by the error's kind: 401 for verification
/// failures, 400 otherwise.
#[wasm_bindgen(js_name = webhookErrorReply)]
pub fn webhook_error_reply(kind: &str) -> Result<JsValue, JsValue> {
    let reply = match kind {
        "webhook_verification" => WebhookReply::unauthorized(),
        _ => WebhookReply::bad_request(),
    };
    reply_js(&reply)
}

/// `sha256=<hex>` over `"{timestamp}.{body}"`: the `X-SePay-Signature` SePay sends.
#[wasm_bindgen(js_name = hmacSignature)]
pub fn hmac_signature(secret: &str, timestamp: f64, body: &[u8]) -> Result<String, JsValue> {
    if !timestamp.is_finite() || timestamp.fract() != 0.0 {
        let message = format!("must be whole Unix seconds, got {timestamp}");
        return Err(error(&Error::Validation {
            operation: "webhook.hmac_signature".into(),
            status: None,
            code: None,
            message: format!("timestamp {message}"),
            field_errors: vec![sepay::FieldError {
                field: "timestamp".into(),
                message,
            }],
        }));
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
