// Receiving money: webhooks delivered by the sandbox to a local
// HttpServer and verified with WebhookReceiver, rejection and dedup rules,
// VietQR payloads, and the payment gateway (checkout form, orders).
package vn.sepay.sdk

import com.sun.net.httpserver.HttpServer
import java.math.BigDecimal
import java.net.InetSocketAddress
import java.net.URI
import java.net.URLEncoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.Collections
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.BankHubEventName
import vn.sepay.sdk.models.BankHubTransferType
import vn.sepay.sdk.models.BodyEncoding
import vn.sepay.sdk.models.CheckoutOperation
import vn.sepay.sdk.models.CheckoutRequest
import vn.sepay.sdk.models.Delivery
import vn.sepay.sdk.models.TransferType
import vn.sepay.sdk.models.VietQr
import vn.sepay.sdk.models.VietQrService
import vn.sepay.sdk.models.WebhookEvent

/** The core's client-less functions and payment gateway operations, which this suite covers. */
val RECEIVING_OPERATIONS: List<String> get() = functions() + operations().filter { it.startsWith("pg.") }

private val http = HttpClient.newHttpClient()

private fun post(url: String, body: String, contentType: String = "application/json", accept: String? = null): HttpResponse<String> {
    val b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("content-type", contentType)
    accept?.let { b.header("accept", it) }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString())
}

private fun admin(method: String, path: String, body: String? = null): String {
    val r = HttpRequest.newBuilder(URI.create("${Sandbox.url}/__sandbox/$path"))
        .method(method, body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody())
        .header("content-type", "application/json").build()
    val response = http.send(r, HttpResponse.BodyHandlers.ofString())
    check(response.statusCode() in 200..299) { "$method $path: HTTP ${response.statusCode()} ${response.body()}" }
    return response.body()
}

private fun now() = System.currentTimeMillis() / 1000

private const val BODY =
    """{"id":7,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}"""

class ReceivingTest {
    @Test
    fun everyReceivingOperationIsExposed() {
        val exposed = mapOf(
            "webhook.receive" to WebhookReceiver::class.java, "webhook.receive_pg_ipn" to WebhookReceiver::class.java,
            "webhook.receive_bankhub_ipn" to WebhookReceiver::class.java, "webhook.receive_bankhub_event" to WebhookReceiver::class.java,
            "webhook.complete" to WebhookReceiver::class.java, "webhook.release" to WebhookReceiver::class.java,
            "webhook.test_delivery" to WebhookReceiver::class.java,
            "webhook.token.issue" to WebhookTokenIssuer::class.java,
            "pg.checkout" to PgApi::class.java, "pg.orders.list" to PgOrders::class.java,
            "pg.orders.iter" to PgOrders::class.java, "pg.orders.get" to PgOrders::class.java,
            "pg.orders.cancel" to PgOrders::class.java, "pg.orders.void" to PgOrders::class.java,
        )
        val topLevel = Class.forName("vn.sepay.sdk.Sepay_mobileKt").methods.map { it.name }.toSet()
        val functions = mapOf(
            "webhook.hmac_signature" to "hmacSignature", "qr.payload" to "vietqrPayload",
            "qr.decode" to "vietqrDecode", "qr.image_url" to "vietqrImageUrl", "webhook.error_reply" to "webhookErrorReply",
        )
        for (name in RECEIVING_OPERATIONS) {
            val fn = functions[name]
            if (fn != null) {
                assertTrue(fn in topLevel, "$name: no $fn()")
            } else {
                val type = exposed[name] ?: error("$name not mapped")
                val action = name.split(".").last().split("_").mapIndexed { i, p -> if (i == 0) p else p.replaceFirstChar(Char::uppercase) }.joinToString("")
                assertTrue(type.methods.any { it.name == action }, "$name: ${type.simpleName} has no $action")
            }
        }
    }

    @Test
    fun signatureMatchesAnIndependentlyComputedValue() {
        // Python: hmac.new(b"whsec_1", b"1767236400." + BODY, sha256).hexdigest()
        assertEquals(
            "sha256=d3d884c1470ef21d275fa37dfad2dfb5b1440a74a17db0f35333abff2af78c5d",
            hmacSignature("whsec_1", 1767236400, BODY.toByteArray()),
        )
    }

