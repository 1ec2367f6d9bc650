#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Fault injection, rate limiting, the request log and the admin API.

mod common;

use std::time::{Duration, Instant};

use common::*;
use sepay_sandbox::{Fault, FaultConfig, SandboxConfig, SandboxHandle};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends one raw HTTP/1.1 request and reads until the server closes.
async fn raw(sb: &SandboxHandle, path: &str) -> std::io::Result<Vec<u8>> {
    let mut s = TcpStream::connect(sb.addr()).await?;
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: sandbox\r\nAuthorization: Bearer {TOKEN}\r\nConnection: close\r\n\r\n"
    );
    s.write_all(req.as_bytes()).await?;
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out))
        .await
        .expect("server closed in time")?;
    Ok(out)
}

fn split_head(resp: &[u8]) -> (String, &[u8]) {
    let pos = resp
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("head");
    (
        String::from_utf8_lossy(&resp[..pos]).to_lowercase(),
        &resp[pos + 4..],
    )
}

#[tokio::test]
async fn drop_sends_no_status_line() {
    let sb = sandbox(50, 3).await;
    sb.push_faults([Fault::Drop]);
    match raw(&sb, "/v2/transactions").await {
        Ok(bytes) => assert!(
            bytes.is_empty(),
            "got {:?}",
            String::from_utf8_lossy(&bytes)
        ),
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset),
    }
    sb.push_faults([Fault::Drop]);
    let r = client()
        .get(format!("{}/userapi/transactions/list", sb.base_url()))
        .bearer_auth(TOKEN)
        .send()
        .await;
    assert!(r.is_err(), "client got a response: {r:?}");
    // The server is still fine afterwards.
    let (s, _) = get_json(&sb, "/v2/transactions").await;
    assert_eq!(s, 200);
    let log = sb.requests();
    assert_eq!(log[0].fault.as_deref(), Some("drop"));
    assert_eq!(log[0].status, 0);
    assert_eq!(log[2].fault, None);
    sb.shutdown().await;
}

#[tokio::test]
async fn truncate_sends_half_of_a_full_length_body() {
    let sb = sandbox(50, 3).await;
    sb.push_faults([Fault::Truncate]);
    let bytes = raw(&sb, "/v2/transactions").await.unwrap();
    let (head, body) = split_head(&bytes);
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length: "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(
        !body.is_empty() && body.len() < len,
        "{} of {len}",
        body.len()
    );

    sb.push_faults([Fault::Truncate]);
    let r = get(&sb, "/userapi/transactions/list").await;
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.is_err(), "body should be incomplete");
    assert_eq!(sb.requests()[1].fault.as_deref(), Some("truncate"));
    sb.shutdown().await;
}

