//! HMAC-SHA256 and constant-time comparisons, the only cryptography the SDK does.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// HMAC-SHA256 of `message` under `key`.
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    #[allow(clippy::expect_used, reason = "HMAC accepts keys of any length")]
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Whether two secrets are equal, in time that depends on neither their
/// contents nor their lengths (both are hashed first).
pub fn secrets_equal(a: &[u8], b: &[u8]) -> bool {
    let (ha, hb) = (Sha256::digest(a), Sha256::digest(b));
    ha.ct_eq(&hb).into()
}

/// Whether two equal-length MACs are equal, in constant time.
pub fn macs_equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4231_case_2() {
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn comparisons() {
        assert!(secrets_equal(b"key", b"key"));
        assert!(!secrets_equal(b"key", b"key2"));
        assert!(macs_equal(&[1, 2], &[1, 2]));
        assert!(!macs_equal(&[1, 2], &[1, 3]));
        assert!(!macs_equal(&[1], &[1, 2]));
    }
}
