//! OAuth2 helpers: authorize without following the redirect, token requests
//! and resource-API calls.

use reqwest::Method;
use sepay_sandbox::SandboxHandle;
use serde_json::Value;

use super::{client, status_json};

/// The default OAuth2 client id.
pub const CLIENT: &str = "sandbox-client";
/// Its secret.
pub const SECRET: &str = "sandbox-client-secret";
/// A loopback redirect URI (accepted without registration).
pub const REDIRECT: &str = "http://127.0.0.1:8765/oauth/callback";

/// A client that does not follow redirects.
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The `Location` of an authorize call.
pub async fn authorize(sb: &SandboxHandle, query: &str) -> (u16, String) {
    let r = no_redirects()
        .get(format!("{}/oauth/authorize?{query}", sb.base_url()))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let loc = r
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, loc)
}

/// A query parameter of a URL.
pub fn query_value(url: &str, key: &str) -> Option<String> {
    let q = url.split_once('?')?.1;
    form_urlencoded::parse(q.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// An authorization code for `scope` (checks the redirect and `state`).
pub async fn code_for(sb: &SandboxHandle, scope: &str) -> String {
    let q = form_urlencoded::Serializer::new(String::new())
        .append_pair("response_type", "code")
        .append_pair("client_id", CLIENT)
        .append_pair("redirect_uri", REDIRECT)
        .append_pair("scope", scope)
        .append_pair("state", "xyz-123")
        .finish();
    let (status, loc) = authorize(sb, &q).await;
    assert_eq!(status, 302, "{loc}");
    assert!(loc.starts_with(REDIRECT), "{loc}");
    assert_eq!(query_value(&loc, "state").as_deref(), Some("xyz-123"));
    query_value(&loc, "code").expect("code")
}

/// `POST /oauth/token` with a form.
pub async fn token(sb: &SandboxHandle, form: &[(&str, &str)]) -> (u16, Value) {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let r = client()
        .post(format!("{}/oauth/token", sb.base_url()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    status_json(r).await
}

/// Exchanges a code with the default client.
pub async fn exchange(sb: &SandboxHandle, code: &str) -> (u16, Value) {
    token(
        sb,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("client_id", CLIENT),
            ("client_secret", SECRET),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await
}

/// Uses a refresh token with the default client.
pub async fn refresh(sb: &SandboxHandle, refresh_token: &str) -> (u16, Value) {
    token(
        sb,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", CLIENT),
            ("client_secret", SECRET),
        ],
    )
    .await
}

/// A resource-API call: status and raw body.
pub async fn api_raw(
    sb: &SandboxHandle,
    method: Method,
    path: &str,
    token: &str,
    body: Option<&Value>,
) -> (u16, String) {
    let mut rb = client()
        .request(method, format!("{}/api/v1{path}", sb.base_url()))
        .bearer_auth(token);
    if let Some(b) = body {
        rb = rb.json(b);
    }
    let r = rb.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A resource-API GET: status and JSON (`null` when not JSON).
pub async fn api(sb: &SandboxHandle, path: &str, token: &str) -> (u16, Value) {
    let (s, t) = api_raw(sb, Method::GET, path, token, None).await;
    (s, serde_json::from_str(&t).unwrap_or(Value::Null))
}

/// Every scope.
pub const ALL: &str =
    "profile company bank-account:read transaction:read webhook:read webhook:write webhook:delete";
