//! The one tokio runtime of the extension, and the two ways Python waits on it:
//! `block_on` (sync client, GIL released, Ctrl-C still works) and `awaitable`
//! (asyncio). The runtime is rebuilt in a child process after `os.fork()`,
//! where the parent's worker threads do not exist.

use std::cell::OnceCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3_async_runtimes::generic::{self, ContextExt};
use pyo3_async_runtimes::TaskLocals;
use tokio::runtime::Runtime;

/// How often a blocked sync call looks for Ctrl-C (and other signals).
const SIGNAL_POLL: Duration = Duration::from_millis(50);

struct Owned {
    pid: u32,
    runtime: Arc<Runtime>,
}

static RUNTIME: Mutex<Option<Owned>> = Mutex::new(None);

/// The runtime of this process, created on first use.
pub fn runtime() -> Arc<Runtime> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(owned) = slot.as_ref().filter(|o| o.pid == pid) {
        return owned.runtime.clone();
    }
    if let Some(stale) = slot.take() {
        // Inherited through fork(): its threads are gone, so dropping it
        // would wait for them forever. Leak it instead.
        std::mem::forget(stale.runtime);
    }
    let runtime = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("sepay-sdk")
            .enable_all()
            .build()
            .expect("sepay_sdk: cannot start the tokio runtime"),
    );
    *slot = Some(Owned {
        pid,
        runtime: runtime.clone(),
    });
    runtime
}

/// Runs `future` on the runtime and waits for it with the GIL released,
/// checking for signals so Ctrl-C interrupts a long wait.
pub fn block_on<F>(py: Python<'_>, future: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let (tx, mut rx) = sync_channel(1);
    let task = runtime().spawn(async move {
        let _ = tx.send(future.await);
    });
    loop {
        let (outcome, back) = py.detach(move || (rx.recv_timeout(SIGNAL_POLL), rx));
        rx = back;
        match outcome {
            Ok(value) => return Ok(value),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(interrupt) = py.check_signals() {
                    task.abort();
                    return Err(interrupt);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err(
                    "sepay_sdk: the request task stopped without a result",
                ))
            }
        }
    }
}

/// An asyncio awaitable for `future`, run on the extension's runtime.
/// Cancelling the awaitable cancels the Rust future.
pub fn awaitable<F, T>(py: Python<'_>, future: F) -> PyResult<Bound<'_, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    generic::future_into_py::<SdkRuntime, F, T>(py, future)
}

/// pyo3-async-runtimes' view of our runtime.
struct SdkRuntime;

tokio::task_local! {
    static TASK_LOCALS: OnceCell<TaskLocals>;
}

impl generic::Runtime for SdkRuntime {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = tokio::task::JoinHandle<()>;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        runtime().spawn(fut)
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        runtime().spawn_blocking(f)
    }
}

impl ContextExt for SdkRuntime {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = OnceCell::new();
        let _ = cell.set(locals);
        Box::pin(TASK_LOCALS.scope(cell, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS
            .try_with(|c| c.get().cloned())
            .unwrap_or_default()
    }
}
