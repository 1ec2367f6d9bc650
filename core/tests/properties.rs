#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Properties over generated inputs (proptest): exact money, VietQR payloads,
//! HMAC webhook signatures, and the body-encoding rule — the content type of
//! a notification, which nobody signs, never changes the event it yields.

use proptest::prelude::*;
use rust_decimal::Decimal;
use sepay::qr::{VietQr, VietQrService};
use sepay::webhook::{hmac_signature, WebhookAuth, WebhookEvent, WebhookReceiver};
use sepay::Amount;

const NOW: i64 = 1_700_000_000;

// ---------------------------------------------------------------- money

/// Any decimal SePay can send, as mantissa and scale.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=12).prop_map(|(m, scale)| Decimal::new(m, scale))
}

proptest! {
    #[test]
    fn money_text_round_trips(d in decimal()) {
        let a = Amount::from(d);
        prop_assert_eq!(a.to_string().parse::<Amount>(), Ok(a));
        prop_assert_eq!(a.to_canonical_string().parse::<Amount>(), Ok(a));
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
        prop_assert_eq!(a.as_decimal(), d);
    }

    /// A decimal literal reads as exactly its digits, whatever their number.
    #[test]
    fn money_parses_literals_exactly(
        negative in any::<bool>(),
        int in "[0-9]{1,16}",
        frac in proptest::option::of("[0-9]{1,10}"),
    ) {
        let text = match &frac {
            Some(f) => format!("{}{int}.{f}", if negative { "-" } else { "" }),
            None => format!("{}{int}", if negative { "-" } else { "" }),
        };
        let a: Amount = text.parse().unwrap();
        let digits: i128 = format!("{int}{}", frac.as_deref().unwrap_or("")).parse().unwrap();
        let scale = frac.as_deref().map_or(0, str::len) as u32;
        let exact = Decimal::from_i128_with_scale(if negative { -digits } else { digits }, scale);
        prop_assert_eq!(a.as_decimal(), exact);
        // The same literal as a JSON string, and (without a sign) as a JSON number.
        prop_assert_eq!(serde_json::from_str::<Amount>(&format!("\"{text}\"")).unwrap(), a);
    }

    /// JSON numbers with decimals (OAuth2's `1777283273.00`) are exact for
    /// every amount of up to 15 significant digits.
    #[test]
    fn money_json_numbers_are_exact(int in 0i64..10_000_000_000_000, cents in 0i64..100) {
        let json = format!("{int}.{cents:02}");
        let a: Amount = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(a.as_decimal(), Decimal::new(int * 100 + cents, 2), "{}", json);
        let whole: Amount = serde_json::from_str(&int.to_string()).unwrap();
        prop_assert_eq!(whole, Amount::from_dong(int));
        prop_assert_eq!(whole.to_dong(), Some(int));
    }
}

// ---------------------------------------------------------------- VietQR

fn vietqr() -> impl Strategy<Value = VietQr> {
    (
        "[0-9]{6}",
        "[A-Za-z0-9]{1,19}",
        proptest::option::of(1i64..10_000_000_000_000),
        proptest::option::of("[ -~]{0,60}"),
        any::<bool>(),
    )
        .prop_map(|(bank_bin, account, amount, memo, card)| VietQr {
            bank_bin,
            account,
            amount: amount.map(Amount::from_dong),
            memo,
            service: if card {
                VietQrService::Card
            } else {
                VietQrService::Account
            },
        })
}

proptest! {
    #[test]
    fn vietqr_payload_decodes_to_what_was_built(qr in vietqr(), at in any::<prop::sample::Index>(), flip in 1u8..128) {
        let payload = qr.payload().unwrap();
        let back = VietQr::decode(&payload).unwrap();
        let mut expected = qr.clone();
        expected.memo = expected.memo.filter(|m| !m.is_empty()); // an empty memo is no memo
        prop_assert_eq!(back, expected);
        // Any one changed character before the CRC is caught by it.
        let mut bytes = payload.clone().into_bytes();
        let i = at.index(bytes.len() - 4);
        bytes[i] = (bytes[i] ^ flip) & 0x7f;
        if bytes[i] != payload.as_bytes()[i] {
            let tampered = String::from_utf8(bytes).unwrap();
            prop_assert!(VietQr::decode(&tampered).is_err(), "{}", tampered);
        }
    }
}

// ---------------------------------------------------------------- HMAC

fn signed(secret: &str, ts: i64, body: &[u8]) -> Vec<(String, String)> {
    vec![
        ("X-SePay-Signature".into(), hmac_signature(secret, ts, body)),
        ("X-SePay-Timestamp".into(), ts.to_string()),
    ]
}

proptest! {
    #[test]
    fn hmac_sign_then_verify(
        secret in "[!-~]{1,48}",
        body in proptest::collection::vec(any::<u8>(), 0..512),
        skew in -300i64..=300,
    ) {
        let auth = WebhookAuth::hmac(secret.as_str());
        let headers = signed(&secret, NOW, &body);
        prop_assert!(auth.verify(&headers, &body, NOW + skew).is_ok());
        // Stale or future beyond the 5-minute window.
        prop_assert!(auth.verify(&headers, &body, NOW + 301).is_err());
        prop_assert!(auth.verify(&headers, &body, NOW - 301).is_err());
        // Another secret.
        let other = WebhookAuth::hmac(format!("{secret}x"));
        prop_assert!(other.verify(&headers, &body, NOW).is_err());
    }

    #[test]
    fn hmac_a_changed_body_byte_fails(
        secret in "[!-~]{1,48}",
        body in proptest::collection::vec(any::<u8>(), 1..512),
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let auth = WebhookAuth::hmac(secret.as_str());
        let headers = signed(&secret, NOW, &body);
        let mut changed = body.clone();
        changed[at.index(body.len())] ^= flip;
        prop_assert!(auth.verify(&headers, &changed, NOW).is_err());
        // A byte more or less fails too.
        let mut longer = body.clone();
        longer.push(b' ');
        prop_assert!(auth.verify(&headers, &longer, NOW).is_err());
        prop_assert!(auth.verify(&headers, &body[..body.len() - 1], NOW).is_err());
    }
}

