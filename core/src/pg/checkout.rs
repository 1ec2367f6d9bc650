//! Payment gateway hosted checkout: the ordered form fields, their signature and
//! an HTML form (sepay-api.md §8.2).
//!
//! `signature = base64(HMAC-SHA256(secret_key, "k1=v1,k2=v2,…"))` over the signed
//! fields **in the order they are emitted**. SePay's official SDKs disagree on
//! the order (PHP: merchant first; Node: merchant last), which only both work if
//! SePay verifies in posted order, so the SDK emits an ordered list and signs
//! exactly that list; the renderer keeps the order.

use base64::Engine;

use crate::crypto::{hmac_sha256, secrets_equal};
use crate::error::{Error, Result};
use crate::money::Amount;
use crate::secret::SecretString;

/// Fields SePay includes in the signature (every official SDK agrees on the set).
pub const SIGNED_FIELDS: &[&str] = &[
    "merchant",
    "env",
    "operation",
    "payment_method",
    "order_amount",
    "currency",
    "order_invoice_number",
    "order_description",
    "customer_id",
    "agreement_id",
    "agreement_name",
    "agreement_type",
    "agreement_payment_frequency",
    "agreement_amount_per_payment",
    "success_url",
    "error_url",
    "cancel_url",
];

const OP: &str = "pg.checkout";

/// `PURCHASE` (pay) or `VERIFY` (card verification, amount 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CheckoutOperation {
    /// A payment.
    #[default]
    Purchase,
    /// Card verification; the amount must be 0.
    Verify,
}

/// Payment methods offered on the checkout page; `None` shows all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PaymentMethod {
    /// Visa / Mastercard / JCB.
    Card,
    /// VietQR bank transfer.
    BankTransfer,
    /// NAPAS QR.
    NapasBankTransfer,
}

impl PaymentMethod {
    /// The wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PaymentMethod::Card => "CARD",
            PaymentMethod::BankTransfer => "BANK_TRANSFER",
            PaymentMethod::NapasBankTransfer => "NAPAS_BANK_TRANSFER",
        }
    }
}

/// A checkout to start. Required: merchant id, amount, invoice number, description.
/// Deserialized from the bindings' options (missing values stay empty so the
/// checks name them; the merchant id is the client's).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckoutRequest {
    /// Your merchant id, e.g. `SP-TEST-XXXXXXX`.
    #[serde(skip_deserializing)]
    pub merchant: String,
    /// Purchase or verify.
    pub operation: CheckoutOperation,
    /// Whole dong.
    pub order_amount: Amount,
    /// Your invoice number, `[A-Za-z0-9_-]{1,100}`, unique per order.
    pub order_invoice_number: String,
    /// What is being paid for.
    pub order_description: String,
    /// Restrict the payment method.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_method: Option<PaymentMethod>,
    /// Your customer id.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_id: Option<String>,
    /// Where the browser goes after success.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub success_url: Option<String>,
    /// ... after an error.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub error_url: Option<String>,
    /// ... after the payer cancels.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_url: Option<String>,
    /// Free-form data returned in the IPN (not signed).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub custom_data: Option<String>,
}

impl CheckoutRequest {
    /// A purchase of `order_amount` dong.
    pub fn purchase(
        merchant: impl Into<String>,
        order_amount: Amount,
        order_invoice_number: impl Into<String>,
        order_description: impl Into<String>,
    ) -> Self {
        CheckoutRequest {
            merchant: merchant.into(),
            operation: CheckoutOperation::Purchase,
            order_amount,
            order_invoice_number: order_invoice_number.into(),
            order_description: order_description.into(),
            payment_method: None,
            customer_id: None,
            success_url: None,
            error_url: None,
            cancel_url: None,
            custom_data: None,
        }
    }
}

/// The form to POST to SePay's checkout: fields in order, `signature` last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutForm {
    /// The form's `action` URL.
    pub action: String,
    /// Field names and values, in the order they must be posted.
    pub fields: Vec<(String, String)>,
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::invalid_param(OP, field, message)
}

fn check_url(field: &str, value: &Option<String>) -> Result<()> {
    if let Some(v) = value {
        let ok = url::Url::parse(v).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
        if !ok {
            return Err(invalid(field, format!("must be an http(s) URL, got {v:?}")));
        }
    }
    Ok(())
}

