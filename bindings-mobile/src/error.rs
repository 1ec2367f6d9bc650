//! The core's [`sepay::Error`] as a uniffi error: Kotlin `SePayException.NotFound`
//! (and friends), Swift `SePayError.notFound(...)`. Every case carries the same
//! common fields, read through the core's own accessors; `detail` is the core's
//! message, which never contains a token or secret.

use std::time::Duration;

use sepay::FieldError;

/// A failed SePay call. `toString()` (Kotlin) / `description` (Swift) is the core's message.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum SePayError {
    /// The token was missing, wrong or disabled.
    #[error("{detail}")]
    Authentication {
        /// Operation name, e.g. `v2.transactions.list`.
        operation: String,
        /// HTTP status SePay answered with.
        status: Option<u16>,
        /// SePay's `error_code`, when it sent one.
        code: Option<String>,
        /// The full message.
        detail: String,
    },
    /// The resource does not exist or does not belong to this company.
    #[error("{detail}")]
    NotFound {
        /// Operation name.
        operation: String,
        /// HTTP status.
        status: Option<u16>,
        /// SePay's `error_code`.
        code: Option<String>,
        /// The full message.
        detail: String,
    },
    /// Rejected as invalid, by SePay (`status` set) or by the SDK before sending (`status` null).
    #[error("{detail}")]
    Validation {
        /// Operation name.
        operation: String,
        /// HTTP status, or null when the SDK refused to send the request.
        status: Option<u16>,
        /// SePay's `error_code`.
        code: Option<String>,
        /// Per-field details.
        field_errors: Vec<FieldError>,
        /// The full message.
        detail: String,
    },
    /// SePay's rate limit was hit and the retry budget ran out.
    #[error("{detail}")]
    RateLimited {
        /// Operation name.
        operation: String,
        /// HTTP status (429).
        status: Option<u16>,
        /// `rate_limited`.
        code: Option<String>,
        /// How long SePay asked to wait, when it said.
        retry_after: Option<Duration>,
        /// The full message.
        detail: String,
    },
    /// SePay failed (5xx) and the retry budget ran out.
    #[error("{detail}")]
    Server {
        /// Operation name.
        operation: String,
        /// HTTP status.
        status: Option<u16>,
        /// SePay's `error_code`.
        code: Option<String>,
        /// The full message.
        detail: String,
    },
    /// Any other error answer (e.g. 403).
    #[error("{detail}")]
    Api {
        /// Operation name.
        operation: String,
        /// HTTP status.
        status: Option<u16>,
        /// SePay's `error_code`.
        code: Option<String>,
        /// The full message.
        detail: String,
    },
    /// The request could not be sent or the answer could not be read.
    #[error("{detail}")]
    Transport {
        /// Operation name.
        operation: String,
        /// The full message.
        detail: String,
    },
    /// No complete answer arrived in time.
    #[error("{detail}")]
    Timeout {
        /// Operation name.
        operation: String,
        /// The per-request timeout that elapsed.
        after: Duration,
        /// The full message.
        detail: String,
    },
    /// The answer was not what SePay documents.
    #[error("{detail}")]
    Decode {
        /// Operation name.
        operation: String,
        /// Where in the JSON, e.g. `transactions[3].amount_in`.
        path: Option<String>,
        /// What the SDK expected.
        expected: String,
        /// What actually came (shortened).
        found: String,
        /// The full message.
        detail: String,
    },
    /// Walking a list could not guarantee a complete, duplicate-free result.
    #[error("{detail}")]
    Pagination {
        /// Operation name.
        operation: String,
        /// The full message.
        detail: String,
    },
    /// An inbound notification failed verification (wrong key or signature,
    /// stale timestamp, wrong method); reply with `webhookErrorReply(e)` (401).
    #[error("{detail}")]
    WebhookVerification {
        /// Why it was rejected (never contains the secret).
        reason: String,
        /// The full message.
        detail: String,
    },
    /// A store the application supplied (OAuth2 `TokenStore`, webhook
    /// `DedupStore`) threw; nothing was lost and the call can be repeated. A
    /// webhook endpoint answers it with `webhookErrorReply(e)` (503, SePay retries).
    #[error("{detail}")]
    Store {
        /// The store method that failed, e.g. `oauth.token_store`.
        operation: String,
        /// The full message (with what the store threw).
        detail: String,
    },
    /// The client was configured in a way that cannot work.
    #[error("{detail}")]
    Configuration {
        /// The full message.
        detail: String,
    },
    /// An error kind this build of the bindings does not know yet.
    #[error("{detail}")]
    Other {
        /// The core's short name of the kind.
        kind: String,
        /// Operation name.
        operation: String,
        /// HTTP status, when there was an answer.
        status: Option<u16>,
        /// SePay's `error_code`.
        code: Option<String>,
        /// The full message.
        detail: String,
    },
}

impl SePayError {
    /// The core error this one came from, as far as the core's webhook reply
    /// rules tell kinds apart (verification, store; anything else is a body
    /// that could not be read).
    pub(crate) fn to_core(&self) -> sepay::Error {
        match self {
            SePayError::WebhookVerification { reason, .. } => sepay::Error::WebhookVerification {
                reason: reason.clone(),
            },
            SePayError::Store { operation, detail } => {
                sepay::Error::store(operation, detail.clone())
            }
            other => sepay::Error::Decode {
                operation: String::new(),
                path: None,
                expected: String::new(),
                found: other.to_string(),
            },
        }
    }
}

impl From<sepay::Error> for SePayError {
    fn from(e: sepay::Error) -> Self {
        use sepay::Error as E;
        let operation = e.operation().to_string();
        let status = e.status();
        let code = e.code().map(str::to_string);
        let detail = e.to_string();
        match e {
            E::Authentication { .. } => SePayError::Authentication {
                operation,
                status,
                code,
                detail,
            },
            E::NotFound { .. } => SePayError::NotFound {
                operation,
                status,
                code,
                detail,
            },
            E::Validation { field_errors, .. } => SePayError::Validation {
                operation,
                status,
                code,
                field_errors,
                detail,
            },
            E::RateLimited { retry_after, .. } => SePayError::RateLimited {
                operation,
                status,
                code,
                retry_after,
                detail,
            },
            E::Server { .. } => SePayError::Server {
                operation,
                status,
                code,
                detail,
            },
            E::Api { .. } => SePayError::Api {
                operation,
                status,
                code,
                detail,
            },
            E::Transport { .. } => SePayError::Transport { operation, detail },
            E::Timeout { after, .. } => SePayError::Timeout {
                operation,
                after,
                detail,
            },
            E::Decode {
                path,
                expected,
                found,
                ..
            } => SePayError::Decode {
                operation,
                path,
                expected,
                found,
                detail,
            },
            E::Pagination { .. } => SePayError::Pagination { operation, detail },
            E::Store { .. } => SePayError::Store { operation, detail },
            E::Configuration { .. } => SePayError::Configuration { detail },
            E::WebhookVerification { reason } => SePayError::WebhookVerification { reason, detail },
            other => SePayError::Other {
                kind: other.kind().to_string(),
                operation,
                status,
                code,
                detail,
            },
        }
    }
}
