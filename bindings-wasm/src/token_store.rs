//! The user's OAuth2 token store (`{ load(), save(tokens) }`) as the core's
//! `TokenStore`, and OAuth2 tokens to and from plain JavaScript objects
//! (`{ accessToken, refreshToken, expiresAt, scope }`).

use std::fmt;

use js_sys::{Function, Reflect};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};

use sepay::oauth::{OAuthTokens, TokenStore};
use sepay::{Error, SecretString};

/// A JavaScript object with synchronous `load()` and `save(tokens)` methods.
pub struct JsTokenStore {
    this: JsValue,
    load: Function,
    save: Function,
}

impl fmt::Debug for JsTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsTokenStore")
    }
}

impl JsTokenStore {
    /// Checks that `store` has both methods.
    pub fn new(store: JsValue) -> Result<JsTokenStore, Error> {
        let method = |name: &str| {
            Reflect::get(&store, &JsValue::from_str(name))
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
        };
        match (method("load"), method("save")) {
            (Some(load), Some(save)) => Ok(JsTokenStore {
                this: store,
                load,
                save,
            }),
            _ => Err(Error::Configuration {
                message: "tokenStore must have load() and save(tokens) methods".into(),
            }),
        }
    }
}

/// The core's name for the store in its `Store` errors.
const STORE: &str = "oauth.token_store";

impl TokenStore for JsTokenStore {
    /// `load()`'s answer: `null`/`undefined` is "no tokens"; a throw, or
    /// anything without an `accessToken` string, is a `Store` error.
    fn load(&self) -> Result<Option<OAuthTokens>, Error> {
        let value = self
            .load
            .call0(&self.this)
            .map_err(|e| Error::store(STORE, format!("load() threw {}", js_text(&e))))?;
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        tokens_from_js(&value).map(Some).ok_or_else(|| {
            Error::store(
                STORE,
                "load() must return null or { accessToken, refreshToken, expiresAt, scope }",
            )
        })
    }

    /// Calls `save(tokens)`; a throw is a `Store` error.
    fn save(&self, tokens: &OAuthTokens) -> Result<(), Error> {
        self.save
            .call1(&self.this, &tokens_to_js(tokens))
            .map(|_| ())
            .map_err(|e| Error::store(STORE, format!("save(tokens) threw {}", js_text(&e))))
    }
}

/// `String(value)`: what JavaScript prints for a thrown value.
pub fn js_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    Reflect::get(&js_sys::global(), &JsValue::from_str("String"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&JsValue::UNDEFINED, value).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "an unprintable value".to_string())
}

/// Reads `{ accessToken, refreshToken?, expiresAt?, scope? }`.
pub fn tokens_from_js(value: &JsValue) -> Option<OAuthTokens> {
    if !value.is_object() {
        return None;
    }
    let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok();
    let text = |key: &str| get(key).and_then(|v| v.as_string());
    Some(OAuthTokens {
        access_token: SecretString::new(text("accessToken")?),
        refresh_token: text("refreshToken").map(SecretString::new),
        expires_at: get("expiresAt")
            .and_then(|v| v.as_f64())
            .filter(|s| s.is_finite())
            .map(|s| s as i64),
        scope: text("scope"),
    })
}

/// The tokens as a plain object (secrets in clear: this is what stores keep).
pub fn tokens_to_js(tokens: &OAuthTokens) -> JsValue {
    let value = json!({
        "accessToken": tokens.access_token.expose(),
        "refreshToken": tokens.refresh_token.as_ref().map(|t| t.expose()),
        "expiresAt": tokens.expires_at,
        "scope": tokens.scope,
    });
    crate::convert::to_js(&value).unwrap_or(JsValue::NULL)
}
