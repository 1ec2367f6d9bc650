// End to end through the built jar: a VA order created with the client,
// paid in the sandbox, the webhook the sandbox delivers received on a local
// server, verified with the HMAC receiver and answered with its reply, and the
// order seen Paid.
package vn.sepay.sdk

import com.sun.net.httpserver.HttpServer
import java.math.BigDecimal
import java.net.InetSocketAddress
import java.util.Collections
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.Delivery
import vn.sepay.sdk.models.OrderBank
import vn.sepay.sdk.models.VaOrderCreateParams
import vn.sepay.sdk.models.VaOrderStatus
import vn.sepay.sdk.models.WebhookEvent

class EndToEndTest {
    private val secret = "whsec_end_to_end"

    @Test
    fun vaOrderPaidThroughAVerifiedWebhook(): Unit = runBlocking {
        val client = Sandbox.client()
        val receiver = WebhookReceiver.hmac(secret)
        val events = Collections.synchronizedList(mutableListOf<WebhookEvent>())
        val replies = Collections.synchronizedList(mutableListOf<Int>())
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/hook") { ex ->
            val body = ex.requestBody.readBytes()
            val headers = ex.requestHeaders.flatMap { (n, vs) -> vs.map { NameValue(n, it) } }
            val reply = try {
                val got = receiver.receive(ex.requestMethod, headers, body, System.currentTimeMillis() / 1000)
                if (got.delivery == Delivery.NEW) {
                    events.add(got.event)
                    receiver.complete(got.key)
                }
                got.reply
            } catch (e: SePayException) {
                webhookErrorReply(e)
            }
            replies.add(reply.status.toInt())
            val bytes = reply.body.toByteArray()
            ex.responseHeaders.add("content-type", reply.contentType)
            ex.sendResponseHeaders(reply.status.toInt(), bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        }
        server.start()
        val hookUrl = "http://127.0.0.1:${server.address.port}/hook"
        Sandbox.admin("DELETE", "webhooks/deliveries")
        val hook = Sandbox.admin("POST", "webhooks", """{"url":"$hookUrl","auth":"hmac","secret":"$secret"}""")
        val hookId = Regex("\"id\":\\s*(\\d+)").find(hook)!!.groupValues[1]
        try {
            val account = client.v2().bankAccounts().list().items.first { it.bankShortName == "BIDV" }
            val order = client.v2().orders().create(account.id, OrderBank.BIDV, VaOrderCreateParams(amount = BigDecimal(350_000)))
            assertEquals(VaOrderStatus.PENDING, order.status)

            Sandbox.vaPay(order.vaNumber!!, 350_000)
            val deadline = System.nanoTime() + 10_000_000_000
            while (events.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20)
            assertEquals(1, events.size, "one verified webhook arrived")
            val event = events[0]
            assertEquals(order.vaNumber, event.subAccount)
            assertEquals(order.orderCode, event.code)
            assertEquals(0, BigDecimal(350_000).compareTo(event.transferAmount))
            assertEquals(listOf(200), replies.toList())
            while (!Sandbox.admin("GET", "webhooks/deliveries").contains("\"success\":true") &&
                System.nanoTime() < deadline) Thread.sleep(20)
            val log = Sandbox.admin("GET", "webhooks/deliveries")
            assertTrue(log.contains("\"success\":true") && !log.contains("\"success\":false"), log)

            val paid = client.v2().orders().get(account.id, order.id)
            assertEquals(VaOrderStatus.PAID, paid.status)
            assertEquals(0, BigDecimal(350_000).compareTo(paid.paidAmount!!))
            // The transaction the webhook announced is the one the User API lists.
            val tx = client.v1().transactions().get(event.id)
            assertEquals(order.vaNumber, tx.subAccount)
        } finally {
            Sandbox.admin("DELETE", "webhooks/$hookId")
            server.stop(0)
        }
    }
}
