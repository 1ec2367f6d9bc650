//! Bank Hub API under `/bankhub/v1` (behind a token from `/token`): routing,
//! the shared envelopes and errors, link tokens and companies. Reads are
//! GETs, every mutation is a POST (`link-token/get` too).

use axum::http::Method;
use serde::Serialize;
use serde_json::{json, Value};

use crate::bankhub_data;
use crate::bankhub_merchant;
use crate::bankhub_store::{link_status, CompanyView, LinkToken};
use crate::body::Fields;
use crate::ids::Uuid;
use crate::params::Params;
use crate::respond::ApiResponse;
use crate::state::AppState;
use crate::surface::Incoming;
use crate::timefmt::{now_local, DateTime};

/// Per-field validation messages.
pub type Errors = Vec<(String, String)>;

/// Default and largest `per_page`.
pub const DEFAULT_PER_PAGE: u64 = 20;
const MAX_PER_PAGE: u64 = 100;
/// Lifetime of a link token (invented: 30 minutes).
const LINK_TTL: i64 = 1800;

/// `{"data": data}` with `status`.
pub fn data<T: Serialize>(status: u16, data: &T) -> ApiResponse {
    #[derive(Serialize)]
    struct Body<'a, T> {
        data: &'a T,
    }
    ApiResponse::json(
        status,
        serde_json::to_vec(&Body { data }).expect("serialise"),
    )
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
    ApiResponse::json(
        200,
        serde_json::to_vec(&Body { data, meta }).expect("serialise"),
    )
}

