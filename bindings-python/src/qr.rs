//! VietQR (`sepay_sdk.vietqr`): the EMVCo payload of a bank-transfer QR, its
//! decoding, and SePay's QR image URL. All the rules and URLs are the core's.

use pyo3::prelude::*;
use sepay::qr::{self, VietQr, VietQrService};

use crate::convert::amount;
use crate::errors::IntoPyResult;

/// The VietQR payload text for a transfer to `account` at the bank with the
/// 6-digit NAPAS `bank_bin`; `amount` in whole dong (none: the payer types
/// it), `memo` printable ASCII, `service` "account" or "card".
#[pyfunction]
#[pyo3(signature = (bank_bin, account, *, amount=None, memo=None, service="account"))]
pub fn vietqr_payload(
    py: Python<'_>,
    bank_bin: String,
    account: String,
    amount: Option<&Bound<'_, PyAny>>,
    memo: Option<String>,
    service: &str,
) -> PyResult<String> {
    let service = match service {
        "account" => VietQrService::Account,
        "card" => VietQrService::Card,
        other => {
            let why = format!("must be \"account\" or \"card\", got {other:?}");
            return Err(sepay::Error::invalid_param("qr.payload", "service", why)).py_err(py);
        }
    };
    let amount = amount
        .map(|a| self::amount(a, "qr.payload", "amount"))
        .transpose()?;
    let qr = VietQr {
        amount,
        memo,
        service,
        ..VietQr::new(bank_bin, account)
    };
    qr.payload().py_err(py)
}

/// Reads a VietQR payload back (CRC and structure checked) into a `VietQR`;
/// a bad payload raises `DecodeError`.
#[pyfunction]
pub fn vietqr_decode<'py>(py: Python<'py>, payload: &str) -> PyResult<Bound<'py, PyAny>> {
    crate::values::IntoPy::into_py(VietQr::decode(payload).py_err(py)?, py)
}

/// The image URL of a QR code (built by the core): `bank` is a bank name
/// from SePay's list (e.g. "Vietcombank"); `template` "compact" or "qronly".
#[pyfunction]
#[pyo3(signature = (account, bank, *, amount=None, memo=None, template=None))]
pub fn vietqr_image_url(
    py: Python<'_>,
    account: &str,
    bank: &str,
    amount: Option<&Bound<'_, PyAny>>,
    memo: Option<&str>,
    template: Option<&str>,
) -> PyResult<String> {
    let amount = amount
        .map(|a| self::amount(a, "qr.image_url", "amount"))
        .transpose()?;
    qr::image_url(account, bank, amount, memo, template).py_err(py)
}
