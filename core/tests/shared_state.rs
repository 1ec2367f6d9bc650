//! State shared through a real `redis-server` on a loopback port: one rate
//! budget for several clients (as several processes would hold), a 429
//! pausing all of them, one token renewal across an expiry, webhook dedup
//! across receivers, and Redis going away and coming back.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
#![cfg(feature = "redis")]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{config, fast_options, sandbox_with, TOKEN};
use sepay::bank_hub::BankHubListParams;
use sepay::oauth::{MemoryTokenStore, OAuthConfig, TokenStore};
use sepay::shared::{OnOutage, SharedDedup, SharedSettings, SharedState};
use sepay::webhook::{Claim, DedupStore};
use sepay::{BaseUrls, Client, ClientOptions, Error};
use sepay_sandbox::redis_server::RedisServer;
use sepay_sandbox::{Fault, SandboxConfig, SandboxHandle};

fn settings(prefix: &str) -> SharedSettings {
    SharedSettings {
        prefix: prefix.into(),
        probe_interval: Duration::from_millis(200),
        ..SharedSettings::default()
    }
}

/// A client of its own (its own connection pool and local limiter, as in
/// another process) on the shared state at `url`.
fn client(sb: &SandboxHandle, url: &str, settings: SharedSettings, rate: Option<f64>) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
        .options(ClientOptions {
            requests_per_second: rate,
            ..fast_options()
        })
        .shared_state(SharedState::redis(url, settings).unwrap())
        .build()
        .unwrap()
}

