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

impl TokenStore for JsTokenStore {
    /// `load()`'s answer; a throw or anything without an `accessToken` string is "no tokens".
    fn load(&self) -> Option<OAuthTokens> {
        tokens_from_js(&self.load.call0(&self.this).ok()?)
    }

    /// Calls `save(tokens)`; what it throws cannot reach the caller and is ignored.
    fn save(&self, tokens: &OAuthTokens) {
        let _ = self.save.call1(&self.this, &tokens_to_js(tokens));
    }
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
