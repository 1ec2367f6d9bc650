#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Bank Hub: client-credentials tokens and their expiry, every endpoint, the
//! envelopes and error shapes of sepay-api.md §6.1.

mod common;

use std::time::Duration;

use common::bank_hub::*;
use common::*;
use reqwest::Method;
use sepay_sandbox::SandboxConfig;
use serde_json::{json, Value};

#[tokio::test]
async fn tokens_are_basic_auth_and_expire() {
    let sb = sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 10,
        bank_accounts: 3,
        rate_limit: None,
        bankhub_token_ttl: 1,
        ..SandboxConfig::default()
    })
    .await;
    let (s, e) = new_token(&sb, ID, "wrong").await;
    assert_eq!(
        (s, e),
        (401, json!({"code": 401, "message": "Unauthenticated"}))
    );
    let (s, t) = new_token(&sb, ID, SECRET).await;
    assert_eq!(s, 201);
    assert_eq!(t["code"], 201);
    assert_eq!(t["ttl"], 1);
    assert_eq!(t["access_token"].as_str().unwrap().len(), 40);
    let at = t["access_token"].as_str().unwrap().to_string();
    assert_eq!(hub_get(&sb, "/company", &at).await.0, 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (s, e) = hub_get(&sb, "/company", &at).await;
    assert_eq!(
        (s, e),
        (401, json!({"code": 401, "message": "Unauthenticated"}))
    );
    let at = token(&sb).await;
    assert_eq!(hub_get(&sb, "/company", &at).await.0, 200);
    let (s, _) = post_json(&sb, "/__sandbox/bankhub/expire", &json!({})).await;
    assert_eq!(s, 204);
    assert_eq!(hub_get(&sb, "/company", &at).await.0, 401);
    let r = client()
        .get(format!("{}/bankhub/v1/company", sb.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let r = client()
        .get(format!("{}/bankhub/v1/token", sb.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
    let log = sb.requests();
    let tokens: Vec<_> = log
        .iter()
        .filter(|r| r.path == "/bankhub/v1/token")
        .collect();
    assert_eq!(tokens.len(), 4);
    assert!(!tokens[0].authorized && tokens[1].authorized);
    sb.shutdown().await;
}

#[tokio::test]
async fn companies_and_counters() {
    let sb = sandbox(600, 6).await;
    let at = token(&sb).await;
    let (s, l) = hub_get(&sb, "/company", &at).await;
    assert_eq!(s, 200);
    assert_eq!(
        l["meta"],
        json!({"per_page": 20, "total": 3, "has_more": false, "current_page": 1, "page_count": 1})
    );
    let c0 = &l["data"][2];
    assert_eq!(
        c0["full_name"], "CONG TY TNHH AN PHAT",
        "newest first by default"
    );
    assert_eq!(c0["active"], 1);
    assert_datetime(&c0["created_at"]);
    let xid = c0["xid"].as_str().unwrap().to_string();
    let (_, l) = hub_get(&sb, "/company?sort[created_at]=asc&per_page=1&page=2", &at).await;
    assert_eq!(l["data"][0]["full_name"], "CONG TY CO PHAN BINH MINH");
    assert_eq!(l["meta"]["has_more"], true);
    let (_, l) = hub_get(&sb, "/company?status=Pending", &at).await;
    assert_eq!(l["data"].as_array().unwrap().len(), 1);
    let (_, l) = hub_get(&sb, "/company?q=binh", &at).await;
    assert_eq!(l["data"].as_array().unwrap().len(), 1);
    let (s, e) = hub_get(&sb, "/company?per_page=101", &at).await;
    assert_eq!(
        (s, &e["code"], &e["message"]),
        (400, &json!(400), &json!("Validation error"))
    );
    assert!(e["errors"]["per_page"].is_array());

    let (s, d) = hub_get(&sb, &format!("/company/{xid}"), &at).await;
    assert_eq!(s, 200);
    assert_eq!(d["data"]["configuration"]["payment_code_prefix"], "DH");
    let (s, e) = hub_get(&sb, "/company/0b8e1c7a-0000-4000-8000-000000000000", &at).await;
    assert_eq!(s, 404);
    assert_not_found(&e);

    let (s, c) = hub_post(
        &sb,
        "/company/create",
        &at,
        json!({"full_name": "CONG TY MOI", "status": "Active"}),
    )
    .await;
    assert_eq!(s, 201, "{c}");
    assert_eq!(c["code"], 201);
    assert!(c["message"].is_string());
    assert_eq!(c["data"]["full_name"], "CONG TY MOI");
    let new_xid = c["data"]["xid"].as_str().unwrap().to_string();
    let (s, e) = hub_post(
        &sb,
        "/company/create",
        &at,
        json!({"full_name": "cong ty moi"}),
    )
    .await;
    assert_eq!(s, 400);
    assert!(
        e["errors"]["full_name"].is_array() && e["errors"]["status"].is_array(),
        "{e}"
    );

    let (s, m) = hub_post(
        &sb,
        &format!("/company/edit/{new_xid}"),
        &at,
        json!({"full_name": "CONG TY MOI 2", "payment_code_prefix": "HD", "status": "Pending"}),
    )
    .await;
    assert_eq!((s, &m["code"]), (200, &json!(200)), "{m}");
    let (_, d) = hub_get(&sb, &format!("/company/{new_xid}"), &at).await;
    assert_eq!(d["data"]["full_name"], "CONG TY MOI 2");
    assert_eq!(d["data"]["status"], "Pending");
    assert_eq!(d["data"]["configuration"]["payment_code_prefix"], "HD");
    let (s, e) = hub_post(
        &sb,
        &format!("/company/edit/{new_xid}"),
        &at,
        json!({"payment_code_prefix": "H"}),
    )
    .await;
    assert_eq!(s, 400);
    assert!(e["errors"]["payment_code_prefix"].is_array());
    let (s, e) = hub_post(&sb, "/company/edit/nope", &at, json!({})).await;
    assert_eq!(s, 404);
    assert_not_found(&e);

    // Counters agree with the transaction list of the company.
    let (s, k) = hub_get(&sb, &format!("/company/counter/{xid}"), &at).await;
    assert_eq!(s, 200);
    let total = k["data"]["total"]["transaction"].as_u64().unwrap();
    let (_, t) = hub_get(&sb, &format!("/transaction?company_xid={xid}"), &at).await;
    assert_eq!(t["meta"]["total"].as_u64().unwrap(), total);
    assert!(total > 0);
    let days = k["data"]["dates"].as_array().unwrap();
    assert_eq!(days[0]["date"], "2025-01-01");
    let sum: u64 = days
        .iter()
        .map(|d| d["transaction"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, total);
    let t = &k["data"]["total"];
    assert_eq!(
        t["transaction_in"].as_u64().unwrap() + t["transaction_out"].as_u64().unwrap(),
        total
    );
    let (_, k) = hub_get(&sb, &format!("/company/counter/{xid}?date=2024-06-01"), &at).await;
    assert_eq!(
        k["data"],
        json!({"dates": [{"date": "2024-06-01", "transaction": 0, "transaction_in": 0, "transaction_out": 0}],
               "total": {"transaction": 0, "transaction_in": 0, "transaction_out": 0}})
    );
    let (s, _) = hub_get(&sb, &format!("/company/counter/{xid}?date=June"), &at).await;
    assert_eq!(s, 400);
    sb.shutdown().await;
}

#[tokio::test]
async fn bank_accounts_and_transactions() {
    let sb = sandbox(400, 6).await;
    let at = token(&sb).await;
    let (s, l) = hub_get(&sb, "/bank-account?per_page=4", &at).await;
    assert_eq!(s, 200);
    assert_eq!(
        l["meta"],
        json!({"per_page": 4, "total": 6, "has_more": true, "current_page": 1, "page_count": 2})
    );
    let a = &l["data"][0];
    assert_money2(&a["accumulated"]);
    for k in [
        "xid",
        "company_xid",
        "brand_name",
        "account_holder_name",
        "account_number",
        "account_type",
    ] {
        assert!(a[k].is_string(), "{k} in {a}");
    }
    assert_eq!(a["bank_api_connected"], 1);
    let (xid, company) = (
        a["xid"].as_str().unwrap(),
        a["company_xid"].as_str().unwrap(),
    );
    let (_, owned) = hub_get(&sb, &format!("/bank-account?company_xid={company}"), &at).await;
    assert_eq!(
        owned["data"].as_array().unwrap().len(),
        2,
        "accounts 1 and 4"
    );
    let (_, b) = hub_get(&sb, "/bank-account?bank_id=970418", &at).await;
    assert_eq!(b["data"][0]["brand_name"], "BIDV");
    let (s, d) = hub_get(&sb, &format!("/bank-account/{xid}"), &at).await;
    assert_eq!((s, &d["data"]), (200, a));
    let (s, e) = hub_get(&sb, "/bank-account/nope", &at).await;
    assert_eq!(s, 404);
    assert_not_found(&e);

    let (s, t) = hub_get(&sb, "/transaction?per_page=3&page=2", &at).await;
    assert_eq!(s, 200);
    assert_eq!(
        t["meta"],
        json!({"page": 2, "per_page": 3, "total": 400, "total_pages": 134})
    );
    let x = &t["data"][0];
    assert!(x["amount"].is_u64());
    assert!(matches!(x["transfer_type"].as_str(), Some("in" | "out")));
    assert_datetime(&x["transaction_date"]);
    let id = x["transaction_id"].as_str().unwrap();
    let (s, d) = hub_get(&sb, &format!("/transaction/{id}"), &at).await;
    assert_eq!((s, &d["data"]), (200, x));
    let (s, e) = hub_get(&sb, "/transaction/nope", &at).await;
    assert_eq!(s, 404);
    assert_not_found(&e);
    let (_, f) = hub_get(
        &sb,
        &format!("/transaction?bank_account_xid={xid}&transfer_type=out&per_page=100"),
        &at,
    )
    .await;
    let items = f["data"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items
        .iter()
        .all(|t| t["bank_account_xid"] == xid && t["transfer_type"] == "out"));
    let (_, f) = hub_get(&sb, "/transaction?start_transaction_date=2025-01-02", &at).await;
    assert_eq!(f["meta"]["total"], 0);
    let (_, f) = hub_get(&sb, "/transaction?transaction_date=2025-01-01", &at).await;
    assert_eq!(f["meta"]["total"], 400);
    let (s, e) = hub_get(&sb, "/transaction?transfer_type=credit", &at).await;
    assert_eq!(s, 400);
    assert!(e["errors"]["transfer_type"].is_array());

    // The merchant whitelist limits what the list shows.
    let (s, m) = hub_get(&sb, "/merchant-config", &at).await;
    assert_eq!(
        (s, m),
        (
            200,
            json!({"data": {"transaction_whitelist_remark_keywords": [], "logo_url": null}})
        )
    );
    let (s, m) = hub_post(
        &sb,
        "/merchant-config",
        &at,
        json!({"transaction_whitelist_remark_keywords": ["hoc phi"]}),
    )
    .await;
    assert_eq!(
        (s, &m["data"]["transaction_whitelist_remark_keywords"]),
        (200, &json!(["hoc phi"]))
    );
    let (_, f) = hub_get(&sb, "/transaction?per_page=100", &at).await;
    let total = f["meta"]["total"].as_u64().unwrap();
    assert!(total > 0 && total < 400);
    assert!(f["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["transaction_content"]
            .as_str()
            .unwrap()
            .contains("hoc phi")));
    let (s, _) = hub_post(
        &sb,
        "/merchant-config",
        &at,
        json!({"transaction_whitelist_remark_keywords": "x"}),
    )
    .await;
    assert_eq!(s, 400);
    sb.shutdown().await;
}

#[tokio::test]
async fn link_tokens_webhook_and_routing() {
    let sb = sandbox(50, 3).await;
    let at = token(&sb).await;
    let (_, l) = hub_get(&sb, "/company", &at).await;
    let company = l["data"][0]["xid"].as_str().unwrap().to_string();

    let (s, e) = hub_post(
        &sb,
        "/link-token/create",
        &at,
        json!({"company_xid": company}),
    )
    .await;
    assert_eq!(s, 400);
    assert_eq!(
        (&e["code"], &e["message"]),
        (&json!(400), &json!("Validation error"))
    );
    assert!(e["errors"]["purpose"].is_array());
    let (s, e) = hub_post(
        &sb,
        "/link-token/create",
        &at,
        json!({"company_xid": company, "purpose": "UNLINK_BANK_ACCOUNT"}),
    )
    .await;
    assert_eq!(s, 400);
    assert!(e["errors"]["bank_account_xid"].is_array());
    let (s, e) = hub_post(&sb, "/link-token/create", &at, json!({"company_xid": "0b8e1c7a-0000-4000-8000-000000000000", "purpose": "LINK_BANK_ACCOUNT"})).await;
    assert_eq!(s, 404);
    assert_not_found(&e);
    let body = json!({"company_xid": company, "purpose": "LINK_BANK_ACCOUNT",
        "completion_redirect_uri": "https://platform.example/done", "bank_account_xid": null});
    let (s, c) = hub_post(&sb, "/link-token/create", &at, body).await;
    assert_eq!(s, 201, "{c}");
    let d = &c["data"];
    assert!(d["hosted_link_url"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    assert_datetime(&d["expires_at"]);
    let (xid, link) = (
        d["xid"].as_str().unwrap(),
        d["link_token"].as_str().unwrap(),
    );
    let (s, g) = hub_post(&sb, "/link-token/get", &at, json!({"link_token": link})).await;
    assert_eq!(s, 200);
    let g = &g["data"];
    assert_eq!(
        (&g["xid"], &g["status"], &g["purpose"]),
        (&json!(xid), &json!("Active"), &json!("LINK_BANK_ACCOUNT"))
    );
    assert_eq!(g["company"]["xid"], json!(company));
    assert_eq!(g["events"][0]["name"], "LINK_TOKEN_CREATED");
    assert_eq!(g["sessions"], json!([]));
    let (s, r) = hub_post(
        &sb,
        "/link-token/revoke",
        &at,
        json!({"link_token_xid": xid}),
    )
    .await;
    assert_eq!(
        (s, &r["message"]),
        (200, &json!("Liên kết đã được thu hồi thành công"))
    );
    let (s, e) = hub_post(
        &sb,
        "/link-token/revoke",
        &at,
        json!({"link_token_xid": xid}),
    )
    .await;
    assert_eq!(s, 404);
    assert_not_found(&e);
    let (_, g) = hub_post(&sb, "/link-token/get", &at, json!({"link_token": link})).await;
    assert_eq!(g["data"]["status"], "Revoked");
    assert_eq!(g["data"]["events"][1]["name"], "LINK_TOKEN_REVOKED");

    let (s, w) = hub_get(&sb, "/webhook", &at).await;
    assert_eq!(
        (s, w),
        (
            200,
            json!({"status": 200, "error": null, "messages": {"success": [], "error": []}, "data": null})
        )
    );
    let set = json!({"webhook_url": "https://platform.example/bankhub", "auth_type": "SECRET_KEY",
        "secret_key": "my-secret-5678", "active": 1, "allow_events": ["*"]});
    let (s, w) = hub_post(&sb, "/webhook", &at, set).await;
    assert_eq!(s, 200, "{w}");
    assert_eq!(w["data"]["secret_key"], "my-secret-5678");
    assert_eq!(w["messages"]["success"].as_array().unwrap().len(), 1);
    let (_, w) = hub_get(&sb, "/webhook", &at).await;
    assert_eq!(w["data"]["secret_key"], "***5678");
    assert_eq!(w["data"]["request_content_type"], "application/json");
    assert_eq!(w["data"]["allow_events"], json!(["*"]));
    let (s, w) = hub_post(
        &sb,
        "/webhook",
        &at,
        json!({"webhook_url": "ftp://x", "allow_events": ["NOPE"]}),
    )
    .await;
    assert_eq!(
        (s, &w["status"], &w["data"]),
        (400, &json!(400), &Value::Null)
    );
    assert_eq!(w["messages"]["error"].as_array().unwrap().len(), 2);

    let (s, e) = hub(&sb, Method::DELETE, "/company", &at, None).await;
    assert_eq!(
        (s, e),
        (405, json!({"code": 405, "message": "Method not allowed"}))
    );
    let (s, e) = hub_get(&sb, "/nothing/here", &at).await;
    assert_eq!(s, 404);
    assert_not_found(&e);
    sb.shutdown().await;
}
