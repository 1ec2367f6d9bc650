//! VietQR: the EMVCo payload (built and decoded by the core) and the image URL.

use sepay::qr::VietQr;
use sepay::Amount;

use crate::error::SePayError;

/// The EMVCo payload text to encode in a QR symbol for `qr`.
#[uniffi::export]
pub fn vietqr_payload(qr: VietQr) -> Result<String, SePayError> {
    Ok(qr.payload()?)
}

/// Reads a VietQR payload back (checks its CRC).
#[uniffi::export]
pub fn vietqr_decode(payload: String) -> Result<VietQr, SePayError> {
    Ok(VietQr::decode(&payload)?)
}

/// The QR image URL for a transfer to `account` at `bank` (a bank name from
/// SePay's list, e.g. `Vietcombank`); `template` is `compact` or `qronly`.
#[uniffi::export(default(amount = None, memo = None, template = None))]
pub fn vietqr_image_url(
    account: String,
    bank: String,
    amount: Option<Amount>,
    memo: Option<String>,
    template: Option<String>,
) -> Result<String, SePayError> {
    Ok(sepay::qr::image_url(
        &account,
        &bank,
        amount,
        memo.as_deref(),
        template.as_deref(),
    )?)
}
