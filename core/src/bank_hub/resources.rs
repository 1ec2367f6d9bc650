//! The Bank Hub API as the operation table nests it: `client.bank_hub()`
//! `.link_tokens()`, `.companies()`, `.bank_accounts()`, `.transactions()`,
//! `.merchant_config()` and `.webhook()`.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::call::{resource, Call};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::operations::{op, OperationSpec};
use crate::paging::NumberedPages;
use crate::paging::{Page, Paginator};
use crate::secret::SecretString;

use super::envelope;
use super::models::{
    BankHubBankAccount, BankHubTransaction, BankHubWebhook, Company, CompanyConfiguration,
    CompanyCounter, LinkPurpose, LinkToken, LinkTokenInfo, MerchantConfig,
};
use super::{BankHubListParams, CompanyEdit};

/// One answer of type `T` from the `data` field.
fn one<T: DeserializeOwned>(spec: &'static OperationSpec, args: &[&str]) -> Call<T> {
    Call::new(spec, args, envelope::single::<T>)
}

/// One page of a list.
fn page<T: DeserializeOwned>(
    spec: &'static OperationSpec,
    args: &[&str],
    params: &BankHubListParams,
) -> Call<Page<T>, BankHubListParams> {
    Call::with_input(spec, args, params.clone(), envelope::page::<T>)
}

/// The `configuration` of a company's details.
fn configuration(name: &str, response: &HttpResponse) -> Result<CompanyConfiguration> {
    #[derive(serde::Deserialize)]
    struct Details {
        configuration: CompanyConfiguration,
    }
    envelope::single::<Details>(name, response).map(|d| d.configuration)
}

/// A mutation whose answer is only a message.
fn message(name: &str, response: &HttpResponse) -> Result<String> {
    let v: Value = envelope::single(name, response)?;
    Ok(v.get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string())
}

resource!(
    /// Bank Hub operations of a client (needs [`ClientBuilder::bank_hub`](crate::ClientBuilder::bank_hub)).
    BankHub
);

impl Client {
    /// The Bank Hub API.
    pub fn bank_hub(&self) -> BankHub<'_> {
        BankHub::new(self)
    }
}

impl<'a> BankHub<'a> {
    /// Hosted link sessions (`bank_hub.link_tokens.*`).
    pub fn link_tokens(&self) -> LinkTokens<'a> {
        LinkTokens::new(self.client)
    }
    /// Companies (`bank_hub.companies.*`).
    pub fn companies(&self) -> Companies<'a> {
        Companies::new(self.client)
    }
    /// Linked bank accounts (`bank_hub.bank_accounts.*`).
    pub fn bank_accounts(&self) -> BankHubBankAccounts<'a> {
        BankHubBankAccounts::new(self.client)
    }
    /// Transactions (`bank_hub.transactions.*`).
    pub fn transactions(&self) -> BankHubTransactions<'a> {
        BankHubTransactions::new(self.client)
    }
    /// The merchant configuration (`bank_hub.merchant_config.*`).
    pub fn merchant_config(&self) -> MerchantConfigs<'a> {
        MerchantConfigs::new(self.client)
    }
    /// The merchant's webhook (`bank_hub.webhook.*`).
    pub fn webhook(&self) -> BankHubWebhookConfig<'a> {
        BankHubWebhookConfig::new(self.client)
    }
}

resource!(
    /// Hosted link sessions.
    LinkTokens
);

impl LinkTokens<'_> {
    /// Creates a hosted link session for a company.
    pub async fn create(
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
        let c = one(op!("bank_hub.link_tokens.create"), &[]).with_body(body);
        self.client.execute(&c).await
    }

    /// A link token's state.
    pub async fn get(&self, link_token: &str) -> Result<LinkTokenInfo> {
        let c = one(op!("bank_hub.link_tokens.get"), &[])
            .with_body(json!({ "link_token": link_token }));
        self.client.execute(&c).await
    }

    /// Revokes a link token; returns SePay's message.
    pub async fn revoke(&self, link_token_xid: &str) -> Result<String> {
        let c = Call::new(op!("bank_hub.link_tokens.revoke"), &[], message)
            .with_body(json!({ "link_token_xid": link_token_xid }));
        self.client.execute(&c).await
    }
}

resource!(
    /// Companies (the platform's customers).
    Companies
);

