//! `client.v1.transactions` and `client.v1.bank_accounts`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::params::params;
use crate::shared::Ctx;
use sepay::userapi::v1::{
    V1BankAccountCountParams, V1BankAccountListParams, V1TransactionCountParams,
    V1TransactionListParams,
};

/// v1 transactions (`client.v1.transactions`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V1Transactions {
    pub(super) ctx: Ctx,
}
twin!(
    V1Transactions,
    AsyncV1Transactions,
    "v1 transactions of an `AsyncClient`."
);

#[pymethods]
impl V1Transactions {
    /// One request: at most `limit` transactions (SePay's default 5000).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V1TransactionListParams = params(py, "v1.transactions.list", filters)?;
        self.ctx
            .call(py, |c| async move { c.v1().transactions().list(&p).await })
    }

    /// Every matching transaction, oldest id first, page by page.
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V1TransactionListParams = params(py, "v1.transactions.iter", filters)?;
        self.ctx.paginate(py, "v1.transactions.iter", |c| {
            c.v1().transactions().iter(&p).boxed()
        })
    }

    /// One transaction by id.
    fn get(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        self.ctx
            .call(py, |c| async move { c.v1().transactions().get(&id).await })
    }

    /// How many transactions match.
    #[pyo3(signature = (**filters))]
    fn count(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V1TransactionCountParams = params(py, "v1.transactions.count", filters)?;
        self.ctx
            .call(py, |c| async move { c.v1().transactions().count(&p).await })
    }
}

/// v1 bank accounts (`client.v1.bank_accounts`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V1BankAccounts {
    pub(super) ctx: Ctx,
}
twin!(
    V1BankAccounts,
    AsyncV1BankAccounts,
    "v1 bank accounts of an `AsyncClient`."
);

#[pymethods]
impl V1BankAccounts {
    /// One request: at most `limit` bank accounts (SePay's default 100).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V1BankAccountListParams = params(py, "v1.bank_accounts.list", filters)?;
        self.ctx
            .call(py, |c| async move { c.v1().bank_accounts().list(&p).await })
    }

    /// Every matching bank account, oldest id first, page by page.
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V1BankAccountListParams = params(py, "v1.bank_accounts.iter", filters)?;
        self.ctx.paginate(py, "v1.bank_accounts.iter", |c| {
            c.v1().bank_accounts().iter(&p).boxed()
        })
    }

    /// One bank account by id.
    fn get(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        self.ctx
            .call(py, |c| async move { c.v1().bank_accounts().get(&id).await })
    }

    /// How many bank accounts match.
    #[pyo3(signature = (**filters))]
    fn count(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: V1BankAccountCountParams = params(py, "v1.bank_accounts.count", filters)?;
        self.ctx.call(
            py,
            |c| async move { c.v1().bank_accounts().count(&p).await },
        )
    }
}
