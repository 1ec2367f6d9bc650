//! v1 transactions (`v1.transactions.*` in the operation table).

use crate::call::{Call, Input};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::money::Amount;
use crate::operations::op;
use crate::paging::Paginator;
use crate::time::DateBound;

use super::envelope;
use super::models::V1Transaction;
use crate::paging::{SinceIdPages, SinceIdQuery};

/// Largest (and default) `limit` v1 accepts for transactions.
pub const MAX_TRANSACTION_LIMIT: u32 = 5000;

/// Filters of `GET transactions/list`. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V1TransactionListParams {
    /// Only this account number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub account_number: Option<String>,
    /// Booked at or after (a day, or an exact time).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_date_min: Option<DateBound>,
    /// Booked at or before.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_date_max: Option<DateBound>,
    /// Only ids greater than or equal to this one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub since_id: Option<u64>,
    /// At most this many (1–5000; SePay's default is 5000).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<u32>,
    /// Exact bank reference number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reference_number: Option<String>,
    /// Exact money-in amount.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_in: Option<Amount>,
    /// Exact money-out amount.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount_out: Option<Amount>,
}

/// Filters of `GET transactions/count` (v1 counts support fewer filters than lists).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V1TransactionCountParams {
    /// Only this account number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub account_number: Option<String>,
    /// Booked at or after.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_date_min: Option<DateBound>,
    /// Booked at or before.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub transaction_date_max: Option<DateBound>,
    /// Only ids greater than or equal to this one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub since_id: Option<u64>,
}

/// `GET transactions/list`: one batch.
pub type ListTransactions = Call<Vec<V1Transaction>, V1TransactionListParams>;

/// `GET transactions/details/{id}`.
pub type GetTransaction = Call<V1Transaction, ()>;

/// `GET transactions/count`.
pub type CountTransactions = Call<u64, V1TransactionCountParams>;

impl ListTransactions {
    /// The call for one batch of `params`.
    pub fn list(params: V1TransactionListParams) -> Self {
        let decode = |op: &str, r: &HttpResponse| envelope::decode(op, "transactions", r);
        Call::with_input(op!("v1.transactions.list"), &[], params, decode)
    }
}

impl GetTransaction {
    /// The call for one transaction.
    pub fn get(id: &str) -> Self {
        let decode = |op: &str, r: &HttpResponse| envelope::decode(op, "transaction", r);
        Call::with_input(op!("v1.transactions.get"), &[id], (), decode)
    }
}

impl CountTransactions {
    /// The call counting what `params` matches.
    pub fn count(params: V1TransactionCountParams) -> Self {
        let decode = |op: &str, r: &HttpResponse| {
            envelope::decode::<Count>(op, "count_transactions", r).map(|c| c.0)
        };
        Call::with_input(op!("v1.transactions.count"), &[], params, decode)
    }
}

impl Input for V1TransactionListParams {
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        if let Some(limit) = p.limit {
            if !(1..=MAX_TRANSACTION_LIMIT).contains(&limit) {
                return Err(Error::invalid_param(
                    operation,
                    "limit",
                    "must be between 1 and 5000",
                ));
            }
        }
        for (field, amount) in [("amount_in", &p.amount_in), ("amount_out", &p.amount_out)] {
            if amount.is_some_and(|a| a.is_negative()) {
                return Err(Error::invalid_param(
                    operation,
                    field,
                    "must not be negative",
                ));
            }
        }
        Ok(vec![
            (
                "account_number",
                p.account_number.clone().unwrap_or_default(),
            ),
            ("transaction_date_min", bound(&p.transaction_date_min)),
            ("transaction_date_max", bound(&p.transaction_date_max)),
            (
                "since_id",
                p.since_id.map(|v| v.to_string()).unwrap_or_default(),
            ),
            ("limit", p.limit.map(|v| v.to_string()).unwrap_or_default()),
            (
                "reference_number",
                p.reference_number.clone().unwrap_or_default(),
            ),
            ("amount_in", amount(&p.amount_in)),
            ("amount_out", amount(&p.amount_out)),
        ])
    }
}

impl Input for V1TransactionCountParams {
    fn query(&self, _: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        Ok(vec![
            (
                "account_number",
                p.account_number.clone().unwrap_or_default(),
            ),
            ("transaction_date_min", bound(&p.transaction_date_min)),
            ("transaction_date_max", bound(&p.transaction_date_max)),
            (
                "since_id",
                p.since_id.map(|v| v.to_string()).unwrap_or_default(),
            ),
        ])
    }
}

/// A count sent as a number or a numeric string.
#[derive(serde::Deserialize)]
pub(crate) struct Count(#[serde(deserialize_with = "crate::decode::count::deserialize")] pub u64);

pub(crate) fn bound(b: &Option<DateBound>) -> String {
    b.map(|b| b.to_query()).unwrap_or_default()
}

pub(crate) fn amount(a: &Option<Amount>) -> String {
    a.map(|a| a.to_canonical_string()).unwrap_or_default()
}

impl SinceIdQuery for V1TransactionListParams {
    type Item = V1Transaction;
    type List = ListTransactions;
    type Count = CountTransactions;

    fn start(&self) -> (u64, u32) {
        (
            self.since_id.unwrap_or(0),
            self.limit.unwrap_or(MAX_TRANSACTION_LIMIT),
        )
    }

    fn list(&self, since_id: u64, limit: u32) -> ListTransactions {
        ListTransactions::list(V1TransactionListParams {
            since_id: Some(since_id),
            limit: Some(limit),
            ..self.clone()
        })
    }

    fn count(&self, since_id: u64) -> Option<CountTransactions> {
        let countable = self.reference_number.is_none()
            && self.amount_in.is_none()
            && self.amount_out.is_none();
        countable.then(|| {
            CountTransactions::count(V1TransactionCountParams {
                account_number: self.account_number.clone(),
                transaction_date_min: self.transaction_date_min,
                transaction_date_max: self.transaction_date_max,
                since_id: Some(since_id),
            })
        })
    }

    fn id_of(item: &V1Transaction) -> &str {
        &item.id
    }
}

/// v1 transaction operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V1Transactions<'a> {
    client: &'a Client,
}

impl<'a> V1Transactions<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V1Transactions { client }
    }

    /// One request to `transactions/list` (at most `limit` items).
    pub async fn list(&self, params: &V1TransactionListParams) -> Result<Vec<V1Transaction>> {
        self.client
            .execute(&ListTransactions::list(params.clone()))
            .await
    }

    /// Every matching transaction, oldest id first, fetched page by page with
    /// `since_id` (see [`SinceIdPages`] for the completeness checks).
    pub fn iter(
        &self,
        params: &V1TransactionListParams,
    ) -> Paginator<SinceIdPages<V1TransactionListParams>> {
        Paginator::new(self.client.clone(), SinceIdPages::new(params.clone()))
    }

    /// One transaction by id.
    pub async fn get(&self, id: &str) -> Result<V1Transaction> {
        self.client.execute(&GetTransaction::get(id)).await
    }

    /// How many transactions match.
    pub async fn count(&self, params: &V1TransactionCountParams) -> Result<u64> {
        self.client
            .execute(&CountTransactions::count(params.clone()))
            .await
    }
}
