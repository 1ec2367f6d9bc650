//! Bank Hub API under `/bankhub/v1` (behind a token from `/token`): routing,
//! the shared envelopes and errors, link tokens and companies. Reads are
//! GETs, every mutation is a POST (`link-token/get` too).

use axum::http::Method;
use serde::Serialize;
use serde_json::{json, Value};

use crate::bank_hub::{companies, data, links, merchant};
use crate::common::body::Fields;
use crate::common::params::Params;
use crate::common::respond::ApiResponse;
use crate::server::state::AppState;
use crate::server::surface::Incoming;

/// Per-field validation messages.
pub type Errors = Vec<(String, String)>;

/// Default and largest `per_page`.
pub const DEFAULT_PER_PAGE: u64 = 20;
const MAX_PER_PAGE: u64 = 100;

/// `{"data": data}` with `status`.
pub fn data<T: Serialize>(status: u16, data: &T) -> ApiResponse {
    #[derive(Serialize)]
    struct Body<'a, T> {
        data: &'a T,
    }
    #[allow(
        clippy::expect_used,
        reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
    )]
    let body = serde_json::to_vec(&Body { data }).expect("serialise");
    ApiResponse::json(status, body)
}

/// 400 `{"code":400,"message":"Validation error","errors":{field:[…]}}`.
pub fn validation(errors: &Errors) -> ApiResponse {
    let mut map = serde_json::Map::new();
    for (k, m) in errors {
        let e = map.entry(k.clone()).or_insert_with(|| json!([]));
        if let Value::Array(a) = e {
            a.push(json!(m));
        }
    }
    let body = json!({ "code": 400, "message": "Validation error", "errors": map });
    ApiResponse::json(400, body.to_string().into_bytes())
}

/// `(page, per_page)` from `page` / `per_page` (1..=100, default 20).
pub fn paging(p: &Params, errors: &mut Errors) -> (u64, u64) {
    let mut num = |key: &str, default: u64, max: u64| match p.get(key) {
        None => default,
        Some(v) => match v.parse::<u64>() {
            Ok(n) if (1..=max).contains(&n) => n,
            _ => {
                let msg = format!("The {key} must be between 1 and {max}.");
                errors.push((key.to_string(), msg));
                default
            }
        },
    };
    (
        num("page", 1, u64::MAX),
        num("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
    )
}

/// Company / bank-account list meta `{per_page,total,has_more,current_page,page_count}`.
pub fn list_meta(total: u64, page: u64, per_page: u64) -> Value {
    let page_count = total.div_ceil(per_page).max(1);
    json!({
        "per_page": per_page, "total": total, "has_more": page < page_count,
        "current_page": page, "page_count": page_count,
    })
}

/// `{"data":[…],"meta":meta}` of one page of `items`.
pub fn page_body<T: Serialize>(
    items: Vec<T>,
    page: u64,
    per_page: u64,
    meta: Value,
) -> ApiResponse {
    #[derive(Serialize)]
    struct Body<T> {
        data: Vec<T>,
        meta: Value,
    }
    let skip = (page - 1).saturating_mul(per_page).min(items.len() as u64) as usize;
    let data: Vec<T> = items
        .into_iter()
        .skip(skip)
        .take(per_page as usize)
        .collect();
    #[allow(
        clippy::expect_used,
        reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
    )]
    let body = serde_json::to_vec(&Body { data, meta }).expect("serialise");
    ApiResponse::json(200, body)
}

/// `{"code":status,"message":text}`.
pub fn message(status: u16, text: &str) -> ApiResponse {
    let body = json!({ "code": status, "message": text });
    ApiResponse::json(status, body.to_string().into_bytes())
}

/// Answers `/bankhub/v1/…`; `segs` are the segments after `bankhub/v1`.
pub fn handle(app: &AppState, r: &Incoming, segs: &[&str]) -> ApiResponse {
    let p = Params::parse(&r.query);
    let (get, post) = (r.method == Method::GET, r.method == Method::POST);
    let fields = || {
        Fields::parse(&r.content_type, &r.body)
            .map_err(|e| validation(&vec![("body".to_string(), e.0)]))
    };
    let result = match segs {
        ["link-token", "create"] if post => fields().map(|f| links::create(app, &f)),
        ["link-token", "get"] if post => fields().map(|f| links::get(app, &f)),
        ["link-token", "revoke"] if post => fields().map(|f| links::revoke(app, &f)),
        ["company"] if get => Ok(companies::list(app, &p)),
        ["company", "create"] if post => fields().map(|f| companies::create(app, &f)),
        ["company", "edit", xid] if post => fields().map(|f| companies::edit(app, xid, &f)),
        ["company", "counter", xid] if get => Ok(data::counter(app, xid, &p)),
        ["company", xid] if get => Ok(companies::get(app, xid)),
        ["bank-account"] if get => Ok(data::accounts(app, &p)),
        ["bank-account", xid] if get => Ok(data::account(app, xid)),
        ["transaction"] if get => Ok(data::transactions(app, &p)),
        ["transaction", id] if get => Ok(data::transaction(app, id)),
        ["merchant-config"] if get => Ok(merchant::config(app)),
        ["merchant-config"] if post => fields().map(|f| merchant::set_config(app, &f)),
        ["webhook"] if get => Ok(merchant::webhook(app)),
        ["webhook"] if post => fields().map(|f| merchant::set_webhook(app, &f)),
        ["link-token", "create" | "get" | "revoke"]
        | ["company"]
        | ["company", _]
        | ["company", "edit" | "counter", _]
        | ["bank-account"]
        | ["bank-account", _]
        | ["transaction"]
        | ["transaction", _]
        | ["merchant-config"]
        | ["webhook"] => Ok(message(405, "Method not allowed")),
        _ => Ok(ApiResponse::bankhub_not_found("Not found")),
    };
    result.unwrap_or_else(|e| e)
}

/// A required body field; records an error when missing.
pub fn required(f: &Fields, key: &str, errors: &mut Errors) -> Option<String> {
    let v = f.text(key);
    if v.is_none() {
        let msg = format!("The {} field is required.", key.replace('_', " "));
        errors.push((key.to_string(), msg));
    }
    v
}
