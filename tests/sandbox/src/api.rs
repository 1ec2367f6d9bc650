//! The API request pipeline: rate limit → fault → auth → route → payload
//! fault → log. Every request outside `/__sandbox/` and the checkout page
//! goes through here (User API v1, v2 and the payment-gateway order API).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use futures::StreamExt;

use crate::auth::{self, AuthResult};
use crate::faults::Fault;
use crate::log::LoggedRequest;
use crate::mangle;
use crate::params::{segments, Params};
use crate::ratelimit::Limited;
use crate::respond::{self, ApiResponse, Flavor, JSON};
use crate::server::ConnKill;
use crate::state::AppState;
use crate::{pg_api, v1, v2};

/// Axum fallback handler for API requests.
pub async fn handle(State(app): State<Arc<AppState>>, req: Request) -> Response {
    let received_ms = app.started.elapsed().as_millis() as u64;
    let seq = app.next_seq();
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let flavor = Flavor::of(&path);
    let auth = if flavor == Flavor::Pg {
        if pg_api::authorized(&app, req.headers()) {
            AuthResult::Ok
        } else if req.headers().contains_key(header::AUTHORIZATION) {
            AuthResult::Invalid
        } else {
            AuthResult::Missing
        }
    } else {
        auth::check(req.headers(), &app.token)
    };
    let mut entry = LoggedRequest {
        seq,
        method: req.method().to_string(),
        path: path.clone(),
        query: query.clone(),
        status: 0,
        fault: None,
        authorized: auth == AuthResult::Ok,
        received_ms,
    };

    let limited = app.limiter().try_acquire();
    let allowed = match limited {
        Ok(a) => a,
        Err(l) => return finish(&app, entry, respond::rate_limited(flavor, l)).into(),
    };

    let fault = app.faults().next_fault();
    entry.fault = fault.map(|f| f.name().to_string());
    let early = match fault {
        Some(Fault::Drop) => {
            app.log().push(entry);
            return drop_connection(req).await;
        }
        Some(Fault::Error500) => Some(respond::error_500(flavor)),
        Some(Fault::Error503) => Some(respond::error_503(flavor)),
        Some(Fault::RateLimited) => {
            let limit = app.limiter().limit().unwrap_or(3);
            let l = Limited {
                limit,
                retry_after: 1,
            };
            Some(respond::rate_limited(flavor, l))
        }
        Some(Fault::Html) => Some(respond::html_page()),
        Some(Fault::Empty) => Some(respond::empty_200(Some(JSON))),
        Some(Fault::Slow(ms)) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            None
        }
        _ => None,
    };
    if let Some(resp) = early {
        return finish(&app, entry, resp).into();
    }

    let mut resp = if auth != AuthResult::Ok {
        auth::unauthorized(flavor, auth)
    } else if flavor == Flavor::Pg {
        pg_request(&app, req, &path, &query).await
    } else if req.method() != Method::GET {
        method_not_allowed(flavor)
    } else {
        let app2 = app.clone();
        let (p, q) = (path.clone(), query.clone());
        tokio::task::spawn_blocking(move || route(&app2, flavor, &p, &q))
            .await
            .unwrap_or_else(|_| respond::error_500(flavor))
    };
    if flavor != Flavor::V1 {
        if let Some(a) = allowed {
            resp.headers
                .push(("X-RateLimit-Limit", a.limit.to_string()));
            resp.headers
                .push(("X-RateLimit-Remaining", a.remaining.to_string()));
        }
    }
    match fault {
        Some(Fault::TruncatedJson) => resp.body = mangle::cut_half(&resp.body),
        Some(Fault::WrongType) => resp.body = mangle::wrong_type(&resp.body),
        Some(Fault::UnknownEnum) if flavor != Flavor::V1 => {
            resp.body = mangle::unknown_enum(&resp.body)
        }
        Some(Fault::UnknownEnum) => resp.body = mangle::wrong_type(&resp.body),
        Some(Fault::MissingField) => resp.body = mangle::missing_field(&resp.body),
        Some(Fault::Truncate) => {
            let resp = finish(&app, entry, resp);
            return truncated(resp);
        }
        _ => {}
    }
    finish(&app, entry, resp).into()
}

