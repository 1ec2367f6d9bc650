//! `POST /__sandbox/va/pay`: a transfer into a VA-order virtual account. It
//! becomes a real transaction of the order's bank account (webhooks
//! included, like `simulate/transaction`) and moves the VA and the order
//! along their state machine.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::common::timefmt::now_local;
use crate::dataset::simulated::NewTxn;
use crate::server::state::AppState;
use crate::va_orders::model::{QrOptions, VaOrderView};
use crate::va_orders::store::{OrderBank, VaError};
use crate::webhooks::admin::admin_error;
use crate::webhooks::simulate::{append_and_deliver, SimulatedTransaction};

/// Body of `POST /__sandbox/va/pay`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaPay {
    /// The order VA paid into.
    pub va_number: String,
    /// Amount in whole VND.
    pub amount: u64,
    /// Transfer memo (default: `"<order_code> chuyen tien vao <va_number>"`).
    #[serde(default)]
    pub content: Option<String>,
}

/// Answer of `POST /__sandbox/va/pay`: the transaction (as
/// `simulate/transaction` answers it) plus the order after the payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaPaid {
    /// The appended transaction and its webhook.
    #[serde(flatten)]
    pub transaction: SimulatedTransaction,
    /// The order after the payment.
    pub order: VaOrderView,
}

/// Pays `req.amount` into the VA; see the module docs.
pub fn pay(app: &Arc<AppState>, req: &VaPay) -> Result<VaPaid, VaError> {
    let mut store = app.va_orders();
    let (oi, vi) = store
        .find_va(&req.va_number)
        .ok_or(VaError::NotFound("VA not found"))?;
    let index = store.at(oi).account;
    let account = app.dataset().accounts[index as usize].clone();
    let bank = OrderBank::of(&account).ok_or(VaError::NotFound("VA not found"))?;
    if req.amount == 0 {
        let msg = "must be a positive integer".to_string();
        return Err(VaError::Validation(vec![("amount".into(), msg)]));
    }
    store.check_payment(oi, vi, bank, req.amount, now_local())?;
    let code = store.at(oi).order_code.clone();
    let content = req
        .content
        .clone()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| format!("{code} chuyen tien vao {}", req.va_number));
    let transaction = append_and_deliver(
        app,
        NewTxn {
            account: index,
            amount: req.amount,
            incoming: true,
            content,
            code: Some(code),
            va_slot: None,
            order_va: Some(req.va_number.clone()),
        },
    )
    .map_err(VaError::Conflict)?;
    store.apply_payment(oi, vi, bank, req.amount);
    let order = VaOrderView::new(store.at(oi), &account, QrOptions::default());
    Ok(VaPaid { transaction, order })
}

/// The VA-order admin routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/__sandbox/va/pay", post(pay_handler))
        .route("/__sandbox/va/orders", get(orders))
}

/// The admin answer of a refused payment.
pub fn pay_error(e: VaError) -> Response {
    match e {
        VaError::NotFound(m) => admin_error(StatusCode::NOT_FOUND, m),
        VaError::Validation(errors) => {
            let msg = errors
                .iter()
                .map(|(k, m)| format!("{k} {m}"))
                .collect::<Vec<_>>()
                .join("; ");
            admin_error(StatusCode::UNPROCESSABLE_ENTITY, &msg)
        }
        VaError::InvalidState(m) | VaError::Conflict(m) => admin_error(StatusCode::CONFLICT, &m),
        VaError::Duplicate => admin_error(StatusCode::CONFLICT, "duplicate"),
    }
}

async fn pay_handler(State(app): State<Arc<AppState>>, Json(req): Json<VaPay>) -> Response {
    match pay(&app, &req) {
        Ok(p) => Json(p).into_response(),
        Err(e) => pay_error(e),
    }
}

async fn orders(State(app): State<Arc<AppState>>) -> Response {
    let accounts = app.dataset().accounts.clone();
    let store = app.va_orders();
    let all: Vec<VaOrderView> = store
        .all()
        .iter()
        .map(|o| VaOrderView::new(o, &accounts[o.account as usize], QrOptions::default()))
        .collect();
    Json(json!({ "data": all })).into_response()
}
