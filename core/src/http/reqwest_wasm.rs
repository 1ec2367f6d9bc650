//! The reqwest transport on wasm32: reqwest's wasm backend calls the runtime's
//! global `fetch` (Node 18+, Deno, browsers).

use super::{HttpRequest, HttpResponse, Method, Transport, TransportError, TransportErrorKind};
use crate::config::ClientOptions;
use crate::error::Result;

/// Sends requests through `fetch`.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    max_body: usize,
}

impl ReqwestTransport {
    /// A transport configured from the client options.
    pub fn new(options: &ClientOptions) -> Result<Self> {
        Ok(ReqwestTransport {
            client: reqwest::Client::new(),
            max_body: options.max_response_bytes,
        })
    }
}

fn method(m: Method) -> reqwest::Method {
    match m {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Patch => reqwest::Method::PATCH,
        Method::Delete => reqwest::Method::DELETE,
    }
}

fn classify(e: reqwest::Error) -> TransportError {
    let kind = if e.is_timeout() {
        TransportErrorKind::Timeout
    } else if e.is_body() || e.is_decode() {
        TransportErrorKind::Body
    } else {
        TransportErrorKind::Other
    };
    TransportError {
        kind,
        message: e.to_string(),
        source: Some(Box::new(e)),
    }
}

#[async_trait::async_trait(?Send)]
impl Transport for ReqwestTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut builder = self.client.request(method(request.method), request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder.body(body);
        }
        let response = builder.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response.bytes().await.map_err(classify)?;
        if body.len() > self.max_body {
            return Err(TransportError {
                kind: TransportErrorKind::TooLarge {
                    limit: self.max_body,
                },
                message: format!("response body larger than {} bytes", self.max_body),
                source: None,
            });
        }
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}
