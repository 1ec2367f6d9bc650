//! The API request pipeline: rate limit → fault → auth → route → payload
//! fault → log. Every request outside `/__sandbox/`, the checkout page and
//! the OAuth2 authorize page goes through here (User API v1, v2 and VA
//! orders, the payment-gateway order API, OAuth2 token and resource API,
//! Bank Hub).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use futures::StreamExt;

use crate::common::params::segments;
use crate::common::respond::{self, ApiResponse, Flavor, JSON};
use crate::payment_gateway;
use crate::server::auth::AuthResult;
use crate::server::connections::ConnKill;
use crate::server::faults::Fault;
use crate::server::log::LoggedRequest;
use crate::server::mangle;
use crate::server::ratelimit::Limited;
use crate::server::state::AppState;
use crate::server::surface::{self, Incoming, Surface};

/// Axum fallback handler for API requests.
pub async fn handle(State(app): State<Arc<AppState>>, req: Request) -> Response {
    let received_ms = app.started.elapsed().as_millis() as u64;
    let seq = app.next_seq();
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let surface = Surface::of(&path);
    let flavor = surface.flavor();
    let kill = req.extensions().get::<ConnKill>().cloned();
    let auth = surface::authenticate(&app, surface, req.headers());
    let mut entry = LoggedRequest {
        seq,
        method: req.method().to_string(),
        path: path.clone(),
        query: query.clone(),
        status: 0,
        fault: None,
        authorized: auth == AuthResult::Ok,
        received_ms,
        x_headers: req
            .headers()
            .iter()
            .filter(|(name, _)| name.as_str().starts_with("x-") || *name == header::USER_AGENT)
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_string(), value)
            })
            .collect(),
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
            return drop_connection(kill).await;
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
        surface::unauthorized(surface, auth)
    } else if surface == Surface::Pg {
        pg_request(&app, req, &path, &query).await
    } else {
        match read(req, path, query).await {
            Ok(incoming) => dispatch(&app, surface, incoming).await,
            Err(resp) => resp,
        }
    };
    if surface.checks_own_credentials() {
        entry.authorized = resp.status != 401;
    }
    if flavor != Flavor::V1 {
        if let Some(a) = allowed {
            resp.headers
                .push(("X-RateLimit-Limit", a.limit.to_string()));
            resp.headers
                .push(("X-RateLimit-Remaining", a.remaining.to_string()));
        }
    }
    match fault {
        Some(Fault::DropAfter) => {
            // Processed (an order may now exist), but the client never hears.
            app.log().push(entry);
            return drop_connection(kill).await;
        }
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

/// Routes a request to its surface off the async threads, through the
/// `--prerender` cache.
async fn dispatch(app: &Arc<AppState>, surface: Surface, incoming: Incoming) -> ApiResponse {
    let kept = &app.prerendered;
    let is_get = incoming.method == Method::GET;
    if !is_get {
        kept.clear();
    } else if let Some(resp) = kept.get(&incoming.path, &incoming.query, &incoming.authorization) {
        return resp;
    }
    let key = is_get.then(|| {
        (
            incoming.path.clone(),
            incoming.query.clone(),
            incoming.authorization.clone(),
        )
    });
    let app2 = app.clone();
    let resp = tokio::task::spawn_blocking(move || surface::dispatch(&app2, surface, &incoming))
        .await
        .unwrap_or_else(|_| respond::error_500(surface.flavor()));
    if let Some((path, query, authorization)) = key {
        kept.keep(&path, &query, &authorization, &resp);
    }
    resp
}

/// Largest accepted API request body.
const MAX_BODY: usize = 1 << 20;

/// Reads the body of a (non payment-gateway) request.
async fn read(req: Request, path: String, query: String) -> Result<Incoming, ApiResponse> {
    let (parts, body) = req.into_parts();
    let header = |name| {
        parts
            .headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let content_type = header(header::CONTENT_TYPE);
    let authorization = header(header::AUTHORIZATION);
    let method = parts.method;
    let flavor = Flavor::of(&path);
    let body = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| match flavor {
            Flavor::V1 => ApiResponse::v1_error(413, "Request body too large"),
            _ => ApiResponse::v2_error(413, "Request body too large", "payload_too_large"),
        })?;
    Ok(Incoming {
        method,
        path,
        query,
        content_type,
        authorization,
        body,
    })
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
        ["pgapi", "v1", rest @ ..] => {
            payment_gateway::api::handle(app, &method, rest, query, &body)
        }
        _ => ApiResponse::not_found(Flavor::Pg),
    }
}

/// Logs the final status and returns the response.
fn finish(app: &AppState, mut entry: LoggedRequest, mut resp: ApiResponse) -> ApiResponse {
    entry.status = resp.status;
    // Lets a client's logs name the request (SePay's own header is UNVERIFIED).
    resp.headers
        .push(("X-Request-Id", format!("sandbox-{}", entry.seq)));
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
async fn drop_connection(kill: Option<ConnKill>) -> Response {
    if let Some(kill) = kill {
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
