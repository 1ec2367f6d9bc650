//! `client.v1.*` and `client.v2.*`: one class per resource, each method one
//! core operation (names as in `sepay::operations::OPERATIONS`). The classes
//! serve both clients; the `Async...` twins exist so that the types read true.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sepay::userapi::v1::{
    V1BankAccountCountParams, V1BankAccountListParams, V1TransactionCountParams,
    V1TransactionListParams,
};
use sepay::userapi::v2::{
    V2BankAccountListParams, V2TransactionListParams, V2VirtualAccountListParams,
};

use crate::client::Ctx;
use crate::page::PageOut;
use crate::params::params;

/// Declares the async twin of a class and how to instantiate the right one.
macro_rules! twin {
    ($base:ident, $twin:ident, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, module = "sepay_sdk", extends = $base)]
        pub struct $twin;

        impl $base {
            fn instantiate(self, py: Python<'_>, asynchronous: bool) -> PyResult<Py<PyAny>> {
                if asynchronous {
                    let init = PyClassInitializer::from(self).add_subclass($twin);
                    Ok(Py::new(py, init)?.into_any())
                } else {
                    Ok(Py::new(py, self)?.into_any())
                }
            }
        }
    };
}

/// User API v1 (`client.v1`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V1 {
    /// Transactions: `list`, `iter`, `get`, `count`.
    #[pyo3(get)]
    transactions: Py<PyAny>,
    /// Bank accounts: `list`, `iter`, `get`, `count`.
    #[pyo3(get)]
    bank_accounts: Py<PyAny>,
}
twin!(V1, AsyncV1, "User API v1 of an `AsyncClient`.");

impl V1 {
    pub fn create(py: Python<'_>, ctx: &Ctx) -> PyResult<Py<PyAny>> {
        V1 {
            transactions: V1Transactions { ctx: ctx.clone() }.instantiate(py, ctx.asynchronous)?,
            bank_accounts: V1BankAccounts { ctx: ctx.clone() }.instantiate(py, ctx.asynchronous)?,
        }
        .instantiate(py, ctx.asynchronous)
    }
}

/// User API v2 (`client.v2`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2 {
    /// Transactions: `list`, `iter`, `get`.
    #[pyo3(get)]
    transactions: Py<PyAny>,
    /// Bank accounts: `list`, `iter`, `get`.
    #[pyo3(get)]
    bank_accounts: Py<PyAny>,
    /// Virtual accounts of a bank account: `list`, `iter`, `get`.
    #[pyo3(get)]
    virtual_accounts: Py<PyAny>,
    /// Vietcombank terminals of a bank account: `list`.
    #[pyo3(get)]
    terminals: Py<PyAny>,
}
twin!(V2, AsyncV2, "User API v2 of an `AsyncClient`.");

impl V2 {
    pub fn create(py: Python<'_>, ctx: &Ctx) -> PyResult<Py<PyAny>> {
        let a = ctx.asynchronous;
        V2 {
            transactions: V2Transactions { ctx: ctx.clone() }.instantiate(py, a)?,
            bank_accounts: V2BankAccounts { ctx: ctx.clone() }.instantiate(py, a)?,
            virtual_accounts: V2VirtualAccounts { ctx: ctx.clone() }.instantiate(py, a)?,
            terminals: V2Terminals { ctx: ctx.clone() }.instantiate(py, a)?,
        }
        .instantiate(py, a)
    }
}

/// v1 transactions (`client.v1.transactions`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V1Transactions {
    ctx: Ctx,
}
twin!(V1Transactions, AsyncV1Transactions, "v1 transactions of an `AsyncClient`.");

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
    ctx: Ctx,
}
twin!(V1BankAccounts, AsyncV1BankAccounts, "v1 bank accounts of an `AsyncClient`.");

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
        self.ctx
            .call(py, |c| async move { c.v1().bank_accounts().count(&p).await })
    }
}

/// v2 transactions (`client.v2.transactions`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2Transactions {
    ctx: Ctx,
}
twin!(V2Transactions, AsyncV2Transactions, "v2 transactions of an `AsyncClient`.");

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
    ctx: Ctx,
}
twin!(V2BankAccounts, AsyncV2BankAccounts, "v2 bank accounts of an `AsyncClient`.");

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
    ctx: Ctx,
}
twin!(V2VirtualAccounts, AsyncV2VirtualAccounts, "v2 virtual accounts of an `AsyncClient`.");

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
            c.v2().virtual_accounts().get(&bank_account_id, &va_id).await
        })
    }
}

/// v2 Vietcombank terminals (`client.v2.terminals`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2Terminals {
    ctx: Ctx,
}
twin!(V2Terminals, AsyncV2Terminals, "v2 terminals of an `AsyncClient`.");

#[pymethods]
impl V2Terminals {
    /// The Vietcombank terminals of a bank account.
    fn list(&self, py: Python<'_>, bank_account_id: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, |c| async move {
            c.v2().terminals().list(&bank_account_id).await
        })
    }
}

/// Keyword parameters of each operation, from the core's params types (for
/// the parity test against the stubs).
pub fn operation_params() -> Vec<(&'static str, &'static [&'static str])> {
    use sepay::params::field_names as f;
    vec![
        ("v1.transactions.list", f::<V1TransactionListParams>()),
        ("v1.transactions.iter", f::<V1TransactionListParams>()),
        ("v1.transactions.count", f::<V1TransactionCountParams>()),
        ("v1.bank_accounts.list", f::<V1BankAccountListParams>()),
        ("v1.bank_accounts.iter", f::<V1BankAccountListParams>()),
        ("v1.bank_accounts.count", f::<V1BankAccountCountParams>()),
        ("v2.transactions.list", f::<V2TransactionListParams>()),
        ("v2.transactions.iter", f::<V2TransactionListParams>()),
        ("v2.bank_accounts.list", f::<V2BankAccountListParams>()),
        ("v2.bank_accounts.iter", f::<V2BankAccountListParams>()),
        ("v2.virtual_accounts.list", f::<V2VirtualAccountListParams>()),
        ("v2.virtual_accounts.iter", f::<V2VirtualAccountListParams>()),
    ]
}