    @Test
    fun tamperedWrongKeyStaleAndReplayed() {
        val receiver = WebhookReceiver.hmac("whsec_1")
        val t = now()
        val body = BODY.toByteArray()
        val sig = hmacSignature("whsec_1", t, body)
        fun h(sig: String, ts: Long) = listOf(
            NameValue("X-SePay-Signature", sig), NameValue("X-SePay-Timestamp", ts.toString()),
            NameValue("Content-Type", "application/json"),
        )
        val first = receiver.receive("POST", h(sig, t), body, t)
        assertEquals(Delivery.NEW, first.delivery)
        assertFalse(first.duplicate)
        assertEquals("7", first.event.id)
        assertEquals(200, first.reply.status.toInt())
        assertEquals("{\"success\":true}", first.reply.body)
        assertEquals("application/json", first.reply.contentType)
        receiver.complete(first.key)
        val replay = receiver.receive("POST", h(sig, t), body, t)
        assertEquals(Delivery.DUPLICATE, replay.delivery, "same id, handled: duplicate, still a success reply")
        assertTrue(replay.duplicate)
        assertEquals(200, replay.reply.status.toInt())

        val tampered = BODY.replace("\"id\":7", "\"id\":8").toByteArray()
        val e = assertFailsWith<SePayException.WebhookVerification> { receiver.receive("POST", h(sig, t), tampered, t) }
        assertEquals(401, webhookErrorReply(e).status.toInt())
        assertFailsWith<SePayException.WebhookVerification>("stale") { receiver.receive("POST", h(sig, t), body, t + 301) }
        val wrong = hmacSignature("other", t, body)
        assertFailsWith<SePayException.WebhookVerification>("wrong key") { receiver.receive("POST", h(wrong, t), body, t) }
        assertFailsWith<SePayException.WebhookVerification>("GET") { receiver.receive("GET", h(sig, t), body, t) }
        assertFalse(receiver.toString().contains("whsec_1"), receiver.toString())

        val apiKey = WebhookReceiver.apiKey("key-1")
        val ok = listOf(NameValue("Authorization", "Apikey key-1"))
        assertEquals("7", apiKey.receive("POST", ok, body, t).event.id)
        assertFailsWith<SePayException.WebhookVerification> {
            apiKey.receive("POST", listOf(NameValue("Authorization", "Apikey key-2")), body, t)
        }
        val bad = assertFailsWith<SePayException.Decode> { WebhookReceiver.noAuth().receive("POST", ok, "nope".toByteArray(), t) }
        assertEquals(400, webhookErrorReply(bad).status.toInt())
    }

    @Test
    fun eachConfiguredEncodingParsesToTheSameEvent() {
        val json = WebhookReceiver.noAuth().receive("POST", listOf(NameValue("content-type", "application/json")), BODY.toByteArray(), now()).event
        val form = "id=7&gateway=ACB&transactionDate=2026-01-01+10%3A00%3A00&accountNumber=1&content=x&transferType=in&transferAmount=1000&accumulated=0&referenceCode=r&description="
        val fromForm = WebhookReceiver.noAuth(encoding = BodyEncoding.FORM_URL_ENCODED)
            .receive("POST", listOf(NameValue("content-type", "application/x-www-form-urlencoded")), form.toByteArray(), now()).event
        val parts = listOf("id" to "7", "gateway" to "ACB", "transactionDate" to "2026-01-01 10:00:00", "accountNumber" to "1",
            "content" to "x", "transferType" to "in", "transferAmount" to "1000", "accumulated" to "0", "referenceCode" to "r", "description" to "")
        val multipart = parts.joinToString("") { (k, v) -> "--XyZ\r\nContent-Disposition: form-data; name=\"$k\"\r\n\r\n$v\r\n" } + "--XyZ--\r\n"
        val fromMultipart = WebhookReceiver.noAuth(encoding = BodyEncoding.MULTIPART)
            .receive("POST", listOf(NameValue("content-type", "multipart/form-data; boundary=XyZ")), multipart.toByteArray(), now()).event
        assertEquals(json, fromForm)
        assertEquals(json, fromMultipart)
        assertEquals(0, BigDecimal(1000).compareTo(json.transferAmount))
        assertEquals(TransferType.IN, json.transferType)
    }

