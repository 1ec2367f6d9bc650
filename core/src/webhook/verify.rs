//! Checks that an inbound request really comes from SePay, in each of the
//! documented modes (sepay-api.md §7.2). Every comparison is constant-time.

use std::time::Duration;

use crate::crypto::{hmac_sha256, macs_equal, secrets_equal};
use crate::error::{Error, Result};
use crate::secret::SecretString;

use super::token::WebhookTokenIssuer;

/// Largest accepted clock difference for HMAC webhooks (SePay: 5 minutes).
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// How a webhook endpoint authenticates SePay.
#[derive(Debug, Clone)]
pub enum WebhookAuth {
    /// No authentication (rely on an IP allowlist).
    None,
    /// `Authorization: Apikey <key>`.
    ApiKey(SecretString),
    /// `X-SePay-Signature: sha256=<hex HMAC-SHA256 of "{timestamp}.{body}">` and
    /// `X-SePay-Timestamp`, within `tolerance` of now.
    Hmac {
        /// The webhook's secret key.
        secret: SecretString,
        /// Largest accepted clock difference.
        tolerance: Duration,
    },
    /// `Authorization: Bearer <token>` issued by this endpoint's token issuer.
    OAuth2(WebhookTokenIssuer),
    /// `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events).
    SecretKey(SecretString),
}

/// Finds a header (case-insensitive).
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

pub(crate) fn rejected(reason: impl Into<String>) -> Error {
    Error::WebhookVerification {
        reason: reason.into(),
    }
}

impl WebhookAuth {
    /// HMAC mode with SePay's 5-minute window.
    pub fn hmac(secret: impl Into<SecretString>) -> Self {
        WebhookAuth::Hmac {
            secret: secret.into(),
            tolerance: DEFAULT_TOLERANCE,
        }
    }

    /// The mode's name: `none`, `api_key`, `hmac`, `oauth2`, `secret_key`.
    pub fn mode(&self) -> &'static str {
        match self {
            WebhookAuth::None => "none",
            WebhookAuth::ApiKey(_) => "api_key",
            WebhookAuth::Hmac { .. } => "hmac",
            WebhookAuth::OAuth2(_) => "oauth2",
            WebhookAuth::SecretKey(_) => "secret_key",
        }
    }

    /// Refuses empty or whitespace-only secrets and a tolerance over a day.
    pub fn check(&self) -> Result<()> {
        let blank = match self {
            WebhookAuth::None | WebhookAuth::OAuth2(_) => false,
            WebhookAuth::ApiKey(s) | WebhookAuth::SecretKey(s) => s.is_blank(),
            WebhookAuth::Hmac { secret, tolerance } => {
                if *tolerance > crate::config::MAX_DURATION {
                    return Err(Error::config("the HMAC tolerance must be at most 1 day"));
                }
                secret.is_blank()
            }
        };
        if blank {
            return Err(Error::config(format!(
                "the {} webhook secret must not be empty",
                self.mode()
            )));
        }
        Ok(())
    }

    /// The status SePay requires on success: 201 in OAuth2 mode, 200 otherwise.
    pub fn success_status(&self) -> u16 {
        match self {
            WebhookAuth::OAuth2(_) => 201,
            _ => 200,
        }
    }

    /// Verifies a request given its headers and raw body; `now` is Unix seconds.
    pub fn verify(&self, headers: &[(String, String)], body: &[u8], now: i64) -> Result<()> {
        match self {
            WebhookAuth::None => Ok(()),
            WebhookAuth::ApiKey(key) => {
                let value = header(headers, "authorization")
                    .ok_or_else(|| rejected("missing Authorization header"))?;
                let given = strip_prefix_ci(value.trim(), "Apikey ")
                    .ok_or_else(|| rejected("Authorization is not `Apikey <key>`"))?;
                if secrets_equal(given.trim().as_bytes(), key.expose().as_bytes()) {
                    Ok(())
                } else {
                    Err(rejected("wrong API key"))
                }
            }
            WebhookAuth::Hmac { secret, tolerance } => {
                verify_hmac(secret, *tolerance, headers, body, now)
            }
            WebhookAuth::OAuth2(issuer) => {
                let value = header(headers, "authorization")
                    .ok_or_else(|| rejected("missing Authorization header"))?;
                let token = strip_prefix_ci(value.trim(), "Bearer ")
                    .ok_or_else(|| rejected("Authorization is not `Bearer <token>`"))?;
                issuer.check_access_token(token.trim(), now)
            }
            WebhookAuth::SecretKey(secret) => {
                let given = header(headers, "x-secret-key")
                    .ok_or_else(|| rejected("missing X-Secret-Key header"))?;
                if secrets_equal(given.trim().as_bytes(), secret.expose().as_bytes()) {
                    Ok(())
                } else {
                    Err(rejected("wrong X-Secret-Key"))
                }
            }
        }
    }
}

