//! The authorization-code flow (sepay-api.md §5.1): authorization URL, code
//! exchange and refresh against `{oauth}/token` (form-encoded), with tokens
//! handed to a user-supplied store so they survive restarts. Refresh tokens are
//! treated as rotating: whenever SePay returns one, it replaces the old one.

use std::fmt;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use serde::Deserialize;
use url::Url;

use crate::auth::{AccessToken, TokenProvider};
use crate::config::BaseUrls;
use crate::decode::{self, summarize};
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, MaybeSendSync, Method};
use crate::operation::{run, Operation, Sender, Surface};
use crate::secret::SecretString;
use crate::userapi::text_of;

/// Scopes SePay documents.
pub const SCOPES: &[&str] = &[
    "profile",
    "company",
    "bank-account:read",
    "transaction:read",
    "webhook:read",
    "webhook:write",
    "webhook:delete",
];

/// The app's OAuth2 credentials (issued by SePay on request).
#[derive(Debug, Clone)]
pub struct OAuthConfig {
    /// Client id.
    pub client_id: String,
    /// Client secret.
    pub client_secret: SecretString,
    /// The redirect URI registered with SePay.
    pub redirect_uri: String,
}

/// Tokens of one SePay user, as the store keeps them.
#[derive(Clone, PartialEq, Eq)]
pub struct OAuthTokens {
    /// Access token (a JWT, about 1 hour).
    pub access_token: SecretString,
    /// Refresh token (about 1 month), if SePay sent one.
    pub refresh_token: Option<SecretString>,
    /// Unix seconds when the access token expires.
    pub expires_at: Option<i64>,
    /// Granted scopes, space-separated.
    pub scope: Option<String>,
}

impl fmt::Debug for OAuthTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthTokens")
            .field("access_token", &self.access_token)
            .field("refresh_token", &self.refresh_token)
            .field("expires_at", &self.expires_at)
            .field("scope", &self.scope)
            .finish()
    }
}

/// Where tokens live between runs (a database row, a file, a keychain...).
/// `save` is called after every exchange and refresh. Either may fail
/// (return `Error::Store`, see [`Error::store`]): the failure reaches the
/// caller, and tokens SePay issued are kept in memory meanwhile (a rotated
/// refresh token is never lost because saving it failed).
pub trait TokenStore: MaybeSendSync + fmt::Debug {
    /// The stored tokens, if any.
    fn load(&self) -> Result<Option<OAuthTokens>>;
    /// Persists new tokens.
    fn save(&self, tokens: &OAuthTokens) -> Result<()>;
}

/// A store that keeps tokens in memory only.
#[derive(Debug, Default)]
pub struct MemoryTokenStore(Mutex<Option<OAuthTokens>>);

impl TokenStore for MemoryTokenStore {
    fn load(&self) -> Result<Option<OAuthTokens>> {
        Ok(self.0.lock().unwrap_or_else(|p| p.into_inner()).clone())
    }
    fn save(&self, tokens: &OAuthTokens) -> Result<()> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(tokens.clone());
        Ok(())
    }
}

/// The newest tokens this process holds, and whether the store has them.
/// Shared by the code exchange and the refresher of one client.
#[derive(Debug, Default)]
pub(crate) struct HeldTokens(Mutex<Option<(OAuthTokens, bool)>>);

impl HeldTokens {
    fn get(&self) -> Option<(OAuthTokens, bool)> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn put(&self, tokens: &OAuthTokens, saved: bool) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((tokens.clone(), saved));
    }

    /// Keeps `tokens`, then saves them; a failed save is reported and retried
    /// at the next renewal.
    pub(crate) fn keep_and_save(&self, store: &dyn TokenStore, tokens: &OAuthTokens) -> Result<()> {
        self.put(tokens, false);
        store.save(tokens)?;
        self.put(tokens, true);
        Ok(())
    }
}

