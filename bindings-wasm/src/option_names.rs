//! `optionNames(operation)`: the camelCase option names the core accepts for an
//! operation that takes an options object (empty for the others). Used by the
//! package's type checks against `index.d.ts`.

use wasm_bindgen::prelude::*;

use crate::bank_hub as hub;
use crate::convert::option_names as names;

/// The camelCase option names of `operation`'s options object.
#[wasm_bindgen(js_name = optionNames)]
pub fn option_names(operation: &str) -> Vec<String> {
    if let Some(names) = crate::generated::generated_option_names(operation) {
        return names;
    }
    match operation {
        "v1.orders.list" | "v2.orders.list" => names::<sepay::userapi::orders::OrderPage>(),
        "v1.orders.create" | "v1.orders.add_va" | "v2.orders.create" | "v2.orders.add_va" => {
            // `bank`, then the core's parameters (flattened into the options).
            let mut all = vec!["bank".to_string()];
            all.extend(names::<sepay::userapi::orders::VaOrderCreateParams>());
            all
        }
        "bank_hub.link_tokens.create" => names::<hub::LinkTokenCreateOptions>(),
        "bank_hub.companies.create" => names::<hub::CompanyCreateOptions>(),
        "bank_hub.companies.counter" => names::<hub::CompanyCounterOptions>(),
        "bank_hub.merchant_config.update" => names::<hub::MerchantConfigOptions>(),
        "bank_hub.webhook.set" => names::<hub::WebhookSetOptions>(),
        "pg.checkout" => names::<sepay::pg::CheckoutRequest>(),
        "qr.payload" | "qr.image_url" => crate::qr::option_names(operation),
        _ => Vec::new(),
    }
}
