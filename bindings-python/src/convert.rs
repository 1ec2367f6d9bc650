//! Python values → the core's inputs for the receiving-money surface: money,
//! HTTP headers (any mapping or list of pairs) and raw bodies.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyInt, PyString};
use sepay::Amount;

use crate::errors::IntoPyResult;

/// An exact amount from `Decimal`, `int` or decimal text (never `float`).
pub fn amount(value: &Bound<'_, PyAny>, operation: &str, field: &str) -> PyResult<Amount> {
    let py = value.py();
    let text: Option<String> = if value.is_instance_of::<PyBool>() {
        None
    } else if value.is_instance_of::<PyInt>() || value.is_instance_of::<PyString>() {
        Some(value.str()?.to_string())
    } else if value.is_instance(&py.import("decimal")?.getattr("Decimal")?)? {
        let format = py.import("builtins")?.getattr("format")?;
        Some(format.call1((value, "f"))?.extract()?)
    } else {
        None
    };
    let kind = value.get_type().name()?.to_string();
    let Some(text) = text else {
        return Err(sepay::Error::invalid_param(
            operation,
            field,
            format!("must be a Decimal, int or decimal text, got {kind}"),
        ))
        .py_err(py);
    };
    text.trim()
        .parse::<Amount>()
        .map_err(|_| {
            sepay::Error::invalid_param(
                operation,
                field,
                format!("must be an amount, got {text:?}"),
            )
        })
        .py_err(py)
}

/// Header pairs from a mapping (`dict`, Flask/Django/Starlette headers,
/// `http.server`'s `Message`: anything with `items()`) or an iterable of
/// `(name, value)` pairs; names and values may be `str` or `bytes`.
pub fn headers(value: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let pairs = if value.hasattr("items")? {
        value.call_method0("items")?
    } else {
        value.clone()
    };
    let mut out = Vec::new();
    for pair in pairs.try_iter()? {
        let (name, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
            pair?.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(
                    "headers must be a mapping or an iterable of (name, value) pairs",
                )
            })?;
        out.push((text(&name)?, text(&value)?));
    }
    Ok(out)
}

fn text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(b) = value.cast::<PyBytes>() {
        // HTTP header bytes are Latin-1 (what every Python server uses).
        return Ok(b.as_bytes().iter().map(|&c| c as char).collect());
    }
    Ok(value.str()?.to_string())
}

/// The raw request body: `bytes`, `bytearray`, `memoryview` or `str` (UTF-8).
pub fn body(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = value.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = value.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    let bytes = value
        .py()
        .import("builtins")?
        .getattr("bytes")?
        .call1((value,))?;
    Ok(bytes.cast::<PyBytes>()?.as_bytes().to_vec())
}
