//! `Retry-After`, `x-sepay-userapi-retry-after` and `X-RateLimit-*`: any set of
//! headers (repeated, in any case, with any value) reads as a finite,
//! non-negative number of seconds or as nothing, and the errors and the client
//! built on them never panic (a 429 pauses the limiter for what it read).
//!
//! Input: `[status][flags]` then `flags % 8` headers (a name byte, a length
//! byte, the value), then the body.
#![no_main]

use std::sync::Arc;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::http::HttpResponse;
use sepay::operation::Operation;
use sepay::userapi::{v1, v2};
use sepay::{Client, Environment};
use sepay_fuzz::{
    block_on, byte, check, check_error, check_rate_headers, options, pick, short_text, Scripted,
    RATE_HEADERS,
};

const NAMES: &[&str] = &[
    "retry-after",
    "Retry-After",
    "RETRY-AFTER",
    "x-sepay-userapi-retry-after",
    "X-SePay-UserAPI-Retry-After",
    "x-ratelimit-reset",
    "X-RateLimit-Reset",
    "x-ratelimit-remaining",
    "X-RateLimit-Remaining",
    "x-ratelimit-limit",
    "content-type",
];

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let status = *pick(&mut u, &[429u16, 200, 503, 500, 401]);
    let flags = byte(&mut u);
    let mut headers = Vec::new();
    for _ in 0..flags % 8 {
        let name = pick(&mut u, NAMES).to_string();
        headers.push((name, short_text(&mut u)));
    }
    let r = HttpResponse {
        status,
        headers,
        body: u.take_rest().to_vec().into(),
    };
    check_rate_headers(&r);
    for name in RATE_HEADERS {
        // The first header of that name, whatever its case, is the one read.
        let first = r
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str());
        assert_eq!(r.header(name), first);
    }
    check_error(&v1::ListTransactions::list(Default::default()).error(&r));
    check_error(&v2::ListTransactions::list(Default::default()).error(&r));
    if flags & 0x80 != 0 {
        let client = Client::builder()
            .environment(Environment::Live)
            .options(options())
            .token("fuzz-api-token")
            .transport(Arc::new(Scripted::new(None, r)))
            .build()
            .expect("a valid fuzz client");
        block_on(async {
            check(
                &client
                    .execute(&v2::ListTransactions::list(Default::default()))
                    .await,
            )
        });
    }
});