/// The URL to send the user's browser to. `state` is required (check it on
/// the callback to stop CSRF).
pub fn authorization_url(
    urls: &BaseUrls,
    config: &OAuthConfig,
    scopes: &[&str],
    state: &str,
) -> Result<String> {
    const OP: &str = "oauth.authorization_url";
    if state.trim().is_empty() {
        return Err(Error::invalid_param(OP, "state", "is required"));
    }
    if let Some(bad) = scopes.iter().find(|s| !SCOPES.contains(s)) {
        return Err(Error::invalid_param(
            OP,
            "scope",
            format!("unknown scope {bad:?} (known: {})", SCOPES.join(", ")),
        ));
    }
    let mut url: Url = crate::config::parse_base(urls.oauth.as_str())?;
    url.path_segments_mut()
        .map_err(|_| Error::config("the OAuth2 base URL cannot take a path"))?
        .pop_if_empty()
        .push("authorize");
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &config.client_id)
        .append_pair("redirect_uri", &config.redirect_uri)
        .append_pair("scope", &scopes.join(" "))
        .append_pair("state", state);
    Ok(url.to_string())
}

/// `POST {oauth}/token`, form-encoded.
#[derive(Debug, Clone)]
pub struct TokenRequest {
    config: OAuthConfig,
    grant: Grant,
}

#[derive(Debug, Clone)]
enum Grant {
    /// The authorization code is a credential too: kept masked.
    Code(SecretString),
    Refresh(SecretString),
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    expires_in: Option<i64>,
    #[serde(default)]
    scope: Option<String>,
}

impl TokenRequest {
    /// Exchange an authorization code.
    pub fn code(config: &OAuthConfig, code: &str) -> Self {
        TokenRequest {
            config: config.clone(),
            grant: Grant::Code(code.into()),
        }
    }

    /// Use a refresh token.
    pub fn refresh(config: &OAuthConfig, refresh_token: &SecretString) -> Self {
        TokenRequest {
            config: config.clone(),
            grant: Grant::Refresh(refresh_token.clone()),
        }
    }
}

impl Operation for TokenRequest {
    type Output = OAuthTokens;

    fn name(&self) -> &'static str {
        match self.grant {
            Grant::Code(_) => "oauth.exchange_code",
            Grant::Refresh(_) => "oauth.refresh",
        }
    }

    fn surface(&self) -> Surface {
        Surface::None
    }

    /// A refresh token may be single-use (rotation): never re-send blindly.
    fn idempotent(&self) -> bool {
        false
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        match &self.grant {
            Grant::Code(code) => {
                if code.is_blank() {
                    return Err(Error::invalid_param(
                        self.name(),
                        "code",
                        "must not be empty",
                    ));
                }
                form.append_pair("grant_type", "authorization_code")
                    .append_pair("code", code.expose());
            }
            Grant::Refresh(token) => {
                form.append_pair("grant_type", "refresh_token")
                    .append_pair("refresh_token", token.expose());
            }
        }
        form.append_pair("client_id", &self.config.client_id)
            .append_pair("client_secret", self.config.client_secret.expose())
            .append_pair("redirect_uri", &self.config.redirect_uri);
        let mut request = HttpRequest::get(&urls.oauth, &["token"], &[]);
        request.method = Method::Post;
        request.set_header("content-type", "application/x-www-form-urlencoded".into());
        request.body = Some(Bytes::from(form.finish()));
        Ok(request)
    }

    fn decode(&self, response: &HttpResponse) -> Result<OAuthTokens> {
        if !(200..300).contains(&response.status) {
            return Err(self.error(response));
        }
        let a: TokenAnswer = decode::json(self.name(), response)?;
        Ok(OAuthTokens {
            access_token: a.access_token.into(),
            refresh_token: a.refresh_token.filter(|t| !t.is_empty()).map(Into::into),
            expires_at: a.expires_in.map(crate::auth::expires_in),
            scope: a.scope,
        })
    }

    /// OAuth errors (`{"error","error_description"}` or `{"message"}`); a
    /// rejected grant (400 `invalid_grant`) is an authentication failure.
    fn error(&self, response: &HttpResponse) -> Error {
        let v: Option<serde_json::Value> = serde_json::from_slice(&response.body).ok();
        let get = |k: &str| {
            v.as_ref()
                .and_then(|v| v.get(k))
                .filter(|x| !x.is_null())
                .map(text_of)
        };
        let code = get("error");
        let message = get("error_description")
            .or_else(|| get("message"))
            .unwrap_or_else(|| summarize(&response.body));
        let status = response.status;
        let operation = self.name().to_string();
        if status == 401 || matches!(code.as_deref(), Some("invalid_grant" | "invalid_client")) {
            return Error::Authentication {
                operation,
                status,
                code,
                message,
            };
        }
        crate::userapi::ErrorAnswer {
            status,
            code,
            message,
            field_errors: Vec::new(),
            retry_after: crate::client::retry_after(response),
        }
        .into_error(&operation)
    }
}

