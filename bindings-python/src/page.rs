//! `Page`: one page of a v2 list, with SePay's pagination metadata.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use sepay::Pagination;

/// One page of a list: its `items` and SePay's `pagination` metadata.
/// Iterating a page walks its items only; use `iter()` for every page.
#[pyclass(frozen, sequence, module = "sepay_sdk")]
pub struct Page {
    /// The items on this page.
    #[pyo3(get)]
    items: Py<PyList>,
    /// Totals and page numbers, when SePay sent them.
    #[pyo3(get)]
    pagination: Option<Pagination>,
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
            Some(p) => Some(Bound::new(py, *p)?.call_method0("to_dict")?),
            None => None,
        };
        dict.set_item("pagination", pagination)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let pagination = match &self.pagination {
            Some(p) => Bound::new(py, *p)?.repr()?.to_string(),
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

impl<'py, T> IntoPyObject<'py> for PageOut<T>
where
    T: IntoPyObject<'py>,
{
    type Target = Page;
    type Output = Bound<'py, Page>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, Page>> {
        let page = Page {
            items: PyList::new(py, self.0.items)?.unbind(),
            pagination: self.0.pagination,
        };
        Bound::new(py, page)
    }
}
