//! Request bodies as a flat field map: JSON objects, URL-encoded forms and
//! `multipart/form-data` (form values become JSON strings).

use std::collections::BTreeMap;

use serde_json::Value;

/// The fields of a request body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fields(pub BTreeMap<String, Value>);

/// Why a body could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadBody(pub String);

impl Fields {
    /// Parses `body` according to `content_type` (JSON when it says so or
    /// when the body starts with `{`; an empty body has no fields).
    pub fn parse(content_type: &str, body: &[u8]) -> Result<Fields, BadBody> {
        let ct = content_type.to_ascii_lowercase();
        let trimmed = body.trim_ascii();
        if trimmed.is_empty() {
            return Ok(Fields::default());
        }
        if ct.starts_with("multipart/form-data") {
            let boundary = boundary_of(content_type)
                .ok_or_else(|| BadBody("multipart body without a boundary".into()))?;
            return multipart(body, &boundary).map(Fields);
        }
        if ct.contains("json") || trimmed.starts_with(b"{") {
            return match serde_json::from_slice::<Value>(trimmed) {
                Ok(Value::Object(m)) => Ok(Fields(m.into_iter().collect())),
                Ok(_) => Err(BadBody("the JSON body must be an object".into())),
                Err(e) => Err(BadBody(format!("malformed JSON body: {e}"))),
            };
        }
        Ok(Fields(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
                .collect(),
        ))
    }

    /// The raw value of `key` (`None` when absent).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Whether `key` is present (even as `null`).
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// `key` as trimmed text (numbers and booleans as their JSON text);
    /// `None` when absent, `null` or empty.
    pub fn text(&self, key: &str) -> Option<String> {
        let s = match self.0.get(key)? {
            Value::String(s) => s.trim().to_string(),
            Value::Null => return None,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            other => other.to_string(),
        };
        (!s.is_empty()).then_some(s)
    }
}

fn boundary_of(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Text fields of a `multipart/form-data` body (file parts are read as text too).
fn multipart(body: &[u8], boundary: &str) -> Result<BTreeMap<String, Value>, BadBody> {
    let delim = format!("--{boundary}");
    let bad = || BadBody("malformed multipart body".into());
    let mut out = BTreeMap::new();
    let mut pos = find(body, delim.as_bytes(), 0).ok_or_else(bad)? + delim.len();
    loop {
        if body[pos..].starts_with(b"--") {
            return Ok(out);
        }
        let head_start = pos + 2; // CRLF after the delimiter
        let head_end = find(body, b"\r\n\r\n", head_start).ok_or_else(bad)?;
        let value_start = head_end + 4;
        let next = find(body, format!("\r\n{delim}").as_bytes(), value_start).ok_or_else(bad)?;
        let head = String::from_utf8_lossy(&body[head_start..head_end]);
        let name = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))
            .and_then(|l| {
                l.split(';').find_map(|p| {
                    let (k, v) = p.trim().split_once('=')?;
                    (k.trim() == "name").then(|| v.trim().trim_matches('"').to_string())
                })
            })
            .ok_or_else(bad)?;
        let value = String::from_utf8_lossy(&body[value_start..next]).into_owned();
        out.insert(name, Value::String(value));
        pos = next + 2 + delim.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_form_and_multipart() {
        let f = Fields::parse(
            "application/json",
            br#"{"amount":5,"order_code":" A1 ","x":null}"#,
        )
        .unwrap();
        assert_eq!(f.text("amount").as_deref(), Some("5"));
        assert_eq!(f.text("order_code").as_deref(), Some("A1"));
        assert!(f.has("x") && f.text("x").is_none());
        let f = Fields::parse("application/x-www-form-urlencoded", b"amount=5&tid=209").unwrap();
        assert_eq!(f.get("amount"), Some(&Value::String("5".into())));
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n500000\r\n--XyZ\r\nContent-Disposition: form-data; name=\"order_code\"\r\n\r\nDH0001\r\n--XyZ--\r\n";
        let f = Fields::parse("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(f.text("amount").as_deref(), Some("500000"));
        assert_eq!(f.text("order_code").as_deref(), Some("DH0001"));
        assert!(Fields::parse("application/json", b"{nope").is_err());
        assert!(Fields::parse("application/json", b"[1]").is_err());
        assert_eq!(Fields::parse("", b"  ").unwrap(), Fields::default());
        let empty = b"--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n--b--";
        let f = Fields::parse("multipart/form-data; boundary=b", empty).unwrap();
        assert_eq!(f.get("x"), Some(&Value::String(String::new())));
        for bad in [
            &b"--b\r\nX\r\n\r\n--b--"[..],
            b"--b\r\n",
            b"nothing",
            b"--b\r\nX\r\n\r\nvalue",
        ] {
            assert!(Fields::parse("multipart/form-data; boundary=b", bad).is_err());
        }
    }
}
