//! VA orders on v1 (BIDV) and v2: `client.v1.orders` / `client.v2.orders`.
//! The bank's rules are the core's (checked before sending).

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use sepay::userapi::orders::{OrderBank, OrderPage, Orders, VaOrderCreateParams};
use sepay::Client;

use crate::calls::{missing, promise, unit};
use crate::client::WasmClient;
use crate::convert::{error, id_arg, params};

/// The bank behind the account, as v2 names it (`bankShortName`).
#[derive(Deserialize)]
enum BankName {
    #[serde(rename = "BIDV")]
    Bidv,
    Vietcombank,
    Sacombank,
}

/// Options of `create` / `addVa`: `bank` next to the core's `VaOrderCreateParams`.
pub struct OrderCreateOptions {
    bank: Option<BankName>,
    params: VaOrderCreateParams,
}

impl OrderCreateOptions {
    /// Reads `bank` out of the options object and the rest as the core's
    /// parameters (which name any unknown key in their error).
    fn parse(op: &str, options: Option<String>) -> Result<Self, JsValue> {
        let parsed = options
            .as_deref()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok());
        let Some(serde_json::Value::Object(mut fields)) = parsed else {
            return Ok(OrderCreateOptions {
                bank: None,
                params: params(op, options)?,
            });
        };
        let bank = match fields.remove("bank") {
            None | Some(serde_json::Value::Null) => None,
            Some(value) => Some(serde_json::from_value(value).map_err(|_| {
                let allowed = "must be \"BIDV\", \"Vietcombank\" or \"Sacombank\"";
                crate::calls::invalid(op, "bank", allowed.to_string())
            })?),
        };
        let rest = serde_json::Value::Object(fields).to_string();
        Ok(OrderCreateOptions {
            bank,
            params: params(op, Some(rest))?,
        })
    }

    /// The bank (v1 is always BIDV) and the core's parameters.
    fn split(self, v2: bool, op: &str) -> Result<(OrderBank, VaOrderCreateParams), JsValue> {
        let bank = match (self.bank, v2) {
            (Some(BankName::Bidv), _) | (None, false) => OrderBank::Bidv,
            (Some(BankName::Vietcombank), _) => OrderBank::Vietcombank,
            (Some(BankName::Sacombank), _) => OrderBank::Sacombank,
            (None, true) => {
                return Err(missing(
                    op,
                    "bank",
                    " (\"BIDV\", \"Vietcombank\" or \"Sacombank\")",
                ))
            }
        };
        Ok((bank, self.params))
    }
}

fn api(client: &Client, v2: bool) -> Orders<'_> {
    if v2 {
        client.v2().orders()
    } else {
        client.v1().orders()
    }
}

fn name(v2: bool, action: &str) -> String {
    format!("{}.orders.{action}", if v2 { "v2" } else { "v1" })
}

fn list(c: Client, v2: bool, account: JsValue, options: Option<String>) -> Promise {
    promise(async move {
        let op = name(v2, "list");
        let account = id_arg(&op, "bankAccountId", &account)?;
        let o: OrderPage = params(&op, options)?;
        let orders = api(&c, v2);
        orders
            .list(&account, o.page, o.per_page)
            .await
            .map_err(|e| error(&e))
    })
}

fn create(c: Client, v2: bool, account: JsValue, options: Option<String>) -> Promise {
    promise(async move {
        let op = name(v2, "create");
        let account = id_arg(&op, "bankAccountId", &account)?;
        let o = OrderCreateOptions::parse(&op, options)?;
        let (bank, p) = o.split(v2, &op)?;
        api(&c, v2)
            .create(&account, bank, &p)
            .await
            .map_err(|e| error(&e))
    })
}

fn get(c: Client, v2: bool, account: JsValue, order: JsValue) -> Promise {
    promise(async move {
        let op = name(v2, "get");
        let account = id_arg(&op, "bankAccountId", &account)?;
        let order = id_arg(&op, "orderId", &order)?;
        api(&c, v2)
            .get(&account, &order)
            .await
            .map_err(|e| error(&e))
    })
}

