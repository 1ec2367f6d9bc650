//! Payment gateway order API (Basic auth): list, detail, void, cancel
//! (sepay-api.md §8.3).

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::call::{Call, Input};
use crate::client::Client;
use crate::decode::{self, id, opt_text, summarize};
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::money::Amount;
use crate::operations::op;
use crate::paging::NumberedPages;
use crate::paging::{Page, Pagination, Paginator};
use crate::time::{wall_clock_opt, DateBound, DateTime};
use crate::userapi::v2::SortOrder;
use crate::userapi::{text_of, ErrorAnswer};

/// A payment gateway order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PgOrder {
    /// SePay's internal id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Your customer id, if given at checkout.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub customer_id: Option<String>,
    /// SePay's order code, e.g. `SEPAY-68B01673A77FF`.
    pub order_id: String,
    /// Your invoice number.
    pub order_invoice_number: String,
    /// `CAPTURED` (paid), `CANCELLED`, `AUTHENTICATION_NOT_NEEDED` (awaiting payment), ...
    pub order_status: String,
    /// Amount.
    pub order_amount: Amount,
    /// `VND`.
    #[serde(default)]
    pub order_currency: String,
    /// Description.
    #[serde(default)]
    pub order_description: String,
    /// 3-D Secure result, if any.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub authentication_status: Option<String>,
    /// Created (+07:00).
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
    /// Last changed (+07:00).
    #[serde(default, with = "wall_clock_opt")]
    pub updated_at: Option<DateTime>,
    /// Payment attempts.
    #[serde(default)]
    pub transactions: Vec<PgTransaction>,
}

/// One payment attempt of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PgTransaction {
    /// Id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// `CARD`, `BANK_TRANSFER`, `NAPAS_BANK_TRANSFER`.
    #[serde(default)]
    pub payment_method: String,
    /// e.g. `PAYMENT`.
    #[serde(default)]
    pub transaction_type: String,
    /// Amount.
    pub transaction_amount: Amount,
    /// `VND`.
    #[serde(default)]
    pub transaction_currency: String,
    /// e.g. `APPROVED`.
    #[serde(default)]
    pub transaction_status: String,
    /// 3-D Secure result.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub authentication_status: Option<String>,
    /// Masked card number.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_number: Option<String>,
    /// Card holder.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_holder_name: Option<String>,
    /// Card brand.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_brand: Option<String>,
    /// When (+07:00).
    #[serde(default, with = "wall_clock_opt")]
    pub transaction_date: Option<DateTime>,
}

/// Filters and paging of `GET /order`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PgOrderListParams {
    /// Search text.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub q: Option<String>,
    /// Only this status, e.g. `CAPTURED`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_status: Option<String>,
    /// Only this customer.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_id: Option<String>,
    /// Created on or after.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub from_created_at: Option<DateBound>,
    /// Created on or before.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to_created_at: Option<DateBound>,
    /// Sort by creation time.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub created_at_sort: Option<SortOrder>,
    /// Page (from 1).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// Page size (1–100, default 20).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub per_page: Option<u32>,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(deserialize_with = "decode::count::deserialize")]
    per_page: u64,
    #[serde(deserialize_with = "decode::count::deserialize")]
    total: u64,
    #[serde(default)]
    has_more: Option<bool>,
    #[serde(deserialize_with = "decode::count::deserialize")]
    current_page: u64,
    #[serde(deserialize_with = "decode::count::deserialize")]
    page_count: u64,
}

#[derive(Deserialize)]
struct Body<T> {
    data: T,
    #[serde(default)]
    meta: Option<Meta>,
}

pub(crate) fn error(operation: &str, response: &HttpResponse) -> Error {
    let parsed: Option<serde_json::Value> = serde_json::from_slice(&response.body).ok();
    let get = |k: &str| {
        parsed
            .as_ref()
            .and_then(|v| v.get(k))
            .filter(|v| !v.is_null())
            .map(text_of)
    };
    ErrorAnswer {
        status: response.status,
        code: get("error_code").or_else(|| get("error")),
        message: get("message").unwrap_or_else(|| summarize(&response.body)),
        field_errors: crate::userapi::field_errors(parsed.as_ref().and_then(|v| v.get("errors"))),
        retry_after: crate::client::retry_after(response),
    }
    .into_error(operation)
}

fn body<T: for<'de> Deserialize<'de>>(operation: &str, response: &HttpResponse) -> Result<Body<T>> {
    if !(200..300).contains(&response.status) {
        return Err(error(operation, response));
    }
    decode::json(operation, response)
}

/// `GET /order`: one page.
pub type ListOrders = Call<Page<PgOrder>, PgOrderListParams>;

/// `GET /order/detail/{order_id}` (SePay's docs say the `SEPAY-…` order id;
/// every SDK passes the invoice number — UNVERIFIED which one SePay accepts).
pub type GetOrder = Call<PgOrder, ()>;

