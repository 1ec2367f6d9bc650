//! The receiver factories' options object (`{ store, encoding, leaseSeconds,
//! replayWindowSeconds, toleranceSeconds }`) and the JavaScript deduplication
//! store (`{ claim(key, leaseSeconds), complete(key), release(key) }`) as the
//! core's `DedupStore`. Values are converted here; the core checks them.

use std::sync::Arc;
use std::time::Duration;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use sepay::webhook::{BodyEncoding, Claim, DedupStore, MemoryDedup};
use sepay::{Error, Result};

use crate::token_store::js_text;

/// The core's name for the store in its `Store` errors.
const STORE: &str = "webhook.dedup_store";

/// A deduplication store written in JavaScript. `webhook.js` hands over an
/// adapter whose methods throw when the user's store answers with a Promise.
pub struct JsDedup {
    this: JsValue,
    claim: Function,
    complete: Function,
    release: Function,
}

impl JsDedup {
    fn new(store: JsValue) -> Result<JsDedup> {
        let method = |name: &str| {
            Reflect::get(&store, &JsValue::from_str(name))
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
        };
        match (method("claim"), method("complete"), method("release")) {
            (Some(claim), Some(complete), Some(release)) => Ok(JsDedup {
                this: store,
                claim,
                complete,
                release,
            }),
            _ => Err(Error::Configuration {
                message:
                    "a dedup store needs claim(key, leaseSeconds), complete(key) and release(key) methods"
                        .into(),
            }),
        }
    }
}

fn threw(call: &str, e: &JsValue) -> Error {
    Error::store(STORE, format!("{call} threw {}", js_text(e)))
}

impl DedupStore for JsDedup {
    fn claim(&self, key: &str, lease: Duration) -> Result<Claim> {
        const CALL: &str = "claim(key, leaseSeconds)";
        let lease = JsValue::from_f64(lease.as_secs_f64());
        let answer = self
            .claim
            .call2(&self.this, &JsValue::from_str(key), &lease)
            .map_err(|e| threw(CALL, &e))?;
        answer
            .as_string()
            .as_deref()
            .and_then(Claim::parse)
            .ok_or_else(|| {
                let got = js_text(&answer);
                let message =
                    format!("{CALL} must return \"new\", \"in_progress\" or \"done\", got {got}");
                Error::store(STORE, message)
            })
    }

    fn complete(&self, key: &str) -> Result<()> {
        let key = JsValue::from_str(key);
        self.complete
            .call1(&self.this, &key)
            .map(|_| ())
            .map_err(|e| threw("complete(key)", &e))
    }

    fn release(&self, key: &str) -> Result<()> {
        let key = JsValue::from_str(key);
        self.release
            .call1(&self.this, &key)
            .map(|_| ())
            .map_err(|e| threw("release(key)", &e))
    }
}

/// What a receiver factory was given.
pub struct ReceiverOptions {
    pub store: Arc<dyn DedupStore>,
    pub encoding: Option<BodyEncoding>,
    pub lease: Option<Duration>,
    pub replay_window: Option<Duration>,
    pub tolerance: Option<Duration>,
}

/// Reads the options object; `hmac` says whether `toleranceSeconds` is allowed.
pub fn receiver_options(value: &JsValue, hmac: bool) -> Result<ReceiverOptions> {
    let mut known = vec!["store", "encoding", "leaseSeconds", "replayWindowSeconds"];
    if hmac {
        known.push("toleranceSeconds");
    }
    let mut out = ReceiverOptions {
        store: Arc::new(MemoryDedup::default()),
        encoding: None,
        lease: None,
        replay_window: None,
        tolerance: None,
    };
    if value.is_undefined() || value.is_null() {
        return Ok(out);
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(config(format!(
            "receiver options must be an object, got {}",
            js_text(value)
        )));
    };
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(config(format!(
                "{key} is not a receiver option (expected one of: {})",
                known.join(", ")
            )));
        }
    }
    let get = |name: &str| {
        Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    if let Some(store) = get("store") {
        out.store = Arc::new(JsDedup::new(store)?);
    }
    if let Some(name) = get("encoding") {
        let text = name.as_string().unwrap_or_default();
        out.encoding = Some(BodyEncoding::parse(&text).ok_or_else(|| {
            config(format!(
                "encoding must be \"json\", \"form\" or \"multipart\", got {}",
                js_text(&name)
            ))
        })?);
    }
    let seconds = |name: &str| -> Result<Option<Duration>> {
        match get(name) {
            None => Ok(None),
            Some(v) => match v.as_f64() {
                Some(n) => sepay::config::seconds(name, n).map(Some),
                None => Err(config(format!(
                    "{name} must be a number of seconds, got {}",
                    js_text(&v)
                ))),
            },
        }
    };
    out.lease = seconds("leaseSeconds")?;
    out.replay_window = seconds("replayWindowSeconds")?;
    out.tolerance = seconds("toleranceSeconds")?;
    Ok(out)
}

fn config(message: String) -> Error {
    Error::Configuration { message }
}