fn cancel(c: Client, v2: bool, account: JsValue, order: JsValue) -> Promise {
    unit(async move {
        let op = name(v2, "cancel");
        let account = id_arg(&op, "bankAccountId", &account)?;
        let order = id_arg(&op, "orderId", &order)?;
        api(&c, v2)
            .cancel(&account, &order)
            .await
            .map_err(|e| error(&e))
    })
}

fn add_va(
    c: Client,
    v2: bool,
    account: JsValue,
    order: JsValue,
    options: Option<String>,
) -> Promise {
    promise(async move {
        let op = name(v2, "add_va");
        let account = id_arg(&op, "bankAccountId", &account)?;
        let order = id_arg(&op, "orderId", &order)?;
        let o = OrderCreateOptions::parse(&op, options)?;
        let (bank, p) = o.split(v2, &op)?;
        let orders = api(&c, v2);
        orders
            .add_va(&account, &order, bank, &p)
            .await
            .map_err(|e| error(&e))
    })
}

fn cancel_va(c: Client, v2: bool, account: JsValue, order: JsValue, va: JsValue) -> Promise {
    unit(async move {
        let op = name(v2, "cancel_va");
        let account = id_arg(&op, "bankAccountId", &account)?;
        let order = id_arg(&op, "orderId", &order)?;
        let va = id_arg(&op, "vaNumber", &va)?;
        let orders = api(&c, v2);
        orders
            .cancel_va(&account, &order, &va)
            .await
            .map_err(|e| error(&e))
    })
}

#[wasm_bindgen]
impl WasmClient {
    pub fn v1_orders_list(&self, bank_account_id: JsValue, options: Option<String>) -> Promise {
        list(self.client.clone(), false, bank_account_id, options)
    }

    pub fn v1_orders_create(&self, bank_account_id: JsValue, options: Option<String>) -> Promise {
        create(self.client.clone(), false, bank_account_id, options)
    }

    pub fn v1_orders_get(&self, bank_account_id: JsValue, order_id: JsValue) -> Promise {
        get(self.client.clone(), false, bank_account_id, order_id)
    }

    pub fn v1_orders_cancel(&self, bank_account_id: JsValue, order_id: JsValue) -> Promise {
        cancel(self.client.clone(), false, bank_account_id, order_id)
    }

    pub fn v1_orders_add_va(
        &self,
        bank_account_id: JsValue,
        order_id: JsValue,
        options: Option<String>,
    ) -> Promise {
        add_va(
            self.client.clone(),
            false,
            bank_account_id,
            order_id,
            options,
        )
    }

    pub fn v1_orders_cancel_va(
        &self,
        bank_account_id: JsValue,
        order_id: JsValue,
        va_number: JsValue,
    ) -> Promise {
        cancel_va(
            self.client.clone(),
            false,
            bank_account_id,
            order_id,
            va_number,
        )
    }

    pub fn v2_orders_list(&self, bank_account_id: JsValue, options: Option<String>) -> Promise {
        list(self.client.clone(), true, bank_account_id, options)
    }

    pub fn v2_orders_create(&self, bank_account_id: JsValue, options: Option<String>) -> Promise {
        create(self.client.clone(), true, bank_account_id, options)
    }

    pub fn v2_orders_get(&self, bank_account_id: JsValue, order_id: JsValue) -> Promise {
        get(self.client.clone(), true, bank_account_id, order_id)
    }

    pub fn v2_orders_cancel(&self, bank_account_id: JsValue, order_id: JsValue) -> Promise {
        cancel(self.client.clone(), true, bank_account_id, order_id)
    }

    pub fn v2_orders_add_va(
        &self,
        bank_account_id: JsValue,
        order_id: JsValue,
        options: Option<String>,
    ) -> Promise {
        add_va(
            self.client.clone(),
            true,
            bank_account_id,
            order_id,
            options,
        )
    }

    pub fn v2_orders_cancel_va(
        &self,
        bank_account_id: JsValue,
        order_id: JsValue,
        va_number: JsValue,
    ) -> Promise {
        cancel_va(
            self.client.clone(),
            true,
            bank_account_id,
            order_id,
            va_number,
        )
    }
}
