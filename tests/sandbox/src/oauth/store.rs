//! OAuth2 state: registered apps, authorization codes (single use, 10
//! minutes), access tokens (JWT-looking, `oauth_access_ttl`) and refresh
//! tokens (30 days, **rotating**: using one revokes it).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::common::hash::Rng;
use crate::oauth::webhooks::OAuthWebhooks;
use crate::server::config::OAuthClient;

/// Scopes SePay documents.
pub const SCOPES: [&str; 7] = [
    "profile",
    "company",
    "bank-account:read",
    "transaction:read",
    "webhook:read",
    "webhook:write",
    "webhook:delete",
];

/// Lifetime of an authorization code.
pub const CODE_TTL: Duration = Duration::from_secs(600);
/// Lifetime of a refresh token (SePay: one month).
pub const REFRESH_TTL: Duration = Duration::from_secs(30 * 86_400);

/// What a token was granted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The app.
    pub client_id: String,
    /// Space-separated scopes.
    pub scope: String,
}

impl Grant {
    /// Whether `scope` was granted.
    pub fn allows(&self, scope: &str) -> bool {
        self.scope.split_whitespace().any(|s| s == scope)
    }
}

#[derive(Debug, Clone)]
struct Code {
    grant: Grant,
    redirect_uri: String,
    expires: Instant,
}

#[derive(Debug, Clone)]
struct Held {
    grant: Grant,
    expires: Instant,
}

/// Tokens issued by `POST /oauth/token`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    /// Access token.
    pub access_token: String,
    /// Refresh token.
    pub refresh_token: String,
    /// Seconds the access token lives.
    pub expires_in: u64,
    /// Granted scopes.
    pub scope: String,
}

/// Why a token request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenError {
    /// 401 `invalid_client`.
    InvalidClient,
    /// 400 `invalid_grant` with a description.
    InvalidGrant(&'static str),
}

/// The OAuth2 side of the sandbox.
#[derive(Debug)]
pub struct OAuthStore {
    clients: Vec<OAuthClient>,
    /// Access-token lifetime.
    pub access_ttl: Duration,
    user_id: u64,
    codes: HashMap<String, Code>,
    access: HashMap<String, Held>,
    refresh: HashMap<String, Held>,
    rng: Rng,
    key: [u8; 32],
    /// Webhooks of the resource API.
    pub webhooks: OAuthWebhooks,
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl OAuthStore {
    /// A store for `clients`; tokens are random per sandbox run.
    pub fn new(clients: Vec<OAuthClient>, access_ttl: u64, user_id: u64, seed: u64) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let mut rng = Rng::new(seed ^ nanos ^ 0x0A07_0A07);
        let mut key = [0u8; 32];
        for chunk in key.chunks_mut(8) {
            chunk.copy_from_slice(&rng.next_u64().to_le_bytes());
        }
        OAuthStore {
            clients,
            access_ttl: Duration::from_secs(access_ttl),
            user_id,
            codes: HashMap::new(),
            access: HashMap::new(),
            refresh: HashMap::new(),
            rng,
            key,
            webhooks: OAuthWebhooks::default(),
        }
    }

    /// The registered app `client_id`.
    pub fn client(&self, client_id: &str) -> Option<&OAuthClient> {
        self.clients.iter().find(|c| c.client_id == client_id)
    }

