//! The state behind one Python client object, and how its resources run a
//! call: blocking with the GIL released, or as an asyncio awaitable.

use std::future::Future;
use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use sepay::paging::BoxPaginator;

use crate::errors::{to_pyerr, IntoPyResult};
use crate::paginator::paginator;
use crate::runtime::{awaitable, block_on, gone, with_python};
use crate::values::{IntoPy, Out};

/// The core client of one Python client object, rebuilt in a forked child and
/// dropped (closing its connections) by `close()`.
pub struct Shared {
    conn: Mutex<Option<Conn>>,
}

struct Conn {
    pid: u32,
    client: sepay::Client,
}

impl Shared {
    pub fn new(client: sepay::Client) -> Arc<Self> {
        Arc::new(Shared {
            conn: Mutex::new(Some(Conn {
                pid: std::process::id(),
                client,
            })),
        })
    }

    /// The client for a new call; in a child process after `os.fork()`, a
    /// reconnected one (the parent's connections and runtime are unusable).
    pub fn client(&self) -> sepay::Result<sepay::Client> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let conn = conn.as_mut().ok_or_else(closed)?;
        let pid = std::process::id();
        if conn.pid != pid {
            conn.client = conn.client.reconnect()?;
            conn.pid = pid;
        }
        Ok(conn.client.clone())
    }

    /// Fails once the client is closed.
    pub fn check_open(&self) -> sepay::Result<()> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        conn.as_ref().map(|_| ()).ok_or_else(closed)
    }

    pub fn close(&self) {
        self.conn.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    pub fn is_closed(&self) -> bool {
        self.conn
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_none()
    }
}

fn closed() -> sepay::Error {
    sepay::Error::Configuration {
        message: "the client is closed".to_string(),
    }
}

/// How a resource runs calls: blocking, or as asyncio awaitables.
#[derive(Clone)]
pub struct Ctx {
    pub shared: Arc<Shared>,
    pub asynchronous: bool,
}

impl Ctx {
    /// Runs one core call in the client's mode and converts its result.
    pub fn call<T, F>(
        &self,
        py: Python<'_>,
        run: impl FnOnce(sepay::Client) -> F,
    ) -> PyResult<Py<PyAny>>
    where
        F: Future<Output = sepay::Result<T>> + Send + 'static,
        T: IntoPy + Send + 'static,
    {
        let future = run(self.shared.client().py_err(py)?);
        if self.asynchronous {
            let future = async move {
                future
                    .await
                    .map(Out)
                    .map_err(|e| with_python(|py| to_pyerr(py, e)).unwrap_or_else(gone))
            };
            Ok(awaitable(py, future)?.unbind())
        } else {
            Ok(block_on(py, future)?.py_err(py)?.into_py(py)?.unbind())
        }
    }

    /// Wraps a core paginator into `Paginator` / `AsyncPaginator`.
    pub fn paginate<T>(
        &self,
        py: Python<'_>,
        operation: &'static str,
        make: impl FnOnce(&sepay::Client) -> BoxPaginator<T>,
    ) -> PyResult<Py<PyAny>>
    where
        T: IntoPy + Send + Sync + 'static,
    {
        let pages = make(&self.shared.client().py_err(py)?);
        paginator(
            py,
            operation,
            &self.shared,
            self.asynchronous,
            Box::new(pages),
        )
    }
}
