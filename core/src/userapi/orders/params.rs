//! Creating VA orders, with SePay's bank-specific rules checked before sending
//! (sepay-api.md §4.2).

use crate::error::{Error, Result};
use crate::money::Amount;

/// The bank behind the account; rules differ per bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OrderBank {
    /// BIDV (enterprise): amount optional, `va_holder_name` allowed, partial payments.
    Bidv,
    /// Vietcombank: `tid` required, exact amount required, order code 6–15 characters.
    Vietcombank,
    /// Sacombank: `va_prefix` required, exact amount required.
    Sacombank,
}

/// QR image style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum QrTemplate {
    /// QR with payment details.
    Compact,
    /// QR only.
    QrOnly,
}

/// Fields of a new order (or of a VA added to one).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VaOrderCreateParams {
    /// Your order code: letters and digits, 6–50 (Vietcombank 6–15); generated when empty.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_code: Option<String>,
    /// Whole dong (up to 12 digits); required except for BIDV, where `None` accepts any amount.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount: Option<Amount>,
    /// BIDV only: name shown for the VA, `[A-Z0-9 ]`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub va_holder_name: Option<String>,
    /// VA validity in seconds.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub duration: Option<u32>,
    /// Ask for a QR image in the answer.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub with_qrcode: Option<bool>,
    /// QR style.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub qrcode_template: Option<QrTemplate>,
    /// Vietcombank terminal id (digits, from `terminals().list`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tid: Option<String>,
    /// Sacombank VA prefix, e.g. `SEP200001WEB`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub va_prefix: Option<String>,
}

