//! A Python dedup store seen by the core: any object with
//! `claim(key, lease_seconds) -> "new" | "in_progress" | "done"`,
//! `complete(key)` and `release(key)` (the `sepay_sdk.webhooks.DedupStore`
//! protocol). The core calls it on the thread of the `receive_*` /
//! `complete` / `release` call; an exception it raises becomes the core's
//! `Store` error (→ `StoreError`, reply 503) with the exception as `__cause__`.

use std::cell::RefCell;
use std::time::Duration;

use pyo3::prelude::*;
use sepay::webhook::{Claim, DedupStore};

use crate::errors::to_pyerr;
use crate::runtime::with_python;

pub struct PyDedup(pub Py<PyAny>);

std::thread_local! {
    /// The exception the store raised during this thread's current call.
    static RAISED: RefCell<Option<PyErr>> = const { RefCell::new(None) };
}

impl PyDedup {
    fn call(
        &self,
        method: &str,
        key: &str,
        lease: Option<Duration>,
        read: impl for<'py> FnOnce(&Bound<'py, PyAny>) -> Result<Claim, String>,
    ) -> sepay::Result<Claim> {
        let operation = format!("webhook.store.{method}");
        with_python(|py| {
            let store = self.0.bind(py);
            let answer = match lease {
                Some(lease) => store.call_method1(method, (key, lease.as_secs_f64())),
                None => store.call_method1(method, (key,)),
            };
            match answer {
                Ok(value) => read(&value).map_err(|why| sepay::Error::store(&operation, why)),
                Err(error) => {
                    let kind = error
                        .get_type(py)
                        .name()
                        .map(|n| n.to_string())
                        .unwrap_or_else(|_| "Exception".into());
                    let message = format!("{method}() raised {kind}: {}", error.value(py));
                    RAISED.with(|r| *r.borrow_mut() = Some(error));
                    Err(sepay::Error::store(&operation, message))
                }
            }
        })
        .unwrap_or_else(|| {
            Err(sepay::Error::store(
                &operation,
                "the Python interpreter is shutting down",
            ))
        })
    }
}

impl DedupStore for PyDedup {
    fn claim(&self, key: &str, lease: Duration) -> sepay::Result<Claim> {
        self.call("claim", key, Some(lease), |value| {
            value
                .extract::<String>()
                .ok()
                .as_deref()
                .and_then(Claim::parse)
                .ok_or_else(|| {
                    let shown = value.repr().map(|r| r.to_string()).unwrap_or_default();
                    format!("claim() must return \"new\", \"in_progress\" or \"done\", got {shown}")
                })
        })
    }

    fn complete(&self, key: &str) -> sepay::Result<()> {
        self.call("complete", key, None, |_| Ok(Claim::Done))
            .map(|_| ())
    }

    fn release(&self, key: &str) -> sepay::Result<()> {
        self.call("release", key, None, |_| Ok(Claim::New))
            .map(|_| ())
    }
}

/// The Python result of a core call that may have gone through a Python
/// store: a `StoreError` carries the store's own exception as `__cause__`.
pub fn finish<T>(py: Python<'_>, result: sepay::Result<T>) -> PyResult<T> {
    let raised = RAISED.with(|r| r.borrow_mut().take());
    result.map_err(|error| {
        let is_store = matches!(error, sepay::Error::Store { .. });
        let exception = to_pyerr(py, error);
        if let (true, Some(cause)) = (is_store, raised) {
            exception.set_cause(py, Some(cause));
        }
        exception
    })
}

/// Forgets what a previous call on this thread may have left behind.
pub fn begin() {
    RAISED.with(|r| r.borrow_mut().take());
}
