//! `sepay::Error` → the Python exception classes of `sepay_sdk.errors`.
//!
//! The classes are plain Python (picklable, easy to subclass); this module only
//! hands them the error's parts. `sepay_sdk.errors._from_native` picks the
//! class by `kind` and chains the underlying causes as `__cause__`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// The Python exception for a core error.
pub fn to_pyerr(py: Python<'_>, error: sepay::Error) -> PyErr {
    match build(py, &error) {
        Ok(exception) => PyErr::from_value(exception),
        Err(failed) => failed,
    }
}

fn build<'py>(py: Python<'py>, error: &sepay::Error) -> PyResult<Bound<'py, PyAny>> {
    let kw = PyDict::new(py);
    kw.set_item("kind", error.kind())?;
    kw.set_item("operation", error.operation())?;
    kw.set_item("status", error.status())?;
    kw.set_item("code", error.code())?;
    kw.set_item("message", sepay_message(error))?;
    kw.set_item("retry_after", error.retry_after().map(|d| d.as_secs_f64()))?;
    let fields = PyList::empty(py);
    for f in error.field_errors() {
        fields.append(PyTuple::new(py, [f.field.as_str(), f.message.as_str()])?)?;
    }
    kw.set_item("field_errors", fields)?;
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    kw.set_item("causes", causes)?;
    py.import("sepay_sdk.errors")?
        .getattr("_from_native")?
        .call((error.to_string(),), Some(&kw))
}

/// SePay's own message (or the SDK's explanation) where the error has one.
fn sepay_message(error: &sepay::Error) -> Option<&str> {
    use sepay::Error::*;
    match error {
        Authentication { message, .. }
        | NotFound { message, .. }
        | Validation { message, .. }
        | RateLimited { message, .. }
        | Server { message, .. }
        | Api { message, .. }
        | Transport { message, .. }
        | Pagination { message, .. }
        | Store { message, .. }
        | Configuration { message } => Some(message),
        _ => None,
    }
}

/// Maps a core result into a Python one.
pub trait IntoPyResult<T> {
    /// `Err(sepay::Error)` becomes the matching Python exception.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for sepay::Result<T> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_pyerr(py, e))
    }
}