fn message(status: u16, text: &str) -> ApiResponse {
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
        ["link-token", "create"] if post => fields().map(|f| link_create(app, &f)),
        ["link-token", "get"] if post => fields().map(|f| link_get(app, &f)),
        ["link-token", "revoke"] if post => fields().map(|f| link_revoke(app, &f)),
        ["company"] if get => Ok(companies(app, &p)),
        ["company", "create"] if post => fields().map(|f| company_create(app, &f)),
        ["company", "edit", xid] if post => fields().map(|f| company_edit(app, xid, &f)),
        ["company", "counter", xid] if get => Ok(bankhub_data::counter(app, xid, &p)),
        ["company", xid] if get => Ok(company(app, xid)),
        ["bank-account"] if get => Ok(bankhub_data::accounts(app, &p)),
        ["bank-account", xid] if get => Ok(bankhub_data::account(app, xid)),
        ["transaction"] if get => Ok(bankhub_data::transactions(app, &p)),
        ["transaction", id] if get => Ok(bankhub_data::transaction(app, id)),
        ["merchant-config"] if get => Ok(bankhub_merchant::config(app)),
        ["merchant-config"] if post => fields().map(|f| bankhub_merchant::set_config(app, &f)),
        ["webhook"] if get => Ok(bankhub_merchant::webhook(app)),
        ["webhook"] if post => fields().map(|f| bankhub_merchant::set_webhook(app, &f)),
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

fn required(f: &Fields, key: &str, errors: &mut Errors) -> Option<String> {
    let v = f.text(key);
    if v.is_none() {
        let msg = format!("The {} field is required.", key.replace('_', " "));
        errors.push((key.to_string(), msg));
    }
    v
}

fn link_create(app: &AppState, f: &Fields) -> ApiResponse {
    let mut e = Errors::new();
    let company = required(f, "company_xid", &mut e);
    let purpose = required(f, "purpose", &mut e);
    if let Some(p) = &purpose {
        if !matches!(p.as_str(), "LINK_BANK_ACCOUNT" | "UNLINK_BANK_ACCOUNT") {
            let msg = "The purpose must be LINK_BANK_ACCOUNT or UNLINK_BANK_ACCOUNT.";
            e.push(("purpose".into(), msg.into()));
        }
    }
    let account = f.text("bank_account_xid");
    if purpose.as_deref() == Some("UNLINK_BANK_ACCOUNT") && account.is_none() {
        let msg = "The bank account xid field is required when purpose is UNLINK_BANK_ACCOUNT.";
        e.push(("bank_account_xid".into(), msg.into()));
    }
    let is_mobile_app = match f.text("is_mobile_app").as_deref() {
        None | Some("0") | Some("false") => 0,
        Some("1") | Some("true") => 1,
        Some(_) => {
            e.push((
                "is_mobile_app".into(),
                "The is mobile app field must be 0 or 1.".into(),
            ));
            0
        }
    };
    let language = f.text("language").unwrap_or_else(|| "vi".into());
    if !matches!(language.as_str(), "vi" | "en") {
        e.push(("language".into(), "The language must be vi or en.".into()));
    }
    let redirect = f.text("completion_redirect_uri");
    if redirect
        .as_deref()
        .is_some_and(|u| !u.starts_with("http://") && !u.starts_with("https://"))
    {
        let msg = "The completion redirect uri must be a valid URL.";
        e.push(("completion_redirect_uri".into(), msg.into()));
    }
    if !e.is_empty() {
        return validation(&e);
    }
    let company_xid = company.unwrap_or_default();
    if let Some(a) = &account {
        let ds = app.dataset();
        let owner = Uuid::parse(a)
            .and_then(|u| crate::v2::account_index(&ds, &u))
            .map(|i| crate::bankhub_store::company_of_account(ds.seed, i + 1).to_string());
        if owner.as_deref() != Some(company_xid.as_str()) {
            let msg = "The bank account does not belong to the company.";
            return validation(&vec![("bank_account_xid".into(), msg.into())]);
        }
    }
    let now = now_local();
    let mut store = app.bankhub();
    let Some(company) = store.company(&company_xid).map(|c| c.xid) else {
        return ApiResponse::bankhub_not_found("Company not found");
    };
    let placeholder = Uuid([0; 16]);
    let l = store.add_link(LinkToken {
        xid: placeholder,
        token: placeholder,
        company,
        purpose: purpose.unwrap_or_default(),
        completion_redirect_uri: redirect,
        is_mobile_app,
        language,
        bank_account_xid: account,
        created_at: now,
        revoked_at: None,
        expires_at: now + LINK_TTL,
    });
    let body = json!({
        "code": 201,
        "message": "Tạo link token thành công",
        "data": {
            "xid": l.xid,
            "hosted_link_url": format!("https://bankhub-link-sandbox.sepay.vn/link/{}", l.token),
            "link_token": l.token,
            "expires_at": DateTime(l.expires_at),
        }
    });
    ApiResponse::json(201, body.to_string().into_bytes())
}

fn link_get(app: &AppState, f: &Fields) -> ApiResponse {
    let mut e = Errors::new();
    let Some(token) = required(f, "link_token", &mut e) else {
        return validation(&e);
    };
    let store = app.bankhub();
    let found = Uuid::parse(&token)
        .and_then(|u| store.links.iter().enumerate().find(|(_, l)| l.token == u));
    let Some((i, l)) = found else {
        return ApiResponse::bankhub_not_found("Link token not found");
    };
    let company = store.companies.iter().find(|c| c.xid == l.company);
    let mut events = vec![json!({
        "xid": store.event_xid(i + 1, 0),
        "name": "LINK_TOKEN_CREATED",
        "metadata": { "purpose": l.purpose, "link_token_xid": l.xid, "link_session_xid": null },
        "created_at": DateTime(l.created_at),
    })];
    if let Some(at) = l.revoked_at {
        events.push(json!({
            "xid": store.event_xid(i + 1, 1),
            "name": "LINK_TOKEN_REVOKED",
            "metadata": { "purpose": l.purpose, "link_token_xid": l.xid, "link_session_xid": null },
            "created_at": DateTime(at),
        }));
    }
    let body = json!({
        "xid": l.xid,
        "purpose": l.purpose,
        "status": link_status(l, now_local()),
        "completion_redirect_uri": l.completion_redirect_uri,
        "is_mobile_app": l.is_mobile_app,
        "language": l.language,
        "session_count": 0,
        "created_at": DateTime(l.created_at),
        "updated_at": DateTime(l.revoked_at.unwrap_or(l.created_at)),
        "expires_at": DateTime(l.expires_at),
        "company": company.map(|c| json!({ "full_name": c.full_name, "status": c.status, "xid": c.xid })),
        "sessions": [],
        "events": events,
    });
    data(200, &body)
}

fn link_revoke(app: &AppState, f: &Fields) -> ApiResponse {
    let mut e = Errors::new();
    let Some(xid) = required(f, "link_token_xid", &mut e) else {
        return validation(&e);
    };
    let mut store = app.bankhub();
    let link = Uuid::parse(&xid).and_then(|u| {
        store
            .links
            .iter_mut()
            .find(|l| l.xid == u && l.revoked_at.is_none())
    });
    match link {
        Some(l) => {
            l.revoked_at = Some(now_local());
            message(200, "Liên kết đã được thu hồi thành công")
        }
        None => ApiResponse::bankhub_not_found("Link token not found or already revoked"),
    }
}

fn companies(app: &AppState, p: &Params) -> ApiResponse {
    let mut e = Errors::new();
    let (page, per_page) = paging(p, &mut e);
    let desc = match p.get("sort[created_at]") {
        None | Some("desc") => true,
        Some("asc") => false,
        Some(_) => {
            e.push((
                "sort".into(),
                "The sort.created_at must be asc or desc.".into(),
            ));
            true
        }
    };
    if !e.is_empty() {
        return validation(&e);
    }
    let q = p.get("q").map(str::to_lowercase);
    let store = app.bankhub();
    let mut items: Vec<CompanyView<'_>> = store
        .companies
        .iter()
        .filter(|c| {
            q.as_deref()
                .is_none_or(|q| c.full_name.to_lowercase().contains(q))
        })
        .filter(|c| {
            p.get("status")
                .is_none_or(|s| c.status.eq_ignore_ascii_case(s))
        })
        .map(|c| CompanyView::new(c, false))
        .collect();
    if desc {
        items.reverse();
    }
    let meta = list_meta(items.len() as u64, page, per_page);
    page_body(items, page, per_page, meta)
}

fn company(app: &AppState, xid: &str) -> ApiResponse {
    match app.bankhub().company(xid) {
        Some(c) => data(200, &CompanyView::new(c, true)),
        None => ApiResponse::bankhub_not_found("Company not found"),
    }
}

fn check_name(app_names: &[(String, bool)], name: &str, e: &mut Errors) {
    if name.chars().count() > 200 {
        e.push((
            "full_name".into(),
            "The full name may not be greater than 200 characters.".into(),
        ));
    }
    if app_names
        .iter()
        .any(|(n, other)| *other && n.eq_ignore_ascii_case(name))
    {
        e.push((
            "full_name".into(),
            "The full name has already been taken.".into(),
        ));
    }
}

fn check_status(f: &Fields, e: &mut Errors) -> Option<String> {
    let s = f.text("status")?;
    if !matches!(s.as_str(), "Active" | "Pending") {
        e.push((
            "status".into(),
            "The status must be Active or Pending.".into(),
        ));
    }
    Some(s)
}

fn company_create(app: &AppState, f: &Fields) -> ApiResponse {
    let mut e = Errors::new();
    let name = required(f, "full_name", &mut e);
    if f.text("status").is_none() {
        required(f, "status", &mut e);
    }
    let status = check_status(f, &mut e);
    let mut store = app.bankhub();
    let names: Vec<(String, bool)> = store
        .companies
        .iter()
        .map(|c| (c.full_name.clone(), true))
        .collect();
    if let Some(n) = &name {
        check_name(&names, n, &mut e);
    }
    if !e.is_empty() {
        return validation(&e);
    }
    let c = store.add_company(
        name.unwrap_or_default(),
        status.unwrap_or_default(),
        now_local(),
    );
    let body = json!({
        "code": 201,
        "message": "Đã tạo công ty (tổ chức) thành công.",
        "data": { "xid": c.xid, "full_name": c.full_name },
    });
    ApiResponse::json(201, body.to_string().into_bytes())
}

fn company_edit(app: &AppState, xid: &str, f: &Fields) -> ApiResponse {
    let mut store = app.bankhub();
    let Some(target) = store.company(xid).map(|c| c.xid) else {
        return ApiResponse::bankhub_not_found("Company not found");
    };
    let names: Vec<(String, bool)> = store
        .companies
        .iter()
        .map(|c| (c.full_name.clone(), c.xid != target))
        .collect();
    let mut e = Errors::new();
    let name = f.text("full_name");
    if let Some(n) = &name {
        check_name(&names, n, &mut e);
    }
    let status = check_status(f, &mut e);
    let c = store.company_mut(xid).expect("checked above");
    let mut cfg = c.config.clone();
    crate::bankhub_merchant::apply_payment_code(f, &mut cfg, &mut e);
    if !e.is_empty() {
        return validation(&e);
    }
    if let Some(n) = name {
        c.full_name = n;
    }
    if let Some(s) = f.text("short_name") {
        c.short_name = Some(s);
    }
    if let Some(s) = status {
        c.status = s;
    }
    c.config = cfg;
    c.updated_at = now_local();
    message(200, "Đã cập nhật thông tin công ty (tổ chức) thành công.")
}
