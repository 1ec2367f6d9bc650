// The test kit: the emulator in-process (Emulator) and made-up webhook
// deliveries (WebhookReceiver.testDelivery), as a user's test suite uses them.
package vn.sepay.sdk

import com.sun.net.httpserver.HttpServer
import java.math.BigDecimal
import java.net.InetSocketAddress
import java.time.Duration
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.util.Collections
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.BodyEncoding
import vn.sepay.sdk.models.Delivery
import vn.sepay.sdk.models.TestTransaction
import vn.sepay.sdk.models.WebhookEvent

private fun now() = System.currentTimeMillis() / 1000

class TestKitTest {
    @Test
    fun theEmulatorServesSeededDataListsAPaymentAndDeliversItsWebhook() = runBlocking {
        val receiver = WebhookReceiver.hmac("whsec_kit")
        val paid = Collections.synchronizedList(mutableListOf<WebhookEvent>())
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/sepay") { ex ->
            val headers = ex.requestHeaders.flatMap { (n, vs) -> vs.map { NameValue(n, it) } }
            val reply = try {
                val got = receiver.receive(ex.requestMethod, headers, ex.requestBody.readBytes(), now())
                if (got.delivery == Delivery.NEW) {
                    paid.add(got.event)
                    receiver.complete(got.key)
                }
                got.reply
            } catch (e: SePayException) {
                webhookErrorReply(e)
            }
            val bytes = reply.body.toByteArray()
            ex.sendResponseHeaders(reply.status.toInt(), bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        }
        server.start()
        val sepay = Emulator(EmulatorOptions(transactions = 12u, bankAccounts = 2u, requestsPerSecond = 0.0))
        try {
            val credentials = sepay.credentials()
            assertTrue(credentials.baseUrl.startsWith("http://127.0.0.1:"))
            val client = sepay.client()
            assertEquals(2, client.v2().bankAccounts().list().items.size)
            val target = sepay.addWebhook(
                "http://127.0.0.1:${server.address.port}/sepay", EmulatorWebhookAuth.Hmac("whsec_kit"),
            )
            val payment = sepay.simulatePayment(150_000u, "DH42 thanh toan")
            assertEquals("DH42", payment.code)
            assertEquals(listOf(target), payment.deliveredTo)
            val latest = client.v1().transactions().list().first()
            assertEquals(payment.v1Id.toString(), latest.id)
            assertEquals(0, BigDecimal(150_000).compareTo(latest.amountIn))
            val delivery = sepay.webhookDeliveries(1u, Duration.ofSeconds(10)).first()
            assertTrue(delivery.success, delivery.toString())
            assertEquals(listOf("DH42"), paid.map { it.code })
            assertTrue(sepay.requestCount() >= 2u)
            client.close()
        } finally {
            sepay.stop()
            server.stop(0)
        }
    }

    @Test
    fun badInputIsAValidationErrorAndAClosedEmulatorRefusesCalls() {
        val sepay = Emulator(EmulatorOptions(transactions = 1u))
        assertFailsWith<SePayException.Validation> { sepay.simulatePayment(0u, "x") }
        assertFailsWith<SePayException.Validation> { sepay.addWebhook("ftp://x") }
        assertFailsWith<SePayException.Validation> { sepay.addWebhook("http://x", EmulatorWebhookAuth.Hmac("")) }
        assertFailsWith<SePayException.Validation> { sepay.payVa("NOPE", 1000u) }
        assertFailsWith<SePayException.Validation> { Emulator(EmulatorOptions(requestsPerSecond = -1.0)) }
        sepay.stop()
        sepay.stop()
        assertFailsWith<SePayException.Configuration> { sepay.baseUrl() }
    }

    @Test
    fun everyModeAcceptsItsOwnTestDelivery() {
        val issuer = WebhookTokenIssuer("id", "secret", Duration.ofMinutes(1))
        val receivers = listOf(
            WebhookReceiver.noAuth(), WebhookReceiver.apiKey("key"),
            WebhookReceiver.apiKey("key", encoding = BodyEncoding.FORM_URL_ENCODED),
            WebhookReceiver.noAuth(encoding = BodyEncoding.MULTIPART), WebhookReceiver.hmac("whsec"),
            WebhookReceiver.oauth2(issuer), WebhookReceiver.secretKey("sk"),
        )
        val date = OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.ofHours(7))
        val txn = TestTransaction(
            transferAmount = BigDecimal("150000.50"), content = "DH9 thanh toan", id = 77u, code = "DH9",
            transactionDate = date, subAccount = "VA1",
        )
        for (receiver in receivers) {
            val d = receiver.testDelivery(txn, now())
            val got = receiver.receive("POST", d.headers, d.body, now())
            assertEquals(Delivery.NEW, got.delivery, receiver.toString())
            assertEquals(listOf("77", "DH9", "VA1"), listOf(got.event.id, got.event.code, got.event.subAccount))
            assertEquals(0, BigDecimal("150000.50").compareTo(got.event.transferAmount))
            assertEquals(date.toInstant(), got.event.transactionDate.toInstant())
        }
        val forged = WebhookReceiver.hmac("other").testDelivery(TestTransaction(transferAmount = BigDecimal(1000)), now())
        assertFailsWith<SePayException.WebhookVerification> {
            WebhookReceiver.hmac("whsec").receive("POST", forged.headers, forged.body, now())
        }
    }
}
