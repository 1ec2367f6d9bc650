//! User API v2 objects: `client.v2().transactions()`, `.bankAccounts()`,
//! `.virtualAccounts()`, `.terminals()`, and one page record per item type.

use std::sync::Arc;

use sepay::userapi::v2::{
    Terminal, V2BankAccount, V2BankAccountListParams, V2Transaction, V2TransactionListParams,
    V2VirtualAccount, V2VirtualAccountListParams,
};

use crate::error::SePayError;
use crate::orders::VaOrders;
use crate::paginator::{V2BankAccountPaginator, V2TransactionPaginator, V2VirtualAccountPaginator};

page_record!(
    V2TransactionPage,
    V2Transaction,
    "One page of v2 transactions."
);
page_record!(
    V2BankAccountPage,
    V2BankAccount,
    "One page of v2 bank accounts."
);
page_record!(
    V2VirtualAccountPage,
    V2VirtualAccount,
    "One page of v2 virtual accounts."
);

/// User API v2.
#[derive(uniffi::Object)]
pub struct V2Api {
    client: sepay::Client,
}

impl V2Api {
    pub(crate) fn new(client: &sepay::Client) -> Arc<Self> {
        Arc::new(V2Api {
            client: client.clone(),
        })
    }
}

#[uniffi::export]
impl V2Api {
    /// Transactions: list, get, iterate.
    pub fn transactions(&self) -> Arc<V2Transactions> {
        Arc::new(V2Transactions {
            client: self.client.clone(),
        })
    }

    /// Bank accounts: list, get, iterate.
    pub fn bank_accounts(&self) -> Arc<V2BankAccounts> {
        Arc::new(V2BankAccounts {
            client: self.client.clone(),
        })
    }

    /// Virtual accounts of a bank account: list, get, iterate.
    pub fn virtual_accounts(&self) -> Arc<V2VirtualAccounts> {
        Arc::new(V2VirtualAccounts {
            client: self.client.clone(),
        })
    }

    /// VA orders (BIDV, Vietcombank, Sacombank).
    pub fn orders(&self) -> Arc<VaOrders> {
        VaOrders::new(&self.client, false)
    }

    /// Vietcombank terminals of a bank account.
    pub fn terminals(&self) -> Arc<V2Terminals> {
        Arc::new(V2Terminals {
            client: self.client.clone(),
        })
    }
}

/// v2 transactions.
#[derive(uniffi::Object)]
pub struct V2Transactions {
    client: sepay::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl V2Transactions {
    /// One page of transactions.
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: V2TransactionListParams,
    ) -> Result<V2TransactionPage, SePayError> {
        Ok(self.client.v2().transactions().list(&params).await?.into())
    }

    /// Every matching transaction, page by page (oldest first unless a sort is set).
    #[uniffi::method(default(params))]
    pub fn iter(&self, params: V2TransactionListParams) -> Arc<V2TransactionPaginator> {
        V2TransactionPaginator::new(self.client.v2().transactions().iter(&params).boxed())
    }

    /// One transaction by id (UUID).
    pub async fn get(&self, id: String) -> Result<V2Transaction, SePayError> {
        Ok(self.client.v2().transactions().get(&id).await?)
    }
}

/// v2 bank accounts.
#[derive(uniffi::Object)]
pub struct V2BankAccounts {
    client: sepay::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl V2BankAccounts {
    /// One page of bank accounts.
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: V2BankAccountListParams,
    ) -> Result<V2BankAccountPage, SePayError> {
        Ok(self.client.v2().bank_accounts().list(&params).await?.into())
    }

    /// Every matching bank account, page by page.
    #[uniffi::method(default(params))]
    pub fn iter(&self, params: V2BankAccountListParams) -> Arc<V2BankAccountPaginator> {
        V2BankAccountPaginator::new(self.client.v2().bank_accounts().iter(&params).boxed())
    }

    /// One bank account by id (UUID).
    pub async fn get(&self, id: String) -> Result<V2BankAccount, SePayError> {
        Ok(self.client.v2().bank_accounts().get(&id).await?)
    }
}

/// v2 virtual accounts of a bank account.
#[derive(uniffi::Object)]
pub struct V2VirtualAccounts {
    client: sepay::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl V2VirtualAccounts {
    /// One page of a bank account's virtual accounts.
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        bank_account_id: String,
        params: V2VirtualAccountListParams,
    ) -> Result<V2VirtualAccountPage, SePayError> {
        let v2 = self.client.v2();
        Ok(v2
            .virtual_accounts()
            .list(&bank_account_id, &params)
            .await?
            .into())
    }

    /// Every virtual account of a bank account, page by page.
    #[uniffi::method(default(params))]
    pub fn iter(
        &self,
        bank_account_id: String,
        params: V2VirtualAccountListParams,
    ) -> Arc<V2VirtualAccountPaginator> {
        let p = self
            .client
            .v2()
            .virtual_accounts()
            .iter(&bank_account_id, &params);
        V2VirtualAccountPaginator::new(p.boxed())
    }

    /// One virtual account.
    pub async fn get(
        &self,
        bank_account_id: String,
        va_id: String,
    ) -> Result<V2VirtualAccount, SePayError> {
        let v2 = self.client.v2();
        Ok(v2.virtual_accounts().get(&bank_account_id, &va_id).await?)
    }
}

/// Vietcombank terminals of a bank account.
#[derive(uniffi::Object)]
pub struct V2Terminals {
    client: sepay::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl V2Terminals {
    /// The terminals (their `tid` is needed to create Vietcombank orders).
    pub async fn list(&self, bank_account_id: String) -> Result<Vec<Terminal>, SePayError> {
        Ok(self.client.v2().terminals().list(&bank_account_id).await?)
    }
}
