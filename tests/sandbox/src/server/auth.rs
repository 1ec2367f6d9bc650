//! Bearer-token check and the per-version "unauthorized" answers.

use axum::http::{header::AUTHORIZATION, HeaderMap};

use crate::common::respond::{ApiResponse, Flavor, HTML};

/// Result of checking the `Authorization` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthResult {
    /// `Bearer <token>` with the right token.
    Ok,
    /// No `Authorization` header.
    Missing,
    /// Present but wrong (scheme or token).
    Invalid,
}

/// Checks `Authorization: Bearer <token>` (scheme case-insensitive).
pub fn check(headers: &HeaderMap, token: &str) -> AuthResult {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return AuthResult::Missing;
    };
    let Ok(value) = value.to_str() else {
        return AuthResult::Invalid;
    };
    let value = value.trim();
    let ok =
        value.len() > 7 && value[..7].eq_ignore_ascii_case("bearer ") && value[7..].trim() == token;
    if ok {
        AuthResult::Ok
    } else {
        AuthResult::Invalid
    }
}

/// v1: HTTP 200 with an empty body; v2 and v1 VA orders: 401 JSON
/// `unauthorized`; payment gateway: 401 `{"message":"Unauthenticated"}`;
/// Bank Hub: 401 `{"code":401,"message":"Unauthenticated"}`.
pub fn unauthorized(flavor: Flavor, why: AuthResult) -> ApiResponse {
    match flavor {
        Flavor::V1 => ApiResponse {
            status: 200,
            content_type: Some(HTML),
            headers: Vec::new(),
            body: Vec::new(),
        },
        Flavor::V2 | Flavor::V1Orders => {
            let msg = if why == AuthResult::Missing {
                "Missing Authorization header"
            } else {
                "Invalid API key"
            };
            ApiResponse::v2_error(401, msg, "unauthorized")
        }
        Flavor::Pg => ApiResponse::pg_error(401, "Unauthenticated"),
        Flavor::OAuth => ApiResponse::oauth_error(401, "invalid_client", "Unauthenticated"),
        Flavor::BankHub => ApiResponse::bankhub_error(401, "Unauthenticated"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_check() {
        let mut h = HeaderMap::new();
        assert_eq!(check(&h, "t0k"), AuthResult::Missing);
        h.insert(AUTHORIZATION, "Bearer t0k".parse().unwrap());
        assert_eq!(check(&h, "t0k"), AuthResult::Ok);
        h.insert(AUTHORIZATION, "bearer t0k".parse().unwrap());
        assert_eq!(check(&h, "t0k"), AuthResult::Ok);
        h.insert(AUTHORIZATION, "Bearer nope".parse().unwrap());
        assert_eq!(check(&h, "t0k"), AuthResult::Invalid);
        h.insert(AUTHORIZATION, "Apikey t0k".parse().unwrap());
        assert_eq!(check(&h, "t0k"), AuthResult::Invalid);
        let r = unauthorized(Flavor::V1, AuthResult::Missing);
        assert_eq!((r.status, r.body.len()), (200, 0));
        let r = unauthorized(Flavor::V2, AuthResult::Missing);
        assert_eq!(r.status, 401);
    }
}
