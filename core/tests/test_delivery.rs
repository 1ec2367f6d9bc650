//! Made-up webhook deliveries (`WebhookReceiver::test_delivery`): every mode
//! and encoding is accepted by the receiver it was made for, carries the
//! transaction given, and is refused by a receiver with another secret.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

use std::time::Duration;

use sepay::webhook::{
    BodyEncoding, Delivery, TestTransaction, WebhookAuth, WebhookReceiver, WebhookTokenIssuer,
};
use sepay::Amount;

const NOW: i64 = 1_767_236_400; // 2026-01-01 10:00:00 +07:00

fn receivers(secret: &str) -> Vec<(&'static str, WebhookReceiver)> {
    let issuer = WebhookTokenIssuer::new("client", secret, Duration::from_secs(60)).unwrap();
    let recv = |auth| WebhookReceiver::new(auth).unwrap();
    vec![
        ("none", recv(WebhookAuth::None)),
        ("api_key", recv(WebhookAuth::ApiKey(secret.into()))),
        (
            "api_key form",
            recv(WebhookAuth::ApiKey(secret.into()))
                .with_encoding(BodyEncoding::FormUrlEncoded)
                .unwrap(),
        ),
        (
            "api_key multipart",
            recv(WebhookAuth::ApiKey(secret.into()))
                .with_encoding(BodyEncoding::Multipart)
                .unwrap(),
        ),
        ("hmac", recv(WebhookAuth::hmac(secret))),
        ("oauth2", recv(WebhookAuth::OAuth2(issuer))),
        ("secret_key", recv(WebhookAuth::SecretKey(secret.into()))),
    ]
}

#[test]
fn every_mode_accepts_its_own_test_delivery() {
    let mut txn =
        TestTransaction::incoming("150000.50".parse::<Amount>().unwrap(), "DH42 thanh toan");
    txn.code = Some("DH42".into());
    txn.id = Some(93);
    for (name, receiver) in receivers("whsec_test") {
        let d = receiver.test_delivery(&txn, NOW).unwrap();
        let got = receiver
            .receive("POST", &d.headers, &d.body, NOW)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.delivery, Delivery::New, "{name}");
        let event = got.event;
        assert_eq!(event.id, "93", "{name}");
        assert_eq!(event.transfer_amount, txn.transfer_amount, "{name}");
        assert_eq!(event.content, "DH42 thanh toan", "{name}");
        assert_eq!(event.code.as_deref(), Some("DH42"), "{name}");
        assert_eq!(event.sub_account, None, "{name}");
        assert_eq!(
            event.transaction_date.to_rfc3339(),
            "2026-01-01T10:00:00+07:00",
            "{name}"
        );
    }
}

#[test]
fn another_secret_refuses_the_delivery() {
    let txn = TestTransaction::incoming(Amount::from_dong(1000), "x");
    let theirs = receivers("right-secret");
    for ((name, made_for), (_, checker)) in receivers("wrong-secret").into_iter().zip(theirs) {
        if name == "none" {
            continue;
        }
        let d = made_for.test_delivery(&txn, NOW).unwrap();
        let err = checker
            .receive("POST", &d.headers, &d.body, NOW)
            .unwrap_err();
        assert!(
            matches!(err, sepay::Error::WebhookVerification { .. }),
            "{name}: {err}"
        );
    }
}

#[test]
fn hmac_test_delivery_goes_stale_like_a_real_one() {
    let receiver = WebhookReceiver::new(WebhookAuth::hmac("s3cret")).unwrap();
    let d = receiver
        .test_delivery(&TestTransaction::incoming(Amount::from_dong(5), ""), NOW)
        .unwrap();
    assert!(receiver
        .receive("POST", &d.headers, &d.body, NOW + 301)
        .is_err());
}

#[test]
fn json_from_the_bindings_is_checked() {
    let txn = TestTransaction::from_json(
        r#"{"transferAmount":"2000","content":"DH7","transferType":"out","transactionDate":"2026-02-03T04:05:06Z"}"#,
    )
    .unwrap();
    let receiver = WebhookReceiver::new(WebhookAuth::None).unwrap();
    let d = receiver.test_delivery(&txn, NOW).unwrap();
    let event = receiver
        .receive("POST", &d.headers, &d.body, NOW)
        .unwrap()
        .event;
    assert_eq!(
        event.transaction_date.to_rfc3339(),
        "2026-02-03T11:05:06+07:00"
    );
    assert_eq!(event.transfer_type, sepay::userapi::v2::TransferType::Out);
    let body: serde_json::Value = serde_json::from_slice(&d.body).unwrap();
    assert_eq!(
        body["transferAmount"],
        serde_json::json!(2000),
        "money is a JSON number, as SePay sends it"
    );
    for bad in [
        r#"{"content":"x"}"#,
        r#"{"transferAmount":1,"amount":2}"#,
        r#"{"transferAmount":"1,5"}"#,
        r#"{"transferAmount":1,"transactionDate":"yesterday"}"#,
    ] {
        let err = TestTransaction::from_json(bad).unwrap_err();
        assert!(
            matches!(err, sepay::Error::Validation { .. }),
            "{bad}: {err}"
        );
    }
}
