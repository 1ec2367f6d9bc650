//! Bank Hub: `client.bankHub` — link tokens, companies, linked bank accounts,
//! their transactions, the merchant configuration and webhook.

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use sepay::bank_hub::{BankHubListParams, CompanyEdit, LinkPurpose};
use sepay::SecretString;

use crate::client::{promise, WasmClient};
use crate::convert::{error, id_arg, params};
use crate::pages::Pages;

/// Filters and paging of Bank Hub lists (the core's `BankHubListParams`).
#[derive(Deserialize)]
pub struct BankHubListOptions {
    q: Option<String>,
    company_xid: Option<String>,
    bank_account_xid: Option<String>,
    status: Option<String>,
    start_transaction_date: Option<String>,
    end_transaction_date: Option<String>,
    transfer_type: Option<String>,
    page: Option<u32>,
    per_page: Option<u32>,
}

impl From<BankHubListOptions> for BankHubListParams {
    fn from(o: BankHubListOptions) -> Self {
        BankHubListParams {
            q: o.q,
            company_xid: o.company_xid,
            bank_account_xid: o.bank_account_xid,
            status: o.status,
            start_transaction_date: o.start_transaction_date,
            end_transaction_date: o.end_transaction_date,
            transfer_type: o.transfer_type,
            page: o.page,
            per_page: o.per_page,
        }
    }
}

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

fn list_params(op: &str, options: Option<String>) -> Result<BankHubListParams, JsValue> {
    params::<BankHubListOptions>(op, options).map(Into::into)
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

    pub fn bank_hub_link_tokens_get(&self, link_token: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let token = id_arg("bank_hub.link_tokens.get", "linkToken", &link_token)?;
            c.bank_hub()
                .link_tokens()
                .get(&token)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_link_tokens_revoke(&self, link_token_xid: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let xid = id_arg(
                "bank_hub.link_tokens.revoke",
                "linkTokenXid",
                &link_token_xid,
            )?;
            c.bank_hub()
                .link_tokens()
                .revoke(&xid)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_companies_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = list_params("bank_hub.companies.list", options)?;
            c.bank_hub()
                .companies()
                .list(&p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_companies_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p = list_params("bank_hub.companies.iter", options)?;
        Ok(Pages::new(self.client.bank_hub().companies().iter(&p)))
    }

    pub fn bank_hub_companies_get(&self, company_xid: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let xid = id_arg("bank_hub.companies.get", "companyXid", &company_xid)?;
            c.bank_hub()
                .companies()
                .get(&xid)
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

    /// `fields`: the company fields to change.
    pub fn bank_hub_companies_edit(&self, company_xid: JsValue, fields: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            const OP: &str = "bank_hub.companies.edit";
            let xid = id_arg(OP, "companyXid", &company_xid)?;
            let fields: CompanyEdit = params(OP, fields)?;
            let hub = c.bank_hub();
            hub.companies()
                .edit(&xid, &fields)
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

    pub fn bank_hub_bank_accounts_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = list_params("bank_hub.bank_accounts.list", options)?;
            c.bank_hub()
                .bank_accounts()
                .list(&p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_bank_accounts_get(&self, xid: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let xid = id_arg("bank_hub.bank_accounts.get", "xid", &xid)?;
            c.bank_hub()
                .bank_accounts()
                .get(&xid)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_transactions_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p = list_params("bank_hub.transactions.list", options)?;
            c.bank_hub()
                .transactions()
                .list(&p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_transactions_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p = list_params("bank_hub.transactions.iter", options)?;
        Ok(Pages::new(self.client.bank_hub().transactions().iter(&p)))
    }

    pub fn bank_hub_transactions_get(&self, transaction_id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg(
                "bank_hub.transactions.get",
                "transactionId",
                &transaction_id,
            )?;
            c.bank_hub()
                .transactions()
                .get(&id)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn bank_hub_merchant_config_get(&self) -> Promise {
        let c = self.client.clone();
        promise(async move {
            c.bank_hub()
                .merchant_config()
                .get()
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

    pub fn bank_hub_webhook_get(&self) -> Promise {
        let c = self.client.clone();
        promise(async move { c.bank_hub().webhook().get().await.map_err(|e| error(&e)) })
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
