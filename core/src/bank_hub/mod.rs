//! Bank Hub: platforms embed SePay's hosted bank linking and read their
//! customers' accounts and transactions. Client-credentials token (cached until
//! shortly before its TTL, renewed once on a 401, single-flight); all mutations
//! are POSTs; every answer and error shape decodes into the common types.

mod edit;
pub(crate) mod envelope;
mod models;
mod resources;
mod token;

pub use edit::CompanyEdit;
pub use models::*;
pub use resources::{
    BankHub, BankHubBankAccounts, BankHubTransactions, BankHubWebhookConfig, Companies, LinkTokens,
    MerchantConfigs,
};
pub use token::CreateToken;

use std::time::Duration;

use crate::call::Input;
use crate::client::ClientBuilder;
use crate::error::Result;
use crate::operation::Surface;
use crate::secret::SecretString;

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

impl Input for BankHubListParams {
    fn query(&self, _: &'static str) -> Result<Vec<(&'static str, String)>> {
        let t = |v: &Option<String>| v.clone().unwrap_or_default();
        let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        Ok(vec![
            ("q", t(&self.q)),
            ("company_xid", t(&self.company_xid)),
            ("bank_account_xid", t(&self.bank_account_xid)),
            ("status", t(&self.status)),
            ("start_transaction_date", t(&self.start_transaction_date)),
            ("end_transaction_date", t(&self.end_transaction_date)),
            ("transfer_type", t(&self.transfer_type)),
            ("page", n(self.page)),
            ("per_page", n(self.per_page)),
        ])
    }

    crate::call::page_fields!(page, per_page);
}
