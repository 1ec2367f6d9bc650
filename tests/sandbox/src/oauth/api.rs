//! The OAuth2 resource API under `/api/v1` (sepay-api.md §5.2), behind an
//! access token from `/oauth/token`: `me`, `company`, bank accounts and
//! sub-accounts, transactions and webhooks. Each endpoint needs its scope
//! (403 `forbidden` otherwise). Paging is `page` + `limit` (default 20, 1–100).

use axum::http::Method;
use serde::Serialize;

use crate::common::body::Fields;
use crate::common::money::{cents, parse_cents};
use crate::common::params::Params;
use crate::common::respond::ApiResponse;
use crate::common::timefmt::{now_local, DateTime};
use crate::dataset::Dataset;
use crate::oauth::model::{list_body, OAuthAccount, OAuthPagination, OAuthSubAccount, OAuthTxn};
use crate::oauth::webhooks::AccountVas;
use crate::server::state::AppState;
use crate::server::surface::{bearer_value, Incoming};
use crate::v2::model::one_body;
use crate::v2::params::Validator;

/// Default and largest `limit`.
const DEFAULT_LIMIT: u64 = 20;
const MAX_LIMIT: u64 = 100;

fn forbidden() -> ApiResponse {
    ApiResponse::v2_error(403, "Insufficient scope", "forbidden")
}

fn not_found(what: &str) -> ApiResponse {
    ApiResponse::v2_error(404, what, "not_found")
}

fn method_not_allowed() -> ApiResponse {
    ApiResponse::v2_error(405, "Method not allowed", "method_not_allowed")
}

/// `(page, limit)`.
fn paging(v: &mut Validator<'_>) -> (u64, u64) {
    let page = match v.uint("page") {
        Some(0) => {
            v.error("page", "must be an integer >= 1");
            1
        }
        Some(n) => n,
        None => 1,
    };
    let limit = match v.uint("limit") {
        Some(n) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            v.error("limit", "must be between 1 and 100");
            DEFAULT_LIMIT
        }
        None => DEFAULT_LIMIT,
    };
    (page, limit)
}

fn page_of<T: Serialize>(items: Vec<T>, page: u64, limit: u64) -> ApiResponse {
    let total = items.len() as u64;
    let skip = (page - 1).saturating_mul(limit).min(total) as usize;
    let data: Vec<T> = items.into_iter().skip(skip).take(limit as usize).collect();
    let body = list_body(&data, OAuthPagination::new(total, page, limit));
    ApiResponse::json(200, body)
}

/// Answers `/api/v1/…`; `segs` are the segments after `api/v1`.
pub fn handle(app: &AppState, r: &Incoming, segs: &[&str]) -> ApiResponse {
    let grant = bearer_value(&r.authorization).and_then(|t| app.oauth().access(t).cloned());
    let Some(grant) = grant else {
        return ApiResponse::v2_error(401, "Token expired", "unauthorized");
    };
    let p = Params::parse(&r.query);
    let m = &r.method;
    let scope = match (segs, m) {
        (["me"], &Method::GET) => "profile",
        (["company"], &Method::GET) => "company",
        (["bank-accounts", ..], &Method::GET) if segs.len() <= 3 => "bank-account:read",
        (["transactions"], &Method::GET) => "transaction:read",
        (["webhooks"] | ["webhooks", _], &Method::GET) => "webhook:read",
        (["webhooks"], &Method::POST) | (["webhooks", _], &Method::PATCH | &Method::PUT) => {
            "webhook:write"
        }
        (["webhooks", _], &Method::DELETE) => "webhook:delete",
        (["me"] | ["company"] | ["transactions"] | ["webhooks"] | ["webhooks", _], _) => {
            return method_not_allowed()
        }
        (["bank-accounts", ..], _) if segs.len() <= 3 => return method_not_allowed(),
        _ => return not_found("Resource not found"),
    };
    if !grant.allows(scope) {
        return forbidden();
    }
    let result = match segs {
        ["me"] => Ok(me(app)),
        ["company"] => Ok(company(app)),
        ["bank-accounts"] => accounts(&app.dataset(), &p),
        ["bank-accounts", id] => Ok(account(&app.dataset(), id)),
        ["bank-accounts", id, "sub-accounts"] => sub_accounts(&app.dataset(), id, &p),
        ["transactions"] => transactions(&app.dataset(), &p),
        ["webhooks"] | ["webhooks", _] => webhooks(app, r, segs, &p),
        _ => Ok(not_found("Resource not found")),
    };
    result.unwrap_or_else(|e| e)
}

