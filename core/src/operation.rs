//! Operations are values: each builds an [`HttpRequest`] from typed parameters
//! and decodes an [`HttpResponse`] into typed models. Both halves are pure.

use std::sync::Arc;

use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, MaybeSendSync};

/// Which API an operation talks to; it decides the credentials sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// User API v1 or v2: `Authorization: Bearer <API token>`.
    UserApi,
    /// Payment gateway: `Authorization: Basic base64(merchant_id:secret_key)`.
    PaymentGateway,
    /// OAuth2 resource API: `Authorization: Bearer <access token>`, refreshed as needed.
    OAuth2Api,
    /// Bank Hub: `Authorization: Bearer <token>` from the client-credentials grant.
    BankHub,
    /// No credentials added by the client (token endpoints set their own).
    None,
}

/// One SePay API call.
pub trait Operation: MaybeSendSync {
    /// What a successful call returns.
    type Output: MaybeSendSync;

    /// Stable name used in errors and parity lists, e.g. `v2.transactions.list`.
    fn name(&self) -> &'static str;

    /// The request, without credentials (the client adds those). Fails with a
    /// validation error for parameters SePay would reject.
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest>;

    /// Interprets any final response: success into `Output`, anything else into
    /// a typed error.
    fn decode(&self, response: &HttpResponse) -> Result<Self::Output>;

    /// The typed error for an error response (used for 429 and 5xx, which the
    /// client may retry before giving up).
    fn error(&self, response: &HttpResponse) -> Error;

    /// The API this call belongs to (default: the User API).
    fn surface(&self) -> Surface {
        Surface::UserApi
    }

    /// Whether the call may be repeated safely after it may have reached the server.
    fn idempotent(&self) -> bool {
        true
    }
}

/// What sending needs to know about an operation, without its types (so the
/// send loop is compiled once for every operation).
pub trait Exchange: MaybeSendSync {
    /// [`Operation::name`].
    fn name(&self) -> &'static str;
    /// [`Operation::surface`].
    fn surface(&self) -> Surface;
    /// [`Operation::idempotent`].
    fn idempotent(&self) -> bool;
    /// [`Operation::error`].
    fn error(&self, response: &HttpResponse) -> Error;
}

impl<O: Operation> Exchange for O {
    fn name(&self) -> &'static str {
        Operation::name(self)
    }
    fn surface(&self) -> Surface {
        Operation::surface(self)
    }
    fn idempotent(&self) -> bool {
        Operation::idempotent(self)
    }
    fn error(&self, response: &HttpResponse) -> Error {
        Operation::error(self, response)
    }
}

/// What sends requests: the client, as credential providers see it (so token
/// renewal does not depend on the client type).
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait Sender: MaybeSendSync {
    /// The base URLs requests are built against.
    fn base_urls(&self) -> &BaseUrls;
    /// The final response to `request` for `op`: credentials, rate limit,
    /// retries of what is safe to retry.
    async fn exchange(&self, op: &dyn Exchange, request: HttpRequest) -> Result<HttpResponse>;
    /// An owned handle, for work that outlives the caller (a detached renewal).
    fn to_shared(&self) -> Arc<dyn Sender>;
}

/// Runs `op` through `sender`: build the request, exchange, decode.
pub async fn run<O: Operation>(sender: &dyn Sender, op: &O) -> Result<O::Output> {
    let request = op.request(sender.base_urls())?;
    let response = sender.exchange(op, request).await?;
    op.decode(&response)
}
