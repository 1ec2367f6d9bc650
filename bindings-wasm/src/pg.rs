//! Payment gateway: `client.pg.checkout(...)` (the signed form, fields in the
//! order they are signed) and `client.pg.orders.*`. Requests arrive as JSON
//! with camelCase keys and become the core's types; the core validates, signs
//! and renders.

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use sepay::pg::{CheckoutOperation, CheckoutRequest, PaymentMethod, PgOrderListParams};
use sepay::userapi::v2::SortOrder;
use sepay::{Amount, DateBound};

use crate::client::{promise, WasmClient};
use crate::convert::{error, id_arg, params, to_js};
use crate::pages::Pages;

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

/// The options object of `client.pg.orders.list(...)` / `iter(...)`.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct OrderListOptions {
    q: Option<String>,
    order_status: Option<String>,
    customer_id: Option<String>,
    from_created_at: Option<DateBound>,
    to_created_at: Option<DateBound>,
    created_at_sort: Option<SortOrder>,
    page: Option<u32>,
    per_page: Option<u32>,
}

impl From<OrderListOptions> for PgOrderListParams {
    fn from(o: OrderListOptions) -> Self {
        PgOrderListParams {
            q: o.q,
            order_status: o.order_status,
            customer_id: o.customer_id,
            from_created_at: o.from_created_at,
            to_created_at: o.to_created_at,
            created_at_sort: o.created_at_sort,
            page: o.page,
            per_page: o.per_page,
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

fn order_params(operation: &str, options: Option<String>) -> Result<PgOrderListParams, JsValue> {
    Ok(params::<OrderListOptions>(operation, options)?.into())
}

#[wasm_bindgen]
impl WasmClient {
    pub fn pg_checkout(&self, options: Option<String>) -> Result<WasmCheckoutForm, JsValue> {
        let request: CheckoutRequest = params::<CheckoutOptions>("pg.checkout", options)?.into();
        let form = self.client.pg().checkout(&request).map_err(|e| error(&e))?;
        Ok(WasmCheckoutForm { form })
    }

    pub fn pg_orders_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = order_params("pg.orders.list", options)?;
            c.pg().orders().list(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn pg_orders_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p = order_params("pg.orders.iter", options)?;
        Ok(Pages::new(self.client.pg().orders().iter(&p)))
    }

    pub fn pg_orders_get(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg("pg.orders.get", "orderId", &id)?;
            c.pg().orders().get(&id).await.map_err(|e| error(&e))
        })
    }

    pub fn pg_orders_cancel(&self, invoice: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let invoice = id_arg("pg.orders.cancel", "orderInvoiceNumber", &invoice)?;
            c.pg()
                .orders()
                .cancel(&invoice)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn pg_orders_void(&self, invoice: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let invoice = id_arg("pg.orders.void", "orderInvoiceNumber", &invoice)?;
            c.pg().orders().void(&invoice).await.map_err(|e| error(&e))
        })
    }
}
