//! The OAuth2 resource API (`{oauth_api}`, `Authorization: Bearer <jwt>`):
//! `/me`, `/company`, bank accounts and sub-accounts, transactions, webhooks.
//! Envelope as User API v2; paging with `page` + `limit`. Nested as the
//! operation table: `client.oauth().bank_accounts().list(..)`.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::auth::AccessToken;
use crate::call::{no_content, resource, Call, Input};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation::Surface;
use crate::operations::{op, OperationSpec};
use crate::paging::NumberedPages;
use crate::paging::{Page, Paginator};
use crate::time::DateBound;
use crate::userapi::v2::envelope;

use super::flow::{authorization_url, OAuthTokens, TokenRequest};
use super::models::{
    Me, OAuthBankAccount, OAuthSubAccount, OAuthTransaction, Webhook, WebhookParams,
};

/// Filters and paging for OAuth2 lists (unused filters are ignored per list).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OAuthListParams {
    /// Transactions: bank account id.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_account_id: Option<String>,
    /// Transactions: account number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub account_number: Option<String>,
    /// Transactions: exact reference number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reference_number: Option<String>,
    /// Transactions: from this day.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub from_date: Option<DateBound>,
    /// Transactions: to this day.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to_date: Option<DateBound>,
    /// Webhooks: URL contains.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub webhook_url: Option<String>,
    /// Webhooks: active only / inactive only.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub active: Option<bool>,
    /// Page (from 1).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// Page size (`limit`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<u32>,
}

impl Input for OAuthListParams {
    fn query(&self, _: &'static str) -> Result<Vec<(&'static str, String)>> {
        let t = |v: &Option<String>| v.clone().unwrap_or_default();
        let d = |v: &Option<DateBound>| v.map(|d| d.to_query()).unwrap_or_default();
        let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        let active = self.active.map(|b| if b { "1" } else { "0" }.to_string());
        Ok(vec![
            ("bank_account_id", t(&self.bank_account_id)),
            ("account_number", t(&self.account_number)),
            ("reference_number", t(&self.reference_number)),
            ("from_date", d(&self.from_date)),
            ("to_date", d(&self.to_date)),
            ("webhook_url", t(&self.webhook_url)),
            ("active", active.unwrap_or_default()),
            ("page", n(self.page)),
            ("limit", n(self.limit)),
        ])
    }

    crate::call::page_fields!(page, limit);
}

/// One answer of type `T` from the `data` field.
fn one<T: DeserializeOwned>(spec: &'static OperationSpec, args: &[&str]) -> Call<T> {
    Call::new(spec, args, envelope::single::<T>)
}

/// One page of a list.
fn page<T: DeserializeOwned>(
    spec: &'static OperationSpec,
    args: &[&str],
    params: &OAuthListParams,
) -> Call<Page<T>, OAuthListParams> {
    Call::with_input(spec, args, params.clone(), envelope::page::<T>)
}

resource!(
    /// OAuth2 operations of a client (needs [`ClientBuilder::oauth`](crate::ClientBuilder::oauth)).
    OAuth
);

impl Client {
    /// The OAuth2 flow and resource API.
    pub fn oauth(&self) -> OAuth<'_> {
        OAuth::new(self)
    }
}

impl<'a> OAuth<'a> {
    fn setup(&self) -> Result<std::sync::Arc<super::OAuthSetup>> {
        self.client
            .extension::<super::OAuthSetup>()
            .ok_or_else(|| Error::Configuration {
                message: "this client has no OAuth2 set-up (ClientBuilder::oauth)".into(),
            })
    }

    /// The URL to send the user to, with the scopes asked for and a `state`
    /// you check on the callback.
    pub fn authorization_url(&self, scopes: &[&str], state: &str) -> Result<String> {
        authorization_url(
            self.client.base_urls(),
            &self.setup()?.config,
            scopes,
            state,
        )
    }

    /// Exchanges the callback's `code` for tokens, saves them to the store and
    /// starts using them.
    pub async fn exchange_code(&self, code: &str) -> Result<OAuthTokens> {
        let setup = self.setup()?;
        let tokens = self
            .client
            .execute(&TokenRequest::code(&setup.config, code))
            .await?;
        // Kept and used even if the store fails: a code works only once.
        let saved = setup.held.keep_and_save(&*setup.store, &tokens);
        if let Some(cache) = self.client.token_cache(Surface::OAuth2Api) {
            cache
                .set(AccessToken {
                    token: tokens.access_token.clone(),
                    expires_at: tokens.expires_at,
                })
                .await;
        }
        saved.map(|()| tokens)
    }

