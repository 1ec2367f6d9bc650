//! `Client` (blocking) and `AsyncClient` (asyncio): configuration, the shared
//! connection state, `with`/`async with`, and a `repr` without the token.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use sepay::page::BoxPaginator;
use sepay::{BaseUrls, ClientOptions, Environment, RetryPolicy};

use crate::awaitable::Ready;
use crate::errors::{to_pyerr, IntoPyResult};
use crate::paging::paginator;
use crate::resources::{V1, V2};
use crate::runtime::{awaitable, block_on};

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
    fn new(client: sepay::Client) -> Arc<Self> {
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

    fn close(&self) {
        self.conn.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    fn is_closed(&self) -> bool {
        self.conn.lock().unwrap_or_else(|p| p.into_inner()).is_none()
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
        T: for<'py> IntoPyObject<'py> + Send + 'static,
    {
        let future = run(self.shared.client().py_err(py)?);
        if self.asynchronous {
            let future =
                async move { future.await.map_err(|e| Python::attach(|py| to_pyerr(py, e))) };
            Ok(awaitable(py, future)?.unbind())
        } else {
            block_on(py, future)?.py_err(py)?.into_py_any(py)
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
        T: for<'py> IntoPyObject<'py> + Send + Sync + 'static,
    {
        let pages = make(&self.shared.client().py_err(py)?);
        paginator(py, operation, &self.shared, self.asynchronous, Box::new(pages))
    }
}

/// Everything a client is configured with.
#[allow(clippy::too_many_arguments)]
fn build(
    token: String,
    environment: Option<&str>,
    base_url: Option<&str>,
    timeout: Option<f64>,
    connect_timeout: Option<f64>,
    requests_per_second: Option<f64>,
    max_attempts: Option<u32>,
    max_elapsed: Option<f64>,
    initial_backoff: Option<f64>,
    max_backoff: Option<f64>,
    max_response_bytes: Option<usize>,
    user_agent: Option<String>,
) -> sepay::Result<sepay::Client> {
    let mut builder = sepay::Client::builder().token(token);
    builder = match (environment, base_url) {
        (Some(_), Some(_)) => return Err(config("give either environment or base_url, not both")),
        (Some("live"), None) => builder.environment(Environment::Live),
        (Some("sandbox"), None) => builder.environment(Environment::Sandbox),
        (Some(other), None) => {
            return Err(config(&format!(
                "environment must be \"live\" or \"sandbox\", not {other:?}"
            )))
        }
        (None, Some(url)) => builder.base_urls(BaseUrls::emulator(url)?),
        (None, None) => builder,
    };
    let defaults = ClientOptions::default();
    let retry = RetryPolicy {
        max_attempts: max_attempts.unwrap_or(defaults.retry.max_attempts),
        max_elapsed: seconds("max_elapsed", max_elapsed, defaults.retry.max_elapsed)?,
        initial_backoff: seconds(
            "initial_backoff",
            initial_backoff,
            defaults.retry.initial_backoff,
        )?,
        max_backoff: seconds("max_backoff", max_backoff, defaults.retry.max_backoff)?,
    };
    let options = ClientOptions {
        timeout: seconds("timeout", timeout, defaults.timeout)?,
        connect_timeout: seconds("connect_timeout", connect_timeout, defaults.connect_timeout)?,
        requests_per_second: requests_per_second.or(defaults.requests_per_second),
        retry,
        max_response_bytes: max_response_bytes.unwrap_or(defaults.max_response_bytes),
        user_agent: user_agent
            .unwrap_or_else(|| concat!("sepay-sdk-python/", env!("CARGO_PKG_VERSION")).into()),
    };
    builder.options(options).build()
}

fn seconds(name: &str, value: Option<f64>, default: Duration) -> sepay::Result<Duration> {
    match value {
        None => Ok(default),
        Some(s) => Duration::try_from_secs_f64(s)
            .map_err(|_| config(&format!("{name} must be a number of seconds >= 0, not {s}"))),
    }
}

fn config(message: &str) -> sepay::Error {
    sepay::Error::Configuration {
        message: message.to_string(),
    }
}

/// What `Client` and `AsyncClient` hold.
struct Parts {
    shared: Arc<Shared>,
    v1: Py<PyAny>,
    v2: Py<PyAny>,
    urls: (String, String),
}

impl Parts {
    fn new(py: Python<'_>, client: sepay::Client, asynchronous: bool) -> PyResult<Parts> {
        let urls = client.base_urls();
        let urls = (
            urls.user_api_v1.to_string(),
            urls.user_api_v2.to_string(),
        );
        let ctx = Ctx {
            shared: Shared::new(client),
            asynchronous,
        };
        Ok(Parts {
            v1: V1::create(py, &ctx)?,
            v2: V2::create(py, &ctx)?,
            shared: ctx.shared,
            urls,
        })
    }

    fn repr(&self, class: &str) -> String {
        let state = if self.shared.is_closed() { " closed" } else { "" };
        format!(
            "<sepay_sdk.{class} user_api_v1={:?} user_api_v2={:?}{state}>",
            self.urls.0, self.urls.1
        )
    }
}

/// A SePay client whose calls block (with the GIL released) until the answer.
///
/// Give the `environment` ("live" or "sandbox") or the `base_url` of a server
/// laid out like the `sepay-sandbox` emulator. Durations are in seconds;
/// `requests_per_second=0` turns the client-side rate limit off.
#[pyclass(frozen, module = "sepay_sdk")]
pub struct Client(Parts);

/// A SePay client whose calls return asyncio awaitables. Same arguments as `Client`.
#[pyclass(frozen, module = "sepay_sdk")]
pub struct AsyncClient(Parts);

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (token, *, environment=None, base_url=None, timeout=None,
        connect_timeout=None, requests_per_second=None, max_attempts=None, max_elapsed=None,
        initial_backoff=None, max_backoff=None, max_response_bytes=None, user_agent=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        token: String,
        environment: Option<&str>,
        base_url: Option<&str>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        requests_per_second: Option<f64>,
        max_attempts: Option<u32>,
        max_elapsed: Option<f64>,
        initial_backoff: Option<f64>,
        max_backoff: Option<f64>,
        max_response_bytes: Option<usize>,
        user_agent: Option<String>,
    ) -> PyResult<Self> {
        let client = build(
            token, environment, base_url, timeout, connect_timeout, requests_per_second,
            max_attempts, max_elapsed, initial_backoff, max_backoff, max_response_bytes,
            user_agent,
        )
        .py_err(py)?;
        Ok(Client(Parts::new(py, client, false)?))
    }

    /// User API v1: `transactions`, `bank_accounts`.
    #[getter]
    fn v1(&self, py: Python<'_>) -> Py<PyAny> {
        self.0.v1.clone_ref(py)
    }

    /// User API v2: `transactions`, `bank_accounts`, `virtual_accounts`, `terminals`.
    #[getter]
    fn v2(&self, py: Python<'_>) -> Py<PyAny> {
        self.0.v2.clone_ref(py)
    }

    /// Closes the connections; later calls raise `ConfigurationError`.
    fn close(&self) {
        self.0.shared.close();
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __exit__(
        &self,
        _kind: Option<Bound<'_, PyAny>>,
        _value: Option<Bound<'_, PyAny>>,
        _traceback: Option<Bound<'_, PyAny>>,
    ) -> bool {
        self.0.shared.close();
        false
    }

    fn __repr__(&self) -> String {
        self.0.repr("Client")
    }
}

#[pymethods]
impl AsyncClient {
    #[new]
    #[pyo3(signature = (token, *, environment=None, base_url=None, timeout=None,
        connect_timeout=None, requests_per_second=None, max_attempts=None, max_elapsed=None,
        initial_backoff=None, max_backoff=None, max_response_bytes=None, user_agent=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        token: String,
        environment: Option<&str>,
        base_url: Option<&str>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        requests_per_second: Option<f64>,
        max_attempts: Option<u32>,
        max_elapsed: Option<f64>,
        initial_backoff: Option<f64>,
        max_backoff: Option<f64>,
        max_response_bytes: Option<usize>,
        user_agent: Option<String>,
    ) -> PyResult<Self> {
        let client = build(
            token, environment, base_url, timeout, connect_timeout, requests_per_second,
            max_attempts, max_elapsed, initial_backoff, max_backoff, max_response_bytes,
            user_agent,
        )
        .py_err(py)?;
        Ok(AsyncClient(Parts::new(py, client, true)?))
    }

    /// User API v1: `transactions`, `bank_accounts`.
    #[getter]
    fn v1(&self, py: Python<'_>) -> Py<PyAny> {
        self.0.v1.clone_ref(py)
    }

    /// User API v2: `transactions`, `bank_accounts`, `virtual_accounts`, `terminals`.
    #[getter]
    fn v2(&self, py: Python<'_>) -> Py<PyAny> {
        self.0.v2.clone_ref(py)
    }

    /// Closes the connections; later calls raise `ConfigurationError`.
    fn close(&self) {
        self.0.shared.close();
    }

    /// Closes the connections (awaitable).
    fn aclose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.shared.close();
        Ready::new(py, py.None())
    }

    fn __aenter__<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Ready::new(slf.py(), slf.clone().into_any().unbind())
    }

    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _kind: Option<Bound<'py, PyAny>>,
        _value: Option<Bound<'py, PyAny>>,
        _traceback: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.0.shared.close();
        Ready::new(py, false.into_py_any(py)?)
    }

    fn __repr__(&self) -> String {
        self.0.repr("AsyncClient")
    }
}
