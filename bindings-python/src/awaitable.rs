//! An awaitable whose value is already known: `await` returns it at once,
//! without a round trip through the event loop (used by `async for` while a
//! fetched page still has items, and by `__aenter__`/`__aexit__`/`aclose`).

use std::sync::Mutex;

use pyo3::exceptions::PyStopIteration;
use pyo3::prelude::*;

/// A completed awaitable.
#[pyclass(frozen, module = "sepay_sdk")]
pub struct Ready(Mutex<Option<Py<PyAny>>>);

impl Ready {
    /// An awaitable that yields `value`.
    pub fn resolved(py: Python<'_>, value: Py<PyAny>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, Ready(Mutex::new(Some(value))))?.into_any())
    }
}

#[pymethods]
impl Ready {
    fn __await__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<()> {
        let value = self
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .unwrap_or_else(|| py.None());
        Err(PyStopIteration::new_err((value,)))
    }

    fn send(&self, py: Python<'_>, _value: Bound<'_, PyAny>) -> PyResult<()> {
        self.__next__(py)
    }
}
