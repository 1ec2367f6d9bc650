//! OAuth2 tokens in Python (`OAuthTokens`) and the user's token store: any
//! object with `load() -> OAuthTokens | None` and `save(tokens)`, called by
//! the core after every code exchange and refresh.

use std::fmt;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sepay::oauth::{MemoryTokenStore, OAuthConfig, TokenStore};
use sepay::SecretString;

/// One SePay user's OAuth2 tokens, as a token store keeps them. The tokens
/// are readable attributes (to persist them) but masked in `repr()`.
#[pyclass(frozen, eq, name = "OAuthTokens", module = "sepay_sdk")]
#[derive(Clone, PartialEq)]
pub struct PyOAuthTokens {
    /// The access token (a JWT, about one hour).
    #[pyo3(get)]
    access_token: String,
    /// The refresh token (about one month; SePay may rotate it), if any.
    #[pyo3(get)]
    refresh_token: Option<String>,
    /// Unix seconds when the access token expires, if known.
    #[pyo3(get)]
    expires_at: Option<i64>,
    /// Granted scopes, space-separated.
    #[pyo3(get)]
    scope: Option<String>,
}

impl crate::values::IntoPy for PyOAuthTokens {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, self)?.into_any())
    }
}

#[pymethods]
impl PyOAuthTokens {
    #[new]
    #[pyo3(signature = (access_token, refresh_token=None, expires_at=None, scope=None))]
    fn new(
        access_token: String,
        refresh_token: Option<String>,
        expires_at: Option<i64>,
        scope: Option<String>,
    ) -> Self {
        PyOAuthTokens {
            access_token,
            refresh_token,
            expires_at,
            scope,
        }
    }

    /// The fields as a `dict` (tokens in clear: this is what a store persists).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("access_token", &self.access_token)?;
        d.set_item("refresh_token", &self.refresh_token)?;
        d.set_item("expires_at", self.expires_at)?;
        d.set_item("scope", &self.scope)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let core = self.to_core();
        let refresh = core
            .refresh_token
            .map(|t| format!("{:?}", t.masked()))
            .unwrap_or_else(|| "None".into());
        format!(
            "OAuthTokens(access_token={:?}, refresh_token={refresh}, expires_at={}, scope={})",
            core.access_token.masked(),
            self.expires_at.map_or("None".into(), |e| e.to_string()),
            self.scope
                .as_ref()
                .map_or("None".into(), |s| format!("{s:?}")),
        )
    }
}

impl PyOAuthTokens {
    fn to_core(&self) -> sepay::oauth::OAuthTokens {
        sepay::oauth::OAuthTokens {
            access_token: SecretString::new(self.access_token.clone()),
            refresh_token: self.refresh_token.clone().map(SecretString::new),
            expires_at: self.expires_at,
            scope: self.scope.clone(),
        }
    }
}

impl From<sepay::oauth::OAuthTokens> for PyOAuthTokens {
    fn from(t: sepay::oauth::OAuthTokens) -> Self {
        PyOAuthTokens {
            access_token: t.access_token.expose().to_string(),
            refresh_token: t.refresh_token.map(|r| r.expose().to_string()),
            expires_at: t.expires_at,
            scope: t.scope,
        }
    }
}

/// A Python token store seen by the core. An exception raised by `load` or
/// `save` (or a `load` that returns something else than `OAuthTokens` or
/// `None`) becomes the core's `Store` error, which reaches the caller as
/// `StoreError`; the core keeps unsaved tokens in memory and saves them again
/// later. The store is never called once the interpreter is exiting.
struct PyStore(Py<PyAny>);

impl fmt::Debug for PyStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyStore")
    }
}

/// The core's error for a failed store call (the exception's type and text).
fn store_error(py: Python<'_>, method: &str, error: PyErr) -> sepay::Error {
    let kind = error
        .get_type(py)
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "Exception".into());
    sepay::Error::store(
        "oauth.token_store",
        format!("{method}() raised {kind}: {}", error.value(py)),
    )
}

