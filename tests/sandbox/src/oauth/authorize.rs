//! `GET /oauth/authorize` (sepay-api.md §5.1): the consent page, approved at
//! once. A known client and an acceptable `redirect_uri` (the registered one
//! or any loopback `http(s)` URI) plus a `state` → 302 to
//! `redirect_uri?code=…&state=…`; otherwise a 400 HTML page, or for a bad
//! `response_type` / `scope` a redirect with `error=…`. Logged like API
//! requests, never rate limited, consumes no fault.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::common::params::Params;
use crate::common::respond::HTML;
use crate::oauth::store::{Grant, SCOPES};
use crate::server::log::LoggedRequest;
use crate::server::state::AppState;

/// Whether `uri` is an `http(s)` URI on a loopback host.
pub fn is_loopback(uri: &str) -> bool {
    let Some(rest) = uri
        .strip_prefix("http://")
        .or_else(|| uri.strip_prefix("https://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn page(status: StatusCode, message: &str) -> Response {
    let esc = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>SePay OAuth2</title></head>\n<body><h1>Không thể cấp quyền (authorization refused)</h1><p id=\"error\">{esc}</p></body></html>\n"
    );
    (status, [(header::CONTENT_TYPE, HTML)], body).into_response()
}

fn redirect(uri: &str, pairs: &[(&str, &str)]) -> Response {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    let sep = if uri.contains('?') { '&' } else { '?' };
    let location = format!("{uri}{sep}{}", q.finish());
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

/// The answer and whether the client was recognised.
fn decide(app: &AppState, p: &Params) -> (Response, bool) {
    let Some(client_id) = p.get("client_id") else {
        return (
            page(StatusCode::BAD_REQUEST, "client_id is required"),
            false,
        );
    };
    let mut store = app.oauth();
    let Some(client) = store.client(client_id).cloned() else {
        return (page(StatusCode::BAD_REQUEST, "Unknown client_id"), false);
    };
    let redirect_uri = p
        .get("redirect_uri")
        .unwrap_or(&client.redirect_uri)
        .to_string();
    if redirect_uri != client.redirect_uri && !is_loopback(&redirect_uri) {
        let msg = "redirect_uri is not registered for this client";
        return (page(StatusCode::BAD_REQUEST, msg), true);
    }
    let Some(state) = p.get("state") else {
        return (page(StatusCode::BAD_REQUEST, "state is required"), true);
    };
    if p.get("response_type") != Some("code") {
        let pairs = [
            ("error", "unsupported_response_type"),
            ("error_description", "response_type must be code"),
            ("state", state),
        ];
        return (redirect(&redirect_uri, &pairs), true);
    }
    let asked: Vec<&str> = p
        .get("scope")
        .map(|s| s.split([' ', '+', ',']).filter(|x| !x.is_empty()).collect())
        .unwrap_or_default();
    if let Some(bad) = asked.iter().find(|s| !SCOPES.contains(s)) {
        let d = format!("unknown scope {bad}");
        let pairs = [
            ("error", "invalid_scope"),
            ("error_description", d.as_str()),
            ("state", state),
        ];
        return (redirect(&redirect_uri, &pairs), true);
    }
    let scope = if asked.is_empty() {
        SCOPES.join(" ")
    } else {
        asked.join(" ")
    };
    let grant = Grant {
        client_id: client.client_id,
        scope,
    };
    let code = store.issue_code(grant, &redirect_uri);
    (
        redirect(&redirect_uri, &[("code", &code), ("state", state)]),
        true,
    )
}

/// The axum handler.
pub async fn authorize(State(app): State<Arc<AppState>>, req: Request) -> Response {
    let received_ms = app.elapsed_ms();
    let seq = app.next_seq();
    let query = req.uri().query().unwrap_or("").to_string();
    let (resp, known) = if req.method() == Method::GET {
        decide(&app, &Params::parse(&query))
    } else {
        (page(StatusCode::METHOD_NOT_ALLOWED, "Use GET"), false)
    };
    app.log().push(LoggedRequest {
        seq,
        method: req.method().to_string(),
        path: req.uri().path().to_string(),
        query,
        status: resp.status().as_u16(),
        fault: None,
        authorized: known,
        received_ms,
        x_headers: Vec::new(),
    });
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for ok in [
            "http://127.0.0.1/callback",
            "http://127.0.0.1:8080/cb?x=1",
            "http://localhost:3000",
            "https://[::1]:9/x",
        ] {
            assert!(is_loopback(ok), "{ok}");
        }
        for bad in [
            "https://example.com/cb",
            "http://127.0.0.1.evil.com/cb",
            "ftp://127.0.0.1/",
            "http://localhost.evil/",
        ] {
            assert!(!is_loopback(bad), "{bad}");
        }
    }
}
