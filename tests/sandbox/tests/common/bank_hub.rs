//! Bank Hub helpers: tokens and authorized calls.

use reqwest::Method;
use sepay_sandbox::SandboxHandle;
use serde_json::Value;

use super::{client, status_json};

/// The default Bank Hub client id.
pub const ID: &str = "sandbox-bankhub";
/// Its secret.
pub const SECRET: &str = "sandbox-bankhub-secret";

/// `POST /bankhub/v1/token` with Basic credentials.
pub async fn new_token(sb: &SandboxHandle, id: &str, secret: &str) -> (u16, Value) {
    let r = client()
        .post(format!("{}/bankhub/v1/token", sb.base_url()))
        .basic_auth(id, Some(secret))
        .send()
        .await
        .unwrap();
    status_json(r).await
}

/// A fresh token with the default credentials.
pub async fn token(sb: &SandboxHandle) -> String {
    let (s, t) = new_token(sb, ID, SECRET).await;
    assert_eq!(s, 201, "{t}");
    t["access_token"].as_str().unwrap().to_string()
}

/// An authorized Bank Hub call.
pub async fn hub(
    sb: &SandboxHandle,
    method: Method,
    path: &str,
    token: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let mut rb = client()
        .request(method, format!("{}/bankhub/v1{path}", sb.base_url()))
        .bearer_auth(token);
    if let Some(b) = body {
        rb = rb.json(b);
    }
    status_json(rb.send().await.unwrap()).await
}

/// An authorized GET.
pub async fn hub_get(sb: &SandboxHandle, path: &str, token: &str) -> (u16, Value) {
    hub(sb, Method::GET, path, token, None).await
}

/// An authorized POST with a JSON body.
pub async fn hub_post(sb: &SandboxHandle, path: &str, token: &str, body: Value) -> (u16, Value) {
    hub(sb, Method::POST, path, token, Some(&body)).await
}

/// The §6.1 not-found shape: exactly `code`, `message`, `status`, `error`.
pub fn assert_not_found(v: &Value) {
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 4, "{v}");
    for k in ["code", "message", "status", "error"] {
        assert!(v.get(k).is_some(), "{k} in {v}");
    }
}
