//! Helpers shared by the fuzz targets: reading choices from fuzz bytes, an
//! `HttpResponse` built from them, a client whose transport answers with fuzz
//! responses (for the OAuth2 and Bank Hub decoders, reachable only through
//! the client), and the checks every target applies to a result.
//!
//! Input layout of the response decoders: `[operation][status][headers] body…`
//! — three fixed bytes, then the body, so `scripts/fuzz.sh` seeds a corpus by
//! putting three bytes in front of a fixture.

use std::collections::VecDeque;
use std::fmt::Debug;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arbitrary::{Arbitrary, Unstructured};
use sepay::auth::{AccessToken, TokenProvider};
use sepay::http::{HttpRequest, HttpResponse, Transport, TransportError};
use sepay::operation::{Operation, Surface};
use sepay::{BaseUrls, Client, ClientOptions, Environment, Error, RetryPolicy};

/// The "now" of every target that needs one (Unix seconds, November 2023).
pub const NOW: i64 = 1_700_000_000;

/// Statuses a server may answer with: index 0 is 200, so a zero byte means
/// success; the rest cover every class SePay uses plus nonsense.
pub const STATUSES: &[u16] = &[
    200, 201, 204, 400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503, 504, 0, 1, 99, 100, 199,
    202, 206, 299, 300, 302, 304, 499, 599, 600, 999, 65535,
];

/// Values for `Retry-After` and friends (index 0: header absent).
pub const SECONDS: &[&str] = &[
    "",
    "1",
    "0",
    "2.5",
    "-1",
    "NaN",
    "1e400",
    "Wed, 21 Oct 2015 07:28:00 GMT",
];

/// The names the client reads rate-limit information from.
pub const RATE_HEADERS: &[&str] = &[
    "retry-after",
    "x-sepay-userapi-retry-after",
    "x-ratelimit-reset",
    "x-ratelimit-remaining",
    "x-ratelimit-limit",
];

/// One byte (0 when the input is used up).
pub fn byte(u: &mut Unstructured) -> u8 {
    u8::arbitrary(u).unwrap_or(0)
}

/// One of `items`, chosen by one byte.
pub fn pick<'a, T>(u: &mut Unstructured, items: &'a [T]) -> &'a T {
    &items[usize::from(byte(u)) % items.len()]
}

/// A short string: one length byte (mod 64), then that many bytes, lossily UTF-8.
pub fn short_text(u: &mut Unstructured) -> String {
    let n = (usize::from(byte(u)) % 64).min(u.len());
    let bytes = u.bytes(n).unwrap_or(&[]);
    String::from_utf8_lossy(bytes).into_owned()
}

/// Everything not read yet.
pub fn rest<'a>(u: &mut Unstructured<'a>) -> &'a [u8] {
    let n = u.len();
    u.bytes(n).unwrap_or(&[])
}

/// `[status][headers]` then the rest as the body.
///
/// The header byte: bits 0–1 the content type (JSON, none, HTML, JSON with a
/// charset), bits 2–4 a `SECONDS` value, bit 5 sends it as `Retry-After`,
/// bit 6 as `x-sepay-userapi-retry-after`, bit 7 as `X-RateLimit-Reset` with
/// `X-RateLimit-Remaining: 0`.
pub fn response(u: &mut Unstructured) -> HttpResponse {
    let status = *pick(u, STATUSES);
    let h = byte(u);
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut add = |n: &str, v: &str| headers.push((n.to_string(), v.to_string()));
    match h & 3 {
        0 => add("content-type", "application/json"),
        1 => {}
        2 => add("content-type", "text/html; charset=utf-8"),
        _ => add("Content-Type", "application/json; charset=UTF-8"),
    }
    let seconds = SECONDS[usize::from((h >> 2) & 7)];
    if !seconds.is_empty() {
        if h & 0x20 != 0 {
            add("Retry-After", seconds);
        }
        if h & 0x40 != 0 {
            add("x-sepay-userapi-retry-after", seconds);
        }
        if h & 0x80 != 0 {
            add("x-ratelimit-remaining", "0");
            add("X-RateLimit-Reset", seconds);
        }
    }
    HttpResponse {
        status,
        headers,
        body: rest(u).to_vec().into(),
    }
}

/// `[status][headers][length: 2 bytes, big-endian]` then that many body bytes
/// (or what is left): one response of a sequence.
pub fn response_with_length(u: &mut Unstructured) -> HttpResponse {
    let status = *pick(u, STATUSES);
    let json = byte(u) & 1 == 0;
    let len = usize::from(u16::from_be_bytes([byte(u), byte(u)])).min(u.len());
    HttpResponse {
        status,
        headers: json
            .then(|| ("content-type".to_string(), "application/json".to_string()))
            .into_iter()
            .collect(),
        body: u.bytes(len).unwrap_or(&[]).to_vec().into(),
    }
}

