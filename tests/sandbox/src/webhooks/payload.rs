//! The user-webhook payload (sepay-api.md §7.1) and its three body encodings.

use serde::{Deserialize, Serialize};

use crate::common::timefmt::DateTime;
use crate::dataset::txn::Txn;
use crate::webhooks::target::BodyFormat;

/// What SePay POSTs for one bank transaction, field order of the docs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookPayload {
    /// The transaction id (the v1 id, as a number).
    pub id: u64,
    /// Bank brand name, e.g. `Vietcombank`.
    pub gateway: String,
    /// `YYYY-MM-DD HH:MM:SS` (Vietnam time).
    pub transaction_date: String,
    /// Bank account number.
    pub account_number: String,
    /// Payment code, if one was detected.
    pub code: Option<String>,
    /// Transfer memo.
    pub content: String,
    /// `in` or `out`.
    pub transfer_type: String,
    /// Amount, integer VND.
    pub transfer_amount: u64,
    /// Balance after the transaction, integer VND.
    pub accumulated: u64,
    /// Virtual account number, if any.
    pub sub_account: Option<String>,
    /// Bank reference.
    pub reference_code: String,
    /// Raw bank notification: `"BankAPINotify " + content`.
    pub description: String,
}

impl WebhookPayload {
    /// The payload of a transaction.
    pub fn of(t: &Txn<'_>) -> WebhookPayload {
        let acc = t.account();
        let content = t.content();
        WebhookPayload {
            id: t.id,
            gateway: acc.bank.short_name.to_string(),
            transaction_date: DateTime(t.date()).to_string(),
            account_number: acc.account_number.clone(),
            code: t.code().map(|c| c.to_string()),
            description: format!("BankAPINotify {content}"),
            content,
            transfer_type: if t.row.incoming { "in" } else { "out" }.to_string(),
            transfer_amount: t.amount(),
            accumulated: t.row.accumulated,
            sub_account: t.va_number().map(str::to_string),
            reference_code: t.reference(),
        }
    }

    /// Fields as form values in payload order; `None` for JSON nulls.
    pub fn form_fields(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("id", Some(self.id.to_string())),
            ("gateway", Some(self.gateway.clone())),
            ("transactionDate", Some(self.transaction_date.clone())),
            ("accountNumber", Some(self.account_number.clone())),
            ("code", self.code.clone()),
            ("content", Some(self.content.clone())),
            ("transferType", Some(self.transfer_type.clone())),
            ("transferAmount", Some(self.transfer_amount.to_string())),
            ("accumulated", Some(self.accumulated.to_string())),
            ("subAccount", self.sub_account.clone()),
            ("referenceCode", Some(self.reference_code.clone())),
            ("description", Some(self.description.clone())),
        ]
    }

    /// `(Content-Type, body)` in `format`. Form bodies leave null fields
    /// out (like PHP's `http_build_query`); multipart sends them as empty
    /// parts (like PHP cURL with an array). Both are UNVERIFIED guesses.
    pub fn encode(&self, format: BodyFormat, boundary: &str) -> (String, Vec<u8>) {
        match format {
            BodyFormat::Json => {
                #[allow(
                    clippy::expect_used,
                    reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
                )]
                let body = serde_json::to_vec(self).expect("serialise webhook payload");
                ("application/json".to_string(), body)
            }
            BodyFormat::Form => {
                let mut s = form_urlencoded::Serializer::new(String::new());
                for (k, v) in self.form_fields() {
                    if let Some(v) = v {
                        s.append_pair(k, &v);
                    }
                }
                (
                    "application/x-www-form-urlencoded".to_string(),
                    s.finish().into_bytes(),
                )
            }
            BodyFormat::Multipart => {
                let mut body = String::new();
                for (k, v) in self.form_fields() {
                    body.push_str(&format!(
                        "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{}\r\n",
                        v.unwrap_or_default()
                    ));
                }
                body.push_str(&format!("--{boundary}--\r\n"));
                (
                    format!("multipart/form-data; boundary={boundary}"),
                    body.into_bytes(),
                )
            }
        }
    }
}

/// A multipart boundary in cURL's style, unique enough for one sandbox.
pub fn boundary(salt: u64) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    format!(
        "------------------------{:016x}",
        crate::common::hash::h3(nanos, 9, salt)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn payload_and_encodings() {
        let d = Dataset::generate(42, 50, 2);
        let t = d.txn(7).unwrap();
        let p = WebhookPayload::of(&t);
        assert_eq!(p.id, 7);
        assert_eq!(p.transfer_amount, t.amount());
        assert_eq!(p.description, format!("BankAPINotify {}", p.content));
        let (ct, json) = p.encode(BodyFormat::Json, "b");
        assert_eq!(ct, "application/json");
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(keys.len(), 12);
        assert!(v["id"].is_u64() && v["transferAmount"].is_u64());
        let q = WebhookPayload {
            code: None,
            sub_account: None,
            content: "a b&c".into(),
            ..p.clone()
        };
        let (_, form) = q.encode(BodyFormat::Form, "b");
        let form = String::from_utf8(form).unwrap();
        assert!(form.starts_with("id=7&gateway="), "{form}");
        assert!(form.contains("&content=a+b%26c&"));
        assert!(!form.contains("code=") && !form.contains("subAccount="));
        let (ct, mp) = q.encode(BodyFormat::Multipart, "XyZ");
        assert_eq!(ct, "multipart/form-data; boundary=XyZ");
        let mp = String::from_utf8(mp).unwrap();
        assert!(mp.contains("name=\"subAccount\"\r\n\r\n\r\n--XyZ"));
        assert!(mp.ends_with("--XyZ--\r\n"));
        assert_ne!(boundary(1), boundary(2));
    }
}
