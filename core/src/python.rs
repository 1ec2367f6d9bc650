//! Python conversions for `bindings-python` (feature `python`).
//!
//! The models are `#[pyclass]`es declared on the structs themselves, so every
//! field is a read-only Python attribute without any binding code. This module
//! adds what pyo3 cannot derive: money as `decimal.Decimal`, enums as their
//! wire strings, and `to_dict()` / `repr()` per model. The field lists below
//! destructure each struct exhaustively, so a field added to a model fails to
//! compile here until it is listed (its attribute already works).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::money::Amount;
use crate::paging::Pagination;
use crate::userapi::v1::{V1BankAccount, V1Transaction};
use crate::userapi::v2::{
    SortOrder, Terminal, TransferType, V2BankAccount, V2Transaction, V2VirtualAccount,
};

impl<'py> IntoPyObject<'py> for Amount {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// An exact `decimal.Decimal` with the scale SePay sent (`Decimal('19689000.00')`).
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.as_decimal().into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &Amount {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (*self).into_pyobject(py)
    }
}

/// Enums become their wire strings (`"in"`, `"desc"`).
macro_rules! wire_string {
    ($($t:ty),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::intern(py, self.as_str()))
            }
        }

        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
    )*};
}

wire_string!(TransferType, SortOrder);

/// `to_dict()` and `__repr__` for a model, from its complete field list.
macro_rules! model {
    ($t:ident { $($field:ident),* $(,)? }) => {
        #[pymethods]
        impl $t {
            /// The fields as a `dict`, holding the same values as the attributes.
            #[allow(clippy::wrong_self_convention)]
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let $t { $($field),* } = self;
                let dict = PyDict::new(py);
                $(dict.set_item(pyo3::intern!(py, stringify!($field)), $field)?;)*
                Ok(dict)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                repr(stringify!($t), &self.to_dict(py)?)
            }
        }
    };
}

/// `Name(field=repr(value), ...)`.
fn repr(name: &str, fields: &Bound<'_, PyDict>) -> PyResult<String> {
    let mut parts = Vec::with_capacity(fields.len());
    for (key, value) in fields.iter() {
        parts.push(format!("{key}={}", value.repr()?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

model!(V1Transaction {
    id,
    bank_brand_name,
    account_number,
    transaction_date,
    amount_in,
    amount_out,
    accumulated,
    transaction_content,
    reference_number,
    code,
    sub_account,
    bank_account_id,
});

model!(V1BankAccount {
    id,
    account_holder_name,
    account_number,
    accumulated,
    last_transaction,
    label,
    active,
    created_at,
    bank_short_name,
    bank_full_name,
    bank_bin,
    bank_code,
});

model!(V2Transaction {
    id,
    transaction_date,
    account_number,
    va,
    transfer_type,
    amount_in,
    amount_out,
    accumulated,
    transaction_content,
    reference_number,
    code,
    bank_brand_name,
    bank_account_id,
    va_id,
    webhook_success,
});

model!(V2BankAccount {
    id,
    account_holder_name,
    account_number,
    accumulated,
    last_transaction,
    label,
    account_type,
    active,
    created_at,
    bank_short_name,
    bank_full_name,
    bank_bin,
    bank_code,
});

model!(V2VirtualAccount {
    id,
    va,
    sub_holder_name,
    label,
    active,
    official,
    is_static,
    bank_account_id,
    created_at,
    updated_at,
});

model!(Terminal { id, tid, name });

model!(Pagination {
    total,
    per_page,
    current_page,
    last_page,
    has_more,
});

// ------------------------------------------------------------ receiving money
// Payment gateway orders, inbound notifications and VietQR.

use crate::pg::{PgOrder, PgTransaction};
use crate::qr::{VietQr, VietQrService};
use crate::webhook::{
    BankHubEvent, BankHubEventMetadata, BankHubEventName, BankHubIpn, BankHubTransferType, PgIpn,
    PgIpnOrder, PgIpnTransaction, PgNotificationType, WebhookEvent,
};

/// Enums without `as_str` become their serde wire strings (`"ORDER_PAID"`, `"credit"`).
macro_rules! wire_serde {
    ($($t:ty),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                let value = serde_json::to_value(self)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                Ok(PyString::new(py, value.as_str().unwrap_or_default()))
            }
        }

        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                (*self).into_pyobject(py)
            }
        }
    )*};
}

