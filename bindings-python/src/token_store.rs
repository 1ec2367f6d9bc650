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

/// A Python token store seen by the core. A failing `load` counts as "no
/// tokens" and a failing `save` is reported through `sys.unraisablehook`;
/// the call that triggered them carries on.
struct PyStore(Py<PyAny>);

impl fmt::Debug for PyStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyStore")
    }
}

impl TokenStore for PyStore {
    fn load(&self) -> Option<sepay::oauth::OAuthTokens> {
        Python::attach(|py| {
            let store = self.0.bind(py);
            let loaded = store.call_method0("load").and_then(|v| {
                if v.is_none() {
                    Ok(None)
                } else {
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
                }
            });
            loaded.unwrap_or_else(|e| {
                e.write_unraisable(py, Some(store));
                None
            })
        })
    }

    fn save(&self, tokens: &sepay::oauth::OAuthTokens) {
        Python::attach(|py| {
            let store = self.0.bind(py);
            let tokens = PyOAuthTokens::from(tokens.clone());
            if let Err(e) = store.call_method1("save", (tokens,)) {
                e.write_unraisable(py, Some(store));
            }
        })
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
