//! VA-order endpoints (sepay-api.md §4): v1 `/userapi/bidv/{id}/orders…`
//! (BIDV accounts only) and v2 `/v2/bank-accounts/{uuid}/orders…`. Errors
//! use the v2 envelope on both.

use axum::http::Method;
use serde_json::json;

use crate::common::body::Fields;
use crate::common::ids::Uuid;
use crate::common::params::Params;
use crate::common::respond::ApiResponse;
use crate::common::timefmt::now_local;
use crate::dataset::accounts::BankAccount;
use crate::server::state::AppState;
use crate::v2::account_index;
use crate::v2::model::{list_body, one_body, Pagination};
use crate::v2::params::Validator;
use crate::va_orders::model::{QrOptions, VaOrder, VaOrderView};
use crate::va_orders::rules;
use crate::va_orders::store::{OrderBank, VaError};

/// Which API version a request came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderApi {
    /// `/userapi/bidv/{id}/orders…` (VA segment `vas`).
    V1,
    /// `/v2/bank-accounts/{uuid}/orders…` (VA segment `va`).
    V2,
}

/// One VA-order request after routing.
#[derive(Debug)]
pub struct OrderRequest<'a> {
    /// API version.
    pub api: OrderApi,
    /// HTTP method.
    pub method: &'a Method,
    /// Bank-account id segment (v1 number or v2 UUID).
    pub account_id: &'a str,
    /// Path segments after `orders`.
    pub rest: &'a [&'a str],
    /// Query parameters.
    pub params: &'a Params,
    /// `Content-Type` of the body.
    pub content_type: &'a str,
    /// Body bytes.
    pub body: &'a [u8],
}

fn not_found(what: &str) -> ApiResponse {
    ApiResponse::v2_error(404, what, "not_found")
}

fn no_content() -> ApiResponse {
    ApiResponse {
        status: 204,
        content_type: None,
        headers: Vec::new(),
        body: Vec::new(),
    }
}

fn error(e: VaError) -> ApiResponse {
    match e {
        VaError::NotFound(m) => not_found(m),
        VaError::InvalidState(m) => ApiResponse::v2_error(422, &m, "invalid_state"),
        VaError::Duplicate => ApiResponse::v2_error(
            422,
            "The order code has already been taken for this bank account.",
            "duplicate_order_code",
        ),
        VaError::Validation(errors) => ApiResponse::v2_validation(&errors),
        VaError::Conflict(m) => ApiResponse::v2_error(409, &m, "conflict"),
    }
}

/// The bank account addressed by the path, a copy (so no dataset lock is held).
fn account(app: &AppState, api: OrderApi, id: &str) -> Option<BankAccount> {
    let ds = app.dataset();
    let index = match api {
        OrderApi::V1 if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
            id.parse::<u32>().ok()?
        }
        OrderApi::V1 => return None,
        OrderApi::V2 => account_index(&ds, &Uuid::parse(id)?)? + 1,
    };
    ds.account(index).cloned()
}

/// Answers a VA-order request.
pub fn handle(app: &AppState, r: &OrderRequest<'_>) -> ApiResponse {
    let Some(acc) = account(app, r.api, r.account_id) else {
        return not_found("Bank account not found");
    };
    let bank = OrderBank::of(&acc).filter(|b| r.api == OrderApi::V2 || *b == OrderBank::Bidv);
    let Some(bank) = bank else {
        let msg = match r.api {
            OrderApi::V1 => format!(
                "VA orders on /userapi/bidv need a BIDV account, not {}",
                acc.bank.short_name
            ),
            OrderApi::V2 => format!(
                "VA orders are not supported for {} accounts",
                acc.bank.short_name
            ),
        };
        return ApiResponse::v2_error(422, &msg, "unsupported_bank");
    };
    let va_seg = match r.api {
        OrderApi::V1 => "vas",
        OrderApi::V2 => "va",
    };
    let (get, post, delete) = (
        r.method == Method::GET,
        r.method == Method::POST,
        r.method == Method::DELETE,
    );
    let fields = || {
        let ct = r.content_type;
        Fields::parse(ct, r.body).map_err(|e| ApiResponse::v2_error(400, &e.0, "bad_request"))
    };
    let result = match r.rest {
        [] if get => list(app, r, &acc),
        [] if post => fields().and_then(|f| create(app, &acc, bank, &f)),
        [oid] if get => Ok(get_one(app, r, &acc, oid)),
        [oid] if delete => Ok(match app.va_orders().cancel(acc.index - 1, oid) {
            Ok(()) => no_content(),
            Err(e) => error(e),
        }),
        [oid, seg] if *seg == va_seg && post => {
            fields().and_then(|f| add_va(app, &acc, bank, oid, &f))
        }
        [oid, seg, va] if *seg == va_seg && delete => {
            Ok(match app.va_orders().cancel_va(acc.index - 1, oid, va) {
                Ok(()) => no_content(),
                Err(e) => error(e),
            })
        }
        [] | [_] => Ok(ApiResponse::v2_error(
            405,
            "Method not allowed",
            "method_not_allowed",
        )),
        [_, seg] | [_, seg, _] if *seg == va_seg => Ok(ApiResponse::v2_error(
            405,
            "Method not allowed",
            "method_not_allowed",
        )),
        _ => Ok(not_found("Resource not found")),
    };
    result.unwrap_or_else(|e| e)
}

