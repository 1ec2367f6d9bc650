//! Keyword arguments → the core's `...Params` structs. Python values become
//! JSON values (dates as ISO text, `Decimal` as exact text); the core builds
//! the struct and names any unknown or ill-typed parameter.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::errors::IntoPyResult;

/// Builds `T` for `operation` from `**kwargs`.
pub fn params<T: DeserializeOwned>(
    py: Python<'_>,
    operation: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let mut fields = Map::new();
    for (key, value) in kwargs.into_iter().flat_map(|kw| kw.iter()) {
        let key: String = key.extract()?;
        let value = to_json(&value)
            .map_err(|why| sepay::Error::invalid_param(operation, &key, why))
            .py_err(py)?;
        fields.insert(key, value);
    }
    sepay::params::from_json(operation, fields).py_err(py)
}

static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn to_json(v: &Bound<'_, PyAny>) -> Result<Value, String> {
    let py = v.py();
    let fail = |e: PyErr| e.to_string();
    if v.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if v.is_instance_of::<PyInt>() {
        if let Ok(i) = v.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return v
            .extract::<u64>()
            .map(Value::from)
            .map_err(|_| format!("{v} is out of range"));
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| format!("{v} is not a finite number"));
    }
    if v.is_instance_of::<PyString>() {
        return Ok(Value::String(v.extract().map_err(fail)?));
    }
    if v.is_instance(DATETIME.import(py, "datetime", "datetime").map_err(fail)?)
        .map_err(fail)?
    {
        // Naive times are SePay's own convention: Vietnam wall-clock time.
        let text = if v.call_method0("utcoffset").map_err(fail)?.is_none() {
            v.call_method1("strftime", ("%Y-%m-%d %H:%M:%S",))
        } else {
            v.call_method0("isoformat")
        };
        return Ok(Value::String(text.map_err(fail)?.extract().map_err(fail)?));
    }
    if v.is_instance(DATE.import(py, "datetime", "date").map_err(fail)?)
        .map_err(fail)?
    {
        let text = v.call_method0("isoformat").map_err(fail)?;
        return Ok(Value::String(text.extract().map_err(fail)?));
    }
    if v.is_instance(DECIMAL.import(py, "decimal", "Decimal").map_err(fail)?)
        .map_err(fail)?
    {
        // Positional notation, never an exponent: Decimal("1E+5") -> "100000".
        let text = py
            .import("builtins")
            .and_then(|b| b.getattr("format"))
            .and_then(|f| f.call1((v, "f")))
            .map_err(fail)?;
        return Ok(Value::String(text.extract().map_err(fail)?));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let items: Vec<Bound<'_, PyAny>> = v.extract().map_err(fail)?;
        return items
            .iter()
            .map(to_json)
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    Err(format!(
        "unsupported value of type {}",
        v.get_type().name().map_err(fail)?
    ))
}