fn me(app: &AppState) -> ApiResponse {
    ApiResponse::json(200, one_body(&app.oauth_user))
}

#[derive(Serialize)]
struct Company {
    id: u32,
    full_name: &'static str,
    short_name: &'static str,
    status: &'static str,
    bank_accounts: usize,
    created_at: DateTime,
}

fn company(app: &AppState) -> ApiResponse {
    let ds = app.dataset();
    let c = Company {
        id: 1,
        full_name: "CONG TY TNHH SEPAY SANDBOX",
        short_name: "SEPAY SANDBOX",
        status: "Active",
        bank_accounts: ds.accounts.len(),
        created_at: DateTime(ds.accounts.first().map_or(0, |a| a.created_at - 86_400)),
    };
    ApiResponse::json(200, one_body(&c))
}

fn account_of<'a>(ds: &'a Dataset, id: &str) -> Option<&'a crate::dataset::accounts::BankAccount> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    ds.account(id.parse().ok()?)
}

fn accounts(ds: &Dataset, p: &Params) -> Result<ApiResponse, ApiResponse> {
    let mut v = Validator::new(p);
    let (page, limit) = paging(&mut v);
    v.finish()?;
    let items: Vec<OAuthAccount<'_>> = ds.accounts.iter().map(OAuthAccount::new).collect();
    Ok(page_of(items, page, limit))
}

fn account(ds: &Dataset, id: &str) -> ApiResponse {
    match account_of(ds, id) {
        Some(a) => ApiResponse::json(200, one_body(&OAuthAccount::new(a))),
        None => not_found("Bank account not found"),
    }
}

fn sub_accounts(ds: &Dataset, id: &str, p: &Params) -> Result<ApiResponse, ApiResponse> {
    let Some(a) = account_of(ds, id) else {
        return Ok(not_found("Bank account not found"));
    };
    let mut v = Validator::new(p);
    let (page, limit) = paging(&mut v);
    v.finish()?;
    let items: Vec<_> = (0..a.vas.len())
        .map(|j| OAuthSubAccount::new(a, j))
        .collect();
    Ok(page_of(items, page, limit))
}

fn transactions(ds: &Dataset, p: &Params) -> Result<ApiResponse, ApiResponse> {
    let mut v = Validator::new(p);
    let (page, limit) = paging(&mut v);
    let from = v.date("from_date");
    let to = v.date("to_date");
    let account_id = v.uint("bank_account_id");
    let money = |v: &mut Validator<'_>, key: &str| {
        let s = v.str(key)?;
        let c = parse_cents(s);
        if c.is_none() {
            v.error(key, "must be an amount such as 18067000 or 18067000.00");
        }
        c
    };
    let amount_in = money(&mut v, "amount_in");
    let amount_out = money(&mut v, "amount_out");
    v.finish()?;
    let (mut lo, mut hi) = (1, ds.len());
    if let Some(d) = from {
        lo = lo.max(ds.first_id_at_or_after(d.lower()));
    }
    if let Some(d) = to {
        hi = hi.min(ds.last_id_at_or_before(d.upper()));
    }
    if let Some(r) = p.get("reference_number") {
        match ds.txn_id_of_reference(r) {
            Some(id) => (lo, hi) = (lo.max(id), hi.min(id)),
            None => hi = 0,
        }
    }
    let account = match (account_id, p.get("account_number")) {
        (None, None) => None,
        (id, number) => {
            let by_id = id.and_then(|i| ds.account(u32::try_from(i).ok()?));
            let by_number = number.and_then(|n| ds.account_by_number(n));
            match (id.map(|_| by_id), number.map(|_| by_number)) {
                (Some(Some(a)), None) | (None, Some(Some(a))) => Some(a.index - 1),
                (Some(Some(a)), Some(Some(b))) if a.index == b.index => Some(a.index - 1),
                _ => {
                    hi = 0;
                    None
                }
            }
        }
    };
    let trivial = account.is_none() && amount_in.is_none() && amount_out.is_none();
    let (offset, per) = ((page - 1).saturating_mul(limit), limit);
    let mut ids = Vec::new();
    let mut total = 0u64;
    if lo <= hi && trivial {
        total = hi - lo + 1;
        ids = (offset..total.min(offset.saturating_add(per)))
            .map(|k| hi - k)
            .collect();
    } else if lo <= hi {
        for i in (lo..=hi).rev() {
            let Some(t) = ds.txn(i) else { continue };
            let ok = account.is_none_or(|a| t.row.account == a)
                && amount_in.is_none_or(|c| cents(t.amount_in()) == c)
                && amount_out.is_none_or(|c| cents(t.amount_out()) == c);
            if ok {
                if total >= offset && total < offset.saturating_add(per) {
                    ids.push(i);
                }
                total += 1;
            }
        }
    }
    let items: Vec<OAuthTxn<'_>> = ids
        .iter()
        .filter_map(|i| ds.txn(*i))
        .map(|t| OAuthTxn::new(&t))
        .collect();
    let body = list_body(&items, OAuthPagination::new(total, page, limit));
    Ok(ApiResponse::json(200, body))
}

