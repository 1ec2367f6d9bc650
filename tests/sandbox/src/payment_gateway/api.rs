//! Payment-gateway order API under `/pgapi/v1/` (Basic auth): list, detail,
//! void, cancel. Errors are `{"message": "…"}` (shape UNVERIFIED).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::http::{HeaderMap, Method};
use serde_json::{json, Value};

use crate::common::params::Params;
use crate::common::respond::ApiResponse;
use crate::common::timefmt::{self, now_local};
use crate::payment_gateway::crypto::basic_ok;
use crate::payment_gateway::ipn;
use crate::payment_gateway::model::{OrderView, PgMeta};
use crate::payment_gateway::store::{PgError, PgOrder};
use crate::server::state::AppState;
use crate::v2::params::{DEFAULT_PER_PAGE, MAX_PER_PAGE};

/// `{"message": message}` with `status`.
pub fn message(status: u16, message: &str) -> ApiResponse {
    ApiResponse::json(
        status,
        json!({ "message": message }).to_string().into_bytes(),
    )
}

/// Whether the request carries the merchant's Basic credentials.
pub fn authorized(app: &AppState, headers: &HeaderMap) -> bool {
    let h = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    basic_ok(h, &app.pg_merchant_id, &app.pg_secret_key)
}

/// Answers an authorized request; `segs` are the path segments after `pgapi/v1`.
pub fn handle(
    app: &Arc<AppState>,
    method: &Method,
    segs: &[&str],
    query: &str,
    body: &[u8],
) -> ApiResponse {
    let get = method == Method::GET;
    let post = method == Method::POST;
    match segs {
        ["order"] if get => list(app, &Params::parse(query)),
        ["order", "detail", id] if get => detail(app, id),
        ["order", "voidTransaction"] if post => change(app, body, Change::Void),
        ["order", "cancel"] if post => change(app, body, Change::Cancel),
        ["order"] | ["order", "detail", _] | ["order", "voidTransaction"] | ["order", "cancel"] => {
            message(405, "Method not allowed")
        }
        _ => message(404, "Not found"),
    }
}

fn validation(errors: BTreeMap<&str, String>) -> ApiResponse {
    let first = errors.values().next().cloned().unwrap_or_default();
    let map: BTreeMap<&str, Vec<String>> = errors.into_iter().map(|(k, v)| (k, vec![v])).collect();
    let body = json!({ "message": first, "errors": map });
    ApiResponse::json(422, body.to_string().into_bytes())
}

fn list(app: &AppState, p: &Params) -> ApiResponse {
    let mut errors = BTreeMap::new();
    let mut num = |key: &'static str, default: u64, max: u64| match p.get(key) {
        None => default,
        Some(v) => match v.parse::<u64>() {
            Ok(n) if (1..=max).contains(&n) => n,
            _ => {
                errors.insert(
                    key,
                    format!(
                        "The {} field must be between 1 and {max}.",
                        key.replace('_', " ")
                    ),
                );
                default
            }
        },
    };
    let page = num("page", 1, u64::MAX);
    let per_page = num("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
    let mut date = |key: &'static str| {
        let v = p.get(key)?;
        let d = timefmt::parse(v);
        if d.is_none() {
            errors.insert(
                key,
                format!("The {} field must be a valid date.", key.replace('_', " ")),
            );
        }
        d
    };
    let (from, to, on) = (
        date("from_created_at"),
        date("to_created_at"),
        date("created_at"),
    );
    let desc = match p
        .get("sort[created_at]")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("desc") => true,
        Some("asc") => false,
        Some(_) => {
            errors.insert(
                "sort",
                "The sort.created_at field must be asc or desc.".into(),
            );
            true
        }
    };
    if !errors.is_empty() {
        return validation(errors);
    }
    let q = p.get("q").map(str::to_lowercase);
    let store = app.pg();
    let mut items: Vec<&PgOrder> = store
        .orders()
        .iter()
        .filter(|o| {
            p.get("order_status")
                .is_none_or(|s| o.status.eq_ignore_ascii_case(s))
        })
        .filter(|o| {
            p.get("customer_id")
                .is_none_or(|c| o.req.customer_id.as_deref() == Some(c))
        })
        .filter(|o| from.is_none_or(|d| o.created_at >= d.lower()))
        .filter(|o| to.is_none_or(|d| o.created_at <= d.upper()))
        .filter(|o| on.is_none_or(|d| (d.secs..d.secs + 86_400).contains(&o.created_at)))
        .filter(|o| {
            q.as_deref().is_none_or(|q| {
                [&o.req.invoice, &o.order_id, &o.req.description]
                    .iter()
                    .any(|s| s.to_lowercase().contains(q))
                    || o.req
                        .customer_id
                        .as_deref()
                        .is_some_and(|c| c.to_lowercase().contains(q))
            })
        })
        .collect();
    items.sort_by_key(|o| (o.created_at, o.id));
    if desc {
        items.reverse();
    }
    let meta = PgMeta::new(items.len() as u64, page, per_page);
    let skip = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
    let data: Vec<OrderView> = items
        .into_iter()
        .skip(skip)
        .take(per_page as usize)
        .map(OrderView::new)
        .collect();
    let body = json!({ "data": data, "meta": meta });
    ApiResponse::json(200, body.to_string().into_bytes())
}

fn detail(app: &AppState, id: &str) -> ApiResponse {
    match app.pg().find(id) {
        Some(o) => ApiResponse::json(
            200,
            json!({ "data": OrderView::new(o) })
                .to_string()
                .into_bytes(),
        ),
        None => message(404, "Order not found"),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Void,
    Cancel,
}

/// `order_invoice_number` of a JSON or form body.
fn invoice_of(body: &[u8]) -> Option<String> {
    let from_json =
        serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| match &v["order_invoice_number"] {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
    from_json
        .or_else(|| {
            form_urlencoded::parse(body)
                .find(|(k, _)| k == "order_invoice_number")
                .map(|(_, v)| v.into_owned())
        })
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn change(app: &Arc<AppState>, body: &[u8], what: Change) -> ApiResponse {
    let Some(invoice) = invoice_of(body) else {
        let mut e = BTreeMap::new();
        e.insert(
            "order_invoice_number",
            "The order invoice number field is required.".to_string(),
        );
        return validation(e);
    };
    let now = now_local();
    let result = {
        let mut store = app.pg();
        match what {
            Change::Void => store.void(&invoice, now),
            Change::Cancel => store.cancel(&invoice, now),
        }
        .cloned()
    };
    match result {
        Ok(order) if what == Change::Void => {
            ipn::notify(app, "TRANSACTION_VOID", &order);
            message(200, "Hủy giao dịch thành công")
        }
        Ok(_) => message(200, "Đã hủy đơn hàng thành công"),
        Err(PgError::NotFound) => message(404, "Order not found"),
        Err(PgError::Rejected(m)) => message(422, &m),
    }
}