fn count(sb: &SandboxHandle, f: impl Fn(&sepay_sandbox::LoggedRequest) -> bool) -> usize {
    sb.requests().iter().filter(|r| f(r)).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_on_one_prefix_share_the_budget() {
    let redis = RedisServer::start().unwrap();
    let sb = sandbox_with(SandboxConfig {
        rate_limit: Some(10.0),
        ..config()
    })
    .await;
    // Four clients at the full rate each: alone they would send 40 per second.
    let clients: Vec<_> = (0..4)
        .map(|_| client(&sb, &redis.url(), settings("budget"), Some(10.0)))
        .collect();
    let started = Instant::now();
    let calls: Vec<_> = clients
        .iter()
        .flat_map(|c| (0..10).map(move |_| c.clone()))
        .map(|c| {
            tokio::spawn(async move { c.v2().bank_accounts().list(&Default::default()).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().expect("every call succeeds");
    }
    let elapsed = started.elapsed();
    assert_eq!(count(&sb, |r| r.status == 429), 0, "no 429 at all");
    // 40 slots 100 ms apart: 3.9 s; alone each client would take 0.9 s.
    assert!(elapsed >= Duration::from_millis(3_800), "{elapsed:?}");
    assert!(elapsed <= Duration::from_millis(4_400), "{elapsed:?}");
    assert!(clients[0].shared_state().unwrap().status().reachable);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_pauses_every_client() {
    let redis = RedisServer::start().unwrap();
    let sb = sandbox_with(SandboxConfig {
        rate_limit: None,
        ..config()
    })
    .await;
    let a = client(&sb, &redis.url(), settings("pause"), None);
    let b = client(&sb, &redis.url(), settings("pause"), None);
    sb.push_faults([Fault::RateLimited]);
    // a earns a 429 (Retry-After: 1) and waits it out ...
    let first = tokio::spawn(async move { a.v2().bank_accounts().list(&Default::default()).await });
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(count(&sb, |r| r.status == 429), 1);
    // ... and b, another client, waits for the same pause.
    let started = Instant::now();
    b.v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(600),
        "{:?}",
        started.elapsed()
    );
    first.await.unwrap().unwrap();
    assert_eq!(count(&sb, |r| r.status == 429), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_going_away_falls_back_and_sharing_resumes() {
    let mut redis = RedisServer::start().unwrap();
    let port = redis.port();
    let sb = sandbox_with(SandboxConfig {
        rate_limit: None,
        ..config()
    })
    .await;
    let shared = SharedSettings {
        on_outage: OnOutage::Local { processes: 2 },
        ..settings("outage")
    };
    let c = client(&sb, &redis.url(), shared, Some(50.0));
    c.v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap();
    redis.stop();
    for _ in 0..10 {
        let started = Instant::now();
        c.v2()
            .bank_accounts()
            .list(&Default::default())
            .await
            .expect("fail open: calls go on");
        assert!(
            started.elapsed() < Duration::from_millis(600),
            "{:?}",
            started.elapsed()
        );
    }
    let status = c.shared_state().unwrap().status();
    assert!(!status.reachable);
    assert_eq!(status.outages, 1, "one outage, not one per call");
    let _redis = RedisServer::start_on(port).unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await; // past the probe interval
    c.v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap();
    let status = c.shared_state().unwrap().status();
    assert!(status.reachable, "sharing resumed");
    assert_eq!(status.outages, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fail_closed_ends_calls_at_once() {
    let sb = sandbox_with(SandboxConfig {
        rate_limit: None,
        ..config()
    })
    .await;
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let shared = SharedSettings {
        on_outage: OnOutage::Fail,
        ..settings("closed")
    };
    let c = client(
        &sb,
        &format!("redis://127.0.0.1:{port}/0"),
        shared,
        Some(3.0),
    );
    let started = Instant::now();
    let e = c
        .v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Store { operation, .. } if operation == "shared_state"),
        "{e:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(count(&sb, |_| true), 0, "nothing was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bank_hub_clients_make_one_token_request() {
    let redis = RedisServer::start().unwrap();
    let sb = sandbox_with(SandboxConfig {
        rate_limit: None,
        ..config()
    })
    .await;
    let calls: Vec<_> = (0..4)
        .map(|_| {
            let c = Client::builder()
                .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
                .bank_hub("sandbox-bankhub", "sandbox-bankhub-secret")
                .options(fast_options())
                .shared_state(SharedState::redis(&redis.url(), settings("bankhub")).unwrap())
                .build()
                .unwrap();
            tokio::spawn(async move {
                c.bank_hub()
                    .companies()
                    .list(&BankHubListParams::default())
                    .await
            })
        })
        .collect();
    for call in calls {
        call.await.unwrap().expect("every call succeeds");
    }
    assert_eq!(count(&sb, |r| r.path == "/bankhub/v1/token"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oauth_clients_refresh_once_across_an_expiry() {
    let redis = RedisServer::start().unwrap();
    let sb = sandbox_with(SandboxConfig {
        rate_limit: None,
        ..config()
    })
    .await;
    // One store for every client: the application's database.
    let store = Arc::new(MemoryTokenStore::default());
    let oauth_client = || {
        Client::builder()
            .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
            .oauth(
                OAuthConfig {
                    client_id: "sandbox-client".into(),
                    client_secret: "sandbox-client-secret".into(),
                    redirect_uri: "http://127.0.0.1/callback".into(),
                },
                store.clone(),
            )
            .options(fast_options())
            .shared_state(SharedState::redis(&redis.url(), settings("oauth")).unwrap())
            .build()
            .unwrap()
    };
    let clients: Vec<_> = (0..4).map(|_| oauth_client()).collect();
    let url = clients[0]
        .oauth()
        .authorization_url(&["profile"], "s")
        .unwrap();
    let code = authorize(&url).await;
    let first = clients[0].oauth().exchange_code(&code).await.unwrap();
    for c in &clients {
        c.oauth().me().await.unwrap();
    }
    sb.expire_oauth_tokens();
    let before = count(&sb, |r| r.path == "/oauth/token");
    let calls: Vec<_> = clients
        .iter()
        .cloned()
        .map(|c| tokio::spawn(async move { c.oauth().me().await }))
        .collect();
    for call in calls {
        call.await
            .unwrap()
            .expect("no invalid_grant, every call succeeds");
    }
    assert_eq!(
        count(&sb, |r| r.path == "/oauth/token") - before,
        1,
        "exactly one refresh"
    );
    let stored = store.load().unwrap().unwrap();
    assert_ne!(
        stored.refresh_token, first.refresh_token,
        "the store holds the newest pair"
    );
}

/// The user's browser: follow the authorization URL to the redirect's `code`.
async fn authorize(url: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = http.get(url).send().await.unwrap();
    let location = url::Url::parse(answer.headers()["location"].to_str().unwrap()).unwrap();
    let code = location.query_pairs().find(|(k, _)| k == "code").unwrap().1;
    code.into_owned()
}

#[test]
fn receivers_share_webhook_deduplication() {
    let redis = RedisServer::start().unwrap();
    let open =
        || SharedDedup::new(SharedState::redis(&redis.url(), settings("dedup")).unwrap()).unwrap();
    let (a, b) = (open(), open());
    let lease = Duration::from_secs(30);
    assert_eq!(a.claim("tx:1", lease).unwrap(), Claim::New);
    assert_eq!(
        b.claim("tx:1", lease).unwrap(),
        Claim::InProgress,
        "held by a"
    );
    a.release("tx:1").unwrap(); // a's handler failed
    assert_eq!(
        b.claim("tx:1", lease).unwrap(),
        Claim::New,
        "the retry is handled"
    );
    b.complete("tx:1").unwrap();
    assert_eq!(a.claim("tx:1", lease).unwrap(), Claim::Done);
    a.release("tx:1").unwrap();
    assert_eq!(
        b.claim("tx:1", lease).unwrap(),
        Claim::Done,
        "release never undoes done"
    );
}