#[tokio::test]
async fn error_pages_and_payload_faults() {
    let sb = sandbox(50, 3).await;
    let text = |r: reqwest::Response| async move {
        let ct = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string());
        (
            r.status().as_u16(),
            ct.unwrap_or_default(),
            r.text().await.unwrap(),
        )
    };

    sb.push_faults([
        Fault::Error500,
        Fault::Error503,
        Fault::Error500,
        Fault::Error503,
    ]);
    let (s, ct, b) = text(get(&sb, "/userapi/transactions/list").await).await;
    assert_eq!((s, ct.starts_with("text/html")), (500, true));
    assert!(b.contains("nginx"));
    let (s, ct, _) = text(get(&sb, "/userapi/transactions/count").await).await;
    assert_eq!((s, ct.starts_with("text/html")), (503, true));
    let (s, v) = get_json(&sb, "/v2/transactions").await;
    assert_eq!((s, v["error_code"].as_str()), (500, Some("internal_error")));
    let (s, v) = get_json(&sb, "/v2/transactions").await;
    assert_eq!(
        (s, v["error_code"].as_str()),
        (503, Some("service_unavailable"))
    );

    sb.push_faults([Fault::Html, Fault::Empty, Fault::TruncatedJson]);
    let (s, ct, b) = text(get(&sb, "/v2/transactions").await).await;
    assert_eq!((s, ct.starts_with("text/html")), (200, true));
    assert!(b.starts_with("<!DOCTYPE html>"));
    let r = get(&sb, "/v2/transactions").await;
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["content-length"].to_str().unwrap()
        ),
        (200, "0")
    );
    let r = get(&sb, "/v2/transactions").await;
    assert_eq!(r.status(), 200);
    let b = r.bytes().await.expect("consistent content-length");
    assert!(serde_json::from_slice::<Value>(&b).is_err());
    assert!(b.starts_with(b"{\"status\":\"success\""));

    sb.push_faults([Fault::WrongType, Fault::UnknownEnum, Fault::MissingField]);
    let (_, v) = get_json(&sb, "/v2/transactions").await;
    assert_eq!(v["data"][0]["amount_in"], json!(true));
    assert!(v["data"][1]["amount_in"].is_u64());
    let (_, v) = get_json(&sb, "/v2/transactions").await;
    assert_eq!(v["data"][0]["transfer_type"], "sideways");
    let (_, v) = get_json(&sb, "/v2/transactions").await;
    assert!(v["data"][0].get("id").is_none());
    assert!(v["data"][1]["id"].is_string());

    sb.push_faults([Fault::WrongType, Fault::UnknownEnum, Fault::MissingField]);
    let (_, v) = get_json(&sb, "/userapi/transactions/details/3").await;
    assert_eq!(v["transaction"]["amount_in"], json!(true));
    let (_, v) = get_json(&sb, "/userapi/bankaccounts/list").await;
    assert_eq!(v["bankaccounts"][0]["accumulated"], json!(true));
    let (_, v) = get_json(&sb, "/userapi/transactions/list?limit=2").await;
    assert!(v["transactions"][0].get("id").is_none());

    let names: Vec<Option<String>> = sb.requests().into_iter().map(|r| r.fault).collect();
    let expected = [
        "500",
        "503",
        "500",
        "503",
        "html",
        "empty",
        "truncated_json",
        "wrong_type",
        "unknown_enum",
        "missing_field",
        "wrong_type",
        "unknown_enum",
        "missing_field",
    ];
    assert_eq!(
        names,
        expected
            .iter()
            .map(|s| Some(s.to_string()))
            .collect::<Vec<_>>()
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn slow_and_injected_429() {
    let sb = sandbox(50, 3).await;
    sb.push_faults([Fault::Slow(300), Fault::RateLimited, Fault::RateLimited]);
    let t0 = Instant::now();
    let (s, _) = get_json(&sb, "/v2/transactions").await;
    assert_eq!(s, 200);
    assert!(t0.elapsed() >= Duration::from_millis(300));
    let r = get(&sb, "/v2/transactions").await;
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "1");
    assert_eq!(r.headers()["x-ratelimit-remaining"], "0");
    assert_eq!(r.headers()["x-ratelimit-reset"], "1");
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v,
        json!({"status":"error","message":"Too many requests","error_code":"rate_limited"})
    );
    let r = get(&sb, "/userapi/transactions/list").await;
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["x-sepay-userapi-retry-after"], "1");
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v,
        json!({"status":429,"error":429,"messages":{"error":"Too many requests"}})
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn random_faults_and_bursts() {
    let sb = sandbox(50, 3).await;
    sb.set_faults(FaultConfig {
        error_500: 1.0,
        ..FaultConfig::default()
    });
    for _ in 0..3 {
        assert_eq!(get(&sb, "/v2/transactions").await.status(), 500);
    }
    sb.set_faults(FaultConfig {
        burst_429: 1.0,
        burst_length: 2,
        ..FaultConfig::default()
    });
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 429);
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 429);
    sb.set_faults(FaultConfig::default());
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 200);
    // Queued faults win over random ones.
    sb.set_faults(FaultConfig {
        error_503: 1.0,
        ..FaultConfig::default()
    });
    sb.push_faults([Fault::Html]);
    let r = get(&sb, "/v2/transactions").await;
    assert_eq!(r.status(), 200);
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 503);
    sb.shutdown().await;
}

