//! The OAuth2 resource API (`{oauth_api}`, `Authorization: Bearer <jwt>`):
//! `/me`, `/company`, bank accounts and sub-accounts, transactions, webhooks.
//! Envelope as User API v2; paging with `page` + `limit`.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::auth::AccessToken;
use crate::client::Client;
use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, MaybeSendSync, Method};
use crate::operation::{Operation, Surface};
use crate::page::{Page, Paginator};
use crate::time::DateBound;
use crate::userapi::v2::{envelope, PagedQuery, V2Pages};

use super::flow::{authorization_url, OAuthTokens, TokenRequest};
use super::models::{
    Me, OAuthBankAccount, OAuthSubAccount, OAuthTransaction, Webhook, WebhookParams,
};

/// Filters and paging for OAuth2 lists (unused filters are ignored per list).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OAuthListParams {
    /// Transactions: bank account id.
    pub bank_account_id: Option<String>,
    /// Transactions: account number.
    pub account_number: Option<String>,
    /// Transactions: exact reference number.
    pub reference_number: Option<String>,
    /// Transactions: from this day.
    pub from_date: Option<DateBound>,
    /// Transactions: to this day.
    pub to_date: Option<DateBound>,
    /// Webhooks: URL contains.
    pub webhook_url: Option<String>,
    /// Webhooks: active only / inactive only.
    pub active: Option<bool>,
    /// Page (from 1).
    pub page: Option<u32>,
    /// Page size (`limit`).
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

/// One OAuth2 resource call returning `T` (a single object) or a page of `T`.
#[derive(Debug)]
pub struct ResourceCall<T> {
    name: &'static str,
    method: Method,
    segments: Vec<String>,
    params: Option<OAuthListParams>,
    body: Option<Value>,
    output: PhantomData<fn() -> T>,
}

impl<T> Clone for ResourceCall<T> {
    fn clone(&self) -> Self {
        ResourceCall {
            name: self.name,
            method: self.method,
            segments: self.segments.clone(),
            params: self.params.clone(),
            body: self.body.clone(),
            output: PhantomData,
        }
    }
}

impl<T> ResourceCall<T> {
    fn new(name: &'static str, method: Method, segments: &[&str]) -> Self {
        ResourceCall {
            name,
            method,
            segments: segments.iter().map(|s| s.to_string()).collect(),
            params: None,
            body: None,
            output: PhantomData,
        }
    }

    fn build(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        if self.segments.iter().any(|s| s.trim().is_empty()) {
            return Err(Error::invalid_param(self.name, "id", "must not be empty"));
        }
        let segs: Vec<&str> = self.segments.iter().map(String::as_str).collect();
        let query = self.params.as_ref().map(|p| p.query()).unwrap_or_default();
        let mut r = match &self.body {
            Some(b) => HttpRequest::json(self.method, &urls.oauth_api, &segs, b),
            None => HttpRequest::get(&urls.oauth_api, &segs, &query),
        };
        r.method = self.method;
        Ok(r)
    }
}

macro_rules! resource_op {
    ($out:ty, $decode:expr) => {
        impl<T: DeserializeOwned + MaybeSendSync> Operation for ResourceCall<$out> {
            type Output = $out;
            fn name(&self) -> &'static str {
                self.name
            }
            fn surface(&self) -> Surface {
                Surface::OAuth2Api
            }
            fn idempotent(&self) -> bool {
                matches!(self.method, Method::Get)
            }
            fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
                self.build(urls)
            }
            fn decode(&self, response: &HttpResponse) -> Result<$out> {
                #[allow(clippy::redundant_closure_call)]
                ($decode)(self.name, response)
            }
            fn error(&self, response: &HttpResponse) -> Error {
                envelope::error(self.name, response)
            }
        }
    };
}

/// Wrapper marking a single-object answer.
#[derive(Debug, Clone, PartialEq)]
pub struct One<T>(pub T);

resource_op!(Page<T>, |n: &str, r: &HttpResponse| envelope::page::<T>(
    n, r
));
resource_op!(One<T>, |n: &str, r: &HttpResponse| if r.status == 204
    || r.body.is_empty() && (200..300).contains(&r.status)
{
    Err(Error::Decode {
        operation: n.to_string(),
        path: None,
        expected: "a JSON body".into(),
        found: "no content".into(),
    })
} else {
    envelope::single::<T>(n, r).map(One)
});

