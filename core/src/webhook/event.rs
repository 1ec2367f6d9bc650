//! The user webhook: SePay's notification of one bank transaction, posted to
//! the integrator's URL (sepay-api.md §7.1).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::decode::{id, opt_text};
use crate::error::{Error, Result};
use crate::money::Amount;
use crate::time::{wall_clock, DateTime};
use crate::userapi::v2::TransferType;

use super::form::{form_to_json, BodyEncoding, BodyKind};

/// One bank transaction as a user webhook reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebhookEvent {
    /// SePay's transaction id; the key for deduplication.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Bank brand, e.g. `Vietcombank`.
    #[serde(default)]
    pub gateway: String,
    /// Bank-side time (+07:00).
    #[serde(with = "wall_clock")]
    pub transaction_date: DateTime,
    /// Account number.
    #[serde(default)]
    pub account_number: String,
    /// Payment code SePay recognised in the memo.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub code: Option<String>,
    /// Transfer memo.
    #[serde(default)]
    pub content: String,
    /// In or out.
    pub transfer_type: TransferType,
    /// Amount transferred.
    pub transfer_amount: Amount,
    /// Balance after the transaction (0 when unknown).
    #[serde(default)]
    pub accumulated: Amount,
    /// Sub-account / virtual account number.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub sub_account: Option<String>,
    /// Bank reference.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub reference_code: Option<String>,
    /// Full bank notification text.
    #[serde(default)]
    pub description: String,
}

/// Parses a user webhook body in the given encoding (never guessed from a
/// header: the same bytes always give the same event).
pub fn parse_webhook_event(encoding: BodyEncoding, body: &[u8]) -> Result<WebhookEvent> {
    parse_body("webhook.parse", encoding, body)
}

/// Decodes any inbound body (JSON or form) into `T`, with SePay's decode errors.
pub(crate) fn parse_body<T: DeserializeOwned>(
    operation: &str,
    encoding: BodyEncoding,
    body: &[u8],
) -> Result<T> {
    let decode_error = |path: Option<String>, expected: &str, found: String| Error::Decode {
        operation: operation.to_string(),
        path,
        expected: expected.to_string(),
        found,
    };
    let expected = match encoding {
        BodyEncoding::Json => "a JSON object",
        BodyEncoding::FormUrlEncoded => "a form-urlencoded body",
        BodyEncoding::Multipart => "a multipart/form-data body",
    };
    let kind = encoding
        .kind(body)
        .map_err(|found| decode_error(None, expected, found))?;
    let response = crate::http::HttpResponse {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: match &kind {
            BodyKind::Json => bytes::Bytes::copy_from_slice(body),
            form => {
                let value = form_to_json(form, body)
                    .map_err(|found| decode_error(None, "a well-formed form body", found))?;
                bytes::Bytes::from(value.to_string())
            }
        },
    };
    crate::decode::json(operation, &response)
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r#"{"id":92704,"gateway":"Vietcombank","transactionDate":"2023-03-25 14:02:37","accountNumber":"0123499999","code":null,"content":"chuyen tien mua iphone","transferType":"in","transferAmount":2277000,"accumulated":19077000,"subAccount":null,"referenceCode":"MBVCB.3278907687","description":""}"#;

    fn expected() -> WebhookEvent {
        parse_webhook_event(BodyEncoding::Json, JSON.as_bytes()).unwrap()
    }

    #[test]
    fn documented_json_sample() {
        let e = expected();
        assert_eq!(e.id, "92704");
        assert_eq!(e.transfer_amount, Amount::from_dong(2_277_000));
        assert_eq!(e.transaction_date.to_rfc3339(), "2023-03-25T14:02:37+07:00");
        assert_eq!(e.reference_code.as_deref(), Some("MBVCB.3278907687"));
        assert_eq!(e.code, None);
    }

    #[test]
    fn form_urlencoded_gives_the_same_event() {
        let body = "id=92704&gateway=Vietcombank&transactionDate=2023-03-25+14%3A02%3A37&accountNumber=0123499999&code=&content=chuyen+tien+mua+iphone&transferType=in&transferAmount=2277000&accumulated=19077000&subAccount=&referenceCode=MBVCB.3278907687&description=";
        let e = parse_webhook_event(BodyEncoding::FormUrlEncoded, body.as_bytes()).unwrap();
        assert_eq!(e, expected());
    }

    #[test]
    fn multipart_gives_the_same_event() {
        let fields = [
            ("id", "92704"),
            ("gateway", "Vietcombank"),
            ("transactionDate", "2023-03-25 14:02:37"),
            ("accountNumber", "0123499999"),
            ("content", "chuyen tien mua iphone"),
            ("transferType", "in"),
            ("transferAmount", "2277000"),
            ("accumulated", "19077000"),
            ("referenceCode", "MBVCB.3278907687"),
            ("description", ""),
        ];
        let mut body = String::new();
        for (k, v) in fields {
            body.push_str(&format!(
                "--XyZ\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
            ));
        }
        body.push_str("--XyZ--\r\n");
        let e = parse_webhook_event(BodyEncoding::Multipart, body.as_bytes()).unwrap();
        assert_eq!(e, expected());
    }

    #[test]
    fn bad_bodies_are_decode_errors() {
        let e = parse_webhook_event(BodyEncoding::Json, b"hello").unwrap_err();
        assert!(e.to_string().contains("JSON object"), "{e}");
        let e = parse_webhook_event(BodyEncoding::Multipart, b"x").unwrap_err();
        assert!(e.to_string().contains("boundary"), "{e}");
        let e = parse_webhook_event(BodyEncoding::FormUrlEncoded, JSON.as_bytes()).unwrap_err();
        assert!(matches!(e, Error::Decode { .. }), "{e}");
        let bad = JSON.replace(r#""transferType":"in""#, r#""transferType":"sideways""#);
        let e = parse_webhook_event(BodyEncoding::Json, bad.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("transferType"), "{e}");
    }
}
