//! Made-up deliveries for testing a webhook handler without SePay: the body
//! SePay would POST for one transaction, in the receiver's encoding, with the
//! headers that authenticate it in the receiver's mode (the role of
//! stripe-node's `generateTestHeaderString`).

use chrono::{TimeZone, Utc};
use serde::{Deserialize, Deserializer};
use url::form_urlencoded;

use crate::error::{Error, Result};
use crate::money::Amount;
use crate::time::{format_wall_clock, parse_wall_clock, vietnam, DateTime};
use crate::userapi::v2::TransferType;

use super::form::BodyEncoding;
use super::verify::{hmac_signature, WebhookAuth};

/// The boundary of multipart test bodies.
const BOUNDARY: &str = "------------------------sepaytestboundary";

/// A transaction to report in a test webhook. Only the amount is required;
/// the rest defaults to a plausible incoming transfer. Deserializes from
/// SePay's camelCase field names (how the JavaScript and Python bindings
/// pass it); unknown names are refused so a typo does not go unnoticed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TestTransaction {
    /// Amount transferred.
    pub transfer_amount: Amount,
    /// Transfer memo.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub content: String,
    /// SePay's transaction id (default: the timestamp in milliseconds).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub id: Option<u64>,
    /// In (default) or out.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transfer_type: Option<TransferType>,
    /// Payment code SePay recognised in the memo.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub code: Option<String>,
    /// Bank-side time (default: now). JSON takes SePay's
    /// `YYYY-MM-DD HH:MM:SS` or RFC 3339.
    #[serde(default, deserialize_with = "any_time")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transaction_date: Option<DateTime>,
    /// Bank brand (default `Vietcombank`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub gateway: Option<String>,
    /// Account number (default `0010000000355`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub account_number: Option<String>,
    /// Balance after the transaction (default 0).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub accumulated: Option<Amount>,
    /// Virtual account number.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sub_account: Option<String>,
    /// Bank reference (default `FT` + the id).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reference_code: Option<String>,
}

fn any_time<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<DateTime>, D::Error> {
    let Some(text) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    parse_wall_clock(&text)
        .or_else(|| {
            chrono::DateTime::parse_from_rfc3339(text.trim())
                .ok()
                .map(|t| t.with_timezone(&vietnam()))
        })
        .map(Some)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected `YYYY-MM-DD HH:MM:SS` or an RFC 3339 time, got {text:?}"
            ))
        })
}

impl TestTransaction {
    /// An incoming transfer of `amount` with memo `content`.
    pub fn incoming(amount: Amount, content: impl Into<String>) -> Self {
        TestTransaction {
            transfer_amount: amount,
            content: content.into(),
            id: None,
            transfer_type: None,
            code: None,
            transaction_date: None,
            gateway: None,
            account_number: None,
            accumulated: None,
            sub_account: None,
            reference_code: None,
        }
    }

    /// Reads the camelCase JSON object the bindings pass.
    pub fn from_json(text: &str) -> Result<Self> {
        serde_json::from_str(text).map_err(|e| {
            Error::invalid_param("webhook.test_delivery", "transaction", e.to_string())
        })
    }

    /// SePay's fields in the order of its documentation, as (name, value)
    /// where the value is JSON text (`None`: null); `now` fills the defaults.
    fn fields(&self, now: i64) -> Result<Vec<(&'static str, Option<Field>)>> {
        let id = self
            .id
            .unwrap_or_else(|| now.unsigned_abs().saturating_mul(1000));
        let date = match self.transaction_date {
            Some(t) => t,
            None => Utc
                .timestamp_opt(now, 0)
                .single()
                .ok_or_else(|| {
                    Error::invalid_param("webhook.test_delivery", "now", "is out of range")
                })?
                .with_timezone(&vietnam()),
        };
        let text = |s: &str| Some(Field::Text(s.to_string()));
        let opt = |s: &Option<String>| s.as_deref().and_then(text);
        let transfer_type = self.transfer_type.unwrap_or(TransferType::In);
        Ok(vec![
            ("id", Some(Field::Number(id.to_string()))),
            (
                "gateway",
                text(self.gateway.as_deref().unwrap_or("Vietcombank")),
            ),
            ("transactionDate", text(&format_wall_clock(&date))),
            (
                "accountNumber",
                text(self.account_number.as_deref().unwrap_or("0010000000355")),
            ),
            ("code", opt(&self.code)),
            ("content", text(&self.content)),
            ("transferType", text(transfer_type.as_str())),
            (
                "transferAmount",
                Some(Field::Number(self.transfer_amount.to_string())),
            ),
            (
                "accumulated",
                Some(Field::Number(
                    self.accumulated.unwrap_or_default().to_string(),
                )),
            ),
            ("subAccount", opt(&self.sub_account)),
            (
                "referenceCode",
                text(&self.reference_code.clone().unwrap_or(format!("FT{id}"))),
            ),
            (
                "description",
                text(&format!("BankAPINotify {}", self.content)),
            ),
        ])
    }
}

