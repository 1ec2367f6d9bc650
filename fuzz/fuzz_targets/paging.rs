//! Every walk ends: each paginator (v1 since-id, v2,
//! OAuth2, Bank Hub, payment gateway) walks a scripted server whose last
//! answer repeats forever, and stops — with the items, or a typed error —
//! within `ClientOptions::max_pages` requests; once done it stays done.
//!
//! Input: `[paginator][max pages][answers]`, then `answers - 1` responses as
//! `[status][json?][length: 2 bytes] body`, then the last (repeated) one as
//! `[status][headers] body…` (see `sepay_fuzz::response`).
#![no_main]

use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::operation::Surface;
use sepay::paging::{PageSource, Paginator};
use sepay::{Client, ClientOptions, Environment};
use sepay_fuzz::{
    block_on, byte, check_error, options, response, response_with_length, without_rate_headers,
    OneToken, Scripted,
};

/// Walks to the end; returns how many pages it yielded.
async fn walk<S: PageSource>(mut p: Paginator<S>) -> usize
where
    S::Item: Debug,
{
    let mut pages = 0;
    loop {
        match p.next_page().await {
            Ok(Some(page)) => {
                let _ = format!("{page:?}");
                pages += 1;
                assert!(pages <= 1_000, "a walk that does not end");
            }
            Ok(None) => {
                // Done is done: no further request, no further page.
                assert!(matches!(p.next_page().await, Ok(None)));
                return pages;
            }
            Err(e) => {
                check_error(&e);
                return pages;
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let which = byte(&mut u) % 8;
    let cap = 1 + u32::from(byte(&mut u) % 16);
    let answers = 1 + usize::from(byte(&mut u) % 8);
    let first: Vec<_> = (1..answers).map(|_| response_with_length(&mut u)).collect();
    // Rate-limit pauses would make the next page wait in real time.
    let last = without_rate_headers(response(&mut u));
    let first: Vec<_> = first.into_iter().map(without_rate_headers).collect();
    let transport = Arc::new(Scripted::new(first, last));
    let client = Client::builder()
        .environment(Environment::Live)
        .options(ClientOptions {
            max_pages: cap,
            ..options()
        })
        .token("fuzz-api-token")
        .payment_gateway("SP-TEST-FUZZ", "spsk_fuzz_secret")
        .token_provider(
            Surface::OAuth2Api,
            Box::new(OneToken),
            Duration::from_secs(60),
        )
        .token_provider(
            Surface::BankHub,
            Box::new(OneToken),
            Duration::from_secs(60),
        )
        .transport(transport.clone())
        .build()
        .expect("a valid fuzz client");
    let pages = block_on(async {
        match which {
            0 => walk(client.v1().transactions().iter(&Default::default())).await,
            1 => walk(client.v1().bank_accounts().iter(&Default::default())).await,
            2 => walk(client.v2().transactions().iter(&Default::default())).await,
            3 => walk(client.v2().bank_accounts().iter(&Default::default())).await,
            4 => walk(client.oauth().transactions().iter(&Default::default())).await,
            5 => walk(client.bank_hub().companies().iter(&Default::default())).await,
            6 => walk(client.bank_hub().transactions().iter(&Default::default())).await,
            _ => walk(client.pg().orders().iter(&Default::default())).await,
        }
    });
    let requests = transport.requests();
    assert!(
        requests <= cap as usize,
        "{requests} requests with max_pages {cap}"
    );
    assert!(pages <= requests, "{pages} pages from {requests} requests");
});
