#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Rate limiting and retries against the sandbox: no 429s under a shared
//! limiter, injected faults retried transparently, typed errors when the budget
//! runs out.

mod common;

use std::time::{Duration, Instant};

use common::*;
use sepay::userapi::v1::V1TransactionListParams;
use sepay::userapi::v2::V2TransactionListParams;
use sepay::{ClientOptions, Error, RetryPolicy};
use sepay_sandbox::{Fault, SandboxConfig};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_tasks_share_one_limiter_and_never_see_a_429() {
    let sb = sandbox_with(SandboxConfig {
        transactions: 100,
        rate_limit: Some(3.0),
        ..config()
    })
    .await;
    let client = client(
        &sb,
        ClientOptions {
            requests_per_second: Some(3.0),
            ..ClientOptions::default()
        },
    );
    let started = Instant::now();
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let c = client.clone();
            tokio::spawn(async move {
                for _ in 0..2 {
                    if i % 2 == 0 {
                        c.v2()
                            .transactions()
                            .list(&V2TransactionListParams::default())
                            .await
                            .unwrap();
                    } else {
                        c.v1()
                            .transactions()
                            .count(&Default::default())
                            .await
                            .unwrap();
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = started.elapsed();
    let log = sb.requests();
    assert_eq!(log.len(), 16);
    assert_eq!(
        log.iter().filter(|r| r.status == 429).count(),
        0,
        "zero 429s"
    );
    // 16 requests at 3/s: the first at once, the last 15/3 = 5 s later.
    assert!(elapsed >= Duration::from_millis(4900), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
}

#[tokio::test]
async fn injected_faults_are_retried_transparently() {
    let sb = sandbox(50).await;
    let client = client(&sb, fast_options());
    sb.push_faults([
        Fault::Error503,
        Fault::Drop,
        Fault::Truncate,
        Fault::Error500,
    ]);
    let page = client
        .v2()
        .transactions()
        .list(&Default::default())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 20);
    sb.push_faults([Fault::Drop, Fault::Error503]);
    let list = client
        .v1()
        .transactions()
        .list(&V1TransactionListParams::default())
        .await
        .unwrap();
    assert_eq!(list.len(), 50);
    let faults: Vec<_> = sb
        .requests()
        .iter()
        .filter_map(|r| r.fault.clone())
        .collect();
    assert_eq!(faults, ["503", "drop", "truncate", "500", "drop", "503"]);
}

#[tokio::test]
async fn a_429_pauses_for_retry_after_then_succeeds() {
    let sb = sandbox(10).await;
    let client = client(&sb, fast_options());
    sb.push_faults([Fault::RateLimited]);
    let started = Instant::now();
    client
        .v1()
        .transactions()
        .count(&Default::default())
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "waited for Retry-After: 1"
    );
    let statuses: Vec<_> = sb.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 200]);
}

#[tokio::test]
async fn slow_answers_time_out_and_are_retried() {
    let sb = sandbox(10).await;
    let client = client(
        &sb,
        ClientOptions {
            timeout: Duration::from_millis(300),
            ..fast_options()
        },
    );
    sb.push_faults([Fault::Slow(5_000)]);
    let started = Instant::now();
    client
        .v2()
        .bank_accounts()
        .list(&Default::default())
        .await
        .unwrap();
    let elapsed = started.elapsed();
    // The first attempt gave up after 300 ms; the retry answered at once.
    assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(2_000), "{elapsed:?}");
}

#[tokio::test]
async fn an_exhausted_budget_gives_the_last_typed_error() {
    let sb = sandbox(10).await;
    let client = client(
        &sb,
        ClientOptions {
            retry: RetryPolicy {
                max_attempts: 3,
                initial_backoff: Duration::from_millis(5),
                ..RetryPolicy::default()
            },
            ..fast_options()
        },
    );
    sb.push_faults([Fault::Error503; 5]);
    let e = client
        .v2()
        .transactions()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Server { status: 503, .. }), "{e}");
    assert_eq!(e.code(), Some("service_unavailable"));
    assert_eq!(sb.requests().len(), 3);

    sb.push_faults([Fault::Error503; 5]);
    let e = client
        .v1()
        .transactions()
        .count(&Default::default())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Server { status: 503, .. }), "{e}");
    assert!(
        e.to_string().contains("503"),
        "the HTML title is quoted: {e}"
    );
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let sb = sandbox(10).await;
    let client = client(
        &sb,
        ClientOptions {
            retry: RetryPolicy::none(),
            ..fast_options()
        },
    );
    sb.push_faults([Fault::Drop]);
    let e = client
        .v2()
        .transactions()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Transport { .. }), "{e:?}");
    assert!(std::error::Error::source(&e).is_some(), "keeps the cause");
}

#[tokio::test]
async fn a_huge_body_is_refused_with_a_typed_error() {
    let sb = sandbox(2_000).await;
    let client = client(
        &sb,
        ClientOptions {
            max_response_bytes: 64 * 1024,
            ..fast_options()
        },
    );
    let e = client
        .v1()
        .transactions()
        .list(&V1TransactionListParams::default())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Decode { .. }), "{e}");
    assert!(e.to_string().contains("at most 65536 bytes"), "{e}");
    assert_eq!(sb.requests().len(), 1, "not retried");
}

#[tokio::test]
async fn a_reconnected_client_keeps_its_configuration() {
    let sb = sandbox(10).await;
    let client = client(&sb, fast_options()).reconnect().unwrap();
    assert_eq!(
        client
            .v1()
            .transactions()
            .count(&Default::default())
            .await
            .unwrap(),
        10
    );
    assert_eq!(client.options().requests_per_second, None);
}
