#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Receiving money end to end against the sandbox: SePay's user webhooks in
//! every auth mode and content type, verified and deduplicated by the SDK's
//! receiver on a local server; payment gateway checkout, orders and IPN.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use common::*;
use sepay::auth::unix_now;
use sepay::pg::CheckoutRequest;
use sepay::webhook::{
    BodyEncoding, WebhookAuth, WebhookEvent, WebhookReceiver, WebhookTokenIssuer,
};
use sepay::{Amount, BaseUrls, Client, Error};
use sepay_sandbox::pg_admin::PgPay;
use sepay_sandbox::pg_store::IpnTarget;
use sepay_sandbox::simulate::SimulateTransaction;
use sepay_sandbox::webhook_target::{BodyFormat, WebhookAuth as Mode, WebhookTarget};
use sepay_sandbox::SandboxConfig;

#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<(WebhookEvent, bool)>>>);

fn headers_of(h: &HeaderMap) -> Vec<(String, String)> {
    h.iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect()
}

/// A web app receiving SePay's webhooks at `/hook` with `auth`, and (OAuth2
/// mode) issuing tokens at `/token`.
async fn app(auth: WebhookAuth, encoding: BodyEncoding, seen: Seen) -> String {
    let receiver = Arc::new(
        WebhookReceiver::new(auth.clone())
            .and_then(|r| r.with_encoding(encoding))
            .unwrap(),
    );
    let hook = move |method: Method, headers: HeaderMap, body: Bytes| {
        let (receiver, seen) = (receiver.clone(), seen.clone());
        async move {
            match receiver.receive(method.as_str(), &headers_of(&headers), &body, unix_now()) {
                Ok(got) => {
                    if !got.duplicate {
                        receiver.complete(&got.key).unwrap();
                    }
                    seen.0.lock().unwrap().push((got.event, got.duplicate));
                    let status = StatusCode::from_u16(got.reply.status).unwrap();
                    (
                        status,
                        [("content-type", got.reply.content_type)],
                        got.reply.body,
                    )
                        .into_response()
                }
                Err(e) => {
                    let r = WebhookReceiver::error_reply(&e);
                    (StatusCode::from_u16(r.status).unwrap(), r.body).into_response()
                }
            }
        }
    };
    let issuer = match &auth {
        WebhookAuth::OAuth2(i) => Some(i.clone()),
        _ => None,
    };
    let token = move |body: Bytes| {
        let issuer = issuer.clone();
        async move {
            let r = issuer.unwrap().issue(&body, unix_now());
            (
                StatusCode::from_u16(r.status).unwrap(),
                [("content-type", "application/json")],
                r.body,
            )
        }
    };
    let router = Router::new()
        .route("/hook", post(hook))
        .route("/token", post(token));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    url
}

async fn wait_for(mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out waiting");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_in_every_mode_and_content_type_verify_and_parse_alike() {
    let sb = sandbox(20).await;
    let issuer =
        WebhookTokenIssuer::new("hook-client", "hook-secret", Duration::from_secs(3600)).unwrap();
    let modes: Vec<(WebhookAuth, BodyEncoding, WebhookTarget)> = vec![
        (
            WebhookAuth::hmac("whsec_1"),
            BodyEncoding::Json,
            WebhookTarget {
                auth: Mode::Hmac,
                secret: Some("whsec_1".into()),
                ..Default::default()
            },
        ),
        (
            WebhookAuth::ApiKey("key-1".into()),
            BodyEncoding::FormUrlEncoded,
            WebhookTarget {
                auth: Mode::ApiKey,
                api_key: Some("key-1".into()),
                content_type: BodyFormat::Form,
                ..Default::default()
            },
        ),
        (
            WebhookAuth::None,
            BodyEncoding::Multipart,
            WebhookTarget {
                content_type: BodyFormat::Multipart,
                ..Default::default()
            },
        ),
        (
            WebhookAuth::OAuth2(issuer),
            BodyEncoding::Json,
            WebhookTarget {
                auth: Mode::Oauth2,
                client_id: Some("hook-client".into()),
                client_secret: Some("hook-secret".into()),
                ..Default::default()
            },
        ),
    ];
    let mut inboxes = Vec::new();
    for (auth, encoding, mut target) in modes {
        let seen = Seen::default();
        let url = app(auth, encoding, seen.clone()).await;
        target.url = format!("{url}/hook");
        if target.auth == Mode::Oauth2 {
            target.token_url = Some(format!("{url}/token"));
        }
        sb.add_webhook(target).unwrap();
        inboxes.push(seen);
    }
    let txn = sb
        .simulate_transaction(SimulateTransaction {
            bank_account_id: None,
            amount: 2_277_000,
            content: "chuyen tien DH12345 mua iphone".into(),
            transfer_type: "in".into(),
            code: None,
            sub_account: None,
        })
        .unwrap();
    wait_for(|| inboxes.iter().all(|i| !i.0.lock().unwrap().is_empty())).await;
    let first = inboxes[0].0.lock().unwrap()[0].0.clone();
    assert_eq!(first.id, txn.v1_id.to_string());
    assert_eq!(first.transfer_amount, Amount::from_dong(2_277_000));
    assert_eq!(first.code.as_deref(), Some("DH12345"));
    for inbox in &inboxes {
        let (event, duplicate) = inbox.0.lock().unwrap()[0].clone();
        assert_eq!(
            event, first,
            "every mode and content type gives the same event"
        );
        assert!(!duplicate);
    }
    wait_for(|| sb.webhook_deliveries().iter().filter(|d| d.success).count() == 4).await;
    assert!(
        sb.webhook_deliveries().iter().all(|d| d.success),
        "SePay counted every reply as success"
    );
    // The transaction is now visible through the API too.
    let client = client(&sb, fast_options());
    let t = client
        .v1()
        .transactions()
        .get(&txn.v1_id.to_string())
        .await
        .unwrap();
    assert_eq!(t.amount_in, first.transfer_amount);
}

