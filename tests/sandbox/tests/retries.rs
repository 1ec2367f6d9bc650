#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! The Fibonacci retry schedule, compressed with `webhook_time_scale`.

mod common;

use common::receiver::{receiver, wait_until};
use common::*;
use sepay_sandbox::{SandboxConfig, SandboxHandle, SimulateTransaction, WebhookTarget};

/// 0.001: one scheduled "minute" is 60 ms.
const SCALE: f64 = 0.001;

async fn fast_sandbox() -> SandboxHandle {
    sandbox_with(SandboxConfig {
        token: TOKEN.into(),
        transactions: 20,
        bank_accounts: 2,
        rate_limit: None,
        webhook_time_scale: SCALE,
        ..SandboxConfig::default()
    })
    .await
}

/// Asserts a measured gap is the scheduled one, allowing for slow machines.
fn assert_gap(measured_ms: u64, minutes: u64) {
    let want = (minutes as f64 * 60_000.0 * SCALE) as u64;
    assert!(
        measured_ms + 2 >= want && measured_ms <= want + 250,
        "gap {measured_ms} ms, expected about {want} ms"
    );
}

#[tokio::test]
async fn failing_twice_then_succeeding_takes_three_attempts() {
    let rx = receiver(|_, n| {
        if n < 2 {
            (500, r#"{"success": false}"#.into())
        } else {
            (200, r#"{"success": true}"#.into())
        }
    })
    .await;
    let sb = fast_sandbox().await;
    sb.add_webhook(WebhookTarget::new(format!("{}/flaky", rx.url)))
        .unwrap();
    let t = sb
        .simulate_transaction(SimulateTransaction::incoming(10_000, "DH1 retry"))
        .unwrap();
    assert!(wait_until(5, || sb.webhook_deliveries().iter().any(|d| d.success)).await);
    // Nothing more is sent after the success.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let d = sb.webhook_deliveries();
    assert_eq!(d.len(), 3, "{d:?}");
    assert_eq!(
        d.iter()
            .map(|a| (a.attempt, a.status, a.success))
            .collect::<Vec<_>>(),
        [(1, 500, false), (2, 500, false), (3, 200, true)]
    );
    assert!(d.iter().all(|a| a.event_id == t.v1_id && a.target_id == 1));
    assert!(d[0].error.as_deref().unwrap().contains("500"));
    assert_gap(d[1].at_ms - d[0].at_ms, 1);
    assert_gap(d[2].at_ms - d[1].at_ms, 1);
    let got = rx.requests();
    assert_eq!(got.len(), 3);
    assert_gap((got[1].at - got[0].at).as_millis() as u64, 1);
    assert_gap((got[2].at - got[1].at).as_millis() as u64, 1);
    // The same body every time.
    assert!(got.iter().all(|r| r.body == got[0].body));
    sb.shutdown().await;
}

#[tokio::test]
async fn an_unreachable_target_gets_eight_attempts_on_the_fibonacci_schedule() {
    // A port that refuses connections.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let sb = fast_sandbox().await;
    sb.add_webhook(WebhookTarget::new(format!("http://127.0.0.1:{port}/down")))
        .unwrap();
    sb.simulate_transaction(SimulateTransaction::incoming(10_000, "down"))
        .unwrap();
    // 33 scheduled minutes = 1.98 s.
    assert!(wait_until(8, || sb.webhook_deliveries().len() == 8).await);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let d = sb.webhook_deliveries();
    assert_eq!(d.len(), 8);
    assert!(d.iter().all(|a| a.status == 0 && !a.success));
    assert!(
        d[0].error.as_deref().unwrap().contains("connection"),
        "{d:?}"
    );
    for (i, minutes) in [1, 1, 2, 3, 5, 8, 13].into_iter().enumerate() {
        assert_gap(d[i + 1].at_ms - d[i].at_ms, minutes);
    }
    let (_, v) = admin_get(&sb, "/__sandbox/webhooks/deliveries").await;
    assert_eq!(v.as_array().unwrap().len(), 8);
    assert_eq!(v[7]["attempt"], 8);
    assert_eq!(v[7]["status"], 0);
    sb.shutdown().await;
}
