#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! VA orders on v1 (BIDV) and v2: lifecycles, per-bank rules, payments
//! through `/__sandbox/va/pay` with their webhook, and `drop_after`.

mod common;

use common::receiver::{receiver, wait_until};
use common::*;
use reqwest::Method;
use sepay_sandbox::{Fault, SandboxHandle, VaPay, WebhookTarget};
use serde_json::{json, Value};

/// v2 id of the first account of `bank`.
async fn uuid_of(sb: &SandboxHandle, bank: &str) -> String {
    let (_, v) = get_json(sb, &format!("/v2/bank-accounts?bank_short_name={bank}")).await;
    v["data"][0]["id"].as_str().unwrap().to_string()
}

async fn pay(sb: &SandboxHandle, va: &str, amount: u64) -> (u16, Value) {
    post_json(
        sb,
        "/__sandbox/va/pay",
        &json!({"va_number": va, "amount": amount}),
    )
    .await
}

fn assert_order_shape(o: &Value) {
    assert_uuid(&o["id"]);
    for k in [
        "order_code",
        "va_number",
        "va_holder_name",
        "bank_name",
        "account_holder_name",
        "account_number",
        "qr_code_url",
    ] {
        assert!(o[k].is_string(), "{k} in {o}");
    }
    assert!(o["amount"].is_u64() || o["amount"].is_null());
    assert!(o["paid_amount"].is_u64());
    assert_datetime(&o["created_at"]);
    assert!(o["virtual_accounts"].is_array());
}

