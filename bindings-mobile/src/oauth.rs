//! OAuth2 (`client.oauth()`): the hand-written parts — the authorization-code
//! flow, tokens kept in a user-supplied [`TokenStore`], and webhooks (records
//! of their own); `me`, `company`, `bankAccounts()` and `transactions()` are
//! generated (`generated.rs`).

use std::fmt;
use std::sync::Arc;

use sepay::oauth::{OAuthListParams, WebhookAuthType, WebhookEventType};
use sepay::uniffi_types::{self, OffsetDateTime};
use sepay::SecretString;

use crate::error::SePayError;
use crate::generated::{OAuthApi, OAuthWebhooks};

// The core's time type, shared with its records (Kotlin OffsetDateTime, Swift Date).
uniffi::use_remote_type!(sepay::uniffi_types::OffsetDateTime);

page_record!(OAuthWebhookPage, OAuthWebhook, "One page of webhooks.");

/// One SePay user's tokens. `toString()` / `description` masks both tokens;
/// read them with `accessToken()` / `refreshToken()` only to persist them.
#[derive(Clone, PartialEq, Eq, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq)]
pub struct OAuthTokens(pub(crate) sepay::oauth::OAuthTokens);

impl fmt::Debug for OAuthTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for OAuthTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

#[uniffi::export]
impl OAuthTokens {
    /// Tokens read back from storage (`expiresAt` in Unix seconds).
    #[uniffi::constructor(default(refresh_token = None, expires_at = None, scope = None))]
    pub fn new(
        access_token: String,
        refresh_token: Option<String>,
        expires_at: Option<i64>,
        scope: Option<String>,
    ) -> Arc<Self> {
        Arc::new(OAuthTokens(sepay::oauth::OAuthTokens {
            access_token: SecretString::new(access_token),
            refresh_token: refresh_token.map(SecretString::new),
            expires_at,
            scope,
        }))
    }

    /// The access token (a secret).
    pub fn access_token(&self) -> String {
        self.0.access_token.expose().to_string()
    }

    /// The refresh token (a secret), if SePay sent one.
    pub fn refresh_token(&self) -> Option<String> {
        self.0
            .refresh_token
            .as_ref()
            .map(|t| t.expose().to_string())
    }

    /// When the access token expires, Unix seconds.
    pub fn expires_at(&self) -> Option<i64> {
        self.0.expires_at
    }

    /// Granted scopes, space-separated.
    pub fn scope(&self) -> Option<String> {
        self.0.scope.clone()
    }
}

/// Where the client keeps a user's tokens between runs (a database row, a
/// file, the keychain...). `save` is called after the code exchange and every
/// refresh (refresh tokens rotate), possibly from a background thread.
///
/// A store may throw (`TokenStoreError`, or any other exception); the call
/// that needed it then fails with `SePayError.Store`, never a crash. When
/// `save` throws, the client keeps the new tokens in memory (the rotated
/// refresh token is not lost) and saves them again on the next call; a later
/// call that finds the store working succeeds.
#[uniffi::export(with_foreign)]
pub trait TokenStore: Send + Sync {
    /// The stored tokens, or null before the first exchange.
    fn load(&self) -> Result<Option<Arc<OAuthTokens>>, TokenStoreError>;
    /// Persists new tokens (replacing the old ones).
    fn save(&self, tokens: Arc<OAuthTokens>) -> Result<(), TokenStoreError>;
}

/// What a [`TokenStore`] may throw (any other exception is carried as `Failed`).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TokenStoreError {
    /// The store could not load or save.
    #[error("token store failed: {reason}")]
    Failed {
        /// Why.
        reason: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for TokenStoreError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        TokenStoreError::Failed { reason: e.reason }
    }
}

/// The core's view of a foreign store.
pub(crate) struct ForeignStore(pub(crate) Arc<dyn TokenStore>);

impl fmt::Debug for ForeignStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenStore(..)")
    }
}

fn failed(e: TokenStoreError) -> sepay::Error {
    let TokenStoreError::Failed { reason } = e;
    sepay::Error::store("oauth.token_store", reason)
}

impl sepay::oauth::TokenStore for ForeignStore {
    fn load(&self) -> sepay::Result<Option<sepay::oauth::OAuthTokens>> {
        let tokens = self.0.load().map_err(failed)?;
        Ok(tokens.map(|t| t.0.clone()))
    }
    fn save(&self, tokens: &sepay::oauth::OAuthTokens) -> sepay::Result<()> {
        self.0
            .save(Arc::new(OAuthTokens(tokens.clone())))
            .map_err(failed)
    }
}

/// A webhook registered in SePay. The API key it carries is never exposed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct OAuthWebhook {
    /// Id.
    pub id: String,
    /// Bank account it watches.
    pub bank_account_id: String,
    /// Name.
    pub name: String,
    /// Which transactions.
    pub event_type: WebhookEventType,
    /// Authentication mode.
    pub authen_type: WebhookAuthType,
    /// Target URL.
    pub webhook_url: String,
    /// Only verified payments.
    pub is_verify_payment: bool,
    /// Skip transactions without a payment code.
    pub skip_if_no_code: bool,
    /// Only virtual-account transactions.
    pub only_va: bool,
    /// Active.
    pub active: bool,
    /// Body format, e.g. `Json`.
    pub request_content_type: String,
    /// Whether SePay holds an API key for it (API-key mode).
    pub has_api_key: bool,
    /// Sub-account ids it is limited to.
    pub bank_sub_account_ids: Vec<String>,
    /// Created.
    pub created_at: Option<OffsetDateTime>,
}

