//! Receiving SePay's notifications (`sepay_sdk.webhooks`): the core's
//! `WebhookReceiver` and `WebhookTokenIssuer` for any Python web framework.
//! The caller hands over the method, headers and raw body; the result says
//! what arrived and exactly what to reply.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use sepay::webhook::{self as core, DedupStore, WebhookAuth};

use crate::convert::{body, headers, invalid};
use crate::errors::IntoPyResult;

fn unix_now(now: Option<i64>) -> i64 {
    now.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default()
    })
}

/// A Python dedup store (`insert_if_new(key) -> bool`, `forget(key)`). The
/// core calls it on the thread of the `receive_*` call; an exception it raises
/// is kept for that thread and re-raised by the call.
struct PyStore {
    store: Py<PyAny>,
}

std::thread_local! {
    static STORE_ERROR: std::cell::RefCell<Option<PyErr>> = const { std::cell::RefCell::new(None) };
}

impl PyStore {
    fn keep(&self, error: PyErr) {
        STORE_ERROR.with(|slot| {
            slot.borrow_mut().get_or_insert(error);
        });
    }

    /// The exception the store raised during this thread's call, if any.
    fn take() -> Option<PyErr> {
        STORE_ERROR.with(|slot| slot.borrow_mut().take())
    }
}

impl DedupStore for PyStore {
    fn insert_if_new(&self, key: &str) -> bool {
        Python::attach(|py| {
            let answer = self
                .store
                .call_method1(py, "insert_if_new", (key,))
                .and_then(|v| v.bind(py).is_truthy());
            answer.unwrap_or_else(|e| {
                self.keep(e);
                true
            })
        })
    }

    fn forget(&self, key: &str) {
        Python::attach(|py| {
            if let Err(e) = self.store.call_method1(py, "forget", (key,)) {
                self.keep(e);
            }
        })
    }
}

/// The HTTP reply to send back to SePay: `status`, `content_type`, `body`.
#[pyclass(frozen, get_all, module = "sepay_sdk")]
pub struct WebhookReply {
    /// Status code (200; 201 in OAuth2 mode; 401 / 400 for errors).
    status: u16,
    /// Always `application/json`.
    content_type: String,
    /// The JSON body, e.g. `{"success":true}`.
    body: String,
}

impl From<core::WebhookReply> for WebhookReply {
    fn from(r: core::WebhookReply) -> Self {
        WebhookReply {
            status: r.status,
            content_type: r.content_type.to_string(),
            body: r.body.to_string(),
        }
    }
}

#[pymethods]
impl WebhookReply {
    /// `[("Content-Type", content_type)]`, for frameworks that take header pairs.
    #[getter]
    fn headers(&self) -> Vec<(String, String)> {
        vec![("Content-Type".to_string(), self.content_type.clone())]
    }

    fn __repr__(&self) -> String {
        format!(
            "WebhookReply(status={}, content_type={:?}, body={:?})",
            self.status, self.content_type, self.body
        )
    }
}

/// A verified notification: the typed `event`, its dedup `key`, whether it is
/// a `duplicate` (already received: reply, but do not process it again) and
/// the `reply` to send.
#[pyclass(frozen, get_all, module = "sepay_sdk")]
pub struct Received {
    /// `WebhookEvent`, `PgIpn`, `BankHubIpn` or `BankHubEvent`.
    event: Py<PyAny>,
    /// Pass it to `forget()` if handling failed, so a redelivery is processed.
    key: String,
    /// True when this event was already received.
    duplicate: bool,
    /// The success reply (also for duplicates).
    reply: Py<WebhookReply>,
}

#[pymethods]
impl Received {
    /// `Received[WebhookEvent]` works at run time too (as in the stubs).
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, pyo3::types::PyType>,
        item: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let alias = cls.py().import("types")?.getattr("GenericAlias")?;
        alias.call1((cls, item))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Received(event={}, key={:?}, duplicate={}, reply={})",
            self.event.bind(py).repr()?,
            self.key,
            if self.duplicate { "True" } else { "False" },
            self.reply.bind(py).repr()?
        ))
    }
}

