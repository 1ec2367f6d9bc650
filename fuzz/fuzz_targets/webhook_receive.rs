//! Inbound notifications: every auth mode (none, API key, HMAC, OAuth2 bearer,
//! X-Secret-Key) × every kind (user webhook, PG IPN, Bank Hub IPN, Bank Hub
//! event, and the OAuth2-mode token endpoint) × every body encoding the
//! receiver can be configured for, with fuzz-chosen method, content type,
//! credentials, timestamps and extra headers.
//!
//! Checks: no panic; wrong or missing credentials never give an event; right
//! credentials on a POST are never refused as unverified; signed modes refuse
//! form encodings; a delivery is new, then in progress until completed
//! (duplicate) or released (new again); the body-encoding rule — the same
//! bytes under another `Content-Type` (or none) give the same event; a token
//! the issuer hands out verifies until it expires.
//!
//! Input: `[mode][kind][credential][content type][method][timestamp][flags]
//! [extra headers…] body…` — seven fixed bytes, then `flags % 4` extra headers
//! (a name byte, a length byte, the value), then the body. Flags: bits 2–3 the
//! encoding (JSON, form, multipart), bit 5 complete (else release) before a
//! redelivery, bit 6 redeliver, bit 7 extra headers before the others.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::webhook::{
    hmac_signature, BodyEncoding, Delivery, Received, WebhookAuth, WebhookReceiver,
    WebhookTokenIssuer,
};
use sepay::Error;
use sepay_fuzz::{byte, check, pick, short_text, NOW};

const SECRET: &str = "fuzz-webhook-secret";
const CLIENT_ID: &str = "fuzz-hook-client";
const TTL: u64 = 3600;

fn issuer() -> WebhookTokenIssuer {
    WebhookTokenIssuer::new(CLIENT_ID, SECRET, std::time::Duration::from_secs(TTL))
        .expect("a valid issuer")
}

/// A fresh receiver (its own dedup store) reading `encoding`.
fn receiver(auth: &WebhookAuth, encoding: BodyEncoding) -> sepay::Result<WebhookReceiver> {
    WebhookReceiver::new(auth.clone())?.with_encoding(encoding)
}

const CONTENT_TYPES: &[Option<&str>] = &[
    Some("application/json"),
    None,
    Some("application/x-www-form-urlencoded"),
    Some("multipart/form-data; boundary=XyZ"),
    Some("text/plain"),
    Some("application/json; charset=utf-8"),
    Some("APPLICATION/JSON"),
    Some("multipart/form-data"),
    Some(";;"),
    Some(""),
];
const METHODS: &[&str] = &["POST", "post", "GET", "PUT", ""];
/// Seconds between the signed timestamp and now.
const SKEWS: &[i64] = &[0, 299, -299, 300, -300, 301, -301, 86_400, -NOW];
const EXTRA_NAMES: &[&str] = &[
    "content-type",
    "Content-Type",
    "authorization",
    "x-sepay-signature",
    "X-SePay-Timestamp",
    "x-secret-key",
    "x-forwarded-for",
    "content-length",
];
const AUTH_NAMES: &[&str] = &[
    "authorization",
    "x-sepay-signature",
    "x-sepay-timestamp",
    "x-secret-key",
];

#[derive(Clone, Copy, PartialEq)]
enum Credential {
    Right,
    Wrong,
    Missing,
    Fuzz,
}

/// What one delivery gave: the event (as text, to compare across content
/// types), its key and what to do with it.
type Outcome = sepay::Result<(String, String, Delivery)>;

