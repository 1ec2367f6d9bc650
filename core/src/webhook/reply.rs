//! What to answer SePay. It counts a delivery as successful only for a JSON body
//! with `"success": true` and status 200 (201 in OAuth2 mode); anything else is
//! retried (sepay-api.md §7.3). Duplicates get the success reply too.

/// An HTTP reply for the integrator's web framework to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookReply {
    /// Status code.
    pub status: u16,
    /// Always `application/json`.
    pub content_type: &'static str,
    /// The JSON body.
    pub body: &'static str,
}

impl WebhookReply {
    /// `{"success": true}` with `status` (200, or 201 for OAuth2-mode webhooks).
    pub fn success(status: u16) -> Self {
        WebhookReply {
            status,
            content_type: "application/json",
            body: r#"{"success":true}"#,
        }
    }

    /// 401 `{"success": false}`: verification failed, SePay will retry.
    pub fn unauthorized() -> Self {
        WebhookReply {
            status: 401,
            content_type: "application/json",
            body: r#"{"success":false,"message":"Unauthorized"}"#,
        }
    }

    /// 503 `{"success": false}`: this event is being handled by another
    /// request (or handling failed); SePay retries later.
    pub fn retry_later() -> Self {
        WebhookReply {
            status: 503,
            content_type: "application/json",
            body: r#"{"success":false,"message":"Retry later"}"#,
        }
    }

    /// 400 `{"success": false}`: the body could not be read.
    pub fn bad_request() -> Self {
        WebhookReply {
            status: 400,
            content_type: "application/json",
            body: r#"{"success":false,"message":"Bad Request"}"#,
        }
    }
}
