//! The client. Its operation methods are named after the operation
//! (`v1.transactions.list` → `v1_transactions_list`) and generated from the
//! core's operation table (`generated.rs`), except the few whose JavaScript
//! signature differs (the surface modules). `index.js` arranges them as
//! `client.v1.transactions.list(...)` from the core's operation list.

use wasm_bindgen::prelude::*;

use sepay::Client;

use crate::convert::error;

/// Every operation of the core, by name (`v2.transactions.iter`, ...).
#[wasm_bindgen]
pub fn operations() -> Vec<String> {
    sepay::operations::OPERATIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// A SePay client. Cheap to share; every call goes through one rate limiter.
#[wasm_bindgen]
pub struct WasmClient {
    pub(crate) client: Client,
}

#[wasm_bindgen]
impl WasmClient {
    /// Builds a client from the JSON text of `new Client(...)`'s options and
    /// the OAuth2 token store (`{ load(), save(tokens) }`, or `undefined`),
    /// the shared state and the `onEvent` hook (a function, or `undefined`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        options: &str,
        token_store: JsValue,
        shared_state: Option<crate::shared_state::WasmSharedState>,
        on_event: JsValue,
    ) -> Result<WasmClient, JsValue> {
        let shared = shared_state.map(|s| s.state);
        let observer = crate::observe::JsObserver::from_js(on_event).map_err(|e| error(&e))?;
        let client =
            crate::config::build(options, token_store, shared, observer).map_err(|e| error(&e))?;
        Ok(WasmClient { client })
    }
}
