//! Shared decoding: JSON with error paths, body summaries for error messages,
//! and serde adapters for SePay's loose scalars.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use serde::Deserializer;

use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::json_path;

/// Longest piece of a body quoted in an error message.
const SNIPPET: usize = 160;

/// Decodes a JSON body into `T`, or a [`Error::Decode`] that says where, what
/// was expected and what came.
pub(crate) fn json<T: DeserializeOwned>(operation: &str, response: &HttpResponse) -> Result<T> {
    json_seed(operation, response, std::marker::PhantomData::<T>)
}

/// Like [`json`] with a seed (for envelopes whose data key varies).
pub(crate) fn json_seed<'de, S: DeserializeSeed<'de>>(
    operation: &str,
    response: &'de HttpResponse,
    seed: S,
) -> Result<S::Value> {
    if let Some(found) = not_json(response) {
        return Err(Error::Decode {
            operation: operation.to_string(),
            path: None,
            expected: "a JSON body".to_string(),
            found,
        });
    }
    // The body is checked as UTF-8 once, as a whole, so that serde_json does
    // not check each string again (≈ 8% of a page). A failure names where it
    // happened by walking the text to serde_json's position (`json_path`).
    let text = std::str::from_utf8(&response.body).map_err(|e| Error::Decode {
        operation: operation.to_string(),
        path: None,
        expected: "a UTF-8 JSON body".to_string(),
        found: format!("bytes that are not UTF-8 at byte {}", e.valid_up_to()),
    })?;
    let mut de = serde_json::Deserializer::from_str(text);
    seed.deserialize(&mut de)
        .and_then(|v| de.end().map(|_| v))
        .map_err(|e| {
            let path = (!e.is_eof())
                .then(|| json_path::path_at(text, json_path::offset_of(text, e.line(), e.column())))
                .filter(|p| p != ".");
            decode_error(operation, path, &e, response.body.len())
        })
}

fn decode_error(operation: &str, path: Option<String>, e: &serde_json::Error, len: usize) -> Error {
    let text = e.to_string();
    let text = text
        .rfind(" at line ")
        .map(|i| text[..i].to_string())
        .unwrap_or(text);
    let (expected, found) = if e.is_eof() {
        (
            "complete JSON".to_string(),
            format!("a body that ends early (after {len} bytes)"),
        )
    } else if let Some(field) = text.strip_prefix("missing field ") {
        (format!("field {field}"), "no such field".to_string())
    } else if let Some((found, expected)) = text.split_once(", expected ") {
        let found = ["invalid type: ", "invalid value: ", "unknown variant "]
            .iter()
            .find_map(|p| found.strip_prefix(p))
            .unwrap_or(found);
        (expected.to_string(), found.to_string())
    } else {
        ("valid JSON".to_string(), text)
    };
    Error::Decode {
        operation: operation.to_string(),
        path,
        expected,
        found,
    }
}

/// Why a body is not JSON at all (empty, HTML, other content type), if it is not.
fn not_json(response: &HttpResponse) -> Option<String> {
    let body = trim_start(&response.body);
    let status = response.status;
    if body.is_empty() {
        return Some(format!("an empty body (HTTP {status})"));
    }
    let content_type = response.header("content-type").unwrap_or("");
    if looks_like_html(body) || content_type.contains("html") {
        return Some(format!(
            "an HTML page (HTTP {status}): {}",
            summarize(&response.body)
        ));
    }
    if !matches!(body[0], b'{' | b'[') {
        return Some(format!(
            "{} (HTTP {status}, content-type {content_type:?})",
            summarize(&response.body)
        ));
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let i = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[i..]
}

fn looks_like_html(body: &[u8]) -> bool {
    body.first() == Some(&b'<')
}

/// A short, single-line description of a body for error messages: the `<title>`
/// of an HTML page, otherwise its first characters.
pub(crate) fn summarize(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if text.trim().is_empty() {
        return "an empty body".to_string();
    }
    let lower = text.to_ascii_lowercase();
    if let (Some(a), Some(b)) = (lower.find("<title>"), lower.find("</title>")) {
        if a + 7 <= b {
            return format!("<title>{}</title>", text[a + 7..b].trim());
        }
    }
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > SNIPPET {
        format!("{:?}…", flat.chars().take(SNIPPET).collect::<String>())
    } else {
        format!("{flat:?}")
    }
}

/// Serde adapter: an id sent as a string or an integer, kept as an opaque string.
pub(crate) mod id {
    use super::*;

    struct IdVisitor;

    impl Visitor<'_> for IdVisitor {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an id as a string or an integer")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            if v.is_empty() {
                return Err(E::invalid_value(de::Unexpected::Str(v), &self));
            }
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }

    /// Deserializes an id.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        d.deserialize_any(IdVisitor)
    }

    /// Optional id: `null` or missing is `None`.
    pub mod opt {
        use super::*;
        /// Deserializes an optional id (`null` / `""` are `None`).
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
            let v: Option<serde_json::Value> = serde::Deserialize::deserialize(d)?;
            match v {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) if s.is_empty() => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s)),
                Some(serde_json::Value::Number(n)) if n.is_u64() || n.is_i64() => {
                    Ok(Some(n.to_string()))
                }
                Some(other) => Err(de::Error::invalid_type(
                    unexpected(&other),
                    &"an id as a string or an integer, or null",
                )),
            }
        }
    }
}

/// Serde adapter: a yes/no flag sent as `"1"`/`"0"`, `1`/`0` or `true`/`false`.
pub(crate) mod flag {
    use super::*;

    struct FlagVisitor;

    impl Visitor<'_> for FlagVisitor {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a flag: 0/1, \"0\"/\"1\" or a boolean")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
            match v {
                0 => Ok(false),
                1 => Ok(true),
                _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
            }
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
            match v {
                0 => Ok(false),
                1 => Ok(true),
                _ => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            match v {
                "0" | "false" => Ok(false),
                "1" | "true" => Ok(true),
                _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
            }
        }
    }

    /// Deserializes a flag.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        d.deserialize_any(FlagVisitor)
    }
}

/// Serde adapter: a count sent as an integer or a numeric string.
pub(crate) mod count {
    use super::*;

    struct CountVisitor;

    impl Visitor<'_> for CountVisitor {
        type Value = u64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a non-negative count")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
            v.parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }

    /// Deserializes a count.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

/// Serde adapter: optional text where `null`, missing and `""` all mean none.
pub(crate) mod opt_text {
    use super::*;
    /// Deserializes optional text.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let v: Option<String> = serde::Deserialize::deserialize(d)?;
        Ok(v.filter(|s| !s.is_empty()))
    }
}

fn unexpected(v: &serde_json::Value) -> de::Unexpected<'_> {
    match v {
        serde_json::Value::Bool(b) => de::Unexpected::Bool(*b),
        serde_json::Value::Array(_) => de::Unexpected::Seq,
        serde_json::Value::Object(_) => de::Unexpected::Map,
        serde_json::Value::Number(_) => de::Unexpected::Other("a number"),
        serde_json::Value::String(s) => de::Unexpected::Str(s),
        serde_json::Value::Null => de::Unexpected::Unit,
    }
}
