//! Bank Hub link tokens: create (a hosted-link session for a company), get
//! (its state and events) and revoke. No linking session ever starts in the
//! sandbox.

use serde_json::json;

use crate::bank_hub::api::{data, message, required, validation, Errors};
use crate::bank_hub::store::{company_of_account, link_status, LinkToken};
use crate::common::body::Fields;
use crate::common::ids::Uuid;
use crate::common::respond::ApiResponse;
use crate::common::timefmt::{now_local, DateTime};
use crate::server::state::AppState;

/// Lifetime of a link token (invented: 30 minutes).
const LINK_TTL: i64 = 1800;

/// `POST /link-token/create`.
pub fn create(app: &AppState, f: &Fields) -> ApiResponse {
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
            .map(|i| company_of_account(ds.seed, i + 1).to_string());
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

/// `POST /link-token/get`.
pub fn get(app: &AppState, f: &Fields) -> ApiResponse {
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

/// `POST /link-token/revoke`.
pub fn revoke(app: &AppState, f: &Fields) -> ApiResponse {
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