impl Companies<'_> {
    /// One page of companies.
    pub async fn list(&self, params: &BankHubListParams) -> Result<Page<Company>> {
        let c = page(op!("bank_hub.companies.list"), &[], params);
        self.client.execute(&c).await
    }

    /// Every company, page by page.
    pub fn iter(
        &self,
        params: &BankHubListParams,
    ) -> Paginator<NumberedPages<Call<Page<Company>, BankHubListParams>>> {
        let first = page(op!("bank_hub.companies.list"), &[], params);
        Paginator::new(self.client.clone(), NumberedPages::new(first))
    }

    /// A company's payment-code configuration (what `edit` changes).
    pub async fn configuration(&self, company_xid: &str) -> Result<CompanyConfiguration> {
        let c = Call::new(
            op!("bank_hub.companies.configuration"),
            &[company_xid],
            configuration,
        );
        self.client.execute(&c).await
    }

    /// Creates a company (`status`: `Active` or `Pending`); returns its xid.
    pub async fn create(&self, full_name: &str, status: &str) -> Result<String> {
        let c = one::<Value>(op!("bank_hub.companies.create"), &[])
            .with_body(json!({ "full_name": full_name, "status": status }));
        let v = self.client.execute(&c).await?;
        Ok(v.get("xid")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string())
    }

    /// Changes a company (only the fields set in `fields`, at least one);
    /// returns SePay's message.
    pub async fn edit(&self, company_xid: &str, fields: &CompanyEdit) -> Result<String> {
        let spec = op!("bank_hub.companies.edit");
        let body = fields.to_json();
        if body.as_object().is_none_or(|m| m.is_empty()) {
            return Err(Error::invalid_param(
                spec.name,
                "fields",
                "must set at least one field",
            ));
        }
        let c = Call::new(spec, &[company_xid], message).with_body(body);
        self.client.execute(&c).await
    }

    /// Transaction counts of a company (optionally for one day, `YYYY-MM-DD`).
    pub async fn counter(&self, company_xid: &str, date: Option<&str>) -> Result<CompanyCounter> {
        let c = one(op!("bank_hub.companies.counter"), &[company_xid])
            .with_query("date", date.unwrap_or_default().to_string());
        self.client.execute(&c).await
    }
}

resource!(
    /// Linked bank accounts.
    BankHubBankAccounts
);

impl BankHubBankAccounts<'_> {
    /// One page of linked bank accounts.
    pub async fn list(&self, params: &BankHubListParams) -> Result<Page<BankHubBankAccount>> {
        let c = page(op!("bank_hub.bank_accounts.list"), &[], params);
        self.client.execute(&c).await
    }
}

resource!(
    /// Transactions of linked bank accounts.
    BankHubTransactions
);

impl BankHubTransactions<'_> {
    /// One page of transactions.
    pub async fn list(&self, params: &BankHubListParams) -> Result<Page<BankHubTransaction>> {
        let c = page(op!("bank_hub.transactions.list"), &[], params);
        self.client.execute(&c).await
    }

    /// Every matching transaction, page by page.
    pub fn iter(
        &self,
        params: &BankHubListParams,
    ) -> Paginator<NumberedPages<Call<Page<BankHubTransaction>, BankHubListParams>>> {
        let first = page(op!("bank_hub.transactions.list"), &[], params);
        Paginator::new(self.client.clone(), NumberedPages::new(first))
    }
}

resource!(
    /// The merchant configuration.
    MerchantConfigs
);

impl MerchantConfigs<'_> {
    /// Sets the memo keywords a transaction must contain to be kept.
    pub async fn update(&self, keywords: &[String]) -> Result<MerchantConfig> {
        let c = one(op!("bank_hub.merchant_config.update"), &[])
            .with_body(json!({ "transaction_whitelist_remark_keywords": keywords }));
        self.client.execute(&c).await
    }
}

resource!(
    /// The merchant's webhook.
    BankHubWebhookConfig
);

impl BankHubWebhookConfig<'_> {
    /// The merchant's webhook (`None` when there is none).
    pub async fn get(&self) -> Result<Option<BankHubWebhook>> {
        match self
            .client
            .execute(&one(op!("bank_hub.webhook.get"), &[]))
            .await
        {
            Ok(w) => Ok(Some(w)),
            Err(Error::NotFound { status: 200, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Sets (upserts) the merchant's webhook; SePay sends `secret_key` back as
    /// `X-Secret-Key` with every event.
    pub async fn set(
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
        let c = one(op!("bank_hub.webhook.set"), &[]).with_body(body);
        self.client.execute(&c).await
    }
}
