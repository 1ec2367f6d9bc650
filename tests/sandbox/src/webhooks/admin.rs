//! Admin endpoints of user webhooks: targets, simulated transactions and
//! the delivery log.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::server::state::AppState;
use crate::webhooks::deliveries::DeliveryAttempt;
use crate::webhooks::simulate::{simulate, SimulateTransaction};
use crate::webhooks::target::{RegisteredWebhook, WebhookTarget};

/// `(status, {"error": message})`.
pub fn admin_error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// The webhook admin routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/__sandbox/webhooks", get(list).post(register))
        .route("/__sandbox/webhooks/{id}", delete(remove))
        .route(
            "/__sandbox/webhooks/deliveries",
            get(deliveries).delete(clear_deliveries),
        )
        .route("/__sandbox/simulate/transaction", post(simulate_txn))
}

async fn register(State(app): State<Arc<AppState>>, Json(t): Json<WebhookTarget>) -> Response {
    match app.webhooks().add(t) {
        Ok(id) => Json(json!({ "id": id })).into_response(),
        Err(e) => admin_error(StatusCode::BAD_REQUEST, &e),
    }
}

async fn list(State(app): State<Arc<AppState>>) -> Json<Vec<RegisteredWebhook>> {
    Json(app.webhooks().list())
}

async fn remove(State(app): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let removed = id.parse().is_ok_and(|id| app.webhooks().remove(id));
    if removed {
        StatusCode::NO_CONTENT.into_response()
    } else {
        admin_error(StatusCode::NOT_FOUND, "unknown webhook id")
    }
}

async fn deliveries(State(app): State<Arc<AppState>>) -> Json<Vec<DeliveryAttempt>> {
    Json(app.deliveries().clone())
}

async fn clear_deliveries(State(app): State<Arc<AppState>>) -> StatusCode {
    app.deliveries().clear();
    StatusCode::NO_CONTENT
}

async fn simulate_txn(
    State(app): State<Arc<AppState>>,
    Json(req): Json<SimulateTransaction>,
) -> Response {
    match simulate(&app, req) {
        Ok(t) => Json(t).into_response(),
        Err(e) => admin_error(StatusCode::BAD_REQUEST, &e),
    }
}
