//! Bank Hub's client-credentials token: `POST /v1/token` with
//! `Authorization: Basic base64(client_id:client_secret)` and an empty body →
//! 201 `{"code":201,"access_token":"…","ttl":60000}` (ttl in seconds).

use std::fmt;

use base64::Engine;
use serde::Deserialize;

use crate::auth::{AccessToken, TokenProvider};
use crate::config::BaseUrls;
use crate::decode;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::operation::{run, Operation, Sender, Surface};
use crate::secret::SecretString;

use super::envelope;

/// `POST /token`.
#[derive(Clone)]
pub struct CreateToken {
    client_id: String,
    client_secret: SecretString,
}

impl fmt::Debug for CreateToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateToken")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .finish()
    }
}

#[derive(Deserialize)]
struct Answer {
    access_token: String,
    #[serde(deserialize_with = "decode::count::deserialize")]
    ttl: u64,
}

impl Operation for CreateToken {
    type Output = AccessToken;
    fn name(&self) -> &'static str {
        "bank_hub.token"
    }
    fn surface(&self) -> Surface {
        Surface::None
    }
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let mut r = HttpRequest::get(&urls.bank_hub, &["token"], &[]);
        r.method = Method::Post;
        let pair = format!("{}:{}", self.client_id, self.client_secret.expose());
        r.set_header(
            "authorization",
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            ),
        );
        Ok(r)
    }
    fn decode(&self, response: &HttpResponse) -> Result<AccessToken> {
        if !(200..300).contains(&response.status) {
            return Err(self.error(response));
        }
        let a: Answer = decode::json(self.name(), response)?;
        Ok(AccessToken {
            token: a.access_token.into(),
            expires_at: Some(crate::auth::expires_in(
                i64::try_from(a.ttl).unwrap_or(i64::MAX),
            )),
        })
    }
    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(self.name(), response)
    }
}

/// Fetches Bank Hub tokens with the merchant's client credentials.
pub(crate) struct BankHubTokens(pub(crate) CreateToken);

impl fmt::Debug for BankHubTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl BankHubTokens {
    pub(crate) fn new(client_id: String, client_secret: SecretString) -> Self {
        BankHubTokens(CreateToken {
            client_id,
            client_secret,
        })
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl TokenProvider for BankHubTokens {
    async fn fetch(
        &self,
        sender: &dyn Sender,
        _stale: Option<&AccessToken>,
    ) -> Result<AccessToken> {
        run(sender, &self.0).await
    }

    fn identity(&self) -> String {
        format!("bank_hub:{}", self.0.client_id)
    }
}
