//! Bank Hub: the hand-written methods of `client.bankHub`, which take one
//! options object where the table has several inputs (link token and company
//! creation, the company counter, merchant configuration, webhook settings);
//! the rest is generated (`generated.rs`).

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use sepay::bank_hub::LinkPurpose;
use sepay::SecretString;

use crate::calls::promise;
use crate::client::WasmClient;
use crate::convert::{error, id_arg, params};

/// `linkTokens.create(...)`.
#[derive(Deserialize)]
pub struct LinkTokenCreateOptions {
    company_xid: String,
    purpose: LinkPurpose,
    completion_redirect_uri: Option<String>,
    bank_account_xid: Option<String>,
}

/// `companies.create(...)`.
#[derive(Deserialize)]
pub struct CompanyCreateOptions {
    full_name: String,
    status: String,
}

/// `companies.counter(xid, ...)`.
#[derive(Deserialize)]
pub struct CompanyCounterOptions {
    date: Option<String>,
}

/// `merchantConfig.update(...)`.
#[derive(Deserialize)]
pub struct MerchantConfigOptions {
    transaction_whitelist_remark_keywords: Vec<String>,
}

/// `webhook.set(...)`.
#[derive(Deserialize)]
pub struct WebhookSetOptions {
    webhook_url: String,
    secret_key: SecretString,
    allow_events: Option<Vec<String>>,
    active: Option<bool>,
}

#[wasm_bindgen]
impl WasmClient {
    pub fn bank_hub_link_tokens_create(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let o: LinkTokenCreateOptions = params("bank_hub.link_tokens.create", options)?;
            c.bank_hub()
                .link_tokens()
                .create(
                    &o.company_xid,
                    o.purpose,
                    o.completion_redirect_uri.as_deref(),
                    o.bank_account_xid.as_deref(),
                )
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_companies_create(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let o: CompanyCreateOptions = params("bank_hub.companies.create", options)?;
            let hub = c.bank_hub();
            hub.companies()
                .create(&o.full_name, &o.status)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_companies_counter(
        &self,
        company_xid: JsValue,
        options: Option<String>,
    ) -> Promise {
        let c = self.client.clone();
        promise(async move {
            const OP: &str = "bank_hub.companies.counter";
            let xid = id_arg(OP, "companyXid", &company_xid)?;
            let o: CompanyCounterOptions = params(OP, options)?;
            let hub = c.bank_hub();
            hub.companies()
                .counter(&xid, o.date.as_deref())
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_merchant_config_update(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let o: MerchantConfigOptions = params("bank_hub.merchant_config.update", options)?;
            let hub = c.bank_hub();
            let keywords = o.transaction_whitelist_remark_keywords;
            hub.merchant_config()
                .update(&keywords)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_webhook_set(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let o: WebhookSetOptions = params("bank_hub.webhook.set", options)?;
            let events = o.allow_events.unwrap_or_else(|| vec!["*".to_string()]);
            let hub = c.bank_hub();
            hub.webhook()
                .set(
                    &o.webhook_url,
                    &o.secret_key,
                    &events,
                    o.active.unwrap_or(true),
                )
                .await
                .map_err(|e| error(&e))
        })
    }
}