/// Refuses a signed value that would make the signed string `k1=v1,k2=v2`
/// read as different fields: one containing `,<signed field>=`, or a control
/// character.
fn check_unambiguous(fields: &[(String, String)]) -> Result<()> {
    for (k, v) in fields
        .iter()
        .filter(|(k, _)| SIGNED_FIELDS.contains(&k.as_str()))
    {
        if v.chars().any(char::is_control) {
            return Err(invalid(k, "must not contain control characters"));
        }
        let smuggled = v.match_indices(',').find_map(|(i, _)| {
            let rest = &v[i + 1..];
            SIGNED_FIELDS
                .iter()
                .find(|name| rest.starts_with(*name) && rest[name.len()..].starts_with('='))
        });
        if let Some(name) = smuggled {
            return Err(invalid(
                k,
                format!(
                    "must not contain \",{name}=\": the signed string would read as another field"
                ),
            ));
        }
    }
    Ok(())
}

/// The signature of the signed fields among `fields`, in their order.
pub fn sign(fields: &[(String, String)], secret_key: &SecretString) -> String {
    let message = fields
        .iter()
        .filter(|(k, _)| SIGNED_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",");
    base64::engine::general_purpose::STANDARD.encode(hmac_sha256(
        secret_key.expose().as_bytes(),
        message.as_bytes(),
    ))
}

/// Whether a posted form (fields in posted order, `signature` among them) is
/// correctly signed. Constant-time.
pub fn verify(fields: &[(String, String)], secret_key: &SecretString) -> bool {
    let Some((_, given)) = fields.iter().find(|(k, _)| k == "signature") else {
        return false;
    };
    secrets_equal(given.as_bytes(), sign(fields, secret_key).as_bytes())
}

