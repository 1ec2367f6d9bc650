//! Requests and responses as plain values, and the transport seam between them.

#[cfg(target_arch = "wasm32")]
mod fetch;
mod request;
#[cfg(not(target_arch = "wasm32"))]
mod reqwest_native;
pub mod rt;

#[cfg(target_arch = "wasm32")]
pub use fetch::FetchTransport;
/// The transport a client uses unless given another (`ClientBuilder::transport`).
#[cfg(target_arch = "wasm32")]
pub use fetch::FetchTransport as DefaultTransport;
pub use request::{path_arg, HttpRequest, HttpResponse, Method};
#[cfg(not(target_arch = "wasm32"))]
pub use reqwest_native::ReqwestTransport;
/// The transport a client uses unless given another (`ClientBuilder::transport`).
#[cfg(not(target_arch = "wasm32"))]
pub use reqwest_native::ReqwestTransport as DefaultTransport;

use std::fmt;

/// Why a request produced no usable response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportErrorKind {
    /// No connection could be made; the request provably never left.
    Connect,
    /// The attempt ran out of time.
    Timeout,
    /// The connection broke while the response was being read.
    Body,
    /// The body was larger than the configured limit.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// Anything else (the request may have been sent).
    Other,
}

/// A failed exchange with the server.
#[derive(Debug)]
pub struct TransportError {
    /// What kind of failure.
    pub kind: TransportErrorKind,
    /// Human-readable description.
    pub message: String,
    /// The underlying error, if any.
    pub source: Option<crate::error::Cause>,
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `Send + Sync` on native targets, nothing on wasm32 (where futures are not `Send`).
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSendSync: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> MaybeSendSync for T {}
/// `Send + Sync` on native targets, nothing on wasm32 (where futures are not `Send`).
#[cfg(target_arch = "wasm32")]
pub trait MaybeSendSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSendSync for T {}

/// Sends one request and returns the complete response. Implementations only
/// move bytes: no retries, no status interpretation. Swap it in tests.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait Transport: MaybeSendSync + fmt::Debug {
    /// Performs the exchange.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}