fn receive(
    receiver: &WebhookReceiver,
    kind: u8,
    method: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Outcome {
    fn out<T: std::fmt::Debug>(r: sepay::Result<Received<T>>) -> Outcome {
        check(&r);
        if let Err(e) = &r {
            let reply = WebhookReceiver::error_reply(e);
            assert!(reply.status >= 400, "{e}: {reply:?}");
        }
        let got = r?;
        assert_eq!(got.duplicate, got.delivery != Delivery::New);
        Ok((format!("{:?}", got.event), got.key, got.delivery))
    }
    match kind {
        0 => out(receiver.receive(method, headers, body, NOW)),
        1 => out(receiver.receive_pg_ipn(method, headers, body, NOW)),
        2 => out(receiver.receive_bankhub_ipn(method, headers, body, NOW)),
        _ => out(receiver.receive_bankhub_event(method, headers, body, NOW)),
    }
}

/// The token endpoint: whatever the body, the reply is one of three; a token
/// it hands out verifies now and no longer once its lifetime is over.
fn token_endpoint(body: &[u8]) {
    let issuer = issuer();
    let reply = issuer.issue(body, NOW);
    assert!(matches!(reply.status, 200 | 400 | 401), "{reply:?}");
    if reply.status == 200 {
        let v: serde_json::Value = serde_json::from_str(&reply.body).expect("JSON reply");
        let token = v["data"]["accessToken"].as_str().expect("an access token");
        issuer
            .check_access_token(token, NOW)
            .expect("a fresh token verifies");
        assert!(issuer.check_access_token(token, NOW + TTL as i64).is_err());
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mode = byte(&mut u) % 5;
    let kind = byte(&mut u) % 5;
    let credential = *pick(
        &mut u,
        &[
            Credential::Right,
            Credential::Wrong,
            Credential::Missing,
            Credential::Fuzz,
        ],
    );
    let content_type = *pick(&mut u, CONTENT_TYPES);
    let method = *pick(&mut u, METHODS);
    let skew = *pick(&mut u, SKEWS);
    let flags = byte(&mut u);
    let mut extras = Vec::new();
    for _ in 0..flags % 4 {
        let name = pick(&mut u, EXTRA_NAMES).to_string();
        extras.push((name, short_text(&mut u)));
    }
    let fuzz_value = if credential == Credential::Fuzz {
        short_text(&mut u)
    } else {
        String::new()
    };
    let body = u.take_rest();

    if kind == 4 {
        token_endpoint(body);
        return;
    }

    let h = |n: &str, v: String| (n.to_string(), v);
    let pick_cred = |right: String, wrong: String| match credential {
        Credential::Right => Some(right),
        Credential::Wrong => Some(wrong),
        Credential::Missing => None,
        Credential::Fuzz => Some(fuzz_value.clone()),
    };
    let mut headers: Vec<(String, String)> = Vec::new();
    let auth = match mode {
        0 => WebhookAuth::None,
        1 => {
            let v = pick_cred(format!("Apikey {SECRET}"), "Apikey not-the-key".into());
            headers.extend(v.map(|v| h("Authorization", v)));
            WebhookAuth::ApiKey(SECRET.into())
        }
        2 => {
            let ts = NOW - skew;
            headers.push(h("X-SePay-Timestamp", ts.to_string()));
            let v = pick_cred(
                hmac_signature(SECRET, ts, body),
                hmac_signature("another-secret", ts, body),
            );
            headers.extend(v.map(|v| h("X-SePay-Signature", v)));
            WebhookAuth::hmac(SECRET)
        }
        3 => {
            let issuer = issuer();
            let reply = issuer.issue(
                format!(r#"{{"clientId":"{CLIENT_ID}","clientSecret":"{SECRET}"}}"#).as_bytes(),
                NOW,
            );
            let v: serde_json::Value = serde_json::from_str(&reply.body).expect("JSON reply");
            let token = v["data"]["accessToken"]
                .as_str()
                .expect("a token")
                .to_string();
            let mut forged = token.clone();
            let last = if forged.pop() == Some('0') { '1' } else { '0' };
            forged.push(last);
            let v = pick_cred(format!("Bearer {token}"), format!("Bearer {forged}"));
            headers.extend(v.map(|v| h("Authorization", v)));
            WebhookAuth::OAuth2(issuer)
        }
        _ => {
            let v = pick_cred(SECRET.into(), "not-the-secret".into());
            headers.extend(v.map(|v| h("X-Secret-Key", v)));
            WebhookAuth::SecretKey(SECRET.into())
        }
    };
    let signed = !matches!(auth, WebhookAuth::None | WebhookAuth::ApiKey(_));
    let encoding = match (flags >> 2) & 3 {
        1 => BodyEncoding::FormUrlEncoded,
        2 => BodyEncoding::Multipart,
        _ => BodyEncoding::Json,
    };
    let rx = match receiver(&auth, encoding) {
        Ok(rx) => rx,
        Err(e) => {
            // Only signed modes refuse an encoding: they are JSON.
            assert!(signed && encoding != BodyEncoding::Json, "{e}");
            return;
        }
    };

    let auth_headers = headers.clone();
    if let Some(ct) = content_type {
        headers.push(h("Content-Type", ct.to_string()));
    }
    // Extra headers go first or last: lookups take the first match.
    let extras_first = flags & 0x80 != 0;
    let with_extras = |mut own: Vec<(String, String)>| {
        if extras_first {
            let mut all = extras.clone();
            all.append(&mut own);
            all
        } else {
            own.extend(extras.iter().cloned());
            own
        }
    };
    let headers = with_extras(headers);
    let extras_touch_auth = extras
        .iter()
        .any(|(n, _)| AUTH_NAMES.iter().any(|a| n.eq_ignore_ascii_case(a)));

    let got = receive(&rx, kind, method, &headers, body);

    // Wrong or missing credentials never give an event; right ones are never
    // refused (the PG IPN and Bank Hub event also carry a time that may be
    // outside the replay window).
    if mode != 0 && !extras_touch_auth {
        match credential {
            Credential::Wrong | Credential::Missing => {
                assert!(
                    got.is_err(),
                    "mode {mode}: a wrong or missing credential gave {got:?}"
                )
            }
            Credential::Right
                if (mode != 2 || skew.abs() <= 300)
                    && method.eq_ignore_ascii_case("POST")
                    && matches!(kind, 0 | 2) =>
            {
                if let Err(e @ Error::WebhookVerification { .. }) = &got {
                    panic!("mode {mode}: right credentials refused: {e}");
                }
            }
            _ => {}
        }
    }

    let Ok((event, key, delivery)) = got else {
        return;
    };
    assert_eq!(
        delivery,
        Delivery::New,
        "the first delivery to a fresh receiver"
    );

    // No unsigned header changes the event. The same
    // request with the content type replaced (or dropped) gives the same event.
    for other in [
        Some("application/json"),
        None,
        Some("application/x-www-form-urlencoded"),
    ] {
        if other == content_type {
            continue;
        }
        let mut hs = auth_headers.clone();
        hs.extend(other.map(|ct| h("Content-Type", ct.to_string())));
        let hs: Vec<_> = with_extras(hs)
            .into_iter()
            .filter(|(n, v)| !n.eq_ignore_ascii_case("content-type") || Some(v.as_str()) == other)
            .collect();
        let again = receive(
            &receiver(&auth, encoding).expect("built once"),
            kind,
            method,
            &hs,
            body,
        );
        if let Ok((e, ..)) = again {
            assert_eq!(
                e, event,
                "content type {content_type:?} vs {other:?} changed the event"
            );
        }
    }

    // The claim lifecycle: in progress until completed or released.
    if flags & 0x40 != 0 {
        let second = receive(&rx, kind, method, &headers, body).map(|(_, _, d)| d);
        assert_eq!(second.ok(), Some(Delivery::InProgress));
        let expected = if flags & 0x20 != 0 {
            rx.complete(&key).expect("complete");
            Delivery::Duplicate
        } else {
            rx.release(&key).expect("release");
            Delivery::New
        };
        let third = receive(&rx, kind, method, &headers, body).map(|(_, _, d)| d);
        assert_eq!(third.ok(), Some(expected));
    }
});
