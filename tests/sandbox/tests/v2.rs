#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! User API v2 endpoints against an in-process sandbox.

mod common;

use common::*;
use serde_json::{json, Value};

fn assert_v2_txn(t: &Value) {
    let o = t.as_object().unwrap();
    assert_eq!(o.len(), 15, "{t}");
    assert_uuid(&t["id"]);
    assert_uuid(&t["bank_account_id"]);
    assert_datetime(&t["transaction_date"]);
    for k in ["amount_in", "amount_out", "accumulated", "webhook_success"] {
        assert!(t[k].is_u64(), "{k} in {t}");
    }
    for k in [
        "account_number",
        "va",
        "transaction_content",
        "reference_number",
        "bank_brand_name",
    ] {
        assert!(t[k].is_string(), "{k} in {t}");
    }
    assert!(t["code"].is_null() || t["code"].is_string());
    let tt = t["transfer_type"].as_str().unwrap();
    assert!(tt == "in" || tt == "out");
    if tt == "in" {
        assert!(t["amount_in"].as_u64().unwrap() > 0 && t["amount_out"] == json!(0));
    } else {
        assert!(t["amount_out"].as_u64().unwrap() > 0 && t["amount_in"] == json!(0));
    }
    if t["va"] == "" {
        assert!(t["va_id"].is_null());
    } else {
        assert_uuid(&t["va_id"]);
    }
}

fn pagination(v: &Value) -> (u64, u64, u64, u64, bool) {
    let p = &v["meta"]["pagination"];
    (
        p["total"].as_u64().unwrap(),
        p["per_page"].as_u64().unwrap(),
        p["current_page"].as_u64().unwrap(),
        p["last_page"].as_u64().unwrap(),
        p["has_more"].as_bool().unwrap(),
    )
}

