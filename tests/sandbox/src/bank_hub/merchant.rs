//! Bank Hub merchant configuration (`/merchant-config`), the merchant's one
//! webhook (`/webhook`, with its own envelope `{"status","error","messages",
//! "data"}` and the secret masked on GET) and company payment-code settings.

use serde_json::{json, Value};

use crate::bank_hub::api::{data, validation, Errors};
use crate::bank_hub::store::{BankHubWebhook, CompanyConfig};
use crate::common::body::Fields;
use crate::common::respond::ApiResponse;
use crate::server::state::AppState;

/// Linking-lifecycle events a webhook may subscribe to.
pub const EVENTS: [&str; 13] = [
    "LINK_TOKEN_CREATED",
    "LINK_TOKEN_REVOKED",
    "LINK_TOKEN_EXPIRED",
    "LINK_SESSION_INITIALIZED",
    "LINK_SESSION_REINITIALIZED",
    "LINK_SESSION_STATE_CHANGED",
    "LINK_SESSION_COMPLETED",
    "LINK_SESSION_FAILED",
    "LINK_SESSION_ABANDONED",
    "LINK_SESSION_EXPIRED",
    "BANK_ACCOUNT_LINKED",
    "BANK_ACCOUNT_UNLINKED",
    "BANK_ACCOUNT_INACTIVATED",
];

/// `GET /merchant-config`.
pub fn config(app: &AppState) -> ApiResponse {
    data(200, &app.bankhub().merchant)
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()?
        .iter()
        .map(|x| x.as_str().map(|s| s.trim().to_string()))
        .collect()
}

/// `POST /merchant-config` (only the given fields change).
pub fn set_config(app: &AppState, f: &Fields) -> ApiResponse {
    let mut e = Errors::new();
    let keywords = f.get("transaction_whitelist_remark_keywords").map(|v| {
        let list = strings(v).filter(|l| l.iter().all(|s| !s.is_empty() && s.len() <= 100));
        if list.is_none() {
            let msg =
                "The transaction whitelist remark keywords must be an array of non-empty strings.";
            e.push(("transaction_whitelist_remark_keywords".into(), msg.into()));
        }
        list
    });
    let logo = f.text("logo_url");
    if logo
        .as_deref()
        .is_some_and(|u| !u.starts_with("http://") && !u.starts_with("https://"))
    {
        e.push((
            "logo_url".into(),
            "The logo url must be a valid URL.".into(),
        ));
    }
    if !e.is_empty() {
        return validation(&e);
    }
    let mut store = app.bankhub();
    if let Some(Some(k)) = keywords {
        store.merchant.transaction_whitelist_remark_keywords = k;
    }
    if logo.is_some() {
        store.merchant.logo_url = logo;
    }
    data(200, &store.merchant)
}

fn envelope(status: u16, success: &[&str], errors: &[String], data: Value) -> ApiResponse {
    let body = json!({
        "status": status,
        "error": if errors.is_empty() { Value::Null } else { json!(errors.join("; ")) },
        "messages": { "success": success, "error": errors },
        "data": data,
    });
    ApiResponse::json(status, body.to_string().into_bytes())
}

fn masked(secret: &str) -> String {
    let tail: String = secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("***{tail}")
}

/// `GET /webhook`: the webhook with its secret masked, or `data: null`.
#[allow(
    clippy::expect_used,
    reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
)]
pub fn webhook(app: &AppState) -> ApiResponse {
    let data = match &app.bankhub().webhook {
        Some(w) => {
            let shown = BankHubWebhook {
                secret_key: masked(&w.secret_key),
                ..w.clone()
            };
            serde_json::to_value(shown).expect("serialise webhook")
        }
        None => Value::Null,
    };
    envelope(200, &[], &[], data)
}

