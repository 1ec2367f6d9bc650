//! Call hooks and per-call options for JavaScript: `new Client({ onEvent })`
//! receives the core's call events as plain objects, and
//! `client.withOptions({ timeoutMs, maxAttempts, maxElapsedMs, headers })`
//! is the core's `Client::with_options`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::json;
use wasm_bindgen::prelude::*;

use sepay::config::CallOptions;
use sepay::observe::{CallEvent, CallObserver};
use sepay::{Error, Result};

use crate::client::WasmClient;
use crate::convert::{error, to_js};

/// Calls a JavaScript function with each event. An exception thrown by the
/// hook is dropped: a logging hook must not fail the call it observes.
pub struct JsObserver(js_sys::Function);

impl JsObserver {
    /// The hook `value`, if it is a function; `undefined` means none.
    pub fn from_js(value: JsValue) -> Result<Option<JsObserver>> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .dyn_into::<js_sys::Function>()
            .map(|f| Some(JsObserver(f)))
            .map_err(|_| Error::Configuration {
                message: "onEvent must be a function (event) => void".into(),
            })
    }
}

impl CallObserver for JsObserver {
    fn on_event(&self, e: &CallEvent) {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        let event = json!({
            "kind": e.kind.as_str(),
            "operation": e.operation,
            "method": e.method,
            "path": e.path,
            "attempt": e.attempt,
            "status": e.status,
            "latencyMs": e.latency.map(ms),
            "waitedMs": ms(e.waited),
            "retryInMs": e.retry_in.map(ms),
            "reason": e.reason,
            "requestId": e.request_id,
        });
        if let Ok(event) = to_js(&event) {
            let _ = self.0.call1(&JsValue::UNDEFINED, &event);
        }
    }
}

/// `withOptions({...})`'s argument, as JSON.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CallConfig {
    #[serde(default)]
    timeout_ms: Option<f64>,
    #[serde(default)]
    max_attempts: Option<u32>,
    #[serde(default)]
    max_elapsed_ms: Option<f64>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
}

fn call_options(json: &str) -> Result<CallOptions> {
    let config: CallConfig = serde_json::from_str(json).map_err(|e| Error::Configuration {
        message: format!(
            "invalid call options (timeoutMs, maxAttempts, maxElapsedMs, headers): {e}"
        ),
    })?;
    let ms = |name, v: Option<f64>| {
        v.map(|v| sepay::config::seconds(name, v / 1000.0))
            .transpose()
    };
    Ok(CallOptions {
        timeout: ms("timeoutMs", config.timeout_ms)?,
        max_attempts: config.max_attempts,
        max_elapsed: ms("maxElapsedMs", config.max_elapsed_ms)?,
        headers: config.headers.into_iter().collect(),
    })
}

#[wasm_bindgen]
impl WasmClient {
    /// A view of this client with per-call options (JSON text).
    pub fn with_options(&self, options: &str) -> std::result::Result<WasmClient, JsValue> {
        let client = call_options(options)
            .and_then(|o| self.client.with_options(o))
            .map_err(|e| error(&e))?;
        Ok(WasmClient { client })
    }
}
