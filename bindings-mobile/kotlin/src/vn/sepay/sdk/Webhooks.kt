// Kotlin spelling of the core's webhook replies: `WebhookReply.retryLater()`
// next to the generated `webhookErrorReply(e)`. The reply itself (status 503,
// body) comes from the Rust core.
package vn.sepay.sdk

/**
 * The reply after handling a [Delivery.NEW][vn.sepay.sdk.models.Delivery.NEW]
 * delivery failed and its key was released with [WebhookReceiver.release]:
 * 503, SePay delivers the event again later.
 */
fun WebhookReply.Companion.retryLater(): WebhookReply = webhookRetryLaterReply()
