//! v1 bank accounts: `bankaccounts/list`, `bankaccounts/details/{id}`, `bankaccounts/count`.

use crate::client::Client;
use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse};
use crate::money::Amount;
use crate::operation::Operation;
use crate::page::Paginator;
use crate::time::DateBound;

use super::envelope;
use super::models::V1BankAccount;
use super::paging::{SinceIdQuery, V1Pages};
use super::transactions::{amount, bound, require_id, Count};

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

const LIST: &str = "v1.bank_accounts.list";

/// `GET bankaccounts/list`.
#[derive(Debug, Clone)]
pub struct ListBankAccounts(pub V1BankAccountListParams);

impl Operation for ListBankAccounts {
    type Output = Vec<V1BankAccount>;

    fn name(&self) -> &'static str {
        LIST
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let p = &self.0;
        if p.limit == Some(0) {
            return Err(Error::invalid_param(LIST, "limit", "must be at least 1"));
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
        Ok(HttpRequest::get(
            &urls.user_api_v1,
            &["bankaccounts", "list"],
            &query,
        ))
    }

    fn decode(&self, response: &HttpResponse) -> Result<Self::Output> {
        envelope::decode(LIST, "bankaccounts", response)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(LIST, response)
    }
}

const GET: &str = "v1.bank_accounts.get";

/// `GET bankaccounts/details/{id}`.
#[derive(Debug, Clone)]
pub struct GetBankAccount(pub String);

impl Operation for GetBankAccount {
    type Output = V1BankAccount;

    fn name(&self) -> &'static str {
        GET
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        require_id(GET, &self.0)?;
        Ok(HttpRequest::get(
            &urls.user_api_v1,
            &["bankaccounts", "details", &self.0],
            &[],
        ))
    }

    fn decode(&self, response: &HttpResponse) -> Result<Self::Output> {
        envelope::decode(GET, "bankaccount", response)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(GET, response)
    }
}

const COUNT: &str = "v1.bank_accounts.count";

/// `GET bankaccounts/count`.
#[derive(Debug, Clone)]
pub struct CountBankAccounts(pub V1BankAccountCountParams);

impl Operation for CountBankAccounts {
    type Output = u64;

    fn name(&self) -> &'static str {
        COUNT
    }

    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let p = &self.0;
        let query = filter_query(
            &p.short_name,
            &p.last_transaction_date_min,
            &p.last_transaction_date_max,
            p.since_id,
            &p.accumulated_min,
            &p.accumulated_max,
        );
        Ok(HttpRequest::get(
            &urls.user_api_v1,
            &["bankaccounts", "count"],
            &query,
        ))
    }

    fn decode(&self, response: &HttpResponse) -> Result<u64> {
        let count: Count = envelope::decode(COUNT, "count_bankaccounts", response)?;
        Ok(count.0)
    }

    fn error(&self, response: &HttpResponse) -> Error {
        envelope::error(COUNT, response)
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
        ListBankAccounts(V1BankAccountListParams {
            since_id: Some(since_id),
            limit: Some(limit),
            ..self.clone()
        })
    }

    fn count(&self, since_id: u64) -> Option<CountBankAccounts> {
        Some(CountBankAccounts(V1BankAccountCountParams {
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
        self.client.execute(&ListBankAccounts(params.clone())).await
    }

    /// Every matching bank account, oldest id first, page by page.
    pub fn iter(
        &self,
        params: &V1BankAccountListParams,
    ) -> Paginator<V1Pages<V1BankAccountListParams>> {
        Paginator::new(self.client.clone(), V1Pages::new(params.clone()))
    }

    /// One bank account by id.
    pub async fn get(&self, id: &str) -> Result<V1BankAccount> {
        self.client.execute(&GetBankAccount(id.to_string())).await
    }

    /// How many bank accounts match.
    pub async fn count(&self, params: &V1BankAccountCountParams) -> Result<u64> {
        self.client
            .execute(&CountBankAccounts(params.clone()))
            .await
    }
}
