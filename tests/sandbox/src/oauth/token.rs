//! `POST /oauth/token` (sepay-api.md §5.1): form-encoded (JSON accepted too)
//! `grant_type=authorization_code|refresh_token` with the app's
//! `client_id` / `client_secret` (or HTTP Basic) → 200
//! `{"access_token","refresh_token","expires_in","token_type":"Bearer","scope"}`.
//! Errors: 400 `{"error":"invalid_grant"|…,"error_description"}`, 401
//! `invalid_client`.

use axum::http::Method;
use base64::Engine;
use serde::Serialize;

use crate::common::body::Fields;
use crate::common::respond::ApiResponse;
use crate::oauth::store::{Issued, TokenError};
use crate::server::state::AppState;
use crate::server::surface::Incoming;

#[derive(Serialize)]
struct Answer<'a> {
    access_token: &'a str,
    refresh_token: &'a str,
    expires_in: u64,
    token_type: &'static str,
    scope: &'a str,
}

/// `(client_id, client_secret)` of an `Authorization: Basic` value.
fn basic(authorization: &str) -> Option<(String, String)> {
    let v = authorization.trim();
    if v.len() < 6 || !v[..6].eq_ignore_ascii_case("basic ") {
        return None;
    }
    let raw = base64::engine::general_purpose::STANDARD
        .decode(v[6..].trim())
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

fn answer(t: &Issued) -> ApiResponse {
    let body = Answer {
        access_token: &t.access_token,
        refresh_token: &t.refresh_token,
        expires_in: t.expires_in,
        token_type: "Bearer",
        scope: &t.scope,
    };
    #[allow(
        clippy::expect_used,
        reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
    )]
    let body = serde_json::to_vec(&body).expect("serialise token");
    ApiResponse::json(200, body).with_header("Cache-Control", "no-store")
}

fn refused(e: TokenError) -> ApiResponse {
    match e {
        TokenError::InvalidClient => ApiResponse::oauth_error(
            401,
            "invalid_client",
            "Client authentication failed (unknown client or wrong secret).",
        ),
        TokenError::InvalidGrant(d) => ApiResponse::oauth_error(400, "invalid_grant", d),
    }
}

/// Answers `/oauth/token`.
pub fn handle(app: &AppState, r: &Incoming) -> ApiResponse {
    if r.method != Method::POST {
        return ApiResponse::oauth_error(405, "invalid_request", "Use POST.");
    }
    let f = match Fields::parse(&r.content_type, &r.body) {
        Ok(f) => f,
        Err(e) => return ApiResponse::oauth_error(400, "invalid_request", &e.0),
    };
    let (client_id, secret) = match (f.text("client_id"), basic(&r.authorization)) {
        (Some(id), _) => (id, f.text("client_secret").unwrap_or_default()),
        (None, Some(pair)) => pair,
        (None, None) => (String::new(), String::new()),
    };
    let mut store = app.oauth();
    if let Err(e) = store.authenticate(&client_id, &secret) {
        return refused(e);
    }
    let result = match f.text("grant_type").as_deref() {
        Some("authorization_code") => match f.text("code") {
            Some(code) => {
                let redirect = f.text("redirect_uri");
                store.exchange_code(&client_id, &code, redirect.as_deref())
            }
            None => return ApiResponse::oauth_error(400, "invalid_request", "code is required."),
        },
        Some("refresh_token") => match f.text("refresh_token") {
            Some(t) => store.refresh(&client_id, &t),
            None => {
                let msg = "refresh_token is required.";
                return ApiResponse::oauth_error(400, "invalid_request", msg);
            }
        },
        Some(_) => {
            let msg = "grant_type must be authorization_code or refresh_token.";
            return ApiResponse::oauth_error(400, "unsupported_grant_type", msg);
        }
        None => return ApiResponse::oauth_error(400, "invalid_request", "grant_type is required."),
    };
    match result {
        Ok(t) => answer(&t),
        Err(e) => refused(e),
    }
}
