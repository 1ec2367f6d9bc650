//! v2 virtual accounts and terminals of a bank account:
//! `GET /bank-accounts/{id}/va`, `/va/{va_id}`, `/terminals`.

use crate::client::Client;
use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::Operation;
use crate::page::{Page, Paginator};

use super::envelope;
use super::models::{SortOrder, Terminal, V2VirtualAccount};
use super::paging::{PagedQuery, V2Pages};
use super::query::{require_id, Query};

/// Filters and paging of `GET /bank-accounts/{id}/va`.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V2VirtualAccountListParams {
    /// Search in VA number, holder name and label.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub q: Option<String>,
    /// Active (true) or inactive (false) only.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub active: Option<bool>,
    /// Official bank VAs (true) or SePay virtual ones (false).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub official: Option<bool>,
    /// Static (true) or per-order (false) VAs.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_static: Option<bool>,
    /// Sort by creation time (SePay's default: newest first).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub created_at_sort: Option<SortOrder>,
    /// Page number (from 1).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// Page size (1–100).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub per_page: Option<u32>,
}

const LIST: &str = "v2.virtual_accounts.list";

/// `GET /bank-accounts/{bank_account_id}/va`.
#[derive(Debug, Clone)]
pub struct ListVirtualAccounts {
    /// Parent bank account (UUID).
    pub bank_account_id: String,
    /// Filters.
    pub params: V2VirtualAccountListParams,
}

impl Operation for ListVirtualAccounts {
    type Output = Page<V2VirtualAccount>;

    fn name(&self) -> &'static str {
        LIST
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        require_id(LIST, "bank_account_id", &self.bank_account_id)?;
        let p = &self.params;
        let q = Query::new(LIST)
            .text("q", &p.q)
            .flag("active", p.active)
            .flag("official", p.official)
            .flag("static", p.is_static)
            .sort("created_at_sort", p.created_at_sort)
            .paging(p.page, p.per_page)?;
        let path = ["bank-accounts", self.bank_account_id.as_str(), "va"];
        Ok(HttpRequest::get(&urls.user_api_v2, &path, q.pairs()))
    }

    fn decode(&self, response: &HttpResponse) -> Result<Self::Output> {
        envelope::page(LIST, response)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(LIST, response)
    }
}

impl PagedQuery for ListVirtualAccounts {
    type Item = V2VirtualAccount;
    type List = ListVirtualAccounts;

    fn start(&self) -> (Option<u32>, Option<u32>) {
        (self.params.page, self.params.per_page)
    }

    fn list(&self, page: u32, per_page: u32) -> ListVirtualAccounts {
        let mut op = self.clone();
        op.params.page = Some(page);
        op.params.per_page = Some(per_page);
        op
    }
}

const GET: &str = "v2.virtual_accounts.get";

/// `GET /bank-accounts/{bank_account_id}/va/{va_id}` (path inferred from SePay's
/// v2 overview; UNVERIFIED).
#[derive(Debug, Clone)]
pub struct GetVirtualAccount {
    /// Parent bank account (UUID).
    pub bank_account_id: String,
    /// Virtual account (UUID).
    pub va_id: String,
}

impl Operation for GetVirtualAccount {
    type Output = V2VirtualAccount;

    fn name(&self) -> &'static str {
        GET
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        require_id(GET, "bank_account_id", &self.bank_account_id)?;
        require_id(GET, "va_id", &self.va_id)?;
        let path = [
            "bank-accounts",
            self.bank_account_id.as_str(),
            "va",
            self.va_id.as_str(),
        ];
        Ok(HttpRequest::get(&urls.user_api_v2, &path, &[]))
    }

    fn decode(&self, response: &HttpResponse) -> Result<Self::Output> {
        envelope::single(GET, response)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(GET, response)
    }
}

const TERMINALS: &str = "v2.terminals.list";

/// `GET /bank-accounts/{bank_account_id}/terminals` (Vietcombank terminals).
#[derive(Debug, Clone)]
pub struct ListTerminals {
    /// Bank account (UUID).
    pub bank_account_id: String,
}

impl Operation for ListTerminals {
    type Output = Vec<Terminal>;

    fn name(&self) -> &'static str {
        TERMINALS
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        require_id(TERMINALS, "bank_account_id", &self.bank_account_id)?;
        let path = ["bank-accounts", self.bank_account_id.as_str(), "terminals"];
        Ok(HttpRequest::get(&urls.user_api_v2, &path, &[]))
    }

    fn decode(&self, response: &HttpResponse) -> Result<Self::Output> {
        envelope::single(TERMINALS, response)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(TERMINALS, response)
    }
}

/// v2 virtual account operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2VirtualAccounts<'a> {
    client: &'a Client,
}

impl<'a> V2VirtualAccounts<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V2VirtualAccounts { client }
    }

    /// One page of a bank account's virtual accounts.
    pub async fn list(
        &self,
        bank_account_id: &str,
        params: &V2VirtualAccountListParams,
    ) -> Result<Page<V2VirtualAccount>> {
        self.client.execute(&list_op(bank_account_id, params)).await
    }

    /// Every virtual account of a bank account, page by page.
    pub fn iter(
        &self,
        bank_account_id: &str,
        params: &V2VirtualAccountListParams,
    ) -> Paginator<V2Pages<ListVirtualAccounts>> {
        Paginator::new(
            self.client.clone(),
            V2Pages::new(list_op(bank_account_id, params)),
        )
    }

    /// One virtual account.
    pub async fn get(&self, bank_account_id: &str, va_id: &str) -> Result<V2VirtualAccount> {
        let op = GetVirtualAccount {
            bank_account_id: bank_account_id.to_string(),
            va_id: va_id.to_string(),
        };
        self.client.execute(&op).await
    }
}

fn list_op(bank_account_id: &str, params: &V2VirtualAccountListParams) -> ListVirtualAccounts {
    ListVirtualAccounts {
        bank_account_id: bank_account_id.to_string(),
        params: params.clone(),
    }
}

/// v2 terminal operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2Terminals<'a> {
    client: &'a Client,
}

impl<'a> V2Terminals<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V2Terminals { client }
    }

    /// The Vietcombank terminals of a bank account (their `tid` is needed to
    /// create VCB orders).
    pub async fn list(&self, bank_account_id: &str) -> Result<Vec<Terminal>> {
        let op = ListTerminals {
            bank_account_id: bank_account_id.to_string(),
        };
        self.client.execute(&op).await
    }
}
