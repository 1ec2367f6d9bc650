#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! The PG order API: Basic auth, list, detail, cancel, void, faults.

mod common;

use common::pg::*;
use common::*;
use sepay_sandbox::{Fault, PgPay};
use serde_json::{json, Value};

const ORDER_KEYS: [&str; 12] = [
    "id",
    "customer_id",
    "order_id",
    "order_invoice_number",
    "order_status",
    "order_amount",
    "order_currency",
    "order_description",
    "authentication_status",
    "created_at",
    "updated_at",
    "transactions",
];

const TXN_KEYS: [&str; 14] = [
    "id",
    "payment_method",
    "transaction_type",
    "transaction_amount",
    "transaction_currency",
    "transaction_status",
    "authentication_status",
    "card_number",
    "card_holder_name",
    "card_expiry",
    "card_funding_method",
    "card_brand",
    "transaction_date",
    "transaction_last_updated_date",
];

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    k.sort_unstable();
    k
}

fn sorted<const N: usize>(mut k: [&str; N]) -> Vec<&str> {
    k.sort_unstable();
    k.to_vec()
}

#[tokio::test]
async fn basic_auth_is_required() {
    let sb = sandbox(10, 1).await;
    let unauth = json!({"message": "Unauthenticated"});
    assert_eq!(
        pg_as(&sb, "GET", "/order", None, None).await,
        (401, unauth.clone())
    );
    let wrong = Some((MERCHANT, "spsk_wrong"));
    assert_eq!(
        pg_as(&sb, "GET", "/order", None, wrong).await,
        (401, unauth.clone())
    );
    let other = Some(("SP-TEST-OTHER", SECRET));
    assert_eq!(
        pg_as(&sb, "POST", "/order/cancel", None, other).await,
        (401, unauth)
    );
    // A User API token is not PG auth.
    let r = client()
        .get(format!("{}/pgapi/v1/order", sb.base_url()))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let (s, v) = pg(&sb, "GET", "/order", None).await;
    assert_eq!(s, 200);
    assert_eq!(
        v,
        json!({"data": [], "meta": {"per_page": 20, "total": 0, "has_more": false, "current_page": 1, "page_count": 1}})
    );
    assert_eq!(pg(&sb, "GET", "/nope", None).await.0, 404);
    assert_eq!(pg(&sb, "DELETE", "/order", None).await.0, 405);
    let log = sb.requests();
    assert_eq!(
        log.iter().filter(|r| r.path.starts_with("/pgapi/")).count(),
        7
    );
    assert_eq!(log.iter().filter(|r| r.authorized).count(), 3);
    sb.shutdown().await;
}

