//! Client configuration: keyword arguments → the core's builder and options.
//! Anything not given keeps the core's default; the core validates the rest
//! (`ClientOptions::validate`, `sepay::config::seconds`).

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt};
use sepay::{BaseUrls, ClientOptions, Environment, RetryPolicy};

/// The numeric keyword arguments of `Client(...)`, as Python gave them.
#[derive(Default)]
pub struct Numbers<'py> {
    pub timeout: Option<f64>,
    pub connect_timeout: Option<f64>,
    pub requests_per_second: Option<f64>,
    pub max_attempts: Option<Bound<'py, PyAny>>,
    pub max_elapsed: Option<f64>,
    pub initial_backoff: Option<f64>,
    pub max_backoff: Option<f64>,
    pub max_response_bytes: Option<Bound<'py, PyAny>>,
    pub max_pages: Option<Bound<'py, PyAny>>,
}

/// How requests look on the wire: `User-Agent`, the application's name
/// appended to it, an explicit proxy, extra trusted roots.
pub struct Wire {
    pub user_agent: Option<String>,
    pub app_name: Option<String>,
    pub proxy: Option<String>,
    /// A PEM file of extra trusted roots.
    pub ca_bundle: Option<String>,
}

/// Builds the core client from the keyword arguments of `Client(...)`.
#[allow(clippy::too_many_arguments)]
pub fn build(
    token: Option<String>,
    environment: Option<&str>,
    base_url: Option<&str>,
    numbers: Numbers<'_>,
    wire: Wire,
    pg: Option<(String, String)>,
    credentials: crate::token_store::Credentials,
    shared_state: Option<std::sync::Arc<sepay::shared::SharedState>>,
) -> PyResult<sepay::Result<sepay::Client>> {
    // Whole numbers are read first: a non-number is a TypeError.
    let max_attempts = whole("max_attempts", numbers.max_attempts.as_ref())?;
    let max_response_bytes = whole("max_response_bytes", numbers.max_response_bytes.as_ref())?;
    let max_pages = whole("max_pages", numbers.max_pages.as_ref())?;
    Ok((|| {
        let mut builder = credentials.apply(sepay::Client::builder());
        if let Some(token) = token {
            builder = builder.token(token);
        }
        if let Some(state) = shared_state {
            builder = builder.shared_state(state);
        }
        if let Some((merchant_id, secret_key)) = pg {
            builder = builder.payment_gateway(merchant_id, secret_key);
        }
        builder = match (environment, base_url) {
            (Some(_), Some(_)) => {
                return Err(config("give either environment or base_url, not both"))
            }
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
        let seconds = |name: &str, value: Option<f64>, default| match value {
            None => Ok(default),
            Some(s) => sepay::config::seconds(name, s),
        };
        let retry = RetryPolicy {
            max_attempts: fit("max_attempts", max_attempts)?.unwrap_or(defaults.retry.max_attempts),
            max_elapsed: seconds(
                "max_elapsed",
                numbers.max_elapsed,
                defaults.retry.max_elapsed,
            )?,
            initial_backoff: seconds(
                "initial_backoff",
                numbers.initial_backoff,
                defaults.retry.initial_backoff,
            )?,
            max_backoff: seconds(
                "max_backoff",
                numbers.max_backoff,
                defaults.retry.max_backoff,
            )?,
        };
        let mut options = ClientOptions {
            timeout: seconds("timeout", numbers.timeout, defaults.timeout)?,
            connect_timeout: seconds(
                "connect_timeout",
                numbers.connect_timeout,
                defaults.connect_timeout,
            )?,
            // `0` is Python's spelling of "off" (`None` means "the default").
            requests_per_second: match numbers.requests_per_second {
                Some(0.0) => None,
                Some(rate) => Some(rate),
                None => defaults.requests_per_second,
            },
            retry,
            max_response_bytes: fit("max_response_bytes", max_response_bytes)?
                .unwrap_or(defaults.max_response_bytes),
            user_agent: wire
                .user_agent
                .unwrap_or_else(|| concat!("sepay-sdk-python/", env!("CARGO_PKG_VERSION")).into()),
            max_pages: fit("max_pages", max_pages)?.unwrap_or(defaults.max_pages),
            app_name: wire.app_name,
            proxy: wire.proxy,
            ca_bundle_pem: None,
        };
        if let Some(path) = &wire.ca_bundle {
            options.read_ca_bundle(path)?;
        }
        builder.options(options).build()
    })())
}

/// A whole number given as `int` (or an integral `float` such as `1e12`);
/// `Err` inside for numbers no count can be (negative, fractional, NaN).
#[allow(clippy::type_complexity)]
fn whole(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Result<u64, String>>> {
    let Some(value) = value else { return Ok(None) };
    let shown = value.repr()?.to_string();
    let refused = || Err(format!("{name} must be a whole number >= 0, got {shown}"));
    if value.is_instance_of::<PyBool>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{name} must be an int, not bool"
        )));
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(Some(value.extract::<u64>().or_else(|_| refused())));
    }
    if value.is_instance_of::<PyFloat>() {
        let f: f64 = value.extract()?;
        let ok = f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f < u64::MAX as f64;
        return Ok(Some(if ok { Ok(f as u64) } else { refused() }));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "{name} must be an int, not {}",
        value.get_type().name()?
    )))
}

/// The count in the core's type; too large for it is a configuration error.
fn fit<T: TryFrom<u64>>(
    name: &str,
    value: Option<Result<u64, String>>,
) -> sepay::Result<Option<T>> {
    match value {
        None => Ok(None),
        Some(Err(message)) => Err(config(&message)),
        Some(Ok(n)) => T::try_from(n)
            .map(Some)
            .map_err(|_| config(&format!("{name} is out of range: {n}"))),
    }
}

fn config(message: &str) -> sepay::Error {
    sepay::Error::Configuration {
        message: message.to_string(),
    }
}

/// `pg_merchant_id` and `pg_secret_key`: both or neither.
pub fn pg_credentials(
    merchant_id: Option<String>,
    secret_key: Option<String>,
) -> sepay::Result<Option<(String, String)>> {
    match (merchant_id, secret_key) {
        (Some(id), Some(key)) => Ok(Some((id, key))),
        (None, None) => Ok(None),
        _ => Err(config(
            "give both pg_merchant_id and pg_secret_key (payment gateway credentials), or neither",
        )),
    }
}
