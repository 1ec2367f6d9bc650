#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! User API v1 endpoints against an in-process sandbox.

mod common;

use common::*;
use sepay_sandbox::{SandboxConfig, V1Order};
use serde_json::{json, Value};

fn assert_v1_envelope(v: &Value) {
    assert_eq!(v["status"], json!(200));
    assert_eq!(v["error"], Value::Null);
    assert_eq!(v["messages"], json!({"success": true}));
}

fn assert_v1_txn(t: &Value) {
    assert_v1_strings(t, &["code", "sub_account"]);
    let keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
    for k in [
        "id",
        "transaction_date",
        "account_number",
        "sub_account",
        "amount_in",
        "amount_out",
        "accumulated",
        "code",
        "transaction_content",
        "reference_number",
        "bank_brand_name",
        "bank_account_id",
    ] {
        assert!(keys.contains(&k), "missing {k}");
    }
    assert_eq!(keys.len(), 12);
    for k in ["amount_in", "amount_out", "accumulated"] {
        assert_money2(&t[k]);
    }
    assert_datetime(&t["transaction_date"]);
    let (i, o) = (
        t["amount_in"].as_str().unwrap(),
        t["amount_out"].as_str().unwrap(),
    );
    assert!((i == "0.00") != (o == "0.00"), "{i} {o}");
}

#[tokio::test]
async fn transactions_list_details_count_envelopes_and_types() {
    let sb = sandbox(1000, 3).await;
    let (s, v) = get_json(&sb, "/userapi/transactions/list?limit=50").await;
    assert_eq!(s, 200);
    assert_v1_envelope(&v);
    let txns = v["transactions"].as_array().unwrap();
    assert_eq!(txns.len(), 50);
    txns.iter().for_each(assert_v1_txn);
    assert_eq!(v1_ids(&v)[..3], [1000, 999, 998]);
    assert!(txns.iter().any(|t| t["code"].is_null()));
    assert!(txns.iter().any(|t| t["code"].is_string()));

    let (s, d) = get_json(&sb, "/userapi/transactions/details/999").await;
    assert_eq!(s, 200);
    assert_v1_envelope(&d);
    assert_eq!(d["transaction"], txns[1]);

    let (_, c) = get_json(&sb, "/userapi/transactions/count").await;
    assert_v1_envelope(&c);
    assert_eq!(c["count_transactions"], json!(1000));

    // Default limit is 5000: all 1000 come back.
    let (_, all) = get_json(&sb, "/userapi/transactions/list").await;
    assert_eq!(all["transactions"].as_array().unwrap().len(), 1000);
    sb.shutdown().await;
}

#[tokio::test]
async fn bankaccounts_envelopes_and_types() {
    let sb = sandbox(200, 8).await;
    let (s, v) = get_json(&sb, "/userapi/bankaccounts/list").await;
    assert_eq!(s, 200);
    assert_v1_envelope(&v);
    let list = v["bankaccounts"].as_array().unwrap();
    assert_eq!(list.len(), 8);
    assert_eq!(list[0]["id"], "8");
    for a in list {
        assert_v1_strings(a, &["last_transaction"]);
        assert_money2(&a["accumulated"]);
        assert_eq!(a.as_object().unwrap().len(), 12);
        assert!(a["account_number"]
            .as_str()
            .unwrap()
            .bytes()
            .all(|b| b.is_ascii_digit()));
    }
    assert_eq!(list[0]["active"], "1");
    assert_eq!(list[3]["active"], "0"); // account 5
    let (_, d) = get_json(&sb, "/userapi/bankaccounts/details/1").await;
    assert_v1_envelope(&d);
    assert_eq!(d["bankaccount"]["bank_short_name"], "Vietcombank");
    assert_eq!(d["bankaccount"]["bank_code"], "VCB");
    assert_eq!(d["bankaccount"]["bank_bin"], "970436");
    let (_, c) = get_json(&sb, "/userapi/bankaccounts/count").await;
    assert_eq!(c["count_bankaccounts"], json!(8));
    // Banks cycle through 7 entries: accounts 1 and 8 are Vietcombank.
    let (_, c) = get_json(&sb, "/userapi/bankaccounts/count?short_name=Vietcombank").await;
    assert_eq!(c["count_bankaccounts"], json!(2));
    let (_, l) = get_json(&sb, "/userapi/bankaccounts/list?limit=3&since_id=2").await;
    let ids: Vec<&str> = l["bankaccounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2", "3", "4"]);
    let acc1 = d["bankaccount"]["accumulated"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, c) = get_json(
        &sb,
        &format!("/userapi/bankaccounts/count?accumulated_min={acc1}&accumulated_max={acc1}"),
    )
    .await;
    assert!(c["count_bankaccounts"].as_u64().unwrap() >= 1);
    sb.shutdown().await;
}

