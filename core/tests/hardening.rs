#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Tried as an attacker and as a broken SePay would: signed bodies
//! mean one event, secrets are never empty or printed, dedup marks an event
//! done only when handled, ids cannot change paths, calls keep their time
//! budget, walks end, tokens survive failing stores and cancelled callers.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sepay::http::{HttpRequest, HttpResponse, Transport, TransportError};
use sepay::oauth::{MemoryTokenStore, OAuthConfig, OAuthTokens, TokenRequest, TokenStore};
use sepay::userapi::v2::V2TransactionListParams;
use sepay::webhook::{
    hmac_signature, BodyEncoding, Claim, DedupStore, Delivery, MemoryDedup, WebhookAuth,
    WebhookReceiver, WebhookTokenIssuer,
};
use sepay::{BaseUrls, Client, ClientOptions, Environment, Error, RetryPolicy, SecretString};

const NOW: i64 = 1_800_000_000;
const EVENT: &str = r#"{"id":7,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}"#;

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

// ---- 1. A verified notification means only what was signed ----

#[test]
fn signed_bytes_give_one_event_under_every_content_type() {
    let receiver = WebhookReceiver::new(WebhookAuth::hmac("whsec_1")).unwrap();
    let sig = hmac_signature("whsec_1", NOW, EVENT.as_bytes());
    let ts = NOW.to_string();
    let mut seen = Vec::new();
    for ct in [
        Some("application/json"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("text/plain"),
        None,
    ] {
        let mut h = headers(&[("X-SePay-Signature", &sig), ("X-SePay-Timestamp", &ts)]);
        if let Some(ct) = ct {
            h.push(("Content-Type".into(), ct.into()));
        }
        // The query string and other headers are not inputs at all; a fresh
        // receiver each time so dedup does not hide a difference.
        let fresh = WebhookReceiver::new(WebhookAuth::hmac("whsec_1")).unwrap();
        seen.push(
            fresh
                .receive("POST", &h, EVENT.as_bytes(), NOW)
                .unwrap()
                .event,
        );
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    assert_eq!(seen[0].id, "7");
    // A form encoding is refused for signed modes.
    assert!(matches!(
        receiver.with_encoding(BodyEncoding::FormUrlEncoded),
        Err(Error::Configuration { .. })
    ));
}

#[test]
fn a_receiver_reads_only_the_encoding_it_was_configured_for() {
    let form = "id=9&gateway=ACB&transactionDate=2026-01-01+10%3A00%3A00&accountNumber=1&content=x&transferType=in&transferAmount=5000&referenceCode=r&description=";
    let h = headers(&[
        ("Authorization", "Apikey k3y"),
        ("Content-Type", "application/json"),
    ]);
    let json_receiver = WebhookReceiver::new(WebhookAuth::ApiKey("k3y".into())).unwrap();
    assert!(matches!(
        json_receiver.receive("POST", &h, form.as_bytes(), NOW),
        Err(Error::Decode { .. })
    ));
    let form_receiver = WebhookReceiver::new(WebhookAuth::ApiKey("k3y".into()))
        .unwrap()
        .with_encoding(BodyEncoding::FormUrlEncoded)
        .unwrap();
    let got = form_receiver
        .receive("POST", &h, form.as_bytes(), NOW)
        .unwrap();
    assert_eq!(got.event.id, "9");
    assert!(form_receiver
        .receive("POST", &h, EVENT.as_bytes(), NOW)
        .is_err());
}

#[test]
fn multipart_fields_are_utf8_text_or_a_decode_error_never_replaced() {
    let receiver = WebhookReceiver::new(WebhookAuth::ApiKey("k3y".into()))
        .unwrap()
        .with_encoding(BodyEncoding::Multipart)
        .unwrap();
    let h = headers(&[
        ("Authorization", "Apikey k3y"),
        ("Content-Type", "multipart/form-data; boundary=XyZ"),
    ]);
    let body = |content: &[u8]| {
        let mut b = Vec::new();
        for (name, value) in [
            ("id", &b"11"[..]),
            ("gateway", b"ACB"),
            ("transactionDate", b"2026-01-01 10:00:00"),
            ("accountNumber", b"1"),
            ("content", content),
            ("transferType", b"in"),
            ("transferAmount", b"5000"),
            ("referenceCode", b"r"),
        ] {
            b.extend_from_slice(
                format!("--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                    .as_bytes(),
            );
            b.extend_from_slice(value);
            b.extend_from_slice(b"\r\n");
        }
        b.extend_from_slice(b"--XyZ--\r\n");
        b
    };
    let memo = "Nguyễn Văn Ánh chuyển tiền DH9";
    let got = receiver
        .receive("POST", &h, &body(memo.as_bytes()), NOW)
        .unwrap();
    assert_eq!(got.event.content, memo);
    // Latin-1 bytes are not silently turned into U+FFFD.
    let err = receiver
        .receive("POST", &h, &body(b"Nguy\xe9n"), NOW)
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains("not UTF-8"), "{err}");
}

// ---- 2. No empty secret ----

#[test]
fn blank_secrets_are_refused_when_built() {
    for blank in ["", "  ", "\t\n"] {
        for auth in [
            WebhookAuth::hmac(blank),
            WebhookAuth::ApiKey(blank.into()),
            WebhookAuth::SecretKey(blank.into()),
        ] {
            assert!(
                matches!(WebhookReceiver::new(auth), Err(Error::Configuration { .. })),
                "{blank:?}"
            );
        }
        assert!(WebhookTokenIssuer::new("id", blank, Duration::from_secs(60)).is_err());
        assert!(WebhookTokenIssuer::new(blank, "secret", Duration::from_secs(60)).is_err());
        let base = || Client::builder().environment(Environment::Live);
        let refused = [
            base().token(blank).build(),
            base().payment_gateway("SP-1", blank).build(),
            base().payment_gateway(blank, "secret").build(),
            base().bank_hub("client", blank).build(),
            base().bank_hub(blank, "secret").build(),
            base()
                .oauth(
                    OAuthConfig {
                        client_id: "app".into(),
                        client_secret: blank.into(),
                        redirect_uri: "https://app.example/cb".into(),
                    },
                    Arc::new(MemoryTokenStore::default()),
                )
                .build(),
        ];
        for r in refused {
            assert!(matches!(r, Err(Error::Configuration { .. })), "{blank:?}");
        }
    }
}

// ---- 3. Dedup marks an event done only when handled ----

fn signed(secret: &str) -> Vec<(String, String)> {
    let sig = hmac_signature(secret, NOW, EVENT.as_bytes());
    headers(&[
        ("X-SePay-Signature", &sig),
        ("X-SePay-Timestamp", &NOW.to_string()),
    ])
}

#[test]
fn an_event_is_done_only_after_complete() {
    let r = WebhookReceiver::new(WebhookAuth::hmac("s")).unwrap();
    let first = r
        .receive("POST", &signed("s"), EVENT.as_bytes(), NOW)
        .unwrap();
    assert_eq!(first.delivery, Delivery::New);
    let during = r
        .receive("POST", &signed("s"), EVENT.as_bytes(), NOW)
        .unwrap();
    assert_eq!(during.delivery, Delivery::InProgress);
    assert!(during.duplicate);
    assert_eq!(
        during.reply.status, 503,
        "SePay must retry later, not count success"
    );
    // The handler failed: release, and SePay's retry is processed again.
    r.release(&first.key).unwrap();
    let retry = r
        .receive("POST", &signed("s"), EVENT.as_bytes(), NOW)
        .unwrap();
    assert_eq!(retry.delivery, Delivery::New);
    r.complete(&retry.key).unwrap();
    let dup = r
        .receive("POST", &signed("s"), EVENT.as_bytes(), NOW)
        .unwrap();
    assert_eq!(dup.delivery, Delivery::Duplicate);
    assert_eq!(
        (dup.reply.status, dup.reply.body),
        (200, r#"{"success":true}"#)
    );
}

#[test]
fn a_claim_of_a_process_that_died_expires() {
    let r = WebhookReceiver::new(WebhookAuth::hmac("s"))
        .unwrap()
        .with_lease(Duration::from_secs(1))
        .unwrap();
    let first = r
        .receive("POST", &signed("s"), EVENT.as_bytes(), NOW)
        .unwrap();
    assert_eq!(first.delivery, Delivery::New);
    std::thread::sleep(Duration::from_millis(1100));
    let after = r
        .receive("POST", &signed("s"), EVENT.as_bytes(), NOW)
        .unwrap();
    assert_eq!(after.delivery, Delivery::New, "the lease ran out");
}

#[derive(Default)]
struct BrokenStore;

impl DedupStore for BrokenStore {
    fn claim(&self, _: &str, _: Duration) -> sepay::Result<Claim> {
        Err(Error::store("dedup.claim", "database is down"))
    }
    fn complete(&self, _: &str) -> sepay::Result<()> {
        Err(Error::store("dedup.complete", "database is down"))
    }
    fn release(&self, _: &str) -> sepay::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_store_is_a_typed_error_and_a_retry_reply() {
    let r = WebhookReceiver::with_store(WebhookAuth::hmac("s"), Arc::new(BrokenStore)).unwrap();
    let e = r
        .receive("POST", &signed("s"), EVENT.as_bytes(), NOW)
        .unwrap_err();
    assert!(matches!(e, Error::Store { .. }), "{e}");
    assert_eq!(WebhookReceiver::error_reply(&e).status, 503);
    assert!(matches!(r.complete("tx:7"), Err(Error::Store { .. })));
    // The memory store honours the same contract.
    let m = MemoryDedup::default();
    assert_eq!(m.claim("k", Duration::from_secs(5)).unwrap(), Claim::New);
}

// ---- 12. Replays of PG IPN and Bank Hub events ----

#[test]
fn old_pg_ipn_and_bank_hub_events_are_refused() {
    let r = WebhookReceiver::new(WebhookAuth::SecretKey("spsk".into())).unwrap();
    let h = headers(&[("X-Secret-Key", "spsk")]);
    let ipn = |ts: i64| {
        format!(
            r#"{{"timestamp":{ts},"notification_type":"ORDER_PAID","order":{{"id":"1","order_id":"o","order_status":"CAPTURED","order_currency":"VND","order_amount":"1000","order_invoice_number":"INV-1","order_description":"d"}},"transaction":{{"id":"t1","payment_method":"BANK_TRANSFER","transaction_type":"PAYMENT","transaction_status":"APPROVED","transaction_amount":"1000","transaction_currency":"VND"}}}}"#
        )
    };
    r.receive_pg_ipn("POST", &h, ipn(NOW - 60).as_bytes(), NOW)
        .unwrap();
    let e = r
        .receive_pg_ipn("POST", &h, ipn(NOW - 7 * 3600).as_bytes(), NOW)
        .unwrap_err();
    assert!(matches!(e, Error::WebhookVerification { .. }), "{e}");
    let event = |ts: i64| {
        format!(
            r#"{{"timestamp":{ts},"xid":"ev-1","version":"1","event":"BANK_ACCOUNT_LINKED","metadata":{{}}}}"#
        )
    };
    let e = r
        .receive_bankhub_event("POST", &h, event(NOW - 7 * 3600).as_bytes(), NOW)
        .unwrap_err();
    assert!(matches!(e, Error::WebhookVerification { .. }), "{e}");
}

// ---- A scripted SePay for the client-side properties ----

type Script = dyn Fn(&HttpRequest, u32) -> HttpResponse + Send + Sync;

struct Scripted {
    calls: AtomicU32,
    script: Box<Script>,
    delay: Duration,
}

impl std::fmt::Debug for Scripted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scripted")
    }
}

#[async_trait::async_trait]
impl Transport for Scripted {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        tokio::time::sleep(self.delay).await;
        Ok((self.script)(&request, n))
    }
}

fn scripted(
    delay: Duration,
    script: impl Fn(&HttpRequest, u32) -> HttpResponse + Send + Sync + 'static,
) -> Arc<Scripted> {
    Arc::new(Scripted {
        calls: AtomicU32::new(0),
        script: Box::new(script),
        delay,
    })
}

fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.as_bytes().to_vec().into(),
    }
}

