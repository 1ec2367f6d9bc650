//! Auto-pagination for Python: `Paginator` (a `for` iterator) and
//! `AsyncPaginator` (an `async for` iterator) over any core paginator. One page
//! is fetched per request and held in memory; items are handed out one by one.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use futures::future::BoxFuture;
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use sepay::paging::BoxPaginator;

use crate::awaitable::Ready;
use crate::errors::to_pyerr;
use crate::runtime::{awaitable, block_on, gone, with_python};
use crate::shared::Shared;
use crate::values::IntoPy;

/// A page of items not yet converted to Python objects.
pub trait Batch: Send {
    /// Converts every item (needs the GIL).
    fn into_py(self: Box<Self>, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>>;
}

impl<T> Batch for Vec<T>
where
    T: IntoPy + Send,
{
    fn into_py(self: Box<Self>, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>> {
        self.into_iter()
            .map(|item| Ok(IntoPy::into_py(item, py)?.unbind()))
            .collect()
    }
}

/// A core paginator with its item type erased.
pub trait Pages: Send {
    /// The next page, `None` at the end.
    fn next_batch(&mut self) -> BoxFuture<'_, sepay::Result<Option<Box<dyn Batch>>>>;
}

impl<T> Pages for BoxPaginator<T>
where
    T: IntoPy + Send + Sync + 'static,
{
    fn next_batch(&mut self) -> BoxFuture<'_, sepay::Result<Option<Box<dyn Batch>>>> {
        Box::pin(async move {
            let page = self.next_page().await?;
            Ok(page.map(|items| Box::new(items) as Box<dyn Batch>))
        })
    }
}

/// What both iterator classes share.
struct State {
    operation: &'static str,
    /// The process the core paginator (and its connections) belongs to.
    pid: u32,
    shared: Arc<Shared>,
    pages: tokio::sync::Mutex<Box<dyn Pages>>,
    buffer: Mutex<VecDeque<Py<PyAny>>>,
}

impl State {
    fn new(operation: &'static str, shared: Arc<Shared>, pages: Box<dyn Pages>) -> Arc<Self> {
        Arc::new(State {
            operation,
            pid: std::process::id(),
            shared,
            pages: tokio::sync::Mutex::new(pages),
            buffer: Mutex::new(VecDeque::new()),
        })
    }

    fn buffer(&self) -> std::sync::MutexGuard<'_, VecDeque<Py<PyAny>>> {
        self.buffer.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn pop(&self) -> Option<Py<PyAny>> {
        self.buffer().pop_front()
    }

    /// The next item: from the page in hand, else from the next page, which
    /// is fetched and converted while holding the paginator so that callers
    /// racing on one iterator still get every item once, in order.
    async fn next(self: Arc<Self>) -> PyResult<Option<Py<PyAny>>> {
        let mut pages = self.pages.lock().await;
        if let Some(item) = self.pop() {
            return Ok(Some(item));
        }
        let batch = match self.usable() {
            Ok(()) => pages.next_batch().await,
            Err(e) => Err(e),
        };
        with_python(|py| {
            let items = match batch.map_err(|e| to_pyerr(py, e))? {
                Some(b) => b.into_py(py)?,
                None => return Ok(None),
            };
            let mut buffer = self.buffer();
            buffer.extend(items);
            Ok(buffer.pop_front())
        })
        .unwrap_or_else(|| Err(gone()))
    }

    /// Fails once the client is closed, or in a child process after fork.
    fn usable(&self) -> sepay::Result<()> {
        self.shared.check_open()?;
        if std::process::id() != self.pid {
            return Err(sepay::Error::Configuration {
                message: format!(
                    "this {} iterator was created before os.fork(); start a new one in this process",
                    self.operation
                ),
            });
        }
        Ok(())
    }

    fn repr(&self, class: &str) -> String {
        format!("<sepay_sdk.{class} {}>", self.operation)
    }
}

/// Every item of a list, fetched page by page as the loop goes: `for item in ...`.
#[pyclass(frozen, module = "sepay_sdk")]
pub struct Paginator(Arc<State>);

/// Every item of a list, fetched page by page as the loop goes: `async for item in ...`.
#[pyclass(frozen, module = "sepay_sdk")]
pub struct AsyncPaginator(Arc<State>);

/// Wraps a core paginator into the iterator class of the client's mode.
pub fn paginator(
    py: Python<'_>,
    operation: &'static str,
    shared: &Arc<Shared>,
    asynchronous: bool,
    pages: Box<dyn Pages>,
) -> PyResult<Py<PyAny>> {
    let state = State::new(operation, shared.clone(), pages);
    if asynchronous {
        Ok(Py::new(py, AsyncPaginator(state))?.into_any())
    } else {
        Ok(Py::new(py, Paginator(state))?.into_any())
    }
}

#[pymethods]
impl Paginator {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        match self.0.pop() {
            Some(item) => Ok(Some(item)),
            None => block_on(py, self.0.clone().next())?,
        }
    }

    fn __repr__(&self) -> String {
        self.0.repr("Paginator")
    }
}

#[pymethods]
impl AsyncPaginator {
    fn __aiter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(item) = self.0.pop() {
            return Ready::resolved(py, item);
        }
        let state = self.0.clone();
        awaitable(py, async move {
            state
                .next()
                .await?
                .ok_or_else(|| PyStopAsyncIteration::new_err(()))
        })
    }

    fn __repr__(&self) -> String {
        self.0.repr("AsyncPaginator")
    }
}
