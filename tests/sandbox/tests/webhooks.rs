#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! User-webhook delivery: auth modes, content types, success rules, retries.

mod common;

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use common::receiver::{receiver, wait_until, Recorded};
use common::*;
use hmac::{Hmac, Mac};
use sepay_sandbox::{DeliveryAttempt, SandboxConfig, SandboxHandle, SimulateTransaction};
use serde_json::{json, Value};
use sha2::Sha256;

const OK: &str = r#"{"success": true}"#;
const DENIED: &str = r#"{"success": false, "message": "Unauthorized"}"#;

async fn fast_sandbox() -> SandboxHandle {
    sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 20,
        bank_accounts: 2,
        rate_limit: None,
        webhook_time_scale: 0.001,
        ..SandboxConfig::default()
    })
    .await
}

/// The receiver's own check of `X-SePay-Signature`.
fn hmac_ok(r: &Recorded, secret: &str) -> bool {
    let ts = r.header("x-sepay-timestamp");
    let Ok(ts_n) = ts.parse::<u64>() else {
        return false;
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    if now.abs_diff(ts_n) > 300 {
        return false;
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{ts}.").as_bytes());
    mac.update(&r.body);
    let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    r.header("x-sepay-signature") == expected
}

/// Body fields as strings, whatever the content type.
fn fields(r: &Recorded) -> BTreeMap<String, String> {
    let ct = r.header("content-type");
    if ct == "application/json" {
        let v: Value = serde_json::from_slice(&r.body).unwrap();
        v.as_object()
            .unwrap()
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.clone(), v.as_str().map_or(v.to_string(), str::to_string)))
            .collect()
    } else if ct == "application/x-www-form-urlencoded" {
        form_urlencoded::parse(&r.body).into_owned().collect()
    } else {
        let boundary = ct.split("boundary=").nth(1).expect("boundary");
        let body = String::from_utf8(r.body.to_vec()).unwrap();
        let mut out = BTreeMap::new();
        for part in body.split(&format!("--{boundary}")).skip(1) {
            let Some((head, value)) = part.split_once("\r\n\r\n") else {
                continue;
            };
            let name = head
                .split("name=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let value = value.strip_suffix("\r\n").unwrap();
            if !value.is_empty() {
                out.insert(name.to_string(), value.to_string());
            }
        }
        out
    }
}

fn deliveries_ok(sb: &SandboxHandle) -> usize {
    sb.webhook_deliveries().iter().filter(|d| d.success).count()
}

#[tokio::test]
async fn every_auth_mode_and_content_type() {
    let rx = receiver(|r, _| {
        let good = match r.path.as_str() {
            "/plain" => true,
            "/apikey" => r.header("authorization") == "Apikey key-123",
            "/hmac" => hmac_ok(r, "hm4c-secret"),
            "/token" => {
                let v: Value = serde_json::from_slice(&r.body).unwrap_or_default();
                if v == json!({"clientId": "cid", "clientSecret": "csecret"}) {
                    let t = json!({"data": {"accessToken": "tok-1", "refreshToken": "ref-1", "expiredIn": 3600}});
                    return (200, t.to_string());
                }
                false
            }
            "/oauth" => {
                return if r.header("authorization") == "Bearer tok-1" {
                    (201, OK.into())
                } else {
                    (401, DENIED.into())
                }
            }
            _ => false,
        };
        if good {
            (200, OK.into())
        } else {
            (401, DENIED.into())
        }
    })
    .await;
    let sb = fast_sandbox().await;
    let u = |p: &str| format!("{}{p}", rx.url);
    let targets = [
        json!({"url": u("/plain")}),
        json!({"url": u("/apikey"), "auth": "api_key", "api_key": "key-123", "content_type": "form"}),
        json!({"url": u("/hmac"), "auth": "hmac", "secret": "hm4c-secret", "content_type": "multipart"}),
        json!({"url": u("/hmac"), "auth": "hmac", "secret": "hm4c-secret", "content_type": "form"}),
        json!({"url": u("/oauth"), "auth": "oauth2", "token_url": u("/token"), "client_id": "cid", "client_secret": "csecret"}),
    ];
    for (i, t) in targets.iter().enumerate() {
        let (s, v) = post_json(&sb, "/__sandbox/webhooks", t).await;
        assert_eq!((s, v), (200, json!({"id": i + 1})));
    }
    let (_, listed) = admin_get(&sb, "/__sandbox/webhooks").await;
    assert_eq!(listed.as_array().unwrap().len(), 5);
    assert_eq!(listed[1]["auth"], "api_key");

    let (s, t) = post_json(
        &sb,
        "/__sandbox/simulate/transaction",
        &json!({"amount": 150_000, "content": "TRAN THI B chuyen tien DH777 thanh toan"}),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(t["delivered_to"], json!([1, 2, 3, 4, 5]));
    assert!(
        wait_until(5, || deliveries_ok(&sb) == 5).await,
        "{:?}",
        sb.webhook_deliveries()
    );
    let d = sb.webhook_deliveries();
    assert!(d
        .iter()
        .all(|d| d.attempt == 1 && d.event_id == 21 && d.error.is_none()));
    let oauth = d.iter().find(|d| d.target_id == 5).unwrap();
    assert_eq!(oauth.status, 201);

    // Every body decodes to the payload (form: nulls left out).
    let expected: BTreeMap<String, String> = fields_of(&t["webhook"]);
    let hooks: Vec<Recorded> = rx
        .requests()
        .into_iter()
        .filter(|r| r.path != "/token")
        .collect();
    assert_eq!(hooks.len(), 5);
    for r in &hooks {
        assert_eq!(
            fields(r),
            expected,
            "{} {}",
            r.path,
            r.header("content-type")
        );
    }
    let json_body: Value = serde_json::from_slice(&rx.to("/plain")[0].body).unwrap();
    assert_eq!(json_body, t["webhook"]);
    assert_eq!(json_body["id"], 21);
    assert!(json_body["subAccount"].is_null());

    // Webhook delivered → webhook_success 1; the token is cached.
    let (_, v2) = get_json(
        &sb,
        &format!("/v2/transactions/{}", t["v2_id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(v2["data"]["webhook_success"], 1);
    sb.simulate_transaction(SimulateTransaction::incoming(5000, "DH778"))
        .unwrap();
    assert!(wait_until(5, || deliveries_ok(&sb) == 10).await);
    assert_eq!(rx.to("/token").len(), 1);
    sb.shutdown().await;
}

fn fields_of(payload: &Value) -> BTreeMap<String, String> {
    payload
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.clone(), v.as_str().map_or(v.to_string(), str::to_string)))
        .collect()
}

#[tokio::test]
async fn replies_that_do_not_count_as_delivered() {
    let rx = receiver(|r, _| match r.path.as_str() {
        "/oauth-200" => (200, OK.into()),
        "/no-success" => (200, r#"{"ok": true}"#.into()),
        "/bad-token" => (
            200,
            json!({"data": {"accessToken": "t", "expiredIn": 60}}).to_string(),
        ),
        "/token" => (
            200,
            json!({"data": {"accessToken": "t", "refreshToken": "r", "expiredIn": 60}}).to_string(),
        ),
        _ => (500, OK.into()),
    })
    .await;
    let sb = fast_sandbox().await;
    let u = |p: &str| format!("{}{p}", rx.url);
    let oauth = |hook: &str, token: &str| json!({"url": u(hook), "auth": "oauth2", "token_url": u(token), "client_id": "c", "client_secret": "s"});
    for t in [
        oauth("/oauth-200", "/token"),
        json!({"url": u("/no-success")}),
        oauth("/oauth-200", "/bad-token"),
    ] {
        assert_eq!(post_json(&sb, "/__sandbox/webhooks", &t).await.0, 200);
    }
    sb.simulate_transaction(SimulateTransaction::incoming(1000, "x"))
        .unwrap();
    let first = |sb: &SandboxHandle, id: u64| -> Option<DeliveryAttempt> {
        sb.webhook_deliveries()
            .into_iter()
            .find(|d| d.target_id == id && d.attempt == 1)
    };
    assert!(wait_until(5, || (1..=3).all(|i| first(&sb, i).is_some())).await);
    let a = first(&sb, 1).unwrap();
    assert_eq!((a.status, a.success), (200, false));
    assert!(a.error.unwrap().contains("201"));
    let b = first(&sb, 2).unwrap();
    assert_eq!((b.status, b.success), (200, false));
    assert!(b.error.unwrap().contains("success"));
    let c = first(&sb, 3).unwrap();
    assert_eq!((c.status, c.success), (0, false));
    assert!(c.error.unwrap().contains("refreshToken"));
    sb.shutdown().await;
}

#[tokio::test]
async fn admin_validation_and_removal() {
    let sb = fast_sandbox().await;
    for bad in [
        json!({"url": "ftp://x"}),
        json!({"url": "http://127.0.0.1:1/x", "auth": "hmac"}),
        json!({"url": "http://127.0.0.1:1/x", "auth": "api_key"}),
        json!({"url": "http://127.0.0.1:1/x", "auth": "oauth2", "client_id": "a", "client_secret": "b"}),
    ] {
        let (s, e) = post_json(&sb, "/__sandbox/webhooks", &bad).await;
        assert_eq!(s, 400, "{bad}");
        assert!(e["error"].is_string());
    }
    let (_, id) = post_json(
        &sb,
        "/__sandbox/webhooks",
        &json!({"url": "http://127.0.0.1:1/x"}),
    )
    .await;
    assert_eq!(id["id"], 1);
    let c = client();
    let del = |id: &str| {
        c.delete(format!("{}/__sandbox/webhooks/{id}", sb.base_url()))
            .send()
    };
    assert_eq!(del("1").await.unwrap().status(), 204);
    assert_eq!(del("1").await.unwrap().status(), 404);
    assert_eq!(del("abc").await.unwrap().status(), 404);
    assert!(sb.webhooks().is_empty());
    let r = c
        .delete(format!("{}/__sandbox/webhooks/deliveries", sb.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    sb.shutdown().await;
}
