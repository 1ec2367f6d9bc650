//! v2 bank accounts (`v2.bank_accounts.*` in the operation table).

use crate::call::{Call, Input};
use crate::client::Client;
use crate::error::Result;
use crate::money::Amount;
use crate::operations::{spec, OperationSpec};
use crate::paging::{Page, Paginator};
use crate::time::DateBound;

use super::envelope;
use super::models::{SortOrder, V2BankAccount};
use super::query::Query;
use crate::paging::NumberedPages;

/// Filters, sorts and paging of `GET /bank-accounts`.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V2BankAccountListParams {
    /// Bank short name, e.g. `ACB`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_short_name: Option<String>,
    /// Last transaction at or after.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_transaction_from: Option<DateBound>,
    /// Last transaction at or before.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_transaction_to: Option<DateBound>,
    /// Balance at least (whole dong).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accumulated_min: Option<Amount>,
    /// Balance at most (whole dong).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accumulated_max: Option<Amount>,
    /// Search in holder name, label and account number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub q: Option<String>,
    /// Active (true) or inactive (false) only.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub active: Option<bool>,
    /// Sort by creation time.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub created_at_sort: Option<SortOrder>,
    /// Sort by last transaction time.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_transaction_sort: Option<SortOrder>,
    /// Sort by balance.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accumulated_sort: Option<SortOrder>,
    /// Page number (from 1).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// Page size (1–100).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub per_page: Option<u32>,
}

const LIST: &OperationSpec = spec("v2.bank_accounts.list");
const GET: &OperationSpec = spec("v2.bank_accounts.get");

/// `GET /bank-accounts`: one page.
pub type ListBankAccounts = Call<Page<V2BankAccount>, V2BankAccountListParams>;

/// `GET /bank-accounts/{id}`.
pub type GetBankAccount = Call<V2BankAccount, ()>;

impl ListBankAccounts {
    /// The call for one page of `params`.
    pub fn list(params: V2BankAccountListParams) -> Self {
        Call::with_input(LIST, &[], params, envelope::page)
    }
}

impl GetBankAccount {
    /// The call for one bank account.
    pub fn get(id: &str) -> Self {
        Call::with_input(GET, &[id], (), envelope::single)
    }
}

impl Input for V2BankAccountListParams {
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        let q = Query::new(operation)
            .text("bank_short_name", &p.bank_short_name)
            .date("last_transaction_from", &p.last_transaction_from)
            .date("last_transaction_to", &p.last_transaction_to)
            .dong("accumulated_min", &p.accumulated_min)?
            .dong("accumulated_max", &p.accumulated_max)?
            .text("q", &p.q)
            .flag("active", p.active)
            .sort("created_at_sort", p.created_at_sort)
            .sort("last_transaction_sort", p.last_transaction_sort)
            .sort("accumulated_sort", p.accumulated_sort)
            .paging(p.page, p.per_page)?;
        Ok(q.into_pairs())
    }

    crate::call::page_fields!(page, per_page);
}

/// v2 bank account operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2BankAccounts<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> V2BankAccounts<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V2BankAccounts { client }
    }

    /// One page of `GET /bank-accounts`.
    pub async fn list(&self, params: &V2BankAccountListParams) -> Result<Page<V2BankAccount>> {
        self.client
            .execute(&ListBankAccounts::list(params.clone()))
            .await
    }

    /// Every matching bank account, page by page.
    pub fn iter(
        &self,
        params: &V2BankAccountListParams,
    ) -> Paginator<NumberedPages<ListBankAccounts>> {
        let first = ListBankAccounts::list(params.clone());
        Paginator::new(self.client.clone(), NumberedPages::new(first))
    }
}
