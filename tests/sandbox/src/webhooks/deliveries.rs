//! Records of outbound delivery attempts (user webhooks and PG IPN).

use serde::{Deserialize, Serialize};

/// The result of one HTTP delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// HTTP status (0 = no response: connection error, timeout, token failure).
    pub status: u16,
    /// Whether SePay would count it as delivered.
    pub success: bool,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

impl Outcome {
    /// A failure without any response.
    pub fn no_response(error: impl Into<String>) -> Outcome {
        Outcome {
            status: 0,
            success: false,
            error: Some(error.into()),
        }
    }
}

/// One user-webhook delivery attempt (`GET /__sandbox/webhooks/deliveries`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryAttempt {
    /// Registered target id.
    pub target_id: u64,
    /// Webhook `id` (the v1 transaction id).
    pub event_id: u64,
    /// 1-based attempt number (at most 8).
    pub attempt: u32,
    /// HTTP status (0 = no response).
    pub status: u16,
    /// Whether the attempt counted as delivered.
    pub success: bool,
    /// Why it failed (`null` on success).
    pub error: Option<String>,
    /// Milliseconds between sandbox start and the attempt.
    pub at_ms: u64,
}

/// One PG IPN delivery attempt (`GET /__sandbox/pg/ipn/deliveries`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpnAttempt {
    /// The order's invoice number.
    pub order_invoice_number: String,
    /// `ORDER_PAID` or `TRANSACTION_VOID`.
    pub notification_type: String,
    /// 1-based attempt number (at most 8).
    pub attempt: u32,
    /// HTTP status (0 = no response).
    pub status: u16,
    /// Whether the attempt counted as delivered (HTTP 200).
    pub success: bool,
    /// Why it failed (`null` on success).
    pub error: Option<String>,
    /// Milliseconds between sandbox start and the attempt.
    pub at_ms: u64,
}

/// Short description of a `reqwest` failure.
pub fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timeout".to_string()
    } else if e.is_connect() {
        format!("connection error: {e}")
    } else {
        format!("request error: {e}")
    }
}
