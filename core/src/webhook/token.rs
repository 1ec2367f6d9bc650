//! OAuth2-mode webhooks: SePay first POSTs `{"clientId","clientSecret"}` to the
//! integrator's "Access Token URL" and expects
//! `{"data":{"accessToken","refreshToken","expiredIn"}}`; it then sends
//! `Authorization: Bearer <accessToken>` with each webhook (sepay-api.md §7.2).
//!
//! Tokens are stateless: `kind.expiry.nonce.hmac`, signed with the client
//! secret, so checking one needs no storage and survives restarts.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde::Deserialize;

use crate::crypto::{hmac_sha256, macs_equal, secrets_equal};
use crate::error::Result;
use crate::secret::SecretString;

use super::verify::rejected;

/// Lifetime of refresh tokens.
const REFRESH_TTL: Duration = Duration::from_secs(30 * 24 * 3600);

static NONCE: AtomicU64 = AtomicU64::new(0);

/// Issues and checks the access tokens SePay uses for OAuth2-mode webhooks.
#[derive(Clone)]
pub struct WebhookTokenIssuer {
    client_id: String,
    client_secret: SecretString,
    ttl: Duration,
}

impl fmt::Debug for WebhookTokenIssuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookTokenIssuer")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("ttl", &self.ttl)
            .finish()
    }
}

/// The token endpoint's answer. `Debug` masks a successful body (it holds
/// the issued tokens).
#[derive(Clone, PartialEq, Eq)]
pub struct TokenReply {
    /// HTTP status to send.
    pub status: u16,
    /// JSON body to send (`application/json`).
    pub body: String,
}

impl std::fmt::Debug for TokenReply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let body = if (200..300).contains(&self.status) {
            "****"
        } else {
            self.body.as_str()
        };
        f.debug_struct("TokenReply")
            .field("status", &self.status)
            .field("body", &body)
            .finish()
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TokenRequest {
    client_id: Option<String>,
    client_secret: Option<String>,
    refresh_token: Option<String>,
}