/// `POST /order/cancel` or `/order/voidTransaction` for an invoice number.
pub type OrderAction = Call<String, InvoiceNumber>;

impl ListOrders {
    /// The call for one page of `params`.
    pub fn list(params: PgOrderListParams) -> Self {
        Call::with_input(op!("pg.orders.list"), &[], params, decode_page)
    }
}

impl GetOrder {
    /// The call for one order.
    pub fn get(order_id: &str) -> Self {
        Call::with_input(op!("pg.orders.get"), &[order_id], (), decode_one)
    }
}

impl OrderAction {
    /// Cancels an unpaid bank-transfer order.
    pub fn cancel(order_invoice_number: impl Into<String>) -> Self {
        let input = InvoiceNumber(order_invoice_number.into());
        Call::with_input(op!("pg.orders.cancel"), &[], input, decode_message)
    }

    /// Voids a captured card payment.
    pub fn void(order_invoice_number: impl Into<String>) -> Self {
        let input = InvoiceNumber(order_invoice_number.into());
        Call::with_input(op!("pg.orders.void"), &[], input, decode_message)
    }
}

impl Input for PgOrderListParams {
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        if p.page == Some(0) {
            return Err(Error::invalid_param(
                operation,
                "page",
                "must be at least 1",
            ));
        }
        if p.per_page.is_some_and(|n| !(1..=100).contains(&n)) {
            return Err(Error::invalid_param(
                operation,
                "per_page",
                "must be between 1 and 100",
            ));
        }
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let day = |v: &Option<DateBound>| v.map(|d| d.to_query()).unwrap_or_default();
        let sort = p.created_at_sort.map(|s| s.as_str().to_string());
        Ok(vec![
            ("q", opt(&p.q)),
            ("order_status", opt(&p.order_status)),
            ("customer_id", opt(&p.customer_id)),
            ("from_created_at", day(&p.from_created_at)),
            ("to_created_at", day(&p.to_created_at)),
            ("sort[created_at]", sort.unwrap_or_default()),
            ("page", p.page.map(|v| v.to_string()).unwrap_or_default()),
            (
                "per_page",
                p.per_page.map(|v| v.to_string()).unwrap_or_default(),
            ),
        ])
    }

    crate::call::page_fields!(page, per_page);
}

/// The body of an order action: your invoice number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceNumber(pub String);

impl Input for InvoiceNumber {
    fn body(&self, operation: &'static str) -> Result<Option<serde_json::Value>> {
        if self.0.trim().is_empty() {
            return Err(Error::invalid_param(
                operation,
                "order_invoice_number",
                "must not be empty",
            ));
        }
        Ok(Some(json!({ "order_invoice_number": self.0 })))
    }
}

fn decode_page(operation: &str, response: &HttpResponse) -> Result<Page<PgOrder>> {
    let b: Body<Vec<PgOrder>> = body(operation, response)?;
    Ok(Page {
        items: b.data,
        pagination: b.meta.map(|m| Pagination {
            total: m.total,
            per_page: m.per_page,
            current_page: m.current_page,
            last_page: m.page_count,
            has_more: m.has_more,
        }),
    })
}

fn decode_one(operation: &str, response: &HttpResponse) -> Result<PgOrder> {
    Ok(body::<PgOrder>(operation, response)?.data)
}

/// SePay's confirmation message.
fn decode_message(operation: &str, response: &HttpResponse) -> Result<String> {
    if !(200..300).contains(&response.status) {
        return Err(error(operation, response));
    }
    let v: serde_json::Value = decode::json(operation, response)?;
    Ok(v.get("message").map(text_of).unwrap_or_default())
}

/// Payment gateway order operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct PgOrders<'a> {
    client: &'a Client,
}

impl<'a> PgOrders<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        PgOrders { client }
    }

    /// One page of orders.
    pub async fn list(&self, params: &PgOrderListParams) -> Result<Page<PgOrder>> {
        self.client.execute(&ListOrders::list(params.clone())).await
    }

    /// Every matching order, page by page.
    pub fn iter(&self, params: &PgOrderListParams) -> Paginator<NumberedPages<ListOrders>> {
        let first = ListOrders::list(params.clone());
        Paginator::new(self.client.clone(), NumberedPages::new(first))
    }

    /// One order by order id or invoice number.
    pub async fn get(&self, order_id: &str) -> Result<PgOrder> {
        self.client.execute(&GetOrder::get(order_id)).await
    }

    /// Cancels an unpaid bank-transfer order; returns SePay's message.
    pub async fn cancel(&self, order_invoice_number: &str) -> Result<String> {
        self.client
            .execute(&OrderAction::cancel(order_invoice_number))
            .await
    }

    /// Voids a captured card payment; returns SePay's message.
    pub async fn void(&self, order_invoice_number: &str) -> Result<String> {
        self.client
            .execute(&OrderAction::void(order_invoice_number))
            .await
    }
}
