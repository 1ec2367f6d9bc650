//! `HttpRequest` / `HttpResponse`: what every operation builds and decodes.

use std::fmt;

use bytes::Bytes;
use url::Url;

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(&self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// A request ready to send. `Debug` masks credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Full URL including the query string.
    pub url: Url,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// Body, if any.
    pub body: Option<Bytes>,
}

/// Checks a value that goes into a URL path (an id): it must be non-empty, at
/// most 256 characters, not `.` or `..`, and free of `/ \\ ? # %`, whitespace
/// and control characters, so no argument can change which resource is
/// addressed. Refused with `Error::Validation` before anything is sent.
pub fn path_arg(operation: &str, field: &str, value: &str) -> crate::Result<()> {
    let reason = if value.is_empty() {
        Some("must not be empty".to_string())
    } else if value == "." || value == ".." {
        Some(format!("must not be {value:?}"))
    } else if value.chars().count() > 256 {
        Some("must be at most 256 characters".to_string())
    } else {
        value
            .chars()
            .find(|c| {
                matches!(c, '/' | '\\' | '?' | '#' | '%') || c.is_whitespace() || c.is_control()
            })
            .map(|c| format!("must not contain {c:?}"))
    };
    match reason {
        Some(r) => Err(crate::Error::invalid_param(operation, field, r)),
        None => Ok(()),
    }
}

impl HttpRequest {
    /// A GET of `base` + path segments + query pairs (empty values are skipped).
    /// Segments are percent-encoded, so an id can never change the path.
    pub fn get(base: &Url, segments: &[&str], query: &[(&str, String)]) -> Self {
        let mut url = base.clone();
        // Base URLs are validated to be http(s) (never cannot-be-a-base).
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty();
            path.extend(segments);
        }
        let pairs: Vec<_> = query.iter().filter(|(_, v)| !v.is_empty()).collect();
        if !pairs.is_empty() {
            let mut q = url.query_pairs_mut();
            for (k, v) in pairs {
                q.append_pair(k, v);
            }
        }
        HttpRequest {
            method: Method::Get,
            url,
            headers: vec![("accept".into(), "application/json".into())],
            body: None,
        }
    }

    /// A request with a JSON body to `base` + path segments.
    pub fn json(method: Method, base: &Url, segments: &[&str], body: &serde_json::Value) -> Self {
        let mut request = HttpRequest::get(base, segments, &[]);
        request.method = method;
        request.set_json(body);
        request
    }

    /// Sends `body` as JSON (content type and body).
    pub fn set_json(&mut self, body: &serde_json::Value) {
        self.set_header("content-type", "application/json".into());
        self.body = Some(Bytes::from(body.to_string()));
    }

    /// The value of a header (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name)
    }

    /// Sets a header, replacing any with the same name.
    pub fn set_header(&mut self, name: &str, value: String) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_ascii_lowercase(), value));
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| {
                let sensitive = n.eq_ignore_ascii_case("authorization") || n.contains("secret");
                (n.as_str(), if sensitive { "****" } else { v.as_str() })
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url.as_str())
            .field("headers", &headers)
            .field("body_len", &self.body.as_ref().map(|b| b.len()))
            .finish()
    }
}

/// A complete response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Header names (lowercase) and values.
    pub headers: Vec<(String, String)>,
    /// The whole body.
    pub body: Bytes,
}

impl HttpResponse {
    /// The value of a header (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name)
    }

    /// A header parsed as a number of seconds (`Retry-After: 2`, `X-RateLimit-Reset: 1`).
    pub fn header_seconds(&self, name: &str) -> Option<f64> {
        let v: f64 = self.header(name)?.trim().parse().ok()?;
        (v.is_finite() && v >= 0.0).then_some(v)
    }
}

fn find<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_escape_their_path_segment() {
        let base = Url::parse("https://my.sepay.vn/userapi").unwrap();
        let r = HttpRequest::get(&base, &["transactions", "details", "1/../x?y"], &[]);
        assert_eq!(
            r.url.as_str(),
            "https://my.sepay.vn/userapi/transactions/details/1%2F..%2Fx%3Fy"
        );
    }

    #[test]
    fn query_skips_empty_values_and_encodes() {
        let base = Url::parse("https://userapi.sepay.vn/v2/").unwrap();
        let q = [("a", "x y".to_string()), ("b", String::new())];
        let r = HttpRequest::get(&base, &["transactions"], &q);
        assert_eq!(
            r.url.as_str(),
            "https://userapi.sepay.vn/v2/transactions?a=x+y"
        );
    }

    #[test]
    fn debug_masks_authorization() {
        let base = Url::parse("https://userapi.sepay.vn/v2").unwrap();
        let mut r = HttpRequest::get(&base, &[], &[]);
        r.set_header("Authorization", "Bearer SECRET".into());
        assert!(!format!("{r:?}").contains("SECRET"));
    }
}