impl WebhookTokenIssuer {
    /// An issuer for the client id and secret configured in SePay's dashboard;
    /// access tokens live for `ttl` (1 s to 1 day). Empty credentials are refused.
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<SecretString>,
        ttl: Duration,
    ) -> crate::Result<Self> {
        let (client_id, client_secret) = (client_id.into(), client_secret.into());
        if client_id.trim().is_empty() || client_secret.is_blank() {
            return Err(crate::Error::config(
                "the webhook OAuth2 client id and client secret must not be empty",
            ));
        }
        if ttl < Duration::from_secs(1) || ttl > crate::config::MAX_DURATION {
            return Err(crate::Error::config(format!(
                "the webhook access token ttl must be 1 s to 1 day, got {ttl:?}"
            )));
        }
        Ok(WebhookTokenIssuer {
            client_id,
            client_secret,
            ttl,
        })
    }

    /// Answers SePay's token request (`{"clientId","clientSecret"}`, or a
    /// `{"refreshToken"}` — UNVERIFIED whether SePay ever sends one). Wrong
    /// credentials give 401 `{"success":false}`.
    pub fn issue(&self, body: &[u8], now: i64) -> TokenReply {
        let denied = TokenReply {
            status: 401,
            body: r#"{"success":false,"message":"invalid client credentials"}"#.to_string(),
        };
        let Ok(req) = serde_json::from_slice::<TokenRequest>(body) else {
            return TokenReply {
                status: 400,
                body: r#"{"success":false,"message":"expected a JSON body with clientId and clientSecret"}"#.to_string(),
            };
        };
        let by_credentials = match (&req.client_id, &req.client_secret) {
            (Some(id), Some(secret)) => {
                secrets_equal(id.as_bytes(), self.client_id.as_bytes())
                    & secrets_equal(secret.as_bytes(), self.client_secret.expose().as_bytes())
            }
            _ => false,
        };
        let by_refresh = req
            .refresh_token
            .as_deref()
            .is_some_and(|t| self.check(t, "rt", now).is_ok());
        if !(by_credentials || by_refresh) {
            return denied;
        }
        let access = self.mint(
            "at",
            now.saturating_add(self.ttl.as_secs().min(i64::MAX as u64) as i64),
        );
        let refresh = self.mint("rt", now.saturating_add(REFRESH_TTL.as_secs() as i64));
        let body = serde_json::json!({
            "data": {"accessToken": access, "refreshToken": refresh, "expiredIn": self.ttl.as_secs()}
        });
        TokenReply {
            status: 200,
            body: body.to_string(),
        }
    }

    /// Checks an access token from `Authorization: Bearer …`.
    pub fn check_access_token(&self, token: &str, now: i64) -> Result<()> {
        self.check(token, "at", now)
    }

    /// An access token as the token endpoint would issue it at `now` (for
    /// test deliveries).
    pub(crate) fn test_access_token(&self, now: i64) -> String {
        self.mint(
            "at",
            now.saturating_add(self.ttl.as_secs().min(i64::MAX as u64) as i64),
        )
    }

    fn mint(&self, kind: &str, expires: i64) -> String {
        let nonce = NONCE.fetch_add(1, Ordering::Relaxed) ^ crate::http::rt::entropy();
        let claims = format!("{kind}.{expires}.{nonce:016x}");
        let mac = hmac_sha256(self.client_secret.expose().as_bytes(), claims.as_bytes());
        format!("{claims}.{}", hex::encode(mac))
    }

    fn check(&self, token: &str, kind: &str, now: i64) -> Result<()> {
        let (claims, mac_hex) = token
            .rsplit_once('.')
            .ok_or_else(|| rejected("malformed bearer token"))?;
        let mac = hex::decode(mac_hex).map_err(|_| rejected("malformed bearer token"))?;
        let expected = hmac_sha256(self.client_secret.expose().as_bytes(), claims.as_bytes());
        if !macs_equal(&mac, &expected) {
            return Err(rejected("bearer token was not issued by this endpoint"));
        }
        let mut parts = claims.split('.');
        if parts.next() != Some(kind) {
            return Err(rejected("wrong kind of token"));
        }
        let expires: i64 = parts
            .next()
            .and_then(|e| e.parse().ok())
            .ok_or_else(|| rejected("malformed bearer token"))?;
        if now >= expires {
            return Err(rejected("bearer token expired"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_the_documented_shape_and_checks_tokens() {
        let issuer = WebhookTokenIssuer::new("cid", "csecret", Duration::from_secs(3600)).unwrap();
        let reply = issuer.issue(br#"{"clientId":"cid","clientSecret":"csecret"}"#, 1000);
        assert_eq!(reply.status, 200);
        let v: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let access = v["data"]["accessToken"].as_str().unwrap();
        assert!(v["data"]["refreshToken"].is_string());
        assert_eq!(v["data"]["expiredIn"], 3600);
        issuer.check_access_token(access, 1000 + 3599).unwrap();
        assert!(
            issuer.check_access_token(access, 1000 + 3600).is_err(),
            "expired"
        );
        let refresh = v["data"]["refreshToken"].as_str().unwrap();
        assert!(
            issuer.check_access_token(refresh, 1001).is_err(),
            "a refresh token is not an access token"
        );
        assert_eq!(
            issuer
                .issue(
                    format!(r#"{{"refreshToken":"{refresh}"}}"#).as_bytes(),
                    2000
                )
                .status,
            200
        );
        let other = WebhookTokenIssuer::new("cid", "different", Duration::from_secs(3600)).unwrap();
        assert!(other.check_access_token(access, 1001).is_err());
        assert_eq!(
            issuer
                .issue(br#"{"clientId":"cid","clientSecret":"no"}"#, 1000)
                .status,
            401
        );
        assert!(!format!("{issuer:?}").contains("csecret"));
    }
}