fn ids(v: &Value) -> Vec<String> {
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn transactions_list_and_details() {
    let sb = sandbox(1000, 3).await;
    let (s, v) = get_json(&sb, "/v2/transactions").await;
    assert_eq!(s, 200);
    assert_eq!(v["status"], "success");
    let data = v["data"].as_array().unwrap();
    assert_eq!(data.len(), 20);
    data.iter().for_each(assert_v2_txn);
    assert_eq!(pagination(&v), (1000, 20, 1, 50, true));
    // Default sort: transaction_date desc.
    let dates: Vec<&str> = data
        .iter()
        .map(|t| t["transaction_date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] > w[1]));

    let (_, last) = get_json(&sb, "/v2/transactions?page=10&per_page=100").await;
    assert_eq!(pagination(&last), (1000, 100, 10, 10, false));
    let (_, beyond) = get_json(&sb, "/v2/transactions?page=11&per_page=100").await;
    assert!(beyond["data"].as_array().unwrap().is_empty());

    let id = data[3]["id"].as_str().unwrap();
    let (s, d) = get_json(&sb, &format!("/v2/transactions/{id}")).await;
    assert_eq!(s, 200);
    assert_eq!(d, json!({"status":"success","data": data[3]}));

    // Same transaction through v1: same reference, amount as integer.
    let (_, v1) = get_json(&sb, "/userapi/transactions/details/997").await;
    assert_eq!(
        v1["transaction"]["reference_number"],
        data[3]["reference_number"]
    );

    let (s, e) = get_json(&sb, "/v2/transactions/00000000-0000-4000-8000-000000000000").await;
    assert_eq!(s, 404);
    assert_eq!(e["status"], "error");
    assert_eq!(e["error_code"], "not_found");
    sb.shutdown().await;
}

#[tokio::test]
async fn transaction_filters_and_sorts() {
    let sb = sandbox(1000, 3).await;
    let (_, all) = get_json(
        &sb,
        "/v2/transactions?per_page=100&transaction_date_sort=asc",
    )
    .await;
    let first = &all["data"][0];
    assert_eq!(first["transaction_date"], "2025-01-01 00:00:31");
    let acc = first["bank_account_id"].as_str().unwrap();

    let (_, v) = get_json(
        &sb,
        &format!("/v2/transactions?bank_account_id={acc}&per_page=100"),
    )
    .await;
    assert!(v["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["bank_account_id"] == acc));
    let total_acc = pagination(&v).0;
    assert!(total_acc > 0 && total_acc < 1000);

    let (_, v) = get_json(&sb, "/v2/transactions?transfer_type=out&per_page=100").await;
    assert!(v["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["transfer_type"] == "out"));
    let outs = pagination(&v).0;
    assert!((100..400).contains(&outs), "{outs}");

    let (_, v) = get_json(
        &sb,
        "/v2/transactions?amount_in_min=40000000&amount_in_max=45000000",
    )
    .await;
    for t in v["data"].as_array().unwrap() {
        let a = t["amount_in"].as_u64().unwrap();
        assert!((40_000_000..=45_000_000).contains(&a));
    }

    let (_, v) = get_json(&sb, "/v2/transactions?amount_in_sort=desc&per_page=5").await;
    let a: Vec<u64> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["amount_in"].as_u64().unwrap())
        .collect();
    assert!(a.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(pagination(&v).0, 1000);

    let (_, v) = get_json(&sb, "/v2/transactions?q=DH&per_page=100").await;
    assert!(v["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["code"].is_string()));
    let (_, v) = get_json(
        &sb,
        "/v2/transactions?transaction_content=chuyen%20tien&per_page=100",
    )
    .await;
    assert!(v["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["transaction_content"]
            .as_str()
            .unwrap()
            .contains("chuyen tien")));

    let r = first["reference_number"].as_str().unwrap();
    let (_, v) = get_json(&sb, &format!("/v2/transactions?reference_number={r}")).await;
    assert_eq!(ids(&v), [first["id"].as_str().unwrap()]);

    let (_, v) = get_json(
        &sb,
        "/v2/transactions?transaction_date_from=2025-01-01%2000:00:31&transaction_date_to=2025-01-01%2000:01:33&transaction_date_sort=asc",
    )
    .await;
    assert_eq!(pagination(&v).0, 3);

    let (_, v) = get_json(&sb, "/v2/transactions?webhook_success=0&per_page=100").await;
    assert!(v["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["webhook_success"] == 0));

    let (_, v) = get_json(
        &sb,
        "/v2/transactions?bank_brand_name=sacombank&per_page=100",
    )
    .await;
    let stb = v["data"].as_array().unwrap();
    assert!(!stb.is_empty());
    assert!(stb.iter().all(|t| t["bank_brand_name"] == "Sacombank"));

    // since_id is exclusive: everything newer than transaction 1.
    let since = all["data"][0]["id"].as_str().unwrap();
    let (_, v) = get_json(
        &sb,
        &format!("/v2/transactions?since_id={since}&per_page=100"),
    )
    .await;
    assert_eq!(pagination(&v).0, 999);
    assert!(!ids(&v).contains(&since.to_string()));

    // va_id filter.
    let (_, v) = get_json(&sb, "/v2/transactions?per_page=100").await;
    let with_va = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["va_id"].is_string())
        .unwrap();
    let va_id = with_va["va_id"].as_str().unwrap();
    let (_, v) = get_json(&sb, &format!("/v2/transactions?va_id={va_id}&per_page=100")).await;
    assert!(pagination(&v).0 >= 1);
    assert!(v["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["va_id"] == va_id));
    sb.shutdown().await;
}

#[tokio::test]
async fn validation_and_auth_errors() {
    let sb = sandbox(100, 3).await;
    let (s, v) = get_json(&sb, "/v2/transactions?per_page=101").await;
    assert_eq!(s, 422);
    assert_eq!(v["status"], "error");
    assert_eq!(v["error_code"], "validation_error");
    assert_eq!(
        v["errors"]["per_page"],
        json!(["must be between 1 and 100"])
    );
    for (q, field) in [
        ("transaction_date_from=yesterday", "transaction_date_from"),
        ("amount_in_sort=up", "amount_in_sort"),
        ("page=0", "page"),
        ("transfer_type=sideways", "transfer_type"),
        ("bank_account_id=123", "bank_account_id"),
        ("since_id=00000000-0000-4000-8000-000000000000", "since_id"),
    ] {
        let (s, v) = get_json(&sb, &format!("/v2/transactions?{q}")).await;
        assert_eq!(s, 422, "{q}");
        assert!(v["errors"][field].is_array(), "{q}: {v}");
    }
    let url = format!("{}/v2/transactions", sb.base_url());
    let r = client().get(&url).send().await.unwrap();
    assert_eq!(r.status(), 401);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v,
        json!({"status":"error","message":"Missing Authorization header","error_code":"unauthorized"})
    );
    let r = client()
        .get(&url)
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["message"], "Invalid API key");
    let (s, v) = get_json(&sb, "/v2/nope").await;
    assert_eq!((s, v["error_code"].as_str()), (404, Some("not_found")));
    sb.shutdown().await;
}

#[tokio::test]
async fn bank_accounts_vas_and_terminals() {
    let sb = sandbox(300, 9).await;
    let (s, v) = get_json(&sb, "/v2/bank-accounts").await;
    assert_eq!(s, 200);
    assert_eq!(pagination(&v), (9, 20, 1, 1, false));
    let accounts = v["data"].as_array().unwrap();
    for a in accounts {
        assert_eq!(a.as_object().unwrap().len(), 13);
        assert_uuid(&a["id"]);
        assert!(a["accumulated"].is_u64());
        assert!(a["active"] == 0 || a["active"] == 1);
        assert_datetime(&a["created_at"]);
        assert!(a["account_type"] == "personal" || a["account_type"] == "enterprise");
    }
    // Default created_at desc.
    let created: Vec<&str> = accounts
        .iter()
        .map(|a| a["created_at"].as_str().unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] > w[1]));
    let (_, v) = get_json(&sb, "/v2/bank-accounts?accumulated_sort=asc").await;
    let acc: Vec<u64> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["accumulated"].as_u64().unwrap())
        .collect();
    assert!(acc.windows(2).all(|w| w[0] <= w[1]));
    let (_, v) = get_json(&sb, "/v2/bank-accounts?active=0").await;
    assert_eq!(pagination(&v).0, 1); // account 5
    let (_, v) = get_json(&sb, "/v2/bank-accounts?bank_short_name=Vietcombank").await;
    let vcb = v["data"].as_array().unwrap();
    assert_eq!(vcb.len(), 2); // accounts 1 and 8

    let id = vcb[0]["id"].as_str().unwrap();
    let (s, d) = get_json(&sb, &format!("/v2/bank-accounts/{id}")).await;
    assert_eq!(s, 200);
    assert_eq!(d["data"], vcb[0]);

    let (s, t) = get_json(&sb, &format!("/v2/bank-accounts/{id}/terminals")).await;
    assert_eq!(s, 200);
    assert_eq!(t["status"], "success");
    let terms = t["data"].as_array().unwrap();
    assert!(!terms.is_empty());
    for x in terms {
        assert_uuid(&x["id"]);
        assert_eq!(x["tid"].as_str().unwrap().len(), 8);
        assert_eq!(x["active"], 1);
    }
    let acb = accounts
        .iter()
        .find(|a| a["bank_short_name"] == "ACB")
        .unwrap();
    let (_, t) = get_json(
        &sb,
        &format!(
            "/v2/bank-accounts/{}/terminals",
            acb["id"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(t["data"], json!([]));

    // Virtual accounts: find an account that has some.
    let mut found = false;
    for a in accounts {
        let aid = a["id"].as_str().unwrap();
        let (s, v) = get_json(&sb, &format!("/v2/bank-accounts/{aid}/va")).await;
        assert_eq!(s, 200);
        let vas = v["data"].as_array().unwrap();
        assert_eq!(pagination(&v).0, vas.len() as u64);
        assert!(vas.len() <= 5);
        for x in vas {
            assert_eq!(x.as_object().unwrap().len(), 10);
            assert_uuid(&x["id"]);
            assert_eq!(x["bank_account_id"], aid);
            for k in ["active", "official", "static"] {
                assert!(x[k] == 0 || x[k] == 1);
            }
            let (s, d) = get_json(
                &sb,
                &format!("/v2/bank-accounts/{aid}/va/{}", x["id"].as_str().unwrap()),
            )
            .await;
            assert_eq!(s, 200);
            assert_eq!(&d["data"], x);
            found = true;
        }
    }
    assert!(found, "no account has virtual accounts");
    let (s, _) = get_json(
        &sb,
        "/v2/bank-accounts/00000000-0000-4000-8000-000000000000",
    )
    .await;
    assert_eq!(s, 404);
    sb.shutdown().await;
}