/// `POST /webhook`: upserts the one webhook; the full secret is only in this answer.
pub fn set_webhook(app: &AppState, f: &Fields) -> ApiResponse {
    let mut e: Vec<String> = Vec::new();
    let mut store = app.bankhub();
    let old = store.webhook.clone();
    let url = f
        .text("webhook_url")
        .or(old.as_ref().map(|w| w.webhook_url.clone()));
    match &url {
        None => e.push("webhook_url is required".into()),
        Some(u) if !u.starts_with("http://") && !u.starts_with("https://") => {
            e.push("webhook_url is invalid".into())
        }
        _ => {}
    }
    let auth_type = f.text("auth_type").unwrap_or_else(|| "SECRET_KEY".into());
    if auth_type != "SECRET_KEY" {
        e.push("auth_type must be SECRET_KEY".into());
    }
    let secret = f
        .text("secret_key")
        .or(old.as_ref().map(|w| w.secret_key.clone()));
    if secret.as_deref().is_none_or(|s| s.len() < 4) {
        e.push("secret_key is required (at least 4 characters)".into());
    }
    let active = match f.text("active").as_deref() {
        None => old.as_ref().map_or(1, |w| w.active),
        Some("1") | Some("true") => 1,
        Some("0") | Some("false") => 0,
        Some(_) => {
            e.push("active must be 0 or 1".into());
            1
        }
    };
    let events = match f.get("allow_events") {
        None | Some(Value::Null) => old
            .as_ref()
            .map_or(vec!["*".into()], |w| w.allow_events.clone()),
        Some(v) => match strings(v) {
            Some(l) if l.iter().all(|x| x == "*" || EVENTS.contains(&x.as_str())) => l,
            _ => {
                e.push("allow_events must be [\"*\"], [] or event names".into());
                Vec::new()
            }
        },
    };
    if !e.is_empty() {
        return envelope(400, &[], &e, Value::Null);
    }
    let w = BankHubWebhook {
        webhook_url: url.unwrap_or_default(),
        auth_type,
        secret_key: secret.unwrap_or_default(),
        request_content_type: "application/json".into(),
        active,
        allow_events: events,
    };
    store.webhook = Some(w.clone());
    #[allow(
        clippy::expect_used,
        reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
    )]
    let data = serde_json::to_value(w).expect("serialise webhook");
    envelope(200, &["Cập nhật webhook thành công"], &[], data)
}

/// Applies the payment-code fields of a company edit to `cfg`.
pub fn apply_payment_code(f: &Fields, cfg: &mut CompanyConfig, e: &mut Errors) {
    let mut bad = |k: &str, m: &str| e.push((k.to_string(), m.to_string()));
    if let Some(v) = f.text("payment_code") {
        if matches!(v.as_str(), "on" | "off") {
            cfg.payment_code = v;
        } else {
            bad("payment_code", "The payment code must be on or off.");
        }
    }
    if let Some(v) = f.text("payment_code_prefix") {
        if (2..=5).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphabetic()) {
            cfg.payment_code_prefix = v;
        } else {
            bad(
                "payment_code_prefix",
                "The payment code prefix must be 2 to 5 letters.",
            );
        }
    }
    for (key, slot) in [
        (
            "payment_code_suffix_from",
            &mut cfg.payment_code_suffix_from,
        ),
        ("payment_code_suffix_to", &mut cfg.payment_code_suffix_to),
    ] {
        if let Some(v) = f.text(key) {
            match v.parse::<u32>() {
                Ok(n) if (1..=30).contains(&n) => *slot = n,
                _ => bad(key, "must be an integer between 1 and 30"),
            }
        }
    }
    if cfg.payment_code_suffix_from > cfg.payment_code_suffix_to {
        bad(
            "payment_code_suffix_to",
            "must not be less than payment_code_suffix_from",
        );
    }
    if let Some(v) = f.text("payment_code_suffix_character_type") {
        if matches!(v.as_str(), "NumberOnly" | "NumberAndLetter") {
            cfg.payment_code_suffix_character_type = v;
        } else {
            bad(
                "payment_code_suffix_character_type",
                "must be NumberOnly or NumberAndLetter",
            );
        }
    }
    if let Some(v) = f.text("transaction_amount") {
        match v.parse::<u64>() {
            Ok(n) => cfg.transaction_amount = Some(n),
            Err(_) => bad("transaction_amount", "must be a non-negative integer"),
        }
    }
}
