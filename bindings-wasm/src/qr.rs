//! VietQR: the EMVCo payload (built and decoded by the core) and the
//! QR image URL (built by the core). Arguments arrive as JSON objects with camelCase keys.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use sepay::qr::VietQr;
use sepay::Amount;

use crate::convert::{error, params, to_js};

/// Arguments of `vietqrImageUrl(...)`.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ImageUrlOptions {
    account: String,
    bank: String,
    amount: Option<Amount>,
    memo: Option<String>,
    template: Option<String>,
}

/// The EMVCo payload text for a VietQR code (JSON of `VietQr`).
#[wasm_bindgen(js_name = vietqrPayload)]
pub fn vietqr_payload(qr: Option<String>) -> Result<String, JsValue> {
    let qr: VietQr = params("qr.payload", qr)?;
    qr.payload().map_err(|e| error(&e))
}

/// Reads a VietQR payload back (its CRC checked).
#[wasm_bindgen(js_name = vietqrDecode)]
pub fn vietqr_decode(payload: &str) -> Result<JsValue, JsValue> {
    let qr = VietQr::decode(payload).map_err(|e| error(&e))?;
    to_js(&qr)
}

/// SePay's QR image URL (JSON of the options), built by the core.
#[wasm_bindgen(js_name = vietqrImageUrl)]
pub fn vietqr_image_url(options: Option<String>) -> Result<String, JsValue> {
    let o: ImageUrlOptions = params("qr.image_url", options)?;
    sepay::qr::image_url(
        &o.account,
        &o.bank,
        o.amount,
        o.memo.as_deref(),
        o.template.as_deref(),
    )
    .map_err(|e| error(&e))
}

/// The camelCase option names of a client-less function taking an object.
pub fn option_names(function: &str) -> Vec<String> {
    use crate::convert::option_names as names;
    match function {
        "qr.payload" => names::<VietQr>(),
        "qr.image_url" => names::<ImageUrlOptions>(),
        _ => Vec::new(),
    }
}