wire_serde!(PgNotificationType, BankHubTransferType, BankHubEventName);

/// Like `model!` for models holding other models: values are cloned, and
/// nested models (and lists of them) appear in `to_dict()` as dicts.
macro_rules! nested_model {
    ($t:ident { $($field:ident),* $(,)? }) => {
        #[pymethods]
        impl $t {
            /// The fields as a `dict` (nested models as dicts too).
            #[allow(clippy::wrong_self_convention)]
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let $t { $($field),* } = self;
                let dict = PyDict::new(py);
                $(dict.set_item(
                    pyo3::intern!(py, stringify!($field)),
                    plain(pyo3::IntoPyObjectExt::into_bound_py_any($field.clone(), py)?)?,
                )?;)*
                Ok(dict)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let $t { $($field),* } = self;
                let dict = PyDict::new(py);
                $(dict.set_item(pyo3::intern!(py, stringify!($field)), $field.clone())?;)*
                repr(stringify!($t), &dict)
            }
        }
    };
}

/// A nested model as a dict, a list of models as a list of dicts.
fn plain<'py>(value: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(list) = value.cast::<pyo3::types::PyList>() {
        let out = pyo3::types::PyList::empty(value.py());
        for item in list.iter() {
            out.append(plain(item)?)?;
        }
        return Ok(out.into_any());
    }
    if value.hasattr(pyo3::intern!(value.py(), "to_dict"))? {
        return value.call_method0("to_dict");
    }
    Ok(value)
}

impl VietQrService {
    /// `"account"` or `"card"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            VietQrService::Account => "account",
            VietQrService::Card => "card",
        }
    }
}

wire_string!(VietQrService);

nested_model!(PgOrder {
    id,
    customer_id,
    order_id,
    order_invoice_number,
    order_status,
    order_amount,
    order_currency,
    order_description,
    authentication_status,
    created_at,
    updated_at,
    transactions,
});

model!(PgTransaction {
    id,
    payment_method,
    transaction_type,
    transaction_amount,
    transaction_currency,
    transaction_status,
    authentication_status,
    card_number,
    card_holder_name,
    card_brand,
    transaction_date,
});

model!(WebhookEvent {
    id,
    gateway,
    transaction_date,
    account_number,
    code,
    content,
    transfer_type,
    transfer_amount,
    accumulated,
    sub_account,
    reference_code,
    description,
});

nested_model!(PgIpn {
    timestamp,
    notification_type,
    order,
    transaction,
    customer,
});

model!(PgIpnOrder {
    id,
    order_id,
    order_status,
    order_currency,
    order_amount,
    order_invoice_number,
    order_description,
    custom_data,
});

model!(PgIpnTransaction {
    id,
    payment_method,
    transaction_id,
    transaction_type,
    transaction_date,
    transaction_status,
    transaction_amount,
    transaction_currency,
    authentication_status,
    card_number,
    card_holder_name,
    card_expiry,
    card_funding_method,
    card_brand,
});

model!(BankHubIpn {
    gateway,
    transaction_date,
    account_number,
    bank_account_xid,
    va,
    payment_code,
    content,
    transfer_type,
    amount,
    reference_code,
    accumulated,
    transaction_id,
});

nested_model!(BankHubEvent {
    timestamp,
    xid,
    version,
    event,
    metadata,
});

model!(BankHubEventMetadata {
    purpose,
    link_token_xid,
    link_session_xid,
    bank_account_xid,
});

model!(VietQr {
    bank_bin,
    account,
    amount,
    memo,
    service,
});

// ------------------------------------------------------------ accounts & auth
// VA orders, OAuth2 and Bank Hub models, in `python/orders_oauth_bank_hub.rs`.
mod orders_oauth_bank_hub;
