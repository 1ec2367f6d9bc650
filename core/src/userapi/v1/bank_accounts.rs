//! v1 bank accounts (`v1.bank_accounts.*` in the operation table).

use crate::call::{Call, Input};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::money::Amount;
use crate::operations::op;
use crate::paging::Paginator;
use crate::time::DateBound;

use super::envelope;
use super::models::V1BankAccount;
use super::transactions::{amount, bound, Count};
use crate::paging::{SinceIdPages, SinceIdQuery};

/// `limit` the iterator uses for bank accounts (SePay's default is 100).
pub const BANK_ACCOUNT_PAGE: u32 = 100;

/// Filters of `GET bankaccounts/list`.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V1BankAccountListParams {
    /// Bank short name, e.g. `Vietcombank`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub short_name: Option<String>,
    /// Last transaction at or after.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_transaction_date_min: Option<DateBound>,
    /// Last transaction at or before.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_transaction_date_max: Option<DateBound>,
    /// Only ids greater than or equal to this one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub since_id: Option<u64>,
    /// At most this many (SePay's default is 100).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<u32>,
    /// Balance at least.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accumulated_min: Option<Amount>,
    /// Balance at most.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accumulated_max: Option<Amount>,
}

/// Filters of `GET bankaccounts/count` (the list filters without `limit`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V1BankAccountCountParams {
    /// Bank short name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub short_name: Option<String>,
    /// Last transaction at or after.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_transaction_date_min: Option<DateBound>,
    /// Last transaction at or before.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_transaction_date_max: Option<DateBound>,
    /// Only ids greater than or equal to this one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub since_id: Option<u64>,
    /// Balance at least.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accumulated_min: Option<Amount>,
    /// Balance at most.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accumulated_max: Option<Amount>,
}

fn filter_query(
    short_name: &Option<String>,
    min: &Option<DateBound>,
    max: &Option<DateBound>,
    since_id: Option<u64>,
    acc_min: &Option<Amount>,
    acc_max: &Option<Amount>,
) -> Vec<(&'static str, String)> {
    vec![
        ("short_name", short_name.clone().unwrap_or_default()),
        ("last_transaction_date_min", bound(min)),
        ("last_transaction_date_max", bound(max)),
        (
            "since_id",
            since_id.map(|v| v.to_string()).unwrap_or_default(),
        ),
        ("accumulated_min", amount(acc_min)),
        ("accumulated_max", amount(acc_max)),
    ]
}

/// `GET bankaccounts/list`: one batch.
pub type ListBankAccounts = Call<Vec<V1BankAccount>, V1BankAccountListParams>;

/// `GET bankaccounts/details/{id}`.
pub type GetBankAccount = Call<V1BankAccount, ()>;

/// `GET bankaccounts/count`.
pub type CountBankAccounts = Call<u64, V1BankAccountCountParams>;

impl ListBankAccounts {
    /// The call for one batch of `params`.
    pub fn list(params: V1BankAccountListParams) -> Self {
        let decode = |op: &str, r: &HttpResponse| envelope::decode(op, "bankaccounts", r);
        Call::with_input(op!("v1.bank_accounts.list"), &[], params, decode)
    }
}

impl GetBankAccount {
    /// The call for one bank account.
    pub fn get(id: &str) -> Self {
        let decode = |op: &str, r: &HttpResponse| envelope::decode(op, "bankaccount", r);
        Call::with_input(op!("v1.bank_accounts.get"), &[id], (), decode)
    }
}

impl CountBankAccounts {
    /// The call counting what `params` matches.
    pub fn count(params: V1BankAccountCountParams) -> Self {
        let decode = |op: &str, r: &HttpResponse| {
            envelope::decode::<Count>(op, "count_bankaccounts", r).map(|c| c.0)
        };
        Call::with_input(op!("v1.bank_accounts.count"), &[], params, decode)
    }
}

impl Input for V1BankAccountListParams {
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        if p.limit == Some(0) {
            return Err(Error::invalid_param(
                operation,
                "limit",
                "must be at least 1",
            ));
        }
        let mut query = filter_query(
            &p.short_name,
            &p.last_transaction_date_min,
            &p.last_transaction_date_max,
            p.since_id,
            &p.accumulated_min,
            &p.accumulated_max,
        );
        query.push(("limit", p.limit.map(|v| v.to_string()).unwrap_or_default()));
        Ok(query)
    }
}

impl Input for V1BankAccountCountParams {
    fn query(&self, _: &'static str) -> Result<Vec<(&'static str, String)>> {
        let p = self;
        Ok(filter_query(
            &p.short_name,
            &p.last_transaction_date_min,
            &p.last_transaction_date_max,
            p.since_id,
            &p.accumulated_min,
            &p.accumulated_max,
        ))
    }
}

impl SinceIdQuery for V1BankAccountListParams {
    type Item = V1BankAccount;
    type List = ListBankAccounts;
    type Count = CountBankAccounts;

    fn start(&self) -> (u64, u32) {
        (
            self.since_id.unwrap_or(0),
            self.limit.unwrap_or(BANK_ACCOUNT_PAGE),
        )
    }

    fn list(&self, since_id: u64, limit: u32) -> ListBankAccounts {
        ListBankAccounts::list(V1BankAccountListParams {
            since_id: Some(since_id),
            limit: Some(limit),
            ..self.clone()
        })
    }

    fn count(&self, since_id: u64) -> Option<CountBankAccounts> {
        Some(CountBankAccounts::count(V1BankAccountCountParams {
            short_name: self.short_name.clone(),
            last_transaction_date_min: self.last_transaction_date_min,
            last_transaction_date_max: self.last_transaction_date_max,
            since_id: Some(since_id),
            accumulated_min: self.accumulated_min,
            accumulated_max: self.accumulated_max,
        }))
    }

    fn id_of(item: &V1BankAccount) -> &str {
        &item.id
    }
}

/// v1 bank account operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V1BankAccounts<'a> {
    client: &'a Client,
}

impl<'a> V1BankAccounts<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        V1BankAccounts { client }
    }

    /// One request to `bankaccounts/list`.
    pub async fn list(&self, params: &V1BankAccountListParams) -> Result<Vec<V1BankAccount>> {
        self.client
            .execute(&ListBankAccounts::list(params.clone()))
            .await
    }

    /// Every matching bank account, oldest id first, page by page.
    pub fn iter(
        &self,
        params: &V1BankAccountListParams,
    ) -> Paginator<SinceIdPages<V1BankAccountListParams>> {
        Paginator::new(self.client.clone(), SinceIdPages::new(params.clone()))
    }

    /// One bank account by id.
    pub async fn get(&self, id: &str) -> Result<V1BankAccount> {
        self.client.execute(&GetBankAccount::get(id)).await
    }

    /// How many bank accounts match.
    pub async fn count(&self, params: &V1BankAccountCountParams) -> Result<u64> {
        self.client
            .execute(&CountBankAccounts::count(params.clone()))
            .await
    }
}
