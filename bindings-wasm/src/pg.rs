//! Payment gateway: `client.pg.checkout(...)` (the signed form, fields in the
//! order they are signed). The request arrives as JSON with camelCase keys and
//! is read into the core's `CheckoutRequest`; the core validates, signs and renders. The order
//! API (`client.pg.orders.*`) is generated (`generated.rs`).

use wasm_bindgen::prelude::*;

use sepay::pg::CheckoutRequest;

use crate::client::WasmClient;
use crate::convert::{error, params, to_js};

/// A signed checkout form.
#[wasm_bindgen]
pub struct WasmCheckoutForm {
    form: sepay::pg::CheckoutForm,
}

#[wasm_bindgen]
impl WasmCheckoutForm {
    /// The form's `action` URL.
    pub fn action(&self) -> String {
        self.form.action.clone()
    }

    /// `[name, value]` pairs in the order they must be posted (`signature` last).
    pub fn fields(&self) -> Result<JsValue, JsValue> {
        to_js(&self.form.fields)
    }

    /// An HTML form with hidden inputs (values escaped, order kept).
    pub fn to_html(&self, submit_label: &str) -> String {
        self.form.to_html(submit_label)
    }
}

#[wasm_bindgen]
impl WasmClient {
    pub fn pg_checkout(&self, options: Option<String>) -> Result<WasmCheckoutForm, JsValue> {
        let request: CheckoutRequest = params("pg.checkout", options)?;
        let form = self.client.pg().checkout(&request).map_err(|e| error(&e))?;
        Ok(WasmCheckoutForm { form })
    }
}