impl From<sepay::oauth::Webhook> for OAuthWebhook {
    fn from(w: sepay::oauth::Webhook) -> Self {
        OAuthWebhook {
            id: w.id,
            bank_account_id: w.bank_account_id,
            name: w.name,
            event_type: w.event_type,
            authen_type: w.authen_type,
            webhook_url: w.webhook_url,
            is_verify_payment: w.is_verify_payment,
            skip_if_no_code: w.skip_if_no_code,
            only_va: w.only_va,
            active: w.active,
            request_content_type: w.request_content_type,
            has_api_key: w.api_key.is_some_and(|k| !k.is_empty()),
            bank_sub_account_ids: w
                .bank_sub_account_ids
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect(),
            created_at: w.created_at,
        }
    }
}

/// Fields to create or change a webhook (null fields are not sent).
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct OAuthWebhookParams {
    /// Bank account to watch.
    #[uniffi(default)]
    pub bank_account_id: Option<String>,
    /// Name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// Which transactions.
    #[uniffi(default)]
    pub event_type: Option<WebhookEventType>,
    /// Authentication mode.
    #[uniffi(default)]
    pub authen_type: Option<WebhookAuthType>,
    /// Target URL (HTTPS).
    #[uniffi(default)]
    pub webhook_url: Option<String>,
    /// API key for API-key mode (a secret, sent only).
    #[uniffi(default)]
    pub api_key: Option<String>,
    /// Only verified payments.
    #[uniffi(default)]
    pub is_verify_payment: Option<bool>,
    /// Skip transactions without a payment code.
    #[uniffi(default)]
    pub skip_if_no_code: Option<bool>,
    /// Only virtual-account transactions.
    #[uniffi(default)]
    pub only_va: Option<bool>,
    /// Active.
    #[uniffi(default)]
    pub active: Option<bool>,
    /// Body format, e.g. `Json`.
    #[uniffi(default)]
    pub request_content_type: Option<String>,
}

impl OAuthWebhookParams {
    fn into_core(self) -> sepay::oauth::WebhookParams {
        sepay::oauth::WebhookParams {
            bank_account_id: self.bank_account_id,
            name: self.name,
            event_type: self.event_type,
            authen_type: self.authen_type,
            webhook_url: self.webhook_url,
            api_key: self.api_key.map(SecretString::new),
            is_verify_payment: self.is_verify_payment,
            skip_if_no_code: self.skip_if_no_code,
            only_va: self.only_va,
            active: self.active,
            request_content_type: self.request_content_type,
        }
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl OAuthApi {
    /// The URL to send the user's browser to, asking for `scopes` (e.g.
    /// `profile`, `bank-account:read`); check `state` on the callback.
    pub fn authorization_url(
        &self,
        scopes: Vec<String>,
        state: String,
    ) -> Result<String, SePayError> {
        let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
        Ok(self.client.oauth().authorization_url(&scopes, &state)?)
    }

    /// Exchanges the callback's `code` for tokens, saves them in the store and
    /// starts using them.
    pub async fn exchange_code(&self, code: String) -> Result<Arc<OAuthTokens>, SePayError> {
        Ok(Arc::new(OAuthTokens(
            self.client.oauth().exchange_code(&code).await?,
        )))
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl OAuthWebhooks {
    /// One page of webhooks (filters: `webhookUrl`, `active`, `page`, `limit`).
    #[uniffi::method(default(params))]
    pub async fn list(&self, params: OAuthListParams) -> Result<OAuthWebhookPage, SePayError> {
        let page = self.client.oauth().webhooks().list(&params).await?;
        Ok(OAuthWebhookPage {
            items: page.items.into_iter().map(Into::into).collect(),
            pagination: page.pagination,
        })
    }

    /// One webhook.
    pub async fn get(&self, id: String) -> Result<OAuthWebhook, SePayError> {
        Ok(self.client.oauth().webhooks().get(&id).await?.into())
    }

    /// Creates a webhook.
    pub async fn create(&self, params: OAuthWebhookParams) -> Result<OAuthWebhook, SePayError> {
        let params = params.into_core();
        Ok(self.client.oauth().webhooks().create(&params).await?.into())
    }

    /// Changes the given fields of a webhook.
    pub async fn update(
        &self,
        id: String,
        params: OAuthWebhookParams,
    ) -> Result<OAuthWebhook, SePayError> {
        let params = params.into_core();
        Ok(self
            .client
            .oauth()
            .webhooks()
            .update(&id, &params)
            .await?
            .into())
    }

    /// Deletes a webhook.
    pub async fn delete(&self, id: String) -> Result<(), SePayError> {
        Ok(self.client.oauth().webhooks().delete(&id).await?)
    }
}
