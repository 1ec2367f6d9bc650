//! The client. Its operation methods are named after the operation
//! (`v1.transactions.list` → `v1_transactions_list`) and generated from the
//! core's operation table (`generated.rs`), except the few whose JavaScript
//! signature differs (the surface modules). `index.js` arranges them as
//! `client.v1.transactions.list(...)` from the core's operation list.

use std::future::Future;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use sepay::Client;

use crate::convert::{error, option_names as names, to_js};

/// Every operation of the core, by name (`v2.transactions.iter`, ...).
#[wasm_bindgen]
pub fn operations() -> Vec<String> {
    sepay::operations::OPERATIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// The camelCase option names the core accepts for an operation that takes an
/// options object (empty for the others). Used by the package's type checks.
#[wasm_bindgen(js_name = optionNames)]
pub fn option_names(operation: &str) -> Vec<String> {
    if let Some(names) = crate::generated::generated_option_names(operation) {
        return names;
    }
    match operation {
        "pg.checkout" => names::<crate::pg::CheckoutOptions>(),
        "qr.payload" | "qr.image_url" => crate::qr::option_names(operation),
        _ => crate::calls::account_option_names(operation),
    }
}

/// Runs a core call as a Promise resolving to its JSON-shaped result.
pub(crate) fn promise<T, F>(call: F) -> Promise
where
    T: Serialize,
    F: Future<Output = Result<T, JsValue>> + 'static,
{
    future_to_promise(async move { to_js(&call.await?) })
}

/// A SePay client. Cheap to share; every call goes through one rate limiter.
#[wasm_bindgen]
pub struct WasmClient {
    pub(crate) client: Client,
}

#[wasm_bindgen]
impl WasmClient {
    /// Builds a client from the JSON text of `new Client(...)`'s options and
    /// the OAuth2 token store (`{ load(), save(tokens) }`, or `undefined`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str, token_store: JsValue) -> Result<WasmClient, JsValue> {
        let client = crate::config::build(options, token_store).map_err(|e| error(&e))?;
        Ok(WasmClient { client })
    }
}