#[tokio::test]
async fn v1_bidv_lifecycle_partial_then_paid() {
    let sb = sandbox(50, 3).await;
    let (s, c) = call(
        &sb,
        Method::POST,
        "/userapi/bidv/3/orders",
        Some(&json!({"amount": 100000, "order_code": "ORDER0001", "va_holder_name": "CUA HANG A"})),
    )
    .await;
    assert_eq!(s, 201, "{c}");
    assert_eq!(c["status"], "success");
    let o = &c["data"];
    assert_order_shape(o);
    assert_eq!(o["status"], "Pending");
    assert_eq!(o["bank_name"], "BIDV");
    assert_eq!(o["va_holder_name"], "CUA HANG A");
    assert_eq!(o["qr_code"], Value::Null);
    assert_eq!(o["virtual_accounts"][0]["status"], "Unpaid");
    let (id, va) = (o["id"].as_str().unwrap(), o["va_number"].as_str().unwrap());

    let (s, p) = pay(&sb, va, 40000).await;
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["order"]["status"], "Partially");
    assert_eq!(p["order"]["paid_amount"], 40000);
    assert_eq!(p["sub_account"], va);
    assert_eq!(p["code"], "ORDER0001");
    assert!(p["content"].as_str().unwrap().contains("ORDER0001"));
    // A real transaction of account 3, visible in v1 with the VA.
    let id1 = p["v1_id"].as_u64().unwrap();
    let (_, t) = get_json(&sb, &format!("/userapi/transactions/details/{id1}")).await;
    assert_eq!(t["transaction"]["sub_account"], va);
    assert_eq!(t["transaction"]["bank_account_id"], "3");
    assert_eq!(t["transaction"]["amount_in"], "40000.00");
    let (_, t) = get_json(
        &sb,
        &format!("/v2/transactions/{}", p["v2_id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(t["data"]["va"], va);
    assert_eq!(t["data"]["code"], "ORDER0001");

    let (s, _) = pay(&sb, va, 60001).await;
    assert_eq!(s, 422, "more than outstanding");
    let (s, p) = pay(&sb, va, 60000).await;
    assert_eq!(s, 200);
    assert_eq!(p["order"]["status"], "Paid");
    assert_eq!(p["order"]["virtual_accounts"][0]["status"], "Paid");
    let (s, _) = pay(&sb, va, 1).await;
    assert_eq!(s, 409, "a Paid VA takes nothing more");

    let (s, g) = call(
        &sb,
        Method::GET,
        &format!("/userapi/bidv/3/orders/{id}"),
        None,
    )
    .await;
    assert_eq!((s, &g["data"]["status"]), (200, &json!("Paid")));
    assert_eq!(g["data"]["paid_amount"], 100000);
    let (s, l) = call(&sb, Method::GET, "/userapi/bidv/3/orders", None).await;
    assert_eq!(s, 200);
    assert_eq!(l["status"], "success");
    assert_eq!(l["data"]["orders"].as_array().unwrap().len(), 1);

    let (s, e) = call(
        &sb,
        Method::DELETE,
        &format!("/userapi/bidv/3/orders/{id}"),
        None,
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(e["status"], "error");
    assert_eq!(e["error_code"], "invalid_state");

    // Unlimited order: any number of payments, stays Partially.
    let (_, c) = call(
        &sb,
        Method::POST,
        "/userapi/bidv/3/orders",
        Some(&json!({"amount": null})),
    )
    .await;
    let va2 = c["data"]["va_number"].as_str().unwrap().to_string();
    assert_eq!(c["data"]["amount"], Value::Null);
    assert!(c["data"]["order_code"].as_str().unwrap().len() >= 6);
    for _ in 0..2 {
        let (s, p) = pay(&sb, &va2, 7_000_000).await;
        assert_eq!((s, &p["order"]["status"]), (200, &json!("Partially")));
    }

    // Not BIDV, unknown account, unknown order, bad token.
    let (s, e) = call(&sb, Method::GET, "/userapi/bidv/1/orders", None).await;
    assert_eq!(
        (s, e["error_code"].as_str()),
        (422, Some("unsupported_bank"))
    );
    let (s, _) = call(&sb, Method::GET, "/userapi/bidv/99/orders", None).await;
    assert_eq!(s, 404);
    let (s, e) = call(&sb, Method::GET, "/userapi/bidv/3/orders/nope", None).await;
    assert_eq!((s, e["error_code"].as_str()), (404, Some("not_found")));
    let r = client()
        .get(format!("{}/userapi/bidv/3/orders", sb.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    sb.shutdown().await;
}

#[tokio::test]
async fn v2_cancel_add_va_cancel_va_and_paging() {
    let sb = sandbox(50, 3).await;
    let ba = uuid_of(&sb, "BIDV").await;
    let base = format!("/v2/bank-accounts/{ba}/orders");
    let (s, c) = call(
        &sb,
        Method::POST,
        &base,
        Some(&json!({"amount": 500000, "with_qrcode": 1, "duration": 3600})),
    )
    .await;
    assert_eq!(s, 201, "{c}");
    let o = &c["data"];
    assert_order_shape(o);
    assert!(o["qr_code"]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));
    assert_datetime(&o["expired_at"]);
    let id = o["id"].as_str().unwrap().to_string();

    let (s, a) = call(
        &sb,
        Method::POST,
        &format!("{base}/{id}/va"),
        Some(&json!({"amount": 200000})),
    )
    .await;
    assert_eq!(s, 200, "{a}");
    let vas = a["data"]["virtual_accounts"].as_array().unwrap().clone();
    assert_eq!(vas.len(), 2);
    assert_eq!(vas[1]["amount"], 200000);
    let (s, _) = call(
        &sb,
        Method::POST,
        &format!("{base}/{id}/va"),
        Some(&json!({"amount": 500001})),
    )
    .await;
    assert_eq!(s, 422);
    let second = vas[1]["va_number"].as_str().unwrap();
    let (s, body) = call(
        &sb,
        Method::DELETE,
        &format!("{base}/{id}/va/{second}"),
        None,
    )
    .await;
    assert_eq!((s, body), (204, Value::Null));
    let (s, e) = call(
        &sb,
        Method::DELETE,
        &format!("{base}/{id}/va/{second}"),
        None,
    )
    .await;
    assert_eq!((s, e["error_code"].as_str()), (422, Some("invalid_state")));

    let (s, body) = call(&sb, Method::DELETE, &format!("{base}/{id}"), None).await;
    assert_eq!((s, body), (204, Value::Null));
    let (_, g) = call(&sb, Method::GET, &format!("{base}/{id}"), None).await;
    assert_eq!(g["data"]["status"], "Cancelled");
    assert!(g["data"]["virtual_accounts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v["status"] == "Cancelled"));
    let (s, e) = call(&sb, Method::DELETE, &format!("{base}/{id}"), None).await;
    assert_eq!((s, e["error_code"].as_str()), (422, Some("invalid_state")));
    let (s, _) = pay(&sb, o["va_number"].as_str().unwrap(), 500000).await;
    assert_eq!(s, 409);

    for n in 0..4 {
        let code = format!("PAGE{n:04}");
        let (s, _) = call(&sb, Method::POST, &base, Some(&json!({"order_code": code}))).await;
        assert_eq!(s, 201);
    }
    let (s, l) = call(&sb, Method::GET, &format!("{base}?per_page=2&page=2"), None).await;
    assert_eq!(s, 200);
    let p = &l["meta"]["pagination"];
    assert_eq!(
        (p["total"].as_u64(), p["last_page"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(l["data"][0]["order_code"], "PAGE0001", "newest first");
    let (_, l) = call(&sb, Method::GET, &format!("{base}?status=Cancelled"), None).await;
    assert_eq!(l["data"].as_array().unwrap().len(), 1);
    let (s, e) = call(&sb, Method::GET, &format!("{base}?per_page=500"), None).await;
    assert_eq!(
        (s, e["error_code"].as_str()),
        (422, Some("validation_error"))
    );
    let (s, _) = call(&sb, Method::PUT, &base, None).await;
    assert_eq!(s, 405);
    sb.shutdown().await;
}

#[tokio::test]
async fn per_bank_rules_and_body_formats() {
    let sb = sandbox(50, 7).await;
    let vcb = uuid_of(&sb, "Vietcombank").await;
    let stb = uuid_of(&sb, "Sacombank").await;
    let acb = uuid_of(&sb, "ACB").await;
    let bidv = uuid_of(&sb, "BIDV").await;
    let url = |ba: &str| format!("/v2/bank-accounts/{ba}/orders");
    let (_, t) = get_json(&sb, &format!("/v2/bank-accounts/{vcb}/terminals")).await;
    let tid = t["data"][0]["tid"].as_str().unwrap().to_string();
    let tid_uuid = t["data"][0]["id"].as_str().unwrap().to_string();

    let (s, e) = call(
        &sb,
        Method::POST,
        &url(&vcb),
        Some(&json!({"amount": 10000})),
    )
    .await;
    assert_eq!(
        (s, e["error_code"].as_str()),
        (422, Some("validation_error"))
    );
    assert!(e["errors"]["tid"].is_array(), "{e}");
    let (_, e) = call(
        &sb,
        Method::POST,
        &url(&vcb),
        Some(&json!({"amount": 10000, "tid": tid_uuid})),
    )
    .await;
    assert_eq!(e["error_code"], "invalid_tid_format");
    let (_, e) = call(
        &sb,
        Method::POST,
        &url(&vcb),
        Some(&json!({"amount": 10000, "tid": "99999999"})),
    )
    .await;
    assert_eq!(e["error_code"], "invalid_tid");
    let (_, e) = call(&sb, Method::POST, &url(&vcb), Some(&json!({"tid": tid}))).await;
    assert!(e["errors"]["amount"].is_array(), "amount required: {e}");
    let long = json!({"tid": tid, "amount": 10000, "order_code": "ABCDEFGH12345678"});
    let (_, e) = call(&sb, Method::POST, &url(&vcb), Some(&long)).await;
    assert!(
        e["errors"]["order_code"].is_array(),
        "VCB codes are 6-15: {e}"
    );
    let ok = json!({"tid": tid, "amount": 10000, "order_code": "VCB000001"});
    let (s, c) = call(&sb, Method::POST, &url(&vcb), Some(&ok)).await;
    assert_eq!(s, 201, "{c}");
    let (_, e) = call(&sb, Method::POST, &url(&vcb), Some(&ok)).await;
    assert_eq!(e["error_code"], "duplicate_order_code");
    let va = c["data"]["va_number"].as_str().unwrap();
    let (s, _) = pay(&sb, va, 9999).await;
    assert_eq!(s, 422, "VCB takes the exact amount only");
    let (_, p) = pay(&sb, va, 10000).await;
    assert_eq!(p["order"]["status"], "Paid");

    let (_, e) = call(
        &sb,
        Method::POST,
        &url(&stb),
        Some(&json!({"amount": 10000})),
    )
    .await;
    assert!(e["errors"]["va_prefix"].is_array(), "{e}");
    // Form-encoded body.
    let r = client()
        .post(format!("{}{}", sb.base_url(), url(&stb)))
        .bearer_auth(TOKEN)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("amount=25000&va_prefix=SEP200001WEB&order_code=STB0000001")
        .send()
        .await
        .unwrap();
    let (s, c) = status_json(r).await;
    assert_eq!(s, 201, "{c}");
    assert_eq!(c["data"]["bank_name"], "Sacombank");
    assert!(c["data"]["va_number"]
        .as_str()
        .unwrap()
        .starts_with("SEP200001WEB"));
    assert_eq!(c["data"]["amount"], 25000);

    // Multipart body; holder names are BIDV only and [A-Z0-9 ].
    let body = "--b0undary\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n70000\r\n--b0undary\r\nContent-Disposition: form-data; name=\"va_holder_name\"\r\n\r\nSHOP 01\r\n--b0undary--\r\n";
    let r = client()
        .post(format!("{}{}", sb.base_url(), url(&bidv)))
        .bearer_auth(TOKEN)
        .header("content-type", "multipart/form-data; boundary=b0undary")
        .body(body)
        .send()
        .await
        .unwrap();
    let (s, c) = status_json(r).await;
    assert_eq!(
        (s, &c["data"]["va_holder_name"]),
        (201, &json!("SHOP 01")),
        "{c}"
    );
    for bad in [
        json!({"va_holder_name": "Nguyễn Văn A"}),
        json!({"amount": 0}),
        json!({"amount": "12x"}),
        json!({"amount": 1_000_000_000_000u64}),
        json!({"order_code": "AB_123456"}),
        json!({"order_code": "A".repeat(51)}),
    ] {
        let (s, e) = call(&sb, Method::POST, &url(&bidv), Some(&bad)).await;
        assert_eq!(
            (s, e["error_code"].as_str()),
            (422, Some("validation_error")),
            "{bad}"
        );
    }
    let (s, e) = call(
        &sb,
        Method::POST,
        &url(&stb),
        Some(&json!({"amount": 5, "va_prefix": "P", "va_holder_name": "A"})),
    )
    .await;
    assert_eq!(
        (s, e["error_code"].as_str()),
        (422, Some("validation_error"))
    );
    let (s, e) = call(&sb, Method::POST, &url(&acb), Some(&json!({"amount": 5}))).await;
    assert_eq!(
        (s, e["error_code"].as_str()),
        (422, Some("unsupported_bank"))
    );
    let r = client()
        .post(format!("{}{}", sb.base_url(), url(&bidv)))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body("{oops")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    sb.shutdown().await;
}

#[tokio::test]
async fn va_payment_fires_the_user_webhook() {
    let sb = sandbox(20, 3).await;
    let rx = receiver(|_, _| (200, r#"{"success":true}"#.into())).await;
    let id = sb
        .add_webhook(WebhookTarget {
            url: format!("{}/hook", rx.url),
            ..WebhookTarget::default()
        })
        .unwrap();
    let (_, c) = call(
        &sb,
        Method::POST,
        "/userapi/bidv/3/orders",
        Some(&json!({"amount": 30000, "order_code": "HOOK000001"})),
    )
    .await;
    let va = c["data"]["va_number"].as_str().unwrap().to_string();
    let paid = sb
        .va_pay(&VaPay {
            va_number: va.clone(),
            amount: 30000,
            content: None,
        })
        .unwrap();
    assert_eq!(paid.transaction.delivered_to, vec![id]);
    assert_eq!(paid.order.paid_amount, 30000);
    assert!(wait_until(5, || !rx.to("/hook").is_empty()).await);
    let got: Value = serde_json::from_slice(&rx.to("/hook")[0].body).unwrap();
    assert_eq!(got["subAccount"], json!(va));
    assert_eq!(got["code"], "HOOK000001");
    assert_eq!(got["transferAmount"], 30000);
    assert_eq!(got["gateway"], "BIDV");
    assert_eq!(got["id"], paid.transaction.v1_id);
    assert!(sb
        .va_pay(&VaPay {
            va_number: "nope".into(),
            amount: 1,
            content: None
        })
        .is_err());
    sb.shutdown().await;
}

#[tokio::test]
async fn drop_after_creates_exactly_one_order() {
    let sb = sandbox(20, 3).await;
    sb.push_faults([Fault::DropAfter]);
    let err = client()
        .post(format!("{}/userapi/bidv/3/orders", sb.base_url()))
        .bearer_auth(TOKEN)
        .json(&json!({"amount": 10000, "order_code": "DROP000001"}))
        .send()
        .await
        .expect_err("the connection is closed without an answer");
    assert!(!err.is_status(), "{err}");
    let (_, l) = call(&sb, Method::GET, "/userapi/bidv/3/orders", None).await;
    let orders = l["data"]["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0]["order_code"], "DROP000001");
    let log = sb.requests();
    assert_eq!(log[0].fault.as_deref(), Some("drop_after"));
    assert_eq!(log[0].status, 0);
    // A blind re-send would now be refused as a duplicate.
    let (s, e) = call(
        &sb,
        Method::POST,
        "/userapi/bidv/3/orders",
        Some(&json!({"amount": 10000, "order_code": "DROP000001"})),
    )
    .await;
    assert_eq!(
        (s, e["error_code"].as_str()),
        (422, Some("duplicate_order_code"))
    );
    let (_, all) = admin_get(&sb, "/__sandbox/va/orders").await;
    assert_eq!(all["data"].as_array().unwrap().len(), 1);
    sb.shutdown().await;
}
