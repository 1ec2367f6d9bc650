//! Core values as Python objects: money as `decimal.Decimal`, times as aware
//! `datetime`s, enums as their wire strings or `sepay_sdk._enums` members,
//! secrets masked, models as the classes of `models.rs`. The model classes
//! themselves are generated; this file holds the conversions they use.

use std::borrow::Cow;

use chrono::{Datelike, Timelike};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDateTime, PyList, PyNone, PyString, PyType, PyTzInfo};
use sepay::bank_hub::LinkPurpose;
use sepay::money::Amount;
use sepay::oauth::{WebhookAuthType, WebhookEventType};
use sepay::qr::VietQrService;
use sepay::secret::SecretString;
use sepay::time::DateTime;
use sepay::userapi::orders::{VaOrderStatus, VaStatus};
use sepay::userapi::v2::{SortOrder, TransferType};
use sepay::webhook::{BankHubEventName, BankHubTransferType, PgNotificationType};

/// A value read by reference: a model's attribute.
pub trait ToPy {
    /// The Python object for this value.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// A value as plain Python data: models become `dict`s (`to_dict()`).
pub trait ToPlain {
    /// The plain Python object for this value.
    fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// A value handed over to Python (a call's result): models move into their
/// class without a copy.
pub trait IntoPy {
    /// The Python object owning this value.
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
}

/// A leaf value: the same object whether read, made plain or handed over.
macro_rules! leaf {
    ($($t:ty),* $(,)?) => {$(
        impl ToPlain for $t {
            fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.to_py(py)
            }
        }

        impl IntoPy for $t {
            fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
                self.to_py(py)
            }
        }
    )*};
}

/// Values pyo3 converts as they are.
macro_rules! native {
    ($($t:ty),* $(,)?) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.into_pyobject(py)?.to_owned().into_any())
            }
        }
        leaf!($t);
    )*};
}

native!(String, bool, u32, u64, i64);

impl ToPy for Amount {
    /// An exact `decimal.Decimal` with the scale SePay sent (`Decimal('19689000.00')`).
    /// The class is looked up once and the text written without `format!`
    /// (a page-sum reads 5,000 of these).
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        DECIMAL
            .import(py, "decimal", "Decimal")?
            .call1((&*self.text(),))
    }
}

impl ToPy for DateTime {
    /// An aware `datetime`; SePay's `+07:00` `tzinfo` is made once and shared.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        static VIETNAM: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let offset = *self.offset();
        let tz = if offset.local_minus_utc() == 7 * 3600 {
            VIETNAM
                .get_or_try_init(py, || {
                    offset.into_pyobject(py).map(|tz| tz.into_any().unbind())
                })?
                .bind(py)
                .clone()
        } else {
            offset.into_pyobject(py)?.into_any()
        };
        let local = self.naive_local();
        let tz = tz.cast_into::<PyTzInfo>()?;
        Ok(PyDateTime::new(
            py,
            local.year(),
            local.month() as u8,
            local.day() as u8,
            local.hour() as u8,
            local.minute() as u8,
            local.second() as u8,
            local.nanosecond().min(999_999_999) / 1000,
            Some(&tz),
        )?
        .into_any())
    }
}
leaf!(DateTime);

impl ToPy for SecretString {
    /// A secret read back from SePay appears only masked (`"****"` or `"****abcd"`).
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, &self.masked()).into_any())
    }
}

impl ToPy for serde_json::Value {
    /// A value SePay sends untyped (ids that are numbers or text): its text.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = match self {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(PyString::new(py, &text).into_any())
    }
}

leaf!(Amount, SecretString, serde_json::Value);

/// Enums given as their wire strings (`"in"`, `"ORDER_PAID"`): read from the
/// core's `as_str()` where it has one (a transaction's `transfer_type` is read
/// on every row), else from serde.
macro_rules! wire_string {
    ($($t:ty => $text:expr),* $(,)?) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let text: fn(&$t) -> PyResult<Cow<'static, str>> = $text;
                Ok(PyString::intern(py, &text(self)?).into_any())
            }
        }
        leaf!($t);
    )*};
}