fn client_over(transport: Arc<Scripted>, options: ClientOptions) -> Client {
    Client::builder()
        .token("TOKEN")
        .payment_gateway("SP-TEST", "spsk")
        .bank_hub("bh-client", "bh-secret")
        .base_urls(BaseUrls::emulator("http://127.0.0.1:9").unwrap())
        .transport(transport)
        .options(options)
        .build()
        .unwrap()
}

fn quick(max_elapsed: Duration) -> ClientOptions {
    ClientOptions {
        requests_per_second: None,
        retry: RetryPolicy {
            max_attempts: 6,
            max_elapsed,
            initial_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_millis(200),
        },
        ..ClientOptions::default()
    }
}

const PAGE_JSON: &str = r#"{"status":"success","data":[{"id":"TX-1","transaction_date":"2026-01-01 10:00:00","account_number":"1","va":"","transfer_type":"in","amount_in":1000,"amount_out":0,"accumulated":0,"transaction_content":"x","reference_number":"r","code":null,"bank_brand_name":"ACB","bank_account_id":"b1","va_id":null,"webhook_success":1}],"meta":{"pagination":{"total":99,"per_page":1,"current_page":1,"last_page":99,"has_more":true}}}"#;

// ---- 6. Path arguments cannot change the path ----

#[tokio::test]
async fn ids_that_would_change_the_path_are_refused_before_sending() {
    let t = scripted(Duration::ZERO, |_, _| answer(500, &[], ""));
    let c = client_over(t.clone(), quick(Duration::from_secs(5)));
    for bad in [
        "..", ".", "a/b", "a?b", "a#b", "%2e%2e", "a b", "a\nb", "a\\b", "",
    ] {
        let results: Vec<sepay::Result<()>> = vec![
            c.v1().transactions().get(bad).await.map(drop),
            c.v1().bank_accounts().get(bad).await.map(drop),
            c.v2().transactions().get(bad).await.map(drop),
            c.v2().bank_accounts().get(bad).await.map(drop),
            c.v2().virtual_accounts().get(bad, "va").await.map(drop),
            c.v2().virtual_accounts().get("1", bad).await.map(drop),
            c.v2().orders().get(bad, "o").await.map(drop),
            c.v2().orders().cancel("1", bad).await,
            c.pg().orders().get(bad).await.map(drop),
            c.bank_hub().companies().get(bad).await.map(drop),
            c.bank_hub().bank_accounts().get(bad).await.map(drop),
            c.bank_hub().transactions().get(bad).await.map(drop),
        ];
        for (i, r) in results.into_iter().enumerate() {
            assert!(
                matches!(r, Err(Error::Validation { status: None, .. })),
                "call {i} with {bad:?}: {r:?}"
            );
        }
    }
    assert_eq!(t.calls.load(Ordering::SeqCst), 0, "nothing was sent");
}