impl CheckoutRequest {
    /// Validates the request and returns the signed, ordered form for `action`
    /// (the checkout URL of the environment, e.g. `{pg_checkout}/checkout/init`).
    pub fn build(&self, action: &str, secret_key: &SecretString) -> Result<CheckoutForm> {
        if self.merchant.trim().is_empty() {
            return Err(invalid("merchant", "is required"));
        }
        let amount = self
            .order_amount
            .to_dong()
            .filter(|d| *d >= 0)
            .ok_or_else(|| {
                invalid(
                    "order_amount",
                    format!(
                        "must be whole, non-negative dong, got {}",
                        self.order_amount
                    ),
                )
            })?;
        match self.operation {
            CheckoutOperation::Verify if amount != 0 => {
                return Err(invalid("order_amount", "must be 0 for a VERIFY operation"))
            }
            CheckoutOperation::Purchase if amount == 0 => {
                return Err(invalid("order_amount", "must be positive for a PURCHASE"))
            }
            _ => {}
        }
        let inv = &self.order_invoice_number;
        let inv_ok = (1..=100).contains(&inv.len())
            && inv
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !inv_ok {
            return Err(invalid(
                "order_invoice_number",
                format!("must match [A-Za-z0-9_-]{{1,100}}, got {inv:?}"),
            ));
        }
        if self.order_description.trim().is_empty() {
            return Err(invalid("order_description", "is required"));
        }
        check_url("success_url", &self.success_url)?;
        check_url("error_url", &self.error_url)?;
        check_url("cancel_url", &self.cancel_url)?;

        let operation = match self.operation {
            CheckoutOperation::Purchase => "PURCHASE",
            CheckoutOperation::Verify => "VERIFY",
        };
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                fields.push((k.to_string(), v));
            }
        };
        push("merchant", Some(self.merchant.clone()));
        push("currency", Some("VND".to_string()));
        push("order_amount", Some(amount.to_string()));
        push("operation", Some(operation.to_string()));
        push("order_description", Some(self.order_description.clone()));
        push(
            "payment_method",
            self.payment_method.map(|m| m.as_str().to_string()),
        );
        push("order_invoice_number", Some(inv.clone()));
        push("customer_id", self.customer_id.clone());
        push("success_url", self.success_url.clone());
        push("error_url", self.error_url.clone());
        push("cancel_url", self.cancel_url.clone());
        push("custom_data", self.custom_data.clone());
        check_unambiguous(&fields)?;
        let signature = sign(&fields, secret_key);
        fields.push(("signature".to_string(), signature));
        Ok(CheckoutForm {
            action: action.to_string(),
            fields,
        })
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl CheckoutForm {
    /// An HTML `<form>` with hidden inputs in the signed order and a submit button.
    pub fn to_html(&self, submit_label: &str) -> String {
        let mut html = format!(
            "<form method=\"POST\" action=\"{}\">\n",
            escape(&self.action)
        );
        for (k, v) in &self.fields {
            html.push_str(&format!(
                "  <input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
                escape(k),
                escape(v)
            ));
        }
        html.push_str(&format!(
            "  <button type=\"submit\">{}</button>\n</form>\n",
            escape(submit_label)
        ));
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> CheckoutRequest {
        CheckoutRequest {
            success_url: Some("https://shop.example/ok?a=1&b=2".into()),
            ..CheckoutRequest::purchase(
                "SP-TEST-AB12345",
                Amount::from_dong(100_000),
                "DH1001",
                "Don hang <1001>",
            )
        }
    }

    #[test]
    fn signs_in_emitted_order_matching_an_independent_computation() {
        let secret = SecretString::new("spsk_test_secret");
        let form = request()
            .build("https://pay-sandbox.sepay.vn/v1/checkout/init", &secret)
            .unwrap();
        let names: Vec<_> = form.fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "merchant",
                "currency",
                "order_amount",
                "operation",
                "order_description",
                "order_invoice_number",
                "success_url",
                "signature"
            ]
        );
        // Computed independently: printf '%s' 'merchant=SP-TEST-AB12345,currency=VND,order_amount=100000,operation=PURCHASE,order_description=Don hang <1001>,order_invoice_number=DH1001,success_url=https://shop.example/ok?a=1&b=2' | openssl dgst -sha256 -hmac spsk_test_secret -binary | base64
        assert_eq!(
            form.fields.last().unwrap().1,
            "H2DhO1o6A0r5Eelo9WCORggqdNzccnZVfyVH5oCO2FU="
        );
        assert!(verify(&form.fields, &secret));
        let mut swapped = form.fields.clone();
        swapped.swap(0, 1);
        assert!(!verify(&swapped, &secret), "order matters");
        assert!(!verify(&form.fields, &SecretString::new("other")));
    }

    #[test]
    fn validates_what_the_docs_require() {
        let s = SecretString::new("k");
        let bad_inv = CheckoutRequest {
            order_invoice_number: "DH 1".into(),
            ..request()
        };
        assert!(bad_inv
            .build("x", &s)
            .unwrap_err()
            .to_string()
            .contains("order_invoice_number"));
        let verify_nonzero = CheckoutRequest {
            operation: CheckoutOperation::Verify,
            ..request()
        };
        assert!(verify_nonzero.build("x", &s).is_err());
        let bad_url = CheckoutRequest {
            cancel_url: Some("javascript:alert(1)".into()),
            ..request()
        };
        assert!(bad_url.build("x", &s).is_err());
        let fraction = CheckoutRequest {
            order_amount: "10.5".parse().unwrap(),
            ..request()
        };
        assert!(fraction.build("x", &s).is_err());
    }

    #[test]
    fn html_keeps_order_and_escapes() {
        let form = request()
            .build(
                "https://pay-sandbox.sepay.vn/v1/checkout/init",
                &SecretString::new("k"),
            )
            .unwrap();
        let html = form.to_html("Pay");
        assert!(html.contains("value=\"Don hang &lt;1001&gt;\""));
        assert!(html.contains("ok?a=1&amp;b=2"));
        let merchant = html.find("name=\"merchant\"").unwrap();
        let signature = html.find("name=\"signature\"").unwrap();
        assert!(merchant < signature);
    }

    #[test]
    fn values_that_would_read_as_other_fields_are_refused() {
        let secret = SecretString::new("spsk");
        let mut r = request();
        r.order_description = "Ao, quan".into();
        r.build("https://pay.sepay.vn/v1/checkout/init", &secret)
            .unwrap();
        r.order_description = "x,order_amount=1".into();
        let e = r
            .build("https://pay.sepay.vn/v1/checkout/init", &secret)
            .unwrap_err();
        assert!(e.to_string().contains("order_amount="), "{e}");
        let mut r = request();
        r.customer_id = Some("c\n1".into());
        assert!(r.build("https://x/", &secret).is_err());
        let mut r = request();
        r.success_url = Some("https://shop.vn/ok?a=1,cancel_url=https://evil".into());
        assert!(r.build("https://x/", &secret).is_err());
    }
}
