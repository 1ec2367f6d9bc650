//! OAuth2: the hand-written methods of `client.oauth` — the authorization-code
//! flow and `company` (SePay's JSON parsed); the resource API is generated
//! (`generated.rs`). Tokens are kept in the client's token store.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::calls::{json_arg, promise, to_promise};
use crate::client::WasmClient;
use crate::convert::{error, id_arg};
use crate::token_store::tokens_to_js;

#[wasm_bindgen]
impl WasmClient {
    /// Synchronous: the URL only.
    pub fn oauth_authorization_url(
        &self,
        scopes: Option<String>,
        state: JsValue,
    ) -> Result<String, JsValue> {
        const OP: &str = "oauth.authorization_url";
        let scopes: Vec<String> = json_arg(OP, "scopes", "an array of scope names", scopes)?;
        let state = id_arg(OP, "state", &state)?;
        let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
        let oauth = self.client.oauth();
        oauth
            .authorization_url(&scopes, &state)
            .map_err(|e| error(&e))
    }

    pub fn oauth_exchange_code(&self, code: JsValue) -> Promise {
        let c = self.client.clone();
        to_promise(async move {
            let code = id_arg("oauth.exchange_code", "code", &code)?;
            let tokens = c
                .oauth()
                .exchange_code(&code)
                .await
                .map_err(|e| error(&e))?;
            Ok(tokens_to_js(&tokens))
        })
    }

    pub fn oauth_company(&self) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let text = c.oauth().company().await.map_err(|e| error(&e))?;
            serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|e| js_sys::Error::new(&format!("sepay: company: {e}")).into())
        })
    }
}