    fn random_hex(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| format!("{:016x}", self.rng.next_u64()))
            .collect()
    }

    /// Issues an authorization code.
    pub fn issue_code(&mut self, grant: Grant, redirect_uri: &str) -> String {
        let code = self.random_hex(4);
        let c = Code {
            grant,
            redirect_uri: redirect_uri.to_string(),
            expires: Instant::now() + CODE_TTL,
        };
        self.codes.insert(code.clone(), c);
        code
    }

    fn jwt(&mut self, grant: &Grant) -> String {
        let now = unix_now();
        let header = b64(br#"{"alg":"HS256","typ":"JWT"}"#);
        let claims = serde_json::json!({
            "iss": "https://my.sepay.vn",
            "sub": self.user_id.to_string(),
            "aud": grant.client_id,
            "iat": now,
            "exp": now + self.access_ttl.as_secs(),
            "jti": self.random_hex(2),
            "scope": grant.scope,
        });
        let payload = b64(claims.to_string().as_bytes());
        #[allow(clippy::expect_used, reason = "HMAC accepts keys of any length")]
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        mac.update(format!("{header}.{payload}").as_bytes());
        let sig = b64(&mac.finalize().into_bytes());
        format!("{header}.{payload}.{sig}")
    }

    fn issue(&mut self, grant: Grant) -> Issued {
        let now = Instant::now();
        let access_token = self.jwt(&grant);
        let refresh_token = self.random_hex(4);
        self.access.insert(
            access_token.clone(),
            Held {
                grant: grant.clone(),
                expires: now + self.access_ttl,
            },
        );
        self.refresh.insert(
            refresh_token.clone(),
            Held {
                grant: grant.clone(),
                expires: now + REFRESH_TTL,
            },
        );
        Issued {
            access_token,
            refresh_token,
            expires_in: self.access_ttl.as_secs(),
            scope: grant.scope,
        }
    }

    /// Checks the app's credentials.
    pub fn authenticate(&self, client_id: &str, secret: &str) -> Result<(), TokenError> {
        match self.client(client_id) {
            Some(c) if bool::from(c.client_secret.as_bytes().ct_eq(secret.as_bytes())) => Ok(()),
            _ => Err(TokenError::InvalidClient),
        }
    }

    /// `grant_type=authorization_code`: the code is used up whatever happens.
    pub fn exchange_code(
        &mut self,
        client_id: &str,
        code: &str,
        redirect_uri: Option<&str>,
    ) -> Result<Issued, TokenError> {
        let c = self
            .codes
            .remove(code)
            .filter(|c| c.expires > Instant::now())
            .ok_or(TokenError::InvalidGrant(
                "The authorization code is invalid, expired or already used.",
            ))?;
        if c.grant.client_id != client_id {
            return Err(TokenError::InvalidGrant(
                "The authorization code was issued to another client.",
            ));
        }
        if redirect_uri.is_some_and(|r| r != c.redirect_uri) {
            return Err(TokenError::InvalidGrant(
                "The redirect_uri does not match the authorization request.",
            ));
        }
        Ok(self.issue(c.grant))
    }

    /// `grant_type=refresh_token`: rotation — the old refresh token stops working.
    pub fn refresh(&mut self, client_id: &str, token: &str) -> Result<Issued, TokenError> {
        let held = self
            .refresh
            .remove(token)
            .filter(|h| h.expires > Instant::now())
            .ok_or(TokenError::InvalidGrant(
                "The refresh token is invalid, expired or already used.",
            ))?;
        if held.grant.client_id != client_id {
            return Err(TokenError::InvalidGrant(
                "The refresh token was issued to another client.",
            ));
        }
        Ok(self.issue(held.grant))
    }

    /// The grant of a live access token.
    pub fn access(&self, token: &str) -> Option<&Grant> {
        self.access
            .get(token)
            .filter(|h| h.expires > Instant::now())
            .map(|h| &h.grant)
    }

    /// Expires every access token now (refresh tokens keep working).
    pub fn expire_access_tokens(&mut self) {
        self.access.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant() -> Grant {
        Grant {
            client_id: "sandbox-client".into(),
            scope: "profile transaction:read".into(),
        }
    }

    #[test]
    fn codes_are_single_use_and_refresh_tokens_rotate() {
        let mut s = OAuthStore::new(vec![OAuthClient::default()], 3600, 1234, 42);
        assert!(s
            .authenticate("sandbox-client", "sandbox-client-secret")
            .is_ok());
        assert_eq!(
            s.authenticate("sandbox-client", "nope"),
            Err(TokenError::InvalidClient)
        );
        let code = s.issue_code(grant(), "http://127.0.0.1/cb");
        assert!(s
            .exchange_code("sandbox-client", &code, Some("http://x/"))
            .is_err());
        let code = s.issue_code(grant(), "http://127.0.0.1/cb");
        let t = s.exchange_code("sandbox-client", &code, None).unwrap();
        assert!(s.exchange_code("sandbox-client", &code, None).is_err());
        assert_eq!(t.access_token.split('.').count(), 3);
        assert!(s.access(&t.access_token).unwrap().allows("profile"));
        assert!(!s.access(&t.access_token).unwrap().allows("company"));
        let t2 = s.refresh("sandbox-client", &t.refresh_token).unwrap();
        assert_ne!(t2.refresh_token, t.refresh_token);
        assert!(s.refresh("sandbox-client", &t.refresh_token).is_err());
        s.expire_access_tokens();
        assert!(s.access(&t2.access_token).is_none());
        assert!(s.refresh("other", &t2.refresh_token).is_err());
    }
}
