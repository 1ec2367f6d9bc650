#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Auto-pagination against the sandbox: whole histories exactly once, and a
//! clear stop where v1's `since_id` paging would be unsafe.

mod common;

use std::collections::HashSet;

use common::*;
use sepay::userapi::v1::{V1BankAccountListParams, V1TransactionListParams};
use sepay::userapi::v2::{V2BankAccountListParams, V2TransactionListParams};
use sepay::{Amount, Error};
use sepay_sandbox::{SandboxConfig, V1Order};

const N: u64 = 20_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn v1_lists_the_full_history_exactly_once() {
    let sb = sandbox(N).await;
    let client = client(&sb, fast_options());
    let mut it = client
        .v1()
        .transactions()
        .iter(&V1TransactionListParams::default());
    let (mut next_id, mut sum_in, mut sum_out) = (1u64, Amount::ZERO, Amount::ZERO);
    while let Some(t) = it.next().await.unwrap() {
        assert_eq!(t.id, next_id.to_string(), "every id once, in order");
        next_id += 1;
        sum_in = sum_in.checked_add(t.amount_in).unwrap();
        sum_out = sum_out.checked_add(t.amount_out).unwrap();
    }
    assert_eq!(next_id - 1, N);
    let stats = sb.stats();
    assert_eq!(sum_in, stats.total_amount_in.parse().unwrap());
    assert_eq!(sum_out, stats.total_amount_out.parse().unwrap());
    // 4 full pages of 5000 and the empty tail; the counts check the server's
    // order once and the whole walk at the end: P + 3 requests, not 2 P.
    let requests = sb.requests();
    let lists = requests
        .iter()
        .filter(|r| r.path.ends_with("/list"))
        .count();
    let counts = requests
        .iter()
        .filter(|r| r.path.ends_with("/count"))
        .count();
    assert_eq!(lists, 5, "4 pages and the empty tail");
    assert_eq!(counts, 3, "order once (2 counts), the whole walk once");
    assert_eq!(
        it.progress(),
        sepay::Progress {
            items: N,
            total: Some(N)
        }
    );
}

#[tokio::test]
async fn v1_progress_knows_the_total_after_the_first_page() {
    let sb = sandbox(250).await;
    let client = client(&sb, fast_options());
    let params = V1TransactionListParams {
        limit: Some(100),
        ..Default::default()
    };
    let mut it = client.v1().transactions().iter(&params);
    assert_eq!(it.progress().total, None, "nothing asked yet");
    assert_eq!(
        it.total().await.unwrap(),
        Some(250),
        "the first page's count"
    );
    assert_eq!(
        sb.requests().len(),
        3,
        "one list and its two counts, kept for the walk"
    );
    it.next().await.unwrap().unwrap();
    assert_eq!(
        it.progress(),
        sepay::Progress {
            items: 1,
            total: Some(250)
        }
    );
    let mut v2 = client
        .v2()
        .transactions()
        .iter(&V2TransactionListParams::default());
    assert_eq!(
        v2.total().await.unwrap(),
        Some(250),
        "v2's meta.pagination.total"
    );
}

#[tokio::test]
async fn v1_items_skipped_after_the_first_page_end_the_walk_with_an_error() {
    let sb = sandbox_with(SandboxConfig {
        transactions: 250,
        rate_limit: None,
        v1_order: V1Order::AscSkipping,
        ..config()
    })
    .await;
    let client = client(&sb, fast_options());
    let params = V1TransactionListParams {
        limit: Some(100),
        ..Default::default()
    };
    let mut it = client.v1().transactions().iter(&params);
    let mut items = 0;
    let e = loop {
        match it.next().await {
            Ok(Some(_)) => items += 1,
            Ok(None) => panic!("the walk ended without noticing the skipped items"),
            Err(e) => break e,
        }
    };
    // Every item the server gave was handed out before the error.
    assert_eq!(items, 248, "two later pages each left out one item");
    assert!(matches!(e, Error::Pagination { .. }), "{e}");
    assert!(e.to_string().contains("difference of 2"), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn v2_lists_the_full_history_exactly_once() {
    let sb = sandbox(N).await;
    let client = client(&sb, fast_options());
    let mut pages = client
        .v2()
        .transactions()
        .iter(&V2TransactionListParams::default());
    let mut seen = HashSet::new();
    let mut sum_in = Amount::ZERO;
    let mut max_page = 0;
    while let Some(page) = pages.next_page().await.unwrap() {
        max_page = max_page.max(page.len());
        for t in page {
            sum_in = sum_in.checked_add(t.amount_in).unwrap();
            assert!(seen.insert(t.id), "no repeats");
        }
    }
    assert_eq!(seen.len() as u64, N);
    assert_eq!(max_page, 100, "memory bounded by one page of 100");
    assert_eq!(sum_in, sb.stats().total_amount_in.parse().unwrap());
}

#[tokio::test]
async fn bank_accounts_paginate_in_both_versions() {
    let sb = sandbox_with(SandboxConfig {
        bank_accounts: 7,
        rate_limit: None,
        ..config()
    })
    .await;
    let client = client(&sb, fast_options());
    let v1 = client
        .v1()
        .bank_accounts()
        .iter(&V1BankAccountListParams {
            limit: Some(3),
            ..Default::default()
        })
        .collect_all()
        .await
        .unwrap();
    assert_eq!(
        v1.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3", "4", "5", "6", "7"]
    );
    let v2 = client
        .v2()
        .bank_accounts()
        .iter(&V2BankAccountListParams {
            per_page: Some(2),
            ..Default::default()
        })
        .collect_all()
        .await
        .unwrap();
    assert_eq!(v2.len(), 7);
    assert_eq!(v2.iter().map(|a| &a.id).collect::<HashSet<_>>().len(), 7);
}

async fn v1_walk(order: V1Order) -> Result<usize, Error> {
    let sb = sandbox_with(SandboxConfig {
        transactions: 250,
        rate_limit: None,
        v1_order: order,
        ..config()
    })
    .await;
    let client = client(&sb, fast_options());
    let params = V1TransactionListParams {
        limit: Some(100),
        ..Default::default()
    };
    client
        .v1()
        .transactions()
        .iter(&params)
        .collect_all()
        .await
        .map(|v| v.len())
}

#[tokio::test]
async fn v1_newest_first_pages_stop_with_a_clear_error() {
    let e = v1_walk(V1Order::Desc).await.unwrap_err();
    assert!(matches!(e, Error::Pagination { .. }), "{e}");
    assert!(e.to_string().contains("newest-first"), "{e}");
}

#[tokio::test]
async fn v1_windows_of_newest_items_are_detected_by_counting() {
    let e = v1_walk(V1Order::NewestAsc).await.unwrap_err();
    assert!(matches!(e, Error::Pagination { .. }), "{e}");
    assert!(e.to_string().contains("skip 150 items"), "{e}");
}

#[tokio::test]
async fn v1_ascending_pages_walk_completely() {
    assert_eq!(v1_walk(V1Order::Asc).await.unwrap(), 250);
}

#[tokio::test]
async fn a_stream_yields_every_item() {
    use futures::StreamExt;
    let sb = sandbox(120).await;
    let client = client(&sb, fast_options());
    let params = V2TransactionListParams {
        per_page: Some(50),
        ..Default::default()
    };
    let items: Vec<_> = client
        .v2()
        .transactions()
        .iter(&params)
        .into_stream()
        .collect()
        .await;
    assert_eq!(items.len(), 120);
    assert!(items.iter().all(|r| r.is_ok()));
}
