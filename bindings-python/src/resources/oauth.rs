//! `client.oauth`: the OAuth2 authorization-code flow and the resource API of
//! the authorizing user (`me`, `company`, bank accounts, transactions, webhooks).
//! Tokens are refreshed by the core and handed to the client's token store.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sepay::oauth::{OAuthListParams, WebhookParams};

use super::orders::Unit;
use crate::errors::IntoPyResult;
use crate::page::PageOut;
use crate::params::params;
use crate::shared::Ctx;
use crate::token_store::PyOAuthTokens;

/// JSON text from the core on its way to Python: `json.loads(text)`.
pub struct Json(pub String);

impl<'py> IntoPyObject<'py> for Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        py.import("json")?.call_method1("loads", (self.0,))
    }
}

/// OAuth2 (`client.oauth`): `authorization_url`, `exchange_code`, `me`,
/// `company`, `bank_accounts`, `transactions`, `webhooks`.
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct OAuth {
    ctx: Ctx,
    /// Bank accounts: `list`, `iter`, `get`, `sub_accounts`.
    #[pyo3(get)]
    bank_accounts: Py<PyAny>,
    /// Transactions: `list`, `iter`.
    #[pyo3(get)]
    transactions: Py<PyAny>,
    /// Webhooks: `list`, `get`, `create`, `update`, `delete`.
    #[pyo3(get)]
    webhooks: Py<PyAny>,
}
twin!(OAuth, AsyncOAuth, "OAuth2 of an `AsyncClient`.");

impl OAuth {
    pub fn create(py: Python<'_>, ctx: &Ctx) -> PyResult<Py<PyAny>> {
        let a = ctx.asynchronous;
        OAuth {
            ctx: ctx.clone(),
            bank_accounts: OAuthBankAccounts { ctx: ctx.clone() }.instantiate(py, a)?,
            transactions: OAuthTransactions { ctx: ctx.clone() }.instantiate(py, a)?,
            webhooks: OAuthWebhooks { ctx: ctx.clone() }.instantiate(py, a)?,
        }
        .instantiate(py, a)
    }
}

#[pymethods]
impl OAuth {
    /// The URL to send the user's browser to: the `scopes` asked for and a
    /// `state` to check on the callback (no request is made, also on `AsyncClient`).
    fn authorization_url(
        &self,
        py: Python<'_>,
        scopes: Vec<String>,
        state: &str,
    ) -> PyResult<String> {
        let client = self.ctx.shared.client().py_err(py)?;
        let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
        client.oauth().authorization_url(&scopes, state).py_err(py)
    }

    /// Exchanges the callback's `code` for tokens, saves them to the token
    /// store and starts using them.
    fn exchange_code(&self, py: Python<'_>, code: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.oauth()
                .exchange_code(&code)
                .await
                .map(PyOAuthTokens::from)
        })
    }

    /// The authorizing user (scope `profile`).
    fn me(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, |c| async move { c.oauth().me().await })
    }

    /// The user's company (scope `company`) as a `dict`: SePay does not document its shape.
    fn company(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.ctx
            .call(py, |c| async move { c.oauth().company().await.map(Json) })
    }
}

/// OAuth2 bank accounts (`client.oauth.bank_accounts`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct OAuthBankAccounts {
    ctx: Ctx,
}
twin!(
    OAuthBankAccounts,
    AsyncOAuthBankAccounts,
    "OAuth2 bank accounts of an `AsyncClient`."
);

#[pymethods]
impl OAuthBankAccounts {
    /// One page of bank accounts (`page`, `limit`).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: OAuthListParams = params(py, "oauth.bank_accounts.list", filters)?;
        self.ctx.call(py, move |c| async move {
            c.oauth().bank_accounts().list(&p).await.map(PageOut)
        })
    }

    /// Every bank account, page by page.
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: OAuthListParams = params(py, "oauth.bank_accounts.iter", filters)?;
        self.ctx.paginate(py, "oauth.bank_accounts.iter", |c| {
            c.oauth().bank_accounts().iter(&p).boxed()
        })
    }

    /// One bank account.
    fn get(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.oauth().bank_accounts().get(&id).await
        })
    }

    /// One page of a bank account's sub-accounts (VAs).
    #[pyo3(signature = (bank_account_id, **filters))]
    fn sub_accounts(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let p: OAuthListParams = params(py, "oauth.bank_accounts.sub_accounts", filters)?;
        self.ctx.call(py, move |c| async move {
            c.oauth()
                .bank_accounts()
                .sub_accounts(&bank_account_id, &p)
                .await
                .map(PageOut)
        })
    }
}

/// OAuth2 transactions (`client.oauth.transactions`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct OAuthTransactions {
    ctx: Ctx,
}
twin!(
    OAuthTransactions,
    AsyncOAuthTransactions,
    "OAuth2 transactions of an `AsyncClient`."
);

#[pymethods]
impl OAuthTransactions {
    /// One page of transactions (scope `transaction:read`).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: OAuthListParams = params(py, "oauth.transactions.list", filters)?;
        self.ctx.call(py, move |c| async move {
            c.oauth().transactions().list(&p).await.map(PageOut)
        })
    }

    /// Every matching transaction, page by page.
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: OAuthListParams = params(py, "oauth.transactions.iter", filters)?;
        self.ctx.paginate(py, "oauth.transactions.iter", |c| {
            c.oauth().transactions().iter(&p).boxed()
        })
    }
}

/// OAuth2 webhooks (`client.oauth.webhooks`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct OAuthWebhooks {
    ctx: Ctx,
}
twin!(
    OAuthWebhooks,
    AsyncOAuthWebhooks,
    "OAuth2 webhooks of an `AsyncClient`."
);

#[pymethods]
impl OAuthWebhooks {
    /// One page of webhooks (`webhook_url`, `active`, `page`, `limit`).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: OAuthListParams = params(py, "oauth.webhooks.list", filters)?;
        self.ctx.call(py, move |c| async move {
            c.oauth().webhooks().list(&p).await.map(PageOut)
        })
    }

    /// One webhook.
    fn get(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(
            py,
            move |c| async move { c.oauth().webhooks().get(&id).await },
        )
    }

    /// Creates a webhook (scope `webhook:write`).
    #[pyo3(signature = (**fields))]
    fn create(&self, py: Python<'_>, fields: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: WebhookParams = params(py, "oauth.webhooks.create", fields)?;
        self.ctx.call(
            py,
            move |c| async move { c.oauth().webhooks().create(&p).await },
        )
    }

    /// Changes the given fields of a webhook.
    #[pyo3(signature = (id, **fields))]
    fn update(
        &self,
        py: Python<'_>,
        id: String,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let p: WebhookParams = params(py, "oauth.webhooks.update", fields)?;
        self.ctx.call(py, move |c| async move {
            c.oauth().webhooks().update(&id, &p).await
        })
    }

    /// Deletes a webhook (scope `webhook:delete`).
    fn delete(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.oauth().webhooks().delete(&id).await.map(|()| Unit)
        })
    }
}
