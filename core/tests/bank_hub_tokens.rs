#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Bank Hub's client-credentials token with a scripted transport: 32
//! concurrent calls across a token expiry make exactly one token request each
//! time and none of them fails; a 401 renews once.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sepay::bank_hub::BankHubListParams;
use sepay::http::{HttpRequest, HttpResponse, Transport, TransportError};
use sepay::{BaseUrls, Client, ClientOptions, Error};

#[derive(Debug)]
struct FakeBankHub {
    token_requests: AtomicU32,
    current: Mutex<String>,
    ttl: u64,
}

fn reply(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![],
        body: body.as_bytes().to_vec().into(),
    }
}

#[async_trait::async_trait]
impl Transport for FakeBankHub {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        tokio::time::sleep(Duration::from_millis(20)).await;
        if request.url.path() == "/bankhub/v1/token" {
            // base64("cid:csecret")
            if request.header("authorization") != Some("Basic Y2lkOmNzZWNyZXQ=") {
                return Ok(reply(401, r#"{"code":401,"message":"Unauthenticated"}"#));
            }
            let n = self.token_requests.fetch_add(1, Ordering::SeqCst) + 1;
            *self.current.lock().unwrap() = format!("tok-{n}");
            return Ok(reply(
                201,
                &format!(
                    r#"{{"code":201,"access_token":"tok-{n}","ttl":{}}}"#,
                    self.ttl
                ),
            ));
        }
        if request.header("authorization")
            != Some(&format!("Bearer {}", self.current.lock().unwrap()))
        {
            return Ok(reply(401, r#"{"code":401,"message":"Token expired"}"#));
        }
        match request.url.path() {
            "/bankhub/v1/company" => Ok(reply(
                200,
                r#"{"data":[{"xid":"c1","full_name":"CONG TY A","status":"Active","active":1,"created_at":"2025-01-01 10:00:00","updated_at":"2025-01-01 10:00:00"}],"meta":{"per_page":20,"total":1,"has_more":false,"current_page":1,"page_count":1}}"#,
            )),
            "/bankhub/v1/company/missing" => Ok(reply(
                404,
                r#"{"code":0,"message":"Company not found","status":0,"error":"not_found"}"#,
            )),
            other => Ok(reply(404, &format!(r#"{{"message":"no route {other}"}}"#))),
        }
    }
}

fn client(ttl: u64) -> (Client, Arc<FakeBankHub>) {
    let fake = Arc::new(FakeBankHub {
        token_requests: AtomicU32::new(0),
        current: Mutex::new(String::new()),
        ttl,
    });
    let client = Client::builder()
        .base_urls(BaseUrls::emulator("http://127.0.0.1:9").unwrap())
        .bank_hub("cid", "csecret")
        .transport(fake.clone())
        .options(ClientOptions {
            requests_per_second: None,
            ..ClientOptions::default()
        })
        .build()
        .unwrap();
    (client, fake)
}

async fn burst(client: &Client) {
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
        let page = call.await.unwrap().expect("no call fails");
        assert_eq!(page.items[0].full_name, "CONG TY A");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_token_request_per_expiry_under_concurrency() {
    let (client, fake) = client(4);
    burst(&client).await;
    assert_eq!(fake.token_requests.load(Ordering::SeqCst), 1);
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    burst(&client).await;
    assert_eq!(fake.token_requests.load(Ordering::SeqCst), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_401_renews_once_and_errors_stay_typed() {
    let (client, fake) = client(3600);
    burst(&client).await;
    *fake.current.lock().unwrap() = "revoked-by-sepay".into();
    burst(&client).await;
    assert_eq!(fake.token_requests.load(Ordering::SeqCst), 2);
    let e = client
        .bank_hub()
        .companies()
        .get("missing")
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
    assert!(e.to_string().contains("Company not found"));
}

#[tokio::test]
async fn wrong_credentials_are_an_authentication_error() {
    let fake = Arc::new(FakeBankHub {
        token_requests: AtomicU32::new(0),
        current: Mutex::new(String::new()),
        ttl: 60,
    });
    let client = Client::builder()
        .base_urls(BaseUrls::emulator("http://127.0.0.1:9").unwrap())
        .bank_hub("cid", "wrong")
        .transport(fake)
        .build()
        .unwrap();
    let e = client
        .bank_hub()
        .companies()
        .list(&BankHubListParams::default())
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Authentication { status: 401, .. }),
        "{e}"
    );
    assert!(!format!("{e} {client:?}").contains("wrong"));
}