/// Renews access tokens from the store's refresh token (or the one this
/// process holds when the store could not be written).
pub(crate) struct OAuthProvider {
    pub(crate) config: OAuthConfig,
    pub(crate) store: Arc<dyn TokenStore>,
    pub(crate) held: Arc<HeldTokens>,
}

impl fmt::Debug for OAuthProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthProvider")
            .field("client_id", &self.config.client_id)
            .finish_non_exhaustive()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl TokenProvider for OAuthProvider {
    async fn fetch(&self, sender: &dyn Sender, stale: Option<&AccessToken>) -> Result<AccessToken> {
        let held = self.held.get();
        let stored = match held {
            // Tokens the store does not have yet win over what it holds.
            Some((tokens, false)) => {
                if !tokens.is_expiring() {
                    // Only the save is missing: try it again, nothing is re-sent to SePay.
                    self.held.keep_and_save(&*self.store, &tokens)?;
                    return Ok(tokens.access());
                }
                tokens
            }
            held => match (self.store.load(), held) {
                (Ok(Some(stored)), _) => stored,
                (Ok(None), Some((tokens, _))) | (Err(_), Some((tokens, _))) => tokens,
                (Err(e), None) => return Err(e),
                (Ok(None), None) => return Err(Error::Authentication {
                    operation: "oauth.refresh".into(),
                    status: 401,
                    code: None,
                    message: "no OAuth2 tokens yet: send the user to authorization_url() and call exchange_code()".into(),
                }),
            },
        };
        // Another process may have refreshed and saved already.
        let fresh_in_store =
            stale.is_none_or(|s| s.token != stored.access_token) && !stored.is_expiring();
        if fresh_in_store {
            return Ok(stored.access());
        }
        let refresh = stored
            .refresh_token
            .clone()
            .ok_or_else(|| Error::Authentication {
                operation: "oauth.refresh".into(),
                status: 401,
                code: None,
                message: "the access token expired and no refresh token is stored".into(),
            })?;
        let mut tokens = run(sender, &TokenRequest::refresh(&self.config, &refresh)).await?;
        if tokens.refresh_token.is_none() {
            tokens.refresh_token = Some(refresh);
        }
        self.held.keep_and_save(&*self.store, &tokens)?;
        Ok(tokens.access())
    }

    fn identity(&self) -> String {
        format!("oauth:{}", self.config.client_id)
    }
}

impl OAuthTokens {
    /// The access token as the cache keeps it.
    fn access(&self) -> AccessToken {
        AccessToken {
            token: self.access_token.clone(),
            expires_at: self.expires_at,
        }
    }

    /// True when the access token expires within a minute.
    fn is_expiring(&self) -> bool {
        self.access()
            .expires_within(std::time::Duration::from_secs(60))
    }
}
