//! `sepay_sdk.testing`'s engine: the emulator (`sepay_sandbox::kit`) running
//! in this process on its own threads. Requests and answers cross as JSON
//! (the emulator's admin shapes); `testing.py` gives them keyword arguments
//! and dicts.

use std::sync::Mutex;
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use sepay_sandbox::kit::{Emulator as Kit, KIT_WEBHOOK_TIME_SCALE};
use sepay_sandbox::SandboxConfig;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A running emulator (use `sepay_sdk.testing.Emulator`).
#[pyclass(frozen, module = "sepay_sdk.testing", name = "_Emulator")]
pub struct Emulator {
    kit: Mutex<Kit>,
}

fn io_err(e: std::io::Error) -> PyErr {
    match e.kind() {
        std::io::ErrorKind::InvalidInput => PyValueError::new_err(e.to_string()),
        _ => PyRuntimeError::new_err(e.to_string()),
    }
}

fn from_json<T: DeserializeOwned>(what: &str, text: &str) -> PyResult<T> {
    serde_json::from_str(text).map_err(|e| PyValueError::new_err(format!("{what}: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

impl Emulator {
    fn with<T>(&self, f: impl FnOnce(&Kit) -> std::io::Result<T>) -> PyResult<T> {
        let kit = self
            .kit
            .lock()
            .map_err(|_| PyRuntimeError::new_err("the emulator failed earlier"))?;
        f(&kit).map_err(io_err)
    }
}

#[pymethods]
impl Emulator {
    /// Starts an emulator; `config` is a JSON object of `SandboxConfig`
    /// fields over the defaults.
    #[new]
    fn new(py: Python<'_>, config: &str) -> PyResult<Self> {
        let mut base = serde_json::to_value(SandboxConfig {
            webhook_time_scale: KIT_WEBHOOK_TIME_SCALE,
            ..SandboxConfig::default()
        })
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        let overrides: serde_json::Map<String, serde_json::Value> = from_json("config", config)?;
        if let Some(fields) = base.as_object_mut() {
            fields.extend(overrides);
        }
        let config: SandboxConfig = serde_json::from_value(base)
            .map_err(|e| PyValueError::new_err(format!("config: {e}")))?;
        let kit = crate::runtime::detach(py, move || Kit::start(config)).map_err(io_err)?;
        Ok(Emulator {
            kit: Mutex::new(kit),
        })
    }

    /// `http://127.0.0.1:PORT`.
    #[getter]
    fn base_url(&self) -> PyResult<String> {
        self.with(Kit::base_url)
    }

    /// The client options that reach this emulator, as JSON: `base_url`
    /// and the credentials it accepts (`ClientCredentials`).
    fn client_options(&self) -> PyResult<String> {
        let (credentials, base_url) = self.with(|k| Ok((k.credentials(), k.base_url()?)))?;
        let mut options = serde_json::to_value(credentials)
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        if let Some(fields) = options.as_object_mut() {
            fields.insert("base_url".into(), base_url.into());
        }
        to_json(&options)
    }

    /// Dataset totals as JSON.
    fn stats(&self) -> PyResult<String> {
        to_json(&self.with(Kit::stats)?)
    }

    /// `SimulateTransaction` JSON → `SimulatedTransaction` JSON.
    fn simulate_payment(&self, request: &str) -> PyResult<String> {
        let request = from_json("payment", request)?;
        to_json(&self.with(|k| k.simulate_payment(request))?)
    }

    /// `VaPay` JSON → `VaPaid` JSON.
    fn pay_va(&self, request: &str) -> PyResult<String> {
        let request = from_json("payment", request)?;
        to_json(&self.with(|k| k.pay_va(&request))?)
    }

    /// `WebhookTarget` JSON → its id.
    fn add_webhook(&self, target: &str) -> PyResult<u64> {
        let target = from_json("webhook", target)?;
        self.with(|k| k.add_webhook(target))
    }

    /// Delivery attempts as JSON, after waiting (GIL released) for `count`
    /// of them at most `timeout` seconds.
    fn webhook_deliveries(&self, py: Python<'_>, count: usize, timeout: f64) -> PyResult<String> {
        let timeout = Duration::try_from_secs_f64(timeout)
            .map_err(|_| PyValueError::new_err("timeout must be seconds ≥ 0"))?;
        let seen =
            crate::runtime::detach(py, || self.with(|k| k.wait_for_deliveries(count, timeout)))?;
        to_json(&seen)
    }

    /// The API requests received, as JSON.
    fn requests(&self) -> PyResult<String> {
        to_json(&self.with(Kit::requests)?)
    }

    /// Stops the server (idempotent).
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        crate::runtime::detach(py, || {
            let mut kit = self
                .kit
                .lock()
                .map_err(|_| PyRuntimeError::new_err("the emulator failed earlier"))?;
            kit.close();
            Ok(())
        })
    }
}
