//! User API v1 objects: `client.v1().transactions()`, `client.v1().bankAccounts()`.

use std::sync::Arc;

use sepay::userapi::v1::{
    V1BankAccount, V1BankAccountCountParams, V1BankAccountListParams, V1Transaction,
    V1TransactionCountParams, V1TransactionListParams,
};

use crate::error::SePayError;
use crate::orders::VaOrders;
use crate::paginator::{V1BankAccountPaginator, V1TransactionPaginator};

/// User API v1 (legacy; SePay no longer develops it).
#[derive(uniffi::Object)]
pub struct V1Api {
    client: sepay::Client,
}

impl V1Api {
    pub(crate) fn new(client: &sepay::Client) -> Arc<Self> {
        Arc::new(V1Api {
            client: client.clone(),
        })
    }
}

#[uniffi::export]
impl V1Api {
    /// Transactions: list, get, count, iterate.
    pub fn transactions(&self) -> Arc<V1Transactions> {
        Arc::new(V1Transactions {
            client: self.client.clone(),
        })
    }

    /// Bank accounts: list, get, count, iterate.
    pub fn bank_accounts(&self) -> Arc<V1BankAccounts> {
        Arc::new(V1BankAccounts {
            client: self.client.clone(),
        })
    }

    /// BIDV VA orders (the v1 order API; paths are the core's).
    pub fn orders(&self) -> Arc<VaOrders> {
        VaOrders::new(&self.client, true)
    }
}

/// v1 transactions.
#[derive(uniffi::Object)]
pub struct V1Transactions {
    client: sepay::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl V1Transactions {
    /// One request to `transactions/list` (at most `limit` items).
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: V1TransactionListParams,
    ) -> Result<Vec<V1Transaction>, SePayError> {
        Ok(self.client.v1().transactions().list(&params).await?)
    }

    /// Every matching transaction, oldest id first, page by page; stops with a
    /// `Pagination` error rather than return an incomplete history.
    #[uniffi::method(default(params))]
    pub fn iter(&self, params: V1TransactionListParams) -> Arc<V1TransactionPaginator> {
        V1TransactionPaginator::new(self.client.v1().transactions().iter(&params).boxed())
    }

    /// One transaction by id.
    pub async fn get(&self, id: String) -> Result<V1Transaction, SePayError> {
        Ok(self.client.v1().transactions().get(&id).await?)
    }

    /// How many transactions match.
    #[uniffi::method(default(params))]
    pub async fn count(&self, params: V1TransactionCountParams) -> Result<u64, SePayError> {
        Ok(self.client.v1().transactions().count(&params).await?)
    }
}

/// v1 bank accounts.
#[derive(uniffi::Object)]
pub struct V1BankAccounts {
    client: sepay::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl V1BankAccounts {
    /// One request to `bankaccounts/list`.
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: V1BankAccountListParams,
    ) -> Result<Vec<V1BankAccount>, SePayError> {
        Ok(self.client.v1().bank_accounts().list(&params).await?)
    }

    /// Every matching bank account, oldest id first, page by page.
    #[uniffi::method(default(params))]
    pub fn iter(&self, params: V1BankAccountListParams) -> Arc<V1BankAccountPaginator> {
        V1BankAccountPaginator::new(self.client.v1().bank_accounts().iter(&params).boxed())
    }

    /// One bank account by id.
    pub async fn get(&self, id: String) -> Result<V1BankAccount, SePayError> {
        Ok(self.client.v1().bank_accounts().get(&id).await?)
    }

    /// How many bank accounts match.
    #[uniffi::method(default(params))]
    pub async fn count(&self, params: V1BankAccountCountParams) -> Result<u64, SePayError> {
        Ok(self.client.v1().bank_accounts().count(&params).await?)
    }
}
