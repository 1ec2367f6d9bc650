//! Bank Hub: the merchant's webhook (`client.bankHub().webhook()`), which
//! crosses as a record of its own (its secret key never leaves the core). The
//! rest of `client.bankHub()` is generated (`generated.rs`).

use sepay::SecretString;

use crate::error::SePayError;
use crate::generated::BankHubWebhooks;

/// The merchant's webhook. Its secret key is never exposed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct BankHubWebhook {
    /// Target.
    pub webhook_url: String,
    /// `SECRET_KEY`.
    pub auth_type: String,
    /// Whether a secret key is set.
    pub has_secret_key: bool,
    /// e.g. `application/json`.
    pub request_content_type: String,
    /// Active.
    pub active: bool,
    /// Events delivered (`["*"]` = all).
    pub allow_events: Vec<String>,
}

impl From<sepay::bank_hub::BankHubWebhook> for BankHubWebhook {
    fn from(w: sepay::bank_hub::BankHubWebhook) -> Self {
        BankHubWebhook {
            webhook_url: w.webhook_url,
            auth_type: w.auth_type,
            has_secret_key: w.secret_key.is_some_and(|k| !k.is_empty()),
            request_content_type: w.request_content_type,
            active: w.active,
            allow_events: w.allow_events,
        }
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl BankHubWebhooks {
    /// The merchant's webhook, or null when none is set.
    pub async fn get(&self) -> Result<Option<BankHubWebhook>, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .webhook()
            .get()
            .await?
            .map(Into::into))
    }

    /// Sets (upserts) the webhook; SePay sends `secretKey` as `X-Secret-Key`
    /// with every event (`allowEvents` `["*"]` = all).
    #[uniffi::method(default(active = true))]
    pub async fn set(
        &self,
        webhook_url: String,
        secret_key: String,
        allow_events: Vec<String>,
        active: bool,
    ) -> Result<BankHubWebhook, SePayError> {
        let secret = SecretString::new(secret_key);
        let hub = self.client.bank_hub();
        Ok(hub
            .webhook()
            .set(&webhook_url, &secret, &allow_events, active)
            .await?
            .into())
    }
}
