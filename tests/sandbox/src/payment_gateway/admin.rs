//! Admin endpoints of the payment gateway: simulate a payment, configure the
//! IPN target, list IPN attempts and orders.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::common::timefmt::now_local;
use crate::payment_gateway::ipn;
use crate::payment_gateway::model::OrderView;
use crate::payment_gateway::store::{IpnTarget, PgError};
use crate::server::state::AppState;
use crate::webhooks::admin::admin_error;
use crate::webhooks::deliveries::IpnAttempt;

/// Body of `POST /__sandbox/pg/pay`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PgPay {
    /// The order's invoice number.
    pub order_invoice_number: String,
    /// `CARD`, `BANK_TRANSFER` or `NAPAS_BANK_TRANSFER` (default: the
    /// method the form asked for, else `BANK_TRANSFER`).
    #[serde(default)]
    pub payment_method: Option<String>,
}

/// Answer of `POST /__sandbox/pg/pay`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PgPaid {
    /// The order after payment.
    pub data: OrderView,
    /// Whether an `ORDER_PAID` IPN is being delivered.
    pub ipn_queued: bool,
}

/// Marks the order CAPTURED and queues its `ORDER_PAID` IPN.
pub fn pay(app: &Arc<AppState>, req: &PgPay) -> Result<PgPaid, PgError> {
    let order = app
        .pg()
        .pay(
            &req.order_invoice_number,
            req.payment_method.as_deref(),
            now_local(),
        )?
        .clone();
    let ipn_queued = ipn::notify(app, "ORDER_PAID", &order);
    Ok(PgPaid {
        data: OrderView::new(&order),
        ipn_queued,
    })
}

/// The payment-gateway admin routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/__sandbox/pg/pay", post(pay_handler))
        .route("/__sandbox/pg/ipn", get(ipn).post(set_ipn))
        .route(
            "/__sandbox/pg/ipn/deliveries",
            get(ipn_deliveries).delete(clear_ipn_deliveries),
        )
        .route("/__sandbox/pg/orders", get(orders))
}

async fn pay_handler(State(app): State<Arc<AppState>>, Json(req): Json<PgPay>) -> Response {
    match pay(&app, &req) {
        Ok(p) => Json(p).into_response(),
        Err(PgError::NotFound) => admin_error(StatusCode::NOT_FOUND, "Order not found"),
        Err(PgError::Rejected(m)) => admin_error(StatusCode::CONFLICT, &m),
    }
}

async fn ipn(State(app): State<Arc<AppState>>) -> Json<Option<IpnTarget>> {
    Json(app.pg().ipn.clone())
}

/// `{"url", "secret_key"}` sets the target; `{"url": null}` (or `""`) removes it.
async fn set_ipn(
    State(app): State<Arc<AppState>>,
    Json(body): Json<serde_json::Value>,
) -> Response {
    let target = match body.get("url") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.is_empty() => None,
        Some(_) => match serde_json::from_value::<IpnTarget>(body.clone()) {
            Ok(t) if t.url.starts_with("http://") || t.url.starts_with("https://") => Some(t),
            _ => return admin_error(StatusCode::BAD_REQUEST, "url must be an http(s) URL"),
        },
    };
    app.pg().ipn = target;
    StatusCode::NO_CONTENT.into_response()
}

async fn ipn_deliveries(State(app): State<Arc<AppState>>) -> Json<Vec<IpnAttempt>> {
    Json(app.ipn_deliveries().clone())
}

async fn clear_ipn_deliveries(State(app): State<Arc<AppState>>) -> StatusCode {
    app.ipn_deliveries().clear();
    StatusCode::NO_CONTENT
}

async fn orders(State(app): State<Arc<AppState>>) -> Response {
    let all: Vec<OrderView> = app.pg().orders().iter().map(OrderView::new).collect();
    Json(json!({ "data": all })).into_response()
}