impl<T: DeserializeOwned + MaybeSendSync> PagedQuery for ResourceCall<Page<T>> {
    type Item = T;
    type List = ResourceCall<Page<T>>;
    fn start(&self) -> (Option<u32>, Option<u32>) {
        let p = self.params.clone().unwrap_or_default();
        (p.page, p.limit)
    }
    fn list(&self, page: u32, per_page: u32) -> Self {
        let mut next = self.clone();
        let params = next.params.get_or_insert_with(Default::default);
        params.page = Some(page);
        params.limit = Some(per_page);
        next
    }
}

/// `DELETE /webhooks/{id}` (no body in the answer).
#[derive(Debug, Clone)]
pub struct DeleteWebhook(pub String);

impl Operation for DeleteWebhook {
    type Output = ();
    fn name(&self) -> &'static str {
        "oauth.webhooks.delete"
    }
    fn surface(&self) -> Surface {
        Surface::OAuth2Api
    }
    fn idempotent(&self) -> bool {
        false
    }
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        ResourceCall::<()>::new(self.name(), Method::Delete, &["webhooks", &self.0]).build(urls)
    }
    fn decode(&self, response: &HttpResponse) -> Result<()> {
        if (200..300).contains(&response.status) {
            Ok(())
        } else {
            Err(envelope::error(self.name(), response))
        }
    }
    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(self.name(), response)
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

fn list<T>(
    name: &'static str,
    segments: &[&str],
    params: &OAuthListParams,
) -> ResourceCall<Page<T>> {
    let mut call = ResourceCall::new(name, Method::Get, segments);
    call.params = Some(params.clone());
    call
}

impl<'a> OAuth<'a> {
    fn setup(&self) -> Result<std::sync::Arc<super::OAuthSetup>> {
        self.client
            .oauth_setup()
            .ok_or_else(|| Error::Configuration {
                message: "this client has no OAuth2 set-up (ClientBuilder::oauth)".into(),
            })
    }

    async fn one<T: DeserializeOwned + MaybeSendSync>(
        &self,
        call: ResourceCall<One<T>>,
    ) -> Result<T> {
        Ok(self.client.execute(&call).await?.0)
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
        setup.store.save(&tokens);
        if let Some(cache) = self.client.token_cache(Surface::OAuth2Api) {
            cache
                .set(AccessToken {
                    token: tokens.access_token.clone(),
                    expires_at: tokens.expires_at,
                })
                .await;
        }
        Ok(tokens)
    }

    /// `GET /me` (scope `profile`).
    pub async fn me(&self) -> Result<Me> {
        self.one(ResourceCall::new("oauth.me", Method::Get, &["me"]))
            .await
    }

    /// `GET /company` (scope `company`) as raw JSON text: SePay does not document its shape.
    pub async fn company(&self) -> Result<String> {
        let v: Value = self
            .one(ResourceCall::new(
                "oauth.company",
                Method::Get,
                &["company"],
            ))
            .await?;
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
    ) -> Paginator<V2Pages<ResourceCall<Page<OAuthBankAccount>>>> {
        Paginator::new(
            self.client.clone(),
            V2Pages::new(list("oauth.bank_accounts.list", &["bank-accounts"], params)),
        )
    }

    /// One bank account.
    pub async fn bank_account(&self, id: &str) -> Result<OAuthBankAccount> {
        self.one(ResourceCall::new(
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
    ) -> Paginator<V2Pages<ResourceCall<Page<OAuthTransaction>>>> {
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
        self.one(ResourceCall::new(
            "oauth.webhooks.get",
            Method::Get,
            &["webhooks", id],
        ))
        .await
    }

    /// Creates a webhook (scope `webhook:write`).
    pub async fn create_webhook(&self, params: &WebhookParams) -> Result<Webhook> {
        let mut call = ResourceCall::new("oauth.webhooks.create", Method::Post, &["webhooks"]);
        call.body = Some(params.to_json());
        self.one(call).await
    }

    /// Changes a webhook (scope `webhook:write`).
    pub async fn update_webhook(&self, id: &str, params: &WebhookParams) -> Result<Webhook> {
        let mut call = ResourceCall::new("oauth.webhooks.update", Method::Patch, &["webhooks", id]);
        call.body = Some(params.to_json());
        self.one(call).await
    }

    /// Deletes a webhook (scope `webhook:delete`).
    pub async fn delete_webhook(&self, id: &str) -> Result<()> {
        self.client.execute(&DeleteWebhook(id.to_string())).await
    }
}