/// One field value of a test body.
enum Field {
    /// A JSON number (written as is).
    Number(String),
    /// A string.
    Text(String),
}

impl Field {
    fn as_str(&self) -> &str {
        match self {
            Field::Number(s) | Field::Text(s) => s,
        }
    }
}

/// A made-up delivery: hand `headers` and `body` to the handler under test
/// (method `POST`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestDelivery {
    /// `Content-Type` and the authentication headers of the receiver's mode.
    pub headers: Vec<(String, String)>,
    /// The body, in the receiver's encoding.
    pub body: Vec<u8>,
}

/// Encodes `txn` in `encoding` and authenticates it as `auth` would be
/// checked at Unix time `now`.
pub(crate) fn build(
    auth: &WebhookAuth,
    encoding: BodyEncoding,
    txn: &TestTransaction,
    now: i64,
) -> Result<TestDelivery> {
    let fields = txn.fields(now)?;
    let (content_type, body) = encode(encoding, &fields);
    let mut headers = vec![("Content-Type".to_string(), content_type)];
    match auth {
        WebhookAuth::None => {}
        WebhookAuth::ApiKey(key) => {
            headers.push((
                "Authorization".to_string(),
                format!("Apikey {}", key.expose()),
            ));
        }
        WebhookAuth::Hmac { secret, .. } => {
            headers.push((
                "X-SePay-Signature".to_string(),
                hmac_signature(secret.expose(), now, &body),
            ));
            headers.push(("X-SePay-Timestamp".to_string(), now.to_string()));
        }
        WebhookAuth::OAuth2(issuer) => {
            headers.push((
                "Authorization".to_string(),
                format!("Bearer {}", issuer.test_access_token(now)),
            ));
        }
        WebhookAuth::SecretKey(secret) => {
            headers.push(("X-Secret-Key".to_string(), secret.expose().to_string()));
        }
    }
    Ok(TestDelivery { headers, body })
}

/// `(Content-Type, body)`. Null fields: JSON `null`, left out of a form,
/// empty multipart parts (as the sandbox's deliveries).
fn encode(encoding: BodyEncoding, fields: &[(&str, Option<Field>)]) -> (String, Vec<u8>) {
    match encoding {
        BodyEncoding::Json => {
            let members: Vec<String> = fields
                .iter()
                .map(|(name, value)| {
                    let value = match value {
                        None => "null".to_string(),
                        Some(Field::Number(n)) => n.clone(),
                        Some(Field::Text(t)) => serde_json::Value::from(t.as_str()).to_string(),
                    };
                    format!("\"{name}\":{value}")
                })
                .collect();
            let body = format!("{{{}}}", members.join(","));
            ("application/json".to_string(), body.into_bytes())
        }
        BodyEncoding::FormUrlEncoded => {
            let mut form = form_urlencoded::Serializer::new(String::new());
            for (name, value) in fields {
                if let Some(value) = value {
                    form.append_pair(name, value.as_str());
                }
            }
            (
                "application/x-www-form-urlencoded".to_string(),
                form.finish().into_bytes(),
            )
        }
        BodyEncoding::Multipart => {
            let mut body = String::new();
            for (name, value) in fields {
                let value = value.as_ref().map(Field::as_str).unwrap_or_default();
                body.push_str(&format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                ));
            }
            body.push_str(&format!("--{BOUNDARY}--\r\n"));
            (
                format!("multipart/form-data; boundary={BOUNDARY}"),
                body.into_bytes(),
            )
        }
    }
}
