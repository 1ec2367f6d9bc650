//! Credentials of a user-webhook delivery: the HMAC signature and OAuth2
//! access tokens fetched from the integrator's token endpoint.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::webhooks::deliveries::describe;
use crate::webhooks::target::{CachedToken, TargetEntry};

/// `sha256=<hex HMAC-SHA256(secret, "{timestamp}.{body}")>`.
pub fn hmac_signature(secret: &str, timestamp: u64, body: &[u8]) -> String {
    #[allow(clippy::expect_used, reason = "HMAC accepts keys of any length")]
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Current Unix time in seconds.
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Reads `{"data":{"accessToken","refreshToken","expiredIn"}}` (all required).
pub fn parse_token_reply(body: &[u8]) -> Result<(String, u64), String> {
    let v: Value = serde_json::from_slice(body).map_err(|_| "reply is not JSON".to_string())?;
    let data = &v["data"];
    let token = data["accessToken"]
        .as_str()
        .filter(|s| !s.is_empty())
        .ok_or("reply lacks data.accessToken")?;
    data["refreshToken"]
        .as_str()
        .ok_or("reply lacks data.refreshToken")?;
    let expires = match &data["expiredIn"] {
        Value::Number(n) => n.as_u64().or_else(|| n.as_f64().map(|f| f.max(0.0) as u64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .ok_or("reply lacks data.expiredIn")?;
    Ok((token.to_string(), expires))
}

/// The target's cached access token, or a new one from its token endpoint
/// (`POST {"clientId","clientSecret"}` as JSON), cached for `expiredIn` seconds.
pub async fn access_token(http: &reqwest::Client, entry: &TargetEntry) -> Result<String, String> {
    if let Some(t) = entry.token().as_ref() {
        if t.expires > Instant::now() {
            return Ok(t.token.clone());
        }
    }
    let t = &entry.target;
    let body = serde_json::json!({
        "clientId": t.client_id.as_deref().unwrap_or_default(),
        "clientSecret": t.client_secret.as_deref().unwrap_or_default(),
    });
    let url = t.token_url.as_deref().unwrap_or_default();
    let resp = http
        .post(url)
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .map_err(|e| format!("oauth2 token: {}", describe(&e)))?;
    let status = resp.status();
    let bytes = resp
        .bytes()
        .await
        .map_err(|e| format!("oauth2 token: {}", describe(&e)))?;
    if !status.is_success() {
        return Err(format!("oauth2 token: status {}", status.as_u16()));
    }
    let (token, secs) = parse_token_reply(&bytes).map_err(|e| format!("oauth2 token: {e}"))?;
    *entry.token() = Some(CachedToken {
        token: token.clone(),
        expires: Instant::now() + Duration::from_secs(secs),
    });
    Ok(token)
}

/// Forgets the cached token (after the target answered 401).
pub fn forget_token(entry: &TargetEntry) {
    *entry.token() = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_a_known_value() {
        // printf '%s' '1700000000.{"id":1}' | openssl dgst -sha256 -hmac s3cret
        assert_eq!(
            hmac_signature("s3cret", 1_700_000_000, br#"{"id":1}"#),
            "sha256=ee0658aa4e37018df69c24227df01e0f680eb3b87c7f1f9bd936e283cfe01d9b"
        );
    }

    #[test]
    fn token_replies() {
        let ok = br#"{"data":{"accessToken":"a","refreshToken":"r","expiredIn":3600}}"#;
        assert_eq!(parse_token_reply(ok), Ok(("a".into(), 3600)));
        let missing = br#"{"data":{"accessToken":"a","expiredIn":3600}}"#;
        assert!(parse_token_reply(missing)
            .unwrap_err()
            .contains("refreshToken"));
        let flat = br#"{"accessToken":"a","refreshToken":"r","expiredIn":3600}"#;
        assert!(parse_token_reply(flat).is_err());
        assert!(parse_token_reply(b"nope").is_err());
    }
}
