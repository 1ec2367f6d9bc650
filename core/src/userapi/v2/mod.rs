//! User API v2: UUID ids, integer money, `{status, data, meta.pagination}`,
//! real HTTP error codes with `error_code`.

mod bank_accounts;
pub(crate) mod envelope;
mod models;
mod query;
mod transactions;
mod virtual_accounts;

pub use crate::paging::MAX_PER_PAGE;
pub use bank_accounts::{
    GetBankAccount, ListBankAccounts, V2BankAccountListParams, V2BankAccounts,
};
pub use models::*;
pub use transactions::{GetTransaction, ListTransactions, V2TransactionListParams, V2Transactions};
pub use virtual_accounts::{
    GetVirtualAccount, ListTerminals, ListVirtualAccounts, V2Terminals, V2VirtualAccountListParams,
    V2VirtualAccounts,
};

use crate::client::Client;

/// User API v2 operations of a client.
#[derive(Debug, Clone, Copy)]
pub struct V2<'a> {
    client: &'a Client,
}

impl<'a> V2<'a> {
    /// The client these operations run on.
    pub fn client(&self) -> &'a Client {
        self.client
    }

    /// Transactions: list, get, iterate.
    pub fn transactions(&self) -> V2Transactions<'a> {
        V2Transactions::new(self.client)
    }

    /// Bank accounts: list, get, iterate.
    pub fn bank_accounts(&self) -> V2BankAccounts<'a> {
        V2BankAccounts::new(self.client)
    }

    /// Virtual accounts of a bank account: list, get, iterate.
    pub fn virtual_accounts(&self) -> V2VirtualAccounts<'a> {
        V2VirtualAccounts::new(self.client)
    }

    /// Vietcombank terminals of a bank account.
    pub fn terminals(&self) -> V2Terminals<'a> {
        V2Terminals::new(self.client)
    }
}

impl Client {
    /// User API v2 (`userapi.sepay.vn/v2`).
    pub fn v2(&self) -> V2<'_> {
        V2 { client: self }
    }
}
