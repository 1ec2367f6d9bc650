//! v2 virtual accounts and terminals of a bank account:
//! `GET /bank-accounts/{id}/va`, `/va/{va_id}`, `/terminals`.

use crate::call::{Call, Input};
use crate::client::Client;
use crate::error::Result;
use crate::operations::{spec, OperationSpec};
use crate::paging::{Page, Paginator};

use super::envelope;
use super::models::{SortOrder, Terminal, V2VirtualAccount};
use super::query::Query;
use crate::paging::NumberedPages;

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

const LIST: &OperationSpec = spec("v2.virtual_accounts.list");
const GET: &OperationSpec = spec("v2.virtual_accounts.get");
const TERMINALS: &OperationSpec = spec("v2.terminals.list");

/// `GET /bank-accounts/{bank_account_id}/va`: one page.
pub type ListVirtualAccounts = Call<Page<V2VirtualAccount>, V2VirtualAccountListParams>;

/// `GET /bank-accounts/{bank_account_id}/va/{va_id}` (path inferred from
/// SePay's v2 overview; UNVERIFIED).
pub type GetVirtualAccount = Call<V2VirtualAccount, ()>;

/// `GET /bank-accounts/{bank_account_id}/terminals` (Vietcombank terminals).
pub type ListTerminals = Call<Vec<Terminal>, ()>;

impl ListVirtualAccounts {
    /// The call for one page of a bank account's virtual accounts.
    pub fn list(bank_account_id: &str, params: V2VirtualAccountListParams) -> Self {
        Call::with_input(LIST, &[bank_account_id], params, envelope::page)
    }
}

impl GetVirtualAccount {
    /// The call for one virtual account.
    pub fn get(bank_account_id: &str, va_id: &str) -> Self {
        Call::with_input(GET, &[bank_account_id, va_id], (), envelope::single)
    }
}

impl ListTerminals {
    /// The call for a bank account's terminals.
    pub fn list(bank_account_id: &str) -> Self {
        Call::with_input(TERMINALS, &[bank_account_id], (), envelope::single)
    }
}

impl Input for V2VirtualAccountListParams {
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        let q = Query::new(operation)
            .text("q", &p.q)
            .flag("active", p.active)
            .flag("official", p.official)
            .flag("static", p.is_static)
            .sort("created_at_sort", p.created_at_sort)
            .paging(p.page, p.per_page)?;
        Ok(q.into_pairs())
    }

    crate::call::page_fields!(page, per_page);
}

/// v2 virtual account operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2VirtualAccounts<'a> {
    pub(crate) client: &'a Client,
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
        let call = ListVirtualAccounts::list(bank_account_id, params.clone());
        self.client.execute(&call).await
    }

    /// Every virtual account of a bank account, page by page.
    pub fn iter(
        &self,
        bank_account_id: &str,
        params: &V2VirtualAccountListParams,
    ) -> Paginator<NumberedPages<ListVirtualAccounts>> {
        Paginator::new(
            self.client.clone(),
            NumberedPages::new(ListVirtualAccounts::list(bank_account_id, params.clone())),
        )
    }
}

/// v2 terminal operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2Terminals<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> V2Terminals<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V2Terminals { client }
    }

    /// The Vietcombank terminals of a bank account (their `tid` is needed to
    /// create VCB orders).
    pub async fn list(&self, bank_account_id: &str) -> Result<Vec<Terminal>> {
        self.client
            .execute(&ListTerminals::list(bank_account_id))
            .await
    }
}
