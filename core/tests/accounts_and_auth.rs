#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! VA orders, OAuth2 and Bank Hub against the sandbox: the VA order lifecycle (v1 BIDV and v2), a
//! create interrupted by a dropped connection never duplicated, an OAuth2 flow
//! from authorization URL to resource calls surviving token expiry, and Bank
//! Hub's single-flight token across an expiry.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use sepay::bank_hub::BankHubListParams;
use sepay::oauth::{
    MemoryTokenStore, OAuthConfig, OAuthListParams, TokenStore, WebhookAuthType, WebhookEventType,
    WebhookParams,
};
use sepay::userapi::orders::{OrderBank, VaOrderCreateParams, VaOrderStatus, VaStatus};
use sepay::{Amount, BaseUrls, Client, Error};
use sepay_sandbox::va_pay::VaPay;
use sepay_sandbox::{Fault, SandboxConfig, SandboxHandle};

async fn bidv_account(client: &Client) -> (String, String) {
    let v2 = client
        .v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap();
    let bidv = v2
        .items
        .iter()
        .find(|a| a.bank_short_name == "BIDV")
        .expect("a BIDV account");
    let v1 = client
        .v1()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap();
    let v1_id = v1
        .iter()
        .find(|a| a.account_number == bidv.account_number)
        .unwrap()
        .id
        .clone();
    (v1_id, bidv.id.clone())
}

fn pay(sb: &SandboxHandle, va: &str, amount: u64) {
    sb.va_pay(&VaPay {
        va_number: va.to_string(),
        amount,
        content: None,
    })
    .unwrap();
}

