//! `POST /bankhub/v1/token`: `Authorization: Basic base64(client_id:client_secret)`,
//! empty body → 201 `{"code":201,"access_token":"…","ttl":60000}` (ttl in
//! seconds, `bankhub_token_ttl`); wrong credentials → 401
//! `{"code":401,"message":"Unauthenticated"}`.

use axum::http::Method;
use serde_json::json;

use crate::common::respond::ApiResponse;
use crate::server::state::AppState;
use crate::server::surface::Incoming;

/// Answers the token endpoint.
pub fn handle(app: &AppState, r: &Incoming) -> ApiResponse {
    if r.method != Method::POST {
        return ApiResponse::bankhub_error(405, "Method not allowed");
    }
    let mut store = app.bankhub();
    if !store.client_ok(&r.authorization) {
        return ApiResponse::bankhub_error(401, "Unauthenticated");
    }
    let token = store.issue_token();
    let body = json!({ "code": 201, "access_token": token, "ttl": store.ttl.as_secs() });
    ApiResponse::json(201, body.to_string().into_bytes())
}
