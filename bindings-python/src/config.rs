//! Client configuration: keyword arguments → the core's builder and options.
//! Anything not given keeps the core's default.

use std::time::Duration;

use sepay::{BaseUrls, ClientOptions, Environment, RetryPolicy};

/// Builds the core client from the keyword arguments of `Client(...)`.
#[allow(clippy::too_many_arguments)]
pub fn build(
    token: Option<String>,
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
    pg: Option<(String, String)>,
    credentials: crate::token_store::Credentials,
) -> sepay::Result<sepay::Client> {
    let mut builder = credentials.apply(sepay::Client::builder());
    if let Some(token) = token {
        builder = builder.token(token);
    }
    if let Some((merchant_id, secret_key)) = pg {
        builder = builder.payment_gateway(merchant_id, secret_key);
    }
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
