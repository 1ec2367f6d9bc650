//! Payment gateway order API (Basic auth): list, detail, void, cancel
//! (sepay-api.md §8.3).

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::client::Client;
use crate::config::BaseUrls;
use crate::decode::{self, id, opt_text, summarize};
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::money::Amount;
use crate::operation::{Operation, Surface};
use crate::page::{Page, Pagination, Paginator};
use crate::time::{wall_clock_opt, DateBound, DateTime};
use crate::userapi::v2::{PagedQuery, SortOrder, V2Pages};
use crate::userapi::{text_of, ErrorAnswer};

/// A payment gateway order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, eq, module = "sepay_sdk")
)]
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
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, eq, module = "sepay_sdk")
)]
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

fn error(operation: &str, response: &HttpResponse) -> Error {
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

const LIST: &str = "pg.orders.list";

/// `GET /order`.
#[derive(Debug, Clone)]
pub struct ListOrders(pub PgOrderListParams);

impl Operation for ListOrders {
    type Output = Page<PgOrder>;
    fn name(&self) -> &'static str {
        LIST
    }
    fn surface(&self) -> Surface {
        Surface::PaymentGateway
    }
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let p = &self.0;
        if p.page == Some(0) {
            return Err(Error::invalid_param(LIST, "page", "must be at least 1"));
        }
        if p.per_page.is_some_and(|n| !(1..=100).contains(&n)) {
            return Err(Error::invalid_param(
                LIST,
                "per_page",
                "must be between 1 and 100",
            ));
        }
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let query = [
            ("q", opt(&p.q)),
            ("order_status", opt(&p.order_status)),
            ("customer_id", opt(&p.customer_id)),
            (
                "from_created_at",
                p.from_created_at.map(|d| d.to_query()).unwrap_or_default(),
            ),
            (
                "to_created_at",
                p.to_created_at.map(|d| d.to_query()).unwrap_or_default(),
            ),
            (
                "sort[created_at]",
                p.created_at_sort
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
            ),
            ("page", p.page.map(|v| v.to_string()).unwrap_or_default()),
            (
                "per_page",
                p.per_page.map(|v| v.to_string()).unwrap_or_default(),
            ),
        ];
        Ok(HttpRequest::get(&urls.pg_api, &["order"], &query))
    }
    fn decode(&self, response: &HttpResponse) -> Result<Page<PgOrder>> {
        let b: Body<Vec<PgOrder>> = body(LIST, response)?;
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
    fn error(&self, response: &HttpResponse) -> Error {
        error(LIST, response)
    }
}

impl PagedQuery for PgOrderListParams {
    type Item = PgOrder;
    type List = ListOrders;
    fn start(&self) -> (Option<u32>, Option<u32>) {
        (self.page, self.per_page)
    }
    fn list(&self, page: u32, per_page: u32) -> ListOrders {
        ListOrders(PgOrderListParams {
            page: Some(page),
            per_page: Some(per_page),
            ..self.clone()
        })
    }
}

const GET: &str = "pg.orders.get";

/// `GET /order/detail/{id}` (SePay's docs say the `SEPAY-…` order id; every SDK
/// passes the invoice number — UNVERIFIED which one SePay accepts).
#[derive(Debug, Clone)]
pub struct GetOrder(pub String);

impl Operation for GetOrder {
    type Output = PgOrder;
    fn name(&self) -> &'static str {
        GET
    }
    fn surface(&self) -> Surface {
        Surface::PaymentGateway
    }
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        crate::http::path_arg(GET, "order_id", &self.0)?;
        Ok(HttpRequest::get(
            &urls.pg_api,
            &["order", "detail", &self.0],
            &[],
        ))
    }
    fn decode(&self, response: &HttpResponse) -> Result<PgOrder> {
        Ok(body::<PgOrder>(GET, response)?.data)
    }
    fn error(&self, response: &HttpResponse) -> Error {
        error(GET, response)
    }
}

/// `POST /order/cancel` or `/order/voidTransaction` for an invoice number.
#[derive(Debug, Clone)]
pub struct OrderAction {
    /// `cancel` or `voidTransaction`.
    action: &'static str,
    name: &'static str,
    /// Your invoice number.
    pub order_invoice_number: String,
}

impl OrderAction {
    /// Cancels an unpaid bank-transfer order.
    pub fn cancel(order_invoice_number: impl Into<String>) -> Self {
        OrderAction {
            action: "cancel",
            name: "pg.orders.cancel",
            order_invoice_number: order_invoice_number.into(),
        }
    }

    /// Voids a captured card payment.
    pub fn void(order_invoice_number: impl Into<String>) -> Self {
        OrderAction {
            action: "voidTransaction",
            name: "pg.orders.void",
            order_invoice_number: order_invoice_number.into(),
        }
    }
}

impl Operation for OrderAction {
    type Output = String;
    fn name(&self) -> &'static str {
        self.name
    }
    fn surface(&self) -> Surface {
        Surface::PaymentGateway
    }
    /// A state change: never blindly re-sent once it may have reached SePay.
    fn idempotent(&self) -> bool {
        false
    }
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        if self.order_invoice_number.trim().is_empty() {
            return Err(Error::invalid_param(
                self.name,
                "order_invoice_number",
                "must not be empty",
            ));
        }
        let body = json!({ "order_invoice_number": self.order_invoice_number });
        Ok(HttpRequest::json(
            Method::Post,
            &urls.pg_api,
            &["order", self.action],
            &body,
        ))
    }
    /// SePay's confirmation message.
    fn decode(&self, response: &HttpResponse) -> Result<String> {
        if !(200..300).contains(&response.status) {
            return Err(error(self.name, response));
        }
        let v: serde_json::Value = decode::json(self.name, response)?;
        Ok(v.get("message").map(text_of).unwrap_or_default())
    }
    fn error(&self, response: &HttpResponse) -> Error {
        error(self.name, response)
    }
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
        self.client.execute(&ListOrders(params.clone())).await
    }

    /// Every matching order, page by page.
    pub fn iter(&self, params: &PgOrderListParams) -> Paginator<V2Pages<PgOrderListParams>> {
        Paginator::new(self.client.clone(), V2Pages::new(params.clone()))
    }

    /// One order by order id or invoice number.
    pub async fn get(&self, id: &str) -> Result<PgOrder> {
        self.client.execute(&GetOrder(id.to_string())).await
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
