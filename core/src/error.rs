//! The one public error type. Every variant names the operation that failed and
//! carries what a caller can act on; no message ever contains a secret.

use std::time::Duration;

/// A field-level validation message, from SePay (`errors: {field: [..]}`) or from
/// the SDK's own checks before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldError {
    /// The parameter or body field, e.g. `per_page`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// Boxed underlying cause of a transport failure.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong talking to SePay.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The token was missing, wrong or disabled (v1: HTTP 200 with an empty body; v2: 401).
    #[error("{operation}: authentication failed ({}): {message}", describe(Some(*status), code))]
    Authentication {
        /// Operation name, e.g. `v2.transactions.list`.
        operation: String,
        /// HTTP status SePay answered with.
        status: u16,
        /// SePay's `error_code`, when it sent one.
        code: Option<String>,
        /// SePay's message or the SDK's explanation.
        message: String,
    },
    /// The resource does not exist or does not belong to this company.
    #[error("{operation}: not found ({}): {message}", describe(Some(*status), code))]
    NotFound {
        /// Operation name.
        operation: String,
        /// HTTP status.
        status: u16,
        /// SePay's `error_code`.
        code: Option<String>,
        /// SePay's message.
        message: String,
    },
    /// The request was rejected as invalid, by SePay (`status` set) or by the SDK
    /// before sending (`status` is `None`).
    #[error("{operation}: invalid request ({}): {message}{}", describe(*status, code), fields(field_errors))]
    Validation {
        /// Operation name.
        operation: String,
        /// HTTP status, or `None` when the SDK refused to send the request.
        status: Option<u16>,
        /// SePay's `error_code` (e.g. `invalid_state`).
        code: Option<String>,
        /// What is wrong.
        message: String,
        /// Per-field details.
        field_errors: Vec<FieldError>,
    },
    /// SePay's rate limit was hit and the retry budget ran out.
    #[error(
        "{operation}: rate limited by SePay{}: {message}",
        retry_hint(retry_after)
    )]
    RateLimited {
        /// Operation name.
        operation: String,
        /// How long SePay asked to wait, when it said.
        retry_after: Option<Duration>,
        /// SePay's message.
        message: String,
    },
    /// SePay failed (5xx) and the retry budget ran out.
    #[error("{operation}: SePay server error ({}): {message}", describe(Some(*status), code))]
    Server {
        /// Operation name.
        operation: String,
        /// HTTP status.
        status: u16,
        /// SePay's `error_code`.
        code: Option<String>,
        /// SePay's message or a summary of the body.
        message: String,
    },
    /// Any other error answer (e.g. 403).
    #[error("{operation}: request refused ({}): {message}", describe(Some(*status), code))]
    Api {
        /// Operation name.
        operation: String,
        /// HTTP status.
        status: u16,
        /// SePay's `error_code`.
        code: Option<String>,
        /// SePay's message.
        message: String,
    },
    /// The request could not be sent or the answer could not be read.
    #[error("{operation}: transport error: {message}")]
    Transport {
        /// Operation name.
        operation: String,
        /// What failed.
        message: String,
        /// The underlying error.
        #[source]
        source: Option<Cause>,
    },
    /// No complete answer arrived in time.
    #[error("{operation}: timed out after {} ms", after.as_millis())]
    Timeout {
        /// Operation name.
        operation: String,
        /// The per-request timeout that elapsed.
        after: Duration,
    },
    /// The answer was not what SePay documents.
    #[error(
        "{operation}: could not decode the response{}: expected {expected}, found {found}",
        at(path)
    )]
    Decode {
        /// Operation name.
        operation: String,
        /// Where in the JSON, e.g. `transactions[3].amount_in`.
        path: Option<String>,
        /// What the SDK expected.
        expected: String,
        /// What actually came (shortened).
        found: String,
    },
    /// Walking a list page by page could not guarantee a complete, duplicate-free result.
    #[error("{operation}: pagination stopped: {message}")]
    Pagination {
        /// Operation name.
        operation: String,
        /// Why continuing could skip or repeat items.
        message: String,
    },
    /// An inbound notification failed verification (wrong key or signature,
    /// stale timestamp, wrong method).
    #[error("webhook rejected: {reason}")]
    WebhookVerification {
        /// Why it was rejected (never contains the secret).
        reason: String,
    },
    /// A store the application supplied (OAuth2 token store, webhook dedup
    /// store) failed; nothing was lost, the call can be repeated.
    #[error("{operation}: store failed: {message}")]
    Store {
        /// Operation (or store method) that failed, e.g. `oauth.refresh`.
        operation: String,
        /// What the store reported.
        message: String,
    },
    /// The client was configured in a way that cannot work.
    #[error("configuration error: {message}")]
    Configuration {
        /// What is wrong.
        message: String,
    },
}

fn describe(status: Option<u16>, code: &Option<String>) -> String {
    match (status, code) {
        (Some(s), Some(c)) => format!("HTTP {s}, {c}"),
        (Some(s), None) => format!("HTTP {s}"),
        (None, Some(c)) => format!("before sending, {c}"),
        (None, None) => "before sending".to_string(),
    }
}

fn fields(errors: &[FieldError]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let list: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    format!(" [{}]", list.join("; "))
}

fn retry_hint(retry_after: &Option<Duration>) -> String {
    retry_after
        .map(|d| format!(" (retry after {} s)", d.as_secs_f64()))
        .unwrap_or_default()
}

