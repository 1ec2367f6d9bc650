#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! `POST /pay/v1/checkout/init`: signature over the posted order, validation.

mod common;

use common::pg::*;
use common::*;
use sepay_sandbox::SandboxConfig;
use serde_json::{json, Value};

#[tokio::test]
async fn a_correctly_signed_form_creates_an_order() {
    // Rate limited to 1/s: the checkout page is not limited.
    let sb = sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 10,
        rate_limit: Some(1.0),
        ..SandboxConfig::default()
    })
    .await;
    // The PHP SDK's order (merchant first), plus an unsigned field.
    let mut f = purchase("DH1001", "300000", Some("BANK_TRANSFER"));
    f.push(("custom_data", r#"{"cart":7}"#.to_string()));
    let fr = refs(&f);
    let sig = signature(&fr, SECRET);
    let (s, page) = post_checkout(&sb, form_body(&fr, &sig), false).await;
    assert_eq!(s, 200, "{page}");
    assert!(page.contains("sandbox checkout"), "{page}");
    let id = order_id_in(&page);
    assert!(id.starts_with("SEPAY-") && id.len() == 19, "{id}");
    assert!(id[6..]
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase()));
    assert!(page.contains("DH1001"));

    // The Node SDK's order (merchant last) is accepted too.
    let mut node = purchase("DH1002", "150000", None);
    let merchant = node.remove(0);
    node.push(merchant);
    let nr = refs(&node);
    let (s, body) = post_checkout(&sb, form_body(&nr, &signature(&nr, SECRET)), true).await;
    assert_eq!(s, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["status"], "success");
    assert_eq!(v["data"]["order_invoice_number"], "DH1002");
    assert_eq!(v["data"]["order_status"], "AUTHENTICATION_NOT_NEEDED");
    assert_eq!(v["data"]["order_amount"], "150000.00");

    // A VERIFY form (amount 0).
    let verify: Vec<(&str, String)> = vec![
        ("merchant", MERCHANT.into()),
        ("currency", "VND".into()),
        ("order_amount", "0".into()),
        ("operation", "VERIFY".into()),
        ("order_description", "Verify card".into()),
        ("order_invoice_number", "VERIFY_1".into()),
    ];
    checkout(&sb, &verify).await;

    let (_, d) = pg(&sb, "GET", &format!("/order/detail/{id}"), None).await;
    assert_eq!(d["data"]["order_invoice_number"], "DH1001");
    let log = sb.requests();
    let checkouts: Vec<_> = log
        .iter()
        .filter(|r| r.path == "/pay/v1/checkout/init")
        .collect();
    assert_eq!(checkouts.len(), 3);
    assert!(checkouts
        .iter()
        .all(|r| r.status == 200 && r.method == "POST" && r.authorized));
    sb.shutdown().await;
}

#[tokio::test]
async fn wrong_or_reordered_signatures_are_rejected() {
    let sb = sandbox(10, 1).await;
    let f = purchase("DH2001", "300000", None);
    let fr = refs(&f);
    let good = signature(&fr, SECRET);

    // Wrong key.
    let (s, page) = post_checkout(&sb, form_body(&fr, &signature(&fr, "wrong")), false).await;
    assert_eq!(s, 400);
    assert!(
        page.contains("signature is invalid") && page.contains("Invalid signature"),
        "{page}"
    );
    let (s, body) = post_checkout(&sb, form_body(&fr, &signature(&fr, "wrong")), true).await;
    assert_eq!(s, 400);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        v,
        json!({"status": "error", "message": "Invalid signature"})
    );

    // Same fields and signature, two of them posted in another order.
    let mut swapped = fr.clone();
    swapped.swap(1, 2);
    let (s, _) = post_checkout(&sb, form_body(&swapped, &good), false).await;
    assert_eq!(s, 400);

    // A signed field tampered with; an unsigned one does not matter.
    let mut tampered = fr.clone();
    tampered[2] = ("order_amount", "1000");
    let (s, body) = post_checkout(&sb, form_body(&tampered, &good), true).await;
    assert_eq!((s, body.contains("Invalid signature")), (400, true));
    let mut extra = fr.clone();
    extra.push(("custom_data", "anything"));
    let (s, _) = post_checkout(&sb, form_body(&extra, &good), true).await;
    assert_eq!(s, 200);

    // Missing signature; a signature that is not base64.
    let (s, _) = post_checkout(&sb, form_body(&fr, ""), true).await;
    assert_eq!(s, 400);
    let (s, _) = post_checkout(&sb, form_body(&fr, "%%%"), true).await;
    assert_eq!(s, 400);

    let log = sb.requests();
    assert_eq!(
        log.iter()
            .filter(|r| r.status == 400 && !r.authorized)
            .count(),
        6
    );
    assert!(sb.requests().iter().all(|r| r.fault.is_none()));
    sb.shutdown().await;
}

#[tokio::test]
async fn field_rules() {
    let sb = sandbox(10, 1).await;
    let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
        (
            with(purchase("A1", "1000", None), "currency", "USD"),
            "currency",
        ),
        (
            with(purchase("A2", "1000", None), "operation", "REFUND"),
            "operation",
        ),
        (
            with(purchase("A3", "1000", None), "merchant", "SP-TEST-OTHER"),
            "merchant",
        ),
        (
            purchase("bad invoice!", "1000", None),
            "order_invoice_number",
        ),
        (
            purchase(&"X".repeat(101), "1000", None),
            "order_invoice_number",
        ),
        (purchase("A4", "10.5", None), "order_amount"),
        (purchase("A5", "0", None), "order_amount"),
        (purchase("A6", "1000", Some("PAYPAL")), "payment_method"),
        (
            with(purchase("A7", "1000", None), "success_url", "javascript:x"),
            "success_url",
        ),
        (
            with(purchase("A8", "1000", None), "operation", "VERIFY"),
            "VERIFY",
        ),
    ];
    for (fields, needle) in cases {
        let fr = refs(&fields);
        let (s, body) = post_checkout(&sb, form_body(&fr, &signature(&fr, SECRET)), true).await;
        assert_eq!(s, 400, "{needle}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["status"], "error");
        let msg = v["message"].as_str().unwrap().to_lowercase();
        assert!(msg.contains(&needle.to_lowercase()), "{needle}: {msg}");
    }
    // The invoice number is unique per merchant.
    checkout(&sb, &purchase("UNIQ-1", "1000", None)).await;
    let f = purchase("UNIQ-1", "2000", None);
    let fr = refs(&f);
    let (s, body) = post_checkout(&sb, form_body(&fr, &signature(&fr, SECRET)), false).await;
    assert_eq!(s, 400);
    assert!(body.contains("already exists"), "{body}");
    // GET is not a checkout.
    let r = client()
        .get(format!("{}/pay/v1/checkout/init", sb.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    sb.shutdown().await;
}

fn with(mut f: Vec<(&'static str, String)>, key: &str, value: &str) -> Vec<(&'static str, String)> {
    for (k, v) in f.iter_mut() {
        if *k == key {
            *v = value.to_string();
        }
    }
    f
}
