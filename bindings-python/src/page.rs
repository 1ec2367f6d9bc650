//! `Page`: one page of a v2 list, with SePay's pagination metadata.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::values::{IntoPy, ToPy};

/// One page of a list: its `items` and SePay's `pagination` metadata.
/// Iterating a page walks its items only; use `iter()` for every page.
#[pyclass(frozen, sequence, module = "sepay_sdk")]
pub struct Page {
    /// The items on this page.
    #[pyo3(get)]
    items: Py<PyList>,
    /// Totals and page numbers (`Pagination`), when SePay sent them.
    #[pyo3(get)]
    pagination: Option<Py<PyAny>>,
}

#[pymethods]
impl Page {
    fn __len__(&self, py: Python<'_>) -> usize {
        self.items.bind(py).len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.items.bind(py).try_iter()?.into_any())
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
        let items = self.items.bind(py);
        let len = items.len() as isize;
        let i = if index < 0 { index + len } else { index };
        if !(0..len).contains(&i) {
            return Err(pyo3::exceptions::PyIndexError::new_err(
                "page index out of range",
            ));
        }
        items.get_item(i as usize)
    }

    /// `{"items": [item.to_dict(), ...], "pagination": {...} or None}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let items = PyList::empty(py);
        for item in self.items.bind(py).iter() {
            items.append(item.call_method0("to_dict")?)?;
        }
        let dict = PyDict::new(py);
        dict.set_item("items", items)?;
        let pagination = match &self.pagination {
            Some(p) => Some(p.bind(py).call_method0("to_dict")?),
            None => None,
        };
        dict.set_item("pagination", pagination)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let pagination = match &self.pagination {
            Some(p) => p.bind(py).repr()?.to_string(),
            None => "None".to_string(),
        };
        Ok(format!(
            "Page(items=<{} items>, pagination={pagination})",
            self.items.bind(py).len()
        ))
    }
}

/// A core page on its way to Python.
pub struct PageOut<T>(pub sepay::Page<T>);

impl<T: IntoPy> IntoPy for PageOut<T> {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let items = self
            .0
            .items
            .into_iter()
            .map(|item| item.into_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        let pagination = match &self.0.pagination {
            Some(p) => Some(p.to_py(py)?.unbind()),
            None => None,
        };
        let page = Page {
            items: PyList::new(py, items)?.unbind(),
            pagination,
        };
        Ok(Bound::new(py, page)?.into_any())
    }
}