#[tokio::test]
async fn rate_limit_is_checked_before_auth() {
    let sb = sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 10,
        rate_limit: Some(2.0),
        ..SandboxConfig::default()
    })
    .await;
    let r = get(&sb, "/v2/transactions").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-ratelimit-limit"], "2");
    assert_eq!(r.headers()["x-ratelimit-remaining"], "1");
    let r = get(&sb, "/v2/transactions").await;
    assert_eq!(r.headers()["x-ratelimit-remaining"], "0");
    // No token, but limited first: 429 rather than 401.
    let r = client()
        .get(format!("{}/v2/transactions", sb.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let ra: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let reset: u64 = r.headers()["x-ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(ra >= 1 && reset >= 1);
    assert_eq!(r.headers()["x-ratelimit-limit"], "2");
    let r = get(&sb, "/userapi/transactions/count").await;
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("x-sepay-userapi-retry-after"));
    // Admin endpoints are not limited.
    let stats: Value = client()
        .get(format!("{}/__sandbox/stats", sb.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["transactions"], 10);
    // Refill: 2 tokens/s.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 200);
    sb.set_rate_limit(None);
    for _ in 0..5 {
        let r = get(&sb, "/v2/transactions").await;
        assert_eq!(r.status(), 200);
        assert!(!r.headers().contains_key("x-ratelimit-limit"));
    }
    let log = sb.requests();
    assert_eq!(log.len(), 10);
    assert_eq!(log[2].status, 429);
    assert!(!log[2].authorized);
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));
    sb.shutdown().await;
}

#[tokio::test]
async fn admin_endpoints() {
    let sb = sandbox(100, 3).await;
    let base = sb.base_url();
    let c = client();
    let r = c
        .post(format!("{base}/__sandbox/faults/next"))
        .json(&json!({"faults": ["503", {"slow": 10}, "wrong_type"]}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let v: Value = c
        .get(format!("{base}/__sandbox/faults"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["queued"], json!(["503", {"slow": 10}, "wrong_type"]));
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 503);
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 200);
    let (_, v) = get_json(&sb, "/v2/transactions").await;
    assert_eq!(v["data"][0]["amount_in"], json!(true));

    let log: Vec<Value> = c
        .get(format!("{base}/__sandbox/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0]["fault"], "503");
    assert_eq!(log[0]["status"], 503);
    assert_eq!(log[1]["fault"], "slow");
    assert_eq!(log[2]["path"], "/v2/transactions");
    assert_eq!(log[2]["method"], "GET");
    assert_eq!(log[2]["authorized"], true);
    assert!(log[2]["received_ms"].is_u64());
    assert_eq!(log[2]["query"], "");
    let r = c
        .delete(format!("{base}/__sandbox/requests"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert!(sb.requests().is_empty());

    let r = c
        .post(format!("{base}/__sandbox/faults"))
        .json(&json!({"error_500": 1.0}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 500);
    c.post(format!("{base}/__sandbox/faults"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 200);

    let r = c
        .post(format!("{base}/__sandbox/rate-limit"))
        .json(&json!({"per_second": 1}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 200);
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 429);
    c.post(format!("{base}/__sandbox/rate-limit"))
        .json(&json!({"per_second": null}))
        .send()
        .await
        .unwrap();
    assert_eq!(get(&sb, "/v2/transactions").await.status(), 200);

    let stats: Value = c
        .get(format!("{base}/__sandbox/stats"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let s = sb.stats();
    assert_eq!(stats, serde_json::to_value(&s).unwrap());
    assert_eq!(s.transactions, 100);
    assert!(s.total_amount_in.ends_with(".00"));
    let bad = c
        .post(format!("{base}/__sandbox/faults/next"))
        .json(&json!({"faults": ["nope"]}))
        .send()
        .await
        .unwrap();
    assert!(bad.status().is_client_error());
    assert_eq!(
        c.get(format!("{base}/__sandbox/nope"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    // Admin calls never appear in the log.
    assert!(sb
        .requests()
        .iter()
        .all(|r| !r.path.starts_with("/__sandbox")));
    sb.shutdown().await;
}