/// The public rate-limit readers: whatever the header says, a number of
/// seconds is finite and not negative.
pub fn check_rate_headers(response: &HttpResponse) {
    for name in RATE_HEADERS {
        if let Some(s) = response.header_seconds(name) {
            assert!(s.is_finite() && s >= 0.0, "{name}: {s}");
        }
    }
}

/// Everything a caller may do with an error: none of it may panic.
pub fn check_error(e: &Error) {
    let text = e.to_string();
    assert!(!text.is_empty());
    let _ = format!("{e:?}");
    assert!(!e.kind().is_empty());
    let _ = (e.status(), e.code(), e.operation(), e.field_errors().len());
    if let Some(d) = e.retry_after() {
        let _ = d.as_secs_f64();
    }
}

/// A result's value and error are printable; errors pass [`check_error`].
pub fn check<T: Debug>(result: &sepay::Result<T>) {
    match result {
        Ok(v) => {
            let _ = format!("{v:?}");
        }
        Err(e) => check_error(e),
    }
}

/// Decodes `response` as every answer `op` may get: `decode` (final answers)
/// and `error` (what the client reports for 429 and 5xx).
pub fn decode_and_error<O: Operation>(op: &O, response: &HttpResponse)
where
    O::Output: Debug,
{
    check(&op.decode(response));
    check_error(&op.error(response));
}

/// A transport that answers each request with the next scripted response, and
/// with the last one once the script runs out (a server that repeats itself).
/// It never touches the network, and counts the requests it was sent.
#[derive(Debug)]
pub struct Scripted {
    answers: Mutex<VecDeque<HttpResponse>>,
    last: HttpResponse,
    requests: AtomicUsize,
}

impl Scripted {
    /// Answers `first` (in order) and then always `then`.
    pub fn new(first: impl IntoIterator<Item = HttpResponse>, then: HttpResponse) -> Self {
        Scripted {
            answers: Mutex::new(first.into_iter().collect()),
            last: then,
            requests: AtomicUsize::new(0),
        }
    }

    /// How many requests were sent so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }
}

#[async_trait::async_trait]
impl Transport for Scripted {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let _ = format!("{request:?}");
        self.requests.fetch_add(1, Ordering::Relaxed);
        let next = self.answers.lock().unwrap().pop_front();
        Ok(next.unwrap_or_else(|| self.last.clone()))
    }
}

/// Hands out one bearer token and refuses to renew it, so a 401 ends the call
/// instead of sending it again (a second send could wait out a rate-limit
/// pause that the first answer asked for).
#[derive(Debug)]
pub struct OneToken;

#[async_trait::async_trait]
impl TokenProvider for OneToken {
    async fn fetch(
        &self,
        _sender: &dyn sepay::operation::Sender,
        stale: Option<&AccessToken>,
    ) -> sepay::Result<AccessToken> {
        match stale {
            None => Ok(AccessToken {
                token: "fuzz-access-token".into(),
                expires_at: None,
            }),
            Some(_) => Err(Error::Configuration {
                message: "fuzz: no renewal".into(),
            }),
        }
    }

    fn identity(&self) -> String {
        "fuzz".into()
    }
}

/// Client options for fuzzing: no spacing between calls, no retries.
pub fn options() -> ClientOptions {
    ClientOptions {
        requests_per_second: None,
        retry: RetryPolicy::none(),
        timeout: Duration::from_secs(5),
        ..ClientOptions::default()
    }
}

/// A client whose `surface` (OAuth2 API or Bank Hub) uses [`OneToken`] and
/// whose transport answers with `response`.
pub fn client_for(surface: Surface, response: HttpResponse) -> Client {
    Client::builder()
        .environment(Environment::Live)
        .options(options())
        .token_provider(surface, Box::new(OneToken), Duration::from_secs(60))
        .transport(Arc::new(Scripted::new(None, response)))
        .build()
        .expect("a valid fuzz client")
}

/// The base URLs the fuzz clients use (no request ever leaves the process).
pub fn urls() -> BaseUrls {
    BaseUrls::for_environment(Environment::Live)
}

thread_local! {
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");
}

/// Runs a future to completion on this thread's runtime.
pub fn block_on<F: Future>(future: F) -> F::Output {
    RUNTIME.with(|rt| rt.block_on(future))
}

/// Drops the rate-limit headers (used where a pause would make the next call
/// of the same input wait in real time).
pub fn without_rate_headers(mut response: HttpResponse) -> HttpResponse {
    response
        .headers
        .retain(|(n, _)| !RATE_HEADERS.iter().any(|r| n.eq_ignore_ascii_case(r)));
    response
}