fn route(app: &AppState, flavor: Flavor, path: &str, query: &str) -> ApiResponse {
    let segs = segments(path);
    let params = Params::parse(query);
    match (flavor, segs.split_first()) {
        (Flavor::V1, Some((_, rest))) => v1::handle(&app.dataset(), app.v1_order, rest, &params),
        (Flavor::V2, Some((&"v2", rest))) => v2::handle(&app.dataset(), rest, &params),
        _ => ApiResponse::not_found(flavor),
    }
}

fn method_not_allowed(flavor: Flavor) -> ApiResponse {
    match flavor {
        Flavor::V1 => ApiResponse::not_found(flavor),
        Flavor::V2 => ApiResponse::v2_error(405, "Method not allowed", "method_not_allowed"),
        Flavor::Pg => ApiResponse::pg_error(405, "Method not allowed"),
    }
}

/// Largest accepted payment-gateway request body.
const MAX_PG_BODY: usize = 1 << 20;

/// An authorized payment-gateway request: reads the body and routes it.
async fn pg_request(app: &Arc<AppState>, req: Request, path: &str, query: &str) -> ApiResponse {
    let method = req.method().clone();
    let Ok(body) = axum::body::to_bytes(req.into_body(), MAX_PG_BODY).await else {
        return ApiResponse::pg_error(413, "Request body too large");
    };
    match segments(path).as_slice() {
        ["pgapi", "v1", rest @ ..] => pg_api::handle(app, &method, rest, query, &body),
        _ => ApiResponse::not_found(Flavor::Pg),
    }
}

/// Logs the final status and returns the response.
fn finish(app: &AppState, mut entry: LoggedRequest, resp: ApiResponse) -> ApiResponse {
    entry.status = resp.status;
    app.log().push(entry);
    resp
}

impl From<ApiResponse> for Response {
    fn from(r: ApiResponse) -> Response {
        let mut resp = Response::new(Body::from(r.body));
        *resp.status_mut() = StatusCode::from_u16(r.status).unwrap_or(StatusCode::OK);
        let h = resp.headers_mut();
        if let Some(ct) = r.content_type {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
        }
        for (name, value) in r.headers {
            if let Ok(v) = HeaderValue::from_str(&value) {
                h.insert(name, v);
            }
        }
        resp
    }
}

/// Headers (with the full `Content-Length`) and about half the body; then
/// the body stream fails, which makes hyper close the connection.
fn truncated(r: ApiResponse) -> Response {
    let full_len = r.body.len();
    let half = Bytes::from(r.body[..full_len / 2].to_vec());
    let head = futures::stream::once(async move { Ok::<Bytes, std::io::Error>(half) });
    let tail = futures::stream::once(async {
        // Let hyper flush what it has before the connection is torn down.
        tokio::time::sleep(Duration::from_millis(30)).await;
        Err(std::io::Error::other("sandbox truncate fault"))
    });
    let body = Body::from_stream(head.chain(tail));
    let mut resp: Response = ApiResponse {
        body: Vec::new(),
        ..r
    }
    .into();
    *resp.body_mut() = body;
    resp.headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(full_len));
    resp
}

/// Closes the client connection without sending anything.
async fn drop_connection(req: Request) -> Response {
    if let Some(kill) = req.extensions().get::<ConnKill>() {
        kill.kill();
        // The connection task drops this future together with the socket.
        std::future::pending::<()>().await;
    }
    // Not served by our accept loop: fail the body before any byte is sent.
    let body = futures::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::other("sandbox drop fault"))
    });
    Response::new(Body::from_stream(body))
}
