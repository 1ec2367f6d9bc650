//! Which API surface a request addresses, how it authenticates and how it
//! is routed once it has passed the rate limiter, the faults and the auth
//! check of [`crate::server::pipeline`].

use std::sync::Arc;

use axum::http::{header, HeaderMap, Method};
use bytes::Bytes;

use crate::common::params::{segments, Params};
use crate::common::respond::{ApiResponse, Flavor};
use crate::server::auth::{self, AuthResult};
use crate::server::state::AppState;
use crate::va_orders::api::{OrderApi, OrderRequest};
use crate::{bank_hub, oauth, payment_gateway, v1, v2, va_orders};

/// An API surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// User API v1 `/userapi/…` (read endpoints).
    V1,
    /// v1 VA orders `/userapi/bidv/…`.
    V1Orders,
    /// User API v2 `/v2/…` (and any unknown path).
    V2,
    /// Payment-gateway order API `/pgapi/…`.
    Pg,
    /// `/oauth/…` (the token endpoint).
    OAuth,
    /// OAuth2 resource API `/api/v1/…`.
    OAuthApi,
    /// `/bankhub/v1/token`.
    BankHubToken,
    /// The rest of `/bankhub/…`.
    BankHub,
}

impl Surface {
    /// The surface of a request path.
    pub fn of(path: &str) -> Surface {
        match Flavor::of(path) {
            Flavor::V1 => Surface::V1,
            Flavor::V1Orders => Surface::V1Orders,
            Flavor::Pg => Surface::Pg,
            Flavor::OAuth => Surface::OAuth,
            Flavor::BankHub if segments(path) == ["bankhub", "v1", "token"] => {
                Surface::BankHubToken
            }
            Flavor::BankHub => Surface::BankHub,
            Flavor::V2 if path == "/api/v1" || path.starts_with("/api/v1/") => Surface::OAuthApi,
            Flavor::V2 => Surface::V2,
        }
    }

    /// The error shapes of the surface.
    pub fn flavor(self) -> Flavor {
        match self {
            Surface::V1 => Flavor::V1,
            Surface::V1Orders => Flavor::V1Orders,
            Surface::V2 | Surface::OAuthApi => Flavor::V2,
            Surface::Pg => Flavor::Pg,
            Surface::OAuth => Flavor::OAuth,
            Surface::BankHubToken | Surface::BankHub => Flavor::BankHub,
        }
    }

    /// Token endpoints check client credentials themselves: the pipeline
    /// lets them through and logs `authorized` = "not answered 401".
    pub fn checks_own_credentials(self) -> bool {
        matches!(self, Surface::OAuth | Surface::BankHubToken)
    }
}

/// The token of an `Authorization: Bearer …` value.
pub fn bearer_value(value: &str) -> Option<&str> {
    let v = value.trim();
    (v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer ")).then(|| v[7..].trim())
}

/// The bearer token of an `Authorization` header, if it has one.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    bearer_value(headers.get(header::AUTHORIZATION)?.to_str().ok()?)
}

fn presence(headers: &HeaderMap, ok: bool) -> AuthResult {
    if ok {
        AuthResult::Ok
    } else if headers.contains_key(header::AUTHORIZATION) {
        AuthResult::Invalid
    } else {
        AuthResult::Missing
    }
}

/// Checks the credentials a surface needs.
pub fn authenticate(app: &AppState, surface: Surface, headers: &HeaderMap) -> AuthResult {
    match surface {
        Surface::V1 | Surface::V1Orders | Surface::V2 => auth::check(headers, &app.token),
        Surface::Pg => presence(headers, payment_gateway::api::authorized(app, headers)),
        Surface::OAuth | Surface::BankHubToken => AuthResult::Ok,
        Surface::OAuthApi => {
            let ok = bearer(headers).is_some_and(|t| app.oauth().access(t).is_some());
            presence(headers, ok)
        }
        Surface::BankHub => {
            let ok = bearer(headers).is_some_and(|t| app.bankhub().token_valid(t));
            presence(headers, ok)
        }
    }
}

/// The answer to a request that failed [`authenticate`].
pub fn unauthorized(surface: Surface, why: AuthResult) -> ApiResponse {
    match surface {
        Surface::OAuthApi => {
            let msg = if why == AuthResult::Missing {
                "Missing Authorization header"
            } else {
                "Token expired"
            };
            ApiResponse::v2_error(401, msg, "unauthorized")
        }
        other => auth::unauthorized(other.flavor(), why),
    }
}

/// An authorized request, body read.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// Method.
    pub method: Method,
    /// Path.
    pub path: String,
    /// Raw query.
    pub query: String,
    /// `Content-Type` (empty when none).
    pub content_type: String,
    /// `Authorization` (empty when none).
    pub authorization: String,
    /// Body.
    pub body: Bytes,
}

/// Routes an authorized request of any surface but the payment gateway.
pub fn dispatch(app: &Arc<AppState>, surface: Surface, r: &Incoming) -> ApiResponse {
    let segs = segments(&r.path);
    let params = Params::parse(&r.query);
    let get = r.method == Method::GET;
    let orders = |api, account_id: &str, rest: &[&str]| {
        va_orders::api::handle(
            app,
            &OrderRequest {
                api,
                method: &r.method,
                account_id,
                rest,
                params: &params,
                content_type: &r.content_type,
                body: &r.body,
            },
        )
    };
    match (surface, segs.as_slice()) {
        (Surface::V1Orders, ["userapi", "bidv", ba, "orders", rest @ ..]) => {
            orders(OrderApi::V1, ba, rest)
        }
        (Surface::V1 | Surface::V1Orders, _) if !get => ApiResponse::not_found(surface.flavor()),
        (Surface::V1 | Surface::V1Orders, [_, rest @ ..]) => {
            v1::handle(&app.dataset(), app.v1_order, rest, &params)
        }
        (Surface::V2, ["v2", "bank-accounts", ba, "orders", rest @ ..]) => {
            orders(OrderApi::V2, ba, rest)
        }
        (Surface::V2, _) if !get => {
            ApiResponse::v2_error(405, "Method not allowed", "method_not_allowed")
        }
        (Surface::V2, ["v2", rest @ ..]) => v2::handle(&app.dataset(), rest, &params),
        (Surface::OAuth, ["oauth", "token"]) => oauth::token::handle(app, r),
        (Surface::OAuthApi, ["api", "v1", rest @ ..]) => oauth::api::handle(app, r, rest),
        (Surface::BankHubToken, _) => bank_hub::token::handle(app, r),
        (Surface::BankHub, ["bankhub", "v1", rest @ ..]) => bank_hub::api::handle(app, r, rest),
        _ => ApiResponse::not_found(surface.flavor()),
    }
}
