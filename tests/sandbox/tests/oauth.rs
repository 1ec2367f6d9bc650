#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! OAuth2: authorize → token → resource API, refresh-token rotation, access
//! tokens expiring (short TTL and the admin switch), scopes, errors.

mod common;

use std::time::Duration;

use common::oauth::*;
use common::*;
use reqwest::Method;
use sepay_sandbox::SandboxConfig;
use serde_json::{json, Value};

#[tokio::test]
async fn authorization_code_flow_and_resource_api() {
    let sb = sandbox(300, 3).await;
    let code = code_for(&sb, ALL).await;
    let (s, t) = exchange(&sb, &code).await;
    assert_eq!(s, 200, "{t}");
    assert_eq!(t["token_type"], "Bearer");
    assert_eq!(t["expires_in"], 3600);
    assert_eq!(t["scope"], ALL);
    let at = t["access_token"].as_str().unwrap().to_string();
    assert_eq!(at.split('.').count(), 3, "a JWT");
    assert!(t["refresh_token"].as_str().unwrap().len() >= 32);

    let (s, me) = api(&sb, "/me", &at).await;
    assert_eq!((s, &me["status"]), (200, &json!("success")));
    assert_eq!(me["data"]["id"], 1234);
    assert_eq!(me["data"]["first_name"], "Nguyễn");
    let (s, c) = api(&sb, "/company", &at).await;
    assert_eq!(s, 200);
    assert!(c["data"]["full_name"].is_string());

    let (s, raw) = api_raw(&sb, Method::GET, "/bank-accounts?limit=2", &at, None).await;
    assert_eq!(s, 200);
    let v: Value = serde_json::from_str(&raw).unwrap();
    let a = &v["data"][0];
    assert_eq!(a["id"], 1);
    assert_eq!(a["active"], true);
    assert_eq!(a["bank"]["short_name"], "Vietcombank");
    assert_eq!(a["bank"]["bin"], "970436");
    let money = format!(
        "\"accumulated\":{}.00",
        a["accumulated"].as_f64().unwrap() as u64
    );
    assert!(raw.contains(&money), "two decimals written: {raw}");
    assert_eq!(
        v["meta"]["pagination"],
        json!({"total": 3, "per_page": 2, "current_page": 1, "last_page": 2})
    );
    let (_, one) = api(&sb, "/bank-accounts/2", &at).await;
    assert_eq!(one["data"]["bank"]["short_name"], "Sacombank");
    let (s, e) = api(&sb, "/bank-accounts/9", &at).await;
    assert_eq!((s, e["error_code"].as_str()), (404, Some("not_found")));
    let (s, _) = api(&sb, "/bank-accounts/1/webhooks", &at).await;
    assert_eq!(s, 404);
    let (s, _) = api(&sb, "/nothing", &at).await;
    assert_eq!(s, 404);
    let (s, subs) = api(&sb, "/bank-accounts/1/sub-accounts", &at).await;
    assert_eq!(s, 200);
    for x in subs["data"].as_array().unwrap() {
        assert!(x["id"].is_u64() && x["account_number"].is_string());
        assert_eq!(x["bank_account_id"], 1);
    }

    let (s, raw) = api_raw(&sb, Method::GET, "/transactions?limit=5&page=2", &at, None).await;
    assert_eq!(s, 200);
    let v: Value = serde_json::from_str(&raw).unwrap();
    let ids: Vec<u64> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, vec![295, 294, 293, 292, 291], "newest first");
    assert_eq!(v["meta"]["pagination"]["total"], 300);
    assert!(raw.contains(".00,\"amount_out\":"), "{raw}");
    let t0 = &v["data"][0];
    let reference = t0["reference_number"].as_str().unwrap();
    let (_, f) = api(
        &sb,
        &format!("/transactions?reference_number={reference}"),
        &at,
    )
    .await;
    assert_eq!(f["data"][0]["id"], 295);
    let (_, f) = api(&sb, "/transactions?bank_account_id=2&limit=100", &at).await;
    assert!(f["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["bank_account_id"] == 2));
    let (_, f) = api(
        &sb,
        "/transactions?from_date=2025-01-01&to_date=2025-01-01&limit=100",
        &at,
    )
    .await;
    assert_eq!(
        f["meta"]["pagination"]["total"], 300,
        "all 300 on 2025-01-01"
    );
    let (_, f) = api(&sb, "/transactions?to_date=2024-12-31", &at).await;
    assert_eq!(f["meta"]["pagination"]["total"], 0);
    let amount =
        t0["amount_in"].as_f64().unwrap() as u64 + t0["amount_out"].as_f64().unwrap() as u64;
    let key = if t0["amount_in"].as_f64().unwrap() > 0.0 {
        "amount_in"
    } else {
        "amount_out"
    };
    let (_, f) = api(
        &sb,
        &format!("/transactions?{key}={amount}.00&limit=100"),
        &at,
    )
    .await;
    assert!(f["data"].as_array().unwrap().iter().any(|t| t["id"] == 295));
    let (s, e) = api(&sb, "/transactions?limit=500", &at).await;
    assert_eq!(
        (s, e["error_code"].as_str()),
        (422, Some("validation_error"))
    );

    // Webhooks CRUD.
    let (_, l) = api(&sb, "/webhooks", &at).await;
    assert_eq!(l["data"].as_array().unwrap().len(), 2, "two seeded");
    let w0 = &l["data"][0];
    for k in [
        "id",
        "bank_account_id",
        "name",
        "event_type",
        "authen_type",
        "webhook_url",
        "is_verify_payment",
        "skip_if_no_code",
        "prefix_filters",
        "retry_conditions",
        "only_va",
        "active",
        "created_at",
        "api_key",
        "request_content_type",
        "bank_sub_account_ids",
    ] {
        assert!(w0.get(k).is_some(), "{k} in {w0}");
    }
    let new = json!({"bank_account_id": 1, "name": "Shop", "event_type": "In_only",
        "authen_type": "HMAC_SHA256", "webhook_url": "https://shop.example/hook",
        "is_verify_payment": 1, "skip_if_no_code": 1, "only_va": 0,
        "request_content_type": "Json"});
    let (s, t) = api_raw(&sb, Method::POST, "/webhooks", &at, Some(&new)).await;
    assert_eq!(s, 201, "{t}");
    let w: Value = serde_json::from_str(&t).unwrap();
    assert_eq!(w["data"]["id"], 3);
    assert_eq!(w["data"]["is_verify_payment"], true);
    assert_eq!(w["data"]["active"], true);
    let (s, t) = api_raw(
        &sb,
        Method::PATCH,
        "/webhooks/3",
        &at,
        Some(&json!({"active": 0, "name": "Renamed"})),
    )
    .await;
    assert_eq!(s, 200, "{t}");
    let (_, g) = api(&sb, "/webhooks/3", &at).await;
    assert_eq!(
        (&g["data"]["active"], &g["data"]["name"]),
        (&json!(false), &json!("Renamed"))
    );
    let (_, l) = api(&sb, "/webhooks?webhook_url=SHOP.example&active=0", &at).await;
    assert_eq!(l["data"].as_array().unwrap().len(), 1);
    let (s, t) = api_raw(
        &sb,
        Method::POST,
        "/webhooks",
        &at,
        Some(&json!({"name": "x", "event_type": "Sometimes"})),
    )
    .await;
    assert_eq!(s, 422, "{t}");
    let e: Value = serde_json::from_str(&t).unwrap();
    assert!(e["errors"]["event_type"].is_array() && e["errors"]["webhook_url"].is_array());
    let (s, t) = api_raw(&sb, Method::DELETE, "/webhooks/3", &at, None).await;
    assert_eq!((s, t.as_str()), (204, ""));
    let (s, _) = api(&sb, "/webhooks/3", &at).await;
    assert_eq!(s, 404);
    sb.shutdown().await;
}

#[tokio::test]
async fn refresh_tokens_rotate_and_codes_are_single_use() {
    let sb = sandbox(10, 1).await;
    let code = code_for(&sb, "profile").await;
    let (_, t1) = exchange(&sb, &code).await;
    let (s, e) = exchange(&sb, &code).await;
    assert_eq!((s, e["error"].as_str()), (400, Some("invalid_grant")));
    assert!(e["error_description"].is_string());
    let r1 = t1["refresh_token"].as_str().unwrap();
    let (s, t2) = refresh(&sb, r1).await;
    assert_eq!(s, 200, "{t2}");
    let r2 = t2["refresh_token"].as_str().unwrap();
    assert_ne!(r1, r2);
    let (s, e) = refresh(&sb, r1).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("invalid_grant")),
        "old refresh token rejected"
    );
    let (s, _) = api(&sb, "/me", t2["access_token"].as_str().unwrap()).await;
    assert_eq!(s, 200);
    let (s, t3) = refresh(&sb, r2).await;
    assert_eq!(s, 200);
    assert_eq!(t3["scope"], "profile");

    let (s, e) = token(
        &sb,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", "x"),
            ("client_id", CLIENT),
            ("client_secret", "wrong"),
        ],
    )
    .await;
    assert_eq!((s, e["error"].as_str()), (401, Some("invalid_client")));
    let (s, e) = token(
        &sb,
        &[
            ("grant_type", "password"),
            ("client_id", CLIENT),
            ("client_secret", SECRET),
        ],
    )
    .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    // JSON bodies and Basic client authentication are accepted too.
    let code = code_for(&sb, "company").await;
    let r = client()
        .post(format!("{}/oauth/token", sb.base_url()))
        .basic_auth(CLIENT, Some(SECRET))
        .json(&json!({"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}))
        .send()
        .await
        .unwrap();
    let (s, t) = status_json(r).await;
    assert_eq!((s, &t["scope"]), (200, &json!("company")), "{t}");
    let code = code_for(&sb, "company").await;
    let (s, e) = token(
        &sb,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("client_id", CLIENT),
            ("client_secret", SECRET),
            ("redirect_uri", "http://127.0.0.1/other"),
        ],
    )
    .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("invalid_grant")),
        "redirect_uri must match"
    );
    let log = sb.requests();
    assert!(log
        .iter()
        .any(|r| r.path == "/oauth/token" && r.status == 401 && !r.authorized));
    assert!(log
        .iter()
        .any(|r| r.path == "/oauth/authorize" && r.status == 302));
    sb.shutdown().await;
}

