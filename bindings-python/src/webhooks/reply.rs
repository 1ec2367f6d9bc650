//! What a `receive_*` call hands back: `Received` (event, key, delivery,
//! reply) and `WebhookReply` (status, content type, body to send SePay).

use pyo3::prelude::*;
use sepay::webhook as core;

/// The HTTP reply to send back to SePay: `status`, `content_type`, `body`.
#[pyclass(frozen, get_all, module = "sepay_sdk")]
pub struct WebhookReply {
    /// Status code (200; 201 in OAuth2 mode; 503 retry later; 401 / 400 for errors).
    pub status: u16,
    /// Always `application/json`.
    pub content_type: String,
    /// The JSON body, e.g. `{"success":true}`.
    pub body: String,
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
    /// 503 `{"success":false,...}`: handling failed (after `release(key)`);
    /// SePay delivers the event again later.
    #[staticmethod]
    fn retry_later() -> Self {
        core::WebhookReply::retry_later().into()
    }

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

/// A verified notification: the typed `event`, its dedup `key`, the
/// `delivery` ("new": handle it, then `complete(key)`, or `release(key)` on
/// failure; "duplicate": handled already; "in_progress": another request is
/// handling it) and the `reply` to send.
#[pyclass(frozen, get_all, module = "sepay_sdk")]
pub struct Received {
    /// `WebhookEvent`, `PgIpn`, `BankHubIpn` or `BankHubEvent`.
    pub event: Py<PyAny>,
    /// Pass it to `complete()` once handled, or to `release()` if handling failed.
    pub key: String,
    /// `"new"`, `"duplicate"` or `"in_progress"`.
    pub delivery: &'static str,
    /// True unless `delivery == "new"`: do not handle it.
    pub duplicate: bool,
    /// The reply: success for new (once handled) and duplicate deliveries,
    /// 503 for one in progress.
    pub reply: Py<WebhookReply>,
}

impl Received {
    pub fn new<T>(py: Python<'_>, r: core::Received<T>) -> PyResult<Self>
    where
        T: crate::values::IntoPy,
    {
        Ok(Received {
            event: r.event.into_py(py)?.unbind(),
            key: r.key,
            delivery: r.delivery.as_str(),
            duplicate: r.duplicate,
            reply: Py::new(py, WebhookReply::from(r.reply))?,
        })
    }
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
            "Received(event={}, key={:?}, delivery={:?}, reply={})",
            self.event.bind(py).repr()?,
            self.key,
            self.delivery,
            self.reply.bind(py).repr()?
        ))
    }
}

/// The reply for an exception raised by a `receive_*`, `complete` or
/// `release` call: 401 for `WebhookVerificationError`, 503 for `StoreError`
/// (SePay retries), 400 otherwise.
#[pyfunction]
pub fn error_reply(error: &Bound<'_, PyAny>) -> PyResult<WebhookReply> {
    let kind: Option<String> = error.getattr_opt("kind")?.and_then(|k| k.extract().ok());
    let core_error = match kind.as_deref() {
        Some("webhook_verification") => sepay::Error::WebhookVerification {
            reason: String::new(),
        },
        Some("store") => sepay::Error::store("webhook.receive", ""),
        _ => sepay::Error::Decode {
            operation: "webhook.receive".to_string(),
            path: None,
            expected: String::new(),
            found: String::new(),
        },
    };
    Ok(core::WebhookReceiver::error_reply(&core_error).into())
}