fn view(o: &VaOrder, acc: &BankAccount, qr: QrOptions) -> VaOrderView {
    VaOrderView::new(o, acc, qr)
}

fn query_qr(p: &Params) -> QrOptions {
    QrOptions {
        with_qrcode: matches!(p.get("with_qrcode"), Some("1") | Some("true")),
        template: match p.get("qrcode_template") {
            Some("compact") => Some("compact"),
            Some("qronly") => Some("qronly"),
            _ => None,
        },
    }
}

fn list(
    app: &AppState,
    r: &OrderRequest<'_>,
    acc: &BankAccount,
) -> Result<ApiResponse, ApiResponse> {
    let qr = query_qr(r.params);
    let store = app.va_orders();
    let status = r.params.get("status");
    let items: Vec<VaOrderView> = store
        .list(acc.index - 1)
        .into_iter()
        .filter(|o| status.is_none_or(|s| format!("{:?}", o.status).eq_ignore_ascii_case(s)))
        .map(|o| view(o, acc, qr))
        .collect();
    if r.api == OrderApi::V1 {
        let body = json!({ "status": "success", "data": { "orders": items } });
        return Ok(ApiResponse::json(200, body.to_string().into_bytes()));
    }
    let mut v = Validator::new(r.params);
    let page = v.page();
    v.finish()?;
    let total = items.len() as u64;
    let data: Vec<VaOrderView> = items
        .into_iter()
        .skip(page.offset().min(total) as usize)
        .take(page.per_page as usize)
        .collect();
    let pagination = Pagination::new(total, page.page, page.per_page);
    Ok(ApiResponse::json(200, list_body(&data, Some(pagination))))
}

fn get_one(app: &AppState, r: &OrderRequest<'_>, acc: &BankAccount, oid: &str) -> ApiResponse {
    match app.va_orders().get(acc.index - 1, oid) {
        Some(o) => ApiResponse::json(200, one_body(&view(o, acc, query_qr(r.params)))),
        None => not_found("Order not found"),
    }
}

fn create(
    app: &AppState,
    acc: &BankAccount,
    bank: OrderBank,
    f: &Fields,
) -> Result<ApiResponse, ApiResponse> {
    let (new, qr) = rules::new_order(f, acc, bank, now_local())?;
    let seed = app.dataset().seed;
    let mut store = app.va_orders();
    match store.create(seed, acc.index - 1, bank, new, now_local()) {
        Ok(o) => Ok(ApiResponse::json(201, one_body(&view(o, acc, qr)))),
        Err(e) => Err(error(e)),
    }
}

fn add_va(
    app: &AppState,
    acc: &BankAccount,
    bank: OrderBank,
    oid: &str,
    f: &Fields,
) -> Result<ApiResponse, ApiResponse> {
    let (new, qr) = rules::new_va(f, bank, now_local())?;
    let mut store = app.va_orders();
    match store.add_va(acc.index - 1, oid, bank, new) {
        Ok(o) => Ok(ApiResponse::json(200, one_body(&view(o, acc, qr)))),
        Err(e) => Err(error(e)),
    }
}