#[tokio::test]
async fn access_tokens_expire_and_scopes_are_enforced() {
    let sb = sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 10,
        bank_accounts: 1,
        rate_limit: None,
        oauth_access_ttl: 1,
        ..SandboxConfig::default()
    })
    .await;
    let code = code_for(&sb, "profile").await;
    let (_, t) = exchange(&sb, &code).await;
    assert_eq!(t["expires_in"], 1);
    let at = t["access_token"].as_str().unwrap().to_string();
    assert_eq!(api(&sb, "/me", &at).await.0, 200);
    let (s, e) = api(&sb, "/bank-accounts", &at).await;
    assert_eq!(
        (s, e),
        (
            403,
            json!({"status":"error","message":"Insufficient scope","error_code":"forbidden"})
        )
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (s, e) = api(&sb, "/me", &at).await;
    assert_eq!(
        (s, e),
        (
            401,
            json!({"status":"error","message":"Token expired","error_code":"unauthorized"})
        )
    );
    let (s, t) = refresh(&sb, t["refresh_token"].as_str().unwrap()).await;
    assert_eq!(s, 200);
    let at = t["access_token"].as_str().unwrap().to_string();
    assert_eq!(api(&sb, "/me", &at).await.0, 200);
    let (s, _) = api(&sb, "/me", "not-a-token").await;
    assert_eq!(s, 401);
    let r = client()
        .get(format!("{}/api/v1/me", sb.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);

    // The admin switch: every access token expires at once, refresh still works.
    let (s, _) = post_json(&sb, "/__sandbox/oauth/expire", &json!({})).await;
    assert_eq!(s, 204);
    assert_eq!(api(&sb, "/me", &at).await.0, 401);
    sb.expire_oauth_tokens();
    assert_eq!(
        refresh(&sb, t["refresh_token"].as_str().unwrap()).await.0,
        200
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn authorize_refusals() {
    let sb = sandbox(10, 1).await;
    let q = |client: &str, redirect: &str, scope: &str, state: &str, rt: &str| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("response_type", rt)
            .append_pair("client_id", client)
            .append_pair("redirect_uri", redirect)
            .append_pair("scope", scope)
            .append_pair("state", state)
            .finish()
    };
    let (s, _) = authorize(&sb, &q("nobody", REDIRECT, "profile", "s", "code")).await;
    assert_eq!(s, 400);
    let (s, _) = authorize(
        &sb,
        &q(CLIENT, "https://evil.example/cb", "profile", "s", "code"),
    )
    .await;
    assert_eq!(s, 400);
    let (s, _) = authorize(&sb, &q(CLIENT, REDIRECT, "profile", "", "code")).await;
    assert_eq!(s, 400, "state is required");
    let (s, loc) = authorize(&sb, &q(CLIENT, REDIRECT, "profile everything", "s", "code")).await;
    assert_eq!(s, 302);
    assert_eq!(query_value(&loc, "error").as_deref(), Some("invalid_scope"));
    let (s, loc) = authorize(&sb, &q(CLIENT, REDIRECT, "profile", "s", "token")).await;
    assert_eq!(
        (s, query_value(&loc, "error").as_deref()),
        (302, Some("unsupported_response_type"))
    );
    // The registered URI works without being loopback-checked; no scope = all scopes.
    let (s, loc) = authorize(&sb, "response_type=code&client_id=sandbox-client&state=s").await;
    assert_eq!(s, 302);
    assert!(loc.starts_with("http://127.0.0.1/callback?code="), "{loc}");
    let code = query_value(&loc, "code").unwrap();
    let (_, t) = token(
        &sb,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("client_id", CLIENT),
            ("client_secret", SECRET),
        ],
    )
    .await;
    assert_eq!(t["scope"], ALL);
    sb.shutdown().await;
}