fn verify_hmac(
    secret: &SecretString,
    tolerance: Duration,
    headers: &[(String, String)],
    body: &[u8],
    now: i64,
) -> Result<()> {
    let signature = header(headers, "x-sepay-signature")
        .ok_or_else(|| rejected("missing X-SePay-Signature header"))?;
    let timestamp = header(headers, "x-sepay-timestamp")
        .ok_or_else(|| rejected("missing X-SePay-Timestamp header"))?
        .trim();
    let ts: i64 = timestamp.parse().map_err(|_| {
        rejected(format!(
            "X-SePay-Timestamp {timestamp:?} is not Unix seconds"
        ))
    })?;
    let skew = now.abs_diff(ts);
    if skew > tolerance.as_secs() {
        return Err(rejected(format!(
            "timestamp is {skew} s away from now (more than {} s): stale or replayed",
            tolerance.as_secs()
        )));
    }
    let hex_sig = strip_prefix_ci(signature.trim(), "sha256=")
        .ok_or_else(|| rejected("X-SePay-Signature is not `sha256=<hex>`"))?;
    let given = hex::decode(hex_sig).map_err(|_| rejected("X-SePay-Signature is not hex"))?;
    let mut message = Vec::with_capacity(timestamp.len() + 1 + body.len());
    message.extend_from_slice(timestamp.as_bytes());
    message.push(b'.');
    message.extend_from_slice(body);
    let expected = hmac_sha256(secret.expose().as_bytes(), &message);
    if macs_equal(&given, &expected) {
        Ok(())
    } else {
        Err(rejected("signature does not match the body"))
    }
}

/// Computes the `X-SePay-Signature` value SePay sends for `body` at `timestamp`
/// (for tests and for the sandbox's webhook delivery).
pub fn hmac_signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut message = format!("{timestamp}.").into_bytes();
    message.extend_from_slice(body);
    format!(
        "sha256={}",
        hex::encode(hmac_sha256(secret.as_bytes(), &message))
    )
}

fn strip_prefix_ci<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    let head = value.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &value[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const NOW: i64 = 1_700_000_000;

    #[test]
    fn hmac_accepts_a_good_signature_and_rejects_tampering() {
        let auth = WebhookAuth::hmac("whsec_test");
        let body = br#"{"id":1}"#;
        let sig = hmac_signature("whsec_test", NOW, body);
        let headers = h(&[
            ("X-SePay-Signature", &sig),
            ("X-SePay-Timestamp", "1700000000"),
        ]);
        auth.verify(&headers, body, NOW + 10).unwrap();
        let e = auth.verify(&headers, br#"{"id":2}"#, NOW).unwrap_err();
        assert!(e.to_string().contains("does not match"), "{e}");
        let e = auth.verify(&headers, body, NOW + 301).unwrap_err();
        assert!(e.to_string().contains("stale"), "{e}");
        let wrong = WebhookAuth::hmac("other");
        assert!(wrong.verify(&headers, body, NOW).is_err());
    }

    #[test]
    fn api_key_and_secret_key() {
        let auth = WebhookAuth::ApiKey("k3y".into());
        auth.verify(&h(&[("authorization", "Apikey k3y")]), b"", NOW)
            .unwrap();
        assert!(auth
            .verify(&h(&[("authorization", "Apikey nope")]), b"", NOW)
            .is_err());
        assert!(auth
            .verify(&h(&[("authorization", "Bearer k3y")]), b"", NOW)
            .is_err());
        assert!(auth.verify(&[], b"", NOW).is_err());
        let auth = WebhookAuth::SecretKey("s".into());
        auth.verify(&h(&[("X-Secret-Key", "s")]), b"", NOW).unwrap();
        assert!(auth.verify(&h(&[("X-Secret-Key", "t")]), b"", NOW).is_err());
    }
}
