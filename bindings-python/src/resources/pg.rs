//! `client.pg`: the signed checkout form (hand-written: the order's fields
//! are keywords and the form is a class of its own); the order API is
//! generated (`generated.rs`).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use sepay::pg::{CheckoutOperation, CheckoutRequest, PaymentMethod};

use super::Pg;
use crate::convert::amount;
use crate::errors::IntoPyResult;

const CHECKOUT: &str = "pg.checkout";

#[pymethods]
impl Pg {
    /// The signed checkout form for an order (no request is sent; the same on
    /// both clients). `order_amount` is whole dong (`Decimal`, `int` or text);
    /// `operation` is "PURCHASE" or "VERIFY" (amount 0); `payment_method`
    /// "CARD", "BANK_TRANSFER" or "NAPAS_BANK_TRANSFER" (default: all).
    #[pyo3(signature = (*, order_amount, order_invoice_number, order_description,
        operation="PURCHASE", payment_method=None, customer_id=None, success_url=None,
        error_url=None, cancel_url=None, custom_data=None))]
    #[allow(clippy::too_many_arguments)]
    fn checkout(
        &self,
        py: Python<'_>,
        order_amount: &Bound<'_, PyAny>,
        order_invoice_number: String,
        order_description: String,
        operation: &str,
        payment_method: Option<&str>,
        customer_id: Option<String>,
        success_url: Option<String>,
        error_url: Option<String>,
        cancel_url: Option<String>,
        custom_data: Option<String>,
    ) -> PyResult<CheckoutForm> {
        let operation = match operation.to_ascii_uppercase().as_str() {
            "PURCHASE" => CheckoutOperation::Purchase,
            "VERIFY" => CheckoutOperation::Verify,
            _ => {
                let why = format!("must be \"PURCHASE\" or \"VERIFY\", got {operation:?}");
                return Err(sepay::Error::invalid_param(CHECKOUT, "operation", why)).py_err(py);
            }
        };
        let payment_method = match payment_method.map(str::to_ascii_uppercase).as_deref() {
            None => None,
            Some("CARD") => Some(PaymentMethod::Card),
            Some("BANK_TRANSFER") => Some(PaymentMethod::BankTransfer),
            Some("NAPAS_BANK_TRANSFER") => Some(PaymentMethod::NapasBankTransfer),
            Some(other) => {
                let why = format!(
                    "must be \"CARD\", \"BANK_TRANSFER\" or \"NAPAS_BANK_TRANSFER\", got {other:?}"
                );
                return Err(sepay::Error::invalid_param(CHECKOUT, "payment_method", why))
                    .py_err(py);
            }
        };
        let request = CheckoutRequest {
            operation,
            payment_method,
            customer_id,
            success_url,
            error_url,
            cancel_url,
            custom_data,
            ..CheckoutRequest::purchase(
                String::new(),
                amount(order_amount, CHECKOUT, "order_amount")?,
                order_invoice_number,
                order_description,
            )
        };
        let client = self.ctx.shared.client().py_err(py)?;
        let form = client.pg().checkout(&request).py_err(py)?;
        Ok(CheckoutForm(form))
    }
}

/// The form to POST to SePay's hosted checkout: `action` and the `fields` in
/// the order they are signed, `signature` last.
#[pyclass(frozen, module = "sepay_sdk")]
pub struct CheckoutForm(sepay::pg::CheckoutForm);

#[pymethods]
impl CheckoutForm {
    /// The checkout URL (the form's `action`).
    #[getter]
    fn action(&self) -> &str {
        &self.0.action
    }

    /// `[(name, value), ...]` in the order they must be posted.
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self
            .0
            .fields
            .iter()
            .map(|(k, v)| PyTuple::new(py, [k.as_str(), v.as_str()]))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// The base64 HMAC-SHA256 signature (the last field).
    #[getter]
    fn signature(&self) -> &str {
        self.0
            .fields
            .iter()
            .find(|(k, _)| k == "signature")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    /// An HTML `<form>` of hidden inputs in the signed order (values escaped)
    /// and a submit button.
    #[pyo3(signature = (submit_label="Pay"))]
    fn to_html(&self, submit_label: &str) -> String {
        self.0.to_html(submit_label)
    }

    /// The fields as an ordered `dict` (what a form post or `requests` sends).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (k, v) in &self.0.fields {
            dict.set_item(k, v)?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "CheckoutForm(action={:?}, fields=<{} fields>)",
            self.0.action,
            self.0.fields.len()
        )
    }
}
