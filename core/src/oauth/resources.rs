//! The OAuth2 resource API (`{oauth_api}`, `Authorization: Bearer <jwt>`):
//! `/me`, `/company`, bank accounts and sub-accounts, transactions, webhooks.
//! Envelope as User API v2; paging with `page` + `limit`.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::auth::AccessToken;
use crate::call::{Call, Decoder};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{HttpResponse, Method};
use crate::operation::Surface;
use crate::page::{Page, Paginator};
use crate::time::DateBound;
use crate::userapi::v2::{envelope, V2Pages};

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

impl OAuthListParams {
    fn query(&self) -> Vec<(&'static str, String)> {
        let t = |v: &Option<String>| v.clone().unwrap_or_default();
        let d = |v: &Option<DateBound>| v.map(|d| d.to_query()).unwrap_or_default();
        vec![
            ("bank_account_id", t(&self.bank_account_id)),
            ("account_number", t(&self.account_number)),
            ("reference_number", t(&self.reference_number)),
            ("from_date", d(&self.from_date)),
            ("to_date", d(&self.to_date)),
            ("webhook_url", t(&self.webhook_url)),
            (
                "active",
                self.active
                    .map(|b| if b { "1" } else { "0" }.to_string())
                    .unwrap_or_default(),
            ),
            ("page", self.page.map(|v| v.to_string()).unwrap_or_default()),
            (
                "limit",
                self.limit.map(|v| v.to_string()).unwrap_or_default(),
            ),
        ]
    }
}

fn call<T>(name: &'static str, method: Method, segments: &[&str], decode: Decoder<T>) -> Call<T> {
    Call {
        name,
        method,
        surface: Surface::OAuth2Api,
        base: |u| &u.oauth_api,
        segments: segments.iter().map(|s| s.to_string()).collect(),
        query: Vec::new(),
        body: None,
        decode,
        error: envelope::error,
        page_keys: ("page", "limit"),
    }
}

fn list<T: DeserializeOwned>(
    name: &'static str,
    segments: &[&str],
    params: &OAuthListParams,
) -> Call<Page<T>> {
    let mut c = call(name, Method::Get, segments, envelope::page::<T>);
    c.query = params.query();
    c
}

fn one<T: DeserializeOwned>(name: &'static str, method: Method, segments: &[&str]) -> Call<T> {
    call(name, method, segments, envelope::single::<T>)
}

fn no_content(name: &str, response: &HttpResponse) -> Result<()> {
    if (200..300).contains(&response.status) {
        Ok(())
    } else {
        Err(envelope::error(name, response))
    }
}

/// OAuth2 operations of a client (needs [`ClientBuilder::oauth`](crate::ClientBuilder::oauth)).
#[derive(Debug, Clone, Copy)]
pub struct OAuth<'a> {
    client: &'a Client,
}

impl Client {
    /// The OAuth2 flow and resource API.
    pub fn oauth(&self) -> OAuth<'_> {
        OAuth { client: self }
    }
}

impl<'a> OAuth<'a> {
    fn setup(&self) -> Result<std::sync::Arc<super::OAuthSetup>> {
        self.client
            .oauth_setup()
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
        self.client
            .execute(&one("oauth.me", Method::Get, &["me"]))
            .await
    }

    /// `GET /company` (scope `company`) as raw JSON text: SePay does not document its shape.
    pub async fn company(&self) -> Result<String> {
        let c = one::<Value>("oauth.company", Method::Get, &["company"]);
        let v = self.client.execute(&c).await?;
        Ok(v.to_string())
    }

    /// One page of bank accounts (scope `bank-account:read`).
    pub async fn bank_accounts(&self, params: &OAuthListParams) -> Result<Page<OAuthBankAccount>> {
        self.client
            .execute(&list(
                "oauth.bank_accounts.list",
                &["bank-accounts"],
                params,
            ))
            .await
    }

    /// Every bank account, page by page.
    pub fn iter_bank_accounts(
        &self,
        params: &OAuthListParams,
    ) -> Paginator<V2Pages<Call<Page<OAuthBankAccount>>>> {
        Paginator::new(
            self.client.clone(),
            V2Pages::new(list("oauth.bank_accounts.list", &["bank-accounts"], params)),
        )
    }

    /// One bank account.
    pub async fn bank_account(&self, id: &str) -> Result<OAuthBankAccount> {
        self.client
            .execute(&one(
                "oauth.bank_accounts.get",
                Method::Get,
                &["bank-accounts", id],
            ))
            .await
    }

    /// The sub-accounts of a bank account.
    pub async fn sub_accounts(
        &self,
        bank_account_id: &str,
        params: &OAuthListParams,
    ) -> Result<Page<OAuthSubAccount>> {
        let call = list(
            "oauth.bank_accounts.sub_accounts",
            &["bank-accounts", bank_account_id, "sub-accounts"],
            params,
        );
        self.client.execute(&call).await
    }

    /// One page of transactions (scope `transaction:read`).
    pub async fn transactions(&self, params: &OAuthListParams) -> Result<Page<OAuthTransaction>> {
        self.client
            .execute(&list("oauth.transactions.list", &["transactions"], params))
            .await
    }

    /// Every matching transaction, page by page.
    pub fn iter_transactions(
        &self,
        params: &OAuthListParams,
    ) -> Paginator<V2Pages<Call<Page<OAuthTransaction>>>> {
        Paginator::new(
            self.client.clone(),
            V2Pages::new(list("oauth.transactions.list", &["transactions"], params)),
        )
    }

    /// One page of webhooks (scope `webhook:read`).
    pub async fn webhooks(&self, params: &OAuthListParams) -> Result<Page<Webhook>> {
        self.client
            .execute(&list("oauth.webhooks.list", &["webhooks"], params))
            .await
    }

    /// One webhook.
    pub async fn webhook(&self, id: &str) -> Result<Webhook> {
        self.client
            .execute(&one("oauth.webhooks.get", Method::Get, &["webhooks", id]))
            .await
    }

    /// Creates a webhook (scope `webhook:write`).
    pub async fn create_webhook(&self, params: &WebhookParams) -> Result<Webhook> {
        let c =
            one("oauth.webhooks.create", Method::Post, &["webhooks"]).with_body(params.to_json());
        self.client.execute(&c).await
    }

    /// Changes a webhook (scope `webhook:write`).
    pub async fn update_webhook(&self, id: &str, params: &WebhookParams) -> Result<Webhook> {
        let c = one("oauth.webhooks.update", Method::Patch, &["webhooks", id])
            .with_body(params.to_json());
        self.client.execute(&c).await
    }

    /// Deletes a webhook (scope `webhook:delete`).
    pub async fn delete_webhook(&self, id: &str) -> Result<()> {
        self.client
            .execute(&call(
                "oauth.webhooks.delete",
                Method::Delete,
                &["webhooks", id],
                no_content,
            ))
            .await
    }
}
