//! The reqwest transport on native targets (rustls, no OpenSSL).

use bytes::{Bytes, BytesMut};

use super::{HttpRequest, HttpResponse, Method, Transport, TransportError, TransportErrorKind};
use crate::config::ClientOptions;
use crate::error::{Error, Result};

/// Sends requests with a pooled `reqwest::Client`.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    max_body: usize,
}

impl ReqwestTransport {
    /// A transport configured from the client options. Redirects are not followed
    /// (SePay's APIs do not redirect; following one could carry a token elsewhere).
    pub fn new(options: &ClientOptions) -> Result<Self> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .user_agent(options.full_user_agent())
            .redirect(reqwest::redirect::Policy::none());
        // Without an explicit proxy reqwest reads HTTPS_PROXY / HTTP_PROXY /
        // ALL_PROXY and NO_PROXY from the environment.
        if let Some(proxy) = &options.proxy {
            let proxy = reqwest::Proxy::all(proxy.as_str()).map_err(|_| {
                Error::config("proxy must be an http:// or https:// URL with a host")
            })?;
            builder = builder.proxy(proxy);
        }
        if let Some(pem) = &options.ca_bundle_pem {
            let roots = reqwest::Certificate::from_pem_bundle(pem.as_bytes())
                .ok()
                .filter(|certs| !certs.is_empty())
                .ok_or_else(|| {
                    Error::config("ca_bundle holds no readable PEM certificate (BEGIN CERTIFICATE)")
                })?;
            for root in roots {
                builder = builder.add_root_certificate(root);
            }
        }
        let client = builder
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {e}")))?;
        Ok(ReqwestTransport {
            client,
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
    let kind = if e.is_connect() {
        TransportErrorKind::Connect
    } else if e.is_timeout() {
        TransportErrorKind::Timeout
    } else if e.is_body() || e.is_decode() {
        TransportErrorKind::Body
    } else {
        TransportErrorKind::Other
    };
    let mut message = e.to_string();
    let mut cause: Option<&dyn std::error::Error> = std::error::Error::source(&e);
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    TransportError {
        kind,
        message,
        source: Some(Box::new(e)),
    }
}

#[async_trait::async_trait]
impl Transport for ReqwestTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut builder = self.client.request(method(request.method), request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder.body(body);
        }
        let mut response = builder.send().await.map_err(classify)?;
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
        let too_large = || TransportError {
            kind: TransportErrorKind::TooLarge {
                limit: self.max_body,
            },
            message: format!("response body larger than {} bytes", self.max_body),
            source: None,
        };
        if response
            .content_length()
            .is_some_and(|n| n as usize > self.max_body)
        {
            return Err(too_large());
        }
        // Sized up front when the length is known: a 1.8 MB page is then
        // copied once instead of through a doubling buffer.
        let expected = response.content_length().unwrap_or(0) as usize;
        let mut body = BytesMut::with_capacity(expected.min(self.max_body));
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if body.len() + chunk.len() > self.max_body {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status,
            headers,
            body: Bytes::from(body),
        })
    }
}