fn exiting() -> sepay::Error {
    sepay::Error::store(
        "oauth.token_store",
        "the Python interpreter is shutting down",
    )
}

impl TokenStore for PyStore {
    fn load(&self) -> sepay::Result<Option<sepay::oauth::OAuthTokens>> {
        crate::runtime::with_python(|py| {
            let loaded = self.0.bind(py).call_method0("load").and_then(|v| {
                if v.is_none() {
                    return Ok(None);
                }
                let tokens = v.cast::<PyOAuthTokens>().map_err(|_| {
                    let kind = v
                        .get_type()
                        .name()
                        .map(|n| n.to_string())
                        .unwrap_or_default();
                    pyo3::exceptions::PyTypeError::new_err(format!(
                        "token store load() must return OAuthTokens or None, got {kind}"
                    ))
                })?;
                Ok(Some(tokens.get().to_core()))
            });
            loaded.map_err(|e| store_error(py, "load", e))
        })
        .unwrap_or_else(|| Err(exiting()))
    }

    fn save(&self, tokens: &sepay::oauth::OAuthTokens) -> sepay::Result<()> {
        crate::runtime::with_python(|py| {
            let tokens = PyOAuthTokens::from(tokens.clone());
            self.0
                .bind(py)
                .call_method1("save", (tokens,))
                .map(|_| ())
                .map_err(|e| store_error(py, "save", e))
        })
        .unwrap_or_else(|| Err(exiting()))
    }
}

/// `oauth_*` keyword arguments of `Client(...)`: the app's credentials and
/// the user's token store (in memory when not given).
pub fn oauth_setup(
    client_id: Option<String>,
    client_secret: Option<String>,
    redirect_uri: Option<String>,
    token_store: Option<Py<PyAny>>,
) -> sepay::Result<Option<(OAuthConfig, Arc<dyn TokenStore>)>> {
    let store: Arc<dyn TokenStore> = match token_store {
        Some(s) => Arc::new(PyStore(s)),
        None => Arc::new(MemoryTokenStore::default()),
    };
    match (client_id, client_secret, redirect_uri) {
        (Some(client_id), Some(secret), Some(redirect_uri)) => Ok(Some((
            OAuthConfig {
                client_id,
                client_secret: SecretString::new(secret),
                redirect_uri,
            },
            store,
        ))),
        (None, None, None) => Ok(None),
        _ => Err(sepay::Error::Configuration {
            message: "give all of oauth_client_id, oauth_client_secret and oauth_redirect_uri \
                      (OAuth2 app credentials), or none"
                .to_string(),
        }),
    }
}

/// `bank_hub_client_id` and `bank_hub_client_secret`: both or neither.
pub fn bank_hub_credentials(
    client_id: Option<String>,
    client_secret: Option<String>,
) -> sepay::Result<Option<(String, SecretString)>> {
    match (client_id, client_secret) {
        (Some(id), Some(secret)) => Ok(Some((id, SecretString::new(secret)))),
        (None, None) => Ok(None),
        _ => Err(sepay::Error::Configuration {
            message: "give both bank_hub_client_id and bank_hub_client_secret, or neither"
                .to_string(),
        }),
    }
}

/// The OAuth2 and Bank Hub credentials of one client.
pub struct Credentials {
    pub oauth: Option<(OAuthConfig, Arc<dyn TokenStore>)>,
    pub bank_hub: Option<(String, SecretString)>,
}

impl Credentials {
    /// Puts the credentials on the core's builder.
    pub fn apply(self, mut builder: sepay::ClientBuilder) -> sepay::ClientBuilder {
        if let Some((config, store)) = self.oauth {
            builder = builder.oauth(config, store);
        }
        if let Some((id, secret)) = self.bank_hub {
            builder = builder.bank_hub(id, secret);
        }
        builder
    }
}
