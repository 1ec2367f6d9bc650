//! Payment gateway: `client.pg.checkout(...)` (the signed form, fields in the
//! order they are signed). The request arrives as JSON with camelCase keys and
//! becomes the core's type; the core validates, signs and renders. The order
//! API (`client.pg.orders.*`) is generated (`generated.rs`).

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use sepay::pg::{CheckoutOperation, CheckoutRequest, PaymentMethod};
use sepay::Amount;

use crate::client::WasmClient;
use crate::convert::{error, params, to_js};

/// The options object of `client.pg.checkout(...)`. Missing required values
/// are left empty so the core's checks name them.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CheckoutOptions {
    operation: Option<Operation>,
    order_amount: Amount,
    order_invoice_number: String,
    order_description: String,
    payment_method: Option<Method>,
    customer_id: Option<String>,
    success_url: Option<String>,
    error_url: Option<String>,
    cancel_url: Option<String>,
    custom_data: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Operation {
    Purchase,
    Verify,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Method {
    Card,
    BankTransfer,
    NapasBankTransfer,
}

impl From<CheckoutOptions> for CheckoutRequest {
    fn from(o: CheckoutOptions) -> Self {
        CheckoutRequest {
            // The client's merchant id replaces it.
            merchant: String::new(),
            operation: match o.operation {
                Some(Operation::Verify) => CheckoutOperation::Verify,
                _ => CheckoutOperation::Purchase,
            },
            order_amount: o.order_amount,
            order_invoice_number: o.order_invoice_number,
            order_description: o.order_description,
            payment_method: o.payment_method.map(|m| match m {
                Method::Card => PaymentMethod::Card,
                Method::BankTransfer => PaymentMethod::BankTransfer,
                Method::NapasBankTransfer => PaymentMethod::NapasBankTransfer,
            }),
            customer_id: o.customer_id,
            success_url: o.success_url,
            error_url: o.error_url,
            cancel_url: o.cancel_url,
            custom_data: o.custom_data,
        }
    }
}

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
        let request: CheckoutRequest = params::<CheckoutOptions>("pg.checkout", options)?.into();
        let form = self.client.pg().checkout(&request).map_err(|e| error(&e))?;
        Ok(WasmCheckoutForm { form })
    }
}
