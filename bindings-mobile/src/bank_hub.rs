//! Bank Hub (`client.bankHub()`): link tokens, companies, bank accounts,
//! transactions, merchant configuration and the merchant's webhook, with the
//! client-credentials token handled by the core (one request per expiry).

use std::sync::Arc;

use sepay::bank_hub::{
    BankHubBankAccount, BankHubListParams, BankHubTransaction, Company, CompanyCounter,
    CompanyEdit, LinkPurpose, LinkToken, LinkTokenInfo, MerchantConfig,
};
use sepay::SecretString;

use crate::error::SePayError;
use crate::paginator::{BankHubCompanyPaginator, BankHubTransactionPaginator};

page_record!(
    BankHubCompanyPage,
    Company,
    "One page of Bank Hub companies."
);
page_record!(
    BankHubBankAccountPage,
    BankHubBankAccount,
    "One page of Bank Hub bank accounts."
);
page_record!(
    BankHubTransactionPage,
    BankHubTransaction,
    "One page of Bank Hub transactions."
);

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

macro_rules! resource {
    ($name:ident, $doc:tt) => {
        #[doc = $doc]
        #[derive(uniffi::Object)]
        pub struct $name {
            client: sepay::Client,
        }
    };
}

resource!(
    BankHubApi,
    "The Bank Hub API of a client made by `forBankHub` / `forBankHubEmulator`."
);
resource!(BankHubLinkTokens, "Hosted bank-linking sessions.");
resource!(
    BankHubCompanies,
    "Companies (the platform's end customers)."
);
resource!(BankHubBankAccounts, "Linked bank accounts.");
resource!(BankHubTransactions, "Transactions of linked accounts.");
resource!(BankHubMerchantConfig, "The merchant configuration.");
resource!(BankHubWebhooks, "The merchant's one webhook.");

impl BankHubApi {
    pub(crate) fn new(client: &sepay::Client) -> Arc<Self> {
        Arc::new(BankHubApi {
            client: client.clone(),
        })
    }
}

#[uniffi::export]
impl BankHubApi {
    /// Link tokens: create, get, revoke.
    pub fn link_tokens(&self) -> Arc<BankHubLinkTokens> {
        Arc::new(BankHubLinkTokens {
            client: self.client.clone(),
        })
    }

    /// Companies: list, iterate, get, create, edit, counter.
    pub fn companies(&self) -> Arc<BankHubCompanies> {
        Arc::new(BankHubCompanies {
            client: self.client.clone(),
        })
    }

    /// Bank accounts: list, get.
    pub fn bank_accounts(&self) -> Arc<BankHubBankAccounts> {
        Arc::new(BankHubBankAccounts {
            client: self.client.clone(),
        })
    }

    /// Transactions: list, iterate, get.
    pub fn transactions(&self) -> Arc<BankHubTransactions> {
        Arc::new(BankHubTransactions {
            client: self.client.clone(),
        })
    }

    /// Merchant configuration: get, update.
    pub fn merchant_config(&self) -> Arc<BankHubMerchantConfig> {
        Arc::new(BankHubMerchantConfig {
            client: self.client.clone(),
        })
    }

    /// The merchant's webhook: get, set.
    pub fn webhook(&self) -> Arc<BankHubWebhooks> {
        Arc::new(BankHubWebhooks {
            client: self.client.clone(),
        })
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl BankHubLinkTokens {
    /// Creates a hosted link session for a company (`bankAccountXid` is needed
    /// to unlink).
    #[uniffi::method(default(completion_redirect_uri = None, bank_account_xid = None))]
    pub async fn create(
        &self,
        company_xid: String,
        purpose: LinkPurpose,
        completion_redirect_uri: Option<String>,
        bank_account_xid: Option<String>,
    ) -> Result<LinkToken, SePayError> {
        let hub = self.client.bank_hub();
        Ok(hub
            .link_tokens()
            .create(
                &company_xid,
                purpose,
                completion_redirect_uri.as_deref(),
                bank_account_xid.as_deref(),
            )
            .await?)
    }

    /// A link token's state, by the token itself.
    pub async fn get(&self, link_token: String) -> Result<LinkTokenInfo, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .link_tokens()
            .get(&link_token)
            .await?)
    }