// ---- 7. A call never outlives its time budget ----

#[tokio::test]
async fn a_retry_after_beyond_the_budget_ends_the_call_at_once() {
    let t = scripted(Duration::ZERO, |_, _| {
        answer(
            429,
            &[("Retry-After", "30")],
            r#"{"status":"error","message":"Too many requests","error_code":"rate_limited"}"#,
        )
    });
    let c = client_over(t.clone(), quick(Duration::from_secs(2)));
    let started = Instant::now();
    let e = c
        .v2()
        .transactions()
        .list(&V2TransactionListParams::default())
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(e, Error::RateLimited { .. }), "{e}");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(t.calls.load(Ordering::SeqCst), 1);
    // The pause holds v2 back (within the budget the call ends at once) ...
    let started = Instant::now();
    let e = c
        .v2()
        .transactions()
        .list(&V2TransactionListParams::default())
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::RateLimited { retry_after: Some(d), .. } if d > Duration::from_secs(25)),
        "{e}"
    );
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(t.calls.load(Ordering::SeqCst), 1, "not sent while paused");
    // ... but not an unrelated surface.
    let _ = c.pg().orders().get("INV-1").await;
    assert_eq!(
        t.calls.load(Ordering::SeqCst),
        2,
        "pg was not paused by v2's 429"
    );
}

