//! User API v1 (`my.sepay.vn/userapi`, legacy) and v2 (`userapi.sepay.vn/v2`).

pub mod orders;
pub mod v1;
pub mod v2;

use std::time::Duration;

use crate::error::{Error, FieldError};

/// What an error answer said, whatever its envelope.
pub(crate) struct ErrorAnswer {
    pub status: u16,
    pub code: Option<String>,
    pub message: String,
    pub field_errors: Vec<FieldError>,
    pub retry_after: Option<Duration>,
}

impl ErrorAnswer {
    /// The typed error for this answer, chosen by HTTP status.
    pub(crate) fn into_error(self, operation: &str) -> Error {
        let operation = operation.to_string();
        let ErrorAnswer {
            status,
            code,
            message,
            field_errors,
            retry_after,
        } = self;
        match status {
            401 => Error::Authentication {
                operation,
                status,
                code,
                message,
            },
            404 => Error::NotFound {
                operation,
                status,
                code,
                message,
            },
            400 | 422 => Error::Validation {
                operation,
                status: Some(status),
                code,
                message,
                field_errors,
            },
            429 => Error::RateLimited {
                operation,
                retry_after,
                message,
            },
            500..=599 => Error::Server {
                operation,
                status,
                code,
                message,
            },
            _ => Error::Api {
                operation,
                status,
                code,
                message,
            },
        }
    }
}

/// `{"field": ["msg", ...]}` or `{"field": "msg"}` into field errors.
pub(crate) fn field_errors(value: Option<&serde_json::Value>) -> Vec<FieldError> {
    let Some(serde_json::Value::Object(map)) = value else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (field, v) in map {
        match v {
            serde_json::Value::Array(items) => out.extend(items.iter().map(|m| FieldError {
                field: field.clone(),
                message: text_of(m),
            })),
            other => out.push(FieldError {
                field: field.clone(),
                message: text_of(other),
            }),
        }
    }
    out
}

/// A JSON value as plain text (strings without quotes).
pub(crate) fn text_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