/// Issues and checks the access tokens of OAuth2-mode webhooks: answer SePay's
/// token request at your "Access Token URL" with `issue(body)`, and give the
/// issuer to `WebhookReceiver.oauth2`. Tokens are stateless (HMAC-signed).
#[pyclass(frozen, module = "sepay_sdk")]
pub struct WebhookTokenIssuer {
    inner: core::WebhookTokenIssuer,
    client_id: String,
}

#[pymethods]
impl WebhookTokenIssuer {
    /// The client id and secret configured in SePay's dashboard; access tokens
    /// live `ttl` seconds.
    #[new]
    #[pyo3(signature = (client_id, client_secret, *, ttl=3600.0))]
    fn new(py: Python<'_>, client_id: String, client_secret: String, ttl: f64) -> PyResult<Self> {
        let ttl = Duration::try_from_secs_f64(ttl)
            .ok()
            .filter(|d| d.as_secs() >= 1)
            .ok_or_else(|| {
                invalid(
                    "webhook.token.issue",
                    "ttl",
                    format!("must be at least 1 second, got {ttl}"),
                )
            })
            .py_err(py)?;
        Ok(WebhookTokenIssuer {
            inner: core::WebhookTokenIssuer::new(client_id.clone(), client_secret, ttl),
            client_id,
        })
    }

    /// Answers SePay's token request (`{"clientId","clientSecret"}`): 200 with
    /// `{"data":{"accessToken","refreshToken","expiredIn"}}`, 401 for wrong
    /// credentials, 400 for an unreadable body. `now` is Unix seconds.
    #[pyo3(signature = (body, *, now=None))]
    fn issue(&self, body: &Bound<'_, PyAny>, now: Option<i64>) -> PyResult<WebhookReply> {
        let reply = self
            .inner
            .issue(&crate::convert::body(body)?, unix_now(now));
        Ok(WebhookReply {
            status: reply.status,
            content_type: "application/json".to_string(),
            body: reply.body,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "WebhookTokenIssuer(client_id={:?}, client_secret=***)",
            self.client_id
        )
    }
}

/// Receives SePay's notifications for one endpoint, in one authentication
/// mode, with a dedup store (in memory unless `store=` is given: any object
/// with `insert_if_new(key) -> bool` and `forget(key)`).
#[pyclass(frozen, module = "sepay_sdk")]
pub struct WebhookReceiver {
    inner: core::WebhookReceiver,
    store: Option<Arc<PyStore>>,
    mode: String,
}

impl WebhookReceiver {
    fn make(auth: WebhookAuth, mode: String, store: Option<Py<PyAny>>) -> Self {
        let store = store.map(|store| Arc::new(PyStore { store }));
        let inner = match &store {
            Some(s) => core::WebhookReceiver::with_store(auth, s.clone()),
            None => core::WebhookReceiver::new(auth),
        };
        WebhookReceiver { inner, store, mode }
    }