// ---------------------------------------------------------------- encoding rule

/// `WebhookReceiver::new` returned the receiver in earlier versions and returns a
/// `Result` of it after (empty secrets are refused); read both.
trait Built {
    fn built(self) -> WebhookReceiver;
}
impl Built for WebhookReceiver {
    fn built(self) -> WebhookReceiver {
        self
    }
}
impl Built for sepay::Result<WebhookReceiver> {
    fn built(self) -> WebhookReceiver {
        self.expect("a valid receiver")
    }
}

#[derive(Debug, Clone)]
struct Tx {
    id: u64,
    amount: u64,
    date: String,
    out: bool,
    content: String,
}

fn tx() -> impl Strategy<Value = Tx> {
    (
        1u64..10_000_000_000,
        1u64..1_000_000_000_000,
        (
            2020u32..2030,
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            0u32..60,
        ),
        any::<bool>(),
        "[a-zA-Z0-9 .]{0,40}",
    )
        .prop_map(|(id, amount, (y, mo, d, h, mi, s), out, content)| Tx {
            id,
            amount,
            date: format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}"),
            out,
            content,
        })
}

/// The JSON SePay signs for `a`; with `smuggle`, one of its string fields
/// also reads, as a form body, as the transaction `b`.
fn webhook_json(a: &Tx, b: &Tx, smuggle: bool) -> Vec<u8> {
    let mut v = serde_json::json!({
        "id": a.id,
        "gateway": "Vietcombank",
        "transactionDate": a.date,
        "accountNumber": "0123499999",
        "code": null,
        "content": a.content,
        "transferType": if a.out { "out" } else { "in" },
        "transferAmount": a.amount,
        "accumulated": 0,
        "subAccount": null,
        "referenceCode": "FT123",
        "description": "",
    });
    if smuggle {
        let form = format!(
            "&id={}&gateway=ACB&transactionDate={}&transferType=in&transferAmount={}&x=",
            b.id,
            b.date.replace(' ', "+").replace(':', "%3A"),
            b.amount
        );
        v["description"] = form.into();
    }
    serde_json::to_vec(&v).unwrap()
}

const CONTENT_TYPES: &[Option<&str>] = &[
    Some("application/json"),
    Some("application/x-www-form-urlencoded"),
    Some("multipart/form-data; boundary=x"),
    Some("text/plain"),
    None,
];

/// Receives `body` under every content type with a fresh receiver each time;
/// each outcome is `Some(event)` or `None` (an error).
fn under_every_content_type(
    auth: &WebhookAuth,
    auth_headers: &[(String, String)],
    body: &[u8],
) -> Vec<(Option<&'static str>, Option<WebhookEvent>)> {
    CONTENT_TYPES
        .iter()
        .map(|ct| {
            let receiver = WebhookReceiver::new(auth.clone()).built();
            let mut headers = auth_headers.to_vec();
            if let Some(ct) = ct {
                headers.push(("Content-Type".to_string(), ct.to_string()));
            }
            let event = receiver
                .receive("POST", &headers, body, NOW)
                .ok()
                .map(|r| r.event);
            (*ct, event)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same signed JSON bytes under any content type
    /// (or none) yield the event that was signed, or an error — never another.
    #[test]
    fn signed_bytes_mean_one_event_under_every_content_type(a in tx(), b in tx(), smuggle in any::<bool>()) {
        let body = webhook_json(&a, &b, smuggle);
        let secret = "whsec_properties";
        let auth = WebhookAuth::hmac(secret);
        let outcomes = under_every_content_type(&auth, &signed(secret, NOW, &body), &body);
        let signed_event = outcomes[0].1.clone().expect("the signed JSON is received");
        prop_assert_eq!(&signed_event.id, &a.id.to_string());
        prop_assert_eq!(signed_event.transfer_amount, Amount::from_dong(a.amount as i64));
        for (ct, event) in &outcomes {
            if let Some(event) = event {
                prop_assert_eq!(event, &signed_event, "Content-Type {:?} changed the event", ct);
            }
        }
    }

    /// The same for the modes where nothing is signed (API key, none): the
    /// receiver reads the encoding it was built for (JSON by default), and no
    /// header changes the event.
    #[test]
    fn unsigned_modes_read_one_encoding_whatever_the_header(a in tx(), b in tx()) {
        let body = webhook_json(&a, &b, true);
        for (auth, headers) in [
            (WebhookAuth::None, vec![]),
            (
                WebhookAuth::ApiKey("key-1".into()),
                vec![("Authorization".to_string(), "Apikey key-1".to_string())],
            ),
        ] {
            let outcomes = under_every_content_type(&auth, &headers, &body);
            let json_event = outcomes[0].1.clone().expect("the JSON is received");
            prop_assert_eq!(&json_event.id, &a.id.to_string());
            for (ct, event) in &outcomes {
                if let Some(event) = event {
                    prop_assert_eq!(event, &json_event, "Content-Type {:?} changed the event", ct);
                }
            }
        }
    }
}
