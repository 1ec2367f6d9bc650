//! `client.bank_hub`: hosted bank linking for platforms (link tokens), their
//! companies, linked bank accounts and transactions, merchant configuration
//! and webhook. The client-credentials token is handled by the core.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sepay::bank_hub::{BankHubListParams, CompanyEdit, LinkPurpose};
use sepay::SecretString;

use crate::errors::IntoPyResult;
use crate::page::PageOut;
use crate::params::params;
use crate::shared::Ctx;

/// Bank Hub (`client.bank_hub`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct BankHub {
    /// Link tokens (hosted linking sessions): `create`, `get`, `revoke`.
    #[pyo3(get)]
    link_tokens: Py<PyAny>,
    /// Companies: `list`, `iter`, `get`, `create`, `edit`, `counter`.
    #[pyo3(get)]
    companies: Py<PyAny>,
    /// Linked bank accounts: `list`, `get`.
    #[pyo3(get)]
    bank_accounts: Py<PyAny>,
    /// Transactions: `list`, `iter`, `get`.
    #[pyo3(get)]
    transactions: Py<PyAny>,
    /// Merchant configuration: `get`, `update`.
    #[pyo3(get)]
    merchant_config: Py<PyAny>,
    /// The merchant's webhook: `get`, `set`.
    #[pyo3(get)]
    webhook: Py<PyAny>,
}
twin!(BankHub, AsyncBankHub, "Bank Hub of an `AsyncClient`.");

impl BankHub {
    pub fn create(py: Python<'_>, ctx: &Ctx) -> PyResult<Py<PyAny>> {
        let a = ctx.asynchronous;
        BankHub {
            link_tokens: LinkTokens { ctx: ctx.clone() }.instantiate(py, a)?,
            companies: Companies { ctx: ctx.clone() }.instantiate(py, a)?,
            bank_accounts: BankHubBankAccounts { ctx: ctx.clone() }.instantiate(py, a)?,
            transactions: BankHubTransactions { ctx: ctx.clone() }.instantiate(py, a)?,
            merchant_config: MerchantConfigs { ctx: ctx.clone() }.instantiate(py, a)?,
            webhook: BankHubWebhooks { ctx: ctx.clone() }.instantiate(py, a)?,
        }
        .instantiate(py, a)
    }
}

/// Bank Hub link tokens (`client.bank_hub.link_tokens`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct LinkTokens {
    ctx: Ctx,
}
twin!(
    LinkTokens,
    AsyncLinkTokens,
    "Bank Hub link tokens of an `AsyncClient`."
);

#[pymethods]
impl LinkTokens {
    /// Creates a hosted linking session for a company; open its
    /// `hosted_link_url` in a WebView. `purpose` is a `LinkPurpose`.
    #[pyo3(signature = (company_xid, *, purpose="LINK_BANK_ACCOUNT", completion_redirect_uri=None, bank_account_xid=None))]
    fn create(
        &self,
        py: Python<'_>,
        company_xid: String,
        purpose: &str,
        completion_redirect_uri: Option<String>,
        bank_account_xid: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let purpose: LinkPurpose =
            serde_json::from_value(serde_json::Value::String(purpose.to_string()))
                .map_err(|_| {
                    let why = format!(
                        "must be \"LINK_BANK_ACCOUNT\" or \"UNLINK_BANK_ACCOUNT\", got {purpose:?}"
                    );
                    sepay::Error::invalid_param("bank_hub.link_tokens.create", "purpose", why)
                })
                .py_err(py)?;
        self.ctx.call(py, move |c| async move {
            c.bank_hub()
                .link_tokens()
                .create(
                    &company_xid,
                    purpose,
                    completion_redirect_uri.as_deref(),
                    bank_account_xid.as_deref(),
                )
                .await
        })
    }

    /// A link token's state and sessions.
    fn get(&self, py: Python<'_>, link_token: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.bank_hub().link_tokens().get(&link_token).await
        })
    }

    /// Revokes a link token (by its `xid`); returns SePay's message.
    fn revoke(&self, py: Python<'_>, link_token_xid: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.bank_hub().link_tokens().revoke(&link_token_xid).await
        })
    }
}

/// Bank Hub companies (`client.bank_hub.companies`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct Companies {
    ctx: Ctx,
}
twin!(
    Companies,
    AsyncCompanies,
    "Bank Hub companies of an `AsyncClient`."
);

