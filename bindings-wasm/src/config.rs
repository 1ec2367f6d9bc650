//! `new Client({...})`: the JavaScript options object into the core's
//! `ClientBuilder`. Only names and units change here (milliseconds → Duration);
//! the builder checks the values.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use sepay::oauth::{MemoryTokenStore, OAuthConfig, TokenStore};
use sepay::{BaseUrls, Client, ClientOptions, Environment, Error, Result, SecretString};
use wasm_bindgen::JsValue;

use crate::token_store::JsTokenStore;

/// The options object of `new Client(...)`, as JSON.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ClientConfig {
    /// The User API token; optional for a payment-gateway-only client.
    #[serde(default)]
    token: Option<String>,
    /// Payment gateway credentials (`pg.*`).
    #[serde(default)]
    payment_gateway: Option<PaymentGatewayConfig>,
    /// OAuth2 app credentials (`oauth.*`).
    #[serde(default)]
    oauth: Option<OAuthAppConfig>,
    /// Bank Hub merchant credentials (`bankHub.*`).
    #[serde(default)]
    bank_hub: Option<BankHubConfig>,
    #[serde(default)]
    environment: Option<EnvironmentName>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    timeout_ms: Option<Value>,
    /// Missing: the core's default; `null`: no client-side limit.
    #[serde(default, deserialize_with = "present")]
    requests_per_second: Option<Value>,
    #[serde(default)]
    retry: Option<RetryConfig>,
    #[serde(default)]
    max_response_bytes: Option<Value>,
    #[serde(default)]
    max_pages: Option<Value>,
}

/// `paymentGateway: { merchantId, secretKey }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PaymentGatewayConfig {
    merchant_id: String,
    secret_key: String,
}

/// `oauth: { clientId, clientSecret, redirectUri }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OAuthAppConfig {
    client_id: String,
    client_secret: SecretString,
    redirect_uri: String,
}

/// `bankHub: { clientId, clientSecret }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BankHubConfig {
    client_id: String,
    client_secret: SecretString,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum EnvironmentName {
    Live,
    Sandbox,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RetryConfig {
    #[serde(default)]
    max_attempts: Option<Value>,
    #[serde(default)]
    max_elapsed_ms: Option<Value>,
    #[serde(default)]
    initial_backoff_ms: Option<Value>,
    #[serde(default)]
    max_backoff_ms: Option<Value>,
}

/// Keeps an explicit `null` as `Some(Value::Null)` (serde reads it as `None`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

fn config_error(message: String) -> Error {
    Error::Configuration { message }
}

/// A number option as JSON: a number, or the text `index.js` sends for the
/// numbers JSON cannot carry (`NaN`, `Infinity`, `-Infinity`).
fn number(name: &str, value: &Value) -> Result<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<f64>().ok().filter(|n| !n.is_finite()),
        _ => None,
    }
    .ok_or_else(|| config_error(format!("{name} must be a number, got {value}")))
}

/// Milliseconds from JavaScript as the core's `Duration`, checked by the
/// core's `config::seconds` (no NaN, infinities, negatives or more than a day).
fn millis(name: &str, value: &Value) -> Result<Duration> {
    let ms = number(name, value)?;
    sepay::config::seconds(name, ms / 1000.0).map_err(|_| {
        config_error(format!(
            "{name} must be a number of milliseconds from 0 to {}, got {ms}",
            sepay::config::MAX_DURATION.as_millis()
        ))
    })
}

/// A whole number that fits `T`; the core's `validate()` checks its range.
fn whole<T: TryFrom<u64>>(name: &str, value: &Value) -> Result<T> {
    let n = number(name, value)?;
    let fits = n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= u64::MAX as f64;
    fits.then(|| T::try_from(n as u64).ok())
        .flatten()
        .ok_or_else(|| {
            config_error(format!(
                "{name} must be a whole number this platform can hold, got {n}"
            ))
        })
}

/// Builds the core client from the JSON text of the options object and the
/// user's OAuth2 token store (`undefined`: tokens kept in memory) and the
/// shared state, if any.
pub fn build(
    json: &str,
    token_store: JsValue,
    shared_state: Option<Arc<sepay::shared::SharedState>>,
    observer: Option<crate::observe::JsObserver>,
) -> Result<Client> {
    let config: ClientConfig = serde_json::from_str(json).map_err(|e| Error::Configuration {
        message: format!("invalid client options: {e}"),
    })?;
    let mut options = ClientOptions::default();
    if let Some(v) = &config.timeout_ms {
        options.timeout = millis("timeoutMs", v)?;
    }
    match &config.requests_per_second {
        None => {}
        Some(Value::Null) => options.requests_per_second = None,
        Some(v) => options.requests_per_second = Some(number("requestsPerSecond", v)?),
    }
    if let Some(r) = &config.retry {
        if let Some(v) = &r.max_attempts {
            options.retry.max_attempts = whole("retry.maxAttempts", v)?;
        }
        if let Some(v) = &r.max_elapsed_ms {
            options.retry.max_elapsed = millis("retry.maxElapsedMs", v)?;
        }
        if let Some(v) = &r.initial_backoff_ms {
            options.retry.initial_backoff = millis("retry.initialBackoffMs", v)?;
        }
        if let Some(v) = &r.max_backoff_ms {
            options.retry.max_backoff = millis("retry.maxBackoffMs", v)?;
        }
    }
    if let Some(v) = &config.max_response_bytes {
        options.max_response_bytes = whole("maxResponseBytes", v)?;
    }
    if let Some(v) = &config.max_pages {
        options.max_pages = whole("maxPages", v)?;
    }
    // The core checks every value (ranges, rates, attempts, sizes) in build().
    let mut builder = Client::builder().options(options);
    if let Some(state) = shared_state {
        builder = builder.shared_state(state);
    }
    if let Some(observer) = observer {
        builder = builder.observer(Arc::new(observer));
    }
    if let Some(token) = config.token {
        builder = builder.token(token);
    }
    if let Some(pg) = config.payment_gateway {
        builder = builder.payment_gateway(pg.merchant_id, pg.secret_key);
    }
    let store: Option<Arc<dyn TokenStore>> = if token_store.is_undefined() || token_store.is_null()
    {
        None
    } else {
        Some(Arc::new(JsTokenStore::new(token_store)?))
    };
    match (config.oauth, store) {
        (Some(app), store) => {
            let app = OAuthConfig {
                client_id: app.client_id,
                client_secret: app.client_secret,
                redirect_uri: app.redirect_uri,
            };
            let store = store.unwrap_or_else(|| Arc::new(MemoryTokenStore::default()));
            builder = builder.oauth(app, store);
        }
        (None, Some(_)) => {
            return Err(Error::Configuration {
                message:
                    "tokenStore needs oauth credentials ({ clientId, clientSecret, redirectUri })"
                        .into(),
            })
        }
        (None, None) => {}
    }
    if let Some(hub) = config.bank_hub {
        builder = builder.bank_hub(hub.client_id, hub.client_secret);
    }
    builder = match (config.environment, config.base_url) {
        (Some(_), Some(_)) => {
            return Err(Error::Configuration {
                message: "give either environment or baseUrl, not both".to_string(),
            })
        }
        (Some(EnvironmentName::Live), None) => builder.environment(Environment::Live),
        (Some(EnvironmentName::Sandbox), None) => builder.environment(Environment::Sandbox),
        (None, Some(root)) => builder.base_urls(BaseUrls::emulator(&root)?),
        (None, None) => builder,
    };
    builder.build()
}
