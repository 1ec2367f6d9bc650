//! `WebhookTokenIssuer`: the access tokens of OAuth2-mode webhooks.

use std::time::{SystemTime, UNIX_EPOCH};

use pyo3::prelude::*;
use sepay::webhook as core;

use super::reply::WebhookReply;
use crate::errors::IntoPyResult;

/// Unix seconds: `now` if given, else the clock.
pub fn unix_now(now: Option<i64>) -> i64 {
    now.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default()
    })
}

/// Issues and checks the access tokens of OAuth2-mode webhooks: answer SePay's
/// token request at your "Access Token URL" with `issue(body)`, and give the
/// issuer to `WebhookReceiver.oauth2`. Tokens are stateless (HMAC-signed).
#[pyclass(frozen, module = "sepay_sdk")]
pub struct WebhookTokenIssuer {
    pub inner: core::WebhookTokenIssuer,
    client_id: String,
}

#[pymethods]
impl WebhookTokenIssuer {
    /// The client id and secret configured in SePay's dashboard; access tokens
    /// live `ttl` seconds (1 s to 1 day). Blank credentials are a
    /// `ConfigurationError`.
    #[new]
    #[pyo3(signature = (client_id, client_secret, *, ttl=3600.0))]
    fn new(py: Python<'_>, client_id: String, client_secret: String, ttl: f64) -> PyResult<Self> {
        let inner = sepay::config::seconds("ttl", ttl)
            .and_then(|ttl| core::WebhookTokenIssuer::new(client_id.clone(), client_secret, ttl))
            .py_err(py)?;
        Ok(WebhookTokenIssuer { inner, client_id })
    }

    /// Answers SePay's token request (`{"clientId","clientSecret"}`): 200 with
    /// `{"data":{"accessToken","refreshToken","expiredIn"}}`, 401 for wrong
    /// credentials, 400 for an unreadable body. `now` is Unix seconds.
    #[pyo3(signature = (body, *, now=None))]
    fn issue(&self, body: &Bound<'_, PyAny>, now: Option<i64>) -> PyResult<WebhookReply> {
        let reply = self
            .inner
            .issue(&crate::convert::body(body)?, unix_now(now));
        Ok(WebhookReply {
            status: reply.status,
            content_type: "application/json".to_string(),
            body: reply.body,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "WebhookTokenIssuer(client_id={:?}, client_secret={})",
            self.client_id,
            sepay::SecretString::from("").masked()
        )
    }
}
