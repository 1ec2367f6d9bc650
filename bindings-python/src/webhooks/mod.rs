//! Receiving SePay's notifications (`sepay_sdk.webhooks`): the core's
//! `WebhookReceiver` and `WebhookTokenIssuer` for any Python web framework.
//! The caller hands over the method, headers and raw body; the result says
//! what arrived, whether to handle it, and exactly what to reply.

mod issuer;
mod reply;
mod store;

use std::sync::Arc;

use pyo3::prelude::*;
use sepay::webhook::{self as core, BodyEncoding, WebhookAuth};

use crate::convert::{body, headers};
use crate::errors::IntoPyResult;
use issuer::unix_now;
pub use issuer::WebhookTokenIssuer;
pub use reply::{error_reply, Received, WebhookReply};
use store::{begin, finish, PyDedup};

/// Receives SePay's notifications for one endpoint, in one authentication
/// mode and body encoding, with a dedup store (in memory unless `store=` is
/// given: any object with `claim`, `complete` and `release`).
#[pyclass(frozen, module = "sepay_sdk")]
pub struct WebhookReceiver {
    inner: core::WebhookReceiver,
    mode: String,
}

/// `(headers, body)` of a made-up delivery.
type TestDelivery = (Vec<(String, String)>, Py<pyo3::types::PyBytes>);

/// The options every factory takes.
struct Setup {
    store: Option<Py<PyAny>>,
    encoding: String,
    lease: Option<f64>,
    replay_window: Option<f64>,
}

impl WebhookReceiver {
    fn make(py: Python<'_>, auth: WebhookAuth, mode: String, setup: Setup) -> PyResult<Self> {
        let build = || -> sepay::Result<core::WebhookReceiver> {
            let mut inner = match setup.store {
                Some(store) => match crate::shared_state::dedup_store(store.bind(py)) {
                    Some(dedup) => core::WebhookReceiver::with_store(auth, Arc::new(dedup?))?,
                    None => core::WebhookReceiver::with_store(auth, Arc::new(PyDedup(store)))?,
                },
                None => core::WebhookReceiver::new(auth)?,
            };
            let encoding = BodyEncoding::parse(&setup.encoding).ok_or_else(|| {
                sepay::Error::Configuration {
                    message: format!(
                        "encoding must be \"json\", \"form\" or \"multipart\", not {:?}",
                        setup.encoding
                    ),
                }
            })?;
            inner = inner.with_encoding(encoding)?;
            if let Some(lease) = setup.lease {
                inner = inner.with_lease(sepay::config::seconds("lease", lease)?)?;
            }
            if let Some(window) = setup.replay_window {
                inner =
                    inner.with_replay_window(sepay::config::seconds("replay_window", window)?)?;
            }
            Ok(inner)
        };
        let inner = build().py_err(py)?;
        let mode = format!("{mode}, encoding={}", inner.encoding().as_str());
        Ok(WebhookReceiver { inner, mode })
    }

    fn run<T>(
        &self,
        py: Python<'_>,
        receive: impl FnOnce(&core::WebhookReceiver) -> sepay::Result<core::Received<T>>,
    ) -> PyResult<Received>
    where
        T: crate::values::IntoPy,
    {
        begin();
        let received = finish(py, receive(&self.inner))?;
        Received::new(py, received)
    }
}

type Args = (String, Vec<(String, String)>, Vec<u8>, i64);

fn args(
    method: String,
    hdrs: &Bound<'_, PyAny>,
    raw: &Bound<'_, PyAny>,
    now: Option<i64>,
) -> PyResult<Args> {
    Ok((method, headers(hdrs)?, body(raw)?, unix_now(now)))
}

#[pymethods]
impl WebhookReceiver {
    /// No authentication (rely on an IP allowlist). `encoding` is what you
    /// chose in SePay's webhook settings: "json", "form" or "multipart".
    #[staticmethod]
    #[pyo3(signature = (*, store=None, encoding="json".to_string(), lease=None, replay_window=None))]
    fn no_auth(
        py: Python<'_>,
        store: Option<Py<PyAny>>,
        encoding: String,
        lease: Option<f64>,
        replay_window: Option<f64>,
    ) -> PyResult<Self> {
        let setup = Setup {
            store,
            encoding,
            lease,
            replay_window,
        };
        Self::make(py, WebhookAuth::None, "none".into(), setup)
    }

