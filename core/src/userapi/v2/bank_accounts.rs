//! v2 bank accounts: `GET /bank-accounts`, `GET /bank-accounts/{id}`.

use crate::client::Client;
use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse};
use crate::money::Amount;
use crate::operation::Operation;
use crate::page::{Page, Paginator};
use crate::time::DateBound;

use super::envelope;
use super::models::{SortOrder, V2BankAccount};
use super::paging::{PagedQuery, V2Pages};
use super::query::{require_id, Query};

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

const LIST: &str = "v2.bank_accounts.list";

/// `GET /bank-accounts`.
#[derive(Debug, Clone)]
pub struct ListBankAccounts(pub V2BankAccountListParams);

impl Operation for ListBankAccounts {
    type Output = Page<V2BankAccount>;

    fn name(&self) -> &'static str {
        LIST
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let p = &self.0;
        let q = Query::new(LIST)
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
        Ok(HttpRequest::get(
            &urls.user_api_v2,
            &["bank-accounts"],
            q.pairs(),
        ))
    }

    fn decode(&self, response: &HttpResponse) -> Result<Self::Output> {
        envelope::page(LIST, response)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(LIST, response)
    }
}

const GET: &str = "v2.bank_accounts.get";

/// `GET /bank-accounts/{id}`.
#[derive(Debug, Clone)]
pub struct GetBankAccount(pub String);

impl Operation for GetBankAccount {
    type Output = V2BankAccount;

    fn name(&self) -> &'static str {
        GET
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        require_id(GET, "id", &self.0)?;
        Ok(HttpRequest::get(
            &urls.user_api_v2,
            &["bank-accounts", &self.0],
            &[],
        ))
    }

    fn decode(&self, response: &HttpResponse) -> Result<Self::Output> {
        envelope::single(GET, response)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(GET, response)
    }
}

impl PagedQuery for V2BankAccountListParams {
    type Item = V2BankAccount;
    type List = ListBankAccounts;

    fn start(&self) -> (Option<u32>, Option<u32>) {
        (self.page, self.per_page)
    }

    fn list(&self, page: u32, per_page: u32) -> ListBankAccounts {
        ListBankAccounts(V2BankAccountListParams {
            page: Some(page),
            per_page: Some(per_page),
            ..self.clone()
        })
    }
}

/// v2 bank account operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2BankAccounts<'a> {
    client: &'a Client,
}

impl<'a> V2BankAccounts<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V2BankAccounts { client }
    }

    /// One page of `GET /bank-accounts`.
    pub async fn list(&self, params: &V2BankAccountListParams) -> Result<Page<V2BankAccount>> {
        self.client.execute(&ListBankAccounts(params.clone())).await
    }

    /// Every matching bank account, page by page.
    pub fn iter(
        &self,
        params: &V2BankAccountListParams,
    ) -> Paginator<V2Pages<V2BankAccountListParams>> {
        Paginator::new(self.client.clone(), V2Pages::new(params.clone()))
    }

    /// One bank account by id (UUID).
    pub async fn get(&self, id: &str) -> Result<V2BankAccount> {
        self.client.execute(&GetBankAccount(id.to_string())).await
    }
}
