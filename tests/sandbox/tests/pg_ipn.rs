#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! `POST /__sandbox/pg/pay` → CAPTURED and the PG IPN with `X-Secret-Key`.

mod common;

use common::pg::*;
use common::receiver::{receiver, wait_until};
use common::*;
use sepay_sandbox::{IpnPayload, SandboxConfig};
use serde_json::{json, Value};

#[tokio::test]
async fn paying_captures_the_order_and_sends_the_ipn() {
    let rx = receiver(|r, _| {
        if r.header("x-secret-key") == "ipn-s3cret" {
            (200, "{}".into())
        } else {
            (401, "{}".into())
        }
    })
    .await;
    let sb = sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 10,
        rate_limit: None,
        webhook_time_scale: 0.001,
        ..SandboxConfig::default()
    })
    .await;
    let ipn = json!({"url": format!("{}/ipn", rx.url), "secret_key": "ipn-s3cret"});
    assert_eq!(post_json(&sb, "/__sandbox/pg/ipn", &ipn).await.0, 204);
    assert_eq!(admin_get(&sb, "/__sandbox/pg/ipn").await.1, ipn);

    let mut form = purchase("IPN-1", "300000", Some("CARD"));
    form.push(("custom_data", r#"{"cart":7}"#.into()));
    let order_id = checkout(&sb, &form).await;
    let (s, paid) = post_json(
        &sb,
        "/__sandbox/pg/pay",
        &json!({"order_invoice_number": "IPN-1", "payment_method": "CARD"}),
    )
    .await;
    assert_eq!(s, 200, "{paid}");
    assert_eq!(paid["ipn_queued"], true);
    assert_eq!(paid["data"]["order_status"], "CAPTURED");
    assert_eq!(
        paid["data"]["transactions"][0]["transaction_status"],
        "APPROVED"
    );

    assert!(wait_until(5, || !rx.to("/ipn").is_empty()).await);
    let got = &rx.to("/ipn")[0];
    assert_eq!(got.header("x-secret-key"), "ipn-s3cret");
    assert_eq!(got.header("content-type"), "application/json");
    let body: Value = serde_json::from_slice(&got.body).unwrap();
    // serde_json's map is sorted: the keys, not their order.
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "customer",
            "notification_type",
            "order",
            "timestamp",
            "transaction"
        ]
    );
    let raw = String::from_utf8(got.body.to_vec()).unwrap();
    assert!(raw.starts_with(r#"{"timestamp":"#), "{raw}");
    let p: IpnPayload = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(p.notification_type, "ORDER_PAID");
    assert_eq!(p.order.order_id, order_id);
    assert_eq!(p.order.order_invoice_number, "IPN-1");
    assert_eq!(p.order.order_status, "CAPTURED");
    assert_eq!(p.order.order_amount, "300000.00");
    assert_eq!(p.order.order_currency, "VND");
    assert_eq!(p.order.custom_data, json!({"cart": 7}));
    assert_eq!(p.transaction.payment_method, "CARD");
    assert_eq!(p.transaction.transaction_type, "PAYMENT");
    assert_eq!(p.transaction.transaction_status, "APPROVED");
    assert_eq!(p.transaction.transaction_amount, "300000");
    assert_eq!(p.transaction.transaction_id.len(), 13);
    assert_eq!(p.customer.id.as_deref(), Some("CUST-1"));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(now.abs_diff(p.timestamp) < 60);
    let d = sb.ipn_deliveries();
    assert_eq!(d.len(), 1);
    assert!(d[0].success && d[0].status == 200 && d[0].attempt == 1);

    // The order API agrees; paying twice is refused.
    let (_, o) = pg(&sb, "GET", &format!("/order/detail/{order_id}"), None).await;
    assert_eq!(o["data"]["order_status"], "CAPTURED");
    let again = json!({"order_invoice_number": "IPN-1"});
    assert_eq!(post_json(&sb, "/__sandbox/pg/pay", &again).await.0, 409);
    let unknown = json!({"order_invoice_number": "NOPE"});
    assert_eq!(post_json(&sb, "/__sandbox/pg/pay", &unknown).await.0, 404);

    // Voiding sends TRANSACTION_VOID.
    let v = pg(
        &sb,
        "POST",
        "/order/voidTransaction",
        Some(json!({"order_invoice_number": "IPN-1"})),
    )
    .await;
    assert_eq!(v.0, 200);
    assert!(wait_until(5, || rx.to("/ipn").len() == 2).await);
    let void: Value = serde_json::from_slice(&rx.to("/ipn")[1].body).unwrap();
    assert_eq!(void["notification_type"], "TRANSACTION_VOID");
    assert_eq!(void["transaction"]["transaction_status"], "VOIDED");

    // A wrong secret: the receiver answers 401 and the IPN is retried.
    let bad = json!({"url": format!("{}/ipn", rx.url), "secret_key": "wrong"});
    assert_eq!(post_json(&sb, "/__sandbox/pg/ipn", &bad).await.0, 204);
    checkout(&sb, &purchase("IPN-2", "10000", None)).await;
    let pay2 = json!({"order_invoice_number": "IPN-2"});
    let (_, paid) = post_json(&sb, "/__sandbox/pg/pay", &pay2).await;
    assert_eq!(
        paid["data"]["transactions"][0]["payment_method"],
        "BANK_TRANSFER"
    );
    assert!(
        wait_until(5, || sb
            .ipn_deliveries()
            .iter()
            .filter(|a| a.order_invoice_number == "IPN-2")
            .count()
            >= 2)
        .await
    );
    let tries: Vec<_> = sb
        .ipn_deliveries()
        .into_iter()
        .filter(|a| a.order_invoice_number == "IPN-2")
        .collect();
    assert_eq!((tries[0].status, tries[0].success), (401, false));
    assert_eq!(tries[1].attempt, 2);
    assert!(tries[1].at_ms - tries[0].at_ms >= 58);
    let (_, listed) = admin_get(&sb, "/__sandbox/pg/ipn/deliveries").await;
    assert!(listed.as_array().unwrap().len() >= 4);

    // No IPN target: nothing queued.
    assert_eq!(
        post_json(&sb, "/__sandbox/pg/ipn", &json!({"url": null}))
            .await
            .0,
        204
    );
    checkout(&sb, &purchase("IPN-3", "10000", None)).await;
    let (_, paid) = post_json(
        &sb,
        "/__sandbox/pg/pay",
        &json!({"order_invoice_number": "IPN-3"}),
    )
    .await;
    assert_eq!(paid["ipn_queued"], false);
    let (_, all) = admin_get(&sb, "/__sandbox/pg/orders").await;
    assert_eq!(all["data"].as_array().unwrap().len(), 3);
    sb.shutdown().await;
}