#[tokio::test]
async fn tampered_stale_wrong_key_and_replayed_webhooks() {
    let auth = WebhookAuth::hmac("whsec_1");
    let receiver = WebhookReceiver::new(auth).unwrap();
    let body = br#"{"id":7,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}"#;
    let now = unix_now();
    let sig = sepay::webhook::hmac_signature("whsec_1", now, body);
    let h = |sig: &str, ts: i64| {
        vec![
            ("x-sepay-signature".to_string(), sig.to_string()),
            ("x-sepay-timestamp".to_string(), ts.to_string()),
            ("content-type".into(), "application/json".into()),
        ]
    };
    let first = receiver.receive("POST", &h(&sig, now), body, now).unwrap();
    assert!(!first.duplicate);
    receiver.complete(&first.key).unwrap();
    assert_eq!(
        (first.reply.status, first.reply.body),
        (200, r#"{"success":true}"#)
    );
    let replay = receiver.receive("POST", &h(&sig, now), body, now).unwrap();
    assert!(
        replay.duplicate,
        "same id → duplicate, still a success reply"
    );
    assert_eq!(replay.reply.status, 200);
    let mut tampered = body.to_vec();
    tampered[6] = b'8';
    assert!(matches!(
        receiver.receive("POST", &h(&sig, now), &tampered, now),
        Err(Error::WebhookVerification { .. })
    ));
    assert!(
        receiver
            .receive("POST", &h(&sig, now), body, now + 301)
            .is_err(),
        "stale"
    );
    let wrong = sepay::webhook::hmac_signature("other", now, body);
    assert!(receiver
        .receive("POST", &h(&wrong, now), body, now)
        .is_err());
    assert!(receiver.receive("GET", &h(&sig, now), body, now).is_err());
    let e = receiver
        .receive("POST", &h(&wrong, now), body, now)
        .unwrap_err();
    assert_eq!(WebhookReceiver::error_reply(&e).status, 401);
}

fn pg_client(sb: &sepay_sandbox::SandboxHandle) -> Client {
    Client::builder()
        .payment_gateway("SP-TEST-SANDBOX", "spsk_test_sandbox")
        .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
        .options(fast_options())
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payment_gateway_checkout_orders_and_ipn() {
    let sb = sandbox_with(SandboxConfig {
        rate_limit: None,
        ..config()
    })
    .await;
    let client = pg_client(&sb);
    let request = CheckoutRequest {
        success_url: Some("https://shop.example/ok".into()),
        ..CheckoutRequest::purchase(
            "ignored",
            Amount::from_dong(150_000),
            "INV-2026-0001",
            "Don hang 1",
        )
    };
    let form = client.pg().checkout(&request).unwrap();
    assert!(
        form.action.ends_with("/pay/v1/checkout/init"),
        "{}",
        form.action
    );
    let http = reqwest::Client::new();
    let submit = |fields: Vec<(String, String)>| {
        http.post(&form.action)
            .header("accept", "application/json")
            .form(&fields)
            .send()
    };
    assert_eq!(
        submit(form.fields.clone()).await.unwrap().status(),
        200,
        "the sandbox accepts the SDK's signature"
    );
    let mut reordered = form.fields.clone();
    reordered.swap(1, 2);
    assert_eq!(
        submit(reordered).await.unwrap().status(),
        400,
        "order is part of the signature"
    );

    let order = client.pg().orders().get("INV-2026-0001").await.unwrap();
    assert_eq!(order.order_amount, Amount::from_dong(150_000));
    assert_eq!(order.order_status, "AUTHENTICATION_NOT_NEEDED");
    let all = client
        .pg()
        .orders()
        .iter(&Default::default())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);

    // The merchant's IPN endpoint, verified with X-Secret-Key.
    let receiver =
        Arc::new(WebhookReceiver::new(WebhookAuth::SecretKey("spsk_test_sandbox".into())).unwrap());
    let got = Arc::new(Mutex::new(Vec::new()));
    let (r, g) = (receiver.clone(), got.clone());
    let router = Router::new().route(
        "/ipn",
        post(move |method: Method, headers: HeaderMap, body: Bytes| {
            let (r, g) = (r.clone(), g.clone());
            async move {
                let ipn = r
                    .receive_pg_ipn(method.as_str(), &headers_of(&headers), &body, unix_now())
                    .unwrap();
                g.lock().unwrap().push(ipn.event);
                (StatusCode::OK, ipn.reply.body)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let ipn_url = format!("http://{}/ipn", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    sb.set_pg_ipn(Some(IpnTarget {
        url: ipn_url,
        secret_key: Some("spsk_test_sandbox".into()),
    }));
    sb.pg_pay(&PgPay {
        order_invoice_number: "INV-2026-0001".into(),
        payment_method: Some("BANK_TRANSFER".into()),
    })
    .unwrap();
    wait_for(|| !got.lock().unwrap().is_empty()).await;
    let ipn = got.lock().unwrap()[0].clone();
    assert_eq!(ipn.order.order_invoice_number, "INV-2026-0001");
    assert_eq!(
        ipn.transaction.transaction_amount,
        Amount::from_dong(150_000)
    );

    let paid = client.pg().orders().get("INV-2026-0001").await.unwrap();
    assert_eq!(paid.order_status, "CAPTURED");
    let e = client
        .pg()
        .orders()
        .cancel("INV-2026-0001")
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Validation {
                status: Some(422),
                ..
            }
        ),
        "a paid order cannot be cancelled: {e}"
    );
    let e = client.pg().orders().get("NOPE").await.unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
}

#[tokio::test]
async fn wrong_pg_credentials_are_refused() {
    let sb = sandbox(1).await;
    let client = Client::builder()
        .payment_gateway("SP-TEST-SANDBOX", "wrong")
        .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
        .build()
        .unwrap();
    let e = client
        .pg()
        .orders()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Authentication { status: 401, .. }),
        "{e}"
    );
    assert!(!format!("{e}{client:?}").contains("wrong"));
    let e = client
        .v2()
        .transactions()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Configuration { .. }),
        "no User API token configured: {e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn va_order_paid_end_to_end_through_a_verified_webhook() {
    use sepay::userapi::orders::{OrderBank, VaOrderCreateParams, VaOrderStatus};
    let sb = sandbox(20).await;
    let client = client(&sb, fast_options());
    let seen = Seen::default();
    let url = app(
        WebhookAuth::hmac("whsec_va"),
        BodyEncoding::Json,
        seen.clone(),
    )
    .await;
    sb.add_webhook(WebhookTarget {
        url: format!("{url}/hook"),
        auth: Mode::Hmac,
        secret: Some("whsec_va".into()),
        ..Default::default()
    })
    .unwrap();
    let bidv = client
        .v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|a| a.bank_short_name == "BIDV")
        .unwrap();
    let params = VaOrderCreateParams {
        amount: Some(Amount::from_dong(350_000)),
        ..Default::default()
    };
    let order = client
        .v2()
        .orders()
        .create(&bidv.id, OrderBank::Bidv, &params)
        .await
        .unwrap();
    let va = order.va_number.clone().unwrap();
    sb.va_pay(&sepay_sandbox::va_pay::VaPay {
        va_number: va.clone(),
        amount: 350_000,
        content: None,
    })
    .unwrap();
    wait_for(|| !seen.0.lock().unwrap().is_empty()).await;
    let (event, duplicate) = seen.0.lock().unwrap()[0].clone();
    assert!(!duplicate);
    assert_eq!(event.transfer_amount, Amount::from_dong(350_000));
    assert_eq!(event.sub_account.as_deref(), Some(va.as_str()));
    wait_for(|| sb.webhook_deliveries().iter().any(|d| d.success)).await;
    let paid = client.v2().orders().get(&bidv.id, &order.id).await.unwrap();
    assert_eq!(paid.status, VaOrderStatus::Paid);
}
