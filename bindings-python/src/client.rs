//! `Client` (blocking) and `AsyncClient` (asyncio): one template, differing
//! only in how calls run and in the `async with` methods.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

use crate::awaitable::Ready;
use crate::config::{build, pg_credentials, Numbers};
use crate::errors::IntoPyResult;
use crate::resources::{BankHub, OAuth, Pg, V1, V2};
use crate::shared::{Ctx, Shared};
use crate::token_store::{bank_hub_credentials, oauth_setup, Credentials};

/// What `Client` and `AsyncClient` hold.
struct Parts {
    shared: Arc<Shared>,
    v1: Py<PyAny>,
    v2: Py<PyAny>,
    pg: Py<PyAny>,
    oauth: Py<PyAny>,
    bank_hub: Py<PyAny>,
    /// The OAuth2 and Bank Hub client ids, for `repr` (secrets are never shown).
    client_ids: (Option<String>, Option<String>),
    /// The payment gateway merchant id, for `repr` (the secret key is never shown).
    pg_merchant: Option<String>,
    urls: (String, String),
}

impl Parts {
    fn new(py: Python<'_>, client: sepay::Client, asynchronous: bool) -> PyResult<Parts> {
        let urls = client.base_urls();
        let urls = (urls.user_api_v1.to_string(), urls.user_api_v2.to_string());
        let ctx = Ctx {
            shared: Shared::new(client),
            asynchronous,
        };
        Ok(Parts {
            v1: V1::create(py, &ctx)?,
            v2: V2::create(py, &ctx)?,
            pg: Pg::create(py, &ctx)?,
            oauth: OAuth::create(py, &ctx)?,
            bank_hub: BankHub::create(py, &ctx)?,
            client_ids: (None, None),
            pg_merchant: None,
            shared: ctx.shared,
            urls,
        })
    }

    fn repr(&self, class: &str) -> String {
        let state = if self.shared.is_closed() {
            " closed"
        } else {
            ""
        };
        let pg = match &self.pg_merchant {
            Some(id) => format!(" pg_merchant_id={id:?} pg_secret_key=****"),
            None => String::new(),
        };
        let oauth = match &self.client_ids.0 {
            Some(id) => format!(" oauth_client_id={id:?} oauth_client_secret=****"),
            None => String::new(),
        };
        let hub = match &self.client_ids.1 {
            Some(id) => format!(" bank_hub_client_id={id:?} bank_hub_client_secret=****"),
            None => String::new(),
        };
        format!(
            "<sepay_sdk.{class} user_api_v1={:?} user_api_v2={:?}{pg}{oauth}{hub}{state}>",
            self.urls.0, self.urls.1
        )
    }
}

