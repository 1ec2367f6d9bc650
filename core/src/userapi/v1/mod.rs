//! User API v1 (legacy, still working): numbers and ids as strings, `since_id`
//! + `limit` paging, and HTTP 200 with an empty body for authentication failures.

mod bank_accounts;
pub(crate) mod envelope;
mod models;
mod transactions;

pub use bank_accounts::{
    CountBankAccounts, GetBankAccount, ListBankAccounts, V1BankAccountCountParams,
    V1BankAccountListParams, V1BankAccounts,
};
pub use models::*;
pub use transactions::{
    CountTransactions, GetTransaction, ListTransactions, V1TransactionCountParams,
    V1TransactionListParams, V1Transactions,
};

use crate::client::Client;

/// User API v1 operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V1<'a> {
    client: &'a Client,
}

impl<'a> V1<'a> {
    /// The client these operations run on.
    pub fn client(&self) -> &'a Client {
        self.client
    }

    /// Transactions: list, get, count, iterate.
    pub fn transactions(&self) -> V1Transactions<'a> {
        V1Transactions::new(self.client)
    }

    /// Bank accounts: list, get, count, iterate.
    pub fn bank_accounts(&self) -> V1BankAccounts<'a> {
        V1BankAccounts::new(self.client)
    }
}

impl Client {
    /// User API v1 (`my.sepay.vn/userapi`). SePay no longer develops v1; prefer
    /// [`Client::v2`] for new integrations.
    pub fn v1(&self) -> V1<'_> {
        V1 { client: self }
    }
}
