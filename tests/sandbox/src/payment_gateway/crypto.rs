//! Payment-gateway credentials: the checkout form signature and the order
//! API's Basic auth, both compared in constant time.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Fields covered by the checkout signature (sepay-api.md §8.2); every
/// other posted field (`custom_data`, `order_tax_amount`, …) is ignored.
pub const SIGNED_FIELDS: [&str; 17] = [
    "merchant",
    "env",
    "operation",
    "payment_method",
    "order_amount",
    "currency",
    "order_invoice_number",
    "order_description",
    "customer_id",
    "agreement_id",
    "agreement_name",
    "agreement_type",
    "agreement_payment_frequency",
    "agreement_amount_per_payment",
    "success_url",
    "error_url",
    "cancel_url",
];

/// Whether `field` is covered by the signature.
pub fn is_signed(field: &str) -> bool {
    SIGNED_FIELDS.contains(&field)
}

/// `"k1=v1,k2=v2,…"` over the signed fields, in the order given.
pub fn signing_string(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .filter(|(k, _)| is_signed(k))
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn mac(secret_key: &str, fields: &[(String, String)]) -> Hmac<Sha256> {
    #[allow(clippy::expect_used, reason = "HMAC accepts keys of any length")]
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.as_bytes()).expect("any key length");
    mac.update(signing_string(fields).as_bytes());
    mac
}

/// `base64(HMAC-SHA256(secret_key, signing_string(fields)))`.
pub fn sign(fields: &[(String, String)], secret_key: &str) -> String {
    STANDARD.encode(mac(secret_key, fields).finalize().into_bytes())
}

/// Whether `signature` signs `fields` in their order (constant time).
pub fn verify(fields: &[(String, String)], secret_key: &str, signature: &str) -> bool {
    match STANDARD.decode(signature.trim()) {
        Ok(raw) => mac(secret_key, fields).verify_slice(&raw).is_ok(),
        Err(_) => false,
    }
}

/// Whether an `Authorization` value is `Basic base64(merchant_id:secret_key)`
/// (scheme case-insensitive, credentials compared in constant time).
pub fn basic_ok(header: Option<&str>, merchant_id: &str, secret_key: &str) -> bool {
    let Some(value) = header.map(str::trim) else {
        return false;
    };
    if value.len() < 6 || !value[..6].eq_ignore_ascii_case("basic ") {
        return false;
    }
    let Ok(given) = STANDARD.decode(value[6..].trim()) else {
        return false;
    };
    let expected = format!("{merchant_id}:{secret_key}");
    bool::from(given.as_slice().ct_eq(expected.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn signature_over_posted_order() {
        // The core crate's independent vector:
        // printf '%s' 'merchant=SP-TEST-AB12345,currency=VND,order_amount=100000,operation=PURCHASE,order_description=Don hang <1001>,order_invoice_number=DH1001,success_url=https://shop.example/ok?a=1&b=2' | openssl dgst -sha256 -hmac spsk_test_secret -binary | base64
        let fields = f(&[
            ("merchant", "SP-TEST-AB12345"),
            ("currency", "VND"),
            ("order_amount", "100000"),
            ("operation", "PURCHASE"),
            ("order_description", "Don hang <1001>"),
            ("order_invoice_number", "DH1001"),
            ("custom_data", "ignored"),
            ("success_url", "https://shop.example/ok?a=1&b=2"),
        ]);
        let sig = sign(&fields, "spsk_test_secret");
        assert_eq!(sig, "H2DhO1o6A0r5Eelo9WCORggqdNzccnZVfyVH5oCO2FU=");
        assert!(verify(&fields, "spsk_test_secret", &sig));
        assert!(!verify(&fields, "other", &sig));
        assert!(!verify(&fields, "spsk_test_secret", "not base64!"));
        let mut swapped = fields.clone();
        swapped.swap(1, 2);
        assert!(!verify(&swapped, "spsk_test_secret", &sig));
        let mut extra = fields.clone();
        extra.push(("custom_data".into(), "x".into()));
        assert!(verify(&extra, "spsk_test_secret", &sig));
    }

    #[test]
    fn basic_auth() {
        let good = format!("Basic {}", STANDARD.encode("SP-TEST-X:spsk"));
        assert!(basic_ok(Some(&good), "SP-TEST-X", "spsk"));
        assert!(basic_ok(
            Some(&good.replace("Basic", "basic")),
            "SP-TEST-X",
            "spsk"
        ));
        assert!(!basic_ok(Some(&good), "SP-TEST-X", "other"));
        assert!(!basic_ok(Some("Bearer abc"), "SP-TEST-X", "spsk"));
        assert!(!basic_ok(Some("Basic %%%"), "SP-TEST-X", "spsk"));
        assert!(!basic_ok(None, "SP-TEST-X", "spsk"));
    }
}