    /// Revokes a link token by its xid; returns SePay's message.
    pub async fn revoke(&self, link_token_xid: String) -> Result<String, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .link_tokens()
            .revoke(&link_token_xid)
            .await?)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl BankHubCompanies {
    /// One page of companies (filters `q`, `status`).
    #[uniffi::method(default(params))]
    pub async fn list(&self, params: BankHubListParams) -> Result<BankHubCompanyPage, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .companies()
            .list(&params)
            .await?
            .into())
    }

    /// Every matching company, page by page.
    #[uniffi::method(default(params))]
    pub fn iter(&self, params: BankHubListParams) -> Arc<BankHubCompanyPaginator> {
        BankHubCompanyPaginator::new(self.client.bank_hub().companies().iter(&params).boxed())
    }

    /// One company.
    pub async fn get(&self, company_xid: String) -> Result<Company, SePayError> {
        Ok(self.client.bank_hub().companies().get(&company_xid).await?)
    }

    /// Creates a company (`status`: `Active` or `Pending`); returns its xid.
    pub async fn create(&self, full_name: String, status: String) -> Result<String, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .companies()
            .create(&full_name, &status)
            .await?)
    }

    /// Changes the given fields of a company; returns SePay's message.
    pub async fn edit(
        &self,
        company_xid: String,
        fields: CompanyEdit,
    ) -> Result<String, SePayError> {
        let hub = self.client.bank_hub();
        Ok(hub.companies().edit(&company_xid, &fields).await?)
    }

    /// Transaction counts of a company, per day (only `date`, `YYYY-MM-DD`, when given).
    #[uniffi::method(default(date = None))]
    pub async fn counter(
        &self,
        company_xid: String,
        date: Option<String>,
    ) -> Result<CompanyCounter, SePayError> {
        let hub = self.client.bank_hub();
        Ok(hub
            .companies()
            .counter(&company_xid, date.as_deref())
            .await?)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl BankHubBankAccounts {
    /// One page of linked bank accounts (filters `companyXid`, `q`).
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: BankHubListParams,
    ) -> Result<BankHubBankAccountPage, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .bank_accounts()
            .list(&params)
            .await?
            .into())
    }

    /// One linked bank account.
    pub async fn get(&self, xid: String) -> Result<BankHubBankAccount, SePayError> {
        Ok(self.client.bank_hub().bank_accounts().get(&xid).await?)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl BankHubTransactions {
    /// One page of transactions, newest first.
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: BankHubListParams,
    ) -> Result<BankHubTransactionPage, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .transactions()
            .list(&params)
            .await?
            .into())
    }

    /// Every matching transaction, page by page.
    #[uniffi::method(default(params))]
    pub fn iter(&self, params: BankHubListParams) -> Arc<BankHubTransactionPaginator> {
        BankHubTransactionPaginator::new(
            self.client.bank_hub().transactions().iter(&params).boxed(),
        )
    }

    /// One transaction by id.
    pub async fn get(&self, transaction_id: String) -> Result<BankHubTransaction, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .transactions()
            .get(&transaction_id)
            .await?)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl BankHubMerchantConfig {
    /// The merchant configuration.
    pub async fn get(&self) -> Result<MerchantConfig, SePayError> {
        Ok(self.client.bank_hub().merchant_config().get().await?)
    }

    /// Keeps only transactions whose memo contains one of `keywords` (empty: all).
    pub async fn update(&self, keywords: Vec<String>) -> Result<MerchantConfig, SePayError> {
        Ok(self
            .client
            .bank_hub()
            .merchant_config()
            .update(&keywords)
            .await?)
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
