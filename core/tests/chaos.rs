#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Chaos: a whole history exported through a sandbox that fails
//! about one request in five (500/503, 429 bursts, dropped connections,
//! truncated bodies, slow answers): every id exactly once, exact sums, no
//! hang. `SEPAY_CHAOS_TRANSACTIONS` sets the size (20,000 in the test
//! command; 100,000 is the benchmark in docs/benchmarks.md).

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use common::*;
use sepay::userapi::v2::V2TransactionListParams;
use sepay::{Amount, ClientOptions, RetryPolicy};
use sepay_sandbox::{FaultConfig, SandboxConfig};

/// About 20% of requests fail, in every way the sandbox knows.
fn chaos_faults() -> FaultConfig {
    FaultConfig {
        error_500: 0.04,
        error_503: 0.04,
        burst_429: 0.02,
        burst_length: 2,
        slow: 0.03,
        slow_ms: 300,
        truncate: 0.04,
        drop: 0.04,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_history_survives_twenty_percent_faults() {
    let size: u64 = std::env::var("SEPAY_CHAOS_TRANSACTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let sb = sandbox_with(SandboxConfig {
        transactions: size,
        rate_limit: None,
        faults: chaos_faults(),
        ..config()
    })
    .await;
    let client = client(
        &sb,
        ClientOptions {
            requests_per_second: None,
            timeout: Duration::from_millis(1500),
            retry: RetryPolicy {
                max_attempts: 12,
                max_elapsed: Duration::from_secs(60),
                initial_backoff: Duration::from_millis(5),
                max_backoff: Duration::from_millis(50),
            },
            ..ClientOptions::default()
        },
    );
    let started = Instant::now();
    let mut walk = client
        .v2()
        .transactions()
        .iter(&V2TransactionListParams::default());
    let (mut ids, mut total_in, mut total_out) = (HashSet::new(), Amount::ZERO, Amount::ZERO);
    while let Some(tx) = walk.next().await.unwrap() {
        assert!(ids.insert(tx.id.clone()), "{} twice", tx.id);
        total_in = total_in.checked_add(tx.amount_in).unwrap();
        total_out = total_out.checked_add(tx.amount_out).unwrap();
    }
    let stats = sb.stats();
    assert_eq!(ids.len() as u64, stats.transactions);
    assert_eq!(total_in, stats.total_amount_in.parse::<Amount>().unwrap());
    assert_eq!(total_out, stats.total_amount_out.parse::<Amount>().unwrap());
    let log = sb.requests();
    let faulted = log.iter().filter(|r| r.fault.is_some()).count();
    assert!(
        faulted * 10 >= log.len(),
        "faults were injected: {faulted} of {}",
        log.len()
    );
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "no hang: {:?}",
        started.elapsed()
    );
    eprintln!(
        "chaos: {} transactions, {} requests ({faulted} faulted) in {:?}",
        ids.len(),
        log.len(),
        started.elapsed()
    );
}
