//! `/__sandbox/…` control endpoints: no auth, no rate limit, no faults, not logged.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::server::faults::{Fault, FaultConfig};
use crate::server::log::LoggedRequest;
use crate::server::ratelimit::RateLimiter;
use crate::server::state::AppState;

/// Body of `POST /__sandbox/faults/next`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextFaults {
    /// Faults for the next API requests, one each, in order.
    pub faults: Vec<Fault>,
}

/// Body of `POST /__sandbox/rate-limit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateLimitBody {
    /// Requests per second; `null` or 0 = off.
    pub per_second: Option<f64>,
}

/// Body of `GET /__sandbox/faults`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultsView {
    /// Random-fault configuration.
    pub config: FaultConfig,
    /// Faults still queued.
    pub queued: Vec<Fault>,
}

/// The admin routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/__sandbox/requests", get(requests).delete(clear_requests))
        .route("/__sandbox/faults", get(faults).post(set_faults))
        .route("/__sandbox/faults/next", post(push_faults))
        .route("/__sandbox/rate-limit", post(set_rate_limit))
        .route("/__sandbox/stats", get(stats))
        .route("/__sandbox/credentials", get(credentials))
        .route("/__sandbox/oauth/expire", post(expire_oauth))
        .route("/__sandbox/bankhub/expire", post(expire_bankhub))
        .merge(crate::webhooks::admin::routes())
        .merge(crate::payment_gateway::admin::routes())
        .merge(crate::va_orders::pay::routes())
        .route("/__sandbox", any(not_found))
        .route("/__sandbox/{*rest}", any(not_found))
}

async fn requests(State(app): State<Arc<AppState>>) -> Json<Vec<LoggedRequest>> {
    Json(app.log().snapshot())
}

async fn clear_requests(State(app): State<Arc<AppState>>) -> StatusCode {
    app.log().clear();
    StatusCode::NO_CONTENT
}

async fn faults(State(app): State<Arc<AppState>>) -> Json<FaultsView> {
    let f = app.faults();
    Json(FaultsView {
        config: f.config().clone(),
        queued: f.queued(),
    })
}

async fn set_faults(State(app): State<Arc<AppState>>, Json(c): Json<FaultConfig>) -> StatusCode {
    app.faults().set_config(c);
    StatusCode::NO_CONTENT
}

async fn push_faults(State(app): State<Arc<AppState>>, Json(n): Json<NextFaults>) -> StatusCode {
    app.faults().push(n.faults);
    StatusCode::NO_CONTENT
}

async fn set_rate_limit(
    State(app): State<Arc<AppState>>,
    Json(b): Json<RateLimitBody>,
) -> StatusCode {
    *app.limiter() = RateLimiter::new(b.per_second);
    StatusCode::NO_CONTENT
}

async fn credentials(State(app): State<Arc<AppState>>) -> impl IntoResponse {
    Json(app.credentials().clone())
}

async fn stats(State(app): State<Arc<AppState>>) -> impl IntoResponse {
    Json(app.dataset().stats())
}

async fn expire_oauth(State(app): State<Arc<AppState>>) -> StatusCode {
    app.oauth().expire_access_tokens();
    StatusCode::NO_CONTENT
}

async fn expire_bankhub(State(app): State<Arc<AppState>>) -> StatusCode {
    app.bankhub().expire_tokens();
    StatusCode::NO_CONTENT
}

async fn not_found() -> impl IntoResponse {
    (StatusCode::NOT_FOUND, "unknown sandbox admin endpoint\n")
}
