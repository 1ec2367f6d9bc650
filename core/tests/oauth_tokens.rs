#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! OAuth2 token handling with a scripted transport: refresh before expiry and
//! once on a 401, single-flight under concurrency, rotation saved to the store.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sepay::http::{HttpRequest, HttpResponse, Transport, TransportError};
use sepay::oauth::{MemoryTokenStore, OAuthConfig, TokenStore};
use sepay::{BaseUrls, Client, ClientOptions};

/// A fake SePay: `/oauth/token` issues `at-N` (valid `ttl` s) and rotates
/// `rt-N`; `/api/v1/me` accepts only the newest access token.
#[derive(Debug)]
struct FakeSePay {
    token_requests: AtomicU32,
    current: Mutex<String>,
    refresh: Mutex<String>,
    ttl: i64,
}

#[async_trait::async_trait]
impl Transport for FakeSePay {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let ok = |body: String| HttpResponse {
            status: 200,
            headers: vec![],
            body: body.into_bytes().into(),
        };
        if request.url.path() == "/oauth/token" {
            let body = String::from_utf8(request.body.unwrap().to_vec()).unwrap();
            let n = self.token_requests.fetch_add(1, Ordering::SeqCst) + 1;
            let expected = format!("refresh_token={}", self.refresh.lock().unwrap());
            if body.contains("grant_type=refresh_token") && !body.contains(&expected) {
                return Ok(HttpResponse {
                    status: 400,
                    headers: vec![],
                    body: br#"{"error":"invalid_grant"}"#.to_vec().into(),
                });
            }
            *self.current.lock().unwrap() = format!("at-{n}");
            *self.refresh.lock().unwrap() = format!("rt-{n}");
            return Ok(ok(format!(
                r#"{{"access_token":"at-{n}","refresh_token":"rt-{n}","expires_in":{},"token_type":"Bearer"}}"#,
                self.ttl
            )));
        }
        let auth = request.header("authorization").unwrap_or("").to_string();
        if auth != format!("Bearer {}", self.current.lock().unwrap()) {
            return Ok(HttpResponse {
                status: 401,
                headers: vec![],
                body:
                    br#"{"status":"error","message":"Token expired","error_code":"unauthorized"}"#
                        .to_vec()
                        .into(),
            });
        }
        Ok(ok(
            r#"{"status":"success","data":{"id":1234,"first_name":"Nguyen","last_name":"Van A"}}"#
                .into(),
        ))
    }
}

fn setup(ttl: i64) -> (Client, Arc<FakeSePay>, Arc<MemoryTokenStore>) {
    let fake = Arc::new(FakeSePay {
        token_requests: AtomicU32::new(0),
        current: Mutex::new(String::new()),
        refresh: Mutex::new(String::new()),
        ttl,
    });
    let store = Arc::new(MemoryTokenStore::default());
    let config = OAuthConfig {
        client_id: "app".into(),
        client_secret: "app-secret".into(),
        redirect_uri: "https://app.example/callback".into(),
    };
    let client = Client::builder()
        .base_urls(BaseUrls::emulator("http://127.0.0.1:9").unwrap())
        .oauth(config, store.clone())
        .transport(fake.clone())
        .options(ClientOptions {
            requests_per_second: None,
            ..ClientOptions::default()
        })
        .build()
        .unwrap();
    (client, fake, store)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_exchange_then_resource_calls() {
    let (client, fake, store) = setup(3600);
    let url = client
        .oauth()
        .authorization_url(&["profile", "bank-account:read"], "xyz")
        .unwrap();
    assert!(
        url.starts_with("http://127.0.0.1:9/oauth/authorize?response_type=code&client_id=app"),
        "{url}"
    );
    assert!(
        url.contains("scope=profile+bank-account%3Aread&state=xyz"),
        "{url}"
    );
    client.oauth().exchange_code("the-code").await.unwrap();
    assert_eq!(
        store
            .load()
            .unwrap()
            .unwrap()
            .refresh_token
            .unwrap()
            .expose(),
        "rt-1"
    );
    for _ in 0..3 {
        assert_eq!(client.oauth().me().await.unwrap().id, "1234");
    }
    assert_eq!(fake.token_requests.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_two_calls_across_an_expiry_refresh_once() {
    // Tokens live 4 s; the cache renews them from half-way (2 s) on.
    let (client, fake, store) = setup(4);
    client.oauth().exchange_code("the-code").await.unwrap();
    client.oauth().me().await.unwrap();
    assert_eq!(
        fake.token_requests.load(Ordering::SeqCst),
        1,
        "fresh token reused"
    );
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let calls: Vec<_> = (0..32)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.oauth().me().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        fake.token_requests.load(Ordering::SeqCst),
        2,
        "exchange + exactly one refresh"
    );
    assert_eq!(
        store
            .load()
            .unwrap()
            .unwrap()
            .refresh_token
            .unwrap()
            .expose(),
        "rt-2",
        "rotation saved"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_401_refreshes_once_for_all_concurrent_callers() {
    let (client, fake, _store) = setup(3600);
    client.oauth().exchange_code("the-code").await.unwrap();
    // The server revokes the access token behind the client's back.
    *fake.current.lock().unwrap() = "revoked".into();
    *fake.refresh.lock().unwrap() = "rt-1".into();
    let calls: Vec<_> = (0..32)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.oauth().me().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        fake.token_requests.load(Ordering::SeqCst),
        2,
        "exchange + exactly one refresh"
    );
}