#[tokio::test]
async fn va_order_lifecycle_in_v2_and_v1() {
    let sb = sandbox(50).await;
    let client = client(&sb, fast_options());
    let (v1_id, v2_id) = bidv_account(&client).await;
    let orders = client.v2().orders();
    let params = VaOrderCreateParams {
        amount: Some(Amount::from_dong(500_000)),
        ..Default::default()
    };
    let order = orders
        .create(&v2_id, OrderBank::Bidv, &params)
        .await
        .unwrap();
    assert_eq!(order.status, VaOrderStatus::Pending);
    let va = order.va_number.clone().unwrap();
    pay(&sb, &va, 200_000);
    let partial = orders.get(&v2_id, &order.id).await.unwrap();
    assert_eq!(
        (partial.status, partial.paid_amount),
        (VaOrderStatus::Partially, Some(Amount::from_dong(200_000)))
    );
    pay(&sb, &va, 300_000);
    let paid = orders.get(&v2_id, &order.id).await.unwrap();
    assert_eq!(paid.status, VaOrderStatus::Paid);
    let e = orders.cancel(&v2_id, &order.id).await.unwrap_err();
    assert!(
        matches!(
            e,
            Error::Validation {
                status: Some(422),
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(e.code(), Some("invalid_state"));

    let second = orders
        .create(&v2_id, OrderBank::Bidv, &params)
        .await
        .unwrap();
    orders.cancel(&v2_id, &second.id).await.unwrap();
    let cancelled = orders.get(&v2_id, &second.id).await.unwrap();
    assert_eq!(cancelled.status, VaOrderStatus::Cancelled);
    assert!(cancelled
        .virtual_accounts
        .iter()
        .all(|v| v.status == VaStatus::Cancelled));
    assert_eq!(
        orders.list(&v2_id, None, None).await.unwrap().items.len(),
        2
    );

    let v1 = client.v1().orders();
    let unlimited = v1
        .create(&v1_id, OrderBank::Bidv, &VaOrderCreateParams::default())
        .await
        .unwrap();
    assert_eq!(
        unlimited.amount, None,
        "BIDV accepts orders without an amount"
    );
    v1.cancel(&v1_id, &unlimited.id).await.unwrap();
    assert!(v1
        .list(&v1_id, None, None)
        .await
        .unwrap()
        .items
        .iter()
        .any(|o| o.id == unlimited.id));
}

#[tokio::test]
async fn bank_rules_are_checked_before_anything_is_sent() {
    let sb = sandbox(10).await;
    let client = client(&sb, fast_options());
    let vcb = client
        .v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|a| a.bank_short_name == "Vietcombank")
        .unwrap();
    let before = sb.requests().len();
    let e = client
        .v2()
        .orders()
        .create(
            &vcb.id,
            OrderBank::Vietcombank,
            &VaOrderCreateParams {
                amount: Some(Amount::from_dong(1000)),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { status: None, .. }), "{e}");
    assert_eq!(e.field_errors()[0].field, "tid");
    assert_eq!(sb.requests().len(), before, "nothing was sent");
    let tid = client
        .v2()
        .terminals()
        .list(&vcb.id)
        .await
        .unwrap()
        .remove(0)
        .tid;
    let ok = VaOrderCreateParams {
        amount: Some(Amount::from_dong(1000)),
        tid: Some(tid),
        ..Default::default()
    };
    client
        .v2()
        .orders()
        .create(&vcb.id, OrderBank::Vietcombank, &ok)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_create_cut_off_after_it_reached_sepay_is_not_duplicated() {
    let sb = sandbox(10).await;
    let client = client(&sb, fast_options());
    let (_, v2_id) = bidv_account(&client).await;
    sb.push_faults([Fault::DropAfter]);
    let params = VaOrderCreateParams {
        order_code: Some("DROPPED01".into()),
        amount: Some(Amount::from_dong(1000)),
        ..Default::default()
    };
    let e = client
        .v2()
        .orders()
        .create(&v2_id, OrderBank::Bidv, &params)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Transport { .. }), "{e:?}");
    let posts = sb.requests().iter().filter(|r| r.method == "POST").count();
    assert_eq!(posts, 1, "the create was not re-sent");
    let all = client
        .v2()
        .orders()
        .list(&v2_id, None, None)
        .await
        .unwrap()
        .items;
    assert_eq!(
        all.iter().filter(|o| o.order_code == "DROPPED01").count(),
        1,
        "exactly one order exists"
    );
}

fn oauth_client(sb: &SandboxHandle, store: Arc<MemoryTokenStore>) -> Client {
    let config = OAuthConfig {
        client_id: "sandbox-client".into(),
        client_secret: "sandbox-client-secret".into(),
        redirect_uri: "http://127.0.0.1/callback".into(),
    };
    Client::builder()
        .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
        .oauth(config, store)
        .options(fast_options())
        .build()
        .unwrap()
}

/// What the user's browser does: open the authorization URL, follow SePay's
/// redirect back to the app, and hand the app the `code`.
async fn authorize(url: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = http.get(url).send().await.unwrap();
    assert_eq!(answer.status(), 302);
    let location = url::Url::parse(answer.headers()["location"].to_str().unwrap()).unwrap();
    let pairs: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    assert_eq!(pairs["state"], "st4te");
    pairs["code"].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oauth2_from_authorization_to_resources_across_token_expiry() {
    let sb = sandbox_with(SandboxConfig {
        oauth_access_ttl: 2,
        rate_limit: None,
        ..config()
    })
    .await;
    let store = Arc::new(MemoryTokenStore::default());
    let client = oauth_client(&sb, store.clone());
    let scopes = [
        "profile",
        "bank-account:read",
        "transaction:read",
        "webhook:read",
        "webhook:write",
        "webhook:delete",
    ];
    let url = client.oauth().authorization_url(&scopes, "st4te").unwrap();
    let code = authorize(&url).await;
    let first = client.oauth().exchange_code(&code).await.unwrap();
    let me = client.oauth().me().await.unwrap();
    assert_eq!(me.id, "1234");
    // Keep calling for longer than two token lifetimes: every call succeeds.
    for _ in 0..6 {
        let accounts = client
            .oauth()
            .bank_accounts()
            .list(&OAuthListParams::default())
            .await
            .unwrap();
        assert!(!accounts.items.is_empty());
        tokio::time::sleep(Duration::from_millis(900)).await;
    }
    let refreshes = sb
        .requests()
        .iter()
        .filter(|r| r.path == "/oauth/token")
        .count();
    assert!(refreshes >= 3, "exchange plus refreshes, got {refreshes}");
    let stored = store.load().unwrap().unwrap();
    assert_ne!(
        stored.refresh_token, first.refresh_token,
        "the rotated refresh token was saved"
    );

    // The same store lets a new client (a restart) carry on without a new code.
    let restarted = oauth_client(&sb, store.clone());
    assert_eq!(restarted.oauth().me().await.unwrap().id, "1234");

    let params = WebhookParams {
        bank_account_id: Some(
            client
                .oauth()
                .bank_accounts()
                .list(&OAuthListParams::default())
                .await
                .unwrap()
                .items[0]
                .id
                .clone(),
        ),
        name: Some("shop".into()),
        event_type: Some(WebhookEventType::InOnly),
        authen_type: Some(WebhookAuthType::HmacSha256),
        webhook_url: Some("https://shop.example/hook".into()),
        is_verify_payment: Some(true),
        active: Some(true),
        ..Default::default()
    };
    let created = restarted.oauth().webhooks().create(&params).await.unwrap();
    assert_eq!(created.event_type, WebhookEventType::InOnly);
    let renamed = restarted
        .oauth()
        .webhooks()
        .update(
            &created.id,
            &WebhookParams {
                name: Some("renamed".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "renamed");
    restarted
        .oauth()
        .webhooks()
        .delete(&created.id)
        .await
        .unwrap();
    let e = restarted
        .oauth()
        .webhooks()
        .get(&created.id)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bank_hub_calls_across_a_token_expiry_make_one_token_request() {
    let sb = sandbox_with(SandboxConfig {
        bankhub_token_ttl: 4,
        rate_limit: None,
        ..config()
    })
    .await;
    let client = Client::builder()
        .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
        .bank_hub("sandbox-bankhub", "sandbox-bankhub-secret")
        .options(fast_options())
        .build()
        .unwrap();
    let burst = || async {
        let calls: Vec<_> = (0..32)
            .map(|_| {
                let c = client.clone();
                tokio::spawn(async move {
                    c.bank_hub()
                        .companies()
                        .list(&BankHubListParams::default())
                        .await
                })
            })
            .collect();
        for call in calls {
            assert!(!call.await.unwrap().expect("no call fails").items.is_empty());
        }
    };
    burst().await;
    let tokens = || {
        sb.requests()
            .iter()
            .filter(|r| r.path == "/bankhub/v1/token")
            .count()
    };
    assert_eq!(tokens(), 1);
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    burst().await;
    assert_eq!(tokens(), 2, "one token request per expiry");
    let company = client
        .bank_hub()
        .companies()
        .list(&BankHubListParams::default())
        .await
        .unwrap()
        .items
        .remove(0);
    let counter = client
        .bank_hub()
        .companies()
        .counter(&company.xid, None)
        .await
        .unwrap();
    assert!(counter.total.transaction >= counter.total.transaction_in);
    let txns = client
        .bank_hub()
        .transactions()
        .list(&BankHubListParams::default())
        .await
        .unwrap();
    if let Some(t) = txns.items.first() {
        assert_eq!(
            client
                .bank_hub()
                .transactions()
                .get(&t.transaction_id)
                .await
                .unwrap(),
            *t
        );
    }
}