#[pymethods]
impl Companies {
    /// One page of companies (`q`, `status`, `page`, `per_page`).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: BankHubListParams = params(py, "bank_hub.companies.list", filters)?;
        self.ctx.call(py, move |c| async move {
            c.bank_hub().companies().list(&p).await.map(PageOut)
        })
    }

    /// Every company, page by page.
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: BankHubListParams = params(py, "bank_hub.companies.iter", filters)?;
        self.ctx.paginate(py, "bank_hub.companies.iter", |c| {
            c.bank_hub().companies().iter(&p).boxed()
        })
    }

    /// One company.
    fn get(&self, py: Python<'_>, company_xid: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.bank_hub().companies().get(&company_xid).await
        })
    }

    /// Creates a company (`status` "Active" or "Pending"); returns its xid.
    #[pyo3(signature = (full_name, *, status="Active"))]
    fn create(&self, py: Python<'_>, full_name: String, status: &str) -> PyResult<Py<PyAny>> {
        let status = status.to_string();
        self.ctx.call(py, move |c| async move {
            c.bank_hub().companies().create(&full_name, &status).await
        })
    }

    /// Changes the given fields of a company; returns SePay's message.
    #[pyo3(signature = (company_xid, **fields))]
    fn edit(
        &self,
        py: Python<'_>,
        company_xid: String,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let edit: CompanyEdit = params(py, "bank_hub.companies.edit", fields)?;
        self.ctx.call(py, move |c| async move {
            c.bank_hub().companies().edit(&company_xid, &edit).await
        })
    }

    /// Transaction counts of a company, per day (optionally one `date`).
    #[pyo3(signature = (company_xid, *, date=None))]
    fn counter(
        &self,
        py: Python<'_>,
        company_xid: String,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let date: Option<String> = match date {
            None => None,
            Some(d) if d.is_none() => None,
            Some(d) if d.hasattr("isoformat")? => Some(d.call_method0("isoformat")?.extract()?),
            Some(d) => Some(d.extract()?),
        };
        self.ctx.call(py, move |c| async move {
            c.bank_hub()
                .companies()
                .counter(&company_xid, date.as_deref())
                .await
        })
    }
}

/// Bank Hub linked bank accounts (`client.bank_hub.bank_accounts`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct BankHubBankAccounts {
    ctx: Ctx,
}
twin!(
    BankHubBankAccounts,
    AsyncBankHubBankAccounts,
    "Bank Hub bank accounts of an `AsyncClient`."
);

#[pymethods]
impl BankHubBankAccounts {
    /// One page of linked bank accounts (`company_xid`, `q`, `page`, `per_page`).
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: BankHubListParams = params(py, "bank_hub.bank_accounts.list", filters)?;
        self.ctx.call(py, move |c| async move {
            c.bank_hub().bank_accounts().list(&p).await.map(PageOut)
        })
    }

    /// One linked bank account.
    fn get(&self, py: Python<'_>, xid: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.bank_hub().bank_accounts().get(&xid).await
        })
    }
}

/// Bank Hub transactions (`client.bank_hub.transactions`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct BankHubTransactions {
    ctx: Ctx,
}
twin!(
    BankHubTransactions,
    AsyncBankHubTransactions,
    "Bank Hub transactions of an `AsyncClient`."
);

#[pymethods]
impl BankHubTransactions {
    /// One page of transactions.
    #[pyo3(signature = (**filters))]
    fn list(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: BankHubListParams = params(py, "bank_hub.transactions.list", filters)?;
        self.ctx.call(py, move |c| async move {
            c.bank_hub().transactions().list(&p).await.map(PageOut)
        })
    }

    /// Every matching transaction, page by page.
    #[pyo3(signature = (**filters))]
    fn iter(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        let p: BankHubListParams = params(py, "bank_hub.transactions.iter", filters)?;
        self.ctx.paginate(py, "bank_hub.transactions.iter", |c| {
            c.bank_hub().transactions().iter(&p).boxed()
        })
    }

    /// One transaction.
    fn get(&self, py: Python<'_>, transaction_id: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.bank_hub().transactions().get(&transaction_id).await
        })
    }
}

/// The Bank Hub merchant configuration (`client.bank_hub.merchant_config`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct MerchantConfigs {
    ctx: Ctx,
}
twin!(
    MerchantConfigs,
    AsyncMerchantConfigs,
    "Bank Hub merchant configuration of an `AsyncClient`."
);

#[pymethods]
impl MerchantConfigs {
    /// The merchant configuration.
    fn get(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.ctx.call(
            py,
            |c| async move { c.bank_hub().merchant_config().get().await },
        )
    }

    /// Keeps only transactions whose memo contains one of `keywords`.
    fn update(&self, py: Python<'_>, keywords: Vec<String>) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.bank_hub().merchant_config().update(&keywords).await
        })
    }
}

/// The Bank Hub merchant webhook (`client.bank_hub.webhook`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct BankHubWebhooks {
    ctx: Ctx,
}
twin!(
    BankHubWebhooks,
    AsyncBankHubWebhooks,
    "The Bank Hub webhook of an `AsyncClient`."
);

#[pymethods]
impl BankHubWebhooks {
    /// The merchant's webhook, or `None` when none is set.
    fn get(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.ctx
            .call(py, |c| async move { c.bank_hub().webhook().get().await })
    }

    /// Sets (upserts) the webhook; SePay sends `secret_key` back as
    /// `X-Secret-Key` with every event. `allow_events` `["*"]` means all.
    #[pyo3(signature = (webhook_url, *, secret_key, allow_events=None, active=true))]
    fn set(
        &self,
        py: Python<'_>,
        webhook_url: String,
        secret_key: String,
        allow_events: Option<Vec<String>>,
        active: bool,
    ) -> PyResult<Py<PyAny>> {
        let secret = SecretString::new(secret_key);
        let events = allow_events.unwrap_or_else(|| vec!["*".to_string()]);
        self.ctx.call(py, move |c| async move {
            c.bank_hub()
                .webhook()
                .set(&webhook_url, &secret, &events, active)
                .await
        })
    }
}