wire_string!(
    TransferType => |v| Ok(Cow::Borrowed(v.as_str())),
    SortOrder => |v| Ok(Cow::Borrowed(v.as_str())),
    VietQrService => |v| wire(v).map(Cow::Owned),
    PgNotificationType => |v| wire(v).map(Cow::Owned),
    BankHubTransferType => |v| wire(v).map(Cow::Owned),
    BankHubEventName => |v| wire(v).map(Cow::Owned),
);

/// Enums given as members of the `str` enums in `sepay_sdk._enums`, built
/// from their wire strings (`VaOrderStatus.PAID == "Paid"`).
macro_rules! py_enum {
    ($($t:ty => $class:literal),* $(,)?) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
                CLASS.import(py, "sepay_sdk._enums", $class)?.call1((wire(self)?,))
            }
        }
        leaf!($t);
    )*};
}

py_enum!(
    VaOrderStatus => "VaOrderStatus",
    VaStatus => "VaStatus",
    WebhookEventType => "WebhookEventType",
    WebhookAuthType => "WebhookAuthType",
    LinkPurpose => "LinkPurpose",
);

/// The string serde writes for an enum value.
fn wire<T: serde::Serialize>(value: &T) -> PyResult<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        Ok(other) => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "expected an enum's wire string, got {other}"
        ))),
        Err(e) => Err(pyo3::exceptions::PyValueError::new_err(e.to_string())),
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_py(py),
            None => Ok(PyNone::get(py).to_owned().into_any()),
        }
    }
}

impl<T: ToPlain> ToPlain for Option<T> {
    fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_plain(py),
            None => Ok(PyNone::get(py).to_owned().into_any()),
        }
    }
}

impl<T: IntoPy> IntoPy for Option<T> {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        match self {
            Some(value) => value.into_py(py),
            None => Ok(PyNone::get(py).to_owned().into_any()),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|v| v.to_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

impl<T: ToPlain> ToPlain for Vec<T> {
    fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|v| v.to_plain(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

impl<T: IntoPy> IntoPy for Vec<T> {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let items = self
            .into_iter()
            .map(|v| v.into_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

impl IntoPy for () {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyNone::get(py).to_owned().into_any())
    }
}

/// A core value on its way through pyo3 (an awaitable's result): converted
/// by [`IntoPy`].
pub struct Out<T>(pub T);

impl<'py, T: IntoPy> IntoPyObject<'py> for Out<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.into_py(py)
    }
}

/// `Name(field=repr(value), ...)`.
pub fn repr(name: &str, fields: &[(&str, Bound<'_, PyAny>)]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(fields.len());
    for (key, value) in fields {
        parts.push(format!("{key}={}", value.repr()?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

/// The Python class of a core model, with attributes, `to_dict()`, `repr()`
/// and `==` from its field list (generated in `models.rs` from the struct).
macro_rules! py_model {
    (
        $(#[doc = $doc:literal])*
        $class:ident = $core:path { $($(#[doc = $field_doc:literal])* $field:ident),* $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[pyclass(frozen, eq, module = "sepay_sdk")]
        #[derive(PartialEq)]
        pub struct $class(pub $core);

        #[pymethods]
        impl $class {
            $(
                $(#[doc = $field_doc])*
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    $crate::values::ToPy::to_py(&self.0.$field, py)
                }
            )*

            /// The fields as a `dict` (nested models as dicts too).
            #[allow(clippy::wrong_self_convention)]
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                $crate::values::ToPlain::to_plain(&self.0, py)?
                    .cast_into::<PyDict>()
                    .map_err(Into::into)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                $crate::values::repr(stringify!($class), &[$(
                    (stringify!($field), $crate::values::ToPy::to_py(&self.0.$field, py)?),
                )*])
            }
        }

        impl $crate::values::ToPy for $core {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::values::IntoPy::into_py(self.clone(), py)
            }
        }

        impl $crate::values::IntoPy for $core {
            fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
                Ok(Bound::new(py, $class(self))?.into_any())
            }
        }

        impl $crate::values::ToPlain for $core {
            fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let dict = PyDict::new(py);
                $(dict.set_item(
                    pyo3::intern!(py, stringify!($field)),
                    $crate::values::ToPlain::to_plain(&self.$field, py)?,
                )?;)*
                Ok(dict.into_any())
            }
        }
    };
}

pub(crate) use py_model;
