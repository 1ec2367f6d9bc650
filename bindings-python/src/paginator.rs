//! Auto-pagination for Python: `Paginator` (a `for` iterator) and
//! `AsyncPaginator` (an `async for` iterator) over any core paginator. One page
//! is fetched per request and held in memory; items are handed out one by one.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
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
    /// The list's size (fetching the first page when nothing was fetched yet).
    fn total(&mut self) -> BoxFuture<'_, sepay::Result<Option<u64>>>;
    /// The list's size if known, without a request.
    fn known_total(&self) -> Option<u64>;
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

    fn total(&mut self) -> BoxFuture<'_, sepay::Result<Option<u64>>> {
        Box::pin(BoxPaginator::total(self))
    }

    fn known_total(&self) -> Option<u64> {
        self.progress().total
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
    /// Items handed out so far, and the list's size once known.
    position: AtomicU64,
    total: Mutex<Option<u64>>,
}

impl State {
    fn new(operation: &'static str, shared: Arc<Shared>, pages: Box<dyn Pages>) -> Arc<Self> {
        Arc::new(State {
            operation,
            pid: std::process::id(),
            shared,
            pages: tokio::sync::Mutex::new(pages),
            buffer: Mutex::new(VecDeque::new()),
            position: AtomicU64::new(0),
            total: Mutex::new(None),
        })
    }

    fn buffer(&self) -> std::sync::MutexGuard<'_, VecDeque<Py<PyAny>>> {
        self.buffer.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn pop(&self) -> Option<Py<PyAny>> {
        let item = self.buffer().pop_front();
        self.counted(item)
    }

    fn counted(&self, item: Option<Py<PyAny>>) -> Option<Py<PyAny>> {
        if item.is_some() {
            self.position.fetch_add(1, Ordering::Relaxed);
        }
        item
    }

    fn known_total(&self) -> Option<u64> {
        *self.total.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The list's size, fetching the first page if nothing was fetched yet.
    async fn total(self: Arc<Self>) -> PyResult<Option<u64>> {
        let mut pages = self.pages.lock().await;
        let total = match self.usable() {
            Ok(()) => pages.total().await,
            Err(e) => Err(e),
        };
        let total =
            with_python(|py| total.map_err(|e| to_pyerr(py, e))).unwrap_or_else(|| Err(gone()))?;
        *self.total.lock().unwrap_or_else(|p| p.into_inner()) = total;
        Ok(total)
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
        *self.total.lock().unwrap_or_else(|p| p.into_inner()) = pages.known_total();
        with_python(|py| {
            let items = match batch.map_err(|e| to_pyerr(py, e))? {
                Some(b) => b.into_py(py)?,
                None => return Ok(None),
            };
            let mut buffer = self.buffer();
            buffer.extend(items);
            Ok(self.counted(buffer.pop_front()))
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

    /// How many items the whole list holds (v2's `meta.pagination.total`,
    /// v1's count), so that `tqdm(it, total=it.total)` works: before the first
    /// item this fetches the first page (kept for the loop). `None` when SePay
    /// does not say.
    #[getter]
    fn total(&self, py: Python<'_>) -> PyResult<Option<u64>> {
        if let Some(total) = self.0.known_total() {
            return Ok(Some(total));
        }
        block_on(py, self.0.clone().total())?
    }

    /// Items handed out so far.
    #[getter]
    fn position(&self) -> u64 {
        self.0.position.load(Ordering::Relaxed)
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

    /// The list's size once a page has told it (no request); see `fetch_total()`.
    #[getter]
    fn total(&self) -> Option<u64> {
        self.0.known_total()
    }

    /// The list's size: `tqdm(it, total=await it.fetch_total())`. Before the
    /// first item this fetches the first page (kept for the loop).
    fn fetch_total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(total) = self.0.known_total() {
            return Ready::resolved(py, total.into_pyobject(py)?.into_any().unbind());
        }
        let state = self.0.clone();
        awaitable(py, async move { state.total().await })
    }

    /// Items handed out so far.
    #[getter]
    fn position(&self) -> u64 {
        self.0.position.load(Ordering::Relaxed)
    }

    fn __repr__(&self) -> String {
        self.0.repr("AsyncPaginator")
    }
}
