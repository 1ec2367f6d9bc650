//! Request bodies SePay may POST: JSON, `application/x-www-form-urlencoded` and
//! `multipart/form-data`. Form bodies become a JSON object of strings, so one
//! decoder (with SePay's tolerant scalars) serves all three.

use serde_json::{Map, Value};

/// How a body is encoded, from its `Content-Type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyKind {
    /// `application/json` (also assumed when the type is missing and the body is an object).
    Json,
    /// `application/x-www-form-urlencoded`.
    UrlEncoded,
    /// `multipart/form-data` with its boundary.
    Multipart(String),
}

/// Classifies a body by content type; `Err` says what came instead.
pub fn body_kind(content_type: Option<&str>, body: &[u8]) -> Result<BodyKind, String> {
    let Some(ct) = content_type.map(str::trim).filter(|c| !c.is_empty()) else {
        return match body.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Ok(BodyKind::Json),
            _ => Err("no Content-Type and a body that is not a JSON object".to_string()),
        };
    };
    let mime: mime::Mime = ct
        .parse()
        .map_err(|_| format!("an unreadable Content-Type {ct:?}"))?;
    match (mime.type_().as_str(), mime.subtype().as_str()) {
        ("application", "json") => Ok(BodyKind::Json),
        ("application", "x-www-form-urlencoded") => Ok(BodyKind::UrlEncoded),
        ("multipart", "form-data") => mime
            .get_param(mime::BOUNDARY)
            .map(|b| BodyKind::Multipart(b.to_string()))
            .ok_or_else(|| "multipart/form-data without a boundary".to_string()),
        _ => Err(format!("Content-Type {ct:?}")),
    }
}

/// Parses a form body into a JSON object of strings (last value wins).
pub fn form_to_json(kind: &BodyKind, body: &[u8]) -> Result<Value, String> {
    let mut map = Map::new();
    match kind {
        BodyKind::Json => unreachable!("JSON bodies are not forms"),
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
                    let text = field.text().await.map_err(|e| e.to_string())?;
                    map.insert(name, Value::String(text));
                }
                Ok::<_, String>(())
            })
            .map_err(|e| format!("a malformed multipart body ({e})"))?;
        }
    }
    Ok(Value::Object(map))
}
