//! Bank Hub: platforms embed SePay's hosted bank linking and read their
//! customers' accounts and transactions. Client-credentials token (cached until
//! shortly before its TTL, renewed once on a 401, single-flight); all mutations
//! are POSTs; every answer and error shape decodes into the common types.

mod edit;
mod envelope;
mod models;
mod token;

pub use edit::CompanyEdit;
pub use models::{
    BankHubBankAccount, BankHubTransaction, BankHubWebhook, Company, CompanyCounter, CounterDay,
    CounterTotal, LinkPurpose, LinkSession, LinkToken, LinkTokenInfo, MerchantConfig,
};
pub use token::CreateToken;

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::call::{Call, Decoder};
use crate::client::{Client, ClientBuilder};
use crate::error::{Error, Result};
use crate::http::{HttpResponse, Method};
use crate::operation::Surface;
use crate::page::{Page, Paginator};
use crate::secret::SecretString;
use crate::userapi::v2::V2Pages;

/// Renew tokens this long before their TTL ends.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

impl ClientBuilder {
    /// Bank Hub merchant credentials (client id and secret from SePay).
    pub fn bank_hub(
        self,
        client_id: impl Into<String>,
        client_secret: impl Into<SecretString>,
    ) -> Self {
        let (client_id, client_secret) = (client_id.into(), client_secret.into());
        let blank = client_id.trim().is_empty() || client_secret.is_blank();
        let provider = token::BankHubTokens::new(client_id, client_secret);
        let builder = self.token_provider(Surface::BankHub, Box::new(provider), REFRESH_MARGIN);
        if blank {
            builder.refuse("the Bank Hub client id and client secret must not be empty")
        } else {
            builder
        }
    }
}

fn call<T>(name: &'static str, method: Method, segments: &[&str], decode: Decoder<T>) -> Call<T> {
    Call {
        name,
        method,
        surface: Surface::BankHub,
        base: |u| &u.bank_hub,
        segments: segments.iter().map(|s| s.to_string()).collect(),
        query: Vec::new(),
        body: None,
        decode,
        error: envelope::error,
        page_keys: ("page", "per_page"),
    }
}

fn one<T: DeserializeOwned>(name: &'static str, method: Method, segments: &[&str]) -> Call<T> {
    call(name, method, segments, envelope::single::<T>)
}

fn list<T: DeserializeOwned>(
    name: &'static str,
    segments: &[&str],
    query: &[(&'static str, Option<String>)],
) -> Call<Page<T>> {
    let mut c = call(name, Method::Get, segments, envelope::page::<T>);
    c.query = query
        .iter()
        .map(|(k, v)| (*k, v.clone().unwrap_or_default()))
        .collect();
    c
}

/// A mutation whose answer is only a message.
fn message(name: &str, response: &HttpResponse) -> Result<String> {
    let v: Value = envelope::single(name, response)?;
    Ok(v.get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string())
}

/// Filters and paging shared by Bank Hub lists (unused ones are ignored).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankHubListParams {
    /// Search text.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub q: Option<String>,
    /// Company.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub company_xid: Option<String>,
    /// Bank account (transactions).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_account_xid: Option<String>,
    /// Status (companies).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<String>,
    /// From day (transactions, `YYYY-MM-DD`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub start_transaction_date: Option<String>,
    /// To day (transactions).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub end_transaction_date: Option<String>,
    /// `in` / `out` (transactions).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transfer_type: Option<String>,
    /// Page.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// Page size (default 20, max 100).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub per_page: Option<u32>,
}

impl BankHubListParams {
    fn query(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("q", self.q.clone()),
            ("company_xid", self.company_xid.clone()),
            ("bank_account_xid", self.bank_account_xid.clone()),
            ("status", self.status.clone()),
            (
                "start_transaction_date",
                self.start_transaction_date.clone(),
            ),
            ("end_transaction_date", self.end_transaction_date.clone()),
            ("transfer_type", self.transfer_type.clone()),
            ("page", self.page.map(|v| v.to_string())),
            ("per_page", self.per_page.map(|v| v.to_string())),
        ]
    }
}

/// Bank Hub operations of a client (needs [`ClientBuilder::bank_hub`]).
#[derive(Debug, Clone, Copy)]
pub struct BankHub<'a> {
    client: &'a Client,
}

impl Client {
    /// The Bank Hub API.
    pub fn bank_hub(&self) -> BankHub<'_> {
        BankHub { client: self }
    }
}

impl<'a> BankHub<'a> {
    /// Creates a hosted link session for a company.
    pub async fn create_link_token(
        &self,
        company_xid: &str,
        purpose: LinkPurpose,
        completion_redirect_uri: Option<&str>,
        bank_account_xid: Option<&str>,
    ) -> Result<LinkToken> {
        let body = json!({
            "company_xid": company_xid,
            "purpose": purpose,
            "completion_redirect_uri": completion_redirect_uri,
            "bank_account_xid": bank_account_xid,
        });
        let c = one(
            "bank_hub.link_tokens.create",
            Method::Post,
            &["link-token", "create"],
        )
        .with_body(body);
        self.client.execute(&c).await
    }

    /// A link token's state.
    pub async fn get_link_token(&self, link_token: &str) -> Result<LinkTokenInfo> {
        let c = one(
            "bank_hub.link_tokens.get",
            Method::Post,
            &["link-token", "get"],
        )
        .with_body(json!({ "link_token": link_token }));
        self.client.execute(&c).await
    }

    /// Revokes a link token; returns SePay's message.
    pub async fn revoke_link_token(&self, link_token_xid: &str) -> Result<String> {
        let c = call(
            "bank_hub.link_tokens.revoke",
            Method::Post,
            &["link-token", "revoke"],
            message,
        )
        .with_body(json!({ "link_token_xid": link_token_xid }));
        self.client.execute(&c).await
    }