    fn finish<T>(
        &self,
        py: Python<'_>,
        result: sepay::Result<core::Received<T>>,
    ) -> PyResult<Received>
    where
        T: for<'py> IntoPyObject<'py>,
    {
        if let Some(error) = self.store.as_ref().and_then(|_| PyStore::take()) {
            return Err(error);
        }
        let r = result.py_err(py)?;
        Ok(Received {
            event: r.event.into_py_any(py)?,
            key: r.key,
            duplicate: r.duplicate,
            reply: Py::new(py, WebhookReply::from(r.reply))?,
        })
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
    /// No authentication (rely on an IP allowlist).
    #[staticmethod]
    #[pyo3(signature = (*, store=None))]
    fn no_auth(store: Option<Py<PyAny>>) -> Self {
        Self::make(WebhookAuth::None, "none".into(), store)
    }

    /// `Authorization: Apikey <key>`.
    #[staticmethod]
    #[pyo3(signature = (key, *, store=None))]
    fn api_key(key: String, store: Option<Py<PyAny>>) -> Self {
        Self::make(WebhookAuth::ApiKey(key.into()), "api_key".into(), store)
    }

    /// `X-SePay-Signature` (HMAC-SHA256 of `"{timestamp}.{body}"`) with
    /// `X-SePay-Timestamp` at most `tolerance` seconds from now.
    #[staticmethod]
    #[pyo3(signature = (secret, *, tolerance=300.0, store=None))]
    fn hmac(
        py: Python<'_>,
        secret: String,
        tolerance: f64,
        store: Option<Py<PyAny>>,
    ) -> PyResult<Self> {
        let tolerance = Duration::try_from_secs_f64(tolerance)
            .map_err(|_| {
                invalid(
                    "webhook.receive",
                    "tolerance",
                    format!("must be seconds >= 0, got {tolerance}"),
                )
            })
            .py_err(py)?;
        let auth = WebhookAuth::Hmac {
            secret: secret.into(),
            tolerance,
        };
        let mode = format!("hmac, tolerance={}", tolerance.as_secs());
        Ok(Self::make(auth, mode, store))
    }

    /// `Authorization: Bearer <token>` issued by `issuer` (replies 201).
    #[staticmethod]
    #[pyo3(signature = (issuer, *, store=None))]
    fn oauth2(issuer: &Bound<'_, WebhookTokenIssuer>, store: Option<Py<PyAny>>) -> Self {
        let auth = WebhookAuth::OAuth2(issuer.get().inner.clone());
        Self::make(auth, "oauth2".into(), store)
    }

    /// `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events).
    #[staticmethod]
    #[pyo3(signature = (secret, *, store=None))]
    fn secret_key(secret: String, store: Option<Py<PyAny>>) -> Self {
        Self::make(
            WebhookAuth::SecretKey(secret.into()),
            "secret_key".into(),
            store,
        )
    }

    /// A user webhook (one bank transaction; JSON, form or multipart) →
    /// `Received` with a `WebhookEvent`. Raises `WebhookVerificationError`
    /// or `DecodeError`; reply with `error_reply(error)` then.
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
        self.finish(py, self.inner.receive(&m, &h, &b, t))
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
        self.finish(py, self.inner.receive_pg_ipn(&m, &h, &b, t))
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
        self.finish(py, self.inner.receive_bankhub_ipn(&m, &h, &b, t))
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
        self.finish(py, self.inner.receive_bankhub_event(&m, &h, &b, t))
    }

    /// Forgets a `Received.key`, so SePay's redelivery is processed again
    /// (call it when handling the event failed).
    fn forget(&self, key: &str) -> PyResult<()> {
        self.inner.forget(key);
        match self.store.as_ref().and_then(|_| PyStore::take()) {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The reply for an exception raised by a `receive_*` call (401 for
    /// `WebhookVerificationError`, 400 otherwise).
    #[staticmethod]
    fn error_reply(error: &Bound<'_, PyAny>) -> PyResult<WebhookReply> {
        error_reply(error)
    }

    fn __repr__(&self) -> String {
        format!("WebhookReceiver(auth={})", self.mode)
    }
}

/// The reply for an exception raised by a `receive_*` call: 401
/// `{"success":false,...}` for `WebhookVerificationError`, 400 otherwise.
#[pyfunction]
pub fn error_reply(error: &Bound<'_, PyAny>) -> PyResult<WebhookReply> {
    let kind: Option<String> = error.getattr_opt("kind")?.and_then(|k| k.extract().ok());
    let core_error = if kind.as_deref() == Some("webhook_verification") {
        sepay::Error::WebhookVerification {
            reason: String::new(),
        }
    } else {
        sepay::Error::Decode {
            operation: "webhook.receive".to_string(),
            path: None,
            expected: String::new(),
            found: String::new(),
        }
    };
    Ok(core::WebhookReceiver::error_reply(&core_error).into())
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