#[tokio::test]
async fn retry_after_zero_is_not_a_hot_loop() {
    let t = scripted(Duration::ZERO, |_, _| {
        answer(
            429,
            &[("Retry-After", "0")],
            r#"{"status":"error","message":"slow down"}"#,
        )
    });
    let c = client_over(t.clone(), quick(Duration::from_secs(3)));
    let started = Instant::now();
    let e = c
        .v2()
        .transactions()
        .list(&V2TransactionListParams::default())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::RateLimited { .. }), "{e}");
    // Six attempts with backoffs of at least 25, 50, 100, 100, 100 ms.
    assert_eq!(t.calls.load(Ordering::SeqCst), 6);
    assert!(
        started.elapsed() >= Duration::from_millis(350),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn slow_answers_never_outlast_max_elapsed() {
    let t = scripted(Duration::from_secs(5), |_, _| answer(200, &[], PAGE_JSON));
    let options = ClientOptions {
        timeout: Duration::from_secs(30),
        ..quick(Duration::from_millis(800))
    };
    let c = client_over(t, options);
    let started = Instant::now();
    let e = c
        .v2()
        .transactions()
        .list(&V2TransactionListParams::default())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Timeout { .. }), "{e}");
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
}

// ---- 8. Every walk ends ----

/// The `page` query parameter of a request.
fn page_of(r: &HttpRequest) -> String {
    r.url
        .query_pairs()
        .find(|(k, _)| k == "page")
        .map(|(_, v)| v.to_string())
        .unwrap_or_default()
}

