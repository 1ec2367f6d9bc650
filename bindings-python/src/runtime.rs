//! The one tokio runtime of the extension, and the two ways Python waits on it:
//! `block_on` (sync client, GIL released, Ctrl-C still works) and `awaitable`
//! (asyncio). The runtime is rebuilt in a child process after `os.fork()`,
//! where the parent's worker threads do not exist.
//!
//! At interpreter exit an `atexit` hook ([`shutdown`]) stops the runtime
//! before Python finalizes: its threads finish what they are doing (with the
//! GIL released so they can), then no runtime thread is left to touch Python.
//! From then on new calls fail at once and callbacks into Python
//! ([`python_alive`]) are skipped.

use std::cell::OnceCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::sync::{Mutex, OnceLock};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3_async_runtimes::generic::{self, ContextExt};
use pyo3_async_runtimes::TaskLocals;
use tokio::runtime::{Handle, Runtime};

/// How often a blocked sync call looks for Ctrl-C (and other signals).
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// How long the exit hook lets running tasks finish before leaving them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

struct Owned {
    pid: u32,
    /// `None` once shut down (the handle then cancels whatever is spawned).
    runtime: Option<Runtime>,
    handle: Handle,
}

static RUNTIME: Mutex<Option<Owned>> = Mutex::new(None);

/// Set by the exit hook: the interpreter is about to finalize.
static EXITING: AtomicBool = AtomicBool::new(false);

/// The thread that ran the `atexit` hook: the one finalizing the interpreter.
static EXIT_THREAD: OnceLock<ThreadId> = OnceLock::new();

/// `py.detach(f)` for every wait of this extension. A daemon thread whose
/// wait ends while the interpreter exits parks here for good instead of
/// taking the GIL back: Python 3.9–3.13 would `pthread_exit` it, a forced
/// unwind through Rust frames that crashes the process at exit (Python 3.14
/// parks such threads itself). A wait that ends just before the exit hook is
/// counted in [`ENTERING`], and the hook lets it take the GIL back first.
pub fn detach<T, F>(py: Python<'_>, f: F) -> T
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    let (out, _entering) = py.detach(move || {
        let out = f();
        let entering = Entering::begin();
        if entering.is_none() && !on_exit_thread() {
            loop {
                thread::park();
            }
        }
        (out, entering)
    });
    out
}

/// Threads that saw the interpreter alive and are taking the GIL (back).
/// The exit hook waits, with the GIL released, until none is left: a thread
/// still waiting for the GIL once finalization starts is `pthread_exit`ed.
static ENTERING: AtomicUsize = AtomicUsize::new(0);

/// How long the exit hook waits for [`ENTERING`] threads to get the GIL.
const ENTERING_GRACE: Duration = Duration::from_secs(2);

/// One thread counted in [`ENTERING`] until it holds the GIL (then dropped).
struct Entering;

impl Entering {
    /// Counts this thread in, unless the interpreter is exiting. Sequentially
    /// consistent with the exit hook: either this sees `EXITING`, or the
    /// hook sees this thread counted.
    fn begin() -> Option<Self> {
        ENTERING.fetch_add(1, Ordering::SeqCst);
        if EXITING.load(Ordering::SeqCst) {
            ENTERING.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Self)
    }
}

impl Drop for Entering {
    fn drop(&mut self) {
        ENTERING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Whether this is the thread that ran the exit hook (it finalizes Python).
fn on_exit_thread() -> bool {
    EXIT_THREAD
        .get()
        .is_some_and(|t| *t == thread::current().id())
}

/// False once the interpreter began to exit: code on runtime threads must not
/// call into Python any more.
pub fn python_alive() -> bool {
    !EXITING.load(Ordering::SeqCst)
}

/// Runs `f` with the GIL from a thread that may not hold it (a runtime
/// thread), unless the interpreter is exiting or gone: then `None`.
pub fn with_python<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> Option<R> {
    let _entering = Entering::begin()?;
    Python::try_attach(f)
}

/// The error for work that finished after the interpreter began to exit
/// (made without the GIL; nobody is left to see it).
pub fn gone() -> PyErr {
    PyRuntimeError::new_err("sepay_sdk: the Python interpreter is shutting down")
}

/// The runtime of this process, created on first use.
fn handle() -> Handle {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(owned) = slot.as_ref().filter(|o| o.pid == pid) {
        return owned.handle.clone();
    }
    if let Some(stale) = slot.take() {
        // Inherited through fork(): its threads are gone, so dropping it
        // would wait for them forever. Leak it instead. The threads counted
        // in ENTERING are gone too (the forking thread held the GIL).
        std::mem::forget(stale.runtime);
        ENTERING.store(0, Ordering::SeqCst);
    }
    #[allow(
        clippy::expect_used,
        reason = "without threads the SDK cannot run; pyo3 raises the panic as PanicException"
    )]
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("sepay-sdk")
        .enable_all()
        .build()
        .expect("sepay_sdk: cannot start the tokio runtime");
    let handle = runtime.handle().clone();
    *slot = Some(Owned {
        pid,
        runtime: Some(runtime),
        handle: handle.clone(),
    });
    handle
}

/// The `atexit` hook: stops the runtime (letting running tasks finish for a
/// few seconds, with the GIL released) so that no runtime thread calls into
/// Python while it finalizes.
#[pyfunction]
pub fn shutdown(py: Python<'_>) {
    let _ = EXIT_THREAD.set(thread::current().id());
    EXITING.store(true, Ordering::SeqCst);
    let runtime = {
        let mut slot = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
        let pid = std::process::id();
        slot.as_mut()
            .filter(|o| o.pid == pid)
            .and_then(|o| o.runtime.take())
    };
    py.detach(move || {
        if let Some(runtime) = runtime {
            runtime.shutdown_timeout(SHUTDOWN_GRACE);
        }
        let deadline = Instant::now() + ENTERING_GRACE;
        while ENTERING.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(1));
        }
    });
}

/// The error of a call started while the interpreter exits.
fn exiting() -> sepay::Error {
    sepay::Error::Configuration {
        message: "the Python interpreter is shutting down; no more SePay calls".to_string(),
    }
}

/// Runs `future` on the runtime and waits for it with the GIL released,
/// checking for signals so Ctrl-C interrupts a long wait.
pub fn block_on<F>(py: Python<'_>, future: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    if !python_alive() {
        return Err(crate::errors::to_pyerr(py, exiting()));
    }
    let (tx, mut rx) = sync_channel(1);
    let task = handle().spawn(async move {
        let _ = tx.send(future.await);
    });
    loop {
        let (outcome, back) = detach(py, move || (rx.recv_timeout(SIGNAL_POLL), rx));
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
                if !python_alive() {
                    return Err(crate::errors::to_pyerr(py, exiting()));
                }
                return Err(PyRuntimeError::new_err(
                    "sepay_sdk: the request task stopped without a result",
                ));
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
    if !python_alive() {
        return Err(crate::errors::to_pyerr(py, exiting()));
    }
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
        handle().spawn(fut)
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        handle().spawn_blocking(f)
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
