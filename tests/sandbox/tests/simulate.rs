#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! `POST /__sandbox/simulate/transaction`: the new transaction in v1 and v2.

mod common;

use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn simulated_transaction_appears_in_v1_and_v2() {
    let sb = sandbox(100, 3).await;
    let (_, acc) = get_json(&sb, "/userapi/bankaccounts/details/2").await;
    let before: u64 = acc["bankaccount"]["accumulated"]
        .as_str()
        .unwrap()
        .trim_end_matches(".00")
        .parse()
        .unwrap();
    let (s, t) = post_json(
        &sb,
        "/__sandbox/simulate/transaction",
        &json!({"bank_account_id": "2", "amount": 2_277_123, "content": "NGUYEN VAN A chuyen tien dh123456 mua hang"}),
    )
    .await;
    assert_eq!(s, 200, "{t}");
    assert_eq!(t["v1_id"], 101);
    assert_eq!(t["code"], "DH123456");
    assert_eq!(t["accumulated"], before + 2_277_123);
    assert_eq!(t["delivered_to"], json!([]));
    let w = &t["webhook"];
    assert_eq!(w["id"], 101);
    assert_eq!(w["transferAmount"], 2_277_123);
    assert_eq!(w["transferType"], "in");
    assert_eq!(w["code"], "DH123456");
    assert_eq!(w["referenceCode"], t["reference_number"]);
    assert_eq!(w["subAccount"], Value::Null);

    // v1: newest first, details, count, the account's balance.
    let (_, list) = get_json(&sb, "/userapi/transactions/list?limit=2").await;
    assert_eq!(v1_ids(&list), [101, 100]);
    let (_, d) = get_json(&sb, "/userapi/transactions/details/101").await;
    let d = &d["transaction"];
    assert_eq!(d["amount_in"], "2277123.00");
    assert_eq!(d["amount_out"], "0.00");
    assert_eq!(d["accumulated"], format!("{}.00", before + 2_277_123));
    assert_eq!(d["code"], "DH123456");
    assert_eq!(d["bank_account_id"], "2");
    assert_eq!(d["transaction_date"], t["transaction_date"]);
    assert_eq!(d["account_number"], w["accountNumber"]);
    assert_v1_strings(d, &["code", "sub_account"]);
    let (_, c) = get_json(&sb, "/userapi/transactions/count").await;
    assert_eq!(c["count_transactions"], 101);
    let (_, c) = get_json(&sb, "/userapi/transactions/list?amount_in=2277123").await;
    assert_eq!(v1_ids(&c), [101]);
    let (_, acc) = get_json(&sb, "/userapi/bankaccounts/details/2").await;
    assert_eq!(
        acc["bankaccount"]["accumulated"],
        format!("{}.00", before + 2_277_123)
    );
    assert_eq!(
        acc["bankaccount"]["last_transaction"],
        t["transaction_date"]
    );

    // v2: first of the default (newest first) list, details, filters.
    let (_, l) = get_json(&sb, "/v2/transactions?per_page=1").await;
    assert_eq!(l["data"][0]["id"], t["v2_id"]);
    assert_eq!(l["meta"]["pagination"]["total"], 101);
    let (s, d) = get_json(
        &sb,
        &format!("/v2/transactions/{}", t["v2_id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(s, 200);
    let d = &d["data"];
    assert_eq!(d["amount_in"], 2_277_123);
    assert_eq!(d["transfer_type"], "in");
    assert_eq!(d["code"], "DH123456");
    assert_eq!(d["bank_account_id"], t["bank_account_uuid"]);
    assert_eq!(d["webhook_success"], 0);
    let (_, q) = get_json(&sb, "/v2/transactions?q=dh123456").await;
    assert_eq!(q["data"][0]["id"], t["v2_id"]);
    let r = format!(
        "/v2/transactions?reference_number={}",
        t["reference_number"].as_str().unwrap()
    );
    let (_, q) = get_json(&sb, &r).await;
    assert_eq!(q["data"].as_array().unwrap().len(), 1);

    // An out transfer by v2 account id, with an explicit code.
    let (s, o) = post_json(
        &sb,
        "/__sandbox/simulate/transaction",
        &json!({"bank_account_id": t["bank_account_uuid"], "amount": 1000, "content": "tra tien", "transfer_type": "out", "code": "HD9"}),
    )
    .await;
    assert_eq!(s, 200, "{o}");
    assert_eq!(o["v1_id"], 102);
    assert_eq!(o["accumulated"], before + 2_276_123);
    assert_eq!(o["webhook"]["transferType"], "out");
    let (_, d) = get_json(&sb, "/userapi/transactions/details/102").await;
    assert_eq!(d["transaction"]["amount_out"], "1000.00");
    assert_eq!(d["transaction"]["code"], "HD9");
    let stats = sb.stats();
    assert_eq!(stats.transactions, 102);
    sb.shutdown().await;
}

#[tokio::test]
async fn bad_simulations_are_rejected() {
    let sb = sandbox(10, 2).await;
    for body in [
        json!({"amount": 0, "content": "x"}),
        json!({"amount": 5, "content": "x", "transfer_type": "sideways"}),
        json!({"amount": 5, "bank_account_id": "9"}),
        json!({"amount": 5, "bank_account_id": "not-a-uuid"}),
        json!({"amount": 5, "sub_account": "NOPE"}),
        json!({"amount": u64::MAX, "transfer_type": "out"}),
    ] {
        let (s, e) = post_json(&sb, "/__sandbox/simulate/transaction", &body).await;
        assert_eq!(s, 400, "{body} → {e}");
        assert!(e["error"].is_string());
    }
    // A VA of the account: sub_account, v2 va / va_id.
    let ds_va = {
        let (_, vas) = get_json(&sb, "/v2/bank-accounts?per_page=100").await;
        let mut found = None;
        for a in vas["data"].as_array().unwrap() {
            let id = a["id"].as_str().unwrap();
            let (_, v) = get_json(&sb, &format!("/v2/bank-accounts/{id}/va")).await;
            if let Some(x) = v["data"].as_array().unwrap().first() {
                found = Some((id.to_string(), x["va"].as_str().unwrap().to_string()));
                break;
            }
        }
        found
    };
    if let Some((acc, va)) = ds_va {
        let (s, t) = post_json(
            &sb,
            "/__sandbox/simulate/transaction",
            &json!({"bank_account_id": acc, "amount": 5000, "content": "DH1", "sub_account": va}),
        )
        .await;
        assert_eq!(s, 200, "{t}");
        assert_eq!(t["webhook"]["subAccount"], va.as_str());
        let (_, d) = get_json(
            &sb,
            &format!("/v2/transactions/{}", t["v2_id"].as_str().unwrap()),
        )
        .await;
        assert_eq!(d["data"]["va"], va.as_str());
        assert!(d["data"]["va_id"].is_string());
    }
    sb.shutdown().await;
}