    @Test
    fun sandboxDeliversWebhooksInEveryModeAndContentType() {
        val issuer = WebhookTokenIssuer("hook-client", "hook-secret", Duration.ofHours(1))
        val receivers = linkedMapOf(
            "hmac" to WebhookReceiver.hmac("whsec_1"),
            "apikey" to WebhookReceiver.apiKey("key-1", encoding = BodyEncoding.FORM_URL_ENCODED),
            "none" to WebhookReceiver.noAuth(encoding = BodyEncoding.MULTIPART),
            "oauth" to WebhookReceiver.oauth2(issuer),
        )
        val inbox = Collections.synchronizedList(mutableListOf<Pair<String, WebhookEvent>>())
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { ex ->
            val body = ex.requestBody.readBytes()
            val headers = ex.requestHeaders.flatMap { (n, vs) -> vs.map { NameValue(n, it) } }
            val path = ex.requestURI.path.trim('/')
            val (status, text) = if (path == "token") {
                val r = issuer.issue(body, now())
                r.status.toInt() to r.body
            } else {
                try {
                    val receiver = receivers.getValue(path)
                    val got = receiver.receive(ex.requestMethod, headers, body, now())
                    if (got.delivery == Delivery.NEW) {
                        inbox.add(path to got.event)
                        receiver.complete(got.key)
                    }
                    got.reply.status.toInt() to got.reply.body
                } catch (e: SePayException) {
                    val r = webhookErrorReply(e)
                    r.status.toInt() to r.body
                }
            }
            val bytes = text.toByteArray()
            ex.responseHeaders.add("content-type", "application/json")
            ex.sendResponseHeaders(status, bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        }
        server.start()
        try {
            val base = "http://127.0.0.1:${server.address.port}"
            admin("DELETE", "webhooks/deliveries")
            val ids = listOf(
                """{"url":"$base/hmac","auth":"hmac","secret":"whsec_1","content_type":"json"}""",
                """{"url":"$base/apikey","auth":"api_key","api_key":"key-1","content_type":"form"}""",
                """{"url":"$base/none","auth":"none","content_type":"multipart"}""",
                """{"url":"$base/oauth","auth":"oauth2","token_url":"$base/token","client_id":"hook-client","client_secret":"hook-secret"}""",
            ).map { Regex("\"id\":\\s*(\\d+)").find(admin("POST", "webhooks", it))!!.groupValues[1] }
            try {
                val txn = admin("POST", "simulate/transaction", """{"amount":2277000,"content":"chuyen tien DH12345 mua iphone"}""")
                val v1Id = Regex("\"v1_id\":\\s*(\\d+)").find(txn)!!.groupValues[1]
                val deadline = System.nanoTime() + 10_000_000_000
                while (inbox.size < 4 && System.nanoTime() < deadline) Thread.sleep(20)
                assertEquals(setOf("hmac", "apikey", "none", "oauth"), inbox.map { it.first }.toSet())
                val first = inbox[0].second
                assertEquals(v1Id, first.id)
                assertEquals(0, BigDecimal(2_277_000).compareTo(first.transferAmount))
                assertEquals("DH12345", first.code)
                for ((mode, event) in inbox) assertEquals(first, event, "$mode gives the same event")
                while (Regex("\"success\":\\s*true").findAll(admin("GET", "webhooks/deliveries")).count() < 4 &&
                    System.nanoTime() < deadline) Thread.sleep(20)
                val log = admin("GET", "webhooks/deliveries")
                assertEquals(4, Regex("\"success\":\\s*true").findAll(log).count(), log)
                assertFalse(log.contains("\"success\":false"), "SePay counted every reply as success: $log")
            } finally {
                for (id in ids) admin("DELETE", "webhooks/$id")
            }
        } finally {
            server.stop(0)
        }
    }

    @Test
    fun bankHubIpnAndEventsAreVerifiedAndDeduplicated() {
        val t = now()
        val receiver = WebhookReceiver.secretKey("bh-secret")
        val key = listOf(NameValue("X-Secret-Key", "bh-secret"), NameValue("content-type", "application/json"))
        val ipn = """{"gateway":"BIDV","transaction_date":"2026-01-01 10:00:00","account_number":"123","content":"DH1","transfer_type":"credit","amount":50000,"accumulated":100000,"transaction_id":"bh-1"}"""
        val got = receiver.receiveBankhubIpn("POST", key, ipn.toByteArray(), t)
        assertEquals("bh-1", got.event.transactionId)
        assertEquals(0, BigDecimal(50_000).compareTo(got.event.amount))
        assertEquals(BankHubTransferType.CREDIT, got.event.transferType)
        assertFalse(got.duplicate)
        receiver.complete(got.key)
        assertTrue(receiver.receiveBankhubIpn("POST", key, ipn.toByteArray(), t).duplicate)
        val event = """{"timestamp":$t,"xid":"ev-1","version":"1","event":"BANK_ACCOUNT_LINKED","metadata":{"bank_account_xid":"ba-1"}}"""
        val e = receiver.receiveBankhubEvent("POST", key, event.toByteArray(), t)
        assertEquals(BankHubEventName.BANK_ACCOUNT_LINKED, e.event.event)
        assertEquals("ba-1", e.event.metadata.bankAccountXid)
        assertEquals(200, e.reply.status.toInt())
        assertFailsWith<SePayException.WebhookVerification> {
            receiver.receiveBankhubEvent("POST", listOf(NameValue("X-Secret-Key", "nope")), event.toByteArray(), t)
        }
    }

    @Test
    fun knownGoodVietQrPayloadsRoundTrip() {
        val knownGood = listOf(
            "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F",
            "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8",
            "00020101021138570010A00000072701270006970405011322082054793800208QRIBFTTA53037045802VN630497A6",
            "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0",
        )
        for (good in knownGood) assertEquals(good, vietqrPayload(vietqrDecode(good)))
        val built = VietQr("970416", "257678859", BigDecimal(1000), "Chuyen tien", VietQrService.ACCOUNT)
        assertEquals(knownGood[1], vietqrPayload(built))
        assertEquals("257678859", vietqrDecode(knownGood[1]).account)
        assertFailsWith<SePayException.Decode> { vietqrDecode(knownGood[0].replaceRange(30, 31, "9")) }
        assertFailsWith<SePayException.Validation> { vietqrPayload(VietQr("97041", "1", null, null, VietQrService.ACCOUNT)) }
        assertEquals(
            "https://qr.sepay.vn/img?acc=0010000000355&bank=Vietcombank&amount=100000&des=ung%20ho%20quy%20bao%20tro%20tre%20em",
            vietqrImageUrl("0010000000355", "Vietcombank", BigDecimal(100000), "ung ho quy bao tro tre em"),
        )
    }

    private fun pg() = SePayClient.paymentGatewayEmulator("SP-TEST-SANDBOX", "spsk_test_sandbox", Sandbox.url, options = Sandbox.fast)

    private fun submit(action: String, fields: List<NameValue>) = post(
        action,
        fields.joinToString("&") { URLEncoder.encode(it.name, "UTF-8") + "=" + URLEncoder.encode(it.value, "UTF-8") },
        "application/x-www-form-urlencoded", accept = "application/json",
    ).statusCode()

    @Test
    fun checkoutFormOrdersAndTheirRules() = runBlocking {
        val client = pg()
        assertFalse(client.toString().contains("spsk_test_sandbox"), client.toString())
        val invoice = "INV-KT-${System.nanoTime()}"
        val request = CheckoutRequest(
            merchant = "ignored", operation = CheckoutOperation.PURCHASE, orderAmount = BigDecimal(150_000),
            orderInvoiceNumber = invoice, orderDescription = "Don hang <1>", successUrl = "https://shop.example/ok",
        )
        val form = client.pg().checkout(request)
        assertTrue(form.action().endsWith("/pay/v1/checkout/init"), form.action())
        val fields = form.fields()
        assertEquals("signature", fields.last().name)
        assertEquals("SP-TEST-SANDBOX", fields.first { it.name == "merchant" }.value)
        val html = form.toHtml("Pay")
        assertContains(html, "Don hang &lt;1&gt;")
        assertTrue(fields.map { html.indexOf("name=\"${it.name}\"") }.zipWithNext().all { (a, b) -> a in 0 until b }, html)
        val tampered = fields.map { if (it.name == "order_amount") NameValue(it.name, "1") else it }
        assertEquals(400, submit(form.action(), tampered), "a tampered form is rejected")
        val reordered = fields.toMutableList().also { Collections.swap(it, 1, 2) }
        assertEquals(400, submit(form.action(), reordered), "order is part of the signature")
        assertEquals(200, submit(form.action(), fields), "the sandbox accepts the SDK's signature")

        val order = client.pg().orders().get(invoice)
        assertEquals(0, BigDecimal(150_000).compareTo(order.orderAmount))
        assertEquals(invoice, order.orderInvoiceNumber)
        assertTrue(client.pg().orders().list().items.any { it.orderInvoiceNumber == invoice })
        assertTrue(client.pg().orders().iter().asFlow().toList().any { it.orderInvoiceNumber == invoice })
        assertFailsWith<SePayException.Validation>("only a captured card payment can be voided") { client.pg().orders().void(invoice) }
        assertTrue(client.pg().orders().cancel(invoice).isNotEmpty())
        assertEquals("CANCELLED", client.pg().orders().get(invoice).orderStatus)
        val again = assertFailsWith<SePayException.Validation> { client.pg().orders().cancel(invoice) }
        assertEquals(422, again.status?.toInt())
        assertFailsWith<SePayException.NotFound> { client.pg().orders().get("NOPE-${System.nanoTime()}") }
        val noPg = Sandbox.client()
        assertFailsWith<SePayException.Configuration> { noPg.pg().checkout(request) }
        Unit
    }

    @Test
    fun pgIpnIsVerifiedWithTheSecretKey() = runBlocking {
        val client = pg()
        val invoice = "INV-IPN-${System.nanoTime()}"
        val form = client.pg().checkout(CheckoutRequest(
            merchant = "", operation = CheckoutOperation.PURCHASE, orderAmount = BigDecimal(50_000),
            orderInvoiceNumber = invoice, orderDescription = "ipn",
        ))
        assertEquals(200, submit(form.action(), form.fields()))
        val receiver = WebhookReceiver.secretKey("spsk_test_sandbox")
        val got = Collections.synchronizedList(mutableListOf<ReceivedPgIpn>())
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/ipn") { ex ->
            val headers = ex.requestHeaders.flatMap { (n, vs) -> vs.map { NameValue(n, it) } }
            val r = receiver.receivePgIpn(ex.requestMethod, headers, ex.requestBody.readBytes(), now())
            got.add(r)
            val bytes = r.reply.body.toByteArray()
            ex.sendResponseHeaders(r.reply.status.toInt(), bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        }
        server.start()
        try {
            admin("POST", "pg/ipn", """{"url":"http://127.0.0.1:${server.address.port}/ipn","secret_key":"spsk_test_sandbox"}""")
            admin("POST", "pg/pay", """{"order_invoice_number":"$invoice","payment_method":"BANK_TRANSFER"}""")
            val deadline = System.nanoTime() + 10_000_000_000
            while (got.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20)
            val ipn = assertNotNull(got.firstOrNull()).event
            assertEquals(invoice, ipn.order.orderInvoiceNumber)
            assertEquals(0, BigDecimal(50_000).compareTo(ipn.transaction.transactionAmount))
            assertEquals("CAPTURED", client.pg().orders().get(invoice).orderStatus)
            val e = assertFailsWith<SePayException.Validation>("a paid order cannot be cancelled") { client.pg().orders().cancel(invoice) }
            assertEquals(422, e.status?.toInt())
        } finally {
            admin("POST", "pg/ipn", """{"url":null}""")
            server.stop(0)
        }
        Unit
    }
}