impl VaOrderCreateParams {
    /// Checks the documented rules for `bank`; `operation` names the call in errors.
    pub fn validate(&self, bank: OrderBank, operation: &str) -> Result<()> {
        let bad =
            |field: &str, message: String| Err(Error::invalid_param(operation, field, message));
        if let Some(code) = &self.order_code {
            let max = if bank == OrderBank::Vietcombank {
                15
            } else {
                50
            };
            if !(6..=max).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                return bad(
                    "order_code",
                    format!("must be 6–{max} letters or digits, got {code:?}"),
                );
            }
        }
        match (self.amount, bank) {
            (None, OrderBank::Bidv) => {}
            (None, _) => return bad("amount", format!("is required for {bank:?}")),
            (Some(a), _) => {
                let ok = a.to_dong().is_some_and(|d| d > 0 && d <= 999_999_999_999);
                if !ok {
                    return bad("amount", format!("must be a positive whole number of dong with at most 12 digits, got {a}"));
                }
            }
        }
        if let Some(name) = &self.va_holder_name {
            if bank != OrderBank::Bidv {
                return bad("va_holder_name", "is only supported for BIDV".into());
            }
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
            {
                return bad(
                    "va_holder_name",
                    format!("must be A–Z, 0–9 and spaces (no diacritics), got {name:?}"),
                );
            }
        }
        match (&self.tid, bank) {
            (None, OrderBank::Vietcombank) => {
                return bad(
                    "tid",
                    "is required for Vietcombank (see terminals().list)".into(),
                )
            }
            (Some(t), OrderBank::Vietcombank)
                if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) =>
            {
                return bad(
                    "tid",
                    format!("must be the raw Vietcombank terminal id (digits), got {t:?}"),
                )
            }
            _ => {}
        }
        if bank == OrderBank::Sacombank && self.va_prefix.as_deref().is_none_or(str::is_empty) {
            return bad("va_prefix", "is required for Sacombank".into());
        }
        if self.duration == Some(0) {
            return bad("duration", "must be at least 1 second".into());
        }
        Ok(())
    }

    /// The JSON body.
    pub fn to_json(&self) -> serde_json::Value {
        let mut body = serde_json::Map::new();
        let mut put = |k: &str, v: Option<serde_json::Value>| {
            if let Some(v) = v {
                body.insert(k.to_string(), v);
            }
        };
        put("order_code", self.order_code.clone().map(Into::into));
        put(
            "amount",
            self.amount.and_then(|a| a.to_dong()).map(Into::into),
        );
        put(
            "va_holder_name",
            self.va_holder_name.clone().map(Into::into),
        );
        put("duration", self.duration.map(Into::into));
        put("with_qrcode", self.with_qrcode.map(|b| u8::from(b).into()));
        put(
            "qrcode_template",
            self.qrcode_template.map(|t| match t {
                QrTemplate::Compact => "compact".into(),
                QrTemplate::QrOnly => "qronly".into(),
            }),
        );
        put("tid", self.tid.clone().map(Into::into));
        put("va_prefix", self.va_prefix.clone().map(Into::into));
        serde_json::Value::Object(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> VaOrderCreateParams {
        VaOrderCreateParams {
            order_code: Some("DH000123".into()),
            amount: Some(Amount::from_dong(500_000)),
            ..Default::default()
        }
    }

    #[test]
    fn bank_rules() {
        p().validate(OrderBank::Bidv, "op").unwrap();
        VaOrderCreateParams {
            amount: None,
            ..p()
        }
        .validate(OrderBank::Bidv, "op")
        .unwrap();
        let e = p().validate(OrderBank::Vietcombank, "op").unwrap_err();
        assert_eq!(e.field_errors()[0].field, "tid");
        VaOrderCreateParams {
            tid: Some("20933557".into()),
            ..p()
        }
        .validate(OrderBank::Vietcombank, "op")
        .unwrap();
        let uuid = VaOrderCreateParams {
            tid: Some("0b8e1c7a-0000-4000-8000-000000000000".into()),
            ..p()
        };
        assert!(uuid.validate(OrderBank::Vietcombank, "op").is_err());
        let long = VaOrderCreateParams {
            order_code: Some("A".repeat(16)),
            tid: Some("1".into()),
            ..p()
        };
        assert!(long.validate(OrderBank::Vietcombank, "op").is_err());
        assert!(p().validate(OrderBank::Sacombank, "op").is_err());
        VaOrderCreateParams {
            va_prefix: Some("SEP200001WEB".into()),
            ..p()
        }
        .validate(OrderBank::Sacombank, "op")
        .unwrap();
        let unlimited = VaOrderCreateParams {
            amount: None,
            va_prefix: Some("X".into()),
            ..p()
        };
        assert!(unlimited.validate(OrderBank::Sacombank, "op").is_err());
        let name = VaOrderCreateParams {
            va_holder_name: Some("Nguyễn Văn A".into()),
            ..p()
        };
        assert!(name.validate(OrderBank::Bidv, "op").is_err());
        let code = VaOrderCreateParams {
            order_code: Some("DH-1".into()),
            ..p()
        };
        assert!(code.validate(OrderBank::Bidv, "op").is_err());
        let big = VaOrderCreateParams {
            amount: Some(Amount::from_dong(1_000_000_000_000)),
            ..p()
        };
        assert!(big.validate(OrderBank::Bidv, "op").is_err());
    }

    #[test]
    fn built_from_keyword_arguments() {
        let fields = serde_json::json!({"amount": "500000", "qrcode_template": "qronly", "with_qrcode": true});
        let p: VaOrderCreateParams =
            crate::params::from_json("op", fields.as_object().unwrap().clone()).unwrap();
        assert_eq!(p.amount, Some(Amount::from_dong(500_000)));
        assert_eq!(p.qrcode_template, Some(QrTemplate::QrOnly));
        let unknown = serde_json::json!({"colour": "red"});
        let e = crate::params::from_json::<VaOrderCreateParams>(
            "op",
            unknown.as_object().unwrap().clone(),
        )
        .unwrap_err();
        assert_eq!(e.field_errors()[0].field, "colour");
    }

    #[test]
    fn body_has_only_what_was_set() {
        let body = VaOrderCreateParams {
            with_qrcode: Some(true),
            qrcode_template: Some(QrTemplate::QrOnly),
            ..p()
        }
        .to_json();
        assert_eq!(
            body,
            serde_json::json!({"order_code":"DH000123","amount":500000,"with_qrcode":1,"qrcode_template":"qronly"})
        );
    }
}
