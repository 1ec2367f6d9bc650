//! `client.bank_hub`: the hand-written methods, whose Python signatures
//! differ from the operation table (keyword defaults, enums as text); every
//! other method is generated (`generated.rs`).

use pyo3::prelude::*;
use sepay::bank_hub::LinkPurpose;
use sepay::SecretString;

use super::{BankHubWebhooks, Companies, LinkTokens};
use crate::errors::IntoPyResult;

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
}

#[pymethods]
impl Companies {
    /// Creates a company (`status` "Active" or "Pending"); returns its xid.
    #[pyo3(signature = (full_name, *, status="Active"))]
    fn create(&self, py: Python<'_>, full_name: String, status: &str) -> PyResult<Py<PyAny>> {
        let status = status.to_string();
        self.ctx.call(py, move |c| async move {
            c.bank_hub().companies().create(&full_name, &status).await
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

#[pymethods]
impl BankHubWebhooks {
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
