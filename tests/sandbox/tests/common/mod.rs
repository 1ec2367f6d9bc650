//! Shared helpers for the sandbox integration tests.
#![allow(dead_code)]

pub mod bank_hub;
pub mod oauth;
pub mod pg;
pub mod receiver;

use reqwest::{Client, Response};
use sepay_sandbox::{start, SandboxConfig, SandboxHandle};
use serde_json::Value;

/// Token used by every test sandbox.
pub const TOKEN: &str = "test-token-0123456789";

/// A sandbox with `n` transactions, `m` accounts and no rate limit.
pub async fn sandbox(n: u64, m: u32) -> SandboxHandle {
    sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: n,
        bank_accounts: m,
        rate_limit: None,
        ..SandboxConfig::default()
    })
    .await
}

/// A sandbox with a custom configuration.
pub async fn sandbox_with(config: SandboxConfig) -> SandboxHandle {
    start(config, "127.0.0.1:0".parse().unwrap())
        .await
        .expect("start sandbox")
}

/// An HTTP client without connection reuse surprises.
pub fn client() -> Client {
    Client::builder().build().unwrap()
}

/// Authorized GET.
pub async fn get(sb: &SandboxHandle, path: &str) -> Response {
    client()
        .get(format!("{}{}", sb.base_url(), path))
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("request")
}

/// Authorized GET returning status and JSON body.
pub async fn get_json(sb: &SandboxHandle, path: &str) -> (u16, Value) {
    let r = get(sb, path).await;
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
    (status, v)
}

/// Asserts every field of a v1 object is a string, except `nullable` ones which may be null.
pub fn assert_v1_strings(obj: &Value, nullable: &[&str]) {
    let map = obj.as_object().expect("object");
    for (k, v) in map {
        if v.is_null() {
            assert!(nullable.contains(&k.as_str()), "{k} is null in {obj}");
        } else {
            assert!(v.is_string(), "{k} is not a string in {obj}");
        }
    }
}

/// Money string with exactly 2 decimals.
pub fn assert_money2(v: &Value) {
    let s = v.as_str().expect("money string");
    let (i, f) = s.split_once('.').expect("decimal point");
    assert!(
        !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()),
        "{s}"
    );
    assert_eq!(f, "00", "{s}");
}

/// `YYYY-MM-DD HH:MM:SS`.
pub fn assert_datetime(v: &Value) {
    let s = v.as_str().expect("datetime string");
    assert_eq!(s.len(), 19, "{s}");
    assert_eq!(&s[4..5], "-");
    assert_eq!(&s[10..11], " ");
    assert_eq!(&s[13..14], ":");
}

/// Canonical lowercase UUID.
pub fn assert_uuid(v: &Value) {
    let s = v.as_str().expect("uuid string");
    assert_eq!(s.len(), 36, "{s}");
    assert!(s
        .bytes()
        .enumerate()
        .all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) {
            b == b'-'
        } else {
            b.is_ascii_hexdigit() && !b.is_ascii_uppercase()
        }));
}

/// v1 ids of a `transactions` array.
pub fn v1_ids(v: &Value) -> Vec<u64> {
    v["transactions"]
        .as_array()
        .expect("transactions")
        .iter()
        .map(|t| t["id"].as_str().unwrap().parse().unwrap())
        .collect()
}

/// POST a JSON body (no auth) and return status and JSON body (`null` when empty).
pub async fn post_json(sb: &SandboxHandle, path: &str, body: &Value) -> (u16, Value) {
    let r = client()
        .post(format!("{}{}", sb.base_url(), path))
        .json(body)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    let v = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"))
    };
    (status, v)
}

/// GET without auth (admin endpoints) returning status and JSON body.
pub async fn admin_get(sb: &SandboxHandle, path: &str) -> (u16, Value) {
    let r = client()
        .get(format!("{}{}", sb.base_url(), path))
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.expect("json"))
}

/// Status and JSON body of a response (`null` when the body is empty).
pub async fn status_json(r: Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    let v = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    };
    (status, v)
}

/// An API call with the User API token and an optional JSON body.
pub async fn call(
    sb: &SandboxHandle,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let mut rb = client()
        .request(method, format!("{}{}", sb.base_url(), path))
        .bearer_auth(TOKEN);
    if let Some(b) = body {
        rb = rb.json(b);
    }
    status_json(rb.send().await.expect("request")).await
}
