//! `new SharedState(redis, options)`: the core's shared state run through the
//! application's own Redis client. wasm cannot open sockets, so `index.js`
//! hands over one function, `run(script, keys, args) → Promise<reply>`, that
//! sends the core's Lua text with `EVAL` on the user's node-redis or ioredis
//! client; everything else (GCRA, pauses, token lock, timeouts, outage
//! fallback) is the core's.

use std::sync::Arc;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use sepay::shared::{Reply, Script, ScriptRunner, SharedOptions, SharedState};
use sepay::{Error, Result};

use crate::convert::error;
use crate::token_store::js_text;

/// The JavaScript function that runs a script on the user's Redis client.
#[derive(Debug)]
struct JsRunner(Function);

#[async_trait::async_trait(?Send)]
impl ScriptRunner for JsRunner {
    async fn run(&self, script: &Script, keys: &[String], args: &[String]) -> Result<Reply> {
        let strings = |items: &[String]| items.iter().map(JsValue::from).collect::<Array>();
        let failed =
            |e: &JsValue| Error::store("shared_state", format!("Redis answered {}", js_text(e)));
        let answer = self
            .0
            .call3(
                &JsValue::NULL,
                &JsValue::from_str(script.text),
                &strings(keys),
                &strings(args),
            )
            .map_err(|e| failed(&e))?;
        let promise = answer
            .dyn_into::<Promise>()
            .unwrap_or_else(|v| Promise::resolve(&v));
        let value = JsFuture::from(promise).await.map_err(|e| failed(&e))?;
        Ok(reply(&value))
    }
}

/// A Redis reply as node-redis and ioredis give it.
fn reply(value: &JsValue) -> Reply {
    if value.is_null() || value.is_undefined() {
        Reply::Nil
    } else if let Some(n) = value.as_f64() {
        Reply::Int(n as i64)
    } else if let Some(s) = value.as_string() {
        Reply::Text(s)
    } else if let Ok(n) = i64::try_from(value.clone()) {
        Reply::Int(n)
    } else if Array::is_array(value) {
        Reply::List(Array::from(value).iter().map(|v| reply(&v)).collect())
    } else {
        Reply::Text(js_text(value))
    }
}

/// The shared state of `new SharedState(...)`; `handle()` gives a client
/// its own reference.
#[wasm_bindgen]
pub struct WasmSharedState {
    pub(crate) state: Arc<SharedState>,
}

#[wasm_bindgen]
impl WasmSharedState {
    /// `run` sends a script to Redis; `options` is the JSON of the core's
    /// `SharedOptions` (seconds).
    #[wasm_bindgen(constructor)]
    pub fn new(run: Function, options: &str) -> std::result::Result<WasmSharedState, JsValue> {
        let build = || -> Result<Arc<SharedState>> {
            let options: SharedOptions =
                serde_json::from_str(options).map_err(|e| Error::Configuration {
                    message: format!("invalid shared state options: {e}"),
                })?;
            SharedState::new(Arc::new(JsRunner(run)), options.settings()?)
        };
        build()
            .map(|state| WasmSharedState { state })
            .map_err(|e| error(&e))
    }

    /// Another reference to the same state (consumed by a client).
    pub fn handle(&self) -> WasmSharedState {
        WasmSharedState {
            state: self.state.clone(),
        }
    }

    /// True unless the last call to Redis failed.
    pub fn reachable(&self) -> bool {
        self.state.status().reachable
    }

    /// How many times Redis stopped answering.
    pub fn outages(&self) -> f64 {
        self.state.status().outages as f64
    }

    /// The key prefix.
    pub fn prefix(&self) -> String {
        self.state.settings().prefix.clone()
    }
}