async fn walk(t: Arc<Scripted>, options: ClientOptions) -> (usize, Option<Error>) {
    let c = client_over(t, options);
    let mut it = c
        .v2()
        .transactions()
        .iter(&V2TransactionListParams::default());
    let mut n = 0;
    loop {
        match it.next().await {
            Ok(Some(_)) => n += 1,
            Ok(None) => return (n, None),
            Err(e) => return (n, Some(e)),
        }
    }
}

#[tokio::test]
async fn a_server_that_repeats_a_page_or_its_number_is_caught() {
    // Same page, same number, "more" forever.
    let t = scripted(Duration::ZERO, |_, _| answer(200, &[], PAGE_JSON));
    let (n, e) = walk(t.clone(), quick(Duration::from_secs(5))).await;
    assert_eq!(n, 1);
    assert!(matches!(e, Some(Error::Pagination { .. })), "{e:?}");
    assert_eq!(t.calls.load(Ordering::SeqCst), 2);
    // The right page numbers, but the same items again.
    let t = scripted(Duration::ZERO, |r, _| {
        let page = page_of(r);
        answer(
            200,
            &[],
            &PAGE_JSON.replace(r#""current_page":1"#, &format!(r#""current_page":{page}"#)),
        )
    });
    let (n, e) = walk(t, quick(Duration::from_secs(5))).await;
    assert_eq!(n, 1);
    let e = e.expect("ends");
    assert!(e.to_string().contains("repeats"), "{e}");
}

#[tokio::test]
async fn a_page_cap_ends_an_endless_walk() {
    // Every page is new, and there is always "more".
    let t = scripted(Duration::ZERO, |r, _| {
        let page = page_of(r);
        answer(
            200,
            &[],
            &PAGE_JSON
                .replace(r#""current_page":1"#, &format!(r#""current_page":{page}"#))
                .replace("TX-1", &format!("TX-{page}")),
        )
    });
    let options = ClientOptions {
        max_pages: 25,
        ..quick(Duration::from_secs(5))
    };
    let (n, e) = walk(t.clone(), options).await;
    assert_eq!(n, 25);
    assert!(e.expect("capped").to_string().contains("max_pages"));
    assert_eq!(t.calls.load(Ordering::SeqCst), 25);
}

// ---- 4. Rotated tokens are never lost ----

/// `/oauth/token` rotates `rt-N` and refuses any stale refresh token with
/// `invalid_grant`; `/api/v1/me` accepts only the newest access token.
fn oauth_server(fail_refresh: bool) -> (Arc<Scripted>, Arc<Mutex<String>>, Arc<Mutex<String>>) {
    let refresh = Arc::new(Mutex::new(String::new()));
    let current = Arc::new(Mutex::new(String::new()));
    let (r, c) = (refresh.clone(), current.clone());
    let t = scripted(Duration::from_millis(150), move |req, n| {
        if req.url.path() == "/oauth/token" {
            let body = String::from_utf8(req.body.clone().unwrap_or_default().to_vec()).unwrap();
            let stale = body.contains("grant_type=refresh_token")
                && !body.contains(&format!("refresh_token={}", r.lock().unwrap()));
            if stale || (fail_refresh && body.contains("grant_type=refresh_token")) {
                return answer(400, &[], r#"{"error":"invalid_grant"}"#);
            }
            *r.lock().unwrap() = format!("rt-{n}");
            *c.lock().unwrap() = format!("at-{n}");
            return answer(
                200,
                &[],
                &format!(
                    r#"{{"access_token":"at-{n}","refresh_token":"rt-{n}","expires_in":3600}}"#
                ),
            );
        }
        if req.header("authorization") != Some(&format!("Bearer {}", c.lock().unwrap())) {
            return answer(
                401,
                &[],
                r#"{"status":"error","message":"expired","error_code":"unauthorized"}"#,
            );
        }
        answer(
            200,
            &[],
            r#"{"status":"success","data":{"id":1,"first_name":"A","last_name":"B"}}"#,
        )
    });
    (t, current, refresh)
}

#[derive(Debug, Default)]
struct FlakyStore {
    inner: MemoryTokenStore,
    failing: std::sync::atomic::AtomicBool,
    saves: AtomicU32,
}

impl TokenStore for FlakyStore {
    fn load(&self) -> sepay::Result<Option<OAuthTokens>> {
        self.inner.load()
    }
    fn save(&self, tokens: &OAuthTokens) -> sepay::Result<()> {
        if self.failing.load(Ordering::SeqCst) {
            return Err(Error::store("oauth.token_store", "disk full"));
        }
        self.saves.fetch_add(1, Ordering::SeqCst);
        self.inner.save(tokens)
    }
}

fn oauth_client(t: Arc<Scripted>, store: Arc<dyn TokenStore>) -> Client {
    Client::builder()
        .base_urls(BaseUrls::emulator("http://127.0.0.1:9").unwrap())
        .oauth(
            OAuthConfig {
                client_id: "app".into(),
                client_secret: "app-secret".into(),
                redirect_uri: "https://app.example/cb".into(),
            },
            store,
        )
        .transport(t)
        .options(quick(Duration::from_secs(10)))
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_token_survives_a_failing_store() {
    let (t, current, server_refresh) = oauth_server(false);
    let store = Arc::new(FlakyStore::default());
    let c = oauth_client(t.clone(), store.clone());
    c.oauth().exchange_code("code-1").await.unwrap();
    // SePay revokes the access token; the store breaks while rotating.
    *current.lock().unwrap() = "revoked".into();
    store.failing.store(true, Ordering::SeqCst);
    let e = c.oauth().me().await.unwrap_err();
    assert!(matches!(e, Error::Store { .. }), "{e}");
    // The store recovers: the rotated pair held in memory is saved and used,
    // nothing is refreshed with the dead token.
    store.failing.store(false, Ordering::SeqCst);
    c.oauth().me().await.unwrap();
    let saved = || store.load().unwrap().unwrap().refresh_token.unwrap();
    let rotated = saved();
    assert_ne!(rotated.expose(), "", "saved");
    assert_eq!(rotated.expose(), server_refresh.lock().unwrap().as_str());
    // Revoke again: the next refresh uses the rotated token and succeeds (no invalid_grant).
    *current.lock().unwrap() = "revoked".into();
    c.oauth().me().await.unwrap();
    assert_ne!(saved(), rotated);
    assert_eq!(saved().expose(), server_refresh.lock().unwrap().as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_whose_caller_is_cancelled_still_completes_and_is_saved() {
    let (t, current, server_refresh) = oauth_server(false);
    let store = Arc::new(FlakyStore::default());
    let c = oauth_client(t.clone(), store.clone());
    c.oauth().exchange_code("code-1").await.unwrap();
    let first = server_refresh.lock().unwrap().clone();
    *current.lock().unwrap() = "revoked".into();
    let c2 = c.clone();
    let call = tokio::spawn(async move { c2.oauth().me().await });
    // The 401 comes after 150 ms, the refresh takes 150 ms more: cancel in between.
    tokio::time::sleep(Duration::from_millis(220)).await;
    call.abort();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let saved = store.load().unwrap().unwrap().refresh_token.unwrap();
    assert_ne!(saved.expose(), first, "the detached refresh finished ...");
    assert_eq!(
        saved.expose(),
        server_refresh.lock().unwrap().as_str(),
        "... and saved the rotation"
    );
    c.oauth().me().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_refresh_reaches_every_waiter_at_once() {
    let (t, current, _) = oauth_server(true);
    let store = Arc::new(MemoryTokenStore::default());
    let c = oauth_client(t.clone(), store);
    c.oauth().exchange_code("code-1").await.unwrap();
    *current.lock().unwrap() = "revoked".into();
    let calls: Vec<_> = (0..16)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move { c.oauth().me().await })
        })
        .collect();
    for call in calls {
        let e = call.await.unwrap().unwrap_err();
        assert!(matches!(e, Error::Authentication { .. }), "{e}");
    }
    // 1 exchange + 16 calls answered 401 + exactly one refresh attempt.
    let token_requests = t.calls.load(Ordering::SeqCst) - 16;
    assert_eq!(token_requests, 2, "one refresh shared by every waiter");
}

#[tokio::test]
async fn absurd_lifetimes_saturate() {
    let t = scripted(Duration::ZERO, |req, _| {
        if req.url.path() == "/oauth/token" {
            return answer(
                200,
                &[],
                r#"{"access_token":"at","expires_in":9223372036854775807}"#,
            );
        }
        answer(
            200,
            &[],
            r#"{"status":"success","data":{"id":1,"first_name":"A","last_name":"B"}}"#,
        )
    });
    let c = oauth_client(t, Arc::new(MemoryTokenStore::default()));
    let tokens = c.oauth().exchange_code("c").await.unwrap();
    assert_eq!(tokens.expires_at, Some(i64::MAX));
    c.oauth().me().await.unwrap();
}

// ---- 5 and 9. Every URL and every option is checked ----

#[test]
fn bad_urls_and_options_are_configuration_errors() {
    let mut urls = BaseUrls::emulator("http://127.0.0.1:9").unwrap();
    urls.bank_hub = url::Url::parse("http://bankhub.example.com/v1").unwrap();
    let r = Client::builder().token("T").base_urls(urls).build();
    assert!(matches!(r, Err(Error::Configuration { .. })));
    for root in [
        "ftp://x",
        "http://example.com",
        "not a url",
        "mailto:a@b",
        "javascript:x",
    ] {
        assert!(BaseUrls::emulator(root).is_err(), "{root}");
    }
    let bad_options = [
        ClientOptions {
            requests_per_second: Some(f64::NAN),
            ..ClientOptions::default()
        },
        ClientOptions {
            requests_per_second: Some(f64::INFINITY),
            ..ClientOptions::default()
        },
        ClientOptions {
            requests_per_second: Some(-1.0),
            ..ClientOptions::default()
        },
        ClientOptions {
            timeout: Duration::from_secs(10_000_000),
            ..ClientOptions::default()
        },
        ClientOptions {
            max_response_bytes: 1,
            ..ClientOptions::default()
        },
        ClientOptions {
            max_pages: 0,
            ..ClientOptions::default()
        },
        ClientOptions {
            retry: RetryPolicy {
                max_attempts: 1_000_000,
                ..RetryPolicy::default()
            },
            ..ClientOptions::default()
        },
    ];
    for options in bad_options {
        let r = Client::builder()
            .token("T")
            .environment(Environment::Live)
            .options(options)
            .build();
        assert!(matches!(r, Err(Error::Configuration { .. })));
    }
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 1e12] {
        assert!(sepay::config::seconds("timeout", bad).is_err(), "{bad}");
    }
    let client = Client::builder()
        .token("T")
        .environment(Environment::Live)
        .build()
        .unwrap();
    for bad in [f64::NAN, f64::INFINITY, -1.0, 1e-30, 1e6] {
        assert!(
            matches!(
                client.set_rate_limit(Some(bad)),
                Err(Error::Configuration { .. })
            ),
            "{bad}"
        );
    }
    client.set_rate_limit(Some(0.0)).unwrap();
    client.set_rate_limit(None).unwrap();
    client.set_rate_limit(Some(2.5)).unwrap();
}

// ---- 10. Secrets stay secret ----

#[test]
fn no_secret_character_is_ever_printed() {
    let secret = "sk_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ_9f3a";
    let config = OAuthConfig {
        client_id: "app".into(),
        client_secret: secret.into(),
        redirect_uri: "https://app.example/cb".into(),
    };
    let tokens = OAuthTokens {
        access_token: secret.into(),
        refresh_token: Some(secret.into()),
        expires_at: None,
        scope: None,
    };
    let client = Client::builder()
        .token(secret)
        .payment_gateway("SP-1", secret)
        .bank_hub("bh", secret)
        .environment(Environment::Live)
        .build()
        .unwrap();
    let printed = [
        format!("{:?}", SecretString::new(secret)),
        format!("{}", SecretString::new(secret)),
        format!("{config:?}"),
        format!("{tokens:?}"),
        format!("{:?}", TokenRequest::code(&config, secret)),
        format!("{:?}", TokenRequest::refresh(&config, &secret.into())),
        format!("{client:?}"),
        format!(
            "{:?}",
            WebhookReceiver::new(WebhookAuth::hmac(secret)).unwrap()
        ),
        format!(
            "{:?}",
            WebhookTokenIssuer::new("id", secret, Duration::from_secs(60)).unwrap()
        ),
    ];
    for text in printed {
        assert!(!text.contains("9f3a") && !text.contains("ABCD"), "{text}");
    }
}