#[tokio::test]
async fn transaction_filters() {
    let sb = sandbox(1000, 3).await;
    let (_, first) = get_json(&sb, "/userapi/transactions/details/500").await;
    let t = &first["transaction"];
    let acct = t["account_number"].as_str().unwrap();

    let (_, v) = get_json(
        &sb,
        &format!("/userapi/transactions/list?account_number={acct}&limit=5000"),
    )
    .await;
    let list = v["transactions"].as_array().unwrap();
    assert!(!list.is_empty() && list.len() < 1000);
    assert!(list.iter().all(|x| x["account_number"] == acct));
    let (_, c) = get_json(
        &sb,
        &format!("/userapi/transactions/count?account_number={acct}"),
    )
    .await;
    assert_eq!(c["count_transactions"], json!(list.len()));

    let r = t["reference_number"].as_str().unwrap();
    let (_, v) = get_json(
        &sb,
        &format!("/userapi/transactions/list?reference_number={r}"),
    )
    .await;
    assert_eq!(v1_ids(&v), [500]);

    // Amount exact match, with and without decimals.
    let money_key = if t["amount_in"] != "0.00" {
        "amount_in"
    } else {
        "amount_out"
    };
    let amount = t[money_key].as_str().unwrap();
    for a in [
        amount.to_string(),
        amount.trim_end_matches(".00").to_string(),
    ] {
        let (_, v) = get_json(&sb, &format!("/userapi/transactions/list?{money_key}={a}")).await;
        let ids = v1_ids(&v);
        assert!(ids.contains(&500));
        assert!(v["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x[money_key] == amount));
    }

    // Dates: inclusive, with and without time.
    let date = t["transaction_date"].as_str().unwrap();
    let q = format!(
        "/userapi/transactions/list?transaction_date_min={}&transaction_date_max={}",
        date.replace(' ', "%20"),
        date.replace(' ', "%20")
    );
    let (_, v) = get_json(&sb, &q).await;
    assert_eq!(v1_ids(&v), [500]);
    let (_, v) = get_json(
        &sb,
        "/userapi/transactions/count?transaction_date_min=2025-01-01&transaction_date_max=2025-01-01",
    )
    .await;
    assert_eq!(v["count_transactions"], json!(1000)); // 1000 * 31 s < 1 day
    let (_, v) = get_json(
        &sb,
        "/userapi/transactions/count?transaction_date_min=2025-01-02",
    )
    .await;
    assert_eq!(v["count_transactions"], json!(0));
    let (_, v) = get_json(&sb, "/userapi/transactions/count?since_id=901").await;
    assert_eq!(v["count_transactions"], json!(100));
    sb.shutdown().await;
}

#[tokio::test]
async fn not_found_bad_params_and_auth() {
    let sb = sandbox(100, 3).await;
    let (s, v) = get_json(&sb, "/userapi/transactions/details/101").await;
    assert_eq!(s, 404);
    assert_eq!(
        v,
        json!({"status":404,"error":404,"messages":{"error":"Not found"}})
    );
    let (s, _) = get_json(&sb, "/userapi/bankaccounts/details/abc").await;
    assert_eq!(s, 404);
    for q in [
        "limit=abc",
        "limit=5001",
        "limit=0",
        "since_id=x",
        "transaction_date_min=2025-13-01",
        "amount_in=12a",
    ] {
        let (s, v) = get_json(&sb, &format!("/userapi/transactions/list?{q}")).await;
        assert_eq!(s, 400, "{q}");
        assert_eq!(v["status"], json!(400));
        assert_eq!(v["error"], json!(400));
        assert!(v["messages"]["error"].is_string());
    }
    // Missing or wrong token: HTTP 200, empty body.
    let url = format!("{}/userapi/transactions/list", sb.base_url());
    for auth in [
        None,
        Some("Bearer nope"),
        Some("Token test-token-0123456789"),
    ] {
        let mut req = client().get(&url);
        if let Some(a) = auth {
            req = req.header("Authorization", a);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-length"], "0");
        assert!(r.bytes().await.unwrap().is_empty());
    }
    let log = sb.requests();
    let last = log.last().unwrap();
    assert!(!last.authorized);
    assert_eq!(last.status, 200);
    sb.shutdown().await;
}

async fn since_ids(order: V1Order) -> (Vec<u64>, Vec<u64>) {
    let sb = sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 100,
        rate_limit: None,
        v1_order: order,
        ..SandboxConfig::default()
    })
    .await;
    let (_, plain) = get_json(&sb, "/userapi/transactions/list?limit=3").await;
    let (_, since) = get_json(&sb, "/userapi/transactions/list?since_id=10&limit=3").await;
    sb.shutdown().await;
    (v1_ids(&plain), v1_ids(&since))
}

#[tokio::test]
async fn v1_order_modes() {
    assert_eq!(
        since_ids(V1Order::Asc).await,
        (vec![100, 99, 98], vec![10, 11, 12])
    );
    assert_eq!(
        since_ids(V1Order::Desc).await,
        (vec![100, 99, 98], vec![100, 99, 98])
    );
    assert_eq!(
        since_ids(V1Order::NewestAsc).await,
        (vec![100, 99, 98], vec![98, 99, 100])
    );
}

#[tokio::test]
async fn walking_with_since_id_visits_everything_once() {
    let sb = sandbox(2345, 3).await;
    let mut next = 1;
    let mut seen = Vec::new();
    loop {
        let (_, v) = get_json(
            &sb,
            &format!("/userapi/transactions/list?since_id={next}&limit=500"),
        )
        .await;
        let ids = v1_ids(&v);
        if ids.is_empty() {
            break;
        }
        next = ids.last().unwrap() + 1;
        seen.extend(ids);
    }
    assert_eq!(seen, (1..=2345).collect::<Vec<u64>>());
    sb.shutdown().await;
}
