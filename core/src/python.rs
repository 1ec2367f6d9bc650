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
use crate::page::Pagination;
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