#[tokio::test]
async fn list_and_detail() {
    let sb = sandbox(10, 1).await;
    let ids: Vec<String> = {
        let mut v = Vec::new();
        for (inv, m) in [
            ("INV-A", Some("BANK_TRANSFER")),
            ("INV-B", Some("CARD")),
            ("INV-C", None),
        ] {
            v.push(checkout(&sb, &purchase(inv, "300000", m)).await);
        }
        v
    };
    let (s, l) = pg(&sb, "GET", "/order", None).await;
    assert_eq!(s, 200);
    let invoices: Vec<&str> = l["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["order_invoice_number"].as_str().unwrap())
        .collect();
    assert_eq!(invoices, ["INV-C", "INV-B", "INV-A"]);
    assert_eq!(l["meta"]["total"], 3);
    let (_, l) = pg(&sb, "GET", "/order?per_page=2&sort[created_at]=asc", None).await;
    assert_eq!(l["data"][0]["order_invoice_number"], "INV-A");
    assert_eq!(
        l["meta"],
        json!({"per_page": 2, "total": 3, "has_more": true, "current_page": 1, "page_count": 2})
    );
    let (_, l) = pg(&sb, "GET", "/order?per_page=2&page=2", None).await;
    assert_eq!(l["data"].as_array().unwrap().len(), 1);
    assert_eq!(l["meta"]["has_more"], false);
    let (_, l) = pg(&sb, "GET", "/order?q=inv-b", None).await;
    assert_eq!(l["meta"]["total"], 1);
    let (_, l) = pg(
        &sb,
        "GET",
        "/order?customer_id=CUST-1&order_status=AUTHENTICATION_NOT_NEEDED",
        None,
    )
    .await;
    assert_eq!(l["meta"]["total"], 3);
    let (_, l) = pg(&sb, "GET", "/order?customer_id=CUST-2", None).await;
    assert_eq!(l["meta"]["total"], 0);
    let (_, l) = pg(&sb, "GET", "/order?to_created_at=2020-01-01", None).await;
    assert_eq!(l["meta"]["total"], 0);
    let (_, l) = pg(
        &sb,
        "GET",
        "/order?from_created_at=2020-01-01%2000:00:00",
        None,
    )
    .await;
    assert_eq!(l["meta"]["total"], 3);
    for bad in [
        "per_page=101",
        "page=0",
        "from_created_at=yesterday",
        "sort[created_at]=up",
    ] {
        let (s, e) = pg(&sb, "GET", &format!("/order?{bad}"), None).await;
        assert_eq!(s, 422, "{bad}");
        assert!(e["message"].is_string() && e["errors"].is_object(), "{e}");
    }

    // Detail by SEPAY- order id or by invoice number; the §8.3 fields.
    let (s, d) = pg(&sb, "GET", &format!("/order/detail/{}", ids[0]), None).await;
    assert_eq!(s, 200);
    let (_, by_invoice) = pg(&sb, "GET", "/order/detail/INV-A", None).await;
    assert_eq!(d, by_invoice);
    let o = &d["data"];
    assert_eq!(keys(o), sorted(ORDER_KEYS));
    assert_eq!(o["order_id"], ids[0].as_str());
    assert_eq!(o["order_amount"], "300000.00");
    assert_eq!(o["order_currency"], "VND");
    assert_eq!(o["customer_id"], "CUST-1");
    assert_eq!(o["order_description"], "Thanh toan don hang INV-A");
    assert_eq!(o["transactions"], json!([]));
    assert!(o["id"].is_string());
    assert_datetime(&o["created_at"]);
    let (s, e) = pg(&sb, "GET", "/order/detail/SEPAY-000000000000X", None).await;
    assert_eq!((s, e), (404, json!({"message": "Order not found"})));

    // Paid by card: a transaction with the §8.3 fields.
    sb.pg_pay(&PgPay {
        order_invoice_number: "INV-B".into(),
        payment_method: None,
    })
    .unwrap();
    let (_, d) = pg(&sb, "GET", "/order/detail/INV-B", None).await;
    let o = &d["data"];
    assert_eq!(o["order_status"], "CAPTURED");
    assert_eq!(o["authentication_status"], "AUTHENTICATION_SUCCESSFUL");
    let t = &o["transactions"][0];
    assert_eq!(keys(t), sorted(TXN_KEYS));
    assert_eq!(t["payment_method"], "CARD");
    assert_eq!(t["transaction_type"], "PAYMENT");
    assert_eq!(t["transaction_amount"], "300000");
    assert_eq!(t["transaction_status"], "APPROVED");
    assert!(t["card_number"].as_str().unwrap().contains("xxxxxx"));
    let (_, l) = pg(&sb, "GET", "/order?order_status=CAPTURED", None).await;
    assert_eq!(l["data"][0]["order_invoice_number"], "INV-B");
    assert_eq!(l["meta"]["total"], 1);
    sb.shutdown().await;
}

#[tokio::test]
async fn cancel_and_void_rules() {
    let sb = sandbox(10, 1).await;
    for (inv, m) in [
        ("BT", Some("BANK_TRANSFER")),
        ("CARD", Some("CARD")),
        ("ANY", None),
        ("PAID-BT", None),
    ] {
        checkout(&sb, &purchase(inv, "50000", m)).await;
    }
    let pay = |inv: &str, m: Option<&str>| PgPay {
        order_invoice_number: inv.into(),
        payment_method: m.map(str::to_string),
    };
    let cancel = |inv: &str| json!({"order_invoice_number": inv});

    // Cancel: unpaid non-card orders only, once.
    let ok = json!({"message": "Đã hủy đơn hàng thành công"});
    assert_eq!(
        pg(&sb, "POST", "/order/cancel", Some(cancel("BT"))).await,
        (200, ok.clone())
    );
    let (s, e) = pg(&sb, "POST", "/order/cancel", Some(cancel("BT"))).await;
    assert_eq!(s, 422);
    assert!(e["message"].is_string());
    assert_eq!(
        pg(&sb, "POST", "/order/cancel", Some(cancel("CARD")))
            .await
            .0,
        422
    );
    sb.pg_pay(&pay("PAID-BT", None)).unwrap();
    assert_eq!(
        pg(&sb, "POST", "/order/cancel", Some(cancel("PAID-BT")))
            .await
            .0,
        422
    );
    assert_eq!(
        pg(&sb, "POST", "/order/cancel", Some(cancel("ANY"))).await,
        (200, ok)
    );
    let (s, e) = pg(&sb, "POST", "/order/cancel", Some(cancel("NOPE"))).await;
    assert_eq!((s, e), (404, json!({"message": "Order not found"})));
    let (s, e) = pg(&sb, "POST", "/order/cancel", Some(json!({}))).await;
    assert_eq!(s, 422);
    assert!(e["errors"]["order_invoice_number"].is_array());
    let (_, d) = pg(&sb, "GET", "/order/detail/BT", None).await;
    assert_eq!(d["data"]["order_status"], "CANCELLED");

    // Void: captured card orders only.
    assert_eq!(
        pg(&sb, "POST", "/order/voidTransaction", Some(cancel("CARD")))
            .await
            .0,
        422
    );
    assert_eq!(
        pg(
            &sb,
            "POST",
            "/order/voidTransaction",
            Some(cancel("PAID-BT"))
        )
        .await
        .0,
        422
    );
    assert!(sb.pg_pay(&pay("CARD", Some("BANK_TRANSFER"))).is_err());
    sb.pg_pay(&pay("CARD", Some("CARD"))).unwrap();
    let (s, v) = pg(&sb, "POST", "/order/voidTransaction", Some(cancel("CARD"))).await;
    assert_eq!(s, 200, "{v}");
    assert!(v["message"].is_string());
    let (_, d) = pg(&sb, "GET", "/order/detail/CARD", None).await;
    assert_eq!(d["data"]["order_status"], "CANCELLED");
    assert_eq!(d["data"]["transactions"][0]["transaction_status"], "VOIDED");
    assert_eq!(
        pg(&sb, "POST", "/order/voidTransaction", Some(cancel("CARD")))
            .await
            .0,
        422
    );
    assert_eq!(
        pg(&sb, "POST", "/order/voidTransaction", Some(cancel("NOPE")))
            .await
            .0,
        404
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn faults_and_rate_limit_apply() {
    let sb = sandbox(10, 1).await;
    checkout(&sb, &purchase("F1", "1000", None)).await;
    sb.push_faults([Fault::Error503, Fault::WrongType, Fault::UnknownEnum]);
    let (s, e) = pg(&sb, "GET", "/order", None).await;
    assert_eq!(s, 503);
    assert!(e["message"].is_string());
    let (_, d) = pg(&sb, "GET", "/order/detail/F1", None).await;
    assert_eq!(d["data"]["order_amount"], true);
    let (_, d) = pg(&sb, "GET", "/order/detail/F1", None).await;
    assert_eq!(d["data"]["order_status"], "sideways");
    sb.set_rate_limit(Some(1.0));
    assert_eq!(pg(&sb, "GET", "/order", None).await.0, 200);
    let r = client()
        .get(format!("{}/pgapi/v1/order", sb.base_url()))
        .basic_auth(MERCHANT, Some(SECRET))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    let v: Value = r.json().await.unwrap();
    assert!(v["message"].is_string());
    // The checkout page is not limited.
    checkout(&sb, &purchase("F2", "1000", None)).await;
    sb.shutdown().await;
}