    /// One page of companies.
    pub async fn companies(&self, params: &BankHubListParams) -> Result<Page<Company>> {
        self.client
            .execute(&list(
                "bank_hub.companies.list",
                &["company"],
                &params.query(),
            ))
            .await
    }

    /// Every company, page by page.
    pub fn iter_companies(
        &self,
        params: &BankHubListParams,
    ) -> Paginator<V2Pages<Call<Page<Company>>>> {
        Paginator::new(
            self.client.clone(),
            V2Pages::new(list(
                "bank_hub.companies.list",
                &["company"],
                &params.query(),
            )),
        )
    }

    /// One company.
    pub async fn company(&self, company_xid: &str) -> Result<Company> {
        self.client
            .execute(&one(
                "bank_hub.companies.get",
                Method::Get,
                &["company", company_xid],
            ))
            .await
    }

    /// Creates a company (`status`: `Active` or `Pending`); returns its xid.
    pub async fn create_company(&self, full_name: &str, status: &str) -> Result<String> {
        let c = one::<Value>(
            "bank_hub.companies.create",
            Method::Post,
            &["company", "create"],
        )
        .with_body(json!({ "full_name": full_name, "status": status }));
        let v = self.client.execute(&c).await?;
        Ok(v.get("xid")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string())
    }

    /// Changes a company (only the fields set in `fields`, at least one);
    /// returns SePay's message.
    pub async fn edit_company(&self, company_xid: &str, fields: &CompanyEdit) -> Result<String> {
        const OP: &str = "bank_hub.companies.edit";
        let body = fields.to_json();
        if body.as_object().is_none_or(|m| m.is_empty()) {
            return Err(Error::invalid_param(
                OP,
                "fields",
                "must set at least one field",
            ));
        }
        let c = call(OP, Method::Post, &["company", "edit", company_xid], message).with_body(body);
        self.client.execute(&c).await
    }

    /// Transaction counts of a company (optionally for one day, `YYYY-MM-DD`).
    pub async fn company_counter(
        &self,
        company_xid: &str,
        date: Option<&str>,
    ) -> Result<CompanyCounter> {
        let c = one(
            "bank_hub.companies.counter",
            Method::Get,
            &["company", "counter", company_xid],
        )
        .with_query("date", date.unwrap_or_default().to_string());
        self.client.execute(&c).await
    }

    /// One page of linked bank accounts.
    pub async fn bank_accounts(
        &self,
        params: &BankHubListParams,
    ) -> Result<Page<BankHubBankAccount>> {
        self.client
            .execute(&list(
                "bank_hub.bank_accounts.list",
                &["bank-account"],
                &params.query(),
            ))
            .await
    }

    /// One linked bank account (path by analogy, UNVERIFIED).
    pub async fn bank_account(&self, xid: &str) -> Result<BankHubBankAccount> {
        self.client
            .execute(&one(
                "bank_hub.bank_accounts.get",
                Method::Get,
                &["bank-account", xid],
            ))
            .await
    }

    /// One page of transactions.
    pub async fn transactions(
        &self,
        params: &BankHubListParams,
    ) -> Result<Page<BankHubTransaction>> {
        self.client
            .execute(&list(
                "bank_hub.transactions.list",
                &["transaction"],
                &params.query(),
            ))
            .await
    }

    /// Every matching transaction, page by page.
    pub fn iter_transactions(
        &self,
        params: &BankHubListParams,
    ) -> Paginator<V2Pages<Call<Page<BankHubTransaction>>>> {
        Paginator::new(
            self.client.clone(),
            V2Pages::new(list(
                "bank_hub.transactions.list",
                &["transaction"],
                &params.query(),
            )),
        )
    }

    /// One transaction.
    pub async fn transaction(&self, transaction_id: &str) -> Result<BankHubTransaction> {
        self.client
            .execute(&one(
                "bank_hub.transactions.get",
                Method::Get,
                &["transaction", transaction_id],
            ))
            .await
    }

    /// The merchant configuration.
    pub async fn merchant_config(&self) -> Result<MerchantConfig> {
        self.client
            .execute(&one(
                "bank_hub.merchant_config.get",
                Method::Get,
                &["merchant-config"],
            ))
            .await
    }

    /// Sets the memo keywords a transaction must contain to be kept.
    pub async fn update_merchant_config(&self, keywords: &[String]) -> Result<MerchantConfig> {
        let c = one(
            "bank_hub.merchant_config.update",
            Method::Post,
            &["merchant-config"],
        )
        .with_body(json!({ "transaction_whitelist_remark_keywords": keywords }));
        self.client.execute(&c).await
    }

    /// The merchant's webhook (`None` when there is none).
    pub async fn webhook(&self) -> Result<Option<BankHubWebhook>> {
        match self
            .client
            .execute(&one("bank_hub.webhook.get", Method::Get, &["webhook"]))
            .await
        {
            Ok(w) => Ok(Some(w)),
            Err(crate::Error::NotFound { status: 200, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Sets (upserts) the merchant's webhook; SePay sends `secret_key` back as
    /// `X-Secret-Key` with every event.
    pub async fn set_webhook(
        &self,
        webhook_url: &str,
        secret_key: &SecretString,
        allow_events: &[String],
        active: bool,
    ) -> Result<BankHubWebhook> {
        let body = json!({
            "webhook_url": webhook_url,
            "auth_type": "SECRET_KEY",
            "secret_key": secret_key.expose(),
            "active": u8::from(active),
            "allow_events": allow_events,
        });
        self.client
            .execute(&one("bank_hub.webhook.set", Method::Post, &["webhook"]).with_body(body))
            .await
    }
}
