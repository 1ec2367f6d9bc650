// Receives SePay's payment webhooks with the JDK's HTTP server (com.sun.net.httpserver):
// verify the HMAC signature, handle each event once (complete it when handled; release
// it and answer "retry later" when handling failed), reply exactly what the receiver says.
//
//   java -cp <classpath> ReceiveWebhookKt http://127.0.0.1:PORT   (local sepay-sandbox: registers
//       its URL, simulates a bank transfer and exits once the verified webhook has arrived)
//   PORT=8080 SEPAY_WEBHOOK_SECRET=... java -cp <classpath> ReceiveWebhookKt   (real SePay: serves
//       until stopped; register http(s)://your-host/sepay/webhook on my.sepay.vn, HMAC mode)
//
// scripts/test-mobile.sh runs it against the sandbox; pom.xml (beside it) shows the classpath.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import vn.sepay.sdk.NameValue
import vn.sepay.sdk.SePayException
import vn.sepay.sdk.WebhookReceiver
import vn.sepay.sdk.WebhookReply
import vn.sepay.sdk.retryLater
import vn.sepay.sdk.webhookErrorReply
import vn.sepay.sdk.models.Delivery
import vn.sepay.sdk.models.WebhookEvent

private val secret = System.getenv("SEPAY_WEBHOOK_SECRET") ?: "whsec_example"
// One receiver per endpoint; its dedup store is in memory (pass store = .. to share it).
private val receiver = WebhookReceiver.hmac(secret)
private val firstPayment = CompletableFuture<WebhookEvent>()

/** Your business logic (mark the order paid); a throw makes SePay deliver the event again later. */
private fun handlePayment(event: WebhookEvent) {
    println("paid: ${event.transferAmount} VND, code ${event.code}, memo \"${event.content}\" (id ${event.id})")
}

/** The whole pattern: verify, handle a new event once, then complete; on failure release and retry later. */
private fun handle(exchange: HttpExchange): Pair<WebhookReply, WebhookEvent?> {
    val headers = exchange.requestHeaders.flatMap { (name, values) -> values.map { NameValue(name, it) } }
    val body = exchange.requestBody.readBytes() // the raw bytes: the signature covers them exactly
    return try {
        val got = receiver.receive(exchange.requestMethod, headers, body, System.currentTimeMillis() / 1000)
        if (got.delivery != Delivery.NEW) return got.reply to null // DUPLICATE: 200 success; IN_PROGRESS: 503
        try {
            handlePayment(got.event)
        } catch (e: Exception) {
            receiver.release(got.key) // SePay's retry is processed again
            return WebhookReply.retryLater() to null
        }
        receiver.complete(got.key) // later deliveries of this event are duplicates
        got.reply to got.event // 200 {"success":true}
    } catch (e: SePayException) {
        println("not handled: $e")
        webhookErrorReply(e) to null // 401 forged or stale, 400 unreadable, 503 dedup store down
    }
}

fun main(args: Array<String>) {
    val sandbox = args.getOrNull(0)
    val port = if (sandbox != null) 0 else System.getenv("PORT")?.toInt() ?: 8080
    val server = HttpServer.create(InetSocketAddress(if (sandbox != null) "127.0.0.1" else "0.0.0.0", port), 0)
    server.createContext("/sepay/webhook") { exchange ->
        val (reply, handled) = handle(exchange)
        val bytes = reply.body.toByteArray()
        exchange.responseHeaders.set("Content-Type", reply.contentType)
        exchange.sendResponseHeaders(reply.status.toInt(), bytes.size.toLong())
        exchange.responseBody.use { it.write(bytes) }
        if (handled != null) firstPayment.complete(handled)
    }
    server.start()
    val url = "http://127.0.0.1:${server.address.port}/sepay/webhook"
    println("listening on $url")
    if (sandbox == null) return // serves until stopped

    val id = Regex("\\d+").find(admin(sandbox, "POST", "webhooks", """{"url":"$url","auth":"hmac","secret":"$secret"}"""))!!.value
    admin(sandbox, "POST", "simulate/transaction", """{"amount":150000,"content":"DH42 thanh toan"}""")
    try {
        val event = firstPayment.get(15, TimeUnit.SECONDS) // a TimeoutException when nothing came
        check(event.code == "DH42") { "unexpected code ${event.code}" }
        // The sandbox logs how it took the reply: success means SePay will not send it again.
        val delivered = Regex("\\{[^}]*\"target_id\":$id,[^}]*\"success\":true")
        val deadline = System.nanoTime() + 5_000_000_000
        while (!delivered.containsMatchIn(admin(sandbox, "GET", "webhooks/deliveries"))) {
            check(System.nanoTime() < deadline) { "the sandbox did not count the reply as a success" }
            Thread.sleep(50)
        }
        println("SePay counted the delivery as success")
    } finally {
        admin(sandbox, "DELETE", "webhooks/$id")
        server.stop(0)
    }
}

/** The sandbox's admin API (`/__sandbox/..`, not part of SePay). */
private fun admin(sandbox: String, method: String, path: String, json: String? = null): String {
    val request = HttpRequest.newBuilder(URI.create("$sandbox/__sandbox/$path"))
        .header("content-type", "application/json")
        .method(method, json?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody())
        .build()
    val response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
    check(response.statusCode() in 200..299) { "$method $path: HTTP ${response.statusCode()} ${response.body()}" }
    return response.body()
}
