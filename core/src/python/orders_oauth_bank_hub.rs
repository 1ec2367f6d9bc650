//! Python conversions of the VA order, OAuth2 and Bank Hub models:
//! statuses and kinds as `sepay_sdk` string enums, secrets masked, and
//! `to_dict()` / `repr()` per model from its complete field list.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};

use super::{plain, repr};
use crate::bank_hub::{
    BankHubBankAccount, BankHubTransaction, BankHubWebhook, Company, CompanyCounter, CounterDay,
    CounterTotal, LinkPurpose, LinkSession, LinkToken, LinkTokenInfo, MerchantConfig,
};
use crate::oauth::{
    Me, OAuthBank, OAuthBankAccount, OAuthSubAccount, OAuthTransaction, Webhook, WebhookAuthType,
    WebhookEventType,
};
use crate::secret::SecretString;
use crate::userapi::orders::{OrderVa, VaOrder, VaOrderStatus, VaStatus};

/// Enums become members of the `str` enums in `sepay_sdk._enums`, built from
/// their serde wire strings (`VaOrderStatus.PAID == "Paid"`).
macro_rules! py_enum {
    ($($t:ty => $class:literal),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
                let wire = serde_json::to_value(self)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                let wire = wire.as_str().unwrap_or_default().to_string();
                CLASS.import(py, "sepay_sdk._enums", $class)?.call1((wire,))
            }
        }

        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                (*self).into_pyobject(py)
            }
        }
    )*};
}

py_enum!(
    VaOrderStatus => "VaOrderStatus",
    VaStatus => "VaStatus",
    WebhookEventType => "WebhookEventType",
    WebhookAuthType => "WebhookAuthType",
    LinkPurpose => "LinkPurpose",
);

/// A secret read back from SePay appears only masked (`"****"` or `"****abcd"`).
impl<'py> IntoPyObject<'py> for &SecretString {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyString::new(py, &self.masked()))
    }
}

impl<'py> IntoPyObject<'py> for SecretString {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

nested_model!(VaOrder {
    id,
    order_code,
    amount,
    paid_amount,
    status,
    va_number,
    va_holder_name,
    bank_name,
    account_holder_name,
    account_number,
    expired_at,
    created_at,
    qr_code,
    qr_code_url,
    virtual_accounts,
});

model!(OrderVa {
    va_number,
    amount,
    paid_amount,
    status,
    va_holder_name,
    expired_at,
});

model!(Me {
    id,
    first_name,
    last_name,
    email,
    phone,
    avatar,
});

model!(OAuthBank {
    short_name,
    full_name,
    code,
    bin,
    icon_url,
    logo_url,
});

nested_model!(OAuthBankAccount {
    id,
    label,
    account_holder_name,
    account_number,
    accumulated,
    active,
    created_at,
    bank,
});

model!(OAuthSubAccount {
    id,
    account_number,
    label,
});

model!(OAuthTransaction {
    id,
    transaction_date,
    account_number,
    amount_in,
    amount_out,
    accumulated,
    transaction_content,
    reference_number,
    code,
    bank_account_id,
});

#[pymethods]
impl Webhook {
    #[getter]
    fn id(&self) -> String {
        self.id.clone()
    }

    #[getter]
    fn bank_account_id(&self) -> String {
        self.bank_account_id.clone()
    }

    #[getter]
    fn name(&self) -> String {
        self.name.clone()
    }

    #[getter]
    fn event_type(&self) -> WebhookEventType {
        self.event_type
    }

    #[getter]
    fn authen_type(&self) -> WebhookAuthType {
        self.authen_type
    }

    #[getter]
    fn webhook_url(&self) -> String {
        self.webhook_url.clone()
    }

    #[getter]
    fn is_verify_payment(&self) -> bool {
        self.is_verify_payment
    }

    #[getter]
    fn skip_if_no_code(&self) -> bool {
        self.skip_if_no_code
    }

    #[getter]
    fn only_va(&self) -> bool {
        self.only_va
    }

    #[getter]
    fn active(&self) -> bool {
        self.active
    }

    #[getter]
    fn request_content_type(&self) -> String {
        self.request_content_type.clone()
    }

    #[getter]
    fn api_key(&self) -> Option<SecretString> {
        self.api_key.clone()
    }

    #[getter]
    fn created_at(&self) -> Option<crate::time::DateTime> {
        self.created_at
    }

    /// Sub-accounts it is limited to (ids as text).
    #[getter]
    fn bank_sub_account_ids(&self) -> Vec<String> {
        self.bank_sub_account_ids
            .iter()
            .map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect()
    }

    /// The fields as a `dict` (the API key masked).
    #[allow(clippy::wrong_self_convention)]
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let Webhook {
            id,
            bank_account_id,
            name,
            event_type,
            authen_type,
            webhook_url,
            is_verify_payment,
            skip_if_no_code,
            only_va,
            active,
            request_content_type,
            api_key,
            bank_sub_account_ids: _,
            created_at,
        } = self;
        let d = PyDict::new(py);
        d.set_item("id", id)?;
        d.set_item("bank_account_id", bank_account_id)?;
        d.set_item("name", name)?;
        d.set_item("event_type", event_type)?;
        d.set_item("authen_type", authen_type)?;
        d.set_item("webhook_url", webhook_url)?;
        d.set_item("is_verify_payment", is_verify_payment)?;
        d.set_item("skip_if_no_code", skip_if_no_code)?;
        d.set_item("only_va", only_va)?;
        d.set_item("active", active)?;
        d.set_item("request_content_type", request_content_type)?;
        d.set_item("api_key", api_key)?;
        d.set_item("bank_sub_account_ids", self.bank_sub_account_ids())?;
        d.set_item("created_at", created_at)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr("OAuthWebhook", &self.to_dict(py)?)
    }
}

model!(LinkToken {
    xid,
    hosted_link_url,
    link_token,
    expires_at,
});

nested_model!(LinkTokenInfo {
    xid,
    purpose,
    status,
    completion_redirect_uri,
    session_count,
    expires_at,
    sessions,
});

model!(LinkSession {
    xid,
    state,
    status,
    finished_at,
});

model!(Company {
    xid,
    full_name,
    status,
    active,
    created_at,
    updated_at,
});

model!(CounterDay {
    date,
    transaction,
    transaction_in,
    transaction_out,
});

model!(CounterTotal {
    transaction,
    transaction_in,
    transaction_out,
});

nested_model!(CompanyCounter { dates, total });

model!(BankHubBankAccount {
    xid,
    company_xid,
    brand_name,
    account_holder_name,
    account_number,
    accumulated,
    account_type,
    bank_api_connected,
    active,
    last_transaction,
});

model!(BankHubTransaction {
    transaction_id,
    transaction_date,
    bank_account_xid,
    company_xid,
    brand_name,
    account_number,
    va,
    reference_number,
    transfer_type,
    amount,
    transaction_content,
    payment_code,
});

model!(MerchantConfig {
    transaction_whitelist_remark_keywords,
    logo_url,
});

model!(BankHubWebhook {
    webhook_url,
    auth_type,
    secret_key,
    request_content_type,
    active,
    allow_events,
});
