//! OAuth2: `client.oauth` — the authorization-code flow and the resource API
//! of the user the client acts for (tokens kept in the client's token store).

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use sepay::oauth::{OAuthListParams, WebhookAuthType, WebhookEventType, WebhookParams};
use sepay::{DateBound, SecretString};

use crate::calls::{json_arg, unit};
use crate::client::{promise, WasmClient};
use crate::convert::{error, id_arg, params};
use crate::pages::Pages;
use crate::token_store::tokens_to_js;

/// Filters and paging of OAuth2 lists (the core's `OAuthListParams`).
#[derive(Deserialize)]
pub struct OAuthListOptions {
    bank_account_id: Option<String>,
    account_number: Option<String>,
    reference_number: Option<String>,
    from_date: Option<DateBound>,
    to_date: Option<DateBound>,
    webhook_url: Option<String>,
    active: Option<bool>,
    page: Option<u32>,
    limit: Option<u32>,
}

impl From<OAuthListOptions> for OAuthListParams {
    fn from(o: OAuthListOptions) -> Self {
        OAuthListParams {
            bank_account_id: o.bank_account_id,
            account_number: o.account_number,
            reference_number: o.reference_number,
            from_date: o.from_date,
            to_date: o.to_date,
            webhook_url: o.webhook_url,
            active: o.active,
            page: o.page,
            limit: o.limit,
        }
    }
}

/// Fields of a webhook to create or change (the core's `WebhookParams`).
#[derive(Deserialize)]
pub struct WebhookOptions {
    bank_account_id: Option<String>,
    name: Option<String>,
    event_type: Option<WebhookEventType>,
    authen_type: Option<WebhookAuthType>,
    webhook_url: Option<String>,
    api_key: Option<SecretString>,
    is_verify_payment: Option<bool>,
    skip_if_no_code: Option<bool>,
    only_va: Option<bool>,
    active: Option<bool>,
    request_content_type: Option<String>,
}

impl From<WebhookOptions> for WebhookParams {
    fn from(o: WebhookOptions) -> Self {
        WebhookParams {
            bank_account_id: o.bank_account_id,
            name: o.name,
            event_type: o.event_type,
            authen_type: o.authen_type,
            webhook_url: o.webhook_url,
            api_key: o.api_key,
            is_verify_payment: o.is_verify_payment,
            skip_if_no_code: o.skip_if_no_code,
            only_va: o.only_va,
            active: o.active,
            request_content_type: o.request_content_type,
        }
    }
}

fn list_params(op: &str, options: Option<String>) -> Result<OAuthListParams, JsValue> {
    params::<OAuthListOptions>(op, options).map(Into::into)
}

fn webhook_params(op: &str, options: Option<String>) -> Result<WebhookParams, JsValue> {
    params::<WebhookOptions>(op, options).map(Into::into)
}

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
        future_to_promise(async move {
            let code = id_arg("oauth.exchange_code", "code", &code)?;
            let tokens = c
                .oauth()
                .exchange_code(&code)
                .await
                .map_err(|e| error(&e))?;
            Ok(tokens_to_js(&tokens))
        })
    }

    pub fn oauth_me(&self) -> Promise {
        let c = self.client.clone();
        promise(async move { c.oauth().me().await.map_err(|e| error(&e)) })
    }

    pub fn oauth_company(&self) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let text = c.oauth().company().await.map_err(|e| error(&e))?;
            serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|e| js_sys::Error::new(&format!("sepay: company: {e}")).into())
        })
    }

    pub fn oauth_bank_accounts_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = list_params("oauth.bank_accounts.list", options)?;
            c.oauth()
                .bank_accounts()
                .list(&p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn oauth_bank_accounts_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p = list_params("oauth.bank_accounts.iter", options)?;
        Ok(Pages::new(self.client.oauth().bank_accounts().iter(&p)))
    }

    pub fn oauth_bank_accounts_get(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg("oauth.bank_accounts.get", "id", &id)?;
            c.oauth()
                .bank_accounts()
                .get(&id)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn oauth_bank_accounts_sub_accounts(
        &self,
        bank_account_id: JsValue,
        options: Option<String>,
    ) -> Promise {
        let c = self.client.clone();
        promise(async move {
            const OP: &str = "oauth.bank_accounts.sub_accounts";
            let id = id_arg(OP, "bankAccountId", &bank_account_id)?;
            let p = list_params(OP, options)?;
            c.oauth()
                .bank_accounts()
                .sub_accounts(&id, &p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn oauth_transactions_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = list_params("oauth.transactions.list", options)?;
            c.oauth()
                .transactions()
                .list(&p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn oauth_transactions_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p = list_params("oauth.transactions.iter", options)?;
        Ok(Pages::new(self.client.oauth().transactions().iter(&p)))
    }

    pub fn oauth_webhooks_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = list_params("oauth.webhooks.list", options)?;
            c.oauth().webhooks().list(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn oauth_webhooks_get(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg("oauth.webhooks.get", "id", &id)?;
            c.oauth().webhooks().get(&id).await.map_err(|e| error(&e))
        })
    }

    pub fn oauth_webhooks_create(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = webhook_params("oauth.webhooks.create", options)?;
            c.oauth().webhooks().create(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn oauth_webhooks_update(&self, id: JsValue, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            const OP: &str = "oauth.webhooks.update";
            let id = id_arg(OP, "id", &id)?;
            let p = webhook_params(OP, options)?;
            c.oauth()
                .webhooks()
                .update(&id, &p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn oauth_webhooks_delete(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        unit(async move {
            let id = id_arg("oauth.webhooks.delete", "id", &id)?;
            c.oauth()
                .webhooks()
                .delete(&id)
                .await
                .map_err(|e| error(&e))
        })
    }
}