    /// `Authorization: Apikey <key>`; `encoding` as for `no_auth`.
    #[staticmethod]
    #[pyo3(signature = (key, *, store=None, encoding="json".to_string(), lease=None, replay_window=None))]
    fn api_key(
        py: Python<'_>,
        key: String,
        store: Option<Py<PyAny>>,
        encoding: String,
        lease: Option<f64>,
        replay_window: Option<f64>,
    ) -> PyResult<Self> {
        let setup = Setup {
            store,
            encoding,
            lease,
            replay_window,
        };
        Self::make(py, WebhookAuth::ApiKey(key.into()), "api_key".into(), setup)
    }

    /// `X-SePay-Signature` (HMAC-SHA256 of `"{timestamp}.{body}"`) with
    /// `X-SePay-Timestamp` at most `tolerance` seconds from now. JSON only.
    #[staticmethod]
    #[pyo3(signature = (secret, *, tolerance=None, store=None, encoding="json".to_string(), lease=None, replay_window=None))]
    #[allow(clippy::too_many_arguments)]
    fn hmac(
        py: Python<'_>,
        secret: String,
        tolerance: Option<f64>,
        store: Option<Py<PyAny>>,
        encoding: String,
        lease: Option<f64>,
        replay_window: Option<f64>,
    ) -> PyResult<Self> {
        let tolerance = match tolerance {
            Some(t) => sepay::config::seconds("tolerance", t).py_err(py)?,
            None => core::DEFAULT_TOLERANCE,
        };
        let auth = WebhookAuth::Hmac {
            secret: secret.into(),
            tolerance,
        };
        let mode = format!("hmac, tolerance={}", tolerance.as_secs());
        let setup = Setup {
            store,
            encoding,
            lease,
            replay_window,
        };
        Self::make(py, auth, mode, setup)
    }

    /// `Authorization: Bearer <token>` issued by `issuer` (replies 201). JSON only.
    #[staticmethod]
    #[pyo3(signature = (issuer, *, store=None, encoding="json".to_string(), lease=None, replay_window=None))]
    fn oauth2(
        py: Python<'_>,
        issuer: &Bound<'_, WebhookTokenIssuer>,
        store: Option<Py<PyAny>>,
        encoding: String,
        lease: Option<f64>,
        replay_window: Option<f64>,
    ) -> PyResult<Self> {
        let auth = WebhookAuth::OAuth2(issuer.get().inner.clone());
        let setup = Setup {
            store,
            encoding,
            lease,
            replay_window,
        };
        Self::make(py, auth, "oauth2".into(), setup)
    }

    /// `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events). JSON only.
    #[staticmethod]
    #[pyo3(signature = (secret, *, store=None, encoding="json".to_string(), lease=None, replay_window=None))]
    fn secret_key(
        py: Python<'_>,
        secret: String,
        store: Option<Py<PyAny>>,
        encoding: String,
        lease: Option<f64>,
        replay_window: Option<f64>,
    ) -> PyResult<Self> {
        let auth = WebhookAuth::SecretKey(secret.into());
        let setup = Setup {
            store,
            encoding,
            lease,
            replay_window,
        };
        Self::make(py, auth, "secret_key".into(), setup)
    }

