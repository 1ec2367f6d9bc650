//! `POST /pay/v1/checkout/init`: the hosted checkout a browser form posts to.
//! It verifies the signature over the signed fields in posted order, checks
//! the fields, creates the order and answers a small HTML page (JSON when the
//! request accepts `application/json`). Logged, never rate limited or faulted.

use std::sync::Arc;

use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::response::Response;
use serde_json::json;

use crate::common::respond::ApiResponse;
use crate::common::timefmt::now_local;
use crate::payment_gateway::crypto::{is_signed, verify};
use crate::payment_gateway::model::OrderView;
use crate::payment_gateway::store::{NewOrder, METHODS};
use crate::server::log::LoggedRequest;
use crate::server::state::AppState;

/// Largest accepted form body.
const MAX_BODY: usize = 1 << 20;

/// A refused checkout: the message and whether the signature was valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Shown on the page / in the JSON `message`.
    pub message: String,
    /// Whether the signature had been checked and found valid.
    pub signature_ok: bool,
}

fn refuse(message: impl Into<String>, signature_ok: bool) -> Refused {
    Refused {
        message: message.into(),
        signature_ok,
    }
}

fn is_invoice(s: &str) -> bool {
    (1..=100).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Verifies and validates the posted fields, then creates the order.
pub fn process(
    app: &AppState,
    fields: &[(String, String)],
    user_agent: Option<String>,
) -> Result<OrderView, Refused> {
    let get = |k: &str| {
        fields
            .iter()
            .rev()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.as_str())
    };
    for (i, (k, _)) in fields.iter().enumerate() {
        if is_signed(k) && fields[..i].iter().any(|(f, _)| f == k) {
            return Err(refuse(format!("Duplicate field {k}"), false));
        }
    }
    if get("merchant") != Some(app.pg_merchant_id.as_str()) {
        return Err(refuse("Invalid merchant", false));
    }
    let signature = get("signature").unwrap_or_default();
    if !verify(fields, &app.pg_secret_key, signature) {
        return Err(refuse("Invalid signature", false));
    }
    let bad = |m: &str| Err(refuse(m, true));
    if get("currency") != Some("VND") {
        return bad("currency must be VND");
    }
    let operation = get("operation").unwrap_or_default();
    if operation != "PURCHASE" && operation != "VERIFY" {
        return bad("operation must be PURCHASE or VERIFY");
    }
    let amount_str = get("order_amount").unwrap_or_default();
    let amount = match amount_str.parse::<u64>() {
        Ok(a) if amount_str.bytes().all(|b| b.is_ascii_digit()) => a,
        _ => return bad("order_amount must be a whole number of dong"),
    };
    if operation == "VERIFY" && amount != 0 {
        return bad("order_amount must be 0 for VERIFY");
    }
    if operation == "PURCHASE" && amount == 0 {
        return bad("order_amount must be positive for PURCHASE");
    }
    let description = get("order_description").unwrap_or_default();
    if description.trim().is_empty() {
        return bad("order_description is required");
    }
    let invoice = get("order_invoice_number").unwrap_or_default();
    if !is_invoice(invoice) {
        return bad("order_invoice_number must match [A-Za-z0-9_-]{1,100}");
    }
    let method = get("payment_method").filter(|m| !m.is_empty());
    if method.is_some_and(|m| !METHODS.contains(&m)) {
        return bad("payment_method must be CARD, BANK_TRANSFER or NAPAS_BANK_TRANSFER");
    }
    for url in ["success_url", "error_url", "cancel_url"] {
        let v = get(url).unwrap_or_default();
        if !v.is_empty() && !v.starts_with("http://") && !v.starts_with("https://") {
            return bad(&format!("{url} must be an http(s) URL"));
        }
    }
    let opt = |k: &str| get(k).filter(|v| !v.is_empty()).map(str::to_string);
    let req = NewOrder {
        invoice: invoice.to_string(),
        amount,
        currency: "VND".into(),
        description: description.to_string(),
        operation: operation.to_string(),
        customer_id: opt("customer_id"),
        payment_method: method.map(str::to_string),
        custom_data: opt("custom_data"),
        user_agent,
    };
    let mut store = app.pg();
    let order = store
        .create(req, now_local())
        .map_err(|e| refuse(e, true))?;
    Ok(OrderView::new(order))
}

/// HTML-escapes text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n{body}</body>\n</html>\n"
    )
}

/// The page naming a created order.
pub fn order_page(o: &OrderView) -> String {
    let e = |s: &str| escape(s);
    page(
        "SePay sandbox checkout",
        &format!(
            "<p>Order <strong id=\"order_id\" data-order-id=\"{id}\">{id}</strong> created.</p>\n<dl>\n<dt>Invoice</dt><dd id=\"order_invoice_number\">{inv}</dd>\n<dt>Amount</dt><dd id=\"order_amount\">{amount} {cur}</dd>\n<dt>Description</dt><dd id=\"order_description\">{desc}</dd>\n<dt>Status</dt><dd id=\"order_status\">{status}</dd>\n</dl>\n<p>This is a sandbox: simulate the payment with <code>POST /__sandbox/pg/pay</code>.</p>\n",
            id = e(&o.order_id),
            inv = e(&o.order_invoice_number),
            amount = e(&o.order_amount),
            cur = e(&o.order_currency),
            desc = e(&o.order_description),
            status = e(&o.order_status),
        ),
    )
}

/// The page of a refused checkout.
pub fn error_page(message: &str) -> String {
    let title = if message == "Invalid signature" {
        "Chữ ký không hợp lệ (signature is invalid)"
    } else {
        "Yêu cầu thanh toán không hợp lệ (invalid checkout request)"
    };
    page(title, &format!("<p id=\"error\">{}</p>\n", escape(message)))
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

/// Axum handler of `/pay/v1/checkout/init`.
pub async fn checkout(State(app): State<Arc<AppState>>, req: Request) -> Response {
    let received_ms = app.elapsed_ms();
    let seq = app.next_seq();
    let (parts, body) = req.into_parts();
    let json = wants_json(&parts.headers);
    let mut entry = LoggedRequest {
        seq,
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or("").to_string(),
        status: 0,
        fault: None,
        authorized: false,
        received_ms,
        x_headers: Vec::new(),
    };
    let result = if parts.method != Method::POST {
        Err(refuse("Method not allowed", false))
    } else {
        match to_bytes(body, MAX_BODY).await {
            Err(_) => Err(refuse("Request body too large", false)),
            Ok(bytes) => {
                let fields: Vec<(String, String)> =
                    form_urlencoded::parse(&bytes).into_owned().collect();
                let ua = parts
                    .headers
                    .get(header::USER_AGENT)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                process(&app, &fields, ua)
            }
        }
    };
    let resp = match result {
        Ok(order) if json => ApiResponse::json(
            200,
            json!({"status": "success", "data": order})
                .to_string()
                .into_bytes(),
        ),
        Ok(order) => ApiResponse::html(200, &order_page(&order)),
        Err(r) => {
            entry.authorized = r.signature_ok;
            let status = if parts.method != Method::POST {
                405
            } else {
                400
            };
            if json {
                let body = json!({"status": "error", "message": r.message});
                ApiResponse::json(status, body.to_string().into_bytes())
            } else {
                ApiResponse::html(status, &error_page(&r.message))
            }
        }
    };
    if resp.status == 200 {
        entry.authorized = true;
    }
    entry.status = resp.status;
    app.log().push(entry);
    resp.into()
}
