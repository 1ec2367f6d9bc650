//! Request bodies SePay may POST: JSON, `application/x-www-form-urlencoded` and
//! `multipart/form-data`. Form bodies become a JSON object of strings, so one
//! decoder (with SePay's tolerant scalars) serves all three.
//!
//! A receiver reads the one encoding it is configured for
//! ([`BodyEncoding`]); the unsigned `Content-Type` header never decides how a
//! body is read, so the same bytes always give the same event.

use serde_json::{Map, Value};

/// The body encoding a receiver accepts. Signed notifications (HMAC) are
/// always JSON; for API-key and unauthenticated webhooks SePay lets the
/// merchant choose, and the receiver must be told which (JSON by default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BodyEncoding {
    /// `application/json` (the default, and the only one for signed bodies).
    #[default]
    Json,
    /// `application/x-www-form-urlencoded`.
    FormUrlEncoded,
    /// `multipart/form-data` (the boundary is read from the body's first line).
    Multipart,
}

impl BodyEncoding {
    /// The name used by bindings: `json`, `form`, `multipart`.
    pub fn as_str(&self) -> &'static str {
        match self {
            BodyEncoding::Json => "json",
            BodyEncoding::FormUrlEncoded => "form",
            BodyEncoding::Multipart => "multipart",
        }
    }

    /// Parses `json`, `form` or `multipart`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "json" => Some(BodyEncoding::Json),
            "form" => Some(BodyEncoding::FormUrlEncoded),
            "multipart" => Some(BodyEncoding::Multipart),
            _ => None,
        }
    }

    /// How to read `body` in this encoding; `Err` says what came instead.
    pub(crate) fn kind(self, body: &[u8]) -> Result<BodyKind, String> {
        match self {
            BodyEncoding::Json => match body.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'{') => Ok(BodyKind::Json),
                _ => Err("a body that is not a JSON object".to_string()),
            },
            BodyEncoding::FormUrlEncoded => Ok(BodyKind::UrlEncoded),
            BodyEncoding::Multipart => multipart_boundary(body).map(BodyKind::Multipart),
        }
    }
}

/// The boundary of a multipart body, from its first line `--{boundary}`.
fn multipart_boundary(body: &[u8]) -> Result<String, String> {
    let line = body.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.strip_prefix(b"--")
        .filter(|b| !b.is_empty() && b.len() <= 70)
        .and_then(|b| std::str::from_utf8(b).ok())
        .filter(|b| b.chars().all(|c| c.is_ascii_graphic() || c == ' '))
        .map(str::to_string)
        .ok_or_else(|| "a multipart body that does not start with `--boundary`".to_string())
}

/// How a body is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyKind {
    /// JSON.
    Json,
    /// `application/x-www-form-urlencoded`.
    UrlEncoded,
    /// `multipart/form-data` with its boundary.
    Multipart(String),
}

/// Parses a form body into a JSON object of strings (last value wins).
pub(crate) fn form_to_json(kind: &BodyKind, body: &[u8]) -> Result<Value, String> {
    let mut map = Map::new();
    match kind {
        BodyKind::Json => return Err("a JSON body where a form was expected".to_string()),
        BodyKind::UrlEncoded => {
            for (k, v) in url::form_urlencoded::parse(body) {
                map.insert(k.into_owned(), Value::String(v.into_owned()));
            }
        }
        BodyKind::Multipart(boundary) => {
            let chunk = bytes::Bytes::copy_from_slice(body);
            let stream = futures::stream::once(async move { Ok::<_, std::io::Error>(chunk) });
            let mut multipart = multer::Multipart::new(stream, boundary.clone());
            futures::executor::block_on(async {
                while let Some(field) = multipart.next_field().await.map_err(|e| e.to_string())? {
                    let name = field.name().unwrap_or_default().to_string();
                    // UTF-8 or an error: never decoded lossily, and no legacy
                    // encoding tables in the binary (multer's `text()` would
                    // decode any declared charset through encoding_rs).
                    let bytes = field.bytes().await.map_err(|e| e.to_string())?;
                    let text = String::from_utf8(bytes.to_vec())
                        .map_err(|_| format!("field {name:?} is not UTF-8 text"))?;
                    map.insert(name, Value::String(text));
                }
                Ok::<_, String>(())
            })
            .map_err(|e| format!("a malformed multipart body ({e})"))?;
        }
    }
    Ok(Value::Object(map))
}
