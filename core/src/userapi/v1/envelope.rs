//! v1's envelope: `{"status":200,"error":null,"messages":{"success":true},"<key>":…}`.
//! Errors use CodeIgniter's shape `{"status":404,"error":404,"messages":{"error":"…"}}`
//! (UNVERIFIED for SePay; decoded tolerantly).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::client::retry_after;
use crate::decode::{self, summarize};
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::userapi::{field_errors, text_of, ErrorAnswer};

/// Decodes a successful v1 answer whose payload sits under `key`.
pub(crate) fn decode<T: for<'de> Deserialize<'de>>(
    operation: &str,
    key: &'static str,
    response: &HttpResponse,
) -> Result<T> {
    if !(200..300).contains(&response.status) || is_blank(&response.body) {
        return Err(error(operation, response));
    }
    let body = decode::json_seed(
        operation,
        response,
        BodySeed::<T> {
            key,
            data: PhantomData,
        },
    )?;
    if body.failed() {
        return Err(body.answer(response).into_error(operation));
    }
    body.data.ok_or_else(|| Error::Decode {
        operation: operation.to_string(),
        path: None,
        expected: format!("field `{key}`"),
        found: "no such field".to_string(),
    })
}

/// The typed error for a v1 error answer.
pub(crate) fn error(operation: &str, response: &HttpResponse) -> Error {
    if response.status == 200 && is_blank(&response.body) {
        return Error::Authentication {
            operation: operation.to_string(),
            status: 200,
            code: None,
            message: "SePay answered HTTP 200 with an empty body, which User API v1 uses for a missing, wrong or disabled API token".to_string(),
        };
    }
    let parsed: Option<Value> = serde_json::from_slice(&response.body).ok();
    let message = parsed
        .as_ref()
        .and_then(message_of)
        .unwrap_or_else(|| summarize(&response.body));
    ErrorAnswer {
        status: response.status,
        code: None,
        message,
        field_errors: field_errors(
            parsed
                .as_ref()
                .and_then(|v| v.get("messages"))
                .filter(|m| m.get("error").is_none()),
        ),
        retry_after: retry_after(response),
    }
    .into_error(operation)
}

fn is_blank(body: &[u8]) -> bool {
    body.iter().all(|b| b.is_ascii_whitespace())
}

fn message_of(v: &Value) -> Option<String> {
    let messages = v.get("messages");
    messages
        .and_then(|m| m.get("error"))
        .or_else(|| v.get("error").filter(|e| !e.is_null()))
        .or_else(|| v.get("message"))
        .or_else(|| messages.filter(|m| !m.is_null()))
        .map(text_of)
}

/// The parsed envelope.
struct Body<T> {
    status: Option<Value>,
    error: Option<Value>,
    messages: Option<Value>,
    data: Option<T>,
}

impl<T> Body<T> {
    /// A business error answered with HTTP 200.
    fn failed(&self) -> bool {
        let bad_status = match &self.status {
            Some(Value::Number(n)) => n.as_u64().is_some_and(|s| !(200..300).contains(&s)),
            Some(Value::String(s)) => s != "200" && s != "success",
            _ => false,
        };
        let bad_error = self.error.as_ref().is_some_and(|e| !e.is_null());
        let not_success = self
            .messages
            .as_ref()
            .and_then(|m| m.get("success"))
            .is_some_and(|s| s == &Value::Bool(false));
        bad_status || bad_error || not_success
    }

    fn answer(&self, response: &HttpResponse) -> ErrorAnswer {
        let status = match &self.status {
            Some(Value::Number(n)) => n.as_u64().and_then(|s| u16::try_from(s).ok()),
            _ => None,
        }
        .filter(|s| *s >= 400)
        .unwrap_or(422);
        let mut v = serde_json::Map::new();
        for (k, x) in [("error", &self.error), ("messages", &self.messages)] {
            if let Some(x) = x {
                v.insert(k.to_string(), x.clone());
            }
        }
        ErrorAnswer {
            status,
            code: None,
            message: message_of(&Value::Object(v)).unwrap_or_else(|| summarize(&response.body)),
            field_errors: Vec::new(),
            retry_after: None,
        }
    }
}

struct BodySeed<T> {
    key: &'static str,
    data: PhantomData<T>,
}

impl<T> Clone for BodySeed<T> {
    fn clone(&self) -> Self {
        BodySeed {
            key: self.key,
            data: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for BodySeed<T> {
    type Value = Body<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Body<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for BodySeed<T> {
    type Value = Body<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a v1 envelope object with `{}`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Body<T>, A::Error> {
        let mut body = Body {
            status: None,
            error: None,
            messages: None,
            data: None,
        };
        while let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match k.as_ref() {
                "status" => body.status = Some(map.next_value()?),
                "error" => body.error = Some(map.next_value()?),
                "messages" => body.messages = Some(map.next_value()?),
                key if key == self.key => {
                    if body.data.is_some() {
                        return Err(de::Error::duplicate_field(self.key));
                    }
                    body.data = Some(map.next_value()?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![],
            body: body.as_bytes().to_vec().into(),
        }
    }

    #[test]
    fn empty_200_is_authentication_failure() {
        let e = decode::<Vec<Value>>("op", "transactions", &resp(200, "")).unwrap_err();
        assert!(
            matches!(e, Error::Authentication { status: 200, .. }),
            "{e}"
        );
    }

    #[test]
    fn codeigniter_errors_map_by_status() {
        let e = error(
            "op",
            &resp(
                404,
                r#"{"status":404,"error":404,"messages":{"error":"Not found"}}"#,
            ),
        );
        assert!(matches!(e, Error::NotFound { .. }));
        assert!(e.to_string().contains("Not found"), "{e}");
    }

    #[test]
    fn business_error_in_a_200_is_an_error() {
        let body = r#"{"status":400,"error":400,"messages":{"error":"limit is invalid"}}"#;
        let e = decode::<Vec<Value>>("op", "transactions", &resp(200, body)).unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{e}");
        assert!(e.to_string().contains("limit is invalid"));
    }

    #[test]
    fn missing_key_is_a_decode_error() {
        let body = r#"{"status":200,"error":null,"messages":{"success":true}}"#;
        let e = decode::<Vec<Value>>("op", "transactions", &resp(200, body)).unwrap_err();
        assert!(e.to_string().contains("field `transactions`"), "{e}");
    }
}