    /// A made-up delivery this receiver accepts: `(headers, body)` of the
    /// webhook SePay would send for one transaction, in this receiver's
    /// encoding and mode (HMAC signature and timestamp, API key, bearer token
    /// or secret key), for testing a handler without SePay. Defaults: an
    /// incoming transfer, id from the time, date now.
    #[pyo3(signature = (
        transfer_amount, content=String::new(), *, id=None, code=None, transfer_type=None,
        transaction_date=None, gateway=None, account_number=None, accumulated=None,
        sub_account=None, reference_code=None, now=None
    ))]
    #[allow(clippy::too_many_arguments, reason = "one keyword per webhook field")]
    fn test_delivery(
        &self,
        py: Python<'_>,
        transfer_amount: &Bound<'_, PyAny>,
        content: String,
        id: Option<u64>,
        code: Option<String>,
        transfer_type: Option<String>,
        transaction_date: Option<chrono::DateTime<chrono::FixedOffset>>,
        gateway: Option<String>,
        account_number: Option<String>,
        accumulated: Option<&Bound<'_, PyAny>>,
        sub_account: Option<String>,
        reference_code: Option<String>,
        now: Option<i64>,
    ) -> PyResult<TestDelivery> {
        const OP: &str = "webhook.test_delivery";
        let transfer_type = match transfer_type.as_deref() {
            None => None,
            Some("in") => Some(sepay::userapi::v2::TransferType::In),
            Some("out") => Some(sepay::userapi::v2::TransferType::Out),
            Some(other) => {
                return Err(sepay::Error::invalid_param(
                    OP,
                    "transfer_type",
                    format!("must be \"in\" or \"out\", got {other:?}"),
                ))
                .py_err(py)
            }
        };
        let txn = core::TestTransaction {
            transfer_amount: crate::convert::amount(transfer_amount, OP, "transfer_amount")?,
            content,
            id,
            transfer_type,
            code,
            transaction_date: transaction_date.map(|t| t.with_timezone(&sepay::time::vietnam())),
            gateway,
            account_number,
            accumulated: accumulated
                .map(|a| crate::convert::amount(a, OP, "accumulated"))
                .transpose()?,
            sub_account,
            reference_code,
        };
        let delivery = self.inner.test_delivery(&txn, unix_now(now)).py_err(py)?;
        Ok((
            delivery.headers,
            pyo3::types::PyBytes::new(py, &delivery.body).unbind(),
        ))
    }

    /// A user webhook (one bank transaction, in the receiver's encoding) →
    /// `Received` with a `WebhookEvent`. Raises `WebhookVerificationError`,
    /// `DecodeError` or `StoreError`; reply with `error_reply(error)` then.
    #[pyo3(signature = (method, headers, body, *, now=None))]
    fn receive(
        &self,
        py: Python<'_>,
        method: String,
        headers: &Bound<'_, PyAny>,
        body: &Bound<'_, PyAny>,
        now: Option<i64>,
    ) -> PyResult<Received> {
        let (m, h, b, t) = args(method, headers, body, now)?;
        self.run(py, |r| r.receive(&m, &h, &b, t))
    }

    /// A payment gateway IPN → `Received` with a `PgIpn`.
    #[pyo3(signature = (method, headers, body, *, now=None))]
    fn receive_pg_ipn(
        &self,
        py: Python<'_>,
        method: String,
        headers: &Bound<'_, PyAny>,
        body: &Bound<'_, PyAny>,
        now: Option<i64>,
    ) -> PyResult<Received> {
        let (m, h, b, t) = args(method, headers, body, now)?;
        self.run(py, |r| r.receive_pg_ipn(&m, &h, &b, t))
    }

    /// A Bank Hub balance-change IPN → `Received` with a `BankHubIpn`.
    #[pyo3(signature = (method, headers, body, *, now=None))]
    fn receive_bankhub_ipn(
        &self,
        py: Python<'_>,
        method: String,
        headers: &Bound<'_, PyAny>,
        body: &Bound<'_, PyAny>,
        now: Option<i64>,
    ) -> PyResult<Received> {
        let (m, h, b, t) = args(method, headers, body, now)?;
        self.run(py, |r| r.receive_bankhub_ipn(&m, &h, &b, t))
    }

    /// A Bank Hub linking event → `Received` with a `BankHubEvent`.
    #[pyo3(signature = (method, headers, body, *, now=None))]
    fn receive_bankhub_event(
        &self,
        py: Python<'_>,
        method: String,
        headers: &Bound<'_, PyAny>,
        body: &Bound<'_, PyAny>,
        now: Option<i64>,
    ) -> PyResult<Received> {
        let (m, h, b, t) = args(method, headers, body, now)?;
        self.run(py, |r| r.receive_bankhub_event(&m, &h, &b, t))
    }

    /// Marks a `Received.key` handled (call it once handling succeeded, then
    /// send `reply`): later deliveries are duplicates.
    fn complete(&self, py: Python<'_>, key: &str) -> PyResult<()> {
        begin();
        finish(py, self.inner.complete(key))
    }

    /// Gives a `Received.key` up (handling failed): SePay's next retry is
    /// processed again. Send `WebhookReply.retry_later()` meanwhile.
    fn release(&self, py: Python<'_>, key: &str) -> PyResult<()> {
        begin();
        finish(py, self.inner.release(key))
    }

    /// The reply for an exception raised by a `receive_*` call (401 for
    /// `WebhookVerificationError`, 503 for `StoreError`, 400 otherwise).
    #[staticmethod]
    fn error_reply(error: &Bound<'_, PyAny>) -> PyResult<WebhookReply> {
        error_reply(error)
    }

    fn __repr__(&self) -> String {
        format!("WebhookReceiver(auth={})", self.mode)
    }
}

/// The `X-SePay-Signature` value SePay sends for `body` at `timestamp` (Unix
/// seconds): `sha256=<hex HMAC-SHA256(secret, "{timestamp}.{body}")>`.
#[pyfunction]
pub fn hmac_signature(secret: &str, timestamp: i64, body: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(core::hmac_signature(
        secret,
        timestamp,
        &crate::convert::body(body)?,
    ))
}
