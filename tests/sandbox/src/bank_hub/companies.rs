//! Bank Hub companies: list, details, create and edit (name, status and the
//! payment-code configuration).

use serde_json::json;

use crate::bank_hub::api::{
    data, list_meta, message, page_body, paging, required, validation, Errors,
};
use crate::bank_hub::store::CompanyView;
use crate::common::body::Fields;
use crate::common::params::Params;
use crate::common::respond::ApiResponse;
use crate::common::timefmt::now_local;
use crate::server::state::AppState;

/// `GET /company`.
pub fn list(app: &AppState, p: &Params) -> ApiResponse {
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

/// `GET /company/{xid}`.
pub fn get(app: &AppState, xid: &str) -> ApiResponse {
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

/// `POST /company/create`.
pub fn create(app: &AppState, f: &Fields) -> ApiResponse {
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

/// `POST /company/edit/{xid}`.
pub fn edit(app: &AppState, xid: &str, f: &Fields) -> ApiResponse {
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
    #[allow(
        clippy::expect_used,
        reason = "found above under the same lock, and companies are never removed"
    )]
    let c = store.company_mut(xid).expect("checked above");
    let mut cfg = c.config.clone();
    crate::bank_hub::merchant::apply_payment_code(f, &mut cfg, &mut e);
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
