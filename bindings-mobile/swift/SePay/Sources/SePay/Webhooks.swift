// Swift spelling of the core's webhook replies: `WebhookReply.retryLater()`
// next to the generated `webhookErrorReply(error:)`. The reply itself (status
// 503, body) comes from the Rust core.

extension WebhookReply {
    /// The reply after handling a `.new` delivery failed and its key was
    /// released with `WebhookReceiver.release(key:)`: 503, SePay delivers the
    /// event again later.
    public static func retryLater() -> WebhookReply { webhookRetryLaterReply() }
}
