//! Response values and the fixed error bodies of both API versions.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::server::ratelimit::Limited;

#[derive(Serialize)]
struct V2Error<'a> {
    status: &'static str,
    message: &'a str,
    error_code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<BTreeMap<&'a str, Vec<&'a str>>>,
}

#[allow(
    clippy::expect_used,
    reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
)]
fn to_vec<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("serialise error body")
}

/// Which API a request addresses; decides error shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `/userapi/…` (CodeIgniter-style envelopes).
    V1,
    /// `/v2/…` and anything else (`{"status":"error",…}`).
    V2,
    /// `/pgapi/…`, the payment gateway (`{"message":"…"}`).
    Pg,
    /// `/userapi/bidv/…` VA orders: v2 JSON errors on the v1 host (v1
    /// rate-limit header and HTML gateway pages).
    V1Orders,
    /// `/oauth/…` (`{"error":"…","error_description":"…"}`).
    OAuth,
    /// `/bankhub/…` (`{"code":N,"message":"…"}`).
    BankHub,
}

impl Flavor {
    /// The flavor of a request path.
    pub fn of(path: &str) -> Flavor {
        let under = |p: &str| path == p || path.starts_with(&format!("{p}/"));
        if under("/userapi/bidv") {
            Flavor::V1Orders
        } else if under("/userapi") {
            Flavor::V1
        } else if under("/pgapi") {
            Flavor::Pg
        } else if under("/oauth") {
            Flavor::OAuth
        } else if under("/bankhub") {
            Flavor::BankHub
        } else {
            Flavor::V2
        }
    }
}

/// A fully buffered API response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiResponse {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<&'static str>,
    /// Extra headers.
    pub headers: Vec<(&'static str, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// JSON content type.
pub const JSON: &str = "application/json; charset=utf-8";
/// HTML content type.
pub const HTML: &str = "text/html; charset=UTF-8";

impl ApiResponse {
    /// A JSON response.
    pub fn json(status: u16, body: Vec<u8>) -> ApiResponse {
        ApiResponse {
            status,
            content_type: Some(JSON),
            headers: Vec::new(),
            body,
        }
    }

    /// An HTML response.
    pub fn html(status: u16, body: &str) -> ApiResponse {
        ApiResponse {
            status,
            content_type: Some(HTML),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    /// v1 CodeIgniter-style error: `{"status":N,"error":N,"messages":{"error":"…"}}` (UNVERIFIED shape).
    pub fn v1_error(status: u16, message: &str) -> ApiResponse {
        #[derive(Serialize)]
        struct Messages<'a> {
            error: &'a str,
        }
        #[derive(Serialize)]
        struct Body<'a> {
            status: u16,
            error: u16,
            messages: Messages<'a>,
        }
        let body = Body {
            status,
            error: status,
            messages: Messages { error: message },
        };
        ApiResponse::json(status, to_vec(&body))
    }

    /// v2 error: `{"status":"error","message":"…","error_code":"…"}`.
    pub fn v2_error(status: u16, message: &str, code: &str) -> ApiResponse {
        let body = V2Error {
            status: "error",
            message,
            error_code: code,
            errors: None,
        };
        ApiResponse::json(status, to_vec(&body))
    }

    /// v2 validation error (422) with per-field messages (UNVERIFIED shape).
    pub fn v2_validation(errors: &[(String, String)]) -> ApiResponse {
        let mut map: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (field, msg) in errors {
            map.entry(field).or_default().push(msg);
        }
        let body = V2Error {
            status: "error",
            message: "The given data was invalid.",
            error_code: "validation_error",
            errors: Some(map),
        };
        ApiResponse::json(422, to_vec(&body))
    }

    /// Not found in the request's flavor.
    pub fn not_found(flavor: Flavor) -> ApiResponse {
        match flavor {
            Flavor::V1 => ApiResponse::v1_error(404, "Not found"),
            Flavor::V2 | Flavor::V1Orders => {
                ApiResponse::v2_error(404, "Resource not found", "not_found")
            }
            Flavor::Pg => ApiResponse::pg_error(404, "Not found"),
            Flavor::OAuth => ApiResponse::oauth_error(404, "not_found", "Not found"),
            Flavor::BankHub => ApiResponse::bankhub_not_found("Not found"),
        }
    }

    /// OAuth2 error `{"error":"…","error_description":"…"}`.
    pub fn oauth_error(status: u16, error: &str, description: &str) -> ApiResponse {
        let body = serde_json::json!({ "error": error, "error_description": description });
        ApiResponse::json(status, body.to_string().into_bytes())
    }

    /// Bank Hub error `{"code":status,"message":"…"}`.
    pub fn bankhub_error(status: u16, message: &str) -> ApiResponse {
        let body = serde_json::json!({ "code": status, "message": message });
        ApiResponse::json(status, body.to_string().into_bytes())
    }

    /// Bank Hub 404 `{"code":404,"message":"…","status":404,"error":"Not Found"}`
    /// (the docs show the keys with placeholder values).
    pub fn bankhub_not_found(message: &str) -> ApiResponse {
        let body = serde_json::json!({
            "code": 404, "message": message, "status": 404, "error": "Not Found"
        });
        ApiResponse::json(404, body.to_string().into_bytes())
    }

    /// Payment-gateway error `{"message":"…"}` (shape UNVERIFIED).
    pub fn pg_error(status: u16, message: &str) -> ApiResponse {
        #[derive(Serialize)]
        struct Body<'a> {
            message: &'a str,
        }
        ApiResponse::json(status, to_vec(&Body { message }))
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &'static str, value: impl ToString) -> ApiResponse {
        self.headers.push((name, value.to_string()));
        self
    }
}

