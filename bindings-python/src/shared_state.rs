//! `SharedState`: the Redis that worker processes share (rate limit, token
//! renewals, webhook dedup). Arguments go to the core's `SharedOptions`,
//! which checks them; this file only names them in Python.

use std::sync::Arc;

use pyo3::prelude::*;

use crate::errors::IntoPyResult;
use sepay::shared::{SharedDedup, SharedOptions, SharedState};

/// State shared by every process through Redis: pass it as
/// `Client(shared_state=...)` and as a webhook receiver's `store=`.
/// Connects on first use; while Redis is unreachable, `on_outage="local"`
/// (default) paces each process at rate / `processes`, `"fail"` raises
/// `StoreError`.
#[pyclass(frozen, module = "sepay_sdk", name = "SharedState")]
pub struct PySharedState(pub Arc<SharedState>);

#[pymethods]
impl PySharedState {
    #[new]
    #[pyo3(signature = (url, *, prefix=None, on_outage=None, processes=None,
        connect_timeout=None, command_timeout=None, probe_interval=None,
        token_lease=None, dedup_ttl=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        url: &str,
        prefix: Option<String>,
        on_outage: Option<String>,
        processes: Option<u32>,
        connect_timeout: Option<f64>,
        command_timeout: Option<f64>,
        probe_interval: Option<f64>,
        token_lease: Option<f64>,
        dedup_ttl: Option<f64>,
    ) -> PyResult<Self> {
        let options = SharedOptions {
            prefix,
            on_outage,
            processes,
            connect_timeout,
            command_timeout,
            probe_interval,
            token_lease,
            dedup_ttl,
        };
        let state = options
            .settings()
            .and_then(|settings| SharedState::redis(url, settings))
            .py_err(py)?;
        Ok(PySharedState(state))
    }

    /// True unless the last call to Redis failed.
    #[getter]
    fn reachable(&self) -> bool {
        self.0.status().reachable
    }

    /// How many times Redis stopped answering since this object was made.
    #[getter]
    fn outages(&self) -> u64 {
        self.0.status().outages
    }

    /// The key prefix.
    #[getter]
    fn prefix(&self) -> String {
        self.0.settings().prefix.clone()
    }

    fn __repr__(&self) -> String {
        // Never the URL: it may hold a password.
        let status = self.0.status();
        format!(
            "<sepay_sdk.SharedState prefix={:?} on_outage={} reachable={}>",
            self.0.settings().prefix,
            self.0.settings().on_outage,
            if status.reachable { "True" } else { "False" }
        )
    }
}

/// `shared_state=`: a `SharedState`, or a Redis URL for one with defaults.
pub fn from_arg(
    py: Python<'_>,
    arg: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Arc<SharedState>>> {
    let Some(arg) = arg else { return Ok(None) };
    if let Ok(state) = arg.cast::<PySharedState>() {
        return Ok(Some(state.get().0.clone()));
    }
    if let Ok(url) = arg.extract::<String>() {
        let state = SharedOptions::default()
            .settings()
            .and_then(|s| SharedState::redis(&url, s))
            .py_err(py)?;
        return Ok(Some(state));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "shared_state must be a SharedState or a redis:// URL, not {}",
        arg.get_type().name()?
    )))
}

/// The webhook store of a `SharedState` given as `store=`, if it is one.
pub fn dedup_store(store: &Bound<'_, PyAny>) -> Option<sepay::Result<SharedDedup>> {
    let state = store.cast::<PySharedState>().ok()?;
    Some(SharedDedup::new(state.get().0.clone()))
}
