//! The client and one method per core operation, named after the operation
//! (`v1.transactions.list` → `v1_transactions_list`). `index.js` arranges them
//! as `client.v1.transactions.list(...)` from the core's operation list.

use std::future::Future;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use sepay::userapi::v1::{
    V1BankAccountCountParams, V1BankAccountListParams, V1TransactionCountParams,
    V1TransactionListParams,
};
use sepay::userapi::v2::{
    V2BankAccountListParams, V2TransactionListParams, V2VirtualAccountListParams,
};
use sepay::Client;

use crate::convert::{error, id_arg, option_names as names, params, to_js};
use crate::pages::Pages;

/// Every operation of the core, by name (`v2.transactions.iter`, ...).
#[wasm_bindgen]
pub fn operations() -> Vec<String> {
    sepay::operations::OPERATIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// The camelCase option names the core accepts for an operation that takes an
/// options object (empty for the others). Used by the package's type checks.
#[wasm_bindgen(js_name = optionNames)]
pub fn option_names(operation: &str) -> Vec<String> {
    match operation {
        "v1.transactions.list" | "v1.transactions.iter" => names::<V1TransactionListParams>(),
        "v1.transactions.count" => names::<V1TransactionCountParams>(),
        "v1.bank_accounts.list" | "v1.bank_accounts.iter" => names::<V1BankAccountListParams>(),
        "v1.bank_accounts.count" => names::<V1BankAccountCountParams>(),
        "v2.transactions.list" | "v2.transactions.iter" => names::<V2TransactionListParams>(),
        "v2.bank_accounts.list" | "v2.bank_accounts.iter" => names::<V2BankAccountListParams>(),
        "v2.virtual_accounts.list" | "v2.virtual_accounts.iter" => {
            names::<V2VirtualAccountListParams>()
        }
        "pg.checkout" => names::<crate::pg::CheckoutOptions>(),
        "pg.orders.list" | "pg.orders.iter" => names::<crate::pg::OrderListOptions>(),
        "qr.payload" | "qr.image_url" => crate::qr::option_names(operation),
        _ => crate::calls::account_option_names(operation),
    }
}

/// Runs a core call as a Promise resolving to its JSON-shaped result.
pub(crate) fn promise<T, F>(call: F) -> Promise
where
    T: Serialize,
    F: Future<Output = Result<T, JsValue>> + 'static,
{
    future_to_promise(async move { to_js(&call.await?) })
}

/// A SePay client. Cheap to share; every call goes through one rate limiter.
#[wasm_bindgen]
pub struct WasmClient {
    pub(crate) client: Client,
}

#[wasm_bindgen]
impl WasmClient {
    /// Builds a client from the JSON text of `new Client(...)`'s options and
    /// the OAuth2 token store (`{ load(), save(tokens) }`, or `undefined`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str, token_store: JsValue) -> Result<WasmClient, JsValue> {
        let client = crate::config::build(options, token_store).map_err(|e| error(&e))?;
        Ok(WasmClient { client })
    }

    pub fn v1_transactions_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p: V1TransactionListParams = params("v1.transactions.list", options)?;
            c.v1().transactions().list(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn v1_transactions_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p: V1TransactionListParams = params("v1.transactions.iter", options)?;
        Ok(Pages::new(self.client.v1().transactions().iter(&p)))
    }

    pub fn v1_transactions_get(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg("v1.transactions.get", "id", &id)?;
            c.v1().transactions().get(&id).await.map_err(|e| error(&e))
        })
    }

    pub fn v1_transactions_count(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p: V1TransactionCountParams = params("v1.transactions.count", options)?;
            c.v1().transactions().count(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn v1_bank_accounts_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p: V1BankAccountListParams = params("v1.bank_accounts.list", options)?;
            c.v1().bank_accounts().list(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn v1_bank_accounts_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p: V1BankAccountListParams = params("v1.bank_accounts.iter", options)?;
        Ok(Pages::new(self.client.v1().bank_accounts().iter(&p)))
    }

    pub fn v1_bank_accounts_get(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg("v1.bank_accounts.get", "id", &id)?;
            c.v1().bank_accounts().get(&id).await.map_err(|e| error(&e))
        })
    }

    pub fn v1_bank_accounts_count(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p: V1BankAccountCountParams = params("v1.bank_accounts.count", options)?;
            c.v1()
                .bank_accounts()
                .count(&p)
                .await
                .map_err(|e| error(&e))
        })
    }

    pub fn v2_transactions_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p: V2TransactionListParams = params("v2.transactions.list", options)?;
            c.v2().transactions().list(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn v2_transactions_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p: V2TransactionListParams = params("v2.transactions.iter", options)?;
        Ok(Pages::new(self.client.v2().transactions().iter(&p)))
    }

    pub fn v2_transactions_get(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg("v2.transactions.get", "id", &id)?;
            c.v2().transactions().get(&id).await.map_err(|e| error(&e))
        })
    }

    pub fn v2_bank_accounts_list(&self, options: Option<String>) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let p: V2BankAccountListParams = params("v2.bank_accounts.list", options)?;
            c.v2().bank_accounts().list(&p).await.map_err(|e| error(&e))
        })
    }

    pub fn v2_bank_accounts_iter(&self, options: Option<String>) -> Result<Pages, JsValue> {
        let p: V2BankAccountListParams = params("v2.bank_accounts.iter", options)?;
        Ok(Pages::new(self.client.v2().bank_accounts().iter(&p)))
    }

    pub fn v2_bank_accounts_get(&self, id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let id = id_arg("v2.bank_accounts.get", "id", &id)?;
            c.v2().bank_accounts().get(&id).await.map_err(|e| error(&e))
        })
    }

    pub fn v2_virtual_accounts_list(
        &self,
        bank_account_id: JsValue,
        options: Option<String>,
    ) -> Promise {
        let c = self.client.clone();
        promise(async move {
            const OP: &str = "v2.virtual_accounts.list";
            let account = id_arg(OP, "bankAccountId", &bank_account_id)?;
            let p: V2VirtualAccountListParams = params(OP, options)?;
            let vas = c.v2().virtual_accounts();
            vas.list(&account, &p).await.map_err(|e| error(&e))
        })
    }

    pub fn v2_virtual_accounts_iter(
        &self,
        bank_account_id: JsValue,
        options: Option<String>,
    ) -> Result<Pages, JsValue> {
        const OP: &str = "v2.virtual_accounts.iter";
        let account = id_arg(OP, "bankAccountId", &bank_account_id)?;
        let p: V2VirtualAccountListParams = params(OP, options)?;
        Ok(Pages::new(
            self.client.v2().virtual_accounts().iter(&account, &p),
        ))
    }

    pub fn v2_virtual_accounts_get(&self, bank_account_id: JsValue, va_id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            const OP: &str = "v2.virtual_accounts.get";
            let account = id_arg(OP, "bankAccountId", &bank_account_id)?;
            let va = id_arg(OP, "vaId", &va_id)?;
            let vas = c.v2().virtual_accounts();
            vas.get(&account, &va).await.map_err(|e| error(&e))
        })
    }

    pub fn v2_terminals_list(&self, bank_account_id: JsValue) -> Promise {
        let c = self.client.clone();
        promise(async move {
            let account = id_arg("v2.terminals.list", "bankAccountId", &bank_account_id)?;
            c.v2()
                .terminals()
                .list(&account)
                .await
                .map_err(|e| error(&e))
        })
    }
}
