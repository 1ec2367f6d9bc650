//! Small helpers shared by the client's methods: a core call as a Promise,
//! arguments read from JSON, validation errors.

use std::future::Future;
use std::pin::Pin;

use js_sys::Promise;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

use sepay::Error;

use crate::convert::{error, to_js};

/// A future as a Promise. The future is boxed so that wasm-bindgen-futures'
/// glue is compiled once, not once per method (it was ≈ 300 KB of the module).
pub fn to_promise(call: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let call: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> = Box::pin(call);
    future_to_promise(call)
}

/// Runs a core call as a Promise resolving to its JSON-shaped result.
pub fn promise<T, F>(call: F) -> Promise
where
    T: Serialize,
    F: Future<Output = Result<T, JsValue>> + 'static,
{
    to_promise(async move { to_js(&call.await?) })
}

/// Runs a core call that answers nothing as a Promise of `undefined`.
pub fn unit<F>(call: F) -> Promise
where
    F: Future<Output = Result<(), JsValue>> + 'static,
{
    to_promise(async move {
        call.await?;
        Ok(JsValue::UNDEFINED)
    })
}

/// A positional argument sent as JSON text (an array or object), read as `T`;
/// `expected` says what it must be.
pub fn json_arg<T: DeserializeOwned>(
    operation: &str,
    name: &str,
    expected: &str,
    value: Option<String>,
) -> Result<T, JsValue> {
    let bad = || invalid(operation, name, format!("must be {expected}"));
    let text = value.ok_or_else(bad)?;
    serde_json::from_str(&text).map_err(|_| bad())
}

/// A required option that is missing, as a validation error.
pub fn missing(operation: &str, name: &str, why: &str) -> JsValue {
    invalid(operation, name, format!("is required{why}"))
}

/// A validation error about argument or option `name` (snake_case), raised
/// before anything is sent.
pub fn invalid(operation: &str, name: &str, message: String) -> JsValue {
    error(&Error::invalid_param(
        operation,
        &crate::convert::camel(name),
        message,
    ))
}