fn account_vas(ds: &Dataset) -> AccountVas {
    ds.accounts
        .iter()
        .map(|a| {
            let ids = (0..a.vas.len() as u32)
                .map(|j| crate::dataset::accounts::sub_index(a.index, j))
                .collect();
            (a.index, ids)
        })
        .collect()
}

fn webhooks(
    app: &AppState,
    r: &Incoming,
    segs: &[&str],
    p: &Params,
) -> Result<ApiResponse, ApiResponse> {
    let id = match segs {
        ["webhooks", id] => match id.parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => return Ok(not_found("Webhook not found")),
        },
        _ => None,
    };
    let body = || {
        Fields::parse(&r.content_type, &r.body)
            .map_err(|e| ApiResponse::v2_error(400, &e.0, "bad_request"))
    };
    let vas = if r.method == Method::GET || r.method == Method::DELETE {
        AccountVas::new()
    } else {
        account_vas(&app.dataset())
    };
    let mut store = app.oauth();
    let hooks = &mut store.webhooks;
    match (&r.method, id) {
        (&Method::GET, None) => {
            let mut v = Validator::new(p);
            let (page, limit) = paging(&mut v);
            let active = v.flag("active");
            v.finish()?;
            let url = p.get("webhook_url").map(str::to_ascii_lowercase);
            let items: Vec<_> = hooks
                .all()
                .iter()
                .filter(|w| {
                    url.as_deref()
                        .is_none_or(|u| w.webhook_url.to_ascii_lowercase().contains(u))
                })
                .filter(|w| active.is_none_or(|a| w.active == a))
                .filter(|w| {
                    p.get("api_key")
                        .is_none_or(|k| w.api_key.as_deref() == Some(k))
                })
                .collect();
            Ok(page_of(items, page, limit))
        }
        (&Method::GET, Some(id)) => Ok(match hooks.get(id) {
            Some(w) => ApiResponse::json(200, one_body(w)),
            None => not_found("Webhook not found"),
        }),
        (&Method::POST, None) => match hooks.create(&body()?, &vas, now_local()) {
            Ok(w) => Ok(ApiResponse::json(201, one_body(w))),
            Err(e) => Err(ApiResponse::v2_validation(&e)),
        },
        (&Method::DELETE, Some(id)) => Ok(if hooks.delete(id) {
            ApiResponse {
                status: 204,
                content_type: None,
                headers: Vec::new(),
                body: Vec::new(),
            }
        } else {
            not_found("Webhook not found")
        }),
        (_, Some(id)) => match hooks.update(id, &body()?, &vas) {
            Ok(Some(w)) => Ok(ApiResponse::json(200, one_body(w))),
            Ok(None) => Ok(not_found("Webhook not found")),
            Err(e) => Err(ApiResponse::v2_validation(&e)),
        },
        _ => Ok(method_not_allowed()),
    }
}
