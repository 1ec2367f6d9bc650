//! Payment-gateway helpers: an independent checkout signer and order-API calls.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use sepay_sandbox::SandboxHandle;
use serde_json::Value;
use sha2::Sha256;

use super::client;

/// The sandbox's default merchant id.
pub const MERCHANT: &str = "SP-TEST-SANDBOX";
/// The sandbox's default secret key.
pub const SECRET: &str = "spsk_test_sandbox";

/// Signed fields per the docs (merchant, env, operation, payment_method, …).
const SIGNED: [&str; 17] = [
    "merchant",
    "env",
    "operation",
    "payment_method",
    "order_amount",
    "currency",
    "order_invoice_number",
    "order_description",
    "customer_id",
    "agreement_id",
    "agreement_name",
    "agreement_type",
    "agreement_payment_frequency",
    "agreement_amount_per_payment",
    "success_url",
    "error_url",
    "cancel_url",
];

/// base64(HMAC-SHA256(secret, "k=v,…")) over the signed fields in this order.
pub fn signature(fields: &[(&str, &str)], secret: &str) -> String {
    let data: Vec<String> = fields
        .iter()
        .filter(|(k, _)| SIGNED.contains(k))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(data.join(",").as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// The form body: the fields in order, then `signature`.
pub fn form_body(fields: &[(&str, &str)], signature: &str) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.append_pair("signature", signature);
    s.finish()
}

/// A PURCHASE form in the PHP SDK's field order.
pub fn purchase(invoice: &str, amount: &str, method: Option<&str>) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("merchant", MERCHANT.to_string()),
        ("currency", "VND".to_string()),
        ("order_amount", amount.to_string()),
        ("operation", "PURCHASE".to_string()),
        (
            "order_description",
            format!("Thanh toan don hang {invoice}"),
        ),
    ];
    if let Some(m) = method {
        f.push(("payment_method", m.to_string()));
    }
    f.push(("order_invoice_number", invoice.to_string()));
    f.push(("customer_id", "CUST-1".to_string()));
    f.push(("success_url", "https://shop.example/ok?a=1&b=2".to_string()));
    f
}

/// Borrowed view of owned fields.
pub fn refs<'a>(f: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// POSTs a checkout body; returns status and text.
pub async fn post_checkout(sb: &SandboxHandle, body: String, json: bool) -> (u16, String) {
    let mut r = client()
        .post(format!("{}/pay/v1/checkout/init", sb.base_url()))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body);
    if json {
        r = r.header(ACCEPT, "application/json");
    }
    let r = r.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Signs `fields` correctly and checks out; returns the created order id.
pub async fn checkout(sb: &SandboxHandle, fields: &[(&str, String)]) -> String {
    let f = refs(fields);
    let (s, page) = post_checkout(sb, form_body(&f, &signature(&f, SECRET)), false).await;
    assert_eq!(s, 200, "{page}");
    order_id_in(&page)
}

/// The `data-order-id` of a checkout page.
pub fn order_id_in(page: &str) -> String {
    page.split("data-order-id=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("order id in page")
        .to_string()
}

/// An order-API request with the merchant's Basic credentials.
pub async fn pg(sb: &SandboxHandle, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    pg_as(sb, method, path, body, Some((MERCHANT, SECRET))).await
}

/// An order-API request with the given Basic credentials (or none).
pub async fn pg_as(
    sb: &SandboxHandle,
    method: &str,
    path: &str,
    body: Option<Value>,
    creds: Option<(&str, &str)>,
) -> (u16, Value) {
    let url = format!("{}/pgapi/v1{path}", sb.base_url());
    let mut r = client().request(method.parse().unwrap(), url);
    if let Some((u, p)) = creds {
        r = r.basic_auth(u, Some(p));
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
    (status, v)
}
