//! `client.v2.transactions`, `bank_accounts`, `virtual_accounts` and `terminals`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::params::params;
use crate::shared::Ctx;
use sepay::userapi::v2::{
    V2BankAccountListParams, V2TransactionListParams, V2VirtualAccountListParams,
};

use crate::page::PageOut;

/// v2 transactions (`client.v2.transactions`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2Transactions {
    pub(super) ctx: Ctx,
}
twin!(
    V2Transactions,
    AsyncV2Transactions,
    "v2 transactions of an `AsyncClient`."
);

#[pymethods]
impl V2Transactions {
    /// One page (`page`, `per_page` up to 100).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V2TransactionListParams = params(py, "v2.transactions.list", filters)?;
        self.ctx.call(py, |c| async move {
            c.v2().transactions().list(&p).await.map(PageOut)
        })
    }

    /// Every matching transaction, page by page (oldest first unless sorted).
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V2TransactionListParams = params(py, "v2.transactions.iter", filters)?;
        self.ctx.paginate(py, "v2.transactions.iter", |c| {
            c.v2().transactions().iter(&p).boxed()
        })
    }

    /// One transaction by id (UUID).
    fn get(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        self.ctx
            .call(py, |c| async move { c.v2().transactions().get(&id).await })
    }
}

/// v2 bank accounts (`client.v2.bank_accounts`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2BankAccounts {
    pub(super) ctx: Ctx,
}
twin!(
    V2BankAccounts,
    AsyncV2BankAccounts,
    "v2 bank accounts of an `AsyncClient`."
);

#[pymethods]
impl V2BankAccounts {
    /// One page of bank accounts.
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V2BankAccountListParams = params(py, "v2.bank_accounts.list", filters)?;
        self.ctx.call(py, |c| async move {
            c.v2().bank_accounts().list(&p).await.map(PageOut)
        })
    }

    /// Every matching bank account, page by page.
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V2BankAccountListParams = params(py, "v2.bank_accounts.iter", filters)?;
        self.ctx.paginate(py, "v2.bank_accounts.iter", |c| {
            c.v2().bank_accounts().iter(&p).boxed()
        })
    }

    /// One bank account by id (UUID).
    fn get(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        self.ctx
            .call(py, |c| async move { c.v2().bank_accounts().get(&id).await })
    }
}

/// v2 virtual accounts of a bank account (`client.v2.virtual_accounts`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2VirtualAccounts {
    pub(super) ctx: Ctx,
}
twin!(
    V2VirtualAccounts,
    AsyncV2VirtualAccounts,
    "v2 virtual accounts of an `AsyncClient`."
);

#[pymethods]
impl V2VirtualAccounts {
    /// One page of a bank account's virtual accounts.
    #[pyo3(signature = (bank_account_id, **filters))]
    fn list(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let p: V2VirtualAccountListParams = params(py, "v2.virtual_accounts.list", filters)?;
        self.ctx.call(py, |c| async move {
            let page = c.v2().virtual_accounts().list(&bank_account_id, &p).await;
            page.map(PageOut)
        })
    }

    /// Every virtual account of a bank account, page by page.
    #[pyo3(signature = (bank_account_id, **filters))]
    fn iter(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let p: V2VirtualAccountListParams = params(py, "v2.virtual_accounts.iter", filters)?;
        self.ctx.paginate(py, "v2.virtual_accounts.iter", |c| {
            c.v2().virtual_accounts().iter(&bank_account_id, &p).boxed()
        })
    }

    /// One virtual account of a bank account.
    fn get(&self, py: Python<'_>, bank_account_id: String, va_id: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, |c| async move {
            c.v2()
                .virtual_accounts()
                .get(&bank_account_id, &va_id)
                .await
        })
    }
}

/// v2 Vietcombank terminals (`client.v2.terminals`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2Terminals {
    pub(super) ctx: Ctx,
}
twin!(
    V2Terminals,
    AsyncV2Terminals,
    "v2 terminals of an `AsyncClient`."
);

#[pymethods]
impl V2Terminals {
    /// The Vietcombank terminals of a bank account.
    fn list(&self, py: Python<'_>, bank_account_id: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, |c| async move {
            c.v2().terminals().list(&bank_account_id).await
        })
    }
}