/// `#[new]`, `v1`, `v2`, `close`, `with`, `repr`, plus `$extra` methods.
macro_rules! client_class {
    ($name:ident, $asynchronous:expr, { $($extra:tt)* }) => {
        #[pymethods]
        impl $name {
            #[new]
            #[pyo3(signature = (token=None, *, environment=None, base_url=None, timeout=None,
                connect_timeout=None, requests_per_second=None, max_attempts=None,
                max_elapsed=None, initial_backoff=None, max_backoff=None,
                max_response_bytes=None, max_pages=None, user_agent=None, app_name=None, proxy=None, ca_bundle=None,
                pg_merchant_id=None, pg_secret_key=None,
                oauth_client_id=None, oauth_client_secret=None, oauth_redirect_uri=None,
                oauth_token_store=None, bank_hub_client_id=None, bank_hub_client_secret=None,
                shared_state=None))]
            #[allow(clippy::too_many_arguments)]
            fn new<'py>(
                py: Python<'py>,
                token: Option<String>,
                environment: Option<&str>,
                base_url: Option<&str>,
                timeout: Option<f64>,
                connect_timeout: Option<f64>,
                requests_per_second: Option<f64>,
                max_attempts: Option<Bound<'py, PyAny>>,
                max_elapsed: Option<f64>,
                initial_backoff: Option<f64>,
                max_backoff: Option<f64>,
                max_response_bytes: Option<Bound<'py, PyAny>>,
                max_pages: Option<Bound<'py, PyAny>>,
                user_agent: Option<String>,
                app_name: Option<String>,
                proxy: Option<String>,
                ca_bundle: Option<std::path::PathBuf>,
                pg_merchant_id: Option<String>,
                pg_secret_key: Option<String>,
                oauth_client_id: Option<String>,
                oauth_client_secret: Option<String>,
                oauth_redirect_uri: Option<String>,
                oauth_token_store: Option<Py<PyAny>>,
                bank_hub_client_id: Option<String>,
                bank_hub_client_secret: Option<String>,
                shared_state: Option<Bound<'py, PyAny>>,
            ) -> PyResult<Self> {
                crate::logs::refresh_level(py);
                let shared_state = crate::shared_state::from_arg(py, shared_state.as_ref())?;
                let client_ids = (oauth_client_id.clone(), bank_hub_client_id.clone());
                let credentials = Credentials {
                    oauth: oauth_setup(
                        oauth_client_id, oauth_client_secret, oauth_redirect_uri,
                        oauth_token_store,
                    )
                    .py_err(py)?,
                    bank_hub: bank_hub_credentials(bank_hub_client_id, bank_hub_client_secret)
                        .py_err(py)?,
                };
                let pg = pg_credentials(pg_merchant_id, pg_secret_key).py_err(py)?;
                let pg_merchant = pg.as_ref().map(|(id, _)| id.clone());
                let numbers = Numbers {
                    timeout, connect_timeout, requests_per_second, max_attempts, max_elapsed,
                    initial_backoff, max_backoff, max_response_bytes, max_pages,
                };
                let ca_bundle = ca_bundle.map(|p| p.to_string_lossy().into_owned());
                let wire = crate::config::Wire { user_agent, app_name, proxy, ca_bundle };
                let client = build(
                    token, environment, base_url, numbers, wire, pg, credentials, shared_state,
                )?
                .py_err(py)?;
                let mut parts = Parts::new(py, client, $asynchronous)?;
                parts.pg_merchant = pg_merchant;
                parts.client_ids = client_ids;
                Ok($name(parts))
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

            /// Payment gateway: `checkout(...)` and `orders` (needs
            /// `pg_merchant_id` and `pg_secret_key`).
            #[getter]
            fn pg(&self, py: Python<'_>) -> Py<PyAny> {
                self.0.pg.clone_ref(py)
            }

            /// OAuth2 (needs the `oauth_*` arguments): `authorization_url`,
            /// `exchange_code`, `me`, `company`, `bank_accounts`, `transactions`, `webhooks`.
            #[getter]
            fn oauth(&self, py: Python<'_>) -> Py<PyAny> {
                self.0.oauth.clone_ref(py)
            }

            /// Bank Hub (needs `bank_hub_client_id` and `bank_hub_client_secret`):
            /// `link_tokens`, `companies`, `bank_accounts`, `transactions`,
            /// `merchant_config`, `webhook`.
            #[getter]
            fn bank_hub(&self, py: Python<'_>) -> Py<PyAny> {
                self.0.bank_hub.clone_ref(py)
            }

            /// A view of this client whose calls use these options: `timeout` and
            /// `max_elapsed` in seconds, `max_attempts`, extra `headers` (a
            /// mapping; the SDK's own headers cannot be set). It shares the
            /// connections, rate limit and tokens; closing one does not close
            /// the other. `client.with_options(timeout=5).v2.transactions.list()`.
            #[pyo3(signature = (*, timeout=None, max_attempts=None, max_elapsed=None, headers=None))]
            fn with_options(
                &self,
                py: Python<'_>,
                timeout: Option<f64>,
                max_attempts: Option<u32>,
                max_elapsed: Option<f64>,
                headers: Option<std::collections::BTreeMap<String, String>>,
            ) -> PyResult<Self> {
                let seconds = |name, v: Option<f64>| v.map(|v| sepay::config::seconds(name, v)).transpose();
                let options = sepay::config::CallOptions {
                    timeout: seconds("timeout", timeout).py_err(py)?,
                    max_attempts,
                    max_elapsed: seconds("max_elapsed", max_elapsed).py_err(py)?,
                    headers: headers.unwrap_or_default().into_iter().collect(),
                };
                let client = self.0.shared.client().py_err(py)?.with_options(options).py_err(py)?;
                let mut parts = Parts::new(py, client, $asynchronous)?;
                parts.pg_merchant = self.0.pg_merchant.clone();
                parts.client_ids = self.0.client_ids.clone();
                Ok($name(parts))
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
                self.0.repr(stringify!($name))
            }

            $($extra)*
        }
    };
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

client_class!(Client, false, {});

client_class!(AsyncClient, true, {
    /// Closes the connections (awaitable).
    fn aclose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.shared.close();
        Ready::resolved(py, py.None())
    }

    fn __aenter__<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Ready::resolved(slf.py(), slf.clone().into_any().unbind())
    }

    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _kind: Option<Bound<'py, PyAny>>,
        _value: Option<Bound<'py, PyAny>>,
        _traceback: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.0.shared.close();
        Ready::resolved(py, false.into_py_any(py)?)
    }
});
