//! Small helpers shared by the VA order, OAuth2 and Bank Hub methods.

use std::future::Future;

use js_sys::Promise;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

use sepay::Error;

use crate::convert::error;

/// Runs a core call that answers nothing as a Promise of `undefined`.
pub fn unit<F>(call: F) -> Promise
where
    F: Future<Output = Result<(), JsValue>> + 'static,
{
    future_to_promise(async move {
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

/// The camelCase option names of the VA order, OAuth2 and Bank Hub operations
/// that take an options object (empty for the others).
pub fn account_option_names(operation: &str) -> Vec<String> {
    use crate::bank_hub as hub;
    use crate::convert::option_names as names;
    match operation {
        "v1.orders.list" | "v2.orders.list" => names::<crate::orders::OrderListOptions>(),
        "v1.orders.create" | "v1.orders.add_va" | "v2.orders.create" | "v2.orders.add_va" => {
            names::<crate::orders::OrderCreateOptions>()
        }
        "bank_hub.link_tokens.create" => names::<hub::LinkTokenCreateOptions>(),
        "bank_hub.companies.create" => names::<hub::CompanyCreateOptions>(),
        "bank_hub.companies.counter" => names::<hub::CompanyCounterOptions>(),
        "bank_hub.merchant_config.update" => names::<hub::MerchantConfigOptions>(),
        "bank_hub.webhook.set" => names::<hub::WebhookSetOptions>(),
        _ => Vec::new(),
    }
}
