#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Logs and hooks around each call (events to an observer, never a secret),
//! and per-call options through `Client::with_options` (timeout, attempts,
//! extra headers) that leave the client itself unchanged.

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use sepay::config::CallOptions;
use sepay::observe::{CallEvent, CallEventKind, CallObserver};
use sepay::userapi::v1::V1TransactionListParams;
use sepay::{BaseUrls, Client, Error};
use sepay_sandbox::Fault;

#[derive(Default)]
struct Recorder(Mutex<Vec<CallEvent>>);

impl CallObserver for Recorder {
    fn on_event(&self, event: &CallEvent) {
        self.0.lock().unwrap().push(event.clone());
    }
}

fn observed(sb: &sepay_sandbox::SandboxHandle) -> (Client, Arc<Recorder>) {
    let recorder = Arc::new(Recorder::default());
    let client = Client::builder()
        .token(TOKEN)
        .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
        .options(fast_options())
        .observer(recorder.clone())
        .build()
        .unwrap();
    (client, recorder)
}

#[tokio::test]
async fn every_attempt_and_retry_is_reported_without_secrets() {
    let sb = sandbox(30).await;
    let (client, recorder) = observed(&sb);
    sb.push_faults([Fault::Error503]);
    let list = client
        .v1()
        .transactions()
        .list(&V1TransactionListParams::default())
        .await
        .unwrap();
    assert_eq!(list.len(), 30);
    let events = recorder.0.lock().unwrap().clone();
    let kinds: Vec<_> = events
        .iter()
        .map(|e| (e.kind, e.attempt, e.status))
        .collect();
    assert_eq!(
        kinds,
        [
            (CallEventKind::Request, 1, None),
            (CallEventKind::Response, 1, Some(503)),
            (CallEventKind::Retry, 1, Some(503)),
            (CallEventKind::Request, 2, None),
            (CallEventKind::Response, 2, Some(200)),
        ]
    );
    for e in &events {
        assert_eq!(e.operation, "v1.transactions.list");
        assert_eq!(e.method, "GET");
        assert_eq!(e.path, "/userapi/transactions/list");
        let line = e.to_string();
        assert!(
            !line.contains(TOKEN) && !line.to_lowercase().contains("bearer"),
            "{line}"
        );
    }
    assert!(events[2].retry_in.is_some() && events[2].reason.as_deref().unwrap().contains("503"));
    assert!(events[1].latency.is_some() && events[4].latency.is_some());
    // The sandbox names each answer; the id of the second request comes back.
    let second = sb.requests()[1].seq;
    assert_eq!(events[4].request_id, Some(format!("sandbox-{second}")));
    assert_eq!(
        events[1].request_id,
        Some(format!("sandbox-{}", second - 1))
    );
}

#[tokio::test]
async fn with_options_changes_one_view_and_not_the_client() {
    let sb = sandbox(10).await;
    let client = client(&sb, fast_options());
    let params = V1TransactionListParams::default();

    // Extra headers reach SePay on the view's calls only.
    let tagged = client
        .with_options(CallOptions {
            headers: vec![("X-Correlation-Id".into(), "order-42".into())],
            ..CallOptions::default()
        })
        .unwrap();
    tagged.v1().transactions().list(&params).await.unwrap();
    client.v1().transactions().list(&params).await.unwrap();
    let log = sb.requests();
    let header = |i: usize| {
        log[i]
            .x_headers
            .iter()
            .find(|(n, _)| n == "x-correlation-id")
            .map(|(_, v)| v.clone())
    };
    assert_eq!(header(0).as_deref(), Some("order-42"));
    assert_eq!(header(1), None);

    // One attempt: a 503 is not retried on the view, and is on the client.
    let once = client
        .with_options(CallOptions {
            max_attempts: Some(1),
            ..CallOptions::default()
        })
        .unwrap();
    sb.push_faults([Fault::Error503]);
    let e = once.v1().transactions().list(&params).await.unwrap_err();
    assert!(
        matches!(e, Error::Server { .. } | Error::Api { .. }),
        "{e:?}"
    );
    sb.push_faults([Fault::Error503]);
    client.v1().transactions().list(&params).await.unwrap();

    // A shorter timeout for one view; options over options keep both.
    let quick = tagged
        .with_options(CallOptions {
            timeout: Some(Duration::from_millis(150)),
            max_attempts: Some(1),
            ..CallOptions::default()
        })
        .unwrap();
    assert_eq!(quick.call_options().headers.len(), 1);
    sb.push_faults([Fault::Slow(2_000)]);
    let started = Instant::now();
    let e = quick.v1().transactions().list(&params).await.unwrap_err();
    assert!(matches!(e, Error::Timeout { .. }), "{e:?}");
    assert!(started.elapsed() < Duration::from_millis(1_500));
}

#[test]
fn headers_the_sdk_owns_and_bad_values_are_refused() {
    for (name, value) in [
        ("Authorization", "Bearer x"),
        ("user-agent", "x"),
        ("X Bad", "x"),
        ("X-Ok", "line\nbreak"),
    ] {
        let o = CallOptions {
            headers: vec![(name.into(), value.into())],
            ..CallOptions::default()
        };
        assert!(o.validate().is_err(), "{name}: {value:?}");
    }
    let o = CallOptions {
        timeout: Some(Duration::ZERO),
        ..CallOptions::default()
    };
    assert!(o.validate().is_err());
}
