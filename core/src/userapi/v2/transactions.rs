//! v2 transactions (`v2.transactions.*` in the operation table).

use crate::call::{Call, Input};
use crate::client::Client;
use crate::error::Result;
use crate::money::Amount;
use crate::operations::{spec, OperationSpec};
use crate::paging::{Page, Paginator};
use crate::time::DateBound;

use super::envelope;
use super::models::{SortOrder, TransferType, V2Transaction};
use super::query::Query;
use crate::paging::NumberedPages;

/// Filters, sorts and paging of `GET /transactions`. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V2TransactionListParams {
    /// Search in reference number, memo and code.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub q: Option<String>,
    /// Only this bank account (UUID).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_account_id: Option<String>,
    /// Only this virtual account (UUID).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub va_id: Option<String>,
    /// Bank brand, e.g. `ACB`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_brand_name: Option<String>,
    /// Booked at or after (inclusive).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_date_from: Option<DateBound>,
    /// Booked at or before (inclusive).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_date_to: Option<DateBound>,
    /// Money in at least (whole dong).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_in_min: Option<Amount>,
    /// Money in at most.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_in_max: Option<Amount>,
    /// Money out at least.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_out_min: Option<Amount>,
    /// Money out at most.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_out_max: Option<Amount>,
    /// Exact bank reference number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reference_number: Option<String>,
    /// Memo contains.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_content: Option<String>,
    /// In or out.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transfer_type: Option<TransferType>,
    /// Webhook delivered (true) or not (false).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub webhook_success: Option<bool>,
    /// Only transactions newer than this id (UUID), for polling.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub since_id: Option<String>,
    /// Sort by booking time (SePay's default: newest first).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_date_sort: Option<SortOrder>,
    /// Sort by money in.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_in_sort: Option<SortOrder>,
    /// Sort by money out.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_out_sort: Option<SortOrder>,
    /// Page number (from 1).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// Page size (1–100, SePay's default 20).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub per_page: Option<u32>,
}

const LIST: &OperationSpec = spec("v2.transactions.list");
const GET: &OperationSpec = spec("v2.transactions.get");

/// `GET /transactions`: one page.
pub type ListTransactions = Call<Page<V2Transaction>, V2TransactionListParams>;

/// `GET /transactions/{id}`.
pub type GetTransaction = Call<V2Transaction, ()>;

impl ListTransactions {
    /// The call for one page of `params`.
    pub fn list(params: V2TransactionListParams) -> Self {
        Call::with_input(LIST, &[], params, envelope::page)
    }
}

impl GetTransaction {
    /// The call for one transaction.
    pub fn get(id: &str) -> Self {
        Call::with_input(GET, &[id], (), envelope::single)
    }
}

impl Input for V2TransactionListParams {
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        let q = Query::new(operation)
            .text("q", &p.q)
            .text("bank_account_id", &p.bank_account_id)
            .text("va_id", &p.va_id)
            .text("bank_brand_name", &p.bank_brand_name)
            .date("transaction_date_from", &p.transaction_date_from)
            .date("transaction_date_to", &p.transaction_date_to)
            .dong("amount_in_min", &p.amount_in_min)?
            .dong("amount_in_max", &p.amount_in_max)?
            .dong("amount_out_min", &p.amount_out_min)?
            .dong("amount_out_max", &p.amount_out_max)?
            .text("reference_number", &p.reference_number)
            .text("transaction_content", &p.transaction_content)
            .text(
                "transfer_type",
                &p.transfer_type.map(|t| t.as_str().to_string()),
            )
            .flag("webhook_success", p.webhook_success)
            .text("since_id", &p.since_id)
            .sort("transaction_date_sort", p.transaction_date_sort)
            .sort("amount_in_sort", p.amount_in_sort)
            .sort("amount_out_sort", p.amount_out_sort)
            .paging(p.page, p.per_page)?;
        Ok(q.into_pairs())
    }

    crate::call::page_fields!(page, per_page);
}

/// v2 transaction operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2Transactions<'a> {
    pub(crate) client: &'a Client,
}

impl<'a> V2Transactions<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V2Transactions { client }
    }

    /// One page of `GET /transactions`.
    pub async fn list(&self, params: &V2TransactionListParams) -> Result<Page<V2Transaction>> {
        self.client
            .execute(&ListTransactions::list(params.clone()))
            .await
    }

    /// Every matching transaction, page by page (100 per request unless
    /// `per_page` is set). Without an explicit sort the walk goes oldest first
    /// (`transaction_date_sort=asc`), so transactions that arrive meanwhile land
    /// after the walk's position instead of shifting earlier pages.
    pub fn iter(
        &self,
        params: &V2TransactionListParams,
    ) -> Paginator<NumberedPages<ListTransactions>> {
        let mut params = params.clone();
        let unsorted = params.transaction_date_sort.is_none()
            && params.amount_in_sort.is_none()
            && params.amount_out_sort.is_none();
        if unsorted {
            params.transaction_date_sort = Some(SortOrder::Asc);
        }
        Paginator::new(
            self.client.clone(),
            NumberedPages::new(ListTransactions::list(params)),
        )
    }
}