    /// `GET /me` (scope `profile`).
    pub async fn me(&self) -> Result<Me> {
        self.client.execute(&one(op!("oauth.me"), &[])).await
    }

    /// `GET /company` (scope `company`) as raw JSON text: SePay does not document its shape.
    pub async fn company(&self) -> Result<String> {
        let v = self
            .client
            .execute(&one::<Value>(op!("oauth.company"), &[]))
            .await?;
        Ok(v.to_string())
    }

    /// Bank accounts and their sub-accounts (`oauth.bank_accounts.*`).
    pub fn bank_accounts(&self) -> OAuthBankAccounts<'a> {
        OAuthBankAccounts::new(self.client)
    }

    /// Transactions (`oauth.transactions.*`).
    pub fn transactions(&self) -> OAuthTransactions<'a> {
        OAuthTransactions::new(self.client)
    }

    /// Webhooks (`oauth.webhooks.*`).
    pub fn webhooks(&self) -> OAuthWebhooks<'a> {
        OAuthWebhooks::new(self.client)
    }
}

resource!(
    /// Bank accounts of the user who granted access.
    OAuthBankAccounts
);

impl OAuthBankAccounts<'_> {
    /// One page of bank accounts (scope `bank-account:read`).
    pub async fn list(&self, params: &OAuthListParams) -> Result<Page<OAuthBankAccount>> {
        let c = page(op!("oauth.bank_accounts.list"), &[], params);
        self.client.execute(&c).await
    }

    /// Every bank account, page by page.
    pub fn iter(
        &self,
        params: &OAuthListParams,
    ) -> Paginator<NumberedPages<Call<Page<OAuthBankAccount>, OAuthListParams>>> {
        let first = page(op!("oauth.bank_accounts.list"), &[], params);
        Paginator::new(self.client.clone(), NumberedPages::new(first))
    }

    /// One bank account.
    pub async fn get(&self, id: &str) -> Result<OAuthBankAccount> {
        let c = one(op!("oauth.bank_accounts.get"), &[id]);
        self.client.execute(&c).await
    }

    /// One page of a bank account's sub-accounts.
    pub async fn sub_accounts(
        &self,
        bank_account_id: &str,
        params: &OAuthListParams,
    ) -> Result<Page<OAuthSubAccount>> {
        let c = page(
            op!("oauth.bank_accounts.sub_accounts"),
            &[bank_account_id],
            params,
        );
        self.client.execute(&c).await
    }
}

resource!(
    /// Transactions of the user who granted access.
    OAuthTransactions
);

impl OAuthTransactions<'_> {
    /// One page of transactions (scope `transaction:read`).
    pub async fn list(&self, params: &OAuthListParams) -> Result<Page<OAuthTransaction>> {
        let c = page(op!("oauth.transactions.list"), &[], params);
        self.client.execute(&c).await
    }

    /// Every matching transaction, page by page.
    pub fn iter(
        &self,
        params: &OAuthListParams,
    ) -> Paginator<NumberedPages<Call<Page<OAuthTransaction>, OAuthListParams>>> {
        let first = page(op!("oauth.transactions.list"), &[], params);
        Paginator::new(self.client.clone(), NumberedPages::new(first))
    }
}

resource!(
    /// Webhooks of the user who granted access.
    OAuthWebhooks
);

impl OAuthWebhooks<'_> {
    /// One page of webhooks (scope `webhook:read`).
    pub async fn list(&self, params: &OAuthListParams) -> Result<Page<Webhook>> {
        let c = page(op!("oauth.webhooks.list"), &[], params);
        self.client.execute(&c).await
    }

    /// One webhook.
    pub async fn get(&self, id: &str) -> Result<Webhook> {
        self.client
            .execute(&one(op!("oauth.webhooks.get"), &[id]))
            .await
    }

    /// Creates a webhook (scope `webhook:write`).
    pub async fn create(&self, params: &WebhookParams) -> Result<Webhook> {
        let c = one(op!("oauth.webhooks.create"), &[]).with_body(params.to_json());
        self.client.execute(&c).await
    }

    /// Changes a webhook (scope `webhook:write`).
    pub async fn update(&self, id: &str, params: &WebhookParams) -> Result<Webhook> {
        let c = one(op!("oauth.webhooks.update"), &[id]).with_body(params.to_json());
        self.client.execute(&c).await
    }

    /// Deletes a webhook (scope `webhook:delete`).
    pub async fn delete(&self, id: &str) -> Result<()> {
        let c = Call::new(op!("oauth.webhooks.delete"), &[id], no_content);
        self.client.execute(&c).await
    }
}