/// The 429 response of the rate limiter (and of the `429` fault).
pub fn rate_limited(flavor: Flavor, l: Limited) -> ApiResponse {
    match flavor {
        Flavor::V1 => ApiResponse::v1_error(429, "Too many requests")
            .with_header("x-sepay-userapi-retry-after", l.retry_after),
        Flavor::V2 => ApiResponse::v2_error(429, "Too many requests", "rate_limited")
            .with_header("Retry-After", l.retry_after)
            .with_header("X-RateLimit-Limit", l.limit)
            .with_header("X-RateLimit-Remaining", 0)
            .with_header("X-RateLimit-Reset", l.retry_after),
        Flavor::Pg => ApiResponse::pg_error(429, "Too Many Attempts.")
            .with_header("Retry-After", l.retry_after)
            .with_header("X-RateLimit-Limit", l.limit)
            .with_header("X-RateLimit-Remaining", 0),
        Flavor::V1Orders => ApiResponse::v2_error(429, "Too many requests", "rate_limited")
            .with_header("x-sepay-userapi-retry-after", l.retry_after)
            .with_header("Retry-After", l.retry_after),
        Flavor::OAuth => ApiResponse::oauth_error(429, "rate_limited", "Too many requests")
            .with_header("Retry-After", l.retry_after),
        Flavor::BankHub => ApiResponse::bankhub_error(429, "Too many requests")
            .with_header("Retry-After", l.retry_after)
            .with_header("X-RateLimit-Limit", l.limit)
            .with_header("X-RateLimit-Remaining", 0),
    }
}

fn nginx_page(title: &str) -> String {
    format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )
}

/// HTTP 500 (v1: nginx HTML page; v2: JSON `internal_error`).
pub fn error_500(flavor: Flavor) -> ApiResponse {
    match flavor {
        Flavor::V1 | Flavor::V1Orders => {
            ApiResponse::html(500, &nginx_page("500 Internal Server Error"))
        }
        Flavor::V2 => ApiResponse::v2_error(500, "Internal server error", "internal_error"),
        Flavor::Pg => ApiResponse::pg_error(500, "Server Error"),
        Flavor::OAuth => ApiResponse::oauth_error(500, "server_error", "Internal server error"),
        Flavor::BankHub => ApiResponse::bankhub_error(500, "Internal server error"),
    }
}

/// HTTP 503 (v1: nginx HTML page; v2: JSON `service_unavailable`).
pub fn error_503(flavor: Flavor) -> ApiResponse {
    match flavor {
        Flavor::V1 | Flavor::V1Orders => {
            ApiResponse::html(503, &nginx_page("503 Service Temporarily Unavailable"))
        }
        Flavor::V2 => ApiResponse::v2_error(503, "Service unavailable", "service_unavailable"),
        Flavor::Pg => ApiResponse::pg_error(503, "Service Unavailable"),
        Flavor::OAuth => {
            ApiResponse::oauth_error(503, "temporarily_unavailable", "Service unavailable")
        }
        Flavor::BankHub => ApiResponse::bankhub_error(503, "Service unavailable"),
    }
}

/// HTTP 200 with an HTML maintenance page (the `html` fault).
pub fn html_page() -> ApiResponse {
    ApiResponse::html(
        200,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>SePay - Bao tri he thong</title></head>\n<body><h1>He thong dang bao tri</h1><p>Vui long thu lai sau.</p></body>\n</html>\n",
    )
}

/// HTTP 200 with an empty body.
pub fn empty_200(content_type: Option<&'static str>) -> ApiResponse {
    ApiResponse {
        status: 200,
        content_type,
        headers: Vec::new(),
        body: Vec::new(),
    }
}