fn at(path: &Option<String>) -> String {
    path.as_ref()
        .map(|p| format!(" at `{p}`"))
        .unwrap_or_default()
}

impl Error {
    /// The HTTP status SePay answered with, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Authentication { status, .. }
            | Error::NotFound { status, .. }
            | Error::Server { status, .. }
            | Error::Api { status, .. } => Some(*status),
            Error::Validation { status, .. } => *status,
            Error::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// SePay's machine-readable `error_code`, when it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Authentication { code, .. }
            | Error::NotFound { code, .. }
            | Error::Validation { code, .. }
            | Error::Server { code, .. }
            | Error::Api { code, .. } => code.as_deref(),
            Error::RateLimited { .. } => Some("rate_limited"),
            _ => None,
        }
    }

    /// How long SePay asked to wait before retrying (rate limits only).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Field-level validation details, if any.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Validation { field_errors, .. } => field_errors,
            _ => &[],
        }
    }

    /// The operation that failed (empty for configuration errors).
    pub fn operation(&self) -> &str {
        match self {
            Error::Authentication { operation, .. }
            | Error::NotFound { operation, .. }
            | Error::Validation { operation, .. }
            | Error::RateLimited { operation, .. }
            | Error::Server { operation, .. }
            | Error::Api { operation, .. }
            | Error::Transport { operation, .. }
            | Error::Timeout { operation, .. }
            | Error::Decode { operation, .. }
            | Error::Pagination { operation, .. }
            | Error::Store { operation, .. } => operation,
            Error::WebhookVerification { .. } => "webhook",
            Error::Configuration { .. } => "",
        }
    }

    /// A short stable name of the variant (`"not_found"`, `"decode"`, ...), used by bindings.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Authentication { .. } => "authentication",
            Error::NotFound { .. } => "not_found",
            Error::Validation { .. } => "validation",
            Error::RateLimited { .. } => "rate_limited",
            Error::Server { .. } => "server",
            Error::Api { .. } => "api",
            Error::Transport { .. } => "transport",
            Error::Timeout { .. } => "timeout",
            Error::Decode { .. } => "decode",
            Error::Pagination { .. } => "pagination",
            Error::WebhookVerification { .. } => "webhook_verification",
            Error::Store { .. } => "store",
            Error::Configuration { .. } => "configuration",
        }
    }

    /// A validation error raised by the SDK before anything was sent: `field`
    /// of `operation` and why (`"must not be empty"`). Bindings use it for
    /// the arguments they convert, so every language reports the same shape.
    pub fn invalid_param(operation: &str, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Error::Validation {
            operation: operation.to_string(),
            status: None,
            code: None,
            message: format!("{field} {message}"),
            field_errors: vec![FieldError {
                field: field.to_string(),
                message,
            }],
        }
    }

    /// A copy of this error for another caller (the source of a transport
    /// error is kept as its message).
    pub fn duplicate(&self) -> Error {
        match self {
            Error::Authentication {
                operation,
                status,
                code,
                message,
            } => Error::Authentication {
                operation: operation.clone(),
                status: *status,
                code: code.clone(),
                message: message.clone(),
            },
            Error::NotFound {
                operation,
                status,
                code,
                message,
            } => Error::NotFound {
                operation: operation.clone(),
                status: *status,
                code: code.clone(),
                message: message.clone(),
            },
            Error::Validation {
                operation,
                status,
                code,
                message,
                field_errors,
            } => Error::Validation {
                operation: operation.clone(),
                status: *status,
                code: code.clone(),
                message: message.clone(),
                field_errors: field_errors.clone(),
            },
            Error::RateLimited {
                operation,
                retry_after,
                message,
            } => Error::RateLimited {
                operation: operation.clone(),
                retry_after: *retry_after,
                message: message.clone(),
            },
            Error::Server {
                operation,
                status,
                code,
                message,
            } => Error::Server {
                operation: operation.clone(),
                status: *status,
                code: code.clone(),
                message: message.clone(),
            },
            Error::Api {
                operation,
                status,
                code,
                message,
            } => Error::Api {
                operation: operation.clone(),
                status: *status,
                code: code.clone(),
                message: message.clone(),
            },
            Error::Transport {
                operation, message, ..
            } => Error::Transport {
                operation: operation.clone(),
                message: message.clone(),
                source: None,
            },
            Error::Timeout { operation, after } => Error::Timeout {
                operation: operation.clone(),
                after: *after,
            },
            Error::Decode {
                operation,
                path,
                expected,
                found,
            } => Error::Decode {
                operation: operation.clone(),
                path: path.clone(),
                expected: expected.clone(),
                found: found.clone(),
            },
            Error::Pagination { operation, message } => Error::Pagination {
                operation: operation.clone(),
                message: message.clone(),
            },
            Error::WebhookVerification { reason } => Error::WebhookVerification {
                reason: reason.clone(),
            },
            Error::Store { operation, message } => Error::Store {
                operation: operation.clone(),
                message: message.clone(),
            },
            Error::Configuration { message } => Error::Configuration {
                message: message.clone(),
            },
        }
    }

    /// A failure of an application-supplied store.
    pub fn store(operation: &str, message: impl Into<String>) -> Self {
        Error::Store {
            operation: operation.to_string(),
            message: message.into(),
        }
    }

    /// A configuration error.
    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::Configuration {
            message: message.into(),
        }
    }
}

/// Result with the SDK's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
