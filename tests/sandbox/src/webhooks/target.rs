//! Registered user-webhook targets (`/__sandbox/webhooks`).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use serde::{Deserialize, Serialize};

/// How a delivery authenticates itself (SePay's four modes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WebhookAuth {
    /// Nothing.
    #[default]
    None,
    /// `Authorization: Apikey <api_key>`.
    ApiKey,
    /// `X-SePay-Signature: sha256=<hex>` over `"{timestamp}.{body}"` plus `X-SePay-Timestamp`.
    Hmac,
    /// `Authorization: Bearer <token>` from the target's token endpoint.
    Oauth2,
}

/// The body encoding of a delivery.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyFormat {
    /// `application/json`.
    #[default]
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`.
    Multipart,
}

/// A webhook target as registered (body of `POST /__sandbox/webhooks`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookTarget {
    /// Where to POST (http or https; loopback allowed, unlike SePay).
    pub url: String,
    /// Authentication mode (default `none`).
    #[serde(default)]
    pub auth: WebhookAuth,
    /// Key of `api_key` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    /// Secret of `hmac` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Token endpoint of `oauth2` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    /// Client id sent to the token endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Client secret sent to the token endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// Body encoding (default `json`).
    #[serde(default)]
    pub content_type: BodyFormat,
}

fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
}

impl WebhookTarget {
    /// A JSON target without authentication.
    pub fn new(url: impl Into<String>) -> WebhookTarget {
        WebhookTarget {
            url: url.into(),
            ..WebhookTarget::default()
        }
    }

    /// Checks that the URL is http(s) and that the mode's fields are given.
    pub fn validate(&self) -> Result<(), String> {
        if !is_http_url(&self.url) {
            return Err("url must be an http:// or https:// URL".to_string());
        }
        let given = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
        match self.auth {
            WebhookAuth::None => {}
            WebhookAuth::ApiKey if !given(&self.api_key) => {
                return Err("auth api_key needs api_key".to_string())
            }
            WebhookAuth::Hmac if !given(&self.secret) => {
                return Err("auth hmac needs secret".to_string())
            }
            WebhookAuth::Oauth2 => {
                if !self.token_url.as_deref().is_some_and(is_http_url) {
                    return Err("auth oauth2 needs an http(s) token_url".to_string());
                }
                if !given(&self.client_id) || !given(&self.client_secret) {
                    return Err("auth oauth2 needs client_id and client_secret".to_string());
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// A target with its id, as listed by `GET /__sandbox/webhooks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredWebhook {
    /// Id returned at registration.
    pub id: u64,
    /// The target.
    #[serde(flatten)]
    pub target: WebhookTarget,
}

/// An OAuth2 access token and when it stops being used.
#[derive(Debug, Clone)]
pub struct CachedToken {
    /// `data.accessToken`.
    pub token: String,
    /// Now + `data.expiredIn` seconds at fetch time.
    pub expires: Instant,
}

/// A registered target and its OAuth2 token cache.
#[derive(Debug)]
pub struct TargetEntry {
    /// Target id.
    pub id: u64,
    /// The target.
    pub target: WebhookTarget,
    token: Mutex<Option<CachedToken>>,
}

impl TargetEntry {
    /// The token cache.
    pub fn token(&self) -> MutexGuard<'_, Option<CachedToken>> {
        self.token.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Every registered target, by id.
#[derive(Debug, Default)]
pub struct WebhookRegistry {
    next_id: u64,
    targets: BTreeMap<u64, Arc<TargetEntry>>,
}

impl WebhookRegistry {
    /// Registers a validated target and returns its id (from 1).
    pub fn add(&mut self, target: WebhookTarget) -> Result<u64, String> {
        target.validate()?;
        self.next_id += 1;
        let entry = TargetEntry {
            id: self.next_id,
            target,
            token: Mutex::new(None),
        };
        self.targets.insert(self.next_id, Arc::new(entry));
        Ok(self.next_id)
    }

    /// Removes a target; false when unknown.
    pub fn remove(&mut self, id: u64) -> bool {
        self.targets.remove(&id).is_some()
    }

    /// Every target, by id.
    pub fn list(&self) -> Vec<RegisteredWebhook> {
        self.targets
            .values()
            .map(|e| RegisteredWebhook {
                id: e.id,
                target: e.target.clone(),
            })
            .collect()
    }

    /// Handles on every target (for a delivery).
    pub fn entries(&self) -> Vec<Arc<TargetEntry>> {
        self.targets.values().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_and_ids() {
        let mut r = WebhookRegistry::default();
        assert!(r.add(WebhookTarget::new("ftp://x")).is_err());
        assert!(r.add(WebhookTarget::new("http://")).is_err());
        let api = WebhookTarget {
            auth: WebhookAuth::ApiKey,
            ..WebhookTarget::new("http://127.0.0.1:1/h")
        };
        assert!(r.add(api.clone()).is_err());
        let api = WebhookTarget {
            api_key: Some("k".into()),
            ..api
        };
        assert_eq!(r.add(api), Ok(1));
        let oauth = WebhookTarget {
            auth: WebhookAuth::Oauth2,
            token_url: Some("http://127.0.0.1:1/token".into()),
            client_id: Some("c".into()),
            ..WebhookTarget::new("https://example.com/h")
        };
        assert!(r.add(oauth.clone()).is_err());
        let oauth = WebhookTarget {
            client_secret: Some("s".into()),
            ..oauth
        };
        assert_eq!(r.add(oauth), Ok(2));
        assert_eq!(r.list().len(), 2);
        assert!(r.remove(1));
        assert!(!r.remove(1));
        assert_eq!(r.list()[0].id, 2);
        let json: WebhookTarget = serde_json::from_str(
            r#"{"url":"http://h/x","auth":"hmac","secret":"s","content_type":"multipart"}"#,
        )
        .unwrap();
        assert_eq!(json.auth, WebhookAuth::Hmac);
        assert_eq!(json.content_type, BodyFormat::Multipart);
    }
}
